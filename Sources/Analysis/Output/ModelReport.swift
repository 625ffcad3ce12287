import Diagnostics
import Foundation
import Table

/// A fitted model as a person reads it (coefficients table, fit statistics, reference levels, notes)
/// or as scripts read it (DESIGN.md's JSON: n, coefficients[{term, estimate, se, t, p}], r2, adj_r2,
/// sigma, f; deviance and aic for a logistic model).
public struct ModelReport: Report {
    let fit: RegressionFit
    let model: ModelMatrix
    let input: AnalysisData
    let confidence: Double
    let outcomeLevel: String?

    public init(fit: RegressionFit, model: ModelMatrix, input: AnalysisData, confidence: Double, outcomeLevel: String?) {
        self.fit = fit
        self.model = model
        self.input = input
        self.confidence = confidence
        self.outcomeLevel = outcomeLevel
    }

    /// The interval of a coefficient, as the fit gives it.
    func interval(_ c: RegressionFit.Coefficient) -> (Double, Double)? {
        fit.interval(c, confidence: confidence).map { ($0.lower, $0.upper) }
    }

    var logistic: Bool { fit.family == .binomial }
    /// A model on a link scale (logit, log): its exponentiated coefficients are odds or rate ratios.
    var generalized: Bool { fit.family != .gaussian }
    var ratioName: String { logistic ? L("razón de odds", "odds ratio") : L("razón de tasas", "rate ratio") }
    var ratioKey: String { logistic ? "odds_ratio" : "rate_ratio" }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("model", .string(logistic ? "logit" : (fit.family == .poisson ? "poisson" : "regress"))),
            ("formula", .string(formulaText)),
            ("response", .string(model.formula.response)),
        ]
        if let outcomeLevel { members.append(("level", .string(outcomeLevel))) }
        members += [
            ("design", .string(fit.designBased ? input.design.kind.rawValue : "none")),
        ] + input.resolved.varianceMembers + [
            ("n", .integer(fit.n)), ("excluded", .integer(fit.excluded)), ("df_residual", .integer(fit.residualDF)),
            ("statistic", .string(fit.usesT ? "t" : "z")), ("confidence", .number(confidence)),
            ("coefficients", .array(fit.coefficients.map { c in
                var item: [(String, JSONValue)] = [("term", .string(c.term)), ("estimate", .finite(c.estimate)), ("se", .finite(c.standardError)),
                                                   ("t", .finite(c.statistic)), ("p", .finite(c.p))]
                if let (low, high) = interval(c) {
                    item.append(("ci", .array([.number(low), .number(high)])))
                    if generalized { item.append((ratioKey, .number(exp(c.estimate!)))) }
                } else {
                    item.append(("aliased", .bool(true)))
                }
                return .object(item)
            })),
            ("references", .object(model.factors.keys.sorted().map { ($0, .string(model.factors[$0]!.reference)) })),
        ]
        if generalized {
            members += [("deviance", .finite(fit.deviance)), ("null_deviance", .finite(fit.nullDeviance)), ("aic", .finite(fit.aic)),
                        ("iterations", fit.iterations.map { .integer($0) } ?? .null)]
        } else {
            members += [("r2", .finite(fit.r2)), ("adj_r2", .finite(fit.adjustedR2)), ("sigma", .finite(fit.sigma))]
        }
        members.append(("f", .finite(fit.f)))
        if let df = fit.fDF { members += [("f_df", .array([.integer(df.numerator), .integer(df.denominator)])), ("f_p", .finite(fit.fP))] }
        return .object(members)
    }

    public var resultTable: Table {
        let cs = fit.coefficients
        var columns = [Column.texts("term", cs.map(\.term)), Column.decimals("estimate", cs.map { $0.estimate ?? .nan }),
                       Column.decimals("se", cs.map { $0.standardError ?? .nan }), Column.decimals(fit.usesT ? "t" : "z", cs.map { $0.statistic ?? .nan }),
                       Column.decimals("p", cs.map { $0.p ?? .nan }),
                       Column.decimals("ci_lower", cs.map { interval($0)?.0 ?? .nan }), Column.decimals("ci_upper", cs.map { interval($0)?.1 ?? .nan })]
        if generalized { columns.append(Column.decimals(ratioKey, cs.map { $0.estimate.map(exp) ?? .nan })) }
        return Table(columns)
    }

    var formulaText: String {
        let terms = model.formula.terms.map(Formula.name).joined(separator: " + ")
        return "\(model.formula.response) ~ \(terms)\(model.formula.intercept ? "" : " - 1")"
    }
}
