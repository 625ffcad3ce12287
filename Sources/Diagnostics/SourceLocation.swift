/// Where a problem was found: a file (or a pseudo-source such as `--where`), a 1-based line and
/// column, a byte offset, and the field (column name) when the source is tabular.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var field: String?

    public init(source: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil,
                field: String? = nil) {
        self.source = source
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.field = field
    }

    /// `afiliados.csv:118:7`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = source
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
