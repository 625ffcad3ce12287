import Foundation
import BusinessDays
import Diagnostics
import Store
import Table

/// What needs attention on a day (procedure step 19): the cases whose reminder is due (2 business
/// days before the deadline, still unanswered), those due that day and those overdue, by owner. Only
/// cases whose term runs (assigned or extended) count; a suspended term does not run.
public struct DueList: Sendable {
    public struct Item: Sendable {
        public let record: PQRSCaseRecord
        public let reminder: CivilDate
        /// Business days past the deadline (0 on the day, negative before it).
        public let daysLate: Int
    }

    public let day: CivilDate
    /// Reminders due on or before the day and not yet past the deadline; the command records them
    /// (once per deadline version).
    public let reminders: [Item]
    public let dueToday: [Item]
    public let overdue: [Item]

    public init(_ cases: [PQRSCaseRecord], on day: CivilDate, calendar: BusinessCalendar) {
        self.day = day
        var reminders: [Item] = [], dueToday: [Item] = [], overdue: [Item] = []
        for c in cases where c.termRuns {
            let deadline = CivilDate(parsing: c.deadline)!
            let item = Item(record: c, reminder: c.reminder(calendar), daysLate: calendar.businessDays(from: deadline, to: day))
            if deadline < day { overdue.append(item) }
            else if deadline == day { dueToday.append(item) }
            if item.reminder <= day && day <= deadline { reminders.append(item) }
        }
        func order(_ a: Item, _ b: Item) -> Bool { (a.record.owner, a.record.deadline, a.record.radicado) < (b.record.owner, b.record.deadline, b.record.radicado) }
        self.reminders = reminders.sorted(by: order)
        self.dueToday = dueToday.sorted(by: order)
        self.overdue = overdue.sorted(by: order)
    }

    /// The reminders of the list, split into those noted now and those noted before. A look ahead
    /// (`cases due --on` a day after `today`) notes nothing: that day's reminders must still show on
    /// the day itself. Today's list, or a past day's being caught up, notes each reminder once per
    /// deadline version (procedure step 19).
    public func noteReminders(in store: any CaseStore, today: CivilDate) throws -> Reminders {
        let noted = Set(try store.reminders().map { "\($0.radicado)\u{1F}\($0.version)" })
        var result = Reminders(noted: day <= today)
        for item in reminders {
            if noted.contains("\(item.record.radicado)\u{1F}\(item.record.deadlineVersion)") {
                result.already.append(item)
            } else if result.noted, try store.recordReminder(radicado: item.record.radicado, deadlineVersion: item.record.deadlineVersion, on: day.iso) {
                result.new.append(item)
            } else if result.noted {
                result.already.append(item)
            } else {
                result.new.append(item)
            }
        }
        return result
    }

    public struct Reminders: Sendable {
        /// Whether the new ones were noted in the store (the day is not after today).
        public let noted: Bool
        /// Reminders not noted before: noted now when ``noted``, else only shown.
        public var new: [Item] = []
        /// Reminders noted on an earlier run.
        public var already: [Item] = []

        init(noted: Bool) { self.noted = noted }
    }
}

/// The monthly PQRSL report (procedure step 33; reference `pqrsl.md` §6): what came in during the month
/// and how it was handled, as of a day.
public struct MonthlyReport: Sendable {
    public struct Count: Sendable, Equatable {
        public let key: [String]
        public let count: Int
    }

    public let month: String
    public let asOf: CivilDate
    /// Cases received in the month.
    public let received: Int
    public let byChannelAndType: [Count]
    public let byService: [Count]
    public let byAttribute: [Count]
    /// Cases received in the month by the SSF's type (those classified with one).
    public let bySSFType: [Count]
    /// Answers given in the month, on time and in all, by type, by service and by channel (`key`:
    /// the dimension — «tipo», «servicio», «canal» — and its value).
    public let timeliness: [(key: [String], answered: Int, onTime: Int)]
    /// Cases received in the month whose term was extended (Ley 1755, art. 14, parágrafo) or suspended
    /// to be completed (art. 17).
    public let extended: Int
    public let suspended: Int
    /// Answers given in the month: on time, late, and mean business days from receipt to answer.
    public let answeredOnTime: Int
    public let answeredLate: Int
    public let meanBusinessDaysToAnswer: Double?
    /// Open as of the day (received, not yet answered, not transferred or withdrawn), oldest first.
    public let open: [OpenCase]

    /// A case still open on the report's day: its age in business days from the effective receipt
    /// (0 while that day has not come: a case filed on a Saturday starts on the next business day),
    /// its deadline, and how close it is to it.
    public struct OpenCase: Sendable {
        /// The traffic light of an open case: past its deadline (red), due within two business days —
        /// the reminder's window, step 10 — (amber), or with time left (green).
        public enum Urgency: String, Sendable {
            case overdue = "vencido", dueSoon = "por vencer", onTime = "a tiempo"

            public init(deadline: String, on day: CivilDate, calendar: BusinessCalendar) {
                let soon = calendar.adding(2, businessDaysTo: day).iso
                self = deadline < day.iso ? .overdue : (deadline <= soon ? .dueSoon : .onTime)
            }

            public var label: String { [.overdue: L("vencido", "overdue"), .dueSoon: L("por vencer", "due soon"), .onTime: L("a tiempo", "on time")][self]! }
            /// The light as HTML: a coloured dot (the stylesheet's `.semaforo`) and its word — the colour is never the only sign.
            public var html: String { "<span class=\"semaforo \([.overdue: "rojo", .dueSoon: "amarillo", .onTime: "verde"][self]!)\" aria-hidden=\"true\"></span>\(label)" }
        }
        public let radicado: String
        public let type: String
        public let owner: String
        public let ageDays: Int
        public let deadline: String
        /// Past its deadline; due within two business days; or with time left.
        public let urgency: Urgency
        public var overdue: Bool { urgency == .overdue }
    }
    public let remindersSent: Int
    /// The twelve months up to this one, oldest first: cases received, answers given, and on time.
    public let history: [(month: String, received: Int, answered: Int, onTime: Int)]
    /// Verification of the cases answered in the month.
    public let verification: [String: Int]
    public let complimentsByService: [Count]

    /// `events`: every case's history (``CaseStore/histories()``), from which the open cases are drawn as
    /// they stood on `asOf` — their state and deadline after the last step dated on or before it — so that
    /// a report of an earlier day is the report of that day (an extension or an answer recorded later
    /// does not change it). A case with no dated history is taken from its record.
    public init(cases: [PQRSCaseRecord], reminders: [(radicado: String, version: Int, on: String)], month: String, asOf: CivilDate,
                calendar: BusinessCalendar, events: [PQRSEvent] = []) {
        self.month = month
        self.asOf = asOf
        let prefix = month + "-"
        let inMonth = cases.filter { $0.received.hasPrefix(prefix) }
        received = inMonth.count
        func counts(_ list: [PQRSCaseRecord], _ key: (PQRSCaseRecord) -> [String]) -> [Count] {
            var tally: [[String]: Int] = [:]
            for c in list { tally[key(c), default: 0] += 1 }
            return tally.map { Count(key: $0.key, count: $0.value) }.sorted { ($0.count, $1.key.joined()) > ($1.count, $0.key.joined()) }
        }
        byChannelAndType = counts(inMonth) { [$0.channel, $0.type] }
        byService = counts(inMonth) { [$0.service] }
        byAttribute = counts(inMonth) { [$0.attribute ?? "sin atributo"] }
        bySSFType = counts(inMonth.filter { $0.ssfType != nil }) { [$0.ssfType!] }
        extended = inMonth.filter(\.extended).count
        suspended = inMonth.filter { $0.suspendedOn != nil }.count
        // Timeliness is of cases with a term: a felicitación thanked is not an answer on time or late.
        let answered = cases.filter { $0.hasTerm && ($0.responseDate ?? "").hasPrefix(prefix) }
        answeredOnTime = answered.filter { $0.responseDate! <= $0.deadline }.count
        answeredLate = answered.count - answeredOnTime
        var timeliness: [(key: [String], answered: Int, onTime: Int)] = []
        for (dimension, value) in [("tipo", { (c: PQRSCaseRecord) in c.type }), ("servicio", { $0.service }), ("canal", { $0.channel })] {
            var tally: [String: (answered: Int, onTime: Int)] = [:]
            for c in answered {
                let previous = tally[value(c)] ?? (0, 0)
                tally[value(c)] = (previous.answered + 1, previous.onTime + (c.responseDate! <= c.deadline ? 1 : 0))
            }
            timeliness += tally.sorted { ($0.value.answered, $1.key) > ($1.value.answered, $0.key) }.map { ([dimension, $0.key], $0.value.answered, $0.value.onTime) }
        }
        self.timeliness = timeliness
        let days = answered.map { Double(calendar.businessDays(from: CivilDate(parsing: $0.effectiveReceipt)!, to: CivilDate(parsing: $0.responseDate!)!)) }
        meanBusinessDaysToAnswer = days.isEmpty ? nil : days.reduce(0, +) / Double(days.count)
        // Open as of the day: received by then, and by then neither answered nor ended otherwise
        // (transferred, withdrawn). From the history when there is one: the state and deadline after the
        // last step dated on or before the day (steps in the order written; an undated one counts from
        // the day it was recorded). Without it, from the record: the answer's and the end's days.
        let steps = Dictionary(grouping: events, by: \.radicado)
        let running: Set<String> = [PQRSState.asignado.rawValue, PQRSState.prorrogado.rawValue]
        open = cases.compactMap { c -> OpenCase? in
            guard c.hasTerm, c.received <= asOf.iso else { return nil }
            let state: String, deadline: String
            if let done = steps[c.radicado], !done.isEmpty {
                guard let last = done.last(where: { ($0.onDate ?? String(CivilDate.colombianLocal($0.at).prefix(10))) <= asOf.iso }),
                      running.contains(last.to) || last.to == PQRSState.suspendido.rawValue else { return nil }
                (state, deadline) = (last.to, last.deadline ?? c.deadline)
            } else {
                let ended = (PQRSState(rawValue: c.state).map { $0 == .trasladado || $0 == .desistido } ?? false) && (c.closedOn ?? "") <= asOf.iso
                guard !ended, c.responseDate.map({ $0 > asOf.iso }) ?? true else { return nil }
                (state, deadline) = (c.state, c.deadline)
            }
            // A suspended term is stopped (Ley 1755, art. 17): not overdue while the petitioner completes the request.
            let urgency = running.contains(state) ? OpenCase.Urgency(deadline: deadline, on: asOf, calendar: calendar) : .onTime
            return OpenCase(radicado: c.radicado, type: c.type, owner: c.owner,
                            ageDays: max(0, calendar.businessDays(from: CivilDate(parsing: c.effectiveReceipt)!, to: asOf)),
                            deadline: deadline, urgency: urgency)
        }
        .sorted { ($0.ageDays, $0.radicado) > ($1.ageDays, $1.radicado) }
        remindersSent = reminders.filter { $0.on.hasPrefix(prefix) }.count
        let parts = month.split(separator: "-").compactMap { Int($0) }
        history = (0..<12).reversed().map { back -> (String, Int, Int, Int) in
            let index = parts[0] * 12 + (parts[1] - 1) - back
            let name = String(format: "%04d-%02d", index / 12, index % 12 + 1)
            let answers = cases.filter { $0.hasTerm && ($0.responseDate ?? "").hasPrefix(name + "-") }
            return (name, cases.filter { $0.received.hasPrefix(name + "-") }.count, answers.count, answers.filter { $0.responseDate! <= $0.deadline }.count)
        }
        var verification: [String: Int] = [:]
        for c in answered {
            let key: String
            switch c.verification {
            case "contactado": key = c.satisfied == true ? "contactado_satisfecho" : "contactado_no_satisfecho"
            case "no-contactado": key = "no_contactado"
            case "pendiente": key = "pendiente"
            case "pendiente-muestreo": key = "pendiente_muestreo"
            case "no-seleccionado": key = "no_seleccionado"
            default: key = "sin_verificar"
            }
            verification[key, default: 0] += 1
        }
        verification["elegibles"] = answered.filter { ["queja", "reclamo"].contains($0.type) && !$0.fromSSF }.count
        self.verification = verification
        complimentsByService = counts(inMonth.filter { $0.type == PQRSType.felicitacion.rawValue }) { [$0.service] }
    }
}
