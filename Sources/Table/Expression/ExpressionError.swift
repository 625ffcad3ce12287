import Diagnostics

/// A problem in a filter expression, with the characters it concerns, so the message can show the
/// expression with a caret under them.
public struct ExpressionError: Diagnostic, Equatable {
    public enum Kind: Equatable, Sendable {
        case empty
        case unexpectedCharacter(Character)
        case unterminatedString
        case badNumber(String)
        case unexpectedToken(expected: Expected, found: String)
        case tooDeep
        /// A column that does not exist, and the nearest existing name.
        case unknownColumn(String, suggestion: String?)
        /// A value of the wrong kind compared with a column.
        case typeMismatch(column: String, columnType: ColumnType, value: String)
        /// Two columns that cannot be compared.
        case incomparableColumns(String, ColumnType, String, ColumnType)
        /// A comparison of two constants, which says nothing about the rows.
        case noColumn
        /// A column alone as a condition when it is not yes/no.
        case notACondition(column: String, columnType: ColumnType)
        /// A text that should be a date and is not.
        case badDate(String)
        /// More tokens than the parser takes.
        case tooLong(limit: Int)
        /// `in archivo "…"` names a file that cannot be read.
        case listFile(path: String, reason: String)
    }

    /// What the parser was looking for.
    public enum Expected: Sendable, Equatable {
        case operand, operatorOrEnd, closingParen, list, commaOrBracket, missingKeyword
    }

    public var kind: Kind
    public var expression: String
    public var span: Span

    public init(_ kind: Kind, expression: String, span: Span) {
        self.kind = kind
        self.expression = expression
        self.span = span
    }

    public var code: String {
        switch kind {
        case .empty: return "EXPR-001"
        case .unexpectedCharacter: return "EXPR-002"
        case .unterminatedString: return "EXPR-003"
        case .badNumber: return "EXPR-004"
        case .unexpectedToken: return "EXPR-005"
        case .tooDeep: return "EXPR-006"
        case .unknownColumn: return "EXPR-007"
        case .typeMismatch: return "EXPR-008"
        case .incomparableColumns: return "EXPR-009"
        case .noColumn: return "EXPR-010"
        case .notACondition: return "EXPR-011"
        case .badDate: return "EXPR-012"
        case .tooLong: return "EXPR-013"
        case .listFile: return "EXPR-014"
        }
    }

    public var location: SourceLocation? {
        SourceLocation(source: "--where", line: 1, column: span.start + 1)
    }

    public var excerpt: (text: String, width: Int)? {
        (expression, max(1, min(span.end, expression.count + 1) - span.start))
    }

    public var exitStatus: ExitStatus { .usage }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch kind {
        case .empty:
            return es ? "el filtro está vacío" : "the filter is empty"
        case .unexpectedCharacter(let c):
            return es ? "carácter inesperado «\(c)» en el filtro" : "unexpected character «\(c)» in the filter"
        case .unterminatedString:
            return es ? "falta cerrar las comillas" : "the quotes are never closed"
        case .badNumber(let text):
            return es ? "«\(text)» no es un número" : "«\(text)» is not a number"
        case .unexpectedToken(let expected, let found):
            let what = found.isEmpty ? (es ? "el final del filtro" : "the end of the filter") : "«\(found)»"
            return es ? "se esperaba \(Self.describe(expected, language)) pero se encontró \(what)"
                      : "expected \(Self.describe(expected, language)) but found \(what)"
        case .tooDeep:
            return es ? "el filtro tiene demasiados paréntesis anidados" : "the filter nests too many parentheses"
        case .unknownColumn(let name, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "la columna «\(name)» no existe\(hint)" : "column «\(name)» does not exist\(hint)"
        case .typeMismatch(let column, let type, let value):
            let advice: String
            switch type {
            case .integer, .decimal:
                advice = es ? "es numérica: compárela con un número, sin comillas" : "is numeric: compare it with a number, without quotes"
            case .date, .dateTime:
                advice = es ? "es de fechas: escriba la fecha entre comillas, \"2025-01-31\" o \"31/01/2025\" (con hora: \"2025-01-31 14:30\")"
                            : "holds dates: write the date in quotes, \"2025-01-31\" or \"31/01/2025\" (with a time: \"2025-01-31 14:30\")"
            case .boolean:
                advice = es ? "es de sí/no: compárela con 1 o 0, o con «sí»/«no»" : "is yes/no: compare it with 1 or 0, or «sí»/«no»"
            case .categorical, .text:
                advice = es ? "es de texto: escriba el valor entre comillas" : "holds text: write the value in quotes"
            }
            return es ? "no se puede comparar la columna «\(column)» con \(value): la columna \(advice)"
                      : "column «\(column)» cannot be compared with \(value): the column \(advice)"
        case .incomparableColumns(let a, let ta, let b, let tb):
            return es ? "no se pueden comparar «\(a)» (\(Self.typeName(ta, language))) y «\(b)» (\(Self.typeName(tb, language)))"
                      : "«\(a)» (\(Self.typeName(ta, language))) and «\(b)» (\(Self.typeName(tb, language))) cannot be compared"
        case .noColumn:
            return es ? "esta comparación no usa ninguna columna" : "this comparison uses no column"
        case .notACondition(let column, let type):
            return es ? "la columna «\(column)» (\(Self.typeName(type, language))) no es una condición; compárela con un valor, p. ej. \(column) == …"
                      : "column «\(column)» (\(Self.typeName(type, language))) is not a condition; compare it with a value, e.g. \(column) == …"
        case .badDate(let text):
            return es ? "«\(text)» no es una fecha válida (use \"2025-01-31\" o \"31/01/2025\")"
                      : "«\(text)» is not a valid date (use \"2025-01-31\" or \"31/01/2025\")"
        case .tooLong(let limit):
            return es ? "expresión demasiado larga: más de \(NumberText.integer(limit)) elementos; ponga los valores en un archivo, uno por línea, y use «columna in archivo \"valores.txt\"»"
                      : "expression too long: more than \(limit) tokens; put the values in a file, one per line, and use «column in file \"values.txt\"»"
        case .listFile(let path, let reason):
            return es ? "no se pudo leer la lista «\(path)»: \(reason)" : "the list «\(path)» could not be read: \(reason)"
        }
    }

    static func describe(_ expected: Expected, _ language: Language) -> String {
        let es = language == .es
        switch expected {
        case .operand: return es ? "una columna o un valor" : "a column or a value"
        case .operatorOrEnd: return es ? "«and», «or» o el final del filtro" : "«and», «or» or the end of the filter"
        case .closingParen: return es ? "«)»" : "«)»"
        case .list: return es ? "una lista entre corchetes, p. ej. [\"A\", \"B\"]" : "a list in brackets, e.g. [\"A\", \"B\"]"
        case .commaOrBracket: return es ? "«,» o «]»" : "«,» or «]»"
        case .missingKeyword: return es ? "«missing»" : "«missing»"
        }
    }

    /// The Spanish or English name of a column type, as people read it.
    public static func typeName(_ type: ColumnType, _ language: Language) -> String {
        switch (type, language) {
        case (.integer, .es): return "entero"
        case (.decimal, .es): return "decimal"
        case (.boolean, .es): return "sí/no"
        case (.date, .es): return "fecha"
        case (.dateTime, .es): return "fecha y hora"
        case (.dateTime, .en): return "date-time"
        case (.categorical, .es): return "categórica"
        case (.text, .es): return "texto"
        case (.integer, .en): return "integer"
        case (.decimal, .en): return "decimal"
        case (.boolean, .en): return "yes/no"
        case (.date, .en): return "date"
        case (.categorical, .en): return "categorical"
        case (.text, .en): return "text"
        }
    }
}

/// Something in a filter that is legal but probably not what was meant: a value that never occurs
/// in the column (`municipio == "Villamaria"` when the data say «Villamaría»).
public struct ExpressionWarning: Diagnostic, Equatable {
    public var column: String
    public var value: String
    public var suggestion: String?
    public var expression: String
    public var span: Span
    /// How many more values of the same list do not occur either (past the ones shown one by one).
    public var more = 0

    public var code: String { "EXPR-101" }
    public var location: SourceLocation? { SourceLocation(source: "--where", line: 1, column: span.start + 1) }
    public var excerpt: (text: String, width: Int)? { (expression, max(1, span.end - span.start)) }

    public func message(_ language: Language) -> String {
        let hint = Suggestion.hint(suggestion, language)
        let count = NumberText.integer(more, language: language)
        let rest = more == 0 ? ""
            : more == 1 ? language.pick("; tampoco aparece otro valor de la lista", "; nor does another value of the list")
            : language.pick("; tampoco aparecen otros \(count) valores de la lista", "; nor do \(count) more values of the list")
        return language.pick("el valor «\(value)» no aparece en la columna «\(column)»\(hint)\(rest)",
                             "value «\(value)» does not occur in column «\(column)»\(hint)\(rest)")
    }
}
