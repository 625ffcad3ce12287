import Diagnostics
import LinearAlgebra
import Table

/// The design matrix X and response y of a formula over a table, as R's `model.matrix` builds them:
/// an intercept column of ones; a numeric variable as it is; a categorical variable in treatment
/// coding (one 0/1 column per level except the reference, named variable + level, e.g. `canalweb`);
/// an interaction as the products of its variables' columns, the first variable varying fastest. A
/// categorical variable inside an interaction is coded by contrasts when the term without it is in the
/// model, else by one column per level (R's rule, Chambers & Hastie 1992, §2.4.1). Rows missing any
/// variable of the formula are left out (R's `na.omit`).
public struct ModelMatrix: Sendable {
    /// What the response must be.
    public enum Response: Sendable, Equatable {
        /// Any number (linear regression).
        case numeric
        /// 0/1, or the level counted as 1 of a categorical response (logistic regression).
        case binary(level: String?)
        /// Ordered categories, at least three (a Likert answer): y is the level's position 0, 1, …
        /// in ``responseLevels`` (numbers by value, then text).
        case ordinal
    }

    /// A categorical variable of the model: its levels in order and the reference.
    public struct Factor: Sendable, Equatable {
        public var levels: [String]
        public var reference: String
    }

    public let formula: Formula
    public let x: Matrix
    public let y: [Double]
    /// The ordered levels of an ordinal response; nil otherwise.
    public let responseLevels: [String]?
    /// The table rows each row of X comes from, ascending.
    public let rows: [Int]
    /// Column names of X, as R prints them (`(Intercept)`, `amabilidad`, `canalweb`, `amabilidad:canalweb`).
    public let columnNames: [String]
    /// The categorical variables, by name.
    public let factors: [String: Factor]
    /// Rows of the table left out for a missing value.
    public let excluded: Int

    /// - Parameters:
    ///   - references: reference level per categorical variable (default: the first level in order).
    ///   - rowFilter: only these rows of the table may enter (e.g. rows with a positive weight).
    public init(table: Table, formula: Formula, response: Response = .numeric, references: [String: String] = [:]) throws(RegressionError) {
        self.formula = formula
        var columns: [String: Column] = [:]
        for name in formula.variables {
            guard let column = table[name] else {
                throw .unknownColumn(name, suggestion: Suggestion.closest(to: name, among: table.columns.map(\.name)))
            }
            columns[name] = column
        }
        for (name, _) in references where !formula.terms.contains(where: { $0.contains(name) }) {
            throw .referenceNotCategorical(name)
        }
        // Rows with every variable present (one pass per column, not a lookup per row and column).
        var complete = [Bool](repeating: true, count: table.rowCount)
        for name in formula.variables {
            let column = columns[name]!
            switch column.storage {
            case .numeric(let values): for row in values.indices where values[row].isNaN { complete[row] = false }
            case .coded(let codes, _): for row in codes.indices where codes[row] == Column.missingCode { complete[row] = false }
            }
        }
        let used = complete.indices.filter { complete[$0] }
        rows = used
        excluded = table.rowCount - used.count

        // The response.
        let outcome = columns[formula.response]!
        switch response {
        case .numeric:
            guard let values = Self.numericValues(outcome) else { throw .responseNotNumeric(formula.response) }
            y = used.map { values[$0] }
            responseLevels = nil
        case .binary(let level):
            y = try Self.binary(outcome, name: formula.response, level: level, rows: used)
            responseLevels = nil
        case .ordinal:
            let texts = used.map { outcome.text(at: $0)! }
            let levels = Array(Set(texts)).sorted(by: LevelOrder.less)
            guard levels.count >= 3 else { throw .tooFewOrdinalLevels(column: formula.response, levels: levels) }
            let position = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
            y = texts.map { position[$0]! }
            responseLevels = levels
        }

        // Regressors: numeric, or categorical with their levels among the used rows.
        var factors: [String: Factor] = [:]
        var codes: [String: [Int]] = [:]
        for name in Set(formula.terms.flatMap { $0 }) {
            let column = columns[name]!
            if Self.numericValues(column) != nil {
                if references[name] != nil { throw .referenceNotCategorical(name) }
                continue
            }
            guard column.type != .date else { throw .unusableColumn(name) }
            // Each used row's value as an index into the column's distinct values.
            let (rowCodes, names) = Self.codes(column, rows: used)
            var present = [Bool](repeating: false, count: names.count)
            for code in rowCodes { present[code] = true }
            let levels = names.indices.filter { present[$0] }.map { names[$0] }.sorted(by: LevelOrder.less)
            if column.type == .text && levels.count > 100 { throw .unusableColumn(name) }
            guard levels.count >= 2 else { throw .oneLevel(column: name, level: levels.first) }
            let reference = references[name] ?? levels[0]
            guard levels.contains(reference) else {
                throw .unknownReference(column: name, level: reference, suggestion: Suggestion.closest(to: reference, among: levels))
            }
            // The reference first, the others in order.
            let ordered = [reference] + levels.filter { $0 != reference }
            let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
            let remap = names.map { position[$0] ?? -1 }
            factors[name] = Factor(levels: ordered, reference: reference)
            codes[name] = rowCodes.map { remap[$0] }
        }
        self.factors = factors

        // The columns of X, term by term.
        let n = used.count
        var names: [String] = []
        var values: [Double] = []
        // At most this many columns (every categorical fully coded): one allocation for X.
        let bound = (formula.intercept ? 1 : 0) + formula.terms.reduce(0) { $0 + $1.reduce(1) { $0 * (factors[$1]?.levels.count ?? 1) } }
        values.reserveCapacity(n * bound)
        if formula.intercept {
            names.append("(Intercept)")
            values.append(contentsOf: repeatElement(1.0, count: n))
        }
        var fullyCodedMain = false
        for term in formula.terms {
            // A main effect goes straight into X (the common case; no intermediate columns).
            if term.count == 1, let variable = term.first {
                if let factor = factors[variable] {
                    let full = !(formula.intercept || fullyCodedMain)
                    if full { fullyCodedMain = true }
                    let code = codes[variable]!
                    for k in (full ? 0 : 1)..<factor.levels.count {
                        names.append(variable + factor.levels[k])
                        for c in code { values.append(c == k ? 1 : 0) }
                    }
                } else {
                    let numbers = Self.numericValues(columns[variable]!)!
                    names.append(variable)
                    for row in used { values.append(numbers[row]) }
                }
                continue
            }
            // Each variable's block of columns (name suffixes and values).
            var blocks: [(names: [String], columns: [[Double]])] = []
            for variable in term {
                if let factor = factors[variable] {
                    let rest = term.filter { $0 != variable }
                    var marginPresent = rest.isEmpty ? formula.intercept || fullyCodedMain
                                                     : formula.terms.contains { Set($0) == Set(rest) }
                    if rest.isEmpty && !marginPresent { fullyCodedMain = true; marginPresent = false }
                    let levels = marginPresent ? Array(factor.levels.dropFirst()) : factor.levels
                    let first = marginPresent ? 1 : 0
                    let code = codes[variable]!
                    blocks.append((levels.map { variable + $0 },
                                   levels.indices.map { k in code.map { $0 == k + first ? 1.0 : 0.0 } }))
                } else {
                    let numbers = Self.numericValues(columns[variable]!)!
                    blocks.append(([variable], [used.map { numbers[$0] }]))
                }
            }
            // Products, the first variable varying fastest.
            var product = blocks[0]
            for block in blocks.dropFirst() {
                var next: (names: [String], columns: [[Double]]) = ([], [])
                for (bName, bColumn) in zip(block.names, block.columns) {
                    for (pName, pColumn) in zip(product.names, product.columns) {
                        next.names.append(pName + ":" + bName)
                        next.columns.append(zip(pColumn, bColumn).map { $0 * $1 })
                    }
                }
                product = next
            }
            names.append(contentsOf: product.names)
            for column in product.columns { values.append(contentsOf: column) }
        }
        columnNames = names
        x = Matrix(rows: n, columns: names.count, values: values)
        guard n > names.count else { throw .tooFewRows(rows: n, parameters: names.count) }
    }

    /// The value of each of `rows` as an index into the returned names: a coded column's own codes, or
    /// the distinct labels of a boolean written as words (si/no).
    static func codes(_ column: Column, rows: [Int]) -> ([Int], [String]) {
        if case .coded(let codes, let levels) = column.storage { return (rows.map { Int(codes[$0]) }, levels) }
        var names: [String] = []
        var index: [String: Int] = [:]
        let result = rows.map { row -> Int in
            let text = column.text(at: row)!
            if let known = index[text] { return known }
            index[text] = names.count
            names.append(text)
            return names.count - 1
        }
        return (result, names)
    }

    /// The numbers of a numeric column (integer, decimal, or a boolean written 0/1), else nil.
    static func numericValues(_ column: Column) -> [Double]? {
        switch column.type {
        case .integer, .decimal: return column.numbers
        case .boolean:
            guard let labels = column.booleanLabels, labels.allSatisfy({ Double($0) != nil }) else { return nil }
            return column.numbers
        default: return nil
        }
    }

    /// The 0/1 response of a logistic regression.
    static func binary(_ column: Column, name: String, level: String?, rows: [Int]) throws(RegressionError) -> [Double] {
        let texts = rows.map { column.text(at: $0)! }
        var distinct: [String] = []
        var seen: Set<String> = []
        for text in texts where seen.insert(text).inserted { distinct.append(text) }
        if let level {
            guard seen.contains(level) else {
                throw .unknownOutcomeLevel(column: name, level: level, suggestion: Suggestion.closest(to: level, among: distinct))
            }
            return texts.map { $0 == level ? 1 : 0 }
        }
        if let numbers = numericValues(column) {
            let values = rows.map { numbers[$0] }
            if values.allSatisfy({ $0 == 0 || $0 == 1 }) { return values }
        }
        throw .notBinary(column: name, values: distinct.sorted(by: LevelOrder.less))
    }
}
