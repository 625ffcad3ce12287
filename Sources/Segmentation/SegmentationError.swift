import Diagnostics
import Table

/// Why a segment, profile or clustering cannot be computed.
public enum SegmentationError: Diagnostic, Equatable {
    case badDefinition(file: String, line: Int, text: String)
    case duplicateSegment(file: String, line: Int, name: String)
    case unknownSegment(name: String, file: String, suggestion: String?)
    case unknownQuestion(file: String, line: Int, key: String)
    case notNumeric(column: String, type: ColumnType)
    case constantColumn(String)
    case tooFewRows(rows: Int, k: Int)
    case badK(String)
    case emptySegment
    case noColumns

    public var code: String {
        switch self {
        case .badDefinition: return "SEGMENT-001"
        case .duplicateSegment: return "SEGMENT-002"
        case .unknownSegment: return "SEGMENT-003"
        case .unknownQuestion: return "SEGMENT-004"
        case .notNumeric: return "SEGMENT-005"
        case .constantColumn: return "SEGMENT-006"
        case .tooFewRows: return "SEGMENT-007"
        case .badK: return "SEGMENT-008"
        case .emptySegment: return "SEGMENT-009"
        case .noColumns: return "SEGMENT-010"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .badDefinition(let file, let line, _), .duplicateSegment(let file, let line, _), .unknownQuestion(let file, let line, _):
            return SourceLocation(source: file, line: line)
        case .unknownSegment(_, let file, _):
            return SourceLocation(source: file)
        default:
            return nil
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .badDefinition, .duplicateSegment, .unknownQuestion, .constantColumn, .emptySegment: return .dataError
        default: return .usage
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .badDefinition(_, _, let text):
            return es ? "«\(text)» no es una definición de segmento; escriba «nombre: expresión», p. ej. jovenes: edad < 30"
                      : "«\(text)» is not a segment definition; write «name: expression», e.g. jovenes: edad < 30"
        case .duplicateSegment(_, _, let name):
            return es ? "el segmento «\(name)» ya está definido más arriba" : "segment «\(name)» is already defined above"
        case .unknownSegment(let name, _, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "no hay un segmento llamado «\(name)»\(hint)" : "there is no segment named «\(name)»\(hint)"
        case .unknownQuestion(_, _, let key):
            return es ? "«\(key)» no es una de las seis preguntas: quien, que, como, donde, experiencia, resultado"
                      : "«\(key)» is not one of the six questions: quien, que, como, donde, experiencia, resultado"
        case .notNumeric(let column, let type):
            return es ? "la columna «\(column)» es de tipo \(ExpressionError.typeName(type, language)): para agrupar con k-medias hacen falta columnas numéricas"
                      : "column «\(column)» is \(ExpressionError.typeName(type, language)): k-means needs numeric columns"
        case .constantColumn(let column):
            return es ? "la columna «\(column)» tiene el mismo valor en todas las filas: no se puede estandarizar (desviación 0); quítela de --columns"
                      : "column «\(column)» has the same value in every row: it cannot be standardized (deviation 0); drop it from --columns"
        case .tooFewRows(let rows, let k):
            return es ? "hay \(rows) filas válidas y se pidieron \(k) grupos: k no puede ser mayor que las filas"
                      : "there are \(rows) valid rows and \(k) groups were asked for: k cannot exceed the rows"
        case .badK(let text):
            return es ? "--k debe ser un entero ≥ 2 o un rango como 2..8, no «\(text)»" : "--k must be an integer ≥ 2 or a range such as 2..8, not «\(text)»"
        case .emptySegment:
            return es ? "ninguna fila cumple la condición del segmento" : "no row meets the segment's condition"
        case .noColumns:
            return es ? "indique al menos una columna en --columns" : "give at least one column in --columns"
        }
    }
}
