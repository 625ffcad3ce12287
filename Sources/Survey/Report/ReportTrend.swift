import Analysis
import Diagnostics
import Table

/// An indicator of the report (NPS or CSAT) wave by wave — the groups of a wave or month column of a
/// stacked file — with each wave's design-based interval and the change from the wave before, tested
/// as two independent samples (V = V₁ + V₂, normal reference; the waves are separate draws).
struct ReportTrend {
    struct Point {
        var wave: String
        var estimate: Estimate
    }

    var indicator: String
    var question: String
    /// NPS on −100…100; CSAT as a share.
    var isShare: Bool
    var points: [Point]
    /// Change from the previous wave, for every wave but the first.
    var changes: [Difference]

    /// The trends of the report's indicators over the waves of `wave` in `table`: NPS and CSAT by
    /// their rules, any other chosen column as its mean (`svymean`).
    static func trends(table: Table, design: SurveyDesign, wave: String, indicators: [(name: String, question: String)],
                       confidence: Double) throws -> [ReportTrend] {
        let waves = Domain.groups(of: table, by: [wave])
        return try indicators.compactMap { indicator -> ReportTrend? in
            guard let values = table[indicator.question]?.numbers else { return nil }
            let points = try waves.filter { d in d.members.contains { !values[$0].isNaN } }.map { d -> Point in
                let estimate: Estimate
                if indicator.name == "NPS" {
                    estimate = try NetPromoterScore(answers: values, column: indicator.question, design: design, domain: d, confidence: confidence).score
                } else if indicator.name != "CSAT" {
                    estimate = try design.mean(values, in: d, confidence: confidence)
                } else {
                    estimate = try TopBoxScore(answers: values, column: indicator.question, scale: TopBoxScore.csatScale, top: TopBoxScore.csatTop, design: design, domain: d,
                                               confidence: confidence).share
                }
                return Point(wave: d.group[0].value, estimate: estimate)
            }
            guard points.count >= 2 else { return nil }
            let changes = (1..<points.count).map { Difference(independent: points[$0].estimate, points[$0 - 1].estimate, confidence: confidence) }
            return ReportTrend(indicator: indicator.name, question: indicator.question, isShare: indicator.name == "CSAT", points: points, changes: changes)
        }
    }
}
