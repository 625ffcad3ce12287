import Table

/// The weights after fieldwork, step by step as `sondeo sample weights` applies them (Valliant, Dever
/// & Kreuter, *Practical Tools for Designing and Weighting Survey Samples*, 2013, ch. 13–14):
/// non-response adjustment within strata, post-stratification to frame cells, raking to frame
/// margins, and trimming — alternating trimming and raking until both hold, as R's `trimWeights`
/// followed by `rake` would be repeated by hand (at most 50 rounds).
public struct WeightingProcedure: Sendable {
    public var strata: String?
    public var poststrata: [String] = []
    public var rake: [String] = []
    /// Trimming factor: weights above factor × mean are capped.
    public var trim: Double?
    public var tolerance: Double
    public var maxIterations: Int

    public init(strata: String?, poststrata: [String], rake: [String], trim: Double?, tolerance: Double, maxIterations: Int) {
        self.strata = strata
        self.poststrata = poststrata
        self.rake = rake
        self.trim = trim
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// What was done, for the report.
    public struct Result: Sendable {
        public var weights: [Double]
        public var raking: Raking?
        /// Raking iterations over every round.
        public var rakingIterations = 0
        public var trimming: Trimming?
        /// When trimming and raking could not both be met: the largest weight left above the cap.
        public var unmetCap: (largest: Double, cap: Double)?
    }

    /// Applies the steps to `weights` of the rows of `responses`, with the frame's counts as targets.
    public func apply(to weights: [Double], responses: Table, responsesPath: String, frame: Table) throws(SamplingError) -> Result {
        var result = Result(weights: weights)
        if let strata {
            let cells = try Cells(columns: [strata], responses: responses, responsesPath: responsesPath, frame: frame)
            result.weights = try WeightAdjustment.scale(result.weights, groups: cells.respondent, targets: cells.targets) { "\(strata) = \($0)" }
        }
        if !poststrata.isEmpty {
            let cells = try Cells(columns: poststrata, responses: responses, responsesPath: responsesPath, frame: frame)
            result.weights = try WeightAdjustment.scale(result.weights, groups: cells.respondent, targets: cells.targets) { $0 }
        }
        var margins: [Raking.Margin] = []
        for column in rake {
            let cells = try Cells(columns: [column], responses: responses, responsesPath: responsesPath, frame: frame)
            margins.append(Raking.Margin(name: column, categories: cells.respondent, targets: cells.targets))
        }
        func rakeNow() throws(SamplingError) {
            let raking = try Raking(weights: result.weights, margins: margins, tolerance: tolerance, maxIterations: maxIterations)
            result.weights = raking.weights
            result.rakingIterations += raking.iterations
            result.raking = raking
        }
        if !margins.isEmpty { try rakeNow() }
        if let trim {
            for _ in 0..<50 {
                let trimming = try Trimming(weights: result.weights, factor: trim)
                result.trimming = trimming
                result.weights = trimming.weights
                guard !margins.isEmpty else { break }
                try rakeNow()
                if result.weights.max()! <= trimming.cap * (1 + 1e-9) { break }
            }
            if let cap = result.trimming?.cap, let largest = result.weights.max(), largest > cap * (1 + 1e-6) {
                result.unmetCap = (largest, cap)
            }
        }
        return result
    }
}

/// The cells of one or more columns: each respondent's cell label and each cell's count in the frame.
/// A respondent whose value does not occur in the frame is an error that names its line.
struct Cells {
    var respondent: [String]
    var targets: [String: Double]

    init(columns: [String], responses: Table, responsesPath: String, frame: Table) throws(SamplingError) {
        func labels(_ table: Table) -> [String] {
            let selected = columns.map { table[$0]! }
            if selected.count == 1 { return (0..<table.rowCount).map { selected[0].text(at: $0) ?? "NA" } }
            return (0..<table.rowCount).map { row in selected.map { $0.text(at: row) ?? "NA" }.joined(separator: " × ") }
        }
        targets = frame.labelCounts(columns).mapValues(Double.init)
        respondent = labels(responses)
        if let row = respondent.indices.first(where: { targets[respondent[$0]] == nil }) {
            let column = columns.first { name in
                let value = responses[name]!.text(at: row) ?? "NA"
                return !(0..<frame.rowCount).contains { (frame[name]!.text(at: $0) ?? "NA") == value }
            } ?? columns.joined(separator: ", ")
            throw SamplingError.unknownCategory(file: responsesPath, line: responses.line(ofRow: row), column: column,
                                                value: respondent[row])
        }
    }
}

extension WeightingProcedure {
    /// The weights the adjustments start from: a column of numbers above 0 (the design weights), or 1
    /// for every row.
    public static func startingWeights(_ table: Table, column name: String?, source: String) throws -> [Double] {
        guard let name else { return [Double](repeating: 1, count: table.rowCount) }
        let column = try table.column(name, source: source)
        guard let values = column.numbers, column.type == .integer || column.type == .decimal else { throw SamplingError.notNumeric(name) }
        if let bad = values.indices.first(where: { !(values[$0] > 0) }) {
            throw SamplingError.badWeight(file: source, line: table.line(ofRow: bad), column: name)
        }
        return values
    }
}
