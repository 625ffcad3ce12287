/// A problem a person must read: a stable code (`CSV-004`), where it happened, and the message in
/// each language. Each module has one `enum <Module>Error: Diagnostic`; the wording is rendered from
/// the case, never stored in it.
public protocol Diagnostic: Error, CustomStringConvertible, Sendable {
    /// Stable identifier, documented and safe for scripts to match: `CSV-004`, `EXPR-002`.
    var code: String { get }
    /// Where the problem is, when it has a place.
    var location: SourceLocation? { get }
    /// What the person reads.
    func message(_ language: Language) -> String
    /// The exit status a command ends with when this is the error that stops it.
    var exitStatus: ExitStatus { get }
    /// The text the location points into (an expression, a source line) for the caret display,
    /// and how many characters the caret underlines.
    var excerpt: (text: String, width: Int)? { get }
}

extension Diagnostic {
    public var description: String { "[\(code)] \(message(.en))" }
    public var exitStatus: ExitStatus { .dataError }
    public var excerpt: (text: String, width: Int)? { nil }
}
