import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// `sondeo sample allocate FRAME --strata COL --total n --method M`.
struct AllocateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "allocate",
            abstract: L("Reparte el tamaño de muestra entre estratos (proporcional, Neyman, óptima o igual).",
                        "Share the sample size among strata (proportional, Neyman, optimal or equal)."),
            discussion: HelpText.discussion([
                L("Los tamaños son enteros que suman exactamente el total (mayores residuos); ningún estrato recibe más que su N_h (estratos de inclusión forzosa) y se respeta el mínimo por estrato. Con --margin en vez de --total se busca el menor total que logra ese margen para la media o proporción global.",
                  "Sizes are whole numbers adding up exactly to the total (largest remainder); no stratum gets more than its N_h (take-all strata) and the per-stratum minimum is respected. With --margin instead of --total, the smallest total reaching that margin for the overall mean or proportion is found."),
            ], examples: [
                "sondeo sample allocate afiliados.csv --strata categoria --total 850",
                "sondeo sample allocate afiliados.csv --strata categoria --total 850 --method neyman --sd-of salario_smmlv",
                "sondeo sample allocate afiliados.csv --strata municipio --margin 0.04 --format json > asignacion.json",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Marco muestral (CSV).", "Sampling frame (CSV)."), valueName: L("marco", "frame")))
    var frame: String

    @Option(help: ArgumentHelp(L("Columna de estratos.", "Strata column."), valueName: L("columna", "column")))
    var strata: String

    @Option(help: ArgumentHelp(L("Tamaño total de la muestra.", "Total sample size."), valueName: "n"))
    var total: Int?

    @Option(help: ArgumentHelp(L("Margen de error global buscado (en vez de --total).", "Overall margin of error sought (instead of --total)."),
                               valueName: "e"))
    var margin: Double?

    @OptionGroup var allocation: AllocationOptions

    @Option(help: ArgumentHelp(L("Proporción esperada para el margen (si no hay desviaciones estándar).",
                                 "Expected proportion for the margin (when no standard deviations are given)."), valueName: "p"))
    var proportion: Double = 0.5

    @Option(help: ArgumentHelp(L("Confianza del margen.", "Confidence of the margin."), valueName: "c"))
    var confidence: Double = 0.95

    @OptionGroup var filter: RowFilter
    @OptionGroup var reading: ReadingOptions

    @OptionGroup var output: ResultOutput

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try output.require([.table, .json, .csv, .markdown])
        if (total == nil) == (margin == nil) {
            throw ValidationError(L("indique --total o --margin (uno de los dos)", "give --total or --margin (one of them)"))
        }
    }

    func run() throws {
        let (table, _) = try reading.readTable(frame, columns: filter.columnNames().map {
            $0.union([self.strata] + [allocation.sdOf].compactMap { $0 })
        })
        let strata = try allocation.strata(of: try filter.apply(to: table), column: self.strata)
        let precision = try StratifiedPrecision(strata: strata, proportion: proportion, confidence: confidence)
        let result: Allocation
        if let margin {
            result = try precision.smallestTotal(for: margin, strata: strata, method: allocation.method,
                                                 minimumPerStratum: allocation.minPerStratum)
        } else {
            result = try Allocation(strata: strata, total: total!, method: allocation.method, minimumPerStratum: allocation.minPerStratum)
        }
        try output.emit(AllocationReport(result, strata: strata, expectedMargin: precision.margin(of: result), confidence: confidence,
                                         proportion: proportion, minimum: allocation.minPerStratum))
    }
}
