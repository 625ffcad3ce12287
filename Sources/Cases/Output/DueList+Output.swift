import BusinessDays
import Diagnostics
import Table

extension DueList {
    /// The day's reminders, due and overdue cases, grouped for each owner (`cases due`), or JSON.
    public func report(_ reminders: Reminders, today: CivilDate, format: OutputFormat) -> String {
        let due = self
        let sent = reminders.new, already = reminders.already
        if format == .json {
            func list(_ items: [DueList.Item]) -> JSONValue {
                .array(items.map { .object([("radicado", .string($0.record.radicado)), ("owner", .string($0.record.owner)), ("type", .string($0.record.type)),
                                            ("deadline", .string($0.record.deadline)), ("days_late", .integer($0.daysLate))]) })
            }
            return JSONValue.object([("date", .string(day.iso)), ("reminders_noted", .bool(reminders.noted)), ("reminders", list(sent)), ("reminders_already_sent", list(already)),
                                    ("due_today", list(due.dueToday)), ("overdue", list(due.overdue))]).rendered()
        }
        var lines: [String] = []
        func section(_ title: String, _ items: [DueList.Item], late: Bool = false) {
            guard !items.isEmpty else { return }
            lines.append(title)
            var table = TextTable(headers: [L("responsable", "owner"), "radicado", L("tipo", "type"), L("vence", "due")] + (late ? [L("días hábiles de atraso", "business days late")] : []))
            for i in items { table.append([i.record.owner, i.record.radicado, i.record.type, i.record.deadline] + (late ? [String(i.daysLate)] : [])) }
            lines += [table.rendered(), ""]
        }
        lines += [L("PQRSL para el \(day.withWeekday)", "PQRSL for \(day.withWeekday)"), ""]
        if reminders.noted {
            section(L("Recordatorios para hoy (vencen en 2 días hábiles o menos; quedan anotados como hechos):",
                      "Reminders for today (due in 2 business days or less; noted as done):"), sent)
        } else {
            section(L("Recordatorios que tocarán ese día (no se anotan todavía: el \(day.withWeekday) aún no llega):",
                      "Reminders due that day (not noted yet: \(day.withWeekday) has not come):"), sent)
        }
        section(L("Recordatorios ya hechos antes:", "Reminders already done:"), already)
        section(day == today ? L("Vencen hoy:", "Due today:") : L("Vencen ese día:", "Due that day:"), due.dueToday)
        section(L("Vencidos sin respuesta:", "Overdue without an answer:"), due.overdue, late: true)
        let dueWord = day == today ? L("vencen hoy", "due today") : L("vencen ese día", "due that day")
        lines.append(L("\(NumberText.count(sent.count, "recordatorio nuevo", "recordatorios nuevos")) (\(already.count) ya \(already.count == 1 ? "hecho" : "hechos") antes), \(due.dueToday.count) \(dueWord), \(due.overdue.count) vencidos.",
                "\(sent.count) new reminders (\(already.count) already done), \(due.dueToday.count) \(dueWord), \(due.overdue.count) overdue."))
        return lines.joined(separator: "\n")
    }
}
