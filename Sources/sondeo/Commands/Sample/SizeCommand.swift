import Diagnostics
import ArgumentParser
import Sampling
import Table

/// `sondeo sample size`: how many interviews for a margin of error, or what margin n interviews give.
struct SizeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "size",
            abstract: L("Calcula el tamaño de muestra para un margen de error (o el margen que logra un n dado).",
                        "Compute the sample size for a margin of error (or the margin a given n achieves)."),
            discussion: HelpText.discussion([
                L("n0 = z²·p(1−p)/e² (o z²·s²/e² para una media); con población N, n = n0 / (1 + (n0 − 1)/N) redondeado hacia arriba; n_final = ⌈n · deff / r⌉ son los contactos para lograr n respuestas.",
                  "n0 = z²·p(1−p)/e² (or z²·s²/e² for a mean); with population N, n = n0 / (1 + (n0 − 1)/N) rounded up; n_final = ⌈n · deff / r⌉ contacts to obtain n responses."),
            ], examples: [
                "sondeo sample size --margin 0.05 --population 20000",
                "sondeo sample size --margin 0.05 --population 20000 --deff 1.2 --response-rate 0.6",
                "sondeo sample size --n 400 --population 20000",
                "sondeo sample size --margin 0.08 --per-stratum --frame afiliados.csv --strata categoria",
            ])
        )
    }

    @Option(help: ArgumentHelp(L("Margen de error e (0.05 = ±5 puntos para una proporción; en unidades de la variable para una media).",
                                 "Margin of error e (0.05 = ±5 points for a proportion; in the variable's units for a mean)."),
                               valueName: "e"))
    var margin: Double?

    @OptionGroup var precision: PrecisionOptions

    @Option(help: ArgumentHelp(L("Margen de error del NPS en puntos (p. ej. 5 = ±5 puntos), en vez de --margin.",
                                 "NPS margin of error in points (e.g. 5 = ±5 points), instead of --margin."), valueName: L("puntos", "points")))
    var npsMargin: Double?

    @Option(help: ArgumentHelp(L("Proporción esperada de promotores para --nps-margin (0.5 con --detractors 0.5 es el peor caso).",
                                 "Expected share of promoters for --nps-margin (0.5 with --detractors 0.5 is the worst case)."), valueName: "p"))
    var promoters: Double = 0.5

    @Option(help: ArgumentHelp(L("Proporción esperada de detractores para --nps-margin.", "Expected share of detractors for --nps-margin."), valueName: "d"))
    var detractors: Double = 0.5

    @Option(help: ArgumentHelp(L("Tamaño de la población N (sin ella, población infinita).",
                                 "Population size N (without it, an infinite population)."), valueName: "N"))
    var population: Int?

    @Option(help: ArgumentHelp(L("Efecto de diseño.", "Design effect."), valueName: "deff"))
    var deff: Double = 1

    @Option(help: ArgumentHelp(L("Tasa de respuesta esperada (0 a 1].", "Expected response rate (0 to 1]."), valueName: "r"))
    var responseRate: Double = 1

    @Option(name: .customLong("n"),
            help: ArgumentHelp(L("Encuestas completas: da el margen de error que logran (cálculo inverso).",
                                 "Completed interviews: gives the margin of error they achieve (inverse)."), valueName: "n"))
    var completes: Int?

    @Flag(help: ArgumentHelp(L("Un tamaño por estrato, cada uno con su propio margen (requiere --frame y --strata).",
                               "A size per stratum, each reaching the margin on its own (needs --frame and --strata).")))
    var perStratum = false

    @Option(help: ArgumentHelp(L("Marco muestral (CSV) para --per-stratum.", "Sampling frame (CSV) for --per-stratum."),
                               valueName: L("archivo", "file")))
    var frame: String?

    @Option(help: ArgumentHelp(L("Columna de estratos del marco.", "Strata column of the frame."), valueName: L("columna", "column")))
    var strata: String?

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        let given = [completes != nil, margin != nil, npsMargin != nil].filter { $0 }.count
        if given == 0 {
            throw ValidationError(L("indique --margin (o --nps-margin, o --n para el cálculo inverso)", "give --margin (or --nps-margin, or --n for the inverse)"))
        }
        if given > 1 {
            throw ValidationError(L("use solo uno de --margin, --nps-margin y --n", "use only one of --margin, --nps-margin and --n"))
        }
        if perStratum && (frame == nil || strata == nil) {
            throw ValidationError(L("--per-stratum requiere --frame y --strata", "--per-stratum needs --frame and --strata"))
        }
        if perStratum && completes != nil {
            throw ValidationError(L("--per-stratum calcula tamaños: use --margin, no --n", "--per-stratum computes sizes: use --margin, not --n"))
        }
    }

    /// What is estimated and the margin on its own scale.
    private var target: (SizeTarget, Double?) {
        if let npsMargin { return (.netPromoter(promoters: promoters, detractors: detractors), npsMargin / 100) }
        return (precision.target, margin)
    }

    func run() throws {
        let (target, margin) = self.target
        if let completes {
            printAchieved(try AchievedMargin(n: completes, target: target, confidence: precision.confidence,
                                                 population: population, deff: deff))
        } else if perStratum, let frame, let strata {
            let (table, _) = try reading.readTable(frame, columns: [strata])
            let frameStrata = try FrameStrata.strata(of: table, column: strata)
            let sizes = try frameStrata.map { stratum in
                (stratum, try SampleSize(target: target, margin: margin!, confidence: precision.confidence,
                                         population: stratum.size, deff: deff, responseRate: responseRate))
            }
            printPerStratum(sizes, target: target, margin: margin!)
        } else {
            printSize(try SampleSize(target: target, margin: margin!, confidence: precision.confidence,
                                     population: population, deff: deff, responseRate: responseRate))
        }
    }

    private func inputs(_ size: SampleSize) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        switch size.target {
        case .proportion(let p): members += [("target", .string("proportion")), ("proportion", .number(p))]
        case .mean(let s): members += [("target", .string("mean")), ("sd", .number(s))]
        case .netPromoter(let p, let d): members += [("target", .string("nps")), ("promoters", .number(p)), ("detractors", .number(d))]
        }
        return members
    }

    private func printSize(_ size: SampleSize) {
        if format == .json {
            print(JSONValue.object([
                ("n0", .number(size.n0)), ("n", .integer(size.n)),
                ("population", size.population.map { .integer($0) } ?? .null),
                ("margin", .number(size.margin)), ("confidence", .number(size.confidence)),
                ("deff", .number(size.deff)), ("response_rate", .number(size.responseRate)),
                ("n_final", .integer(size.nFinal)), ("formula", .string(size.formula)),
                ("z", .number(size.z)), ("n_exact", .number(size.nExact)), ("census", .bool(size.isCensus)),
            ] + inputs(size)).rendered())
            return
        }
        let z = NumberText.decimal(size.z, places: 4)
        let s2: String, what: String
        switch size.target {
        case .proportion: s2 = "p(1−p)"; what = L("una proporción", "a proportion")
        case .mean: s2 = "s²"; what = L("una media", "a mean")
        case .netPromoter: s2 = "[p + d − (p − d)²]"; what = L("el NPS", "the NPS")
        }
        var lines = [
            L("Tamaño de muestra para estimar \(what)", "Sample size to estimate \(what)"),
            "",
            "  " + precision.text(of: size.target),
            "  " + L("margen de error e = \(NumberText.exact(size.margin))", "margin of error e = \(NumberText.exact(size.margin))")
                + (size.target.isProportion ? L(" (±\(NumberText.level(size.margin)) puntos)", " (±\(NumberText.level(size.margin)) points)") : ""),
            "  " + L("confianza = \(NumberText.level(size.confidence)) % (z = \(z))", "confidence = \(NumberText.level(size.confidence)) % (z = \(z))"),
            "  " + L("población N = ", "population N = ") + (size.population.map { NumberText.integer($0) } ?? L("infinita", "infinite")),
            "  " + L("efecto de diseño deff = \(NumberText.exact(size.deff)) · tasa de respuesta r = \(NumberText.exact(size.responseRate))",
                     "design effect deff = \(NumberText.exact(size.deff)) · response rate r = \(NumberText.exact(size.responseRate))"),
            "",
            "  n0      = z²·\(s2) / e² = \(NumberText.decimal(size.n0, places: 3))",
        ]
        if size.population != nil {
            lines.append("  n       = n0 / (1 + (n0 − 1)/N) = \(NumberText.decimal(size.nExact, places: 3)) → \(NumberText.integer(size.n))")
        } else {
            lines.append("  n       = ⌈n0⌉ = \(NumberText.integer(size.n))")
        }
        lines.append("  n_final = ⌈n · deff / r⌉ = \(NumberText.integer(size.nFinal))")
        lines.append("")
        lines.append(L("Se necesitan \(NumberText.integer(size.n)) encuestas completas; contacte a \(NumberText.integer(size.nFinal)) personas.",
                       "\(NumberText.integer(size.n)) completed interviews are needed; contact \(NumberText.integer(size.nFinal)) people."))
        if size.isCensus, let population = size.population {
            lines.append(L("Atención: los contactos necesarios superan la población (N = \(NumberText.integer(population))): haga un censo y reporte el margen que se logre.",
                           "Note: the contacts needed exceed the population (N = \(NumberText.integer(population))): take a census and report the margin achieved."))
        }
        print(lines.joined(separator: "\n"))
    }

    private func printAchieved(_ achieved: AchievedMargin) {
        if format == .json {
            print(JSONValue.object([
                ("n", .integer(achieved.n)), ("margin", .number(achieved.margin)), ("confidence", .number(achieved.confidence)),
                ("population", achieved.population.map { .integer($0) } ?? .null), ("deff", .number(achieved.deff)),
                ("n0", .number(achieved.n0)), ("z", .number(achieved.z)),
            ]).rendered())
            return
        }
        let points = achieved.target.isProportion
            ? L(" (±\(NumberText.decimal(achieved.margin * 100, places: 2)) puntos)", " (±\(NumberText.decimal(achieved.margin * 100, places: 2)) points)") : ""
        print(L("Con \(NumberText.integer(achieved.n)) encuestas completas el margen de error es \(NumberText.decimal(achieved.margin, places: 4))\(points), con \(NumberText.level(achieved.confidence)) % de confianza.",
                "With \(NumberText.integer(achieved.n)) completed interviews the margin of error is \(NumberText.decimal(achieved.margin, places: 4))\(points), at \(NumberText.level(achieved.confidence)) % confidence."))
    }

    private func printPerStratum(_ sizes: [(Stratum, SampleSize)], target: SizeTarget, margin: Double) {
        let total = sizes.reduce(0) { $0 + $1.1.n }, totalFinal = sizes.reduce(0) { $0 + $1.1.nFinal }
        if format == .json {
            print(JSONValue.object([
                ("margin", .number(margin)), ("confidence", .number(precision.confidence)), ("deff", .number(deff)),
                ("response_rate", .number(responseRate)), ("formula", .string(sizes.first?.1.formula ?? "")),
                ("strata", .array(sizes.map { stratum, size in
                    .object([("stratum", .string(stratum.name)), ("N", .integer(stratum.size)), ("n0", .number(size.n0)),
                             ("n", .integer(size.n)), ("n_final", .integer(size.nFinal)), ("census", .bool(size.isCensus))])
                })),
                ("n", .integer(total)), ("n_final", .integer(totalFinal)),
            ]).rendered())
            return
        }
        var table = TextTable(headers: [L("estrato", "stratum"), "N_h", "n0", "n_h", "n_final"],
                              alignments: [.left, .right, .right, .right, .right])
        for (stratum, size) in sizes {
            table.append([stratum.name, NumberText.integer(stratum.size), NumberText.decimal(size.n0, places: 1),
                          NumberText.integer(size.n), NumberText.integer(size.nFinal) + (size.isCensus ? L(" (censo)", " (census)") : "")])
        }
        table.append(["total", NumberText.integer(sizes.reduce(0) { $0 + $1.0.size }), "", NumberText.integer(total), NumberText.integer(totalFinal)])
        print(L("Tamaño por estrato: cada estrato con margen ±\(NumberText.exact(margin)) y \(NumberText.level(precision.confidence)) % de confianza, \(precision.text(of: target))",
                "Size per stratum: each stratum with margin ±\(NumberText.exact(margin)) at \(NumberText.level(precision.confidence)) % confidence, \(precision.text(of: target))"))
        print("")
        print(table.rendered())
    }
}
