import Diagnostics
import Foundation
import Table

/// How the weighting went, as `sample weights` prints it.
extension WeightingProcedure.Result {
    /// Trimming and raking could not both be met: the warning to print, or nil.
    public var unmetCapWarning: String? {
        unmetCap.map { largest, cap in
            L("aviso: el recorte y el rastrillado no se pudieron cumplir a la vez: el peso máximo queda en \(NumberText.decimal(largest, places: 3)) (tope \(NumberText.decimal(cap, places: 3)))",
              "warning: trimming and raking could not both be met: the largest weight stays at \(NumberText.decimal(largest, places: 3)) (cap \(NumberText.decimal(cap, places: 3)))")
        }
    }

    /// What was done and the final weights, for the person who ran it (`out`: the file written) or as JSON.
    public func report(_ procedure: WeightingProcedure, out: String, format: OutputFormat) -> String {
        let summary = WeightSummary(weights), raking = self.raking.map { (discrepancy: $0.discrepancy, iterations: rakingIterations) }
        let strata = procedure.strata, rake = procedure.rake.isEmpty ? nil : procedure.rake.joined(separator: ",")
        let poststrata = procedure.poststrata.isEmpty ? nil : procedure.poststrata.joined(separator: ",")
        var steps: [(String, JSONValue)] = []
        if let strata { steps.append(("nonresponse", .string(strata))) }
        if !procedure.poststrata.isEmpty { steps.append(("poststratification", .array(procedure.poststrata.map(JSONValue.string)))) }
        if !procedure.rake.isEmpty { steps.append(("raking", .array(procedure.rake.map(JSONValue.string)))) }
        if let trim = procedure.trim { steps.append(("trimming", .number(trim))) }
        if format == .json {
            return JSONValue.object([
                ("out", .string(out)), ("steps", .object(steps)),
                ("raking_iterations", raking.map { .integer($0.iterations) } ?? .null),
                ("raking_discrepancy", raking.map { .number($0.discrepancy) } ?? .null),
                ("trimmed", trimming.map { .integer($0.trimmed) } ?? .null),
                ("n", .integer(summary.count)), ("sum", .number(summary.sum)), ("min", .number(summary.min)),
                ("max", .number(summary.max)), ("mean", .number(summary.mean)), ("cv", .number(summary.cv)),
                ("kish_deff", .number(summary.kishDeff)), ("effective_n", .number(summary.effectiveSize)),
            ]).rendered()
        }
        var lines: [String] = []
        if let strata { lines.append(L("• No respuesta ajustada dentro de «\(strata)».", "• Non-response adjusted within «\(strata)».")) }
        if let poststrata { lines.append(L("• Posestratificado a las celdas de «\(poststrata)».", "• Post-stratified to the cells of «\(poststrata)».")) }
        if let raking, let rake {
            let gap = String(format: "%.1e", raking.discrepancy)
            lines.append(L("• Rastrillado a los márgenes de «\(rake)»: \(raking.iterations) iteraciones, diferencia relativa máxima \(gap.replacingOccurrences(of: ".", with: ",")).",
                           "• Raked to the margins of «\(rake)»: \(raking.iterations) iterations, largest relative gap \(gap)."))
        }
        if let trimming {
            lines.append(L("• Recortados \(trimming.trimmed) pesos al tope \(NumberText.decimal(trimming.cap, places: 3)).",
                           "• Trimmed \(trimming.trimmed) weights at the cap \(NumberText.decimal(trimming.cap, places: 3))."))
        }
        lines += ["", L("Pesos finales (columna peso_final):", "Final weights (column peso_final):")]
        let rows: [(String, String)] = [
            (L("respondentes", "respondents"), NumberText.integer(summary.count)),
            (L("suma", "sum"), NumberText.decimal(summary.sum, places: 2)),
            (L("mínimo", "min"), NumberText.decimal(summary.min, places: 3)),
            (L("máximo", "max"), NumberText.decimal(summary.max, places: 3)),
            (L("media", "mean"), NumberText.decimal(summary.mean, places: 3)),
            (L("coeficiente de variación", "coefficient of variation"), NumberText.decimal(summary.cv, places: 4)),
            (L("efecto de diseño de Kish (1 + CV²)", "Kish design effect (1 + CV²)"), NumberText.decimal(summary.kishDeff, places: 4)),
            (L("tamaño efectivo (n / deff)", "effective size (n / deff)"), NumberText.decimal(summary.effectiveSize, places: 1)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        lines += rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
        lines += ["", L("Escrito \(out).", "Wrote \(out).")]
        return lines.joined(separator: "\n")
    }
}
