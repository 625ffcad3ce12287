import Foundation
import SondeoTestSupport
import Table
@testable import Analysis

/// The figures R printed (Scripts/reference/analysis.R → Fixtures/r_reference.json) and the data
/// they were computed from.
enum Reference {
    nonisolated(unsafe) static let json: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_reference", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func object(_ key: String) -> [String: Any] { json[key] as! [String: Any] }

    /// A number, unwrapping R's 1×1 matrices ([[x]]).
    static func number(_ value: Any?) -> Double {
        if let x = value as? Double { return x }
        if let x = value as? Int { return Double(x) }
        if let list = value as? [Any], let first = list.first { return number(first) }
        fatalError("not a number: \(String(describing: value))")
    }

    static func numbers(_ value: Any?) -> [Double] { (value as! [Any]).map { number($0) } }

    /// respuestas.csv with 99 as missing, and its design: strata categoria, weights peso, fpc N_estrato.
    static let responses: Table = try! CSVReader.read(path: RepositoryFiles.exampleData("respuestas.csv"),
                                                      options: CSVReadOptions(missingCodes: ["99"])).table

    static func labels(_ table: Table, _ name: String) -> [String] {
        (0..<table.rowCount).map { table[name]!.text(at: $0)! }
    }

    static func design(_ lonely: LonelyPSUPolicy = .fail, table: Table = responses) throws -> SurveyDesign {
        try SurveyDesign(weights: table["peso"]!.numbers!, strata: labels(table, "categoria"), clusters: nil,
                         fpc: table["N_estrato"]!.numbers!, rowCount: table.rowCount, lonelyPSU: lonely)
    }

    static func values(_ name: String, table: Table = responses) -> [Double] { table[name]!.numbers! }

    static func domain(_ column: String, _ value: String, table: Table = responses) -> Domain {
        let labels = labels(table, column)
        return Domain(group: [(column, value)], rows: labels.map { $0 == value })
    }
}
