import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// How `WeightsCommand` writes its result.
extension WeightsCommand {
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func startingWeights(_ table: Table) throws -> [Double] {
        guard let weight else { return [Double](repeating: 1, count: table.rowCount) }
        let column = try table.column(weight, source: responses)
        guard let values = column.numbers, column.type == .integer || column.type == .decimal else {
            throw SamplingError.notNumeric(weight)
        }
        if let bad = values.indices.first(where: { !(values[$0] > 0) }) {
            throw ValidationError(L("\(responses), línea \(table.line(ofRow: bad)): el peso «\(weight)» debe ser un número mayor que 0",
                                    "\(responses), line \(table.line(ofRow: bad)): weight «\(weight)» must be a number greater than 0"))
        }
        return values
    }

    func report(_ summary: WeightSummary, steps: [(String, JSONValue)], raking: (discrepancy: Double, iterations: Int)?,
                        trimming: Trimming?) {
        if format == .json {
            print(JSONValue.object([
                ("out", .string(out)), ("steps", .object(steps)),
                ("raking_iterations", raking.map { .integer($0.iterations) } ?? .null),
                ("raking_discrepancy", raking.map { .number($0.discrepancy) } ?? .null),
                ("trimmed", trimming.map { .integer($0.trimmed) } ?? .null),
                ("n", .integer(summary.count)), ("sum", .number(summary.sum)), ("min", .number(summary.min)),
                ("max", .number(summary.max)), ("mean", .number(summary.mean)), ("cv", .number(summary.cv)),
                ("kish_deff", .number(summary.kishDeff)), ("effective_n", .number(summary.effectiveSize)),
            ]).rendered())
            return
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
        print(lines.joined(separator: "\n"))
    }
}
