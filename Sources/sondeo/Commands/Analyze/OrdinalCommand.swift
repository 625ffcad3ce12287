import Analysis
import ArgumentParser
import Diagnostics

/// `sondeo analyze ordinal FILE --formula "satisf_general ~ amabilidad + canal"`: proportional odds.
struct OrdinalCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ordinal",
            abstract: L("Regresión ordinal (odds proporcionales) de una respuesta en escala (1–5, Likert), con el diseño como svyolr de R o sin él como polr.",
                        "Ordinal (proportional-odds) regression of a scale answer (1–5, Likert), with the design as R's svyolr or without it as polr."),
            discussion: HelpText.discussion([
                L("La respuesta tiene al menos 3 categorías ordenadas (números por su valor). Se informan los coeficientes con su razón de odds acumulada y los umbrales entre respuestas.",
                  "The response has at least 3 ordered categories (numbers by value). Coefficients with their cumulative odds ratio and the thresholds between answers are reported."),
            ], examples: [
                "sondeo analyze ordinal respuestas.csv --formula \"satisf_general ~ amabilidad + tiempo_espera + canal\" --strata categoria --missing 99",
            ])
        )
    }

    @OptionGroup var options: ModelOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try ModelOptions.refuseGroups(design) }

    func run() throws {
        let (data, model, designBased) = try options.model(.ordinal, design: design, reading: reading)
        let fit = try OrdinalRegression.fit(model, design: designBased ? data.design : nil)
        try options.output.emit(OrdinalReport(fit: fit, model: model, input: data, confidence: design.confidence))
    }
}
