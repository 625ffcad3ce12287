import Diagnostics
import Foundation
import Pages
import Table

/// How the monthly PQRSL report is written: text for a terminal, JSON, CSV and a page of the kit.
extension MonthlyReport {
    static let verificationOrder: [(String, String, String)] =
        [("elegibles", "elegibles (quejas y reclamos)", "eligible (complaints and claims)"),
         ("pendiente_muestreo", "esperan el sorteo", "waiting for the draw"), ("no_seleccionado", "no seleccionados en el sorteo", "not drawn"),
         ("pendiente", "por llamar", "to call"), ("contactado_satisfecho", "contactados satisfechos", "contacted, satisfied"),
         ("contactado_no_satisfecho", "contactados no satisfechos", "contacted, not satisfied"), ("no_contactado", "no contactados", "not contacted"),
         ("sin_verificar", "sin verificar (no aplica)", "not verified (not applicable)")]

    /// The report as the JSON that scripts read.
    public var json: JSONValue {
        let r = self
        func counts(_ list: [MonthlyReport.Count], _ names: [String]) -> JSONValue {
            .array(list.map { c in .object(zip(names, c.key).map { ($0, .string($1)) } + [("count", .integer(c.count))]) })
        }
        return .object([
            ("month", .string(r.month)), ("as_of", .string(r.asOf.iso)), ("received", .integer(r.received)),
            ("by_channel_type", counts(r.byChannelAndType, ["channel", "type"])), ("by_service", counts(r.byService, ["service"])),
            ("by_attribute", counts(r.byAttribute, ["attribute"])), ("by_ssf_type", counts(r.bySSFType, ["ssf_type"])),
            ("timeliness", .array(r.timeliness.map { .object([("dimension", .string($0.key[0])), ("value", .string($0.key[1])), ("answered", .integer($0.answered)),
                                                             ("on_time", .integer($0.onTime))]) })),
            ("extended", .integer(r.extended)), ("suspended", .integer(r.suspended)),
            ("answered", .object([("on_time", .integer(r.answeredOnTime)), ("late", .integer(r.answeredLate)),
                                  ("mean_business_days", .finite(r.meanBusinessDaysToAnswer))])),
            ("history", .array(r.history.map { .object([("month", .string($0.month)), ("received", .integer($0.received)), ("answered", .integer($0.answered)),
                                                       ("on_time", .integer($0.onTime))]) })),
            ("open", .array(r.open.map { .object([("radicado", .string($0.radicado)), ("type", .string($0.type)), ("owner", .string($0.owner)),
                                                  ("deadline", .string($0.deadline)), ("urgency", .string($0.urgency.rawValue)), ("age_business_days", .integer($0.ageDays)),
                                                  ("overdue", .bool($0.overdue))]) })),
            ("reminders_sent", .integer(r.remindersSent)),
            ("verification", .object(Self.verificationOrder.map { ($0.0, .integer(r.verification[$0.0] ?? 0)) })),
            ("compliments_by_service", counts(r.complimentsByService, ["service"])),
        ])
    }

    /// The report as (section, key, value) rows.
    public var csv: String { CSVWriter.standard.text(of: summaryTable.columns) }

    /// Every figure of the report in long form: section, key, value.
    var summaryTable: Table {
        let r = self
        var rows: [[String]] = [["recibidos", "", String(r.received)]]
        rows += r.byChannelAndType.map { ["canal_tipo", $0.key.joined(separator: "/"), String($0.count)] }
        rows += r.byService.map { ["servicio", $0.key[0], String($0.count)] }
        rows += r.byAttribute.map { ["atributo", $0.key[0], String($0.count)] }
        rows += r.bySSFType.map { ["tipo_ssf", $0.key[0], String($0.count)] }
        rows += r.timeliness.map { ["a_tiempo_por_\($0.key[0])", $0.key[1], "\($0.onTime)/\($0.answered)"] }
        rows += [["terminos", "prorrogados", String(r.extended)], ["terminos", "suspendidos", String(r.suspended)]]
        rows += [["respuesta", "a_tiempo", String(r.answeredOnTime)], ["respuesta", "fuera_de_termino", String(r.answeredLate)],
                 ["respuesta", "dias_habiles_promedio", r.meanBusinessDaysToAnswer.map { String(format: "%.2f", $0) } ?? ""],
                 ["abiertos", "total", String(r.open.count)], ["abiertos", "vencidos", String(r.open.filter(\.overdue).count)],
                 ["recordatorios", "enviados", String(r.remindersSent)]]
        rows += Self.verificationOrder.map { ["verificacion", $0.0, String(r.verification[$0.0] ?? 0)] }
        rows += r.complimentsByService.map { ["felicitaciones", $0.key[0], String($0.count)] }
        return Table(["seccion", "clave", "valor"].enumerated().map { i, name in Column.texts(name, rows.map { $0[i] }) })
    }

    /// Channels down, types across, with totals.
    func pivot() -> ([String], [[String]]) {
        let r = self
        let types = PQRSType.allCases.map(\.rawValue).filter { t in r.byChannelAndType.contains { $0.key[1] == t } }
        let channels = PQRSChannel.allCases.map(\.rawValue).filter { ch in r.byChannelAndType.contains { $0.key[0] == ch } }
        func count(_ ch: String?, _ t: String?) -> Int {
            r.byChannelAndType.filter { (ch == nil || $0.key[0] == ch) && (t == nil || $0.key[1] == t) }.reduce(0) { $0 + $1.count }
        }
        let header = [L("canal \\ tipo", "channel \\ type")] + types.map { PQRSType(rawValue: $0)!.label } + ["total"]
        var rows = channels.map { ch in [PQRSChannel(rawValue: ch)?.label ?? ch] + types.map { String(count(ch, $0)) } + [String(count(ch, nil))] }
        rows.append(["total"] + types.map { String(count(nil, $0)) } + [String(count(nil, nil))])
        return (header, rows)
    }

    /// The report as text for a terminal.
    public func text(catalog: Catalog) -> String {
        let r = self
        var lines = [L("PQRSL de \(r.month) (abiertos al \(r.asOf.iso))", "PQRSL of \(r.month) (open as of \(r.asOf.iso))"), "",
                     L("Recibidos: \(r.received)", "Received: \(r.received)")]
        let (header, rows) = pivot()
        var byChannel = TextTable(headers: header, alignments: [.left] + header.dropFirst().map { _ in .right })
        for row in rows { byChannel.append(row) }
        lines += ["", byChannel.rendered()]
        var byService = TextTable(headers: [L("servicio", "service"), L("casos", "cases")], alignments: [.left, .right])
        for c in r.byService { byService.append([catalog.name(c.key[0], in: .service), String(c.count)]) }
        lines += ["", byService.rendered()]
        var byAttribute = TextTable(headers: [L("atributo de calidad", "quality attribute"), L("casos", "cases")], alignments: [.left, .right])
        for c in r.byAttribute { byAttribute.append([catalog.name(c.key[0], in: .attribute), String(c.count)]) }
        lines += ["", byAttribute.rendered(), ""]
        if !r.bySSFType.isEmpty {
            var bySSF = TextTable(headers: [L("tipo SSF", "SSF type"), L("casos", "cases")], alignments: [.left, .right])
            for c in r.bySSFType { bySSF.append([catalog.name(c.key[0], in: .ssfType), String(c.count)]) }
            lines += [bySSF.rendered(), ""]
        }
        let answered = r.answeredOnTime + r.answeredLate
        lines.append(L("Respondidos en el mes: \(answered) — a tiempo \(r.answeredOnTime), fuera de término \(r.answeredLate)", "Answered in the month: \(answered) — on time \(r.answeredOnTime), late \(r.answeredLate)")
                     + (r.meanBusinessDaysToAnswer.map { L("; en promedio \(NumberText.decimal($0, places: 1)) días hábiles", "; \(NumberText.decimal($0, places: 1)) business days on average") } ?? ""))
        lines.append(L("Abiertos: \(r.open.count), vencidos: \(r.open.filter(\.overdue).count)", "Open: \(r.open.count), overdue: \(r.open.filter(\.overdue).count)")
                     + (r.open.first.map { L("; el más antiguo \($0.radicado) con \($0.ageDays) días hábiles", "; the oldest \($0.radicado) at \($0.ageDays) business days") } ?? ""))
        lines.append(L("Recordatorios enviados en el mes: \(r.remindersSent)", "Reminders sent in the month: \(r.remindersSent)"))
        lines.append(L("Recibidos en el mes con prórroga: \(r.extended); suspendidos para completarse: \(r.suspended)",
                       "Received in the month and extended: \(r.extended); suspended to be completed: \(r.suspended)"))
        if !r.timeliness.isEmpty {
            var table = TextTable(headers: [L("a tiempo por", "on time by"), "", L("respondidos", "answered"), L("a tiempo", "on time"), "%"],
                                  alignments: [.left, .left, .right, .right, .right])
            for t in r.timeliness { table.append(Self.timelinessRow(t, catalog: catalog)) }
            lines += ["", table.rendered()]
        }
        lines += ["", L("Verificación de satisfacción (casos respondidos en el mes):", "Satisfaction verification (cases answered in the month):")]
        for (key, es, en) in Self.verificationOrder { lines.append("  " + L(es, en) + ": \(r.verification[key] ?? 0)") }
        if !r.complimentsByService.isEmpty {
            lines += ["", L("Felicitaciones por servicio: ", "Compliments by service: ") + r.complimentsByService.map { "\(catalog.name($0.key[0], in: .service)) \($0.count)" }.joined(separator: " · ")]
        }
        return lines.joined(separator: "\n")
    }

    /// The report as a page of the kit: cards for the month's figures, then the tables.
    public func html(catalog: Catalog) -> String {
        let r = self
        func esc(_ s: String) -> String { HTML.escape(s) }
        let answered = r.answeredOnTime + r.answeredLate
        var body = "<h1>\(esc(L("PQRSL de \(r.month)", "PQRSL of \(r.month)")))</h1><p class=\"lead\">\(esc(L("Abiertos y vencidos al \(r.asOf.iso)", "Open and overdue as of \(r.asOf.iso)")))</p>\n"
        body += "<div class=\"cards\"><div class=\"card\"><div>\(L("Recibidos", "Received"))</div><div class=\"value\">\(r.received)</div></div>"
        let onTime = answered == 0 ? nil : Double(r.answeredOnTime) / Double(answered) * 100
        let target = catalog.onTimeTarget
        let verdict = onTime.map { $0 >= target ? L("cumple la meta de \(NumberText.decimal(target, places: 0)) %", "meets the \(NumberText.decimal(target, places: 0)) % target")
                                                : L("por debajo de la meta de \(NumberText.decimal(target, places: 0)) %", "below the \(NumberText.decimal(target, places: 0)) % target") } ?? ""
        body += "<div class=\"card\"><div>\(L("Respondidos a tiempo", "Answered on time"))</div><div class=\"value\">\(onTime.map { NumberText.decimal($0, places: 0) + " %" } ?? "—")</div><div class=\"small\">\(r.answeredOnTime) \(L("de", "of")) \(answered) · \(verdict)</div></div>"
        body += "<div class=\"card\"><div>\(L("Vencidos sin respuesta", "Overdue, unanswered"))</div><div class=\"value\">\(r.open.filter(\.overdue).count)</div><div class=\"small\">\(r.open.count) \(L("abiertos", "open"))</div></div></div>\n"
        let (header, rows) = pivot()
        body += "<h2>\(L("Canal y tipo", "Channel and type"))</h2>"
        func totals(_ index: Int) -> [(label: String, value: Double, text: String)] {
            var tally: [String: Int] = [:]
            for c in r.byChannelAndType { tally[c.key[index], default: 0] += c.count }
            return tally.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { entry in
                let label = index == 1 ? PQRSType(rawValue: entry.key)?.label ?? entry.key : PQRSChannel(rawValue: entry.key)?.label ?? entry.key
                return (label, Double(entry.value), String(entry.value))
            }
        }
        body += "<div class=\"grid\"><div><h3>\(L("Por canal", "By channel"))</h3>" + SVG.bars(totals(0), title: L("Casos recibidos por canal", "Cases received by channel"))
            + "</div><div><h3>\(L("Por tipo", "By type"))</h3>" + SVG.bars(totals(1), title: L("Casos recibidos por tipo", "Cases received by type")) + "</div></div>\n"
        body += HTML.table(headers: header, rows: rows, numeric: Set(1..<header.count))
        body += "<h2>\(L("Servicio", "Service"))</h2>" + SVG.bars(r.byService.map { (catalog.name($0.key[0], in: .service), Double($0.count), String($0.count)) },
                                                                  title: L("Casos recibidos por servicio", "Cases received by service"))
        body += "<h2>\(L("Atributo de calidad", "Quality attribute"))</h2>" + HTML.table(headers: [L("atributo", "attribute"), L("casos", "cases")],
                                                                                     rows: r.byAttribute.map { [catalog.name($0.key[0], in: .attribute), String($0.count)] }, numeric: [1])
        if !r.timeliness.isEmpty {
            body += "<h2>\(L("Oportunidad por tipo, servicio y canal", "Timeliness by type, service and channel"))</h2>"
                + HTML.table(headers: [L("por", "by"), "", L("respondidos", "answered"), L("a tiempo", "on time"), "%"],
                             rows: r.timeliness.map { Self.timelinessRow($0, catalog: catalog) }, numeric: [2, 3, 4])
        }
        body += "<p>\(L("Recibidos en el mes con prórroga", "Received in the month and extended")): \(r.extended) · \(L("suspendidos para completarse", "suspended to be completed")): \(r.suspended)</p>"
        if !r.bySSFType.isEmpty {
            body += "<h2>\(L("Tipo de la Superintendencia", "Superintendency's type"))</h2>" + HTML.table(headers: [L("tipo SSF", "SSF type"), L("casos", "cases")],
                rows: r.bySSFType.map { [catalog.name($0.key[0], in: .ssfType), String($0.count)] }, numeric: [1])
        }
        body += openSection(catalog: catalog)
        body += historySection(target: target)
        body += "<h2>\(L("Verificación de satisfacción", "Satisfaction verification"))</h2>"
            + HTML.table(headers: [L("resultado", "result"), L("casos", "cases")], rows: Self.verificationOrder.map { [L($0.1, $0.2), String(r.verification[$0.0] ?? 0)] }, numeric: [1])
        body += "<p>\(L("Recordatorios enviados en el mes", "Reminders sent in the month")): \(r.remindersSent)</p>"
        return Page.document(title: "PQRSL \(r.month)", body: body)
    }

    /// A row of the timeliness table: the dimension and its value in words, answers, on time, share.
    static func timelinessRow(_ t: (key: [String], answered: Int, onTime: Int), catalog: Catalog) -> [String] {
        let value: String
        switch t.key[0] {
        case "tipo": value = PQRSType(rawValue: t.key[1])?.label ?? t.key[1]
        case "servicio": value = catalog.name(t.key[1], in: .service)
        default: value = PQRSChannel(rawValue: t.key[1])?.label ?? t.key[1]
        }
        let dimension = ["tipo": L("tipo", "type"), "servicio": L("servicio", "service"), "canal": L("canal", "channel")][t.key[0]] ?? t.key[0]
        return [dimension, value, String(t.answered), String(t.onTime), NumberText.decimal(Double(t.onTime) / Double(t.answered) * 100, places: 0) + " %"]
    }

    /// The open cases by responsible office (the most overdue first), each with its type, age,
    /// deadline and a traffic light in words and colour: vencido, por vencer (two business days or
    /// less), a tiempo.
    func openSection(catalog: Catalog) -> String {
        func esc(_ s: String) -> String { HTML.escape(s) }
        var groups: [String: [OpenCase]] = [:]
        for c in open { groups[c.owner, default: []].append(c) }
        let owners = groups.keys.sorted { a, b in
            let (oa, ob) = (groups[a]!.filter(\.overdue).count, groups[b]!.filter(\.overdue).count)
            return oa != ob ? oa > ob : (groups[a]!.count != groups[b]!.count ? groups[a]!.count > groups[b]!.count : a < b)
        }
        var html = "<h2>\(L("Abiertos por responsable", "Open by owner"))</h2>\n"
        for owner in owners {
            let cases = groups[owner]!
            let overdue = cases.filter(\.overdue).count
            html += "<h3>\(esc(catalog.name(owner, in: .service)))\(catalog.people[owner].map { " — " + esc($0.map(\.name).joined(separator: ", ")) } ?? "") <span class=\"small\">· \(NumberText.count(cases.count, L("abierto", "open"), L("abiertos", "open")))"
                + (overdue > 0 ? ", \(NumberText.count(overdue, L("vencido", "overdue"), L("vencidos", "overdue")))" : "") + "</span></h3>\n"
            html += HTML.table(headers: ["radicado", L("tipo", "type"), L("días hábiles", "business days"), L("vence", "due"), L("estado", "status")],
                               rows: cases.map { c in
                                   [c.radicado, PQRSType(rawValue: c.type)?.label ?? c.type, String(c.ageDays), c.deadline, c.urgency.html]
                               }, numeric: [2], raw: [4])
        }
        return html
    }

    /// The last twelve months: cases received as bars, and each month's share answered on time beside
    /// the target.
    func historySection(target: Double) -> String {
        let shown = history.filter { $0.received > 0 || $0.answered > 0 }
        guard shown.count > 1 else { return "" }
        var html = "<h2>\(L("Últimos 12 meses", "Last 12 months"))</h2>\n"
        html += SVG.bars(shown.map { ($0.month, Double($0.received), String($0.received)) }, title: L("Casos recibidos por mes", "Cases received by month"))
        html += HTML.table(headers: [L("mes", "month"), L("recibidos", "received"), L("respondidos", "answered"), L("a tiempo", "on time")],
                           rows: shown.map { h in
                               let share = h.answered == 0 ? "—" : NumberText.decimal(Double(h.onTime) / Double(h.answered) * 100, places: 0) + " %"
                               let below = h.answered > 0 && Double(h.onTime) / Double(h.answered) * 100 < target
                               return [h.month, String(h.received), String(h.answered), share + (below ? " ▼" : "")]
                           }, numeric: [1, 2, 3])
        html += "<p class=\"small\">\(L("▼: por debajo de la meta de \(NumberText.decimal(target, places: 0)) % a tiempo.", "▼: below the \(NumberText.decimal(target, places: 0)) % on-time target."))</p>\n"
        return html
    }
}
