import Diagnostics
import Table

/// The estimates of each `analyze` statistic, by domain, with the comparison of two groups when asked:
/// what `sondeo analyze mean|total|proportion|quantile|nps|csat|ces` print.
public extension EstimateReport {
    /// Means (R's `svymean`), or ratios Σ w·y / Σ w·x (`svyratio`) with a denominator.
    static func mean(_ data: AnalysisData, variable: String, denominator: String?, confidence: Double, compare: (String, String)?) throws -> EstimateReport {
        let y = try data.numbers(variable)
        let x = try denominator.map { try data.numbers($0) }
        let estimate = { (domain: Domain) throws -> Estimate in
            if let x, let denominator { return try data.design.ratio(y, over: x, in: domain, denominator: denominator, confidence: confidence) }
            return try data.design.mean(y, in: domain, confidence: confidence)
        }
        var report = EstimateReport(statistic: x == nil ? "mean" : "ratio", title: x == nil ? L("Media", "Mean") : L("Razón", "Ratio"),
                                    variable: denominator.map { "\(variable) / \($0)" } ?? variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: try data.domains.map(estimate),
                                    scale: .number(places: 3))
        report.excluded = data.excluded(x.map { xs in zip(y, xs).map { $0.isNaN || $1.isNaN ? .nan : $0 } } ?? y)
        if let (a, b) = compare {
            report.comparison = (a, b, try Difference(try estimate(try data.domain(named: a)), try estimate(try data.domain(named: b)),
                                                      design: data.design, confidence: confidence))
        }
        return report
    }

    /// Population totals Σ w·y (R's `svytotal`) of a numeric column; of a categorical column, or of
    /// one value (`level`), the estimated number of population units with each value, as
    /// `svytotal(~factor)` («how many affiliates are dissatisfied»).
    static func total(_ data: AnalysisData, variable: String, level: String? = nil, confidence: Double) throws -> EstimateReport {
        let column = try data.table.column(variable, source: data.path)
        guard level != nil || !column.type.isNumeric else {
            let y = try data.numbers(variable)
            var report = EstimateReport(statistic: "total", title: L("Total", "Total"), variable: variable, confidence: confidence,
                                        design: data.resolved, designKind: data.design.kind,
                                        estimates: try data.domains.map { try data.design.total(y, in: $0, confidence: confidence) },
                                        scale: .number(places: 1))
            report.excluded = data.excluded(y)
            return report
        }
        let values = try LevelIndicators(data, variable: variable, level: level)
        var estimates: [Estimate] = []
        var levelOf: [JSONValue] = []
        for value in values.levels {
            let y = values.indicator(value)
            for domain in data.domains {
                var e = try data.design.total(y, in: domain, confidence: confidence)
                if values.levels.count > 1 { e.group.append((variable, value)) }
                estimates.append(e)
                levelOf.append(.string(value))
            }
        }
        var report = EstimateReport(statistic: "total", title: L("Total", "Total"), variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: estimates, scale: .number(places: 1))
        report.displayName = level.map { "\(variable) = \($0)" }
        report.topLevel = level.map { [("level", JSONValue.string($0))] } ?? []
        report.extra = [("level", levelOf)]
        report.excluded = data.excluded(values.missing)
        return report
    }

    /// The share of one value, or of each value, of a column (R's `svyciprop` by domain).
    static func proportion(_ data: AnalysisData, variable: String, level: String?, method: ProportionMethod, confidence: Double,
                           compare: (String, String)?) throws -> EstimateReport {
        let values = try LevelIndicators(data, variable: variable, level: level)
        let levels = values.levels
        let indicator = values.indicator
        var estimates: [Estimate] = []
        var levelOf: [JSONValue] = []
        for value in levels {
            let y = indicator(value)
            for domain in data.domains {
                var e = try data.design.proportion(y, in: domain, method: method, confidence: confidence)
                if levels.count > 1 { e.group.append((variable, value)) }
                estimates.append(e)
                levelOf.append(.string(value))
            }
        }
        var report = EstimateReport(statistic: "proportion", title: L("Proporción", "Proportion"), variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: estimates, scale: .share)
        report.displayName = level.map { "\(variable) = \($0)" }
        report.topLevel = [("method", .string(method.rawValue))] + (level.map { [("level", JSONValue.string($0))] } ?? [])
        report.extra = [("level", levelOf)]
        report.excluded = data.excluded(values.missing)
        if let (a, b) = compare, let level {
            let y = indicator(level)
            report.comparison = (a, b, try Difference(try data.design.mean(y, in: try data.domain(named: a)), try data.design.mean(y, in: try data.domain(named: b)),
                                                      design: data.design, confidence: confidence))
        }
        return report
    }

    /// Population variances (R's `svyvar`), by domain.
    static func variance(_ data: AnalysisData, variable: String, confidence: Double) throws -> EstimateReport {
        let y = try data.numbers(variable)
        var report = EstimateReport(statistic: "variance", title: L("Varianza", "Variance"), variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind,
                                    estimates: try data.domains.map { try data.design.populationVariance(y, in: $0, confidence: confidence) },
                                    scale: .number(places: 2))
        report.excluded = data.excluded(y)
        report.notes = [L("Varianza poblacional estimada (divisor n − 1, como svyvar de R); su raíz es la desviación estándar.",
                          "Estimated population variance (divisor n − 1, as R's svyvar); its square root is the standard deviation.")]
        return report
    }

    /// Quantiles with Woodruff's interval (R's `svyquantile`).
    static func quantiles(_ data: AnalysisData, variable: String, probabilities: [Double], confidence: Double,
                          rule: QuantileRule = .math, interval: QuantileInterval = .mean) throws -> EstimateReport {
        let y = try data.numbers(variable)
        var estimates: [Estimate] = []
        var probability: [JSONValue] = []
        for p in probabilities {
            for domain in data.domains {
                var e = try data.design.quantile(y, probability: p, in: domain, confidence: confidence, rule: rule, interval: interval)
                if probabilities.count > 1 { e.group.append(("p", NumberText.exact(p))) }
                estimates.append(e)
                probability.append(.number(p))
            }
        }
        var report = EstimateReport(statistic: "quantile", title: L("Cuantil", "Quantile"), variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: estimates, scale: .number(places: 2))
        report.extra = [("p", probability)]
        report.topLevel = [("rule", .string(rule.rawValue)), ("interval", .string(interval.rawValue))]
        report.excluded = data.excluded(y)
        return report
    }

    /// The Net Promoter Score with its shares; two groups compared, or the total against an earlier
    /// wave (`previous`, its data and its file name: independent samples).
    static func nps(_ data: AnalysisData, variable: String, confidence: Double, compare: (String, String)?,
                    previous: (data: AnalysisData, name: String)?) throws -> EstimateReport {
        let answers = try data.numbers(variable)
        func score(_ domain: Domain, _ source: AnalysisData = data, _ values: [Double]? = nil) throws -> NetPromoterScore {
            try NetPromoterScore(answers: values ?? answers, column: variable, design: source.design, domain: domain, confidence: confidence)
        }
        let scores = try data.domains.map { try score($0) }
        var report = EstimateReport(statistic: "nps", title: "NPS", variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: scores.map(\.score), scale: .number(places: 1))
        report.extra = [("promoters", scores.map { .number($0.promoters) }), ("passives", scores.map { .number($0.passives) }),
                        ("detractors", scores.map { .number($0.detractors) })]
        report.extraColumns = [(L("promotores", "promoters"), scores.map { report.percent($0.promoters) }),
                               (L("pasivos", "passives"), scores.map { report.percent($0.passives) }),
                               (L("detractores", "detractors"), scores.map { report.percent($0.detractors) })]
        report.excluded = data.excluded(answers)
        if let (a, b) = compare {
            report.comparison = (a, b, try Difference(try score(try data.domain(named: a)).score, try score(try data.domain(named: b)).score,
                                                      design: data.design, confidence: confidence))
        }
        if let previous {
            let before = try score(previous.data.domains[0], previous.data, try previous.data.numbers(variable))
            report.comparison = (data.path, previous.name, Difference(independent: scores[0].score, before.score, confidence: confidence))
        }
        report.notes = [L("Promotores: 9–10 · pasivos: 7–8 · detractores: 0–6. El NPS va de −100 a 100.",
                          "Promoters: 9–10 · passives: 7–8 · detractors: 0–6. NPS ranges from −100 to 100.")]
        return report
    }

    /// A top-box indicator (CSAT, CES): the share answering `top` on `scale`, with the mean beside it.
    static func topBox(statistic: String, title: String, _ data: AnalysisData, variable: String, scale: ClosedRange<Double>, top: Set<Double>,
                       method: ProportionMethod, confidence: Double) throws -> EstimateReport {
        let answers = try data.numbers(variable)
        let scores = try data.domains.map {
            try TopBoxScore(answers: answers, column: variable, scale: scale, top: top, design: data.design, domain: $0, method: method, confidence: confidence)
        }
        var report = EstimateReport(statistic: statistic, title: title, variable: variable, confidence: confidence,
                                    design: data.resolved, designKind: data.design.kind, estimates: scores.map(\.share), scale: .share)
        report.topLevel = [("scale", .array([.number(scale.lowerBound), .number(scale.upperBound)])),
                           ("top", .array(top.sorted().map { .number($0) })), ("method", .string(method.rawValue))]
        report.extra = [("mean", scores.map { .number($0.mean.estimate) }), ("mean_se", scores.map { .number($0.mean.standardError) })]
        report.extraColumns = [(L("media", "mean"), scores.map { NumberText.decimal($0.mean.estimate, places: 2) })]
        report.excluded = data.excluded(answers)
        let values = top.sorted().map { NumberText.exact($0) }
        let boxes = values.count == 1 ? values[0] : values.dropLast().joined(separator: ", ") + L(" o ", " or ") + values.last!
        report.notes = [L("\(title) = proporción que responde \(boxes) en la escala \(NumberText.exact(scale.lowerBound))–\(NumberText.exact(scale.upperBound)); la media va al lado.",
                          "\(title) = share answering \(boxes) on the \(NumberText.exact(scale.lowerBound))–\(NumberText.exact(scale.upperBound)) scale; the mean is beside it.")]
        return report
    }
}

/// The values of a column as 0/1 indicators (missing stays missing): one value asked for, or each
/// value present in label order.
struct LevelIndicators {
    let texts: [String?]
    let levels: [String]

    init(_ data: AnalysisData, variable: String, level: String?) throws {
        let column = try data.table.column(variable, source: data.path)
        texts = (0..<data.table.rowCount).map { column.text(at: $0) }
        let present = Set(texts.compactMap { $0 })
        if let level, !present.contains(level) {
            throw AnalysisError.levelNotFound(column: variable, level: level, suggestion: Suggestion.closest(to: level, among: Array(present)))
        }
        levels = level.map { [$0] } ?? present.sorted(by: LevelOrder.less)
    }

    func indicator(_ value: String) -> [Double] { texts.map { $0 == nil ? Double.nan : ($0 == value ? 1.0 : 0.0) } }

    /// NaN where the column is missing, 0 elsewhere: what `AnalysisData.excluded` counts.
    var missing: [Double] { texts.map { $0 == nil ? .nan : 0 } }
}
