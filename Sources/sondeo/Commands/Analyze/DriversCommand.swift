import Survey
import Diagnostics
import Analysis
import ArgumentParser
import Foundation
import Table

/// `sondeo analyze drivers FILE --outcome satisf_general --drivers a,b,c`: key-driver analysis.
struct DriversCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "drivers",
            abstract: L("Factores clave: qué atributos del servicio explican más la satisfacción (pesos relativos de Johnson) y cómo le va a cada uno (cuadrante importancia–desempeño).",
                        "Key drivers: which service attributes explain satisfaction most (Johnson's relative weights) and how each performs (importance–performance quadrant)."),
            discussion: HelpText.discussion([
                L("La importancia es el peso relativo de Johnson (2000): reparte el R² del modelo entre los atributos aunque estén correlacionados, y suma el R². El desempeño es la media de cada atributo según el diseño. Cuadrantes, frente a la importancia media (1/k) y al desempeño medio: «mejorar» (importante y bajo), «mantener» (importante y alto), «vigilar» (menos importante y bajo), «posible exceso» (menos importante y alto).",
                  "Importance is Johnson's (2000) relative weight: it splits the model's R² among the attributes even when they are correlated, and adds up to R². Performance is each attribute's design-based mean. Quadrants, against the mean importance (1/k) and the mean performance: «improve» (important, low), «maintain» (important, high), «monitor» (less important, low), «surplus» (less important, high)."),
            ], examples: [
                "sondeo analyze drivers respuestas.csv --outcome satisf_general --drivers amabilidad,tiempo_espera,claridad_info,instalaciones,precio --strata categoria",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Resultado global (p. ej. satisf_general o nps).", "Overall outcome (e.g. satisf_general or nps)."), valueName: L("columna", "column")))
    var outcome: String
    @Option(help: ArgumentHelp(L("Atributos, separados por comas.", "Attributes, comma-separated."), valueName: L("columnas", "columns")))
    var drivers: String
    @Option(help: ArgumentHelp(L("Formato de salida: table, json, csv o markdown.", "Output format: table, json, csv or markdown."),
                               valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    var driverNames: [String] { drivers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func validate() throws {
        try ModelOptions.refuseGroups(design)
        guard driverNames.count >= 2 else {
            throw ValidationError(L("--drivers necesita al menos dos atributos separados por comas", "--drivers needs at least two comma-separated attributes"))
        }
    }

    func run() throws {
        let data = try AnalysisInput(path: file, variables: [outcome] + driverNames, options: design, reading: reading)
        let analysis = try KeyDrivers(table: data.table, outcome: outcome, drivers: driverNames, design: data.design)
        print(DriversReport(analysis: analysis, input: data, confidence: design.confidence).render(format))
    }
}

/// Key drivers as a table or DESIGN-style JSON.
struct DriversReport {
    let analysis: KeyDrivers
    let input: AnalysisInput
    let confidence: Double

    func render(_ format: OutputFormat) -> String {
        let ds = analysis.drivers
        switch format {
        case .json:
            return JSONValue.object([
                ("outcome", .string(analysis.outcome)), ("n", .integer(analysis.n)), ("r2", .number(analysis.r2)),
                ("design", .string(input.design.kind.rawValue)), ("method", .string("johnson_relative_weights")),
                ("drivers", .array(ds.map { d in .object([
                    ("driver", .string(d.name)), ("standardized", .number(d.standardized)), ("relative_weight", .number(d.relativeWeight)),
                    ("share", .number(d.share)), ("mean", .number(d.performance.estimate)), ("mean_se", .number(d.performance.standardError)),
                    ("mean_ci", .array([.number(d.performance.lower), .number(d.performance.upper)])), ("quadrant", .string(d.quadrant.rawValue)),
                ]) })),
            ]).rendered()
        case .csv:
            return CSVWriter.standard.text(of: [
                Column.texts("driver", ds.map(\.name)), Column.decimals("standardized", ds.map(\.standardized)),
                Column.decimals("relative_weight", ds.map(\.relativeWeight)), Column.decimals("share", ds.map(\.share)),
                Column.decimals("mean", ds.map(\.performance.estimate)), Column.decimals("mean_se", ds.map(\.performance.standardError)),
                Column.texts("quadrant", ds.map(\.quadrant.rawValue)),
            ])
        case .table, .markdown:
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
                format == .markdown ? table.markdown() : table.rendered(),
                "",
                L("Importancia: parte del R² de cada atributo (suma 100 %); corte en \(NumberText.decimal(100 / Double(ds.count), places: 1)) %. Desempeño: media ponderada; corte en \(NumberText.decimal(meanPerformance, places: 2)).",
                  "Importance: each attribute's part of R² (adds to 100 %); cut at \(NumberText.decimal(100 / Double(ds.count), places: 1)) %. Performance: weighted mean; cut at \(NumberText.decimal(meanPerformance, places: 2))."),
            ].joined(separator: "\n")
        }
    }
}
