import Diagnostics
import Table

/// Why an estimate cannot be computed, in words the equipo de investigación reads.
public enum AnalysisError: Diagnostic, Equatable {
    case notNumeric(column: String, type: ColumnType)
    case levelNotFound(column: String, level: String, suggestion: String?)
    case lonelyPSU(stratum: String)
    case nonPositiveWeight(column: String, row: Int)
    case missingDesignValue(column: String, row: Int)
    case inconsistentFPC(stratum: String)
    case fpcTooSmall(stratum: String, population: Double, sampled: Int)
    case emptyDomain(String)
    case notTwoLevels(column: String, levels: Int)
    case tooFewLevels(column: String)
    case unknownGroup(column: String, value: String)
    case zeroDenominator(String)
    case exactNeedsSimpleSample
    case outOfScale(column: String, value: Double, scale: String)
    case singularTable
    case designColumnNotNumeric(column: String)
    case contrastSyntax(expression: String, column: Int, found: String?, expected: ContrastExpected)
    case contrastUnknownGroup(name: String, groups: [String], suggestion: String?)
    case contrastUndefined(String)
    case contrastNeedsGroups
    case noReplicateColumns(pattern: String)
    case badReplicateWeight(column: String, row: Int)
    case notJackknifeN(column: String)
    case fayNeedsRho
    case ppsNeedsProbabilities(PPSApproximation)
    case ppsProbability(column: String, row: Int, value: Double)

    public var code: String {
        switch self {
        case .notNumeric: return "ANALYSIS-001"
        case .levelNotFound: return "ANALYSIS-002"
        case .lonelyPSU: return "ANALYSIS-003"
        case .nonPositiveWeight: return "ANALYSIS-004"
        case .missingDesignValue: return "ANALYSIS-005"
        case .inconsistentFPC: return "ANALYSIS-006"
        case .fpcTooSmall: return "ANALYSIS-007"
        case .emptyDomain: return "ANALYSIS-008"
        case .notTwoLevels: return "ANALYSIS-009"
        case .tooFewLevels: return "ANALYSIS-010"
        case .unknownGroup: return "ANALYSIS-011"
        case .zeroDenominator: return "ANALYSIS-012"
        case .exactNeedsSimpleSample: return "ANALYSIS-013"
        case .outOfScale: return "ANALYSIS-014"
        case .singularTable: return "ANALYSIS-015"
        case .designColumnNotNumeric: return "ANALYSIS-016"
        case .contrastSyntax: return "ANALYSIS-017"
        case .contrastUnknownGroup: return "ANALYSIS-018"
        case .contrastUndefined: return "ANALYSIS-019"
        case .contrastNeedsGroups: return "ANALYSIS-020"
        case .noReplicateColumns: return "ANALYSIS-021"
        case .badReplicateWeight: return "ANALYSIS-022"
        case .notJackknifeN: return "ANALYSIS-023"
        case .fayNeedsRho: return "ANALYSIS-024"
        case .ppsNeedsProbabilities: return "ANALYSIS-026"
        case .ppsProbability: return "ANALYSIS-027"
        }
    }

    public var location: SourceLocation? { nil }

    public var exitStatus: ExitStatus {
        switch self {
        case .levelNotFound, .notTwoLevels, .unknownGroup, .notNumeric, .tooFewLevels, .exactNeedsSimpleSample,
             .contrastSyntax, .contrastUnknownGroup, .contrastNeedsGroups, .noReplicateColumns, .fayNeedsRho,
             .ppsNeedsProbabilities: return .usage
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .notNumeric(let column, let type):
            let name = ExpressionError.typeName(type, language)
            return es ? "la columna «\(column)» es de tipo \(name), no numérica: no se le puede calcular una media o un total"
                      : "column «\(column)» is \(name), not numeric: it has no mean or total"
        case .levelNotFound(let column, let level, let suggestion):
            let hint = Suggestion.hint(suggestion, language)
            return es ? "el valor «\(level)» no aparece en la columna «\(column)»\(hint)"
                      : "value «\(level)» does not occur in column «\(column)»\(hint)"
        case .lonelyPSU(let stratum):
            return es ? "el estrato «\(stratum)» tiene una sola unidad primaria de muestreo: su varianza no se puede estimar; elija --lonely-psu adjust, average o remove"
                      : "stratum «\(stratum)» has a single primary sampling unit: its variance cannot be estimated; choose --lonely-psu adjust, average or remove"
        case .nonPositiveWeight(let column, let row):
            return es ? "fila \(row): el peso «\(column)» debe ser un número mayor que 0"
                      : "row \(row): weight «\(column)» must be a number greater than 0"
        case .missingDesignValue(let column, let row):
            return es ? "fila \(row): falta el valor de «\(column)», que define el diseño muestral"
                      : "row \(row): «\(column)», which defines the sampling design, is missing"
        case .inconsistentFPC(let stratum):
            return es ? "la corrección por población finita cambia dentro del estrato «\(stratum)»; debe ser la misma en todo el estrato"
                      : "the finite-population correction varies within stratum «\(stratum)»; it must be constant in a stratum"
        case .fpcTooSmall(let stratum, let population, let sampled):
            return es ? "el estrato «\(stratum)» tiene \(sampled) unidades en la muestra pero una población de \(population)"
                      : "stratum «\(stratum)» has \(sampled) sampled units but a population of \(population)"
        case .emptyDomain(let domain):
            return es ? "el grupo \(domain) no tiene respuestas válidas" : "group \(domain) has no valid responses"
        case .notTwoLevels(let column, let levels):
            return es ? "para comparar hacen falta exactamente dos grupos de «\(column)»; hay \(levels)"
                      : "a comparison needs exactly two groups of «\(column)»; there are \(levels)"
        case .tooFewLevels(let column):
            return es ? "la columna «\(column)» tiene menos de dos valores distintos: no hay tabla que probar"
                      : "column «\(column)» has fewer than two distinct values: there is no table to test"
        case .unknownGroup(let column, let value):
            return es ? "el grupo «\(value)» no aparece en la columna «\(column)»" : "group «\(value)» does not occur in column «\(column)»"
        case .exactNeedsSimpleSample:
            return es ? "el intervalo de Clopper–Pearson es para muestras aleatorias simples sin pesos; con este diseño use --method beta (Korn–Graubard, su versión para diseños complejos)"
                      : "the Clopper–Pearson interval is for unweighted simple random samples; with this design use --method beta (Korn–Graubard, its complex-design version)"
        case .outOfScale(let column, let value, let scale):
            let shown = value == value.rounded() ? String(Int(value)) : String(value)
            return es ? "la columna «\(column)» tiene el valor \(shown), fuera de la escala \(scale); si es un código de «no sabe / no responde», declárelo con --missing \(shown)"
                      : "column «\(column)» has the value \(shown), outside the scale \(scale); if it is a «don't know / no answer» code, declare it with --missing \(shown)"
        case .singularTable:
            return es ? "la tabla tiene filas o columnas vacías o casi vacías: la prueba de Rao–Scott no se puede calcular; agrupe categorías"
                      : "the table has empty or nearly empty rows or columns: the Rao–Scott test cannot be computed; merge categories"
        case .designColumnNotNumeric(let column):
            return es ? "la columna «\(column)», que define el diseño (pesos o corrección por población finita), debe ser numérica"
                      : "column «\(column)», which defines the design (weights or finite-population correction), must be numeric"
        case .contrastSyntax(let expression, let column, let found, let expected):
            let what = found.map { "«\($0)»" } ?? (es ? "el final" : "the end")
            return es ? "en el contraste «\(expression)», posición \(column): se esperaba \(expected.text(language)) y se encontró \(what)"
                      : "in contrast «\(expression)», position \(column): expected \(expected.text(language)), found \(what)"
        case .contrastUnknownGroup(let name, let groups, let suggestion):
            let hint = Suggestion.hint(suggestion, es ? .es : .en)
            let list = groups.map { "«\($0)»" }.joined(separator: ", ")
            return es ? "el contraste nombra «\(name)», que no es un grupo de --by\(hint); los grupos son \(list)"
                      : "the contrast names «\(name)», which is not a group of --by\(hint); the groups are \(list)"
        case .contrastUndefined(let expression):
            return es ? "el contraste «\(expression)» no está definido con estas estimaciones (¿una división por 0?)"
                      : "contrast «\(expression)» is undefined with these estimates (a division by 0?)"
        case .contrastNeedsGroups:
            return es ? "--contrast combina las estimaciones de los grupos de --by: indique --by (y en proporciones, --level)"
                      : "--contrast combines the estimates of the --by groups: give --by (and for proportions, --level)"
        case .noReplicateColumns(let pattern):
            return es ? "ninguna columna coincide con --repweights «\(pattern)» (p. ej. 'rep_*' o rep_1,rep_2,…)"
                      : "no column matches --repweights «\(pattern)» (e.g. 'rep_*' or rep_1,rep_2,…)"
        case .badReplicateWeight(let column, let row):
            return es ? "fila \(row): el peso de réplica «\(column)» debe ser un número mayor o igual que 0"
                      : "row \(row): replicate weight «\(column)» must be a number of at least 0"
        case .notJackknifeN(let column):
            return es ? "la réplica «\(column)» no anula una sola unidad primaria del diseño: no es una réplica JKn (indique --strata y --cluster del diseño, o use otro --type)"
                      : "replicate «\(column)» does not drop a single primary unit of the design: it is not a JKn replicate (give the design's --strata and --cluster, or another --type)"
        case .fayNeedsRho:
            return es ? "--type fay necesita --rho, el factor de Fay (p. ej. 0.5)" : "--type fay needs --rho, Fay's factor (e.g. 0.5)"
        case .ppsNeedsProbabilities(let method):
            return es ? "--pps \(method.rawValue) necesita --fpc con la probabilidad de inclusión de cada unidad (o el tamaño que la da)"
                      : "--pps \(method.rawValue) needs --fpc with each unit's inclusion probability (or the size that gives it)"
        case .ppsProbability(let column, let row, let value):
            return es ? "fila \(row): «\(column)» = \(value) no da una probabilidad de inclusión entre 0 y 1"
                      : "row \(row): «\(column)» = \(value) does not give an inclusion probability between 0 and 1"
        case .zeroDenominator(let column):
            return es ? "el total ponderado del denominador «\(column)» es 0: la razón no está definida"
                      : "the weighted total of denominator «\(column)» is 0: the ratio is undefined"
        }
    }
}

/// What the contrast parser expected where it stopped.
public enum ContrastExpected: Equatable, Sendable {
    case operatorOrEnd, operand, closingParenthesis, number
    case closingQuote(String)

    func text(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .operatorOrEnd: return es ? "un operador (+ - * /) o el final" : "an operator (+ - * /) or the end"
        case .operand: return es ? "un número, un grupo o «(»" : "a number, a group or «(»"
        case .closingParenthesis: return "«)»"
        case .number: return es ? "un número" : "a number"
        case .closingQuote(let q): return es ? "el cierre \(q) del nombre" : "the closing \(q) of the name"
        }
    }
}
