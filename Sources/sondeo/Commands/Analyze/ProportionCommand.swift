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
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput(path: input.file, variables: [input.var], options: design, reading: reading)
        let column = try data.table.column(input.var, source: input.file)
        let texts = (0..<data.table.rowCount).map { column.text(at: $0) }
        let levels: [String]
        if let level {
            let present = Set(texts.compactMap { $0 })
            guard present.contains(level) else {
                throw AnalysisError.levelNotFound(column: input.var, level: level,
                                                  suggestion: Suggestion.closest(to: level, among: Array(present)))
            }
            levels = [level]
        } else {
            levels = Array(Set(texts.compactMap { $0 })).sorted(by: LevelOrder.less)
        }
        var estimates: [Estimate] = []
        var levelOf: [JSONValue] = []
        for value in levels {
            let indicator = texts.map { $0 == nil ? Double.nan : ($0 == value ? 1.0 : 0.0) }
            for domain in data.domains {
                var e = try data.design.proportion(indicator, in: domain, method: method, confidence: design.confidence)
                if levels.count > 1 { e.group.append((input.var, value)) }
                estimates.append(e)
                levelOf.append(JSONValue.string(value))
            }
        }
        var report = EstimateReport(statistic: "proportion", title: L("Proporción", "Proportion"), variable: input.var,
                                    confidence: design.confidence, design: data.resolved, designKind: data.design.kind,
                                    estimates: estimates, scale: .share)
        report.displayName = level.map { "\(input.var) = \($0)" }
        report.topLevel = [("method", JSONValue.string(method.rawValue))]
        if let level { report.topLevel.append(("level", JSONValue.string(level))) }
        report.extra = [("level", levelOf)]
        report.excluded = data.excluded(texts.map { $0 == nil ? .nan : 0 })
        if let groups = try compare.groups(by: design.byColumns) {
            guard levels.count == 1 else {
                throw ValidationError(L("--compare en proporciones requiere --level", "--compare on proportions needs --level"))
            }
            let indicator = texts.map { $0 == nil ? Double.nan : ($0 == levels[0] ? 1.0 : 0.0) }
            let a = try data.design.mean(indicator, in: try data.domain(named: groups.0))
            let b = try data.design.mean(indicator, in: try data.domain(named: groups.1))
            report.comparison = (groups.0, groups.1, try Difference(a, b, design: data.design, confidence: design.confidence))
        }
        print(report.render(input.format))
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
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @Option(help: ArgumentHelp(L("Probabilidades separadas por comas.", "Comma-separated probabilities."), valueName: "p,…"))
    var quantiles: String = "0.5"
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
        let data = try AnalysisInput(path: input.file, variables: [input.var], options: design, reading: reading)
        let y = try data.numbers(input.var)
        var estimates: [Estimate] = []
        var probability: [JSONValue] = []
        for p in probabilities {
            for domain in data.domains {
                var e = try data.design.quantile(y, probability: p, in: domain, confidence: design.confidence)
                if probabilities.count > 1 { e.group.append(("p", NumberText.exact(p))) }
                estimates.append(e)
                probability.append(JSONValue.number(p))
            }
        }
        var report = EstimateReport(statistic: "quantile", title: L("Cuantil", "Quantile"), variable: input.var, confidence: design.confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: estimates, scale: .number(places: 2))
        report.extra = [("p", probability)]
        report.excluded = data.excluded(y)
        print(report.render(input.format))
    }
}
