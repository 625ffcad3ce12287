import Diagnostics
import ArgumentParser
import Sampling
import Table

/// `sondeo sample replicates FILE --method jk1|jkn|brr|fay|bootstrap --out FILE`: replicate weights.
struct ReplicatesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "replicates",
            abstract: L("Agrega pesos de réplica (jackknife JK1/JKn, BRR, Fay o bootstrap) para estimar varianzas sin el diseño.",
                        "Add replicate weights (jackknife JK1/JKn, BRR, Fay or bootstrap) to estimate variances without the design."),
            discussion: HelpText.discussion([
                L("Cada réplica es una columna de pesos completa (rep_1, rep_2, …), como las de as.svrepdesign de R; sondeo analyze --repweights 'rep_*' --type … las usa, y también R (svrepdesign), SPSS o Stata.",
                  "Each replicate is a full weight column (rep_1, rep_2, …), as R's as.svrepdesign makes them; sondeo analyze --repweights 'rep_*' --type … uses them, and so do R (svrepdesign), SPSS or Stata."),
                L("jk1: sin estratos, una réplica por unidad primaria. jkn: con estratos, una réplica por unidad. brr y fay: exactamente 2 unidades por estrato. bootstrap: --replicates réplicas de Rao–Wu con --seed.",
                  "jk1: no strata, one replicate per primary unit. jkn: stratified, one replicate per unit. brr and fay: exactly 2 units per stratum. bootstrap: --replicates Rao–Wu replicates with --seed."),
            ], examples: [
                "sondeo sample replicates respuestas.csv --method jkn --strata categoria --weights peso --fpc N_estrato --out con_replicas.csv",
                "sondeo sample replicates respuestas.csv --method bootstrap --strata categoria --weights peso --replicates 500 --seed 20261206 --out con_replicas.csv",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Respuestas con sus columnas de diseño.", "Responses with their design columns."), valueName: L("archivo", "file")))
    var file: String

    @Option(help: ArgumentHelp(L("Método: jk1, jkn, brr, fay o bootstrap.", "Method: jk1, jkn, brr, fay or bootstrap."), valueName: L("método", "method")))
    var method: ReplicateConstruction.Method

    @Option(help: ArgumentHelp(L("Columna de pesos muestrales (por defecto «peso» si existe; si no, todos 1).", "Sampling weights column («peso» by default, if present; else all 1)."),
                               valueName: L("columna", "column")))
    var weights: String?

    @Option(help: ArgumentHelp(L("Columna de estratos.", "Strata column."), valueName: L("columna", "column")))
    var strata: String?

    @Option(help: ArgumentHelp(L("Columna de conglomerados (unidades primarias); sin ella, cada fila es una unidad.", "Cluster column (primary units); without it, each row is a unit."),
                               valueName: L("columna", "column")))
    var cluster: String?

    @Option(help: ArgumentHelp(L("Columna con la población del estrato (jkn: los estratos agotados no tienen réplicas).", "Column with the stratum population (jkn: exhausted strata get no replicates)."),
                               valueName: L("columna", "column")))
    var fpc: String?

    @Option(help: ArgumentHelp(L("Número de réplicas bootstrap.", "Number of bootstrap replicates."), valueName: "n"))
    var replicates = 200

    @Option(help: ArgumentHelp(L("Factor de Fay ρ.", "Fay's factor ρ."), valueName: "ρ"))
    var rho = 0.5

    @Option(help: ArgumentHelp(L("Semilla del bootstrap.", "Bootstrap seed."), valueName: L("semilla", "seed")))
    var seed: UInt64 = 20_261_206

    @Option(help: ArgumentHelp(L("Prefijo de las columnas de réplica.", "Prefix of the replicate columns."), valueName: L("prefijo", "prefix")))
    var prefix = "rep_"

    @OptionGroup var output: TableFileOptions

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato del resumen: table o json.", "Summary format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
    }

    func run() throws {
        let (table, _) = try reading.readTable(file)
        let weightColumn = weights ?? (table["peso"] != nil ? "peso" : nil)
        let result = try ReplicateTable(table, path: file, method: method, weights: weightColumn, strata: strata, cluster: cluster, fpc: fpc,
                                        replicates: replicates, rho: rho, seed: seed, prefix: prefix)
        try output.write(result.table)
        let design = [("--weights", weightColumn), ("--strata", method == .jkn ? strata : nil), ("--cluster", method == .jkn || (method == .jk1 && fpc != nil) ? cluster : nil),
                      ("--fpc", method == .jkn || method == .jk1 ? fpc : nil), ("--rho", method == .fay ? String(rho) : nil)]
        print(result.report(out: output.out, file: file, options: design.compactMap { name, value in value.map { " \(name) \($0)" } }.joined(), format: format))
    }
}

extension ReplicateConstruction.Method: ExpressibleByArgument {}
