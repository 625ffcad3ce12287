import Diagnostics
import Foundation
import Table

/// A proportional-odds model as a person reads it (coefficients with cumulative odds ratios, the
/// thresholds between answers, how it was fitted) or as scripts read it (JSON: coefficients and
/// thresholds with estimate, se, t or z, p, ci).
public struct OrdinalReport: Report {
    let fit: OrdinalFit
    let model: ModelMatrix
    let input: AnalysisData
    let confidence: Double

    public init(fit: OrdinalFit, model: ModelMatrix, input: AnalysisData, confidence: Double) {
        self.fit = fit
        self.model = model
        self.input = input
        self.confidence = confidence
    }

    var formulaText: String { "\(model.formula.response) ~ " + model.formula.terms.map(Formula.name).joined(separator: " + ") }
    var statistic: String { fit.residualDF == nil ? "z" : "t" }

    public var json: JSONValue {
        func items(_ parameters: [OrdinalFit.Parameter], odds: Bool) -> JSONValue {
            .array(parameters.map { c in
                let (low, high) = fit.interval(c, confidence: confidence)
                var item: [(String, JSONValue)] = [("term", .string(c.term)), ("estimate", .number(c.estimate)), ("se", .number(c.standardError)),
                                                   (statistic, .number(c.statistic)), ("p", .number(c.p)), ("ci", .array([.number(low), .number(high)]))]
                if odds { item.append(("odds_ratio", .number(exp(c.estimate)))) }
                return .object(item)
            })
        }
        return .object([
            ("model", .string("ordinal")), ("formula", .string(formulaText)), ("levels", .array(fit.levels.map(JSONValue.string))),
            ("design", .string(fit.designBased ? input.design.kind.rawValue : "none")),
        ] + input.resolved.varianceMembers + [
            ("n", .integer(fit.n)), ("excluded", .integer(fit.excluded)), ("df_residual", fit.residualDF.map { .integer($0) } ?? .null),
            ("confidence", .number(confidence)), ("coefficients", items(fit.coefficients, odds: true)), ("thresholds", items(fit.thresholds, odds: false)),
            ("aliased", .array(fit.aliased.map(JSONValue.string))), ("deviance", .number(fit.deviance)), ("aic", .finite(fit.aic)),
            ("iterations", .integer(fit.iterations)),
        ])
    }

    public var resultTable: Table {
        let all = fit.coefficients + fit.thresholds
        let intervals = all.map { fit.interval($0, confidence: confidence) }
        return Table([Column.texts("term", all.map(\.term)), Column.texts("kind", fit.coefficients.map { _ in "coefficient" } + fit.thresholds.map { _ in "threshold" }),
                      Column.decimals("estimate", all.map(\.estimate)), Column.decimals("se", all.map(\.standardError)),
                      Column.decimals(statistic, all.map(\.statistic)), Column.decimals("p", all.map(\.p)),
                      Column.decimals("ci_lower", intervals.map(\.lower)), Column.decimals("ci_upper", intervals.map(\.upper)),
                      Column.decimals("odds_ratio", fit.coefficients.map { exp($0.estimate) } + fit.thresholds.map { _ in .nan })])
    }

    public func text(markdown: Bool) -> String {
        let level = NumberText.level(confidence)
        func row(_ c: OrdinalFit.Parameter, odds: Bool) -> [String] {
            let (low, high) = fit.interval(c, confidence: confidence)
            var cells = [c.term, NumberText.decimal(c.estimate, places: 4), NumberText.decimal(c.standardError, places: 4),
                         NumberText.decimal(c.statistic, places: 2), NumberText.pValue(c.p),
                         "[\(NumberText.decimal(low, places: 4)); \(NumberText.decimal(high, places: 4))]"]
            if odds { cells += [NumberText.decimal(exp(c.estimate), places: 3), "[\(NumberText.decimal(exp(low), places: 3)); \(NumberText.decimal(exp(high), places: 3))]"] }
            return cells
        }
        var coefficients = TextTable(headers: [L("término", "term"), L("coeficiente", "coefficient"), L("error est.", "std. error"), statistic,
                                               L("valor p", "p-value"), L("IC \(level) %", "\(level) % CI"), L("razón de odds", "odds ratio"),
                                               L("IC \(level) % (odds)", "\(level) % CI (odds)")],
                                     alignments: [.left, .right, .right, .right, .right, .left, .right, .left])
        for c in fit.coefficients { coefficients.append(row(c, odds: true)) }
        var thresholds = TextTable(headers: [L("umbral", "threshold"), L("valor", "value"), L("error est.", "std. error"), statistic,
                                             L("valor p", "p-value"), L("IC \(level) %", "\(level) % CI")],
                                   alignments: [.left, .right, .right, .right, .right, .left])
        for c in fit.thresholds { thresholds.append(row(c, odds: false)) }
        let render = { (t: TextTable) in markdown ? t.markdown() : t.rendered() }
        var lines = [
            L("Regresión ordinal (odds proporcionales): \(formulaText), respuestas \(fit.levels.joined(separator: " < "))",
              "Ordinal regression (proportional odds): \(formulaText), answers \(fit.levels.joined(separator: " < "))"),
            L("Diseño: ", "Design: ") + (fit.designBased
                ? input.resolved.description(input.design.kind) + L("; errores estándar según el diseño (como svyolr de R)", "; design-based standard errors (as R's svyolr)")
                : L("sin diseño muestral (como polr de R)", "no sampling design (as R's polr)")),
            "n = \(NumberText.integer(fit.n))" + (fit.excluded > 0 ? L(" (\(NumberText.count(fit.excluded, "fila excluida", "filas excluidas")) por valores faltantes)",
                                                                        " (\(NumberText.count(fit.excluded, "row", "rows")) left out for missing values)") : ""),
            "", render(coefficients), "", render(thresholds), "",
            L("Un coeficiente positivo sube las respuestas altas: la razón de odds es cuánto se multiplican las odds de responder por encima de cualquier umbral por cada unidad del término.",
              "A positive coefficient raises the higher answers: the odds ratio is how much the odds of answering above any threshold multiply per unit of the term."),
            L("Devianza = \(NumberText.decimal(fit.deviance, places: 2))", "Deviance = \(NumberText.decimal(fit.deviance, places: 2))")
                + (fit.aic.map { " · AIC = \(NumberText.decimal($0, places: 2))" } ?? "") + L(" · \(fit.iterations) iteraciones", " · \(fit.iterations) iterations"),
        ]
        for name in model.factors.keys.sorted() where name != model.formula.response {
            lines.append(L("Referencia de «\(name)»: \(model.factors[name]!.reference).", "Reference of «\(name)»: \(model.factors[name]!.reference)."))
        }
        if !fit.aliased.isEmpty {
            lines.append(L("Sin estimar por colinealidad perfecta: \(fit.aliased.joined(separator: ", ")).", "Not estimated, perfectly collinear: \(fit.aliased.joined(separator: ", "))."))
        }
        return lines.joined(separator: "\n")
    }
}
