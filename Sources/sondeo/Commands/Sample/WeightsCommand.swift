import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// `sondeo sample weights RESPONSES --frame FRAME …`: weights after fieldwork.
struct WeightsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "weights",
            abstract: L("Ajusta los pesos tras el trabajo de campo: no respuesta, posestratificación, rastrillado y recorte.",
                        "Adjust weights after fieldwork: non-response, post-stratification, raking and trimming."),
            discussion: HelpText.discussion([
                L("Los pasos van en este orden, cada uno sobre el resultado del anterior: (1) no respuesta dentro de estratos (--strata): los respondentes de cada estrato suman su N_h del marco; (2) posestratificación (--poststrata): los pesos de cada celda suman su conteo en el marco; (3) rastrillado (--rake): ajuste iterativo a los márgenes del marco de varias columnas; (4) recorte (--trim F): ningún peso mayor que F veces el peso medio (con --rake se vuelve a rastrillar).",
                  "The steps run in this order, each on the result of the one before: (1) non-response within strata (--strata): each stratum's respondents add up to its N_h in the frame; (2) post-stratification (--poststrata): each cell's weights add up to its count in the frame; (3) raking (--rake): iterative fitting to the frame's margins of several columns; (4) trimming (--trim F): no weight above F times the mean weight (with --rake, raking is repeated)."),
                L("Escribe las respuestas con la columna peso_final e informa el efecto de diseño de Kish, 1 + CV².",
                  "Writes the responses with a peso_final column and reports Kish's design effect, 1 + CV²."),
            ], examples: [
                "sondeo sample weights respuestas.csv --frame afiliados.csv --strata categoria --weight peso --out ponderadas.csv",
                "sondeo sample weights respuestas.csv --frame afiliados.csv --strata categoria --rake sexo,categoria --trim 3 --out ponderadas.csv",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Respuestas (CSV), una fila por respondente.", "Responses (CSV), one row per respondent."),
                                 valueName: L("respuestas", "responses")))
    var responses: String

    @Option(help: ArgumentHelp(L("Marco muestral (CSV) con los conteos de población.", "Sampling frame (CSV) with the population counts."),
                               valueName: L("marco", "frame")))
    var frame: String

    @Option(help: ArgumentHelp(L("Columna de estratos, para el ajuste por no respuesta.", "Strata column, for the non-response adjustment."),
                               valueName: L("columna", "column")))
    var strata: String?

    @Option(help: ArgumentHelp(L("Columna del peso de diseño de partida (por defecto, todos 1).", "Column of the starting design weight (all 1 by default)."),
                               valueName: L("columna", "column")))
    var weight: String?

    @Option(help: ArgumentHelp(L("Columnas cuyas celdas cruzadas se posestratifican, separadas por comas.", "Columns whose crossed cells are post-stratified, comma-separated."),
                               valueName: L("columnas", "columns")))
    var poststrata: String?

    @Option(help: ArgumentHelp(L("Columnas a cuyos márgenes se rastrilla, separadas por comas.", "Columns whose margins are raked to, comma-separated."),
                               valueName: L("columnas", "columns")))
    var rake: String?

    @Option(help: ArgumentHelp(L("Recorta los pesos a F veces el peso medio (F > 1).", "Trim weights at F times the mean weight (F > 1)."), valueName: "F"))
    var trim: Double?

    @Option(help: ArgumentHelp(L("Tolerancia relativa del rastrillado.", "Relative tolerance of raking."), valueName: L("tolerancia", "tolerance")))
    var tolerance: Double = 1e-10

    @Option(help: ArgumentHelp(L("Máximo de iteraciones del rastrillado.", "Maximum raking iterations."), valueName: "n"))
    var maxIterations: Int = 100

    @OptionGroup var output: TableFileOptions

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato del resumen: table o json.", "Summary format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        if strata == nil && poststrata == nil && rake == nil && trim == nil {
            throw ValidationError(L("indique al menos un ajuste: --strata, --poststrata, --rake o --trim",
                                    "give at least one adjustment: --strata, --poststrata, --rake or --trim"))
        }
    }

    func run() throws {
        let (table, _) = try reading.readTable(responses)
        for name in [strata, weight].compactMap({ $0 }) + TextLines.list(poststrata) + TextLines.list(rake) {
            _ = try table.column(name, source: responses)
        }
        let needed = Set(([strata].compactMap { $0 }) + TextLines.list(poststrata) + TextLines.list(rake))
        let (population, _) = try reading.readTable(frame, columns: needed)
        let procedure = WeightingProcedure(strata: strata, poststrata: TextLines.list(poststrata), rake: TextLines.list(rake), trim: trim,
                                           tolerance: tolerance, maxIterations: maxIterations)
        let result = try procedure.apply(to: try WeightingProcedure.startingWeights(table, column: weight, source: responses), responses: table, responsesPath: responses, frame: population)
        if let warning = result.unmetCapWarning { Terminal.error(warning) }
        try output.write(table.setting(Column(name: "peso_final", type: .decimal, storage: .numeric(result.weights))))
        print(result.report(procedure, out: output.out, format: format))
    }
}
