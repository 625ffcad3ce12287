import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// `sondeo sample draw FRAME --strata COL (--allocation alloc.json | --total n --method M) --seed S --out muestra.csv`.
struct DrawCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "draw",
            abstract: L("Selecciona la muestra del marco: aleatoria simple estratificada o sistemática, reproducible con una semilla.",
                        "Draw the sample from the frame: stratified simple random or systematic, reproducible from a seed."),
            discussion: HelpText.discussion([
                L("La misma semilla y el mismo marco dan la misma muestra en cualquier máquina: los estratos se recorren en orden de bytes de su nombre y las unidades en orden de bytes de su identificador (--id), así que el orden de las filas del archivo no importa.",
                  "The same seed and frame give the same sample on any machine: strata are visited in byte order of their names and units in byte order of their identifier (--id), so the order of the file's rows does not matter."),
                L("La salida conserva las columnas del marco y agrega estrato, peso (N_h/n_h), N_estrato, orden y reserva (1 = unidad de reemplazo, que se usa en el orden de «orden» cuando alguien no responde).",
                  "The output keeps the frame's columns and adds estrato, peso (N_h/n_h), N_estrato, orden and reserva (1 = replacement unit, used in «orden» order when someone does not respond)."),
            ], examples: [
                "sondeo sample draw afiliados.csv --strata categoria --total 850 --seed 20261129 --reserve 0.5 --out muestra.csv",
                "sondeo sample draw afiliados.csv --strata categoria --allocation asignacion.json --seed 7 --out muestra.csv",
                "sondeo sample draw afiliados.csv --total 400 --seed 7 --systematic --sort-by municipio --out muestra.csv",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Marco muestral (CSV).", "Sampling frame (CSV)."), valueName: L("marco", "frame")))
    var frame: String

    @Option(help: ArgumentHelp(L("Columna de estratos (sin ella, muestreo aleatorio simple de todo el marco).",
                                 "Strata column (without it, simple random sampling of the whole frame)."), valueName: L("columna", "column")))
    var strata: String?

    @Option(help: ArgumentHelp(L("Asignación en JSON, la de «sample allocate --format json».", "Allocation JSON, as «sample allocate --format json» writes it."),
                               valueName: L("archivo", "file")))
    var allocation: String?

    @Option(help: ArgumentHelp(L("Tamaño total (si no se da --allocation).", "Total size (when --allocation is not given)."), valueName: "n"))
    var total: Int?

    @OptionGroup var allocationOptions: AllocationOptions

    @Option(help: ArgumentHelp(L("Semilla del generador aleatorio (entero). Anótela: reproduce la muestra.",
                                 "Seed of the random generator (an integer). Keep it: it reproduces the sample."), valueName: L("semilla", "seed")))
    var seed: UInt64

    @Option(help: ArgumentHelp(L("Archivo de salida: .csv, .xlsx, .sav, .zsav o .dta.", "Output file: .csv, .xlsx, .sav, .zsav or .dta."), valueName: L("salida", "output")))
    var out: String

    @Option(help: ArgumentHelp(L("Reservas por estrato como fracción de n_h (0.5 = la mitad).", "Reserves per stratum as a fraction of n_h (0.5 = half)."),
                               valueName: L("fracción", "fraction")))
    var reserve: Double = 0

    @Option(help: ArgumentHelp(L("Columna que identifica cada unidad (por defecto la primera).", "Column identifying each unit (the first by default)."),
                               valueName: L("columna", "column")))
    var id: String?

    @Flag(help: ArgumentHelp(L("Muestreo sistemático (cada k-ésima unidad desde un arranque aleatorio) en vez de aleatorio simple.",
                               "Systematic sampling (every k-th unit from a random start) instead of simple random.")))
    var systematic = false

    @Option(help: ArgumentHelp(L("Columna por la que se ordena el marco para el muestreo sistemático.", "Column the frame is sorted by for systematic sampling."),
                               valueName: L("columna", "column")))
    var sortBy: String?

    @Flag(help: ArgumentHelp(L("Escribe la salida para Excel en español.", "Write the output for Spanish-locale Excel.")))
    var excel = false

    @OptionGroup var filter: RowFilter
    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato del resumen: table o json.", "Summary format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    static let addedColumns = ["estrato", "peso", "N_estrato", "orden", "reserva"]

    func validate() throws {
        try format.require([.table, .json])
        try OutputPath.requireTable(out, excel: excel)
        if (allocation == nil) == (total == nil) {
            throw ValidationError(L("indique --allocation o --total (uno de los dos)", "give --allocation or --total (one of them)"))
        }
        if systematic && sortBy == nil {
            throw ValidationError(L("--systematic requiere --sort-by", "--systematic needs --sort-by"))
        }
        if allocation != nil && strata == nil {
            throw ValidationError(L("--allocation requiere --strata", "--allocation needs --strata"))
        }
    }

    func run() throws {
        // A standard CSV sample of a CSV frame in the same dialect copies the chosen records as they are:
        // only the columns the draw needs are read.
        let writer: CSVWriter? = excel || DataFile.Output(path: out) != .csv ? nil : .standard
        let needed = filter.columnNames().map { $0.union([strata, id, sortBy, allocationOptions.sdOf].compactMap { $0 }) }
        let (read, source, header) = try reading.readForCopy(frame, columns: needed, withFirst: id == nil, into: writer)
        let table = try filter.apply(to: read)
        for name in [strata, id, sortBy, allocationOptions.sdOf].compactMap({ $0 }) { _ = try table.column(name, source: frame) }
        for name in Self.addedColumns where (header ?? table.columnNames).contains(name) {
            throw ValidationError(L("el marco ya tiene una columna «\(name)», que la muestra agrega; renómbrela",
                                    "the frame already has a column «\(name)», which the sample adds; rename it"))
        }
        let sizes = try allocationSizes(table)
        let idColumn = id ?? table.columnNames[0]
        let draw = try Terminal.working(L("Sorteando", "Drawing")) {
            try StratifiedDraw(table: table, strataColumn: strata, idColumn: idColumn, sizes: sizes, seed: seed,
                               reserveFraction: reserve, method: systematic ? .systematic(sortBy: sortBy!) : .simpleRandom)
        }
        let design = Table(columns: draw.designColumns, rowCount: draw.units.count)
        if let header, let writer, let offsets = table.sourceOffsets,
           try CSVRecordCopy.write(from: frame, header: header, offsets: draw.units.map { offsets[$0.row] }, appended: design, writer: writer,
                                   to: out, progress: Terminal.writing(out)) {
        } else {
            let whole = header == nil ? table : try filter.apply(to: try reading.readTable(frame).table)
            try DataFile.write(whole.selecting(draw.units.map(\.row)).appending(draw.designColumns), to: out, csv: excel ? .excel : .standard,
                               progress: Terminal.writing(out))
        }
        print(draw.report(idColumn: idColumn, out: out, format: format, frameQuery: source.query.map { (source.source, $0, source.rows) }))
    }
}
