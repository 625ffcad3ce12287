import Diagnostics
import ArgumentParser
import Foundation
import LinearAlgebra
import Segmentation
import Table

/// `sondeo cluster FILE --columns a,b,c --k 4|2..8 [--seed S] [--restarts R] [--standardize …] [--out F]`.
struct ClusterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cluster",
            abstract: L("Segmentos a partir de los datos: k-medias sobre columnas numéricas, con semilla y varios reinicios.",
                        "Data-driven segments: k-means on numeric columns, seeded, with several restarts."),
            discussion: HelpText.discussion([
                L("Con un rango (--k 2..8) muestra la inercia y la silueta media de cada k para ayudar a elegir. Con un solo k informa tamaños y centros en las unidades de cada columna; --out escribe los datos con la columna «cluster», que «sondeo map --cluster» describe grupo por grupo.",
                  "With a range (--k 2..8) it shows each k's inertia and mean silhouette to help choose. With one k it reports sizes and centres in each column's units; --out writes the data with a «cluster» column, which «sondeo map --cluster» describes group by group."),
            ], examples: [
                "sondeo cluster afiliados.csv --columns edad,salario_smmlv,visitas_12m,personas_a_cargo --k 2..8",
                "sondeo cluster afiliados.csv --columns edad,salario_smmlv,visitas_12m,personas_a_cargo --k 4 --seed 7 --out asignacion.csv",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Base de datos (CSV).", "Data base (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Columnas numéricas a agrupar, separadas por comas.", "Numeric columns to cluster, comma-separated."),
                               valueName: L("columnas", "columns")))
    var columns: String
    @Option(help: ArgumentHelp(L("Número de grupos, o un rango como 2..8.", "Number of groups, or a range such as 2..8."), valueName: "k"))
    var k: String
    @Option(help: ArgumentHelp(L("Semilla del generador (k-means++ y la muestra de la silueta).", "Generator seed (k-means++ and the silhouette sample)."),
                               valueName: L("semilla", "seed")))
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp(L("Reinicios; se conserva el de menor inercia.", "Restarts; the one with the smallest inertia is kept."), valueName: "n"))
    var restarts: Int = 10
    @Option(help: ArgumentHelp(L("Estandarización: zscore (desviación poblacional) o none.", "Standardization: zscore (population deviation) or none."),
                               valueName: L("modo", "mode")))
    var standardize: Standardization = .zscore
    @Option(help: ArgumentHelp(L("Faltantes en las columnas: drop (quita la fila) o mean (la media de la columna).",
                                 "Missing values in the columns: drop (drop the row) or mean (the column mean)."), valueName: L("modo", "mode")))
    var impute: MissingValues = .drop
    @OptionGroup var filter: RowFilter
    @Option(help: ArgumentHelp(L("Escribe los datos con la columna «cluster» (1…k): .csv, .xlsx, .sav, .zsav o .dta.", "Write the data with a «cluster» column (1…k): .csv, .xlsx, .sav, .zsav or .dta."),
                               valueName: L("salida", "output")))
    var out: String?
    @OptionGroup var reading: ReadingOptions
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions


    func validate() throws {
        try format.require([.table, .json])
        if let out { try OutputPath.requireTable(out) }
        guard restarts >= 1 else { throw ValidationError(L("--restarts debe ser al menos 1", "--restarts must be at least 1")) }
    }

    /// The k values asked for.
    func run() throws {
        let ks = try ClusterRun.ks(k)
        if ks.count > 1 && out != nil {
            throw ValidationError(L("--out necesita un solo k: elija uno con la tabla del rango y vuelva a correr", "--out needs a single k: choose one from the range table and run again"))
        }
        let names = TextLines.list(columns)
        // With --out the whole table is written back; otherwise only the clustered and filtered columns are read.
        let table = try filter.apply(to: try reading.readTable(file, columns: out == nil ? filter.columnNames().map { $0.union(names) } : nil).table)
        let run = try ClusterRun(table: table, source: file, columns: names, impute: impute, standardize: standardize)
        if let warning = run.warning { Terminal.error(warning) }
        let progress = Terminal.steps(label: L("k-medias", "k-means"))
        if ks.count > 1 {
            print(KMeans.rangeReport(try run.range(ks, restarts: restarts, seed: seed, progress: progress), rows: run.data.rows, restarts: restarts, seed: seed, format: format))
            return
        }
        let total = max(1, restarts), k = ks[0]
        var restartDone: (@Sendable (Int) -> Void)?
        if let progress { restartDone = { finished in progress(finished, total, ClusterRun.restartPhase(k: k, finished: finished, of: total)) } }
        let fit = try KMeans(data: run.data, k: k, restarts: restarts, seed: seed, restartDone: restartDone)
        if let out { try DataFile.write(table.setting(run.column(fit)), to: out, progress: Terminal.writing(out)) }
        print(fit.report(data: run.data, seed: seed, standardize: standardize, dropped: run.dropped, out: out, format: format))
    }
}

extension Standardization: ExpressibleByArgument {}

extension MissingValues: ExpressibleByArgument {}
