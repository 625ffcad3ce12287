import Diagnostics
import Testing

private struct SampleError: Diagnostic {
    var code: String { "CSV-004" }
    var location: Diagnostics.SourceLocation? { Diagnostics.SourceLocation(source: "afiliados.csv", line: 118, column: 7, field: "ingreso") }
    func message(_ language: Language) -> String {
        language.pick("«3,5x» no es un número (columna ingreso)", "«3,5x» is not a number (column ingreso)")
    }
}

@Suite struct DiagnosticRendererTests {
    @Test("the compiler-style rendering of DESIGN.md, in both languages")
    func rendering() {
        #expect(DiagnosticRenderer.render(SampleError(), language: .es) == """
            error[CSV-004]: «3,5x» no es un número (columna ingreso)
             --> afiliados.csv:118:7
            """)
        #expect(DiagnosticRenderer.render(SampleError(), language: .en, severity: .warning) == """
            warning[CSV-004]: «3,5x» is not a number (column ingreso)
             --> afiliados.csv:118:7
            """)
    }

    @Test("suggestions fold accents and case", arguments: [
        ("muncipio", "municipio"), ("villamaria", "Villamaría"), ("EDAD", "edad"), ("xyz", nil), ("munic", "municipio"),
    ])
    func suggestions(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, among: ["municipio", "Villamaría", "edad", "zona"]) == expected)
    }

    @Test("SONDEO_LANG chooses English, anything else Spanish")
    func languageFromEnvironment() {
        #expect(Language.fromEnvironment(["SONDEO_LANG": "en_US"]) == .en)
        #expect(Language.fromEnvironment([:]) == .es)
    }
}
