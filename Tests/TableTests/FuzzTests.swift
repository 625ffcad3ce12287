import Foundation
import Randomness
import SondeoTestSupport
import Testing
@testable import Table

/// Random and mutated input must give a table or an error, never a crash or a hang.
@Suite struct FuzzTests {
    @Test("random bytes and mutations of a real file through the CSV reader")
    func csvReader() throws {
        let dir = TemporaryDirectory()
        let seedFile = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CSVReaderTests.fixture("mini_excel.csv"))))
        var random = SplitMix64(seed: 20_261_129)
        let specials: [UInt8] = [34, 44, 59, 10, 13, 9, 0, 0x81, 0xC3, 0xE1, 0xEF, 0xBB, 0xBF]
        for iteration in 0..<600 {
            var bytes: [UInt8]
            if iteration % 3 == 0 {
                bytes = random.bytes(random.below(300))
            } else {
                bytes = seedFile
                for _ in 0..<(1 + random.below(8)) {
                    guard !bytes.isEmpty else { break }
                    let position = random.below(bytes.count)
                    switch random.below(3) {
                    case 0: bytes[position] = specials[random.below(specials.count)]
                    case 1: bytes.insert(specials[random.below(specials.count)], at: position)
                    default: bytes.remove(at: position)
                    }
                }
            }
            let path = dir.file("fuzz.csv", bytes: bytes)
            do {
                let (table, _) = try CSVReader.read(path: path, options: CSVReadOptions(skipBadRows: iteration % 2 == 0))
                for column in table.columns { #expect(column.count == table.rowCount) }
                _ = try CSVReader.summarize(path: path)
            } catch {
                #expect(!error.message(.es).isEmpty)
            }
        }
    }

    @Test("random text through the filter parser")
    func expressionParser() {
        let table = ExpressionTests.table
        var random = SplitMix64(seed: 7)
        let pieces = ["edad", "categoria", "\"A\"", "'B'", "3", "-2.5", "==", "!=", "<", ">=", "and", "or", "not",
                      "in", "[", "]", "(", ")", ",", "is", "missing", "y", "o", "`", "\"", "#", "ñ", " ", "1e", "fecha"]
        for _ in 0..<2_000 {
            let text = (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined(separator: " ")
            do {
                let result = try ExpressionEvaluator.filter(text, on: table)
                #expect(result.mask.count == table.rowCount)
            } catch {
                #expect(error.span.start >= 0)
                #expect(!error.message(.es).isEmpty)
            }
        }
    }
}
