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

    @Option(help: ArgumentHelp(L("Formato de salida: table, json o csv.", "Output format: table, json or csv."), valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json, .csv])
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
        let expected = precision.margin(of: result)
        let assumption = strata.allSatisfy { $0.standardDeviation != nil }
            ? L("con las desviaciones estándar dadas", "with the standard deviations given")
            : L("para una proporción p = \(NumberText.exact(proportion))", "for a proportion p = \(NumberText.exact(proportion))")
        switch format {
        case .json:
            print(AllocationJSON.encode(result, strata: strata, expectedMargin: expected, confidence: confidence,
                                        minimum: allocation.minPerStratum).rendered())
        case .csv:
            print(CSVWriter.standard.text(of: AllocationJSON.columns(result)), terminator: "")
        default:
            var text = TextTable(headers: [L("estrato", "stratum"), "N_h", "n_h", L("n exacto", "exact n"), "n_h/N_h", L("peso N_h/n_h", "weight N_h/n_h")],
                                 alignments: [.left, .right, .right, .right, .right, .right])
            for share in result.strata {
                text.append([share.stratum, NumberText.integer(share.population), NumberText.integer(share.size),
                             NumberText.decimal(share.exact, places: 2),
                             NumberText.decimal(Double(share.size) / Double(share.population) * 100, places: 2) + " %",
                             share.size > 0 ? NumberText.decimal(Double(share.population) / Double(share.size), places: 3) : "—"])
            }
            text.append(["total", NumberText.integer(result.strata.reduce(0) { $0 + $1.population }), NumberText.integer(result.total), "", "", ""])
            print(L("Asignación \(methodName(result.method)) de \(NumberText.integer(result.total)) encuestas en \(result.strata.count) estratos (mínimo \(allocation.minPerStratum) por estrato)",
                    "\(methodName(result.method)) allocation of \(NumberText.integer(result.total)) interviews over \(result.strata.count) strata (minimum \(allocation.minPerStratum) per stratum)"))
            print("")
            print(text.rendered())
            print("")
            print(L("Margen de error esperado: ±\(NumberText.decimal(expected, places: 4)) con \(NumberText.level(confidence)) % de confianza, \(assumption).",
                    "Expected margin of error: ±\(NumberText.decimal(expected, places: 4)) at \(NumberText.level(confidence)) % confidence, \(assumption)."))
        }
    }
}

/// The allocation document of DESIGN.md, which `sample draw --allocation` reads back.
enum AllocationJSON {
    static func encode(_ allocation: Allocation, strata: [Stratum], expectedMargin: Double, confidence: Double,
                       minimum: Int) -> JSONValue {
        .object([
            ("total", .integer(allocation.total)),
            ("method", .string(allocation.method.rawValue)),
            ("strata", .array(zip(allocation.strata, strata).map { share, stratum in
                .object([("stratum", .string(share.stratum)), ("N", .integer(share.population)), ("n", .integer(share.size)),
                         ("n_exact", .number(share.exact)), ("sd", .finite(stratum.standardDeviation)),
                         ("cost", .finite(stratum.cost))])
            })),
            ("min_per_stratum", .integer(minimum)),
            ("expected_margin", .number(expectedMargin)),
            ("confidence", .number(confidence)),
        ])
    }

    /// The allocation as table columns (for `--format csv`).
    static func columns(_ allocation: Allocation) -> [Column] {
        let shares = allocation.strata
        return [Column.texts("estrato", shares.map(\.stratum)), Column.integers("N", shares.map(\.population)),
                Column.integers("n", shares.map(\.size)), Column.decimals("n_exacto", shares.map(\.exact))]
    }
}
