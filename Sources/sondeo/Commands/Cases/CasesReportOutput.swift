import Diagnostics
import ArgumentParser
import Cases
import Foundation
import Questionnaire
import Store
import Table

/// How `CasesReportCommand` writes its result.
extension CasesReportCommand {
    var verificationOrder: [(String, String, String)] {
        [("elegibles", "elegibles (quejas y reclamos)", "eligible (complaints and claims)"),
         ("pendiente_muestreo", "esperan el sorteo", "waiting for the draw"), ("no_seleccionado", "no seleccionados en el sorteo", "not drawn"),
         ("pendiente", "por llamar", "to call"), ("contactado_satisfecho", "contactados satisfechos", "contacted, satisfied"),
         ("contactado_no_satisfecho", "contactados no satisfechos", "contacted, not satisfied"), ("no_contactado", "no contactados", "not contacted"),
         ("sin_verificar", "sin verificar (no aplica)", "not verified (not applicable)")]
    }

    func json(_ r: MonthlyReport) -> JSONValue {
        func counts(_ list: [MonthlyReport.Count], _ names: [String]) -> JSONValue {
            .array(list.map { c in .object(zip(names, c.key).map { ($0, .string($1)) } + [("count", .integer(c.count))]) })
        }
        return .object([
            ("month", .string(r.month)), ("as_of", .string(r.asOf.iso)), ("received", .integer(r.received)),
            ("by_channel_type", counts(r.byChannelAndType, ["channel", "type"])), ("by_service", counts(r.byService, ["service"])),
            ("by_attribute", counts(r.byAttribute, ["attribute"])),
            ("answered", .object([("on_time", .integer(r.answeredOnTime)), ("late", .integer(r.answeredLate)),
                                  ("mean_business_days", .finite(r.meanBusinessDaysToAnswer))])),
            ("open", .array(r.open.map { .object([("radicado", .string($0.radicado)), ("owner", .string($0.owner)), ("age_business_days", .integer($0.ageDays)),
                                                  ("overdue", .bool($0.overdue))]) })),
            ("reminders_sent", .integer(r.remindersSent)),
            ("verification", .object(verificationOrder.map { ($0.0, .integer(r.verification[$0.0] ?? 0)) })),
            ("compliments_by_service", counts(r.complimentsByService, ["service"])),
        ])
    }

    func csv(_ r: MonthlyReport) -> String {
        var rows: [[String]] = [["recibidos", "", String(r.received)]]
        rows += r.byChannelAndType.map { ["canal_tipo", $0.key.joined(separator: "/"), String($0.count)] }
        rows += r.byService.map { ["servicio", $0.key[0], String($0.count)] }
        rows += r.byAttribute.map { ["atributo", $0.key[0], String($0.count)] }
        rows += [["respuesta", "a_tiempo", String(r.answeredOnTime)], ["respuesta", "fuera_de_termino", String(r.answeredLate)],
                 ["respuesta", "dias_habiles_promedio", r.meanBusinessDaysToAnswer.map { String(format: "%.2f", $0) } ?? ""],
                 ["abiertos", "total", String(r.open.count)], ["abiertos", "vencidos", String(r.open.filter(\.overdue).count)],
                 ["recordatorios", "enviados", String(r.remindersSent)]]
        rows += verificationOrder.map { ["verificacion", $0.0, String(r.verification[$0.0] ?? 0)] }
        rows += r.complimentsByService.map { ["felicitaciones", $0.key[0], String($0.count)] }
        return CSVWriter.standard.text(of: ["seccion", "clave", "valor"].enumerated().map { i, name in Column.texts(name, rows.map { $0[i] }) })
    }

    /// Channels down, types across, with totals.
    func pivot(_ r: MonthlyReport) -> ([String], [[String]]) {
        let types = PQRSType.allCases.map(\.rawValue).filter { t in r.byChannelAndType.contains { $0.key[1] == t } }
        let channels = PQRSChannel.allCases.map(\.rawValue).filter { ch in r.byChannelAndType.contains { $0.key[0] == ch } }
        func count(_ ch: String?, _ t: String?) -> Int {
            r.byChannelAndType.filter { (ch == nil || $0.key[0] == ch) && (t == nil || $0.key[1] == t) }.reduce(0) { $0 + $1.count }
        }
        let header = [L("canal \\ tipo", "channel \\ type")] + types.map { PQRSType(rawValue: $0)!.label } + ["total"]
        var rows = channels.map { ch in [ch] + types.map { String(count(ch, $0)) } + [String(count(ch, nil))] }
        rows.append(["total"] + types.map { String(count(nil, $0)) } + [String(count(nil, nil))])
        return (header, rows)
    }

    func table(_ r: MonthlyReport, catalog: Catalog) -> String {
        var lines = [L("PQRSL de \(r.month) (abiertos al \(r.asOf.iso))", "PQRSL of \(r.month) (open as of \(r.asOf.iso))"), "",
                     L("Recibidos: \(r.received)", "Received: \(r.received)")]
        let (header, rows) = pivot(r)
        var byChannel = TextTable(headers: header, alignments: [.left] + header.dropFirst().map { _ in .right })
        for row in rows { byChannel.append(row) }
        lines += ["", byChannel.rendered()]
        var byService = TextTable(headers: [L("servicio", "service"), L("casos", "cases")], alignments: [.left, .right])
        for c in r.byService { byService.append([catalog.name(c.key[0], in: .service), String(c.count)]) }
        lines += ["", byService.rendered()]
        var byAttribute = TextTable(headers: [L("atributo de calidad", "quality attribute"), L("casos", "cases")], alignments: [.left, .right])
        for c in r.byAttribute { byAttribute.append([catalog.name(c.key[0], in: .attribute), String(c.count)]) }
        lines += ["", byAttribute.rendered(), ""]
        let answered = r.answeredOnTime + r.answeredLate
        lines.append(L("Respondidos en el mes: \(answered) — a tiempo \(r.answeredOnTime), fuera de término \(r.answeredLate)", "Answered in the month: \(answered) — on time \(r.answeredOnTime), late \(r.answeredLate)")
                     + (r.meanBusinessDaysToAnswer.map { L("; en promedio \(NumberText.decimal($0, places: 1)) días hábiles", "; \(NumberText.decimal($0, places: 1)) business days on average") } ?? ""))
        lines.append(L("Abiertos: \(r.open.count), vencidos: \(r.open.filter(\.overdue).count)", "Open: \(r.open.count), overdue: \(r.open.filter(\.overdue).count)")
                     + (r.open.first.map { L("; el más antiguo \($0.radicado) con \($0.ageDays) días hábiles", "; the oldest \($0.radicado) at \($0.ageDays) business days") } ?? ""))
        lines.append(L("Recordatorios enviados en el mes: \(r.remindersSent)", "Reminders sent in the month: \(r.remindersSent)"))
        lines += ["", L("Verificación de satisfacción (casos respondidos en el mes):", "Satisfaction verification (cases answered in the month):")]
        for (key, es, en) in verificationOrder { lines.append("  " + L(es, en) + ": \(r.verification[key] ?? 0)") }
        if !r.complimentsByService.isEmpty {
            lines += ["", L("Felicitaciones por servicio: ", "Compliments by service: ") + r.complimentsByService.map { "\(catalog.name($0.key[0], in: .service)) \($0.count)" }.joined(separator: " · ")]
        }
        return lines.joined(separator: "\n")
    }

    func html(_ r: MonthlyReport, catalog: Catalog) -> String {
        func esc(_ s: String) -> String { HTMLText.escape(s) }
        func tableHTML(_ headers: [String], _ rows: [[String]]) -> String {
            "<table><tr>" + headers.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n" + rows.map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "</table>\n"
        }
        let answered = r.answeredOnTime + r.answeredLate
        var body = "<h1>\(esc(L("PQRSL de \(r.month)", "PQRSL of \(r.month)")))</h1><p class=\"lead\">\(esc(L("Abiertos y vencidos al \(r.asOf.iso)", "Open and overdue as of \(r.asOf.iso)")))</p>\n"
        body += "<div class=\"cards\"><div class=\"card\"><div>\(L("Recibidos", "Received"))</div><div class=\"value\">\(r.received)</div></div>"
        body += "<div class=\"card\"><div>\(L("Respondidos a tiempo", "Answered on time"))</div><div class=\"value\">\(answered == 0 ? "—" : NumberText.decimal(Double(r.answeredOnTime) / Double(answered) * 100, places: 0) + " %")</div><div class=\"small\">\(r.answeredOnTime) \(L("de", "of")) \(answered)</div></div>"
        body += "<div class=\"card\"><div>\(L("Vencidos sin respuesta", "Overdue, unanswered"))</div><div class=\"value\">\(r.open.filter(\.overdue).count)</div><div class=\"small\">\(r.open.count) \(L("abiertos", "open"))</div></div></div>\n"
        let (header, rows) = pivot(r)
        body += "<h2>\(L("Canal y tipo", "Channel and type"))</h2>" + tableHTML(header, rows)
        body += "<h2>\(L("Servicio", "Service"))</h2>" + tableHTML([L("servicio", "service"), L("casos", "cases")], r.byService.map { [catalog.name($0.key[0], in: .service), String($0.count)] })
        body += "<h2>\(L("Atributo de calidad", "Quality attribute"))</h2>" + tableHTML([L("atributo", "attribute"), L("casos", "cases")], r.byAttribute.map { [catalog.name($0.key[0], in: .attribute), String($0.count)] })
        body += "<h2>\(L("Abiertos", "Open"))</h2>" + tableHTML(["radicado", L("responsable", "owner"), L("días hábiles", "business days"), L("vencido", "overdue")],
                                                                r.open.map { [$0.radicado, $0.owner, String($0.ageDays), $0.overdue ? L("sí", "yes") : ""] })
        body += "<h2>\(L("Verificación de satisfacción", "Satisfaction verification"))</h2>" + tableHTML([L("resultado", "result"), L("casos", "cases")], verificationOrder.map { [L($0.1, $0.2), String(r.verification[$0.0] ?? 0)] })
        body += "<p>\(L("Recordatorios enviados en el mes", "Reminders sent in the month")): \(r.remindersSent)</p>"
        return """
        <!DOCTYPE html>
        <html lang="\(Localization.language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PQRSL \(esc(r.month))</title>
        <style>
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:980px;color:#1d2a33;padding:0 1rem}
        h2{font-size:1.2rem;border-bottom:2px solid #0b6e4f;padding-bottom:.2rem;margin-top:2rem} .lead,.small{color:#4a5a66}
        .cards{display:flex;gap:1rem;flex-wrap:wrap} .card{border:1px solid #cfdad5;border-radius:8px;padding:.8rem 1.1rem;flex:1;min-width:180px}
        .value{font-size:2rem;font-weight:bold;color:#0b6e4f} table{border-collapse:collapse;font-size:.92rem} th,td{padding:.25rem .6rem;border-bottom:1px solid #e1e8e5;text-align:right} th:first-child,td:first-child{text-align:left}
        th{background:#f2f6f4}
        </style></head><body>
        \(body)
        </body></html>
        """
    }
}
