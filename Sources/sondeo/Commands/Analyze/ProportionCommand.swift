import Analysis
import Foundation
import ArgumentParser
import Diagnostics
import Table

/// `sondeo analyze proportion FILE --var COL [--level V] [--method logit…] [--by …] [--compare A,B]`.
struct ProportionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "proportion",
            abstract: L("Proporción de cada valor de una variable (o de --level), con intervalo según el diseño.",
                        "Share of each value of a variable (or of --level), with a design-based interval."),
            discussion: HelpText.discussion([
                L("Métodos de intervalo (--method), los de svyciprop de R: logit (por defecto), xlogit, beta (Korn–Graubard), mean, asin y wilson (con tamaño efectivo); para muestras simples sin pesos wilson es el clásico y clopper-pearson el exacto.",
                  "Interval methods (--method), those of R's svyciprop: logit (default), xlogit, beta (Korn–Graubard), mean, asin and wilson (with effective size); for unweighted simple samples wilson is the classic one and clopper-pearson the exact one."),
            ], examples: [
                "sondeo analyze proportion respuestas.csv --var recomendaria --level si --strata categoria --by canal",
                "sondeo analyze proportion respuestas.csv --var canal --strata categoria --method beta",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Valor cuya proporción se estima (por defecto, todos).", "Value whose share is estimated (all by default)."),
                               valueName: L("valor", "value")))
    var level: String?
    @Option(help: ArgumentHelp(L("Método del intervalo.", "Interval method."), valueName: L("método", "method")))
    var method: ProportionMethod = .logit
    @OptionGroup var compare: CompareOption
    @OptionGroup var contrast: ContrastOption
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if compare.compare != nil && level == nil {
            throw ValidationError(L("--compare en proporciones requiere --level", "--compare on proportions needs --level"))
        }
    }

    func run() throws {
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        try input.output.emit(try EstimateReport.proportion(data, variable: input.var, level: level, method: method, confidence: design.confidence,
                                            compare: try compare.groups(by: design.byColumns)).contrasting(contrast.contrast, design: data.design))
    }
}

/// `sondeo analyze quantile FILE --var COL [--quantiles 0.25,0.5,0.75] [--by …]`.
struct QuantileCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "quantile",
            abstract: L("Cuantiles (mediana, cuartiles…) con el intervalo de Woodruff, como svyquantile de R.",
                        "Quantiles (median, quartiles…) with Woodruff's interval, as R's svyquantile."),
            discussion: HelpText.discussion([], examples: [
                "sondeo analyze quantile respuestas.csv --var edad --quantiles 0.25,0.5,0.75 --strata categoria",
                "sondeo analyze quantile respuestas.csv --var edad --rule hf7 --interval xlogit --strata categoria",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Probabilidades separadas por comas.", "Comma-separated probabilities."), valueName: "p,…"))
    var quantiles: String = "0.5"
    @Option(help: ArgumentHelp(L("Regla del cuantil ponderado: math (por defecto), school, shahvaish o hf1…hf9, como qrule de svyquantile.",
                                 "Weighted quantile rule: math (default), school, shahvaish or hf1…hf9, as svyquantile's qrule."), valueName: L("regla", "rule")))
    var rule: QuantileRule = .math
    @Option(help: ArgumentHelp(L("Intervalo: mean (Woodruff, por defecto), beta, xlogit, asin o score (Francisco–Fuller), como interval.type de svyquantile.",
                                 "Interval: mean (Woodruff, default), beta, xlogit, asin or score (Francisco–Fuller), as svyquantile's interval.type."), valueName: L("tipo", "type")))
    var interval: QuantileInterval = .mean
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let probabilities = try quantiles.split(separator: ",").map { text -> Double in
            guard let p = Double(text.trimmingCharacters(in: .whitespaces)), p > 0, p < 1 else {
                throw ValidationError(L("--quantiles espera probabilidades entre 0 y 1, p. ej. 0.25,0.5,0.75", "--quantiles expects probabilities between 0 and 1, e.g. 0.25,0.5,0.75"))
            }
            return p
        }
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        try input.output.emit(try EstimateReport.quantiles(data, variable: input.var, probabilities: probabilities, confidence: design.confidence,
                                                           rule: rule, interval: interval))
    }
}

extension QuantileRule: ExpressibleByArgument {}
extension QuantileInterval: ExpressibleByArgument {}
