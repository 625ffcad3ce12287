import Diagnostics
import Analysis
import ArgumentParser
import Foundation
import Table

/// The sampling design of the responses, and the domains (`--by`): shared by every `analyze` command.
struct DesignOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Columna de estratos (por defecto «estrato» si existe).", "Strata column («estrato» by default, if present)."),
                               valueName: L("columna", "column")))
    var strata: String?

    @Option(help: ArgumentHelp(L("Columna de pesos muestrales (por defecto «peso» si existe).", "Sampling weights column («peso» by default, if present)."),
                               valueName: L("columna", "column")))
    var weights: String?

    @Option(help: ArgumentHelp(L("Columna con el tamaño de la población del estrato o la fracción de muestreo (por defecto «N_estrato» si existe y hay estratos).",
                                 "Column with the stratum population size or the sampling fraction («N_estrato» by default, if present and stratified)."),
                               valueName: L("columna", "column")))
    var fpc: String?

    @Option(help: ArgumentHelp(L("Columna de conglomerados (unidades primarias de muestreo), para muestras por conglomerados.",
                                 "Cluster column (primary sampling units), for cluster samples."), valueName: L("columna", "column")))
    var cluster: String?

    @Option(help: ArgumentHelp(L("Muestra con probabilidad proporcional al tamaño sin reemplazo: brewer u overton (aproximación de las probabilidades conjuntas, como R); --fpc da la probabilidad de inclusión de cada unidad.",
                                 "Sample with probability proportional to size without replacement: brewer or overton (approximation of the joint probabilities, as R); --fpc gives each unit's inclusion probability."),
                               valueName: L("aproximación", "approximation")))
    var pps: PPSApproximation?

    @Flag(help: ArgumentHelp(L("Ignora el diseño: muestra aleatoria simple sin pesos.", "Ignore the design: unweighted simple random sample.")))
    var simple = false

    @Option(help: ArgumentHelp(L("Estratos con una sola unidad: fail (error), remove, adjust o average, como en R.",
                                 "Strata with a single unit: fail (error), remove, adjust or average, as in R."), valueName: L("política", "policy")))
    var lonelyPsu: LonelyPSUPolicy = .fail

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var replicates: ReplicateOptions

    @Option(help: ArgumentHelp(L("Columnas que definen grupos (dominios), separadas por comas.", "Columns defining groups (domains), comma-separated."),
                               valueName: L("columnas", "columns")))
    var by: String?

    @Option(help: ArgumentHelp(L("Nivel de confianza de los intervalos.", "Confidence level of the intervals."), valueName: "c"))
    var confidence: Double = 0.95

    func validate() throws {
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError(L("--confidence debe estar entre 0 y 1, p. ej. 0.95", "--confidence must be between 0 and 1, e.g. 0.95"))
        }
        if simple && (strata != nil || weights != nil || fpc != nil || cluster != nil) {
            throw ValidationError(L("--simple no se combina con --strata, --weights, --fpc ni --cluster", "--simple does not combine with --strata, --weights, --fpc or --cluster"))
        }
    }

    var byColumns: [String] {
        TextLines.list(by)
    }

    /// The design columns to use, given the file's header.
    func resolve(header: [String]) -> DesignColumns {
        var columns = simple ? DesignColumns() : DesignColumns(header: header, strata: strata, weights: weights, fpc: fpc, cluster: cluster)
        columns.calibration = calibration.methods
        columns.population = calibration.frame ?? calibration.totals
        columns.replicates = replicates.columns(header: header)
        columns.pps = simple ? nil : pps
        return columns
    }
}

extension LonelyPSUPolicy: ExpressibleByArgument {}
extension PPSApproximation: ExpressibleByArgument {}

/// A responses file read for analysis: only the columns needed, with its design and domains.
enum AnalysisInput {
    static func read(path: String, variables: [String], options: DesignOptions, reading: ReadingOptions) throws -> AnalysisData {
        let header = try reading.header(path)
        let columns = options.resolve(header: header)
        let table = try reading.readTable(path, columns: Set(variables + options.byColumns + columns.columns), declaredMissing: true).table
        return try AnalysisData(path: path, table: table, columns: columns, by: options.byColumns, lonelyPSU: options.lonelyPsu,
                                population: try options.calibration.population(reading: reading))
    }
}
