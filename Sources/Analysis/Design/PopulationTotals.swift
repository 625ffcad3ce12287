import Foundation
import Table

/// The population figures a design is calibrated to (R's `population=` of `postStratify`, `rake` and
/// `calibrate`): the count of each cell of one or more columns, the total of numeric columns and the
/// population size. Either worked out from the frame itself (one row per population unit, e.g. the
/// affiliate base) or read from a totals file in long form,
///
///     variable,categoria,total
///     sexo,F,61250
///     sexo × categoria,F × A,20100      (crossed cells, labels joined by « × »)
///     edad,,4120000                     (a numeric total: no categoria)
///     N,,120000                         (the population size)
///
/// so that the same calibration can be run with the base at hand or with published figures.
public struct PopulationTotals: Sendable {
    enum Source: Sendable {
        case frame(Table)
        case totals([String: [String: Double]])
    }
    let source: Source
    /// The file the figures come from, for messages.
    public let path: String

    public init(frame: Table, path: String) {
        source = .frame(frame)
        self.path = path
    }

    /// Reads the long form above: one line per figure; `total` a number ≥ 0.
    public init(totals table: Table, path: String) throws(CalibrationError) {
        self.path = path
        guard let variable = table["variable"], let category = table["categoria"] ?? table["category"], let total = table["total"] else {
            throw .badTotals(file: path, line: 1, field: nil, problem: .missingColumns)
        }
        var figures: [String: [String: Double]] = [:]
        for row in 0..<table.rowCount {
            let line = table.line(ofRow: row)
            guard let name = variable.text(at: row)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw .badTotals(file: path, line: line, field: "variable", problem: .missingColumns)
            }
            let text = total.text(at: row) ?? ""
            guard let value = total.numbers?[row] ?? Double(text), value.isFinite, value >= 0 else {
                throw .badTotals(file: path, line: line, field: "total", problem: .notANumber(text))
            }
            let cell = category.text(at: row)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard figures[name]?[cell] == nil else { throw .badTotals(file: path, line: line, field: "categoria", problem: .repeated) }
            figures[name, default: [:]][cell] = value
        }
        source = .totals(figures)
    }

    /// The key of crossed columns in a totals file and in messages: `sexo × categoria`.
    static func key(_ columns: [String]) -> String { columns.joined(separator: " × ") }

    /// The population count of each cell of `columns` crossed (labels joined by « × »).
    func counts(_ columns: [String]) throws(CalibrationError) -> [String: Double] {
        switch source {
        case .frame(let frame):
            for name in columns where frame[name] == nil { throw .missingFrameColumn(file: path, column: name) }
            return frame.labelCounts(columns).mapValues(Double.init)
        case .totals(let figures):
            guard let cells = figures[Self.key(columns)] else { throw .missingTotal(file: path, variable: Self.key(columns)) }
            return cells
        }
    }

    /// The population total of a numeric column.
    func sum(_ column: String) throws(CalibrationError) -> Double {
        switch source {
        case .frame(let frame):
            guard let values = frame[column] else { throw .missingFrameColumn(file: path, column: column) }
            guard let numbers = values.numbers, values.type.isNumeric else { throw .notNumeric(column: column) }
            var total = 0.0
            for (row, x) in numbers.enumerated() {
                guard !x.isNaN else { throw .missingValue(file: path, line: frame.line(ofRow: row), column: column) }
                total += x
            }
            return total
        case .totals(let figures):
            guard let total = figures[column]?[""] else { throw .missingTotal(file: path, variable: column) }
            return total
        }
    }

    /// The population size: the frame's rows, the `N` line of a totals file, or else the sum of the
    /// cells of `fallback` (every unit is in exactly one of its cells).
    func size(fallback: [String]) throws(CalibrationError) -> Double {
        switch source {
        case .frame(let frame): return Double(frame.rowCount)
        case .totals(let figures):
            if let n = figures["N"]?[""] { return n }
            guard let first = fallback.first else { throw .missingTotal(file: path, variable: "N") }
            return try counts([first]).values.reduce(0, +)
        }
    }
}
