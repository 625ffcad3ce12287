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
                "sondeo analyze nps respuestas.csv --var nps --strata categoria --by canal --contrast \"web / telefono\"",
                "sondeo analyze nps ola2.csv --var nps --previous ola1.csv",
            ])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var compare: CompareOption
    @OptionGroup var contrast: ContrastOption
    @Option(help: ArgumentHelp(L("Archivo de una medición anterior, con el mismo diseño: compara el NPS total.",
                                 "File of an earlier wave, with the same design: compares the overall NPS."), valueName: L("archivo", "file")))
    var previous: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if previous != nil && !design.byColumns.isEmpty {
            throw ValidationError(L("--previous compara el NPS total: no se combina con --by", "--previous compares the overall NPS: it does not combine with --by"))
        }
    }

    func run() throws {
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        let earlier = try previous.map { (data: try AnalysisInput.read(path: $0, variables: [input.var], options: design, reading: reading), name: $0) }
        try input.output.emit(try EstimateReport.nps(data, variable: input.var, confidence: design.confidence, compare: try compare.groups(by: design.byColumns),
                                     previous: earlier).contrasting(contrast.contrast, design: data.design))
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
    @OptionGroup var contrast: ContrastOption

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
        let data = try AnalysisInput.read(path: input.file, variables: [input.var], options: design, reading: reading)
        try input.output.emit(try EstimateReport.topBox(statistic: statistic, title: title, data, variable: input.var, scale: scale, top: top, method: options.method,
                                        confidence: design.confidence).contrasting(options.contrast.contrast, design: data.design))
    }
}
