import Analysis
import Diagnostics
import Foundation
import Pages
import Questionnaire

/// The survey report as one self-contained HTML page (the page kit's document with SVG charts;
/// nothing loaded from the network), for the equipo de investigación to present to management: indicators first, then the
/// sample, the key drivers, every question, the cross-tables and the notes on precision.
public enum ReportHTML {
    public static func page(_ r: ReportContent) -> String {
        let level = NumberText.level(r.confidence)
        var body = "<header><h1>\(esc(r.title))</h1>\n<p class=\"lead\">\(esc(r.subtitle)) · \(L("archivo", "file")) <code>\(esc(URL(fileURLWithPath: r.file).lastPathComponent))</code> · \(L("generado el", "generated on")) \(esc(r.generated))</p></header>\n"
        body += summary(r, level: level)
        body += sample(r)
        if let drivers = r.drivers { body += driversSection(drivers, r) } else if let note = r.driversNote {
            body += "<h2>\(L("Factores clave", "Key drivers"))</h2><p class=\"lead\">\(esc(note))</p>\n"
        }
        body += questionsSection(r, level: level)
        if !r.trends.isEmpty { body += trendsSection(r, level: level) }
        if let themes = r.themes { body += themesSection(themes, r) }
        if !r.crossTables.isEmpty { body += crossSection(r) }
        for appendix in r.appendices { body += "<h2>\(esc(appendix.title))</h2>\n" + appendix.html }
        body += notes(r, level: level)
        return Page.document(title: r.title, body: body)
    }

    // MARK: - Sections

    private static func summary(_ r: ReportContent, level: String) -> String {
        var html = "<h2>\(L("Indicadores principales", "Main indicators"))</h2>\n<div class=\"cards\">\n"
        for indicator in r.indicators {
            let o = indicator.overall
            html += "<div class=\"card\"><div>\(esc(indicator.name)) <span class=\"small\">(\(esc(indicator.question)))</span></div>"
            html += "<div class=\"value\">\(value(o.estimate, indicator.isShare))\(o.flagged ? "<span class=\"flag\">†</span>" : "")</div>"
            html += "<div class=\"ci\">IC \(level) %: \(value(o.lower, indicator.isShare)) – \(value(o.upper, indicator.isShare)) · n = \(NumberText.integer(o.n))</div>"
            html += "<div class=\"small\">\(esc(indicator.detail))</div></div>\n"
        }
        html += "<div class=\"card\"><div>\(L("Entrevistas en el archivo", "Interviews in the file"))</div><div class=\"value\">\(NumberText.integer(r.n))</div>"
        html += "<div class=\"ci\">\(esc(r.designText))</div></div>\n</div>\n"
        for indicator in r.indicators where !indicator.groups.isEmpty {
            html += "<h4>\(esc(indicator.name)) (\(esc(indicator.question))) \(L("por", "by")) \(esc(r.by ?? ""))</h4>\n"
            html += bars([indicator.overall] + indicator.groups, share: indicator.isShare, range: indicator.isShare ? (0, 1) : (-100, 100),
                         label: "\(indicator.name) \(L("por", "by")) \(r.by ?? "")")
        }
        return html
    }

    private static func sample(_ r: ReportContent) -> String {
        var html = "<h2>\(L("Muestra y diseño", "Sample and design"))</h2>\n<p>\(esc(r.designText)).</p>\n"
        if r.strata.count > 1 || r.strata.first?.population != nil {
            html += "<div class=\"tabla\"><table class=\"num\"><tr><th>\(L("estrato", "stratum"))</th><th>\(L("entrevistas", "interviews"))</th><th>\(L("población", "population"))</th><th>\(L("suma de pesos", "sum of weights"))</th></tr>\n"
            for s in r.strata {
                html += "<tr><td>\(esc(s.name.isEmpty ? "—" : s.name))</td><td>\(NumberText.integer(s.n))</td><td>\(s.population.map { NumberText.integer(Int($0.rounded())) } ?? "—")</td><td>\(NumberText.decimal(s.weight, places: 0))</td></tr>\n"
            }
            html += "</table></div>\n"
        }
        if !r.modes.isEmpty {
            html += "<p>\(L("Modo", "Mode")): " + r.modes.map { "\(esc($0.0)) \(NumberText.integer($0.1))" }.joined(separator: " · ") + "</p>\n"
        }
        if !r.dispositions.isEmpty {
            html += "<p>\(L("Resultado de la entrevista", "Interview outcome")): " + r.dispositions.map { "\(esc($0.0)) \(NumberText.integer($0.1))" }.joined(separator: " · ") + "</p>\n"
        }
        return html
    }

    private static func driversSection(_ d: KeyDrivers, _ r: ReportContent) -> String {
        func name(_ v: String) -> String { r.driverLabels[v] ?? v }
        var html = "<h2>\(L("Factores clave: qué mejorar primero", "Key drivers: what to fix first"))</h2>\n"
        html += "<p>\(L("Cuánto explica cada aspecto la respuesta de", "How much each aspect explains the answer to")) \(r.outcomeText.map { "«\(esc($0))» " } ?? "")<code>\(esc(d.outcome))</code> (\(L("pesos relativos de Johnson; los aspectos explican juntos el", "Johnson's relative weights; together the aspects explain")) \(NumberText.decimal(d.r2 * 100, places: 1)) % \(L("de la variación", "of the variation")), n = \(NumberText.integer(d.n))), \(L("frente a su calificación media.", "against its mean rating."))</p>\n"
        html += SVG.wide(quadrant(d, name: name))
        html += "<div class=\"tabla\"><table class=\"num\"><tr><th>\(L("aspecto", "aspect"))</th><th>\(L("importancia", "importance"))</th><th>\(L("media (1–5)", "mean (1–5)"))</th><th class=\"text\">\(L("cuadrante", "quadrant"))</th></tr>\n"
        for driver in d.drivers.sorted(by: { $0.share > $1.share }) {
            html += "<tr><td>\(esc(name(driver.name))) <code class=\"small\">\(esc(driver.name))</code></td><td>\(NumberText.decimal(driver.share * 100, places: 1)) %</td><td>\(NumberText.decimal(driver.performance.estimate, places: 2))</td><td class=\"text\">\(esc(driver.quadrant.label))</td></tr>\n"
        }
        html += "</table></div>\n"
        if let note = r.driversNote { html += "<p class=\"small\">\(esc(note))</p>\n" }
        return html
    }

    /// Each indicator over the waves: a line with the intervals as whiskers, and a table with the
    /// change from the wave before, ▲/▼ when significant at the report's level.
    private static func trendsSection(_ r: ReportContent, level: String) -> String {
        var html = "<h2>\(L("Evolución por \(esc(r.wave ?? "ola"))", "Trend by \(esc(r.wave ?? "wave"))"))</h2>\n"
        html += "<p class=\"small\">\(L("Cada ola es una muestra aparte: el cambio se prueba con la suma de las dos varianzas. ▲ ▼: cambio significativo al \(NumberText.level(1 - r.confidence)) %.", "Each wave is a separate sample: the change is tested with the sum of both variances. ▲ ▼: significant change at \(NumberText.level(1 - r.confidence)) %."))</p>\n"
        for trend in r.trends {
            let scale = trend.isShare ? 100.0 : 1
            let places = trend.isShare || trend.indicator == "NPS" ? 1 : 2   // a mean on a 1–5 scale needs two
            func show(_ x: Double) -> String { x.isFinite ? NumberText.decimal(x * scale, places: places) + (trend.isShare ? " %" : "") : "—" }
            let width = 420.0, height = 200.0, left = 30.0, right = 30.0, top = 16.0, bottom = 34.0
            let lows = trend.points.map { $0.estimate.lower * scale }, highs = trend.points.map { $0.estimate.upper * scale }
            let yLow = (lows.min() ?? 0) - 2, yHigh = (highs.max() ?? 1) + 2
            func x(_ i: Int) -> Double { left + (trend.points.count == 1 ? 0.5 : Double(i) / Double(trend.points.count - 1)) * (width - left - right) }
            func y(_ v: Double) -> Double { top + (1 - (v - yLow) / (yHigh - yLow)) * (height - top - bottom) }
            var svg = SVG.open(width: width, height: height, label: L("\(trend.indicator) por \(r.wave ?? "ola")", "\(trend.indicator) by \(r.wave ?? "wave")"))
            svg += "<polyline fill=\"none\" stroke=\"#0b6e4f\" stroke-width=\"2\" points=\"" + trend.points.indices.map { "\(SVG.number(x($0))),\(SVG.number(y(trend.points[$0].estimate.estimate * scale)))" }.joined(separator: " ") + "\"/>\n"
            for (i, p) in trend.points.enumerated() {
                svg += "<line x1=\"\(SVG.number(x(i)))\" y1=\"\(SVG.number(y(p.estimate.lower * scale)))\" x2=\"\(SVG.number(x(i)))\" y2=\"\(SVG.number(y(p.estimate.upper * scale)))\" stroke=\"#0b6e4f\" stroke-opacity=\"0.5\"/>"
                svg += "<circle cx=\"\(SVG.number(x(i)))\" cy=\"\(SVG.number(y(p.estimate.estimate * scale)))\" r=\"4\" fill=\"#0b6e4f\"/>"
                svg += "<text x=\"\(SVG.number(x(i)))\" y=\"\(SVG.number(height - 12))\" text-anchor=\"middle\">\(esc(p.wave))</text>"
                // The last wave's figure to the left of its point, the others to the right: none cut at the edge.
                let last = i == trend.points.count - 1 && i > 0
                svg += "<text x=\"\(SVG.number(x(i) + (last ? -6 : 6)))\" y=\"\(SVG.number(y(p.estimate.estimate * scale) - 6))\" text-anchor=\"\(last ? "end" : "start")\">\(show(p.estimate.estimate))</text>\n"
            }
            svg += "</svg>\n"
            let rows = trend.points.enumerated().map { i, p -> [String] in
                var change = "—"
                if i > 0 {
                    let d = trend.changes[i - 1]
                    let mark = d.p < 1 - r.confidence ? (d.estimate > 0 ? " ▲" : " ▼") : ""
                    change = (d.estimate > 0 ? "+" : "") + NumberText.decimal(d.estimate * scale, places: places) + (trend.isShare ? " pp" : "") + " (p = \(NumberText.pValue(d.p)))" + mark
                }
                return [p.wave, show(p.estimate.estimate), "\(show(p.estimate.lower)) – \(show(p.estimate.upper))", NumberText.integer(p.estimate.n), change]
            }
            html += "<h3>\(esc(trend.indicator)) <span class=\"small\">(\(esc(trend.question)))</span></h3>\n" + svg
            html += HTML.table(headers: [r.wave ?? L("ola", "wave"), trend.indicator, L("IC \(level) %", "\(level) % CI"), "n", L("cambio", "change")], rows: rows, numeric: [1, 3])
        }
        return html
    }

    /// What the comments talk about: each theme's share of commenters (total and by group) with its
    /// interval, the NPS of those who mention it, and examples; the uncoded count.
    private static func themesSection(_ t: ThemeAnalysis, _ r: ReportContent) -> String {
        func pct(_ x: Double) -> String { x.isFinite ? NumberText.decimal(x * 100, places: 1) + " %" : "—" }
        var html = "<h2>\(L("Comentarios por tema", "Comments by theme"))</h2>\n"
        html += "<p>\(L("De \(NumberText.integer(t.commented)) comentarios de «\(esc(t.variable))», \(NumberText.integer(t.uncodedCount)) no tocan ningún tema del libro de códigos; uno puede tocar varios.", "Of \(t.commented) comments in «\(esc(t.variable))», \(t.uncodedCount) touch no theme of the codeframe; one may touch several."))</p>\n"
        let overall = t.rows.filter { $0.group.isEmpty }
        html += SVG.bars(overall.map { ($0.theme, $0.share.estimate, pct($0.share.estimate)) }, title: L("Porcentaje de quienes comentan que mencionan cada tema", "Share of commenters mentioning each theme"))
        var groups: [String] = []
        for value in t.rows.compactMap({ $0.group.first?.value }) where !groups.contains(value) { groups.append(value) }
        let hasNPS = overall.contains { $0.nps != nil }
        let headers = [L("tema", "theme"), L("menciones", "mentions"), L("total", "total"), L("IC", "CI")] + groups + (hasNPS ? [L("NPS de quienes lo mencionan", "NPS of those mentioning it")] : [])
        let rows = overall.map { row -> [String] in
            let byGroup = groups.map { g in t.rows.first { $0.theme == row.theme && $0.group.first?.value == g }.map { pct($0.share.estimate) } ?? "—" }
            return [row.theme, NumberText.integer(row.mentions), pct(row.share.estimate), "\(pct(row.share.lower)) – \(pct(row.share.upper))"] + byGroup
                + (hasNPS ? [row.nps.map { NumberText.decimal($0.estimate, places: 1) } ?? "—"] : [])
        }
        html += HTML.table(headers: headers, rows: rows, numeric: Set(1..<headers.count).subtracting([3]))
        for theme in t.themes {
            guard let examples = t.examples[theme] else { continue }
            html += "<p class=\"small\"><strong>\(esc(theme))</strong>: " + examples.map { "«\(esc($0.replacingOccurrences(of: "\n", with: " ")))»" }.joined(separator: " · ") + "</p>\n"
        }
        return html
    }

    private static func questionsSection(_ r: ReportContent, level: String) -> String {
        var html = "<h2>\(L("Resultados por pregunta", "Results by question"))</h2>\n"
        html += "<p class=\"small\">\(L("Porcentajes y medias ponderados según el diseño, con su intervalo de confianza del \(level) % (la línea fina). NS/NR no entran en la base.", "Percentages and means weighted by the design, with their \(level) % confidence interval (the thin line). DK/NA are outside the base."))</p>\n"
        var section: String?
        for question in r.questions {
            if let s = question.section, s != section {
                html += "<h3>\(esc(s))</h3>\n"
                section = s
            }
            html += "<h4>\(esc(question.text)) <span class=\"small\">(<code>\(esc(question.id))</code>)</span></h4>\n"
            var base = L("Base: \(NumberText.integer(question.base)) respuestas", "Base: \(NumberText.integer(question.base)) answers")
            if question.kind == .grid { base = L("Base: entre \(NumberText.integer(question.gridRows.map(\.n).min() ?? 0)) y \(NumberText.integer(question.gridRows.map(\.n).max() ?? 0)) respuestas por aspecto", "Base: \(NumberText.integer(question.gridRows.map(\.n).min() ?? 0))–\(NumberText.integer(question.gridRows.map(\.n).max() ?? 0)) answers per aspect") }
            if !question.specials.isEmpty { base += " · " + question.specials.map { "\(esc($0.label)): \($0.count)" }.joined(separator: " · ") }
            html += "<p class=\"small\">\(base)</p>\n"
            switch question.kind {
            case .shares: html += bars(question.figures, share: true, range: (0, 1), label: question.text)
            case .mean:
                let m = question.figures[0]
                html += "<p>\(L("Media", "Mean")): <b>\(NumberText.decimal(m.estimate, places: 2))</b> (IC \(level) %: \(NumberText.decimal(m.lower, places: 2)) – \(NumberText.decimal(m.upper, places: 2)))\(m.flagged ? " <span class=\"flag\">†</span>" : "")</p>\n"
            case .grid: html += stacked(question)
            case .openText: break
            }
            if let note = question.note { html += "<p class=\"small\">\(esc(note))</p>\n" }
        }
        return html
    }

    private static func crossSection(_ r: ReportContent) -> String {
        var html = "<h2>\(L("Cruces por", "Cross-tables by")) \(esc(r.by ?? ""))</h2>\n"
        html += "<p class=\"small\">\(L("Porcentajes por fila (cada grupo suma 100 %). ▲/▼: la celda está por encima/debajo de lo esperado si no hubiera diferencia entre grupos (residuo ajustado mayor que 2 en valor absoluto). La prueba de Rao–Scott tiene en cuenta el diseño.", "Row percentages (each group adds to 100 %). ▲/▼: the cell is above/below what no difference between groups would give (adjusted residual beyond ±2). The Rao–Scott test accounts for the design."))</p>\n"
        for t in r.crossTables {
            let significant = t.p < 0.05
            html += "<h4>\(esc(t.question))</h4>\n<p class=\"small\">Rao–Scott F = \(NumberText.decimal(t.f, places: 2)), p = \(NumberText.pValue(t.p)) · "
                + (significant ? L("<b>hay diferencias entre grupos</b>", "<b>groups differ</b>") : L("sin diferencias significativas entre grupos", "no significant difference between groups")) + "</p>\n"
            html += "<div class=\"tabla\"><table class=\"num\"><tr><th>\(esc(r.by ?? ""))</th>" + t.answers.map { "<th>\(esc($0))</th>" }.joined() + "<th>n</th></tr>\n"
            for (i, group) in t.groups.enumerated() {
                html += "<tr><td>\(esc(group))</td>"
                for (j, _) in t.answers.enumerated() {
                    let residual = t.residuals[i][j]
                    let mark = residual > 2 ? " <span class=\"up\">▲</span>" : (residual < -2 ? " <span class=\"down\">▼</span>" : "")
                    html += "<td>\(NumberText.decimal(t.percent[i][j].estimate * 100, places: 1)) %\(mark)</td>"
                }
                html += "<td>\(NumberText.integer(t.counts[i]))</td></tr>\n"
            }
            html += "</table></div>\n"
        }
        if !r.skippedCrossTables.isEmpty {
            html += "<p class=\"small\">\(L("Sin cruce (menos de dos valores o celdas vacías)", "No cross-table (fewer than two values or empty cells")): \(esc(r.skippedCrossTables.joined(separator: ", ")))\(L(".", ")."))</p>\n"
        }
        return html
    }

    private static func notes(_ r: ReportContent, level: String) -> String {
        var html = "<h2>\(L("Notas sobre la precisión", "Notes on precision"))</h2>\n<ul>\n"
        if r.flaggedCount > 0 {
            html += "<li><span class=\"flag\">†</span> " + L("\(NumberText.count(r.flaggedCount, "estimación tiene", "estimaciones tienen")) poca precisión: n efectivo (n ÷ efecto de diseño) menor que 30 o error estándar mayor que el 30 % del valor. Léalas con cautela y no las compare entre sí.",
                                                             "\(r.flaggedCount) estimates have low precision: effective n (n ÷ design effect) under 30 or a standard error over 30 % of the value. Read them with caution and do not compare them.") + "</li>\n"
        } else {
            html += "<li>" + L("Ninguna estimación tiene n efectivo menor que 30 ni error relativo mayor que 30 %.", "No estimate has an effective n under 30 or a relative error over 30 %.") + "</li>\n"
        }
        html += "<li>" + L("Errores estándar por linealización de Taylor con estratos, pesos y corrección por población finita, como el paquete survey de R; intervalos de proporciones por el método logit (svyciprop).",
                           "Standard errors by Taylor linearisation with strata, weights and finite-population correction, as R's survey package; proportion intervals by the logit method (svyciprop).") + "</li>\n"
        html += "<li>" + L("Los pesos son los del diseño muestral. Si hubo no respuesta importante, ajústelos antes con «sondeo sample weights» (posestratificación o rastrillo).",
                           "Weights are the sampling design's. If non-response was substantial, adjust them first with «sondeo sample weights» (post-stratification or raking).") + "</li>\n"
        html += "<li>" + L("NPS = % promotores (9–10) − % detractores (0–6); CSAT = % que responde 4 o 5 de 5.", "NPS = % promoters (9–10) − % detractors (0–6); CSAT = % answering 4 or 5 of 5.") + "</li>\n"
        html += "</ul>\n"
        return html
    }

    // MARK: - Charts

    /// Horizontal bars with the interval as a thin line; `range` is the axis (shares 0–1, NPS −100–100).
    static func bars(_ figures: [ReportContent.Figure], share: Bool, range: (Double, Double), label: String) -> String {
        // About 440 units wide, so that on a 390 px phone the text stays near 11 px.
        let rowHeight = 26.0, labelWidth = 140.0, plotWidth = 220.0
        let height = Double(figures.count) * rowHeight + 24
        let low = share ? 0 : min(range.0, figures.map(\.lower).min() ?? 0)
        let high = share ? max(0.0001, min(1, (figures.map(\.upper).max() ?? 1) * 1.1)) : range.1
        func x(_ v: Double) -> Double { labelWidth + (min(max(v, low), high) - low) / (high - low) * plotWidth }
        var svg = SVG.open(width: labelWidth + plotWidth + 80, height: height, label: label)
        let zero = x(0)
        svg += "<line x1=\"\(f(zero))\" y1=\"0\" x2=\"\(f(zero))\" y2=\"\(f(height - 20))\" stroke=\"#9aa8a2\"/>\n"
        for (i, figure) in figures.enumerated() {
            let y = Double(i) * rowHeight + 4
            let start = min(zero, x(figure.estimate)), width = abs(x(figure.estimate) - zero)
            let colour = figure.label == L("Total", "Total") ? "#1d4e89" : "#0b6e4f"
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(esc(short(figure.label, 20)))</text>\n"
            svg += "<rect x=\"\(f(start))\" y=\"\(f(y + 3))\" width=\"\(f(width))\" height=\"16\" fill=\"\(colour)\" fill-opacity=\"\(figure.flagged ? "0.45" : "0.85")\"/>\n"
            if figure.lower.isFinite && figure.upper.isFinite && figure.estimate != 0 {
                svg += "<line x1=\"\(f(x(figure.lower)))\" y1=\"\(f(y + 11))\" x2=\"\(f(x(figure.upper)))\" y2=\"\(f(y + 11))\" stroke=\"#1d2a33\" stroke-width=\"1.4\"/>\n"
            }
            for end in [figure.lower, figure.upper] where end.isFinite && figure.estimate != 0 {
                svg += "<line x1=\"\(f(x(end)))\" y1=\"\(f(y + 6))\" x2=\"\(f(x(end)))\" y2=\"\(f(y + 16))\" stroke=\"#1d2a33\" stroke-width=\"1.4\"/>\n"
            }
            svg += "<text x=\"\(f(labelWidth + plotWidth + 8))\" y=\"\(f(y + 15))\">\(value(figure.estimate, share))\(figure.flagged ? " †" : "")</text>\n"
        }
        let ticks = share ? stride(from: 0.0, through: high, by: high > 0.5 ? 0.25 : 0.1).map { $0 } : [-100.0, -50, 0, 50, 100]
        for t in ticks {
            svg += "<text x=\"\(f(x(t)))\" y=\"\(f(height - 6))\" text-anchor=\"middle\" class=\"small\" fill=\"#4a5a66\">\(share ? NumberText.decimal(t * 100, places: 0) + " %" : NumberText.decimal(t, places: 0))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A grid question: one 100 % bar per aspect, from «muy insatisfecho» (red) to «muy satisfecho» (green).
    private static func stacked(_ q: ReportContent.Question) -> String {
        let colours = ["#c0392b", "#e67e22", "#c9ccc4", "#7fbf9b", "#0b6e4f"]
        let rowHeight = 28.0, labelWidth = 160.0, plotWidth = 220.0
        let height = Double(q.gridRows.count) * rowHeight + 30
        var svg = SVG.open(width: labelWidth + plotWidth + 90, height: height, label: q.text)
        for (i, row) in q.gridRows.enumerated() {
            let y = Double(i) * rowHeight + 4
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(esc(short(row.label, 24)))</text>\n"
            var left = labelWidth
            for (k, share) in row.shares.enumerated() {
                let width = share * plotWidth
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 2))\" width=\"\(f(width))\" height=\"18\" fill=\"\(colours[min(k, colours.count - 1)])\"><title>\(esc(q.gridLabels[k])): \(NumberText.decimal(share * 100, places: 1)) %</title></rect>\n"
                if width > 26 {
                    svg += "<text x=\"\(f(left + width / 2))\" y=\"\(f(y + 15))\" text-anchor=\"middle\" fill=\"\(k == 2 ? "#1d2a33" : "#ffffff")\" style=\"fill:\(k == 2 ? "#1d2a33" : "#ffffff")\">\(NumberText.decimal(share * 100, places: 0))</text>\n"
                }
                left += width
            }
            svg += "<text x=\"\(f(labelWidth + plotWidth + 8))\" y=\"\(f(y + 15))\">\(L("media", "mean")) \(NumberText.decimal(row.mean.estimate, places: 2))\(row.mean.flagged ? " †" : "")</text>\n"
        }
        svg += "</svg>\n"
        let legend = q.gridLabels.enumerated().map { "<span style=\"background:\(colours[min($0.offset, colours.count - 1)])\"></span>\(esc($0.element))" }.joined()
        return svg + "<p class=\"small legend\">\(L("Cifras en %:", "Figures in %:"))\(legend)</p>\n"
    }

    /// Importance (share of R²) against performance (mean), with lines at the averages.
    private static func quadrant(_ d: KeyDrivers, name: (String) -> String) -> String {
        let width = 560.0, height = 380.0, left = 56.0, right = 150.0, top = 20.0, bottom = 50.0
        let shares = d.drivers.map(\.share), means = d.drivers.map(\.performance.estimate)
        let xLow = (means.min()! - 0.15), xHigh = (means.max()! + 0.15)
        let yHigh = shares.max()! * 1.15
        func x(_ v: Double) -> Double { left + (v - xLow) / (xHigh - xLow) * (width - left - right) }
        func y(_ v: Double) -> Double { top + (1 - v / yHigh) * (height - top - bottom) }
        let meanShare = 1 / Double(d.drivers.count), meanPerformance = means.reduce(0, +) / Double(means.count)
        var svg = SVG.open(width: width, height: height, label: L("Importancia frente a desempeño de cada aspecto", "Importance against performance of each aspect"))
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(x(meanPerformance) - left))\" height=\"\(f(y(meanShare) - top))\" fill=\"#fbe9e7\"/>\n"
        svg += "<line x1=\"\(f(x(meanPerformance)))\" y1=\"\(f(top))\" x2=\"\(f(x(meanPerformance)))\" y2=\"\(f(height - bottom))\" stroke=\"#9aa8a2\" stroke-dasharray=\"4 3\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(meanShare)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(meanShare)))\" stroke=\"#9aa8a2\" stroke-dasharray=\"4 3\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(height - bottom))\" stroke=\"#1d2a33\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(height - bottom))\" stroke=\"#1d2a33\"/>\n"
        svg += "<text x=\"\(f(left + 6))\" y=\"\(f(top + 16))\" fill=\"#c0392b\" style=\"fill:#c0392b;font-weight:bold\">\(L("MEJORAR PRIMERO", "FIX FIRST"))</text>\n"
        svg += "<text x=\"\(f(width - right - 6))\" y=\"\(f(top + 16))\" text-anchor=\"end\" style=\"fill:#0b6e4f;font-weight:bold\">\(L("MANTENER", "MAINTAIN"))</text>\n"
        svg += "<text x=\"\(f(left + 6))\" y=\"\(f(height - bottom - 8))\" style=\"fill:#4a5a66\">\(L("vigilar", "monitor"))</text>\n"
        svg += "<text x=\"\(f(width - right - 6))\" y=\"\(f(height - bottom - 8))\" text-anchor=\"end\" style=\"fill:#4a5a66\">\(L("posible exceso", "possible surplus"))</text>\n"
        svg += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(L("desempeño: calificación media (1–5)", "performance: mean rating (1–5)"))</text>\n"
        svg += "<text x=\"16\" y=\"\(f((top + height - bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f((top + height - bottom) / 2)))\">\(L("importancia (% del R²)", "importance (% of R²)"))</text>\n"
        for t in stride(from: (xLow * 4).rounded(.up) / 4, through: xHigh, by: 0.25) {
            svg += "<text x=\"\(f(x(t)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" class=\"small\">\(NumberText.decimal(t, places: 2))</text>\n"
        }
        for t in stride(from: 0.0, through: yHigh, by: 0.1) {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\" class=\"small\">\(NumberText.decimal(t * 100, places: 0)) %</text>\n"
        }
        for driver in d.drivers {
            let colour = driver.quadrant == .improve ? "#c0392b" : (driver.quadrant == .maintain ? "#0b6e4f" : "#7f8c8d")
            let cx = x(driver.performance.estimate), cy = y(driver.share)
            svg += "<line x1=\"\(f(x(driver.performance.lower)))\" y1=\"\(f(cy))\" x2=\"\(f(x(driver.performance.upper)))\" y2=\"\(f(cy))\" stroke=\"\(colour)\" stroke-opacity=\"0.6\"/>\n"
            svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"7\" fill=\"\(colour)\"/>\n"
            svg += "<text x=\"\(f(cx + 11))\" y=\"\(f(cy + 4))\">\(esc(short(name(driver.name), 24)))</text>\n"
        }
        return svg + "</svg>\n<p class=\"small\">\(L("La línea horizontal de cada punto es el intervalo de la media. Las líneas punteadas son la importancia media (1/k) y el desempeño medio.", "Each point's horizontal line is the mean's interval. Dashed lines are the average importance (1/k) and the average performance."))</p>\n"
    }

    // MARK: - Text

    static func value(_ v: Double, _ share: Bool) -> String {
        share ? NumberText.decimal(v * 100, places: 1) + " %" : NumberText.decimal(v, places: 1)
    }

    private static func short(_ text: String, _ length: Int) -> String { SVG.short(text, length) }

    private static func f(_ x: Double) -> String { SVG.number(x) }

    static func esc(_ text: String) -> String { HTML.escape(text) }
}
