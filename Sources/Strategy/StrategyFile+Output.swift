import Diagnostics
import Pages
import Table

/// The printable plan (`sondeo strategy render`): the strategy, its segment and its size, the tactical
/// plan as a table with the total budget, and the indicators with their baselines and targets.
extension StrategyFile {
    func value(_ name: String) -> String { fields[name]?.value ?? "—" }

    var activityRows: [[String]] {
        activities.map { a in [a.name] + Self.activityFields.map { a.fields[$0]?.value ?? "—" } }
    }

    var activityHeaders: [String] {
        [L("Actividad", "Activity"), L("Objetivo", "Objective"), L("Responsable", "Owner"), L("Contenido", "Content"), L("Canal", "Channel"),
         L("Frecuencia", "Frequency"), L("Presupuesto", "Budget"), L("Indicador de cumplimiento", "Compliance indicator")]
    }

    func indicatorRows(_ check: StrategyCheck) -> [[String]] {
        indicators.map { i in
            let kind = i.fields["medida"].flatMap { StrategyCheck.measure($0.value)?.kind }
            let today = check.measured[i.id].map { kind == "proporcion" ? NumberText.decimal($0, places: 1) + " %" : NumberText.decimal($0, places: 2) } ?? "—"
            let measure = (i.fields["medida"]?.value ?? "—") + (i.fields["periodo"].map { " (\($0.value))" } ?? "")
            return [i.name, measure, i.fields["linea base"]?.value ?? "—", today, i.fields["meta"]?.value ?? "—"]
                + (measurement == nil ? [] : [i.fields["margen"].map { "±" + $0.value } ?? "—"])
        }
    }
    var indicatorHeaders: [String] {
        [L("Indicador", "Indicator"), L("Medida", "Measure"), L("Línea base", "Baseline"), L("Hoy en la base", "In the base today"), L("Meta", "Target")]
            + (measurement == nil ? [] : [L("Margen de la medición", "Measurement's margin")])
    }

    /// The measurement plan as written (steps 39–40): its title and fields, for the printable plan.
    var measurementLines: [(String, String)] {
        guard let m = measurement else { return [] }
        return [(L("Medición", "Measurement"), m.title)] + StrategyFile.measurementFields.compactMap { name in
            m.fields[name].map { (StrategyProblem.shown(name).prefix(1).uppercased() + StrategyProblem.shown(name).dropFirst(), $0.value) }
        }
    }

    func summaryLines(_ check: StrategyCheck) -> [(String, String)] {
        let saved = fields["segmento guardado"]?.value
        var lines = [(L("Segmento", "Segment"), saved.map { "\($0): \(check.segmentExpression ?? "")" } ?? value("segmento"))]
        if let size = check.segmentSize, let rows = check.baseRows {
            lines.append((L("Afiliados del segmento", "Affiliates in the segment"), "\(NumberText.integer(size)) " + L("de", "of") + " \(NumberText.integer(rows))"))
        }
        lines += [(L("Objetivo", "Objective"), value("objetivo")), (L("Meta", "Goal"), value("meta")), (L("Vigencia", "Period"), value("vigencia")),
                  (L("Presupuesto total", "Total budget"), "$ " + NumberText.integer(Int(check.budget.rounded())))]
        return lines
    }

    /// The plan as Markdown.
    public func markdown(_ check: StrategyCheck) -> String {
        var text = "# \(title ?? id ?? path)\n\n" + summaryLines(check).map { "- **\($0.0)**: \($0.1)" }.joined(separator: "\n")
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            "| " + headers.joined(separator: " | ") + " |\n|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
                + rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }.joined(separator: "\n")
        }
        text += "\n\n## " + L("Plan táctico", "Tactical plan") + "\n\n" + table(activityHeaders, activityRows)
        if !indicators.isEmpty { text += "\n\n## " + L("Indicadores", "Indicators") + "\n\n" + table(indicatorHeaders, indicatorRows(check)) }
        if !measurementLines.isEmpty {
            text += "\n\n## " + L("Medición (pasos 39 y 40)", "Measurement (steps 39 and 40)") + "\n\n" + measurementLines.map { "- **\($0.0)**: \($0.1)" }.joined(separator: "\n")
        }
        return text + "\n"
    }

    /// The plan as one HTML document (printable; `--out plan.pdf` through Chromium like the reports).
    public func html(_ check: StrategyCheck) -> String {
        var body = "<h1>\(HTML.escape(title ?? id ?? path))</h1><p class=\"lead\">" + L("Estrategia de fidelización (paso 37)", "Loyalty strategy (step 37)") + "</p>"
        body += "<div class=\"tabla\"><table>" + summaryLines(check).map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table></div>"
        body += "<h2>" + L("Plan táctico", "Tactical plan") + "</h2>" + HTML.table(headers: activityHeaders, rows: activityRows, numeric: [6], raw: [])
        if !indicators.isEmpty {
            body += "<h2>" + L("Indicadores", "Indicators") + "</h2>" + HTML.table(headers: indicatorHeaders, rows: indicatorRows(check), numeric: [2, 3, 4], raw: [])
        }
        if !measurementLines.isEmpty {
            body += "<h2>" + L("Medición (pasos 39 y 40)", "Measurement (steps 39 and 40)") + "</h2><div class=\"tabla\"><table>"
                + measurementLines.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table></div>"
        }
        return Page.document(title: title ?? id ?? path, body: body)
    }
}
