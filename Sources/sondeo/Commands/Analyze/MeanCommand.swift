import Diagnostics
import Analysis
import ArgumentParser

/// `sondeo analyze mean FILE --var COL [--by …] [--denominator COL] [--compare A,B]`.
struct MeanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "mean",
            abstract: L("Media de una variable (o razón con --denominator), con error estándar, intervalo y efecto de diseño.",
                        "Mean of a variable (or a ratio with --denominator), with standard error, interval and design effect."),
            discussion: HelpText.discussion([], examples: [
                "sondeo analyze mean respuestas.csv --var csat --strata categoria --missing 99",
                "sondeo analyze mean respuestas.csv --var csat --strata categoria --missing 99 --by canal --compare web,telefono",
                "sondeo analyze mean respuestas.csv --var satisf_general --denominator amabilidad --strata categoria",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Denominador: estima la razón Σ w·var / Σ w·denominador.", "Denominator: estimates the ratio Σ w·var / Σ w·denominator."),
                               valueName: L("columna", "column")))
    var denominator: String?
    @OptionGroup var compare: CompareOption
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput(path: input.file, variables: [input.var] + [denominator].compactMap { $0 }, options: design, reading: reading)
        let y = try data.numbers(input.var)
        let x = try denominator.map { try data.numbers($0) }
        let estimate = { (domain: Domain) throws -> Estimate in
            if let x, let denominator { return try data.design.ratio(y, over: x, in: domain, denominator: denominator, confidence: design.confidence) }
            return try data.design.mean(y, in: domain, confidence: design.confidence)
        }
        var report = EstimateReport(statistic: x == nil ? "mean" : "ratio", title: x == nil ? L("Media", "Mean") : L("Razón", "Ratio"),
                                    variable: denominator.map { "\(input.var) / \($0)" } ?? input.var, confidence: design.confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: try data.domains.map(estimate),
                                    scale: .number(places: 3))
        report.excluded = data.excluded(x.map { xs in zip(y, xs).map { $0.isNaN || $1.isNaN ? .nan : $0 } } ?? y)
        if let groups = try compare.groups(by: design.byColumns) {
            let a = try estimate(try data.domain(named: groups.0)), b = try estimate(try data.domain(named: groups.1))
            report.comparison = (groups.0, groups.1, try Difference(a, b, design: data.design, confidence: design.confidence))
        }
        print(report.render(input.format))
    }
}

/// `sondeo analyze total FILE --var COL [--by …]`.
struct TotalCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "total",
            abstract: L("Total poblacional estimado de una variable (Σ peso · valor), con error estándar e intervalo.",
                        "Estimated population total of a variable (Σ weight · value), with standard error and interval."),
            discussion: HelpText.discussion([], examples: [
                "sondeo analyze total respuestas.csv --var usa_credito --strata categoria --by municipio",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput(path: input.file, variables: [input.var], options: design, reading: reading)
        let y = try data.numbers(input.var)
        var report = EstimateReport(statistic: "total", title: L("Total", "Total"), variable: input.var, confidence: design.confidence,
                                    design: data.resolved, designKind: data.design.kind,
                                    estimates: try data.domains.map { try data.design.total(y, in: $0, confidence: design.confidence) },
                                    scale: .number(places: 1))
        report.excluded = data.excluded(y)
        print(report.render(input.format))
    }
}
