import Diagnostics

/// One finding of the parser or the checker: where, how serious, which rule, what to do.
public struct QuestionnaireDiagnostic: Diagnostic, Equatable {
    public enum Severity: String, Sendable { case error, warning, info }

    public var severity: Severity
    /// Stable code: `DSL-001`…
    public var code: String
    public var file: String
    public var position: TextPosition
    /// The source line, for the caret display.
    public var line: String
    /// Characters the caret underlines.
    public var width: Int
    public var spanish: String
    public var english: String

    public var location: SourceLocation? { SourceLocation(source: file, line: position.line, column: position.column) }
    public var excerpt: (text: String, width: Int)? { line.isEmpty ? nil : (line, width) }
    public func message(_ language: Language) -> String { language.pick(spanish, english) }
}

/// Collects diagnostics with the source lines at hand.
struct DiagnosticSink {
    let file: String
    let lines: [String]
    var all: [QuestionnaireDiagnostic] = []

    mutating func add(_ severity: QuestionnaireDiagnostic.Severity, _ code: String, at position: TextPosition, width: Int = 1,
                      _ spanish: String, _ english: String) {
        let line = position.line >= 1 && position.line <= lines.count ? lines[position.line - 1] : ""
        all.append(QuestionnaireDiagnostic(severity: severity, code: code, file: file, position: position, line: line,
                                           width: max(1, width), spanish: spanish, english: english))
    }

    mutating func error(_ code: String, at position: TextPosition, width: Int = 1, _ spanish: String, _ english: String) {
        add(.error, code, at: position, width: width, spanish, english)
    }

    mutating func warning(_ code: String, at position: TextPosition, width: Int = 1, _ spanish: String, _ english: String) {
        add(.warning, code, at: position, width: width, spanish, english)
    }
}
