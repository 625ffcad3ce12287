import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Table

/// How `WeightsCommand` writes its result.
extension WeightsCommand {
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func startingWeights(_ table: Table) throws -> [Double] {
        guard let weight else { return [Double](repeating: 1, count: table.rowCount) }
        let column = try table.column(weight, source: responses)
        guard let values = column.numbers, column.type == .integer || column.type == .decimal else {
            throw SamplingError.notNumeric(weight)
        }
        if let bad = values.indices.first(where: { !(values[$0] > 0) }) {
            throw ValidationError(L("\(responses), línea \(table.line(ofRow: bad)): el peso «\(weight)» debe ser un número mayor que 0",
                                    "\(responses), line \(table.line(ofRow: bad)): weight «\(weight)» must be a number greater than 0"))
        }
        return values
    }
}
