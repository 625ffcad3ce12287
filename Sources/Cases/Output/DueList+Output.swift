import BusinessDays
import Diagnostics
import Store
import Table

extension DueList {
    /// The internal requests (steps 27–28) not answered whose due day has come by `day`.
    public static func requestsDue(_ requests: [CaseRequestRecord], on day: CivilDate) -> [CaseRequestRecord] {
        requests.filter { $0.answeredOn == nil && $0.dueOn <= day.iso }.sorted { ($0.owner, $0.dueOn, $0.radicado, $0.id) < ($1.owner, $1.dueOn, $1.radicado, $1.id) }
    }

    /// The day's reminders, due and overdue cases, grouped for each owner (`cases due`), and the internal
    /// requests due (``requestsDue(_:on:)``), or JSON.
    public func report(_ reminders: Reminders, today: CivilDate, format: OutputFormat, requests: [CaseRequestRecord] = []) -> String {
        let due = self
        let sent = reminders.new, already = reminders.already
        if format == .json {
            func list(_ items: [DueList.Item]) -> JSONValue {
                .array(items.map { .object([("radicado", .string($0.record.radicado)), ("owner", .string($0.record.owner)), ("type", .string($0.record.type)),
                                            ("deadline", .string($0.record.deadline)), ("days_late", .integer($0.daysLate))]) })
            }
            return JSONValue.object([("date", .string(day.iso)), ("reminders_noted", .bool(reminders.noted)), ("reminders", list(sent)), ("reminders_already_sent", list(already)),
                                    ("due_today", list(due.dueToday)), ("overdue", list(due.overdue)),
                                    ("requests_due", .array(requests.map { .object([("radicado", .string($0.radicado)), ("request", .integer($0.id)), ("owner", .string($0.owner)),
                                                                                     ("what", .string($0.what)), ("asked_on", .string($0.askedOn)), ("due_on", .string($0.dueOn))]) }))]).rendered()
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
        if !requests.isEmpty {
            lines.append(L("Solicitudes internas de información que vencen o ya vencieron (pasos 27–28):", "Internal requests for information due or overdue (steps 27–28):"))
            var table = TextTable(headers: [L("responsable", "owner"), "radicado", L("solicitud", "request"), L("pedida", "asked"), L("vence", "due")])
            for r in requests { table.append([r.owner, r.radicado, "\(r.id): \(r.what)", r.askedOn, r.dueOn]) }
            lines += [table.rendered(), ""]
        }
        let dueWord = day == today ? L("vencen hoy", "due today") : L("vencen ese día", "due that day")
        lines.append(L("\(NumberText.count(sent.count, "recordatorio nuevo", "recordatorios nuevos")) (\(already.count) ya \(already.count == 1 ? "hecho" : "hechos") antes), \(due.dueToday.count) \(dueWord), \(due.overdue.count) vencidos"
                       + (requests.isEmpty ? "." : ", \(NumberText.count(requests.count, "solicitud interna pendiente", "solicitudes internas pendientes")) de respuesta."),
                "\(sent.count) new reminders (\(already.count) already done), \(due.dueToday.count) \(dueWord), \(due.overdue.count) overdue"
                       + (requests.isEmpty ? "." : ", \(requests.count) internal requests awaiting an answer.")))
        return lines.joined(separator: "\n")
    }
}
