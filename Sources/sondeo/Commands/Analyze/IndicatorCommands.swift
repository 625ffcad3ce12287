import Diagnostics
import Analysis
import ArgumentParser
import Foundation

/// `sondeo analyze nps FILE --var COL [--by …] [--compare A,B] [--previous FILE]`.
struct NPSCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "nps",
            abstract: L("Net Promoter Score (0–10): % promotores (9–10) − % detractores (0–6), con su error según el diseño.",
                        "Net Promoter Score (0–10): % promoters (9–10) − % detractors (0–6), with its design-based error."),
            discussion: HelpText.discussion([
                L("--compare contrasta dos grupos de la misma encuesta (con su covarianza); --previous compara con otra medición (otro archivo, muestras independientes).",
                  "--compare contrasts two groups of the same survey (with their covariance); --previous compares with another wave (another file, independent samples)."),
            ], examples: [
                "sondeo analyze nps respuestas.csv --var nps --strata categoria --by canal --compare telefono,web",
                "sondeo analyze nps ola2.csv --var nps --previous ola1.csv",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var compare: CompareOption
    @Option(help: ArgumentHelp(L("Archivo de una medición anterior, con el mismo diseño: compara el NPS total.",
                                 "File of an earlier wave, with the same design: compares the overall NPS."), valueName: L("archivo", "file")))
    var previous: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let data = try AnalysisInput(path: input.file, variables: [input.var], options: design, reading: reading)
        let answers = try data.numbers(input.var)
        let scores = try data.domains.map {
            try NetPromoterScore(answers: answers, column: input.var, design: data.design, domain: $0, confidence: design.confidence)
        }
        var report = EstimateReport(statistic: "nps", title: "NPS", variable: input.var, confidence: design.confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: scores.map(\.score), scale: .number(places: 1))
        report.extra = [("promoters", scores.map { .number($0.promoters) }), ("passives", scores.map { .number($0.passives) }),
                        ("detractors", scores.map { .number($0.detractors) })]
        report.extraColumns = [(L("promotores", "promoters"), scores.map { report.percent($0.promoters) }),
                               (L("pasivos", "passives"), scores.map { report.percent($0.passives) }),
                               (L("detractores", "detractors"), scores.map { report.percent($0.detractors) })]
        report.excluded = data.excluded(answers)
        if let groups = try compare.groups(by: design.byColumns) {
            let a = try NetPromoterScore(answers: answers, column: input.var, design: data.design, domain: try data.domain(named: groups.0))
            let b = try NetPromoterScore(answers: answers, column: input.var, design: data.design, domain: try data.domain(named: groups.1))
            report.comparison = (groups.0, groups.1, try Difference(a.score, b.score, design: data.design, confidence: design.confidence))
        }
        if let previous {
            guard design.byColumns.isEmpty else {
                throw ValidationError(L("--previous compara el NPS total: no se combina con --by", "--previous compares the overall NPS: it does not combine with --by"))
            }
            let earlier = try AnalysisInput(path: previous, variables: [input.var], options: design, reading: reading)
            let before = try NetPromoterScore(answers: try earlier.numbers(input.var), column: input.var, design: earlier.design,
                                              domain: earlier.domains[0], confidence: design.confidence)
            report.comparison = (input.file, previous, Difference(independent: scores[0].score, before.score, confidence: design.confidence))
        }
        report.notes = [L("Promotores: 9–10 · pasivos: 7–8 · detractores: 0–6. El NPS va de −100 a 100.",
                          "Promoters: 9–10 · passives: 7–8 · detractors: 0–6. NPS ranges from −100 to 100.")]
        print(report.render(input.format))
    }
}

/// Options of a top-box indicator (CSAT, CES).
struct TopBoxOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Escala, p. ej. 1-5.", "Scale, e.g. 1-5."), valueName: "a-b"))
    var scale: String?
    @Option(help: ArgumentHelp(L("Valores que cuentan como satisfechos, p. ej. 4,5.", "Values that count as satisfied, e.g. 4,5."), valueName: "v,…"))
    var top: String?
    @Option(help: ArgumentHelp(L("Método del intervalo de la proporción.", "Interval method of the share."), valueName: L("método", "method")))
    var method: ProportionMethod = .logit

    func parsed(defaultScale: ClosedRange<Double>, defaultTop: Set<Double>) throws -> (ClosedRange<Double>, Set<Double>) {
        var range = defaultScale
        if let scale {
            let parts = scale.split(separator: "-").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, parts[0] < parts[1] else {
                throw ValidationError(L("--scale espera dos números, p. ej. 1-5", "--scale expects two numbers, e.g. 1-5"))
            }
            range = parts[0]...parts[1]
        }
        var values = defaultTop
        if let top {
            values = Set(top.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) })
            guard !values.isEmpty, values.allSatisfy(range.contains) else {
                throw ValidationError(L("--top espera valores de la escala separados por comas, p. ej. 4,5", "--top expects scale values separated by commas, e.g. 4,5"))
            }
        }
        return (range, values)
    }
}

/// The shared run of CSAT and CES.
enum TopBoxRun {
    static func run(statistic: String, title: String, input: AnalysisFileOptions, options: TopBoxOptions, design: DesignOptions,
                    reading: ReadingOptions, scale: ClosedRange<Double>, top: Set<Double>) throws {
        let data = try AnalysisInput(path: input.file, variables: [input.var], options: design, reading: reading)
        let answers = try data.numbers(input.var)
        let scores = try data.domains.map {
            try TopBoxScore(answers: answers, column: input.var, scale: scale, top: top, design: data.design, domain: $0,
                            method: options.method, confidence: design.confidence)
        }
        var report = EstimateReport(statistic: statistic, title: title, variable: input.var, confidence: design.confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: scores.map(\.share), scale: .share)
        report.topLevel = [("scale", .array([.number(scale.lowerBound), .number(scale.upperBound)])),
                           ("top", .array(top.sorted().map { .number($0) })), ("method", .string(options.method.rawValue))]
        report.extra = [("mean", scores.map { .number($0.mean.estimate) }), ("mean_se", scores.map { .number($0.mean.standardError) })]
        report.extraColumns = [(L("media", "mean"), scores.map { NumberText.decimal($0.mean.estimate, places: 2) })]
        report.excluded = data.excluded(answers)
        let values = top.sorted().map { NumberText.exact($0) }
        let boxes = values.count == 1 ? values[0] : values.dropLast().joined(separator: ", ") + L(" o ", " or ") + values.last!
        report.notes = [L("\(title) = proporción que responde \(boxes) en la escala \(NumberText.exact(scale.lowerBound))–\(NumberText.exact(scale.upperBound)); la media va al lado.",
                          "\(title) = share answering \(boxes) on the \(NumberText.exact(scale.lowerBound))–\(NumberText.exact(scale.upperBound)) scale; the mean is beside it.")]
        print(report.render(input.format))
    }
}
