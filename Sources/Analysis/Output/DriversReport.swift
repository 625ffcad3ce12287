import Diagnostics
import Table

/// Key drivers as a table or DESIGN-style JSON.
public struct DriversReport: Report {
    let analysis: KeyDrivers
    let input: AnalysisData
    let confidence: Double

    public init(analysis: KeyDrivers, input: AnalysisData, confidence: Double) {
        self.analysis = analysis
        self.input = input
        self.confidence = confidence
    }

    public var json: JSONValue {
        let ds = analysis.drivers
        return JSONValue.object([
            ("outcome", .string(analysis.outcome)), ("n", .integer(analysis.n)), ("r2", .number(analysis.r2)),
            ("design", .string(input.design.kind.rawValue)), ("method", .string("johnson_relative_weights")),
        ] + input.resolved.varianceMembers + [
            ("drivers", .array(ds.map { d in .object([
                ("driver", .string(d.name)), ("standardized", .number(d.standardized)), ("relative_weight", .number(d.relativeWeight)),
                ("share", .number(d.share)), ("mean", .number(d.performance.estimate)), ("mean_se", .number(d.performance.standardError)),
                ("mean_ci", .array([.number(d.performance.lower), .number(d.performance.upper)])), ("quadrant", .string(d.quadrant.rawValue)),
            ]) })),
        ])
    }

    public var resultTable: Table {
        let ds = analysis.drivers
        return Table([
            Column.texts("driver", ds.map(\.name)), Column.decimals("standardized", ds.map(\.standardized)),
            Column.decimals("relative_weight", ds.map(\.relativeWeight)), Column.decimals("share", ds.map(\.share)),
            Column.decimals("mean", ds.map(\.performance.estimate)), Column.decimals("mean_se", ds.map(\.performance.standardError)),
            Column.texts("quadrant", ds.map(\.quadrant.rawValue)),
        ])
    }

    public func text(markdown: Bool) -> String {
        let ds = analysis.drivers
        let level = NumberText.level(confidence)
        var table = TextTable(headers: [L("atributo", "attribute"), L("importancia", "importance"), L("peso relativo", "relative weight"),
                                        L("beta estand.", "std. beta"), L("media", "mean"), L("IC \(level) %", "\(level) % CI"), L("cuadrante", "quadrant")],
                              alignments: [.left, .right, .right, .right, .right, .left, .left])
        for d in ds.sorted(by: { $0.share > $1.share }) {
            table.append([d.name, NumberText.decimal(d.share * 100, places: 1) + " %", NumberText.decimal(d.relativeWeight, places: 4),
                          NumberText.decimal(d.standardized, places: 3), NumberText.decimal(d.performance.estimate, places: 2),
                          "[\(NumberText.decimal(d.performance.lower, places: 2)); \(NumberText.decimal(d.performance.upper, places: 2))]",
                          d.quadrant.label])
        }
        let meanPerformance = ds.map(\.performance.estimate).reduce(0, +) / Double(ds.count)
        return [
            L("Factores clave de «\(analysis.outcome)» (pesos relativos de Johnson)", "Key drivers of «\(analysis.outcome)» (Johnson's relative weights)"),
            L("Diseño: ", "Design: ") + input.resolved.description(input.design.kind),
            L("n = \(NumberText.integer(analysis.n)) filas completas · R² = \(NumberText.decimal(analysis.r2, places: 3)) (los atributos explican el \(NumberText.decimal(analysis.r2 * 100, places: 1)) % de la variación)",
              "n = \(NumberText.integer(analysis.n)) complete rows · R² = \(NumberText.decimal(analysis.r2, places: 3)) (the attributes explain \(NumberText.decimal(analysis.r2 * 100, places: 1)) % of the variation)"),
            "",
            markdown ? table.markdown() : table.rendered(),
            "",
            L("Importancia: parte del R² de cada atributo (suma 100 %); corte en \(NumberText.decimal(100 / Double(ds.count), places: 1)) %. Desempeño: media ponderada; corte en \(NumberText.decimal(meanPerformance, places: 2)).",
              "Importance: each attribute's part of R² (adds to 100 %); cut at \(NumberText.decimal(100 / Double(ds.count), places: 1)) %. Performance: weighted mean; cut at \(NumberText.decimal(meanPerformance, places: 2))."),
        ].joined(separator: "\n")
    }
}
