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
                "sondeo analyze mean respuestas.csv --var csat --strata categoria --missing 99 --by canal --contrast \"web - (telefono + presencial) / 2\"",
                "sondeo analyze mean respuestas.csv --var satisf_general --denominator amabilidad --strata categoria",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Denominador: estima la razón Σ w·var / Σ w·denominador.", "Denominator: estimates the ratio Σ w·var / Σ w·denominator."),
                               valueName: L("columna", "column")))
    var denominator: String?
    @OptionGroup var compare: CompareOption
    @OptionGroup var contrast: ContrastOption
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput.read(path: input.file, variables: [input.var] + [denominator].compactMap { $0 }, options: design, reading: reading)
        try input.output.emit(try EstimateReport.mean(data, variable: input.var, denominator: denominator, confidence: design.confidence,
                                      compare: try compare.groups(by: design.byColumns)).contrasting(contrast.contrast, design: data.design))
    }
}

/// `sondeo analyze total FILE --var COL [--by …]`.
struct TotalCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "total",
            abstract: L("Total poblacional estimado de una variable (Σ peso · valor), o cuántas unidades de la población tienen cada categoría, con error estándar e intervalo.",
                        "Estimated population total of a variable (Σ weight · value), or how many population units have each category, with standard error and interval."),
            discussion: HelpText.discussion([
                L("Con una columna de categorías (o --level), estima cuántos afiliados tienen cada valor, como svytotal(~factor) de R.",
                  "With a categorical column (or --level), estimates how many affiliates have each value, as R's svytotal(~factor)."),
            ], examples: [
                "sondeo analyze total respuestas.csv --var usa_credito --strata categoria --by municipio",
                "sondeo analyze total respuestas.csv --var satisf_general --level 1 --strata categoria --by canal",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Cuenta solo las unidades con este valor de la variable.", "Count only the units with this value of the variable."),
                               valueName: L("valor", "value")))
    var level: String?
    @OptionGroup var contrast: ContrastOption
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        try input.output.emit(try EstimateReport.total(data, variable: input.var, level: level, confidence: design.confidence)
            .contrasting(contrast.contrast, design: data.design))
    }
}

/// `sondeo analyze variance FILE --var COL [--by …]`.
struct VarianceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "variance",
            abstract: L("Varianza poblacional de una variable (como svyvar de R), con error estándar e intervalo.",
                        "Population variance of a variable (as R's svyvar), with standard error and interval."),
            discussion: HelpText.discussion([], examples: ["sondeo analyze variance respuestas.csv --var edad --strata categoria --by canal"])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        try input.output.emit(try EstimateReport.variance(data, variable: input.var, confidence: design.confidence))
    }
}
