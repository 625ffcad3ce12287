import Diagnostics
import Store
import Table

/// Fieldwork progress read from the store, as `responses status` prints it.
extension FieldworkProgress {
    /// How cases are grouped: by stratum, or by the interviewer of their last attempt.
    public enum Grouping: String, CaseIterable, Sendable { case estrato, encuestador }

    /// The progress of a questionnaire's cases, grouped; `targets` (completes wanted per stratum) count
    /// only when grouping by stratum. A case still open with a half-done interview is classed by its
    /// answers, as it would close (``CallScheduler/closingDisposition(attempts:progress:threshold:)``).
    /// Without `targets`, the stratum quotas set with `sondeo sample quota`, when there are some.
    public init(store: any SurveyStore, questionnaire: String, by grouping: Grouping, e: Double? = nil, targets: [String: Int]? = nil) throws {
        let quotas = try store.quotas(questionnaire: questionnaire)
        let targets = targets ?? (quotas.isEmpty ? nil : quotas)
        let file = try store.latestQuestionnaire(questionnaire)?.file
        let cases = try store.cases(of: questionnaire).map { c in
            var classedAs: String?
            if c.unfinished, let file, !(c.disposition.flatMap { Disposition.named($0)?.final } ?? false),
               let half = try store.interview(questionnaire: questionnaire, respondent: c.unit),
               case let progress = InterviewProgress(of: half, in: file), progress.answered > 0 {
                classedAs = CallScheduler.closingDisposition(attempts: [], progress: progress, threshold: file.partialFrom)
            }
            return Case(group: (grouping == .estrato ? c.stratum : c.interviewers.last) ?? L("(sin asignar)", "(unassigned)"),
                        reserve: c.reserve, disposition: c.disposition, attempts: c.attempts, classedAs: classedAs)
        }
        self.init(cases: cases, e: e, targets: grouping == .estrato ? targets : nil)
        self.grouping = grouping
    }

    /// Progress as `responses status` prints it: a table by group with the AAPOR classes and rates, or JSON.
    public func report(questionnaire: String, store: String, format: OutputFormat) -> String {
        let progress = self
        if format == .json {
            return JSONValue.object([("questionnaire", .string(questionnaire)), ("by", .string(grouping.rawValue))] + Self.json(progress.total)
                                    + [("groups", .array(progress.groups.map { .object([("group", .string($0.group ?? ""))] + Self.json($0)) }))]).rendered()
        }
        var lines = [L("Trabajo de campo de «\(questionnaire)» (\(store))", "Fieldwork of «\(questionnaire)» (\(store))"), ""]
        var table = TextTable(headers: [grouping == .estrato ? L("estrato", "stratum") : L("encuestador", "interviewer"), L("meta", "target"),
                                        L("completas", "complete"), L("avance", "progress"), L("parciales", "partial"), L("cerrados", "closed"),
                                        L("sin intentar", "not tried"), L("reserva usada", "reserve used"), "RR1", "COOP1"],
                              alignments: [.left] + Array(repeating: .right, count: 9))
        for s in progress.groups + [progress.total] { table.append(Self.row(s)) }
        lines += [table.rendered(), ""]
        let counts = OutcomeRates.OutcomeClass.allCases.map { "\($0.rawValue) = \(NumberText.integer(Int(progress.total.rates.counts[$0] ?? 0)))" }
        lines.append(L("Clases AAPOR: ", "AAPOR classes: ") + counts.joined(separator: " · ")
                     + (progress.total.rates.e.map { " · e = \(NumberText.decimal($0, places: 4))" } ?? ""))
        var rates = TextTable(headers: [L("tasa", "rate"), L("valor", "value"), L("tasa", "rate"), L("valor", "value"),
                                        L("tasa", "rate"), L("valor", "value"), L("tasa", "rate"), L("valor", "value")],
                              alignments: [.left, .right, .left, .right, .left, .right, .left, .right])
        let families = [["RR1", "RR2", "RR3", "RR4", "RR5", "RR6"], ["COOP1", "COOP2", "COOP3", "COOP4"], ["REF1", "REF2", "REF3"], ["CON1", "CON2", "CON3"]]
        for index in 0..<6 {
            rates.append(families.flatMap { family in
                index < family.count ? [family[index], Self.percent(progress.total.rates.rates[family[index]] ?? nil)] : ["", ""]
            })
        }
        lines.append(rates.rendered())
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double?) -> String {
        value.map { NumberText.decimal($0 * 100, places: 1) + " %" } ?? "—"
    }

    static func row(_ s: FieldworkProgress.Summary) -> [String] {
        [s.group ?? L("total", "total"), NumberText.integer(s.target), NumberText.integer(s.completes),
         s.target > 0 ? percent(Double(s.completes) / Double(s.target)) : "—", NumberText.integer(s.partials),
         NumberText.integer(s.finished), NumberText.integer(s.notTried), NumberText.integer(s.reserveUsed),
         percent(s.rates.rates["RR1"] ?? nil), percent(s.rates.rates["COOP1"] ?? nil)]
    }

    static func json(_ s: FieldworkProgress.Summary) -> [(String, JSONValue)] {
        [("target", .integer(s.target)), ("released", .integer(s.released)), ("completes", .integer(s.completes)),
         ("partials", .integer(s.partials)), ("closed", .integer(s.finished)), ("not_tried", .integer(s.notTried)),
         ("reserve_used", .integer(s.reserveUsed)),
         ("counts", .object(OutcomeRates.OutcomeClass.allCases.map { ($0.rawValue, .number(s.rates.counts[$0] ?? 0)) })),
         ("e", .finite(s.rates.e)),
         ("rates", .object(OutcomeRates.names.map { ($0, .finite(s.rates.rates[$0] ?? nil)) }))]
    }
}
