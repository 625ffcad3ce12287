import Analysis
import ArgumentParser
import Diagnostics
import Foundation
import Table

/// The formula, reference levels and output format shared by `regress` and `logit`.
struct ModelOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String

    @Option(help: ArgumentHelp(L("Fórmula como en R: «respuesta ~ a + b + c», interacciones «a:b», «a*b» = a + b + a:b, «- 1» sin intercepto. Las columnas de texto entran como categorías (codificación de tratamiento).",
                                 "Formula as in R: «response ~ a + b + c», interactions «a:b», «a*b» = a + b + a:b, «- 1» without intercept. Text columns enter as categories (treatment coding)."),
                               valueName: L("fórmula", "formula")))
    var formula: String

    @Option(help: ArgumentHelp(L("Nivel de referencia de una variable categórica, p. ej. canal=web (se puede repetir). Por defecto, el primero en orden alfabético.",
                                 "Reference level of a categorical variable, e.g. canal=web (repeatable). By default, the first in alphabetical order."),
                               valueName: L("columna=nivel", "column=level")))
    var reference: [String] = []

    @OptionGroup var output: ResultOutput

    /// `--by` makes no sense for one model: groups enter the formula as terms.
    static func refuseGroups(_ design: DesignOptions) throws {
        guard design.byColumns.isEmpty else {
            throw ValidationError(L("--by no se usa en un modelo: ponga la columna en la fórmula (p. ej. «… + canal») o una interacción («amabilidad:canal»)",
                                    "--by is not used by a model: put the column in the formula (e.g. «… + canal») or an interaction («amabilidad:canal»)"))
        }
    }

    func references() throws -> [String: String] {
        var result: [String: String] = [:]
        for item in reference {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError(L("--reference espera columna=nivel, p. ej. canal=web; se recibió «\(item)»",
                                        "--reference expects column=level, e.g. canal=web; got «\(item)»"))
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    /// Reads the file with the formula's columns and the design's, and builds the model matrix.
    func model(_ response: ModelMatrix.Response, design: DesignOptions, reading: ReadingOptions) throws -> (AnalysisData, ModelMatrix, Bool) {
        let parsed = try Formula(parsing: formula)
        let header = try reading.header(file)
        for name in parsed.variables where !header.contains(name) {
            throw RegressionError.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: header))
        }
        let data = try AnalysisInput.read(path: file, variables: parsed.variables, options: design, reading: reading)
        let model = try ModelMatrix(table: data.table, formula: parsed, response: response, references: try references())
        let designBased = !data.resolved.columns.isEmpty
        return (data, model, designBased)
    }
}

/// `sondeo analyze regress FILE --formula "y ~ a + b"`: linear regression, `lm` or `svyglm`.
struct RegressCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "regress",
            abstract: L("Regresión lineal (mínimos cuadrados por QR), con el diseño muestral como svyglm de R o sin él como lm.",
                        "Linear regression (least squares by QR), with the sampling design as R's svyglm or without it as lm."),
            discussion: HelpText.discussion([
                L("Con estratos, pesos o conglomerados los coeficientes se ponderan y los errores estándar se linealizan según el diseño (svyglm); con --simple, mínimos cuadrados ordinarios (lm). Las filas con algún valor faltante en la fórmula quedan fuera. Un término que es combinación exacta de otros se informa como «alias» y no se estima, como el NA de R.",
                  "With strata, weights or clusters the coefficients are weighted and the standard errors linearised by the design (svyglm); with --simple, ordinary least squares (lm). Rows missing a formula value are left out. A term that is an exact combination of others is reported as «aliased» and not estimated, as R's NA."),
            ], examples: [
                "sondeo analyze regress respuestas.csv --formula \"satisf_general ~ amabilidad + tiempo_espera + canal\" --strata categoria",
                "sondeo analyze regress respuestas.csv --formula \"satisf_general ~ amabilidad * canal\" --reference canal=web --simple",
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
        let fit = try Terminal.working(L("Ajustando el modelo", "Fitting the model")) { try Regression.linear(model, design: designBased ? data.design : nil) }
        let report = ModelReport(fit: fit, model: model, input: data, confidence: design.confidence, outcomeLevel: nil)
        try options.output.emit(report)
    }
}

/// `sondeo analyze logit FILE --formula "y ~ a + b" [--level si]`: logistic regression.
struct LogitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "logit",
            abstract: L("Regresión logística de una respuesta sí/no, con el diseño como svyglm(quasibinomial) o sin él como glm(binomial).",
                        "Logistic regression of a yes/no response, with the design as svyglm(quasibinomial) or without it as glm(binomial)."),
            discussion: HelpText.discussion([
                L("La respuesta es 0/1, o una columna categórica con --level diciendo qué valor cuenta como 1. Se muestran los coeficientes (log-odds) y las razones de odds con su intervalo. Sin diseño se informan la devianza y el AIC; con diseño, la devianza con los pesos reescalados a media 1 (como svyglm).",
                  "The response is 0/1, or a categorical column with --level naming the value counted as 1. Coefficients (log-odds) and odds ratios with their interval are shown. Without a design the deviance and AIC are reported; with one, the deviance with weights rescaled to mean 1 (as svyglm)."),
            ], examples: [
                "sondeo analyze logit respuestas.csv --formula \"recomendaria ~ amabilidad + precio\" --level si --strata categoria",
            ])
        )
    }

    @OptionGroup var options: ModelOptions
    @Option(help: ArgumentHelp(L("Valor de la respuesta que cuenta como 1 (p. ej. si).", "Response value counted as 1 (e.g. si)."), valueName: L("valor", "value")))
    var level: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try ModelOptions.refuseGroups(design) }

    func run() throws {
        let (data, model, designBased) = try options.model(.binary(level: level), design: design, reading: reading)
        let fit = try Terminal.working(L("Ajustando el modelo", "Fitting the model")) { try Regression.logistic(model, design: designBased ? data.design : nil) }
        let report = ModelReport(fit: fit, model: model, input: data, confidence: design.confidence, outcomeLevel: level)
        try options.output.emit(report)
    }
}
