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

    @Option(help: ArgumentHelp(L("Archivo CSV de salida.", "Output CSV file."), valueName: L("salida", "output")))
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
        try OutputPath.require(out, oneOf: [.csv])
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
        let (read, _) = try reading.readTable(frame)
        let table = try filter.apply(to: read)
        for name in [strata, id, sortBy, allocationOptions.sdOf].compactMap({ $0 }) { _ = try table.column(name, source: frame) }
        for name in Self.addedColumns where table[name] != nil {
            throw ValidationError(L("el marco ya tiene una columna «\(name)», que la muestra agrega; renómbrela",
                                    "the frame already has a column «\(name)», which the sample adds; rename it"))
        }
        let sizes = try allocationSizes(table)
        let idColumn = id ?? table.columnNames[0]
        let draw = try StratifiedDraw(table: table, strataColumn: strata, idColumn: idColumn, sizes: sizes, seed: seed,
                                      reserveFraction: reserve, method: systematic ? .systematic(sortBy: sortBy!) : .simpleRandom)
        let sample = table.selecting(draw.units.map(\.row)).appending(Self.designColumns(draw.units))
        try (excel ? CSVWriter.excel : CSVWriter.standard).write(sample, to: out)
        report(draw, idColumn: idColumn)
    }

    /// n_h per stratum: from the allocation file (checked against the frame) or allocated here.
    private func allocationSizes(_ table: Table) throws -> [String: Int] {
        if let allocation {
            return try AllocationFile.sizes(path: allocation, frame: table, strataColumn: strata!)
        }
        guard let strata else { return [StratifiedDraw.wholeFrame: total!] }
        let result = try Allocation(strata: try allocationOptions.strata(of: table, column: strata), total: total!,
                                    method: allocationOptions.method, minimumPerStratum: allocationOptions.minPerStratum)
        return Dictionary(uniqueKeysWithValues: result.strata.map { ($0.stratum, $0.size) })
    }

    static func designColumns(_ units: [StratifiedDraw.Unit]) -> [Column] {
        let names = Array(Set(units.map(\.stratum))).sorted(by: Stratum.byteOrder)
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, UInt32($0)) })
        return [
            Column(name: "estrato", type: .categorical, storage: .coded(codes: units.map { index[$0.stratum]! }, levels: names)),
            Column(name: "peso", type: .decimal, storage: .numeric(units.map(\.weight))),
            Column(name: "N_estrato", type: .integer, storage: .numeric(units.map { Double($0.stratumSize) })),
            Column(name: "orden", type: .integer, storage: .numeric(units.map { Double($0.order) })),
            Column(name: "reserva", type: .boolean, storage: .numeric(units.map { $0.reserve ? 1 : 0 }), booleanLabels: ["0", "1"]),
        ]
    }

    private func report(_ draw: StratifiedDraw, idColumn: String) {
        let sample = draw.strata.reduce(0) { $0 + $1.sample }, reserves = draw.strata.reduce(0) { $0 + $1.reserves }
        if format == .json {
            print(JSONValue.object([
                ("seed", .string(String(draw.seed))), ("algorithm", .string(draw.algorithm)),
                ("frame_fingerprint", .string("sha256:" + draw.fingerprint)), ("id_column", .string(idColumn)),
                ("out", .string(out)), ("n", .integer(sample)), ("reserves", .integer(reserves)),
                ("strata", .array(draw.strata.map {
                    .object([("stratum", .string($0.stratum)), ("N", .integer($0.population)), ("n", .integer($0.sample)),
                             ("reserves", .integer($0.reserves)),
                             ("weight", .finite($0.sample > 0 ? Double($0.population) / Double($0.sample) : nil))])
                })),
            ]).rendered())
            return
        }
        var text = TextTable(headers: [L("estrato", "stratum"), "N_h", "n_h", L("reservas", "reserves"), L("peso", "weight")],
                             alignments: [.left, .right, .right, .right, .right])
        for s in draw.strata {
            text.append([s.stratum, NumberText.integer(s.population), NumberText.integer(s.sample), NumberText.integer(s.reserves),
                         s.sample > 0 ? NumberText.decimal(Double(s.population) / Double(s.sample), places: 3) : "—"])
        }
        print(text.rendered())
        print("")
        print(L("Semilla: \(draw.seed)", "Seed: \(draw.seed)"))
        print(L("Huella del marco (SHA-256 de estrato e identificador «\(idColumn)»): \(draw.fingerprint)",
                "Frame fingerprint (SHA-256 of stratum and identifier «\(idColumn)»): \(draw.fingerprint)"))
        print(L("Algoritmo: \(draw.algorithm)", "Algorithm: \(draw.algorithm)"))
        print(L("Escrito \(out): \(NumberText.integer(sample)) unidades de muestra y \(NumberText.integer(reserves)) de reserva.",
                "Wrote \(out): \(NumberText.integer(sample)) sample units and \(NumberText.integer(reserves)) reserves."))
    }
}
