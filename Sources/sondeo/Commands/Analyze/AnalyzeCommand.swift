import Diagnostics
import ArgumentParser

/// `sondeo analyze`: step 44, the figures of the survey with their design-based precision.
struct AnalyzeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "analyze",
            abstract: L("Analiza la encuesta: medias, totales, proporciones, cuantiles, tablas cruzadas, NPS, CSAT, CES, regresiones y factores clave, con su error según el diseño.",
                        "Analyse the survey: means, totals, proportions, quantiles, cross-tabs, NPS, CSAT, CES, regressions and key drivers, with design-based errors."),
            discussion: HelpText.discussion([
                L("Los errores estándar siguen el diseño muestral (estratos, pesos, corrección por población finita, conglomerados) por linealización de Taylor, como el paquete survey de R. Un archivo de «sondeo sample draw» se reconoce solo (estrato, peso, N_estrato); si no, indique --strata, --weights y --fpc.",
                  "Standard errors follow the sampling design (strata, weights, finite-population correction, clusters) by Taylor linearisation, as R's survey package does. A file from «sondeo sample draw» is recognised by itself (estrato, peso, N_estrato); otherwise give --strata, --weights and --fpc."),
            ], examples: []),
            subcommands: [MeanCommand.self, TotalCommand.self, ProportionCommand.self, QuantileCommand.self, VarianceCommand.self,
                          CrosstabCommand.self, NPSCommand.self, CSATCommand.self, CESCommand.self,
                          RegressCommand.self, LogitCommand.self, PoissonCommand.self, OrdinalCommand.self, DriversCommand.self, ThemesCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}
