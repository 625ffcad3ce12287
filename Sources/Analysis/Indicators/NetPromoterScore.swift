import Distributions

/// The Net Promoter Score of a 0–10 question: % promoters (9–10) − % detractors (0–6), in [−100, 100].
///
/// With the score x_k = +1 for a promoter, 0 for a passive and −1 for a detractor, NPS = 100·x̄_w, so
/// its design-based variance is that of a mean (the linearised variance of the promoter-minus-detractor
/// score; R: `svymean(~I((nps >= 9) - (nps <= 6)), design)`). For an unweighted simple random sample
/// the variance is the trinomial one, 100²·[p + d − (p − d)²]/n (Rocks, *The American Statistician*
/// 70, 2016).
public struct NetPromoterScore: Sendable {
    public var score: Estimate
    public var promoters: Double
    public var passives: Double
    public var detractors: Double

    /// The +1/0/−1 coding of 0–10 answers (NaN stays missing; values outside 0–10 are an error).
    public static func coding(_ answers: [Double], column: String) throws(AnalysisError) -> [Double] {
        try answers.map { (value: Double) throws(AnalysisError) -> Double in
            if value.isNaN { return .nan }
            guard value >= 0 && value <= 10 && value == value.rounded() else {
                throw .outOfScale(column: column, value: value, scale: "0–10")
            }
            return value >= 9 ? 1 : (value <= 6 ? -1 : 0)
        }
    }

    public init(answers: [Double], column: String, design: SurveyDesign, domain: Domain,
                confidence: Double = 0.95) throws(AnalysisError) {
        let x = try NetPromoterScore.coding(answers, column: column)
        var score = try design.mean(x, in: domain, confidence: confidence)
        let indicator = { (code: Double) in x.map { $0.isNaN ? Double.nan : ($0 == code ? 1.0 : 0.0) } }
        promoters = try design.mean(indicator(1), in: domain).estimate
        detractors = try design.mean(indicator(-1), in: domain).estimate
        passives = 1 - promoters - detractors
        if design.kind == .simple && !design.weighted && design.populationPSUs == nil {
            let p = promoters, d = detractors
            score.variance = (p + d - (p - d) * (p - d)) / Double(score.n)
        }
        // On the −100…100 scale, with the normal interval of a mean.
        score.estimate *= 100
        score.variance *= 10_000
        let z = Normal.quantile(1 - (1 - confidence) / 2)
        score.lower = score.estimate - z * score.standardError
        score.upper = score.estimate + z * score.standardError
        score.influence = score.influence.scaled(by: 100)
        score.replicates = score.replicates?.map { $0 * 100 }
        self.score = score
    }
}

/// Top-box shares of a satisfaction scale: CSAT is the share answering 4 or 5 on 1–5, CES the share
/// answering 5, 6 or 7 on 1–7 (configurable), reported in [0, 1] with the proportion interval, and
/// the mean of the scale beside it.
public struct TopBoxScore: Sendable {
    public var share: Estimate
    public var mean: Estimate

    /// CSAT: the share answering 4 or 5 on a 1–5 scale.
    public static let csatScale: ClosedRange<Double> = 1...5
    public static let csatTop: Set<Double> = [4, 5]

    /// The 1/0 coding of answers in the top box (NaN stays missing; values off the scale are an error).
    public static func coding(_ answers: [Double], column: String, scale: ClosedRange<Double>, top: Set<Double>) throws(AnalysisError) -> [Double] {
        for value in answers where !value.isNaN && !(scale.contains(value) && value == value.rounded()) {
            throw .outOfScale(column: column, value: value, scale: "\(Int(scale.lowerBound))–\(Int(scale.upperBound))")
        }
        return answers.map { $0.isNaN ? Double.nan : (top.contains($0) ? 1.0 : 0.0) }
    }

    public init(answers: [Double], column: String, scale: ClosedRange<Double>, top: Set<Double>, design: SurveyDesign,
                domain: Domain, method: ProportionMethod = .logit, confidence: Double = 0.95) throws(AnalysisError) {
        let indicator = try Self.coding(answers, column: column, scale: scale, top: top)
        share = try design.proportion(indicator, in: domain, method: method, confidence: confidence)
        mean = try design.mean(answers, in: domain, confidence: confidence)
    }
}
