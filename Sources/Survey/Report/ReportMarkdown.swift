import Diagnostics
import Foundation

/// The survey report as Markdown: the same content as ``ReportHTML`` in tables, for a wiki or a
/// document converter.
public enum ReportMarkdown {
    public static func document(_ r: ReportContent) -> String {
        let level = NumberText.level(r.confidence)
        func interval(_ f: ReportContent.Figure, _ share: Bool) -> String {
            "\(ReportHTML.value(f.lower, share)) – \(ReportHTML.value(f.upper, share))"
        }
        func figures(_ list: [ReportContent.Figure], share: Bool, first: String) -> String {
            var t = TextTable(headers: [first, share ? "%" : L("valor", "value"), "IC \(level) %", "n"], alignments: [.left, .right, .left, .right])
            for f in list { t.append([f.label, ReportHTML.value(f.estimate, share) + (f.flagged ? " †" : ""), interval(f, share), NumberText.integer(f.n)]) }
            return t.markdown()
        }
        var out = ["# \(r.title)", "", "\(r.subtitle) · \(URL(fileURLWithPath: r.file).lastPathComponent) · \(r.generated)", ""]
        out += ["## \(L("Indicadores principales", "Main indicators"))", ""]
        for i in r.indicators {
            out += ["### \(i.name) (\(i.question))", "", figures([i.overall] + i.groups, share: i.isShare, first: r.by ?? ""), "", i.detail, ""]
        }
        out += ["## \(L("Muestra y diseño", "Sample and design"))", "", "\(r.designText). n = \(NumberText.integer(r.n)).", ""]
        if let d = r.drivers {
            var t = TextTable(headers: [L("aspecto", "aspect"), L("importancia", "importance"), L("media", "mean"), L("cuadrante", "quadrant")],
                              alignments: [.left, .right, .right, .left])
            for driver in d.drivers.sorted(by: { $0.share > $1.share }) {
                t.append([r.driverLabels[driver.name] ?? driver.name, NumberText.decimal(driver.share * 100, places: 1) + " %",
                          NumberText.decimal(driver.performance.estimate, places: 2), driver.quadrant.label])
            }
            out += ["## \(L("Factores clave", "Key drivers")) (\(d.outcome), R² = \(NumberText.decimal(d.r2, places: 3)))", "", t.markdown(), ""]
        }
        out += ["## \(L("Resultados por pregunta", "Results by question"))", ""]
        for q in r.questions {
            out += ["### \(q.text) (`\(q.id)`)", "", L("Base: \(NumberText.integer(q.base))", "Base: \(NumberText.integer(q.base))")
                    + q.specials.map { " · \($0.label): \($0.count)" }.joined(), ""]
            switch q.kind {
            case .shares: out += [figures(q.figures, share: true, first: L("respuesta", "answer")), ""]
            case .mean, .grid: out += [figures(q.figures, share: false, first: q.kind == .grid ? L("aspecto (media)", "aspect (mean)") : ""), ""]
            case .openText: break
            }
            if let note = q.note { out += [note, ""] }
        }
        if !r.crossTables.isEmpty {
            out += ["## \(L("Cruces por", "Cross-tables by")) \(r.by ?? "")", ""]
            for c in r.crossTables {
                var t = TextTable(headers: [r.by ?? ""] + c.answers + ["n"])
                for (i, g) in c.groups.enumerated() {
                    t.append([g] + c.answers.indices.map { j in
                        NumberText.decimal(c.percent[i][j].estimate * 100, places: 1) + " %" + (c.residuals[i][j] > 2 ? " ▲" : (c.residuals[i][j] < -2 ? " ▼" : ""))
                    } + [NumberText.integer(c.counts[i])])
                }
                out += ["### \(c.question)", "", "Rao–Scott F = \(NumberText.decimal(c.f, places: 2)), p = \(NumberText.pValue(c.p))", "", t.markdown(), ""]
            }
        }
        for appendix in r.appendices { out += ["## \(appendix.title)", "", appendix.markdown, ""] }
        out += ["## \(L("Notas sobre la precisión", "Notes on precision"))", "",
                "- † " + L("\(r.flaggedCount) estimaciones con n efectivo menor que 30 o error relativo mayor que 30 %.", "\(r.flaggedCount) estimates with effective n under 30 or relative error over 30 %."),
                "- " + L("Errores estándar por linealización de Taylor según el diseño (como el paquete survey de R).", "Standard errors by Taylor linearisation under the design (as R's survey package)."), ""]
        return out.joined(separator: "\n")
    }
}
