import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases show RADICADO`.
struct ShowCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: L("Un caso con su término, su estado y su historia.", "A case with its term, state and history."))
    }

    @Argument(help: ArgumentHelp(L("Radicado del caso.", "The case's radicado."), valueName: "radicado")) var radicado: String
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format"))) var format: OutputFormat = .table
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try format.require([.table, .json]) }

    func run() throws {
        let store = try options.storeOptions.openCases()
        let calendar = try options.calendarOptions.calendar()
        let c = try options.load(radicado, from: store)
        let history = try store.history(of: c.radicado)
        let attempts = try store.verificationAttempts(of: c.radicado)
        let reminder = calendar.adding(-2, businessDaysTo: CivilDate(parsing: c.deadline)!)
        if format == .json {
            guard case .object(var members) = CaseText.json(c, reminder: reminder.iso) else { return }
            members.append(("history", .array(history.map { e in .object([("at", .string(e.at)), ("actor", .string(e.actor)), ("action", .string(e.action)),
                                                                        ("from", e.from.map { .string($0) } ?? .null), ("to", .string(e.to)),
                                                                        ("details", .string(e.details))]) })))
            members.append(("verification_attempts", .array(attempts.map { a in .object([("date", .string(a.onDate)), ("outcome", .string(a.outcome)),
                                                                                       ("satisfied", a.satisfied.map { .bool($0) } ?? .null)]) })))
            print(JSONValue.object(members).rendered())
            return
        }
        let catalog = try options.desk().catalog
        var lines = [
            "\(c.radicado) — \(PQRSType(rawValue: c.type)?.label ?? c.type) \(L("por", "via")) \(c.channel) · \(L("estado", "state")): \(c.state)",
            L("Servicio: ", "Service: ") + catalog.name(c.service, in: .service) + (c.attribute.map { " · " + L("atributo: ", "attribute: ") + catalog.name($0, in: .attribute) } ?? "")
                + (c.subsidy ? L(" · sobre subsidio", " · about subsidies") : "") + (c.fromSSF ? L(" · llegó de la SSF", " · from the SSF") : ""),
            L("Responsable: \(c.owner)", "Owner: \(c.owner)"),
            L("Recibido: \(dayText(CivilDate(parsing: c.received)!))", "Received: \(dayText(CivilDate(parsing: c.received)!))")
                + (c.deposited.map { L(" (depositado en el buzón el \($0))", " (deposited in the box on \($0))") } ?? "")
                + (c.effectiveReceipt != c.received ? L("; cuenta desde el \(c.effectiveReceipt)", "; counts from \(c.effectiveReceipt)") : ""),
            L("Término: \(c.termDays) días hábiles · vence el \(dayText(CivilDate(parsing: c.deadline)!))", "Term: \(c.termDays) business days · due \(dayText(CivilDate(parsing: c.deadline)!))")
                + (c.deadline != c.originalDeadline ? L(" (inicialmente \(c.originalDeadline))", " (originally \(c.originalDeadline))") : ""),
            L("Calendario: \(c.calendarVersion)", "Calendar: \(c.calendarVersion)"),
        ]
        if let response = c.responseDate {
            lines.append(L("Respuesta: \(response) por \(c.responseChannel ?? "—") (\(response <= c.deadline ? "a tiempo" : "fuera de término"))",
                           "Answer: \(response) via \(c.responseChannel ?? "—") (\(response <= c.deadline ? "on time" : "late"))"))
        }
        if c.verification != VerificationStatus.noAplica.rawValue {
            lines.append(L("Verificación: \(c.verification)", "Verification: \(c.verification)") + (c.satisfied.map { $0 ? L(", satisfecho", ", satisfied") : L(", no satisfecho", ", not satisfied") } ?? ""))
        }
        lines += ["", L("Texto: \(c.text)", "Text: \(c.text)"), "", L("Historia:", "History:")]
        for e in history { lines.append("  \(Self.local(e.at)) \(e.actor): \(e.action) → \(e.to) — \(e.details)") }
        print(lines.joined(separator: "\n"))
    }
}

extension ShowCaseCommand {
    /// A stored instant (UTC) as Colombian local time, `2026-11-29 01:23`.
    static func local(_ instant: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: instant) else { return instant }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(secondsFromGMT: -5 * 3600)
        return formatter.string(from: date)
    }
}

/// `sondeo cases list`.
struct ListCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: L("Los casos, filtrados por estado, responsable o mes de recibo.", "The cases, filtered by state, owner or month of receipt."))
    }

    @Option(help: ArgumentHelp(L("Estado.", "State."), valueName: L("estado", "state"))) var state: String?
    @Option(help: ArgumentHelp(L("Responsable.", "Owner."), valueName: L("responsable", "owner"))) var owner: String?
    @Option(help: ArgumentHelp(L("Mes de recibo (aaaa-mm).", "Month of receipt (yyyy-mm)."), valueName: L("mes", "month"))) var month: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if let state { _ = try choice(state, PQRSState.self, field: L("el estado", "the state")) }
        let cases = try options.storeOptions.openCases().pqrsCases().filter { c in
            (state == nil || c.state == state) && (owner == nil || c.owner == owner) && (month == nil || c.received.hasPrefix(month! + "-"))
        }
        var table = TextTable(headers: ["radicado", L("tipo", "type"), L("canal", "channel"), L("servicio", "service"), L("recibido", "received"),
                                        L("vence", "due"), L("responsable", "owner"), L("estado", "state")])
        for c in cases { table.append([c.radicado, c.type, c.channel, c.service, c.received, c.deadline, c.owner, c.state]) }
        print(table.rendered())
        print(L("\(NumberText.count(cases.count, "caso", "casos")).", "\(cases.count) cases."))
    }
}
