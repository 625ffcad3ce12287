import Diagnostics

/// Why a model cannot be fitted, in words the equipo de investigación reads.
public enum RegressionError: Diagnostic, Equatable {
    /// What is wrong with a formula.
    public enum FormulaProblem: Sendable, Equatable {
        case tilde, response, noTerms, emptyTerm
        case minusTerm(String)
        case badName(String)
    }

    case formula(String, reason: FormulaProblem)
    case unknownColumn(String, suggestion: String?)
    case responseNotNumeric(String)
    case unusableColumn(String)
    case oneLevel(column: String, level: String?)
    case unknownReference(column: String, level: String, suggestion: String?)
    case referenceNotCategorical(String)
    case notBinary(column: String, values: [String])
    case unknownOutcomeLevel(column: String, level: String, suggestion: String?)
    case tooFewRows(rows: Int, parameters: Int)
    case separation(terms: [String])
    case noConvergence(iterations: Int)
    case constantDriver(String)
    case replicateAliasing(replicate: Int)
    case negativeCount(column: String, value: Double)
    case tooFewOrdinalLevels(column: String, levels: [String])

    public var code: String {
        switch self {
        case .formula: return "MODEL-001"
        case .unknownColumn: return "MODEL-002"
        case .responseNotNumeric: return "MODEL-003"
        case .unusableColumn: return "MODEL-004"
        case .oneLevel: return "MODEL-005"
        case .unknownReference: return "MODEL-006"
        case .referenceNotCategorical: return "MODEL-007"
        case .notBinary: return "MODEL-008"
        case .unknownOutcomeLevel: return "MODEL-009"
        case .tooFewRows: return "MODEL-010"
        case .separation: return "MODEL-011"
        case .noConvergence: return "MODEL-012"
        case .constantDriver: return "MODEL-013"
        case .replicateAliasing: return "MODEL-014"
        case .negativeCount: return "MODEL-015"
        case .tooFewOrdinalLevels: return "MODEL-016"
        }
    }

    public var location: SourceLocation? { nil }

    public var exitStatus: ExitStatus {
        switch self {
        case .formula, .unknownColumn, .unknownReference, .referenceNotCategorical, .unknownOutcomeLevel: return .usage
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .formula(let text, let reason):
            let why: String
            switch reason {
            case .tilde: why = es ? "debe tener la forma «respuesta ~ término + término», con un solo «~»" : "it must read «response ~ term + term», with a single «~»"
            case .response: why = es ? "a la izquierda de «~» va el nombre de una columna" : "the left of «~» must be a column name"
            case .noTerms: why = es ? "a la derecha de «~» no hay ningún término" : "there is no term on the right of «~»"
            case .emptyTerm: why = es ? "hay un «+» sin término" : "a «+» has no term"
            case .minusTerm(let term): why = es ? "solo se puede quitar el intercepto («- 1»), no «\(term)»" : "only the intercept can be removed («- 1»), not «\(term)»"
            case .badName(let term): why = es ? "«\(term)» no es un nombre de columna (use `comillas invertidas` para nombres con espacios)" : "«\(term)» is not a column name (use `backquotes` for names with spaces)"
            }
            return es ? "la fórmula «\(text)» no se entiende: \(why)" : "cannot read the formula «\(text)»: \(why)"
        case .unknownColumn(let name, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "la fórmula nombra la columna «\(name)», que no está en el archivo\(hint)" : "the formula names column «\(name)», which is not in the file\(hint)"
        case .responseNotNumeric(let name):
            return es ? "la respuesta «\(name)» no es numérica: una regresión lineal necesita números (para un sí/no use «sondeo analyze logit … --level»)"
                      : "the response «\(name)» is not numeric: a linear regression needs numbers (for a yes/no use «sondeo analyze logit … --level»)"
        case .unusableColumn(let name):
            return es ? "la columna «\(name)» es de fechas o texto libre: no puede entrar en un modelo" : "column «\(name)» holds dates or free text: it cannot enter a model"
        case .oneLevel(let column, let level):
            let only = level.map { es ? " («\($0)»)" : " («\($0)»)" } ?? ""
            return es ? "la variable categórica «\(column)» tiene un solo valor\(only) en las filas del modelo: no hay con qué compararlo; quítela de la fórmula"
                      : "categorical variable «\(column)» has a single value\(only) in the model's rows: there is nothing to compare it with; remove it from the formula"
        case .unknownReference(let column, let level, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "el nivel de referencia «\(level)» no aparece en «\(column)»\(hint)" : "reference level «\(level)» does not occur in «\(column)»\(hint)"
        case .referenceNotCategorical(let column):
            return es ? "--reference \(column)=… pide una variable categórica de la fórmula; «\(column)» no lo es" : "--reference \(column)=… needs a categorical variable of the formula; «\(column)» is not one"
        case .notBinary(let column, let values):
            let shown = values.prefix(6).map { "«\($0)»" }.joined(separator: ", ")
            return es ? "la respuesta «\(column)» no es 0/1 (tiene \(shown)\(values.count > 6 ? ", …" : "")): indique con --level cuál valor cuenta como 1"
                      : "the response «\(column)» is not 0/1 (it has \(shown)\(values.count > 6 ? ", …" : "")): say with --level which value counts as 1"
        case .unknownOutcomeLevel(let column, let level, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "--level «\(level)» no aparece en la respuesta «\(column)»\(hint)" : "--level «\(level)» does not occur in the response «\(column)»\(hint)"
        case .tooFewRows(let rows, let parameters):
            return es ? "el modelo tiene \(parameters) coeficientes y solo \(rows) filas completas: hacen falta más filas que coeficientes"
                      : "the model has \(parameters) coefficients and only \(rows) complete rows: it needs more rows than coefficients"
        case .separation(let terms):
            let list = terms.map { "«\($0)»" }.joined(separator: ", ")
            return es ? "separación completa o casi completa: \(list) predice la respuesta sin error en parte de los datos, y sus coeficientes crecen sin límite (R avisa «fitted probabilities numerically 0 or 1»); agrupe categorías o quite ese término"
                      : "complete or quasi-complete separation: \(list) predicts the response without error in part of the data and its coefficients grow without bound (R warns «fitted probabilities numerically 0 or 1»); merge categories or remove that term"
        case .noConvergence(let iterations):
            return es ? "el ajuste logístico no convergió en \(iterations) iteraciones" : "the logistic fit did not converge in \(iterations) iterations"
        case .tooFewOrdinalLevels(let column, let levels):
            let list = levels.map { "«\($0)»" }.joined(separator: ", ")
            return es ? "«\(column)» tiene \(levels.count) valores (\(list)): un modelo ordinal necesita al menos 3 categorías ordenadas; con 2 use analyze logit"
                      : "«\(column)» has \(levels.count) values (\(list)): an ordinal model needs at least 3 ordered categories; with 2 use analyze logit"
        case .negativeCount(let column, let value):
            let shown = value == value.rounded() ? String(Int(value)) : String(value)
            return es ? "«\(column)» tiene el valor \(shown): un modelo de conteos (Poisson) necesita valores mayores o iguales que 0"
                      : "«\(column)» has the value \(shown): a count model (Poisson) needs values of at least 0"
        case .replicateAliasing(let r):
            return es ? "en la réplica \(r) el modelo pierde un término (una categoría sin filas con peso): agrupe categorías o use linealización"
                      : "in replicate \(r) the model loses a term (a category without weighted rows): merge categories or use linearisation"
        case .constantDriver(let name):
            return es ? "«\(name)» no varía en las filas completas: no puede explicar la respuesta" : "«\(name)» does not vary in the complete rows: it cannot explain the response"
        }
    }
}
