/// AAPOR outcome rates of a fieldwork period: response (RR1–RR6), cooperation (COOP1–COOP4), refusal
/// (REF1–REF3) and contact (CON1–CON3), from the counts of final dispositions in each outcome class.
///
/// Formulas: AAPOR, *Standard Definitions* (10th ed., 2023), as tabulated by the R package
/// `outcomerate` (`fmat`) and queXS (`functions.aapor.php`); `e` is the share of cases of unknown
/// eligibility estimated to be eligible, by default the AAPOR calculator's (I+P+R+NC+O)/(I+P+R+NC+O+NE).
/// A rate whose denominator is zero is `nil` (queXS reports 0, which reads as a real figure).
public struct OutcomeRates: Sendable, Equatable {
    /// The AAPOR outcome classes. For a list sample of named affiliates, `unknownHousehold` and
    /// `unknownOther` may be counted together in either.
    public enum OutcomeClass: String, Sendable, CaseIterable, Codable {
        case complete = "I", partial = "P", refusal = "R", nonContact = "NC", other = "O"
        case unknownHousehold = "UH", unknownOther = "UO", notEligible = "NE"
    }

    public let counts: [OutcomeClass: Double]
    /// The eligibility estimate used by RR3, RR4, REF2 and CON2.
    public let e: Double?
    public let rates: [String: Double?]

    /// The names in the order AAPOR lists them (the keys of `rates`).
    public static let names = ["RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4",
                               "REF1", "REF2", "REF3", "CON1", "CON2", "CON3"]

    /// - Parameters:
    ///   - counts: cases (or their weights) per class; absent classes count 0.
    ///   - e: the eligibility estimate; nil uses AAPOR's default from the known cases (nil when there are none).
    public init(counts: [OutcomeClass: Double], e: Double? = nil) {
        func n(_ c: OutcomeClass) -> Double { counts[c] ?? 0 }
        let i = n(.complete), p = n(.partial), r = n(.refusal), nc = n(.nonContact), o = n(.other)
        let u = n(.unknownHousehold) + n(.unknownOther), ne = n(.notEligible)
        let eligible = i + p + r + nc + o
        let estimate = e ?? (eligible + ne > 0 ? eligible / (eligible + ne) : nil)
        func ratio(_ numerator: Double, _ denominator: Double?) -> Double? {
            guard let denominator, denominator > 0 else { return nil }
            return numerator / denominator
        }
        let all = eligible + u
        let withE = estimate.map { eligible + $0 * u }
        self.counts = counts
        self.e = estimate
        self.rates = [
            "RR1": ratio(i, all), "RR2": ratio(i + p, all), "RR3": ratio(i, withE), "RR4": ratio(i + p, withE),
            "RR5": ratio(i, eligible), "RR6": ratio(i + p, eligible),
            "COOP1": ratio(i, i + p + r + o), "COOP2": ratio(i + p, i + p + r + o), "COOP3": ratio(i, i + p + r), "COOP4": ratio(i + p, i + p + r),
            "REF1": ratio(r, all), "REF2": ratio(r, withE), "REF3": ratio(r, eligible),
            "CON1": ratio(i + p + r + o, all), "CON2": ratio(i + p + r + o, withE), "CON3": ratio(i + p + r + o, eligible),
        ]
    }

    /// Counts the classes of a list of outcomes, optionally weighted.
    public init(outcomes: [OutcomeClass], weights: [Double]? = nil, e: Double? = nil) {
        var counts: [OutcomeClass: Double] = [:]
        for (index, outcome) in outcomes.enumerated() { counts[outcome, default: 0] += weights?[index] ?? 1 }
        self.init(counts: counts, e: e)
    }
}
