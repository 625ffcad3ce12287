import Diagnostics
import Foundation
import SondeoTestSupport
import Testing
@testable import Table

/// Filters on a small table whose answers are counted by hand below.
@Suite struct ExpressionTests {
    /// 6 rows:            0            1           2            3           4            5
    /// categoria          A            A           B            A           C            A
    /// edad               30           40          25           NA          50           34
    /// usa_subsidio       1            0           1            1           0            1
    /// municipio          Manizales    Villamaría  Manizales    Pácora      Villamaría   Manizales
    /// zona               urbana       rural       urbana       rural       urbana       rural
    /// fecha              2020-01-01   2024-05-10  2019-12-31   2025-01-06  NA           2022-07-15
    static let table: Table = {
        let dir = TemporaryDirectory()
        let path = dir.file("t.csv", text: """
            categoria,edad,usa_subsidio,municipio,zona,fecha
            A,30,1,Manizales,urbana,2020-01-01
            A,40,0,Villamaría,rural,2024-05-10
            B,25,1,Manizales,urbana,2019-12-31
            A,,1,Pácora,rural,2025-01-06
            C,50,0,Villamaría,urbana,
            A,34,1,Manizales,rural,2022-07-15

            """)
        return try! CSVReader.read(path: path).table
    }()

    func rows(_ text: String) throws -> [Int] {
        let result = try ExpressionEvaluator.filter(text, on: Self.table)
        return result.mask.indices.filter { result.mask[$0] }
    }

    func failure(_ text: String) -> ExpressionError? {
        do {
            _ = try ExpressionEvaluator.filter(text, on: Self.table)
            return nil
        } catch {
            return error
        }
    }

    @Test("the issue's examples and friends", arguments: [
        ("categoria == \"A\" and usa_subsidio == 1 and edad < 35", [0, 5]),
        ("municipio in [\"Manizales\", \"Villamaría\"]", [0, 1, 2, 4, 5]),
        ("not (zona == \"rural\")", [0, 2, 4]),
        ("categoria == 'A' y (edad >= 40 o municipio == \"Pácora\")", [1, 3]),
        ("usa_subsidio and not categoria == \"B\"", [0, 3, 5]),
        ("municipio not in [\"Manizales\"]", [1, 3, 4]),
        ("35 > edad", [0, 2, 5]),
        ("fecha >= \"2022-01-01\" && fecha < \"06/01/2025\"", [1, 5]),
        ("edad is missing or fecha is missing", [3, 4]),
        ("edad is not missing and edad != 30", [1, 2, 4, 5]),
        ("`categoria` != \"A\"", [2, 4]),
        ("usa_subsidio == \"sí\"", [0, 2, 3, 5]),
    ])
    func filters(expression: String, expected: [Int]) throws {
        #expect(try rows(expression) == expected)
    }

    @Test("missing values are unknown: neither kept by a comparison nor by its negation")
    func threeValuedLogic() throws {
        #expect(try rows("edad > 30") == [1, 4, 5])
        #expect(try rows("not (edad > 30)") == [0, 2])
        #expect(try rows("edad > 30 or categoria == \"A\"") == [0, 1, 3, 4, 5])
        #expect(try rows("edad > 30 and categoria == \"B\"") == [])
    }

    @Test("a misspelled column gets a suggestion and a caret under it")
    func unknownColumn() throws {
        let error = try #require(failure("muncipio == \"Manizales\""))
        #expect(error.kind == .unknownColumn("muncipio", suggestion: "municipio"))
        #expect(DiagnosticRenderer.render(error, language: .es) == """
            error[EXPR-007]: la columna «muncipio» no existe; ¿quiso decir «municipio»?
             --> --where:1:1
              |
            1 | muncipio == "Manizales"
              | ^^^^^^^^
            """)
    }

    @Test("a type mismatch points at the value")
    func typeMismatch() throws {
        let error = try #require(failure("categoria == \"A\" and edad == \"treinta\""))
        #expect(error.kind == .typeMismatch(column: "edad", columnType: .integer, value: "\"treinta\""))
        #expect(error.span == Span(start: 29, end: 38))
        #expect(failure("municipio == 3")?.code == "EXPR-008")
        #expect(failure("fecha > \"31/02/2024\"")?.kind == .badDate("31/02/2024"))
    }

    @Test("syntax errors say what was expected", arguments: [
        ("edad >", "EXPR-005"), ("(edad > 3", "EXPR-005"), ("edad > 3 edad", "EXPR-005"),
        ("municipio in \"A\"", "EXPR-005"), ("zona == \"rural", "EXPR-003"), ("edad # 3", "EXPR-002"),
        ("", "EXPR-001"), ("3 == 3", "EXPR-010"), ("edad", "EXPR-011"), ("edad == municipio", "EXPR-009"),
    ])
    func syntaxErrors(expression: String, code: String) {
        #expect(failure(expression)?.code == code)
    }

    @Test("a value absent from the column is a warning with a suggestion, not an error")
    func absentValueWarning() throws {
        let result = try ExpressionEvaluator.filter("municipio == \"Villamaria\"", on: Self.table)
        #expect(result.count == 0)
        #expect(result.warnings.first?.suggestion == "Villamaría")
        #expect(result.warnings.first?.message(.es) == "el valor «Villamaria» no aparece en la columna «municipio»; ¿quiso decir «Villamaría»?")
    }

    @Test("a long list of values the column lacks: 20 warnings, the last counting the rest in words")
    func absentListValues() throws {
        // 2 municipalities the table has and 1,030 it does not: M0…M19 shown, 1,010 more counted.
        let list = "[" + (["\"Pácora\"", "\"Manizales\""] + (0..<1_030).map { "\"M\($0)\"" }).joined(separator: ", ") + "]"
        let result = try ExpressionEvaluator.filter("municipio in \(list)", on: Self.table)
        #expect(result.warnings.map(\.value) == (0..<20).map { "M\($0)" })
        #expect(result.warnings.last?.message(.es) == "el valor «M19» no aparece en la columna «municipio»; tampoco aparecen otros 1.010 valores de la lista")
        #expect(result.warnings.last?.message(.en) == "value «M19» does not occur in column «municipio»; nor do 1,010 more values of the list")
        #expect(result.warnings.dropLast().allSatisfy { $0.more == 0 })
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "(", count: 5_000) + "edad > 1" + String(repeating: ")", count: 5_000)
        #expect(failure(deep)?.code == "EXPR-006")
        #expect(failure(String(repeating: "not ", count: 5_000) + "usa_subsidio")?.code == "EXPR-006")
    }

    @Test("long flat chains and lists: 50,000 «or» terms, a 20,000-value list and a list file give the rows counted by hand")
    func longChains() throws {
        // edad is 30, 40, 25, NA, 50, 34: the terms name 30 and 50 among 49,998 ages no row has (100…).
        let terms = ["edad == 30", "edad == 50"] + (0..<49_998).map { "edad == \(100 + $0)" }
        #expect(try rows(terms.joined(separator: " or ")) == [0, 4])
        #expect(try rows(terms.joined(separator: " or ") + " or municipio == \"Pácora\"") == [0, 3, 4])
        let ands = (0..<20_000).map { _ in "edad > 26" }.joined(separator: " and ")
        #expect(try rows(ands) == [0, 1, 4, 5])
        let list = "[" + (["\"Pácora\"", "\"Manizales\""] + (0..<20_000).map { "\"M\($0)\"" }).joined(separator: ", ") + "]"
        #expect(try rows("municipio in " + list) == [0, 2, 3, 5])
        #expect(try rows("municipio not in " + list) == [1, 4])
        let dir = TemporaryDirectory()
        let file = dir.file("municipios.txt", text: "Pácora\r\n  Manizales \n\nOtro\n")
        #expect(try rows("municipio in archivo \"\(file)\"") == [0, 2, 3, 5])
        let ages = dir.file("edades.txt", text: "30\n50\n")
        #expect(try rows("edad in file \"\(ages)\" and not (zona == \"rural\")") == [0, 4])
        let missing = try #require(failure("municipio in archivo \"\(dir.path("no.txt"))\""))
        #expect(missing.code == "EXPR-014")
        #expect(missing.message(.es) == "no se pudo leer la lista «\(dir.path("no.txt"))»: el archivo o la carpeta no existe")
    }

    @Test("beyond the documented limit: «expresión demasiado larga», located, with the advice to use a file")
    func tooLong() {
        let text = (0..<(ExpressionParser.maximumTokens / 4 + 1)).map { "edad == \($0)" }.joined(separator: " or ")
        let error = failure(text)
        #expect(error?.code == "EXPR-013")
        #expect(error?.message(.es).hasPrefix("expresión demasiado larga: más de 400.000 elementos; ponga los valores en un archivo") == true)
    }
}
