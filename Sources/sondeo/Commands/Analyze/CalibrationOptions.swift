import Analysis
import ArgumentParser
import Diagnostics

/// `--poststrata`, `--rake`, `--calibrate` with `--frame` or `--totals`: the weights calibrated to
/// population figures inside the design, so that standard errors account for it (R's `postStratify`,
/// `rake`, `calibrate`).
struct CalibrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Posestratifica: los pesos de cada celda de estas columnas (cruzadas) suman su conteo en la población; los errores estándar lo tienen en cuenta.",
                                 "Post-stratify: the weights of each cell of these (crossed) columns add up to its population count; standard errors account for it."),
                               valueName: L("columnas", "columns")))
    var poststrata: String?

    @Option(help: ArgumentHelp(L("Rastrilla a los márgenes de población de cada una de estas columnas.", "Rake to the population margins of each of these columns."),
                               valueName: L("columnas", "columns")))
    var rake: String?

    @Option(help: ArgumentHelp(L("Calibración lineal (GREG) a los totales de población de estas columnas: numéricas (su total) o categóricas (el conteo de cada categoría).",
                                 "Linear (GREG) calibration to the population totals of these columns: numeric (their total) or categorical (each category's count)."),
                               valueName: L("columnas", "columns")))
    var calibrate: String?

    @Option(help: ArgumentHelp(L("Marco poblacional (una fila por unidad, p. ej. la base de afiliados) del que se cuentan las cifras de calibración.",
                                 "Population frame (one row per unit, e.g. the affiliate base) the calibration figures are counted from."),
                               valueName: L("marco", "frame")))
    var frame: String?

    @Option(help: ArgumentHelp(L("Archivo de totales de población con columnas variable,categoria,total (categoria vacía para un total numérico; «N» para el tamaño).",
                                 "Population totals file with columns variable,categoria,total (empty categoria for a numeric total; «N» for the size)."),
                               valueName: L("totales", "totals")))
    var totals: String?

    /// The calibrations asked for, in the order they are applied.
    var methods: [CalibrationMethod] {
        [poststrata.map { CalibrationMethod.postStratify(TextLines.list($0)) }, rake.map { .rake(TextLines.list($0)) },
         calibrate.map { .linear(TextLines.list($0)) }].compactMap { $0 }
    }

    func validate() throws {
        if !methods.isEmpty && (frame == nil) == (totals == nil) {
            throw ValidationError(L("--poststrata, --rake y --calibrate necesitan las cifras de población: --frame (el marco) o --totals (un archivo de totales), uno de los dos",
                                    "--poststrata, --rake and --calibrate need the population figures: --frame (the frame) or --totals (a totals file), one of them"))
        }
        if methods.isEmpty && (frame != nil || totals != nil) {
            throw ValidationError(L("--frame y --totals solo sirven con --poststrata, --rake o --calibrate", "--frame and --totals only serve with --poststrata, --rake or --calibrate"))
        }
    }

    /// The population figures, read from the frame (only the calibration columns) or the totals file.
    func population(reading: ReadingOptions) throws -> PopulationTotals? {
        if let frame {
            return PopulationTotals(frame: try reading.readTable(frame, columns: Set(methods.flatMap(\.columns))).table, path: frame)
        }
        if let totals { return try PopulationTotals(totals: try reading.readTable(totals).table, path: totals) }
        return nil
    }
}
