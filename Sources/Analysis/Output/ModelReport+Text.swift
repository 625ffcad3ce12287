import Diagnostics
import Foundation
import Table

/// The model as a table for the terminal or Markdown.
extension ModelReport {
    public func text(markdown: Bool) -> String {
        let level = NumberText.level(confidence)
        let statistic = fit.usesT ? "t" : "z"
        var headers = [L("término", "term"), L("coeficiente", "coefficient"), L("error est.", "std. error"), statistic, L("valor p", "p-value"),
                       L("IC \(level) %", "\(level) % CI")]
        if generalized { headers += [ratioName, L("IC \(level) % (razón)", "\(level) % CI (ratio)")] }
        var table = TextTable(headers: headers, alignments: [.left, .right, .right, .right, .right, .left] + (generalized ? [.right, .left] : []))
        for c in fit.coefficients {
            let name = c.term == "(Intercept)" ? L("(intercepto)", "(intercept)") : c.term
            guard let e = c.estimate, let se = c.standardError, let (low, high) = interval(c) else {
                table.append([name, L("alias", "aliased"), "—", "—", "—", "—"] + (generalized ? ["—", "—"] : []))
                continue
            }
            var row = [name, NumberText.decimal(e, places: 4), NumberText.decimal(se, places: 4), NumberText.decimal(c.statistic!, places: 2),
                       NumberText.pValue(c.p!) + stars(c.p!), "[\(NumberText.decimal(low, places: 4)); \(NumberText.decimal(high, places: 4))]"]
            if generalized {
                row += [NumberText.decimal(exp(e), places: 3), "[\(NumberText.decimal(exp(low), places: 3)); \(NumberText.decimal(exp(high), places: 3))]"]
            }
            table.append(row)
        }
        let kind = logistic ? L("Regresión logística", "Logistic regression")
            : (fit.family == .poisson ? L("Regresión de Poisson (conteos)", "Poisson regression (counts)") : L("Regresión lineal", "Linear regression"))
        let outcome = "\(model.formula.response) = \(outcomeLevel ?? "1")"
        let peer = logistic ? "glm(binomial)" : (fit.family == .poisson ? "glm(poisson)" : "lm")
        var lines = [
            "\(kind): \(formulaText)" + (logistic ? L(" (se modela la probabilidad de «\(outcome)»)", " (modelling the probability of «\(outcome)»)") : ""),
            L("Diseño: ", "Design: ") + (fit.designBased
                ? input.resolved.description(input.design.kind) + L("; errores estándar por linealización (como svyglm de R)", "; linearised standard errors (as R's svyglm)")
                : L("sin diseño muestral (como \(peer) de R)", "no sampling design (as R's \(peer))")),
            L("n = \(NumberText.integer(fit.n))", "n = \(NumberText.integer(fit.n))")
                + (fit.excluded > 0 ? L(" (\(NumberText.count(fit.excluded, "fila excluida", "filas excluidas")) por valores faltantes)",
                                        " (\(NumberText.count(fit.excluded, "row", "rows")) left out for missing values)") : ""),
            "",
            markdown ? table.markdown() : table.rendered(),
            "",
        ]
        lines.append(contentsOf: fitLines())
        for name in model.factors.keys.sorted() {
            let factor = model.factors[name]!
            lines.append(L("Referencia de «\(name)»: \(factor.reference) (los coeficientes de \(name)… comparan cada nivel con ella).",
                           "Reference of «\(name)»: \(factor.reference) (the \(name)… coefficients compare each level with it)."))
        }
        if !fit.aliased.isEmpty {
            lines.append(L("Sin estimar por ser combinación exacta de otros términos (colinealidad perfecta): \(fit.aliased.joined(separator: ", ")).",
                           "Not estimated, an exact combination of other terms (perfect collinearity): \(fit.aliased.joined(separator: ", "))."))
        }
        lines.append(L("Significancia: *** p < 0,001 · ** p < 0,01 · * p < 0,05.", "Significance: *** p < 0.001 · ** p < 0.01 · * p < 0.05."))
        return lines.joined(separator: "\n")
    }

    func fitLines() -> [String] {
        var lines: [String] = []
        let f = fit.f.map { f -> String in
            let df = fit.fDF!
            let name = fit.designBased ? L("F de Wald", "Wald F") : "F"
            return L("\(name) = \(NumberText.decimal(f, places: 2)) con \(df.numerator) y \(NumberText.integer(df.denominator)) gl, \(pText(fit.fP!))",
                     "\(name) = \(NumberText.decimal(f, places: 2)) on \(df.numerator) and \(NumberText.integer(df.denominator)) df, \(pText(fit.fP!))")
        }
        if generalized {
            var parts = [L("Devianza = \(NumberText.decimal(fit.deviance!, places: 2))", "Deviance = \(NumberText.decimal(fit.deviance!, places: 2))"),
                         L("devianza nula = \(NumberText.decimal(fit.nullDeviance!, places: 2))", "null deviance = \(NumberText.decimal(fit.nullDeviance!, places: 2))")]
            if let aic = fit.aic { parts.append("AIC = \(NumberText.decimal(aic, places: 2))") }
            parts.append(L("\(fit.iterations ?? 0) iteraciones", "\(fit.iterations ?? 0) iterations"))
            lines.append(parts.joined(separator: " · "))
            if fit.designBased {
                lines.append(L("Con diseño muestral la devianza usa los pesos reescalados a media 1 y no hay AIC (no hay verosimilitud).",
                               "With a sampling design the deviance uses weights rescaled to mean 1 and there is no AIC (no likelihood)."))
            }
        } else {
            var parts = [(fit.designBased ? L("R² ponderado", "weighted R²") : "R²") + " = " + NumberText.decimal(fit.r2 ?? .nan, places: 4)]
            if let adj = fit.adjustedR2 { parts.append(L("R² ajustado = ", "adjusted R² = ") + NumberText.decimal(adj, places: 4)) }
            if let sigma = fit.sigma {
                parts.append(L("error est. residual = \(NumberText.decimal(sigma, places: 4)) con \(NumberText.integer(fit.residualDF)) gl",
                               "residual std. error = \(NumberText.decimal(sigma, places: 4)) on \(NumberText.integer(fit.residualDF)) df"))
            }
            lines.append(parts.joined(separator: " · "))
        }
        if let f { lines.append(f) }
        return lines
    }

    /// `p = 0,033` or `p < 0,001`.
    func pText(_ p: Double) -> String {
        let text = NumberText.pValue(p)
        return text.hasPrefix("<") ? "p " + text : "p = " + text
    }

    func stars(_ p: Double) -> String { p < 0.001 ? " ***" : p < 0.01 ? " **" : p < 0.05 ? " *" : "" }
}
