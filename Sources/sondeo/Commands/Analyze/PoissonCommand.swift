import Analysis
import ArgumentParser
import Diagnostics

/// `sondeo analyze poisson FILE --formula "reclamos ~ edad + canal"`: a count model.
struct PoissonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "poisson",
            abstract: L("Regresión de Poisson de un conteo (reclamos, visitas, llamadas), con el diseño como svyglm(quasipoisson) o sin él como glm(poisson).",
                        "Poisson regression of a count (complaints, visits, calls), with the design as svyglm(quasipoisson) or without it as glm(poisson)."),
            discussion: HelpText.discussion([
                L("La respuesta es un conteo mayor o igual que 0. Los coeficientes están en escala logarítmica; su exponencial es la razón de tasas (p. ej. 1,25 = 25 % más reclamos por cada unidad del término).",
                  "The response is a count of at least 0. Coefficients are on the log scale; their exponential is the rate ratio (e.g. 1.25 = 25 % more complaints per unit of the term)."),
            ], examples: [
                "sondeo analyze poisson afiliados.csv --formula \"visitas_12m ~ edad + categoria\" --strata categoria",
            ])
        )
    }

    @OptionGroup var options: ModelOptions
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try ModelOptions.refuseGroups(design) }

    func run() throws {
        let (data, model, designBased) = try options.model(.numeric, design: design, reading: reading)
        let fit = try Regression.poisson(model, design: designBased ? data.design : nil)
        try options.output.emit(ModelReport(fit: fit, model: model, input: data, confidence: design.confidence, outcomeLevel: nil))
    }
}
