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
            print(try AchievedMargin(n: completes, target: target, confidence: precision.confidence, population: population, deff: deff).render(format))
        } else if perStratum, let frame, let strata {
            let (table, _) = try reading.readTable(frame, columns: [strata])
            let frameStrata = try FrameStrata.strata(of: table, column: strata)
            let sizes = try frameStrata.map { stratum in
                (stratum, try SampleSize(target: target, margin: margin!, confidence: precision.confidence,
                                         population: stratum.size, deff: deff, responseRate: responseRate))
            }
            print(StratumSizes(sizes: sizes, target: target, margin: margin!, confidence: precision.confidence, deff: deff, responseRate: responseRate)
                .render(format))
        } else {
            print(try SampleSize(target: target, margin: margin!, confidence: precision.confidence, population: population, deff: deff,
                                 responseRate: responseRate).render(format))
        }
    }
}
