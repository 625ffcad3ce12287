import BusinessDays
import Diagnostics
import Store
import Table

extension CaseDesk {
    /// Radicar, as every channel does it: the rules of ``open(_:at:actor:)`` and the radicado of the
    /// store, saved with the first history line. The case as stored.
    public func file(_ intake: Intake, in store: any CaseStore, clock: Clock = .system, actor: String) throws -> PQRSCaseRecord {
        let (record, event) = try open(intake, at: clock.timestamp, actor: actor)
        var saved = record
        saved.radicado = try store.openCase(record, year: intake.received.year, event: event)
        return saved
    }
}

extension PQRSCaseRecord {
    /// What the auxiliar reads after filing: the radicado, who has it, when it counts from and is due.
    /// `people`: who answers for the owner (the catalogue's `responsable` lines), shown beside it.
    public func filed(reminder: CivilDate, format: OutputFormat, people: [Catalog.Person] = []) -> String {
        if format == .json { return json(reminder: reminder.iso).rendered() }
        let label = PQRSType(rawValue: type)?.label ?? type
        let who = owner + (people.isEmpty ? "" : " (" + people.map(\.name).joined(separator: ", ") + ")")
        var lines = [L("Radicado \(radicado): \(label) por \(channel), asignado a \(who).", "Radicado \(radicado): \(label) via \(channel), assigned to \(who).")]
        let day = CivilDate(parsing: received)!, due = CivilDate(parsing: deadline)!
        if effectiveReceipt != received {
            lines.append(L("Recibido el \(day.withWeekday), día no hábil: cuenta desde el \(CivilDate(parsing: effectiveReceipt)!.withWeekday).",
                           "Received on \(day.withWeekday), not a business day: counts from \(CivilDate(parsing: effectiveReceipt)!.withWeekday)."))
        }
        guard hasTerm else {
            lines.append(L("Una felicitación no tiene término (no pide respuesta): se notifica al servicio.", "A compliment has no term (it asks for no answer): the service is notified."))
            return lines.joined(separator: "\n")
        }
        lines.append(L("Término: \(NumberText.count(termDays, "día hábil", "días hábiles")). Vence el \(due.withWeekday); recordatorio el \(reminder.withWeekday).",
                       "Term: \(NumberText.count(termDays, "business day", "business days")). Due \(due.withWeekday); reminder on \(reminder.withWeekday)."))
        return lines.joined(separator: "\n")
    }
}
