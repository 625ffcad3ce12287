import Diagnostics

/// Why a design cannot be calibrated to its population figures (`--poststrata`, `--rake`,
/// `--calibrate` with `--frame` or `--totals`), located in the file at fault where there is one.
public enum CalibrationError: Diagnostic, Equatable {
    /// A respondent's value (or crossed cell) has no population figure.
    case unknownCell(file: String, line: Int, column: String, value: String)
    /// A population cell with people in it and no respondent to stand for them (R: «Some strata
    /// absent from sample»).
    case emptyCell(String)
    case missingValue(file: String, line: Int, column: String)
    case notNumeric(column: String)
    case notConverged(iterations: Int, discrepancy: Double)
    /// Σ w x xᵀ cannot be inverted: a calibration variable repeats another or is constant.
    case singular(terms: [String])
    /// The totals file is not `variable,categoria,total` or a row is unreadable.
    case badTotals(file: String, line: Int, field: String?, problem: TotalsProblem)
    /// The totals file has no figure for a variable the design is calibrated on.
    case missingTotal(file: String, variable: String)
    /// The frame has no column of that name.
    case missingFrameColumn(file: String, column: String)

    public enum TotalsProblem: Equatable, Sendable {
        case missingColumns
        case notANumber(String)
        case repeated
    }

    public var code: String {
        switch self {
        case .unknownCell: return "CALIBRATION-001"
        case .emptyCell: return "CALIBRATION-002"
        case .missingValue: return "CALIBRATION-003"
        case .notNumeric: return "CALIBRATION-004"
        case .notConverged: return "CALIBRATION-005"
        case .singular: return "CALIBRATION-006"
        case .badTotals: return "CALIBRATION-007"
        case .missingTotal: return "CALIBRATION-008"
        case .missingFrameColumn: return "CALIBRATION-009"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .unknownCell(let file, let line, let column, _): return SourceLocation(source: file, line: line, field: column)
        case .missingValue(let file, let line, let column): return SourceLocation(source: file, line: line, field: column)
        case .badTotals(let file, let line, let field, _): return SourceLocation(source: file, line: line, field: field)
        case .missingTotal(let file, _): return SourceLocation(source: file)
        case .missingFrameColumn(let file, let column): return SourceLocation(source: file, field: column)
        default: return nil
        }
    }

    public var exitStatus: ExitStatus { .dataError }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .unknownCell(_, _, let column, let value):
            return es ? "el valor «\(value)» de «\(column)» no tiene cifra de población: no se puede calibrar a él; revise el marco o el archivo de totales"
                      : "value «\(value)» of «\(column)» has no population figure: the design cannot be calibrated to it; check the frame or totals file"
        case .emptyCell(let cell):
            return es ? "la celda \(cell) tiene población pero ningún respondente que la represente; agrupe categorías"
                      : "cell \(cell) has population but no respondent to stand for it; merge categories"
        case .missingValue(_, _, let column):
            return es ? "falta el valor de «\(column)», una variable de calibración" : "«\(column)», a calibration variable, is missing"
        case .notNumeric(let column):
            return es ? "la columna «\(column)» del marco debe ser numérica para calibrar a su total" : "frame column «\(column)» must be numeric to calibrate to its total"
        case .notConverged(let iterations, let discrepancy):
            return es ? "el rastrillado no convergió en \(iterations) iteraciones (diferencia relativa máxima \(discrepancy)); agrupe categorías"
                      : "raking did not converge in \(iterations) iterations (largest relative gap \(discrepancy)); merge categories"
        case .singular(let terms):
            let list = terms.joined(separator: ", ")
            return es ? "las variables de calibración (\(list)) repiten información o son constantes en la muestra: quite alguna"
                      : "the calibration variables (\(list)) repeat one another or are constant in the sample: drop one"
        case .badTotals(_, _, _, let problem):
            switch problem {
            case .missingColumns:
                return es ? "el archivo de totales debe tener las columnas variable, categoria y total"
                          : "the totals file must have the columns variable, categoria and total"
            case .notANumber(let text):
                return es ? "«\(text)» no es un total: escriba un número mayor o igual que 0" : "«\(text)» is not a total: write a number of at least 0"
            case .repeated:
                return es ? "esta variable y categoría ya tienen un total en una línea anterior" : "this variable and category already have a total on an earlier line"
            }
        case .missingTotal(_, let variable):
            return es ? "el archivo de totales no tiene cifras de «\(variable)»" : "the totals file has no figures for «\(variable)»"
        case .missingFrameColumn(_, let column):
            return es ? "el marco no tiene la columna «\(column)»: no se puede contar su población" : "the frame has no column «\(column)»: its population cannot be counted"
        }
    }
}
