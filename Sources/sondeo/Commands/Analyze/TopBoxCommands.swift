import Diagnostics
import Analysis
import ArgumentParser
import Foundation

/// `sondeo analyze csat FILE --var COL`: share of 4–5 on a 1–5 scale.
struct CSATCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "csat",
            abstract: L("CSAT: proporción de satisfechos (4–5 en una escala 1–5, configurable) y la media, con intervalos.",
                        "CSAT: share of satisfied (4–5 on a 1–5 scale, configurable) and the mean, with intervals."),
            discussion: HelpText.discussion([], examples: ["sondeo analyze csat respuestas.csv --var csat --strata categoria --missing 99 --by canal"])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var options: TopBoxOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (scale, top) = try options.parsed(defaultScale: TopBoxScore.csatScale, defaultTop: TopBoxScore.csatTop)
        try TopBoxRun.run(statistic: "csat", title: "CSAT", input: input, options: options, design: design, reading: reading, scale: scale, top: top)
    }
}

/// `sondeo analyze ces FILE --var COL`: share of 5–7 on a 1–7 scale.
struct CESCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ces",
            abstract: L("CES (esfuerzo del cliente): proporción de acuerdo (5–7 en una escala 1–7, configurable) y la media.",
                        "CES (customer effort): share agreeing (5–7 on a 1–7 scale, configurable) and the mean."),
            discussion: HelpText.discussion([], examples: ["sondeo analyze ces respuestas.csv --var facilidad --strata categoria"])
        )
    }

    @OptionGroup var input: AnalysisFileOptions
    @OptionGroup var options: TopBoxOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (scale, top) = try options.parsed(defaultScale: 1...7, defaultTop: [5, 6, 7])
        try TopBoxRun.run(statistic: "ces", title: "CES", input: input, options: options, design: design, reading: reading, scale: scale, top: top)
    }
}
