import Diagnostics

/// A request Sondeo cannot size, allocate, draw or weight, and why, in words a survey planner reads.
public enum SamplingError: Diagnostic, Equatable {
    case marginOutOfRange(Double)
    case confidenceOutOfRange(Double)
    case proportionOutOfRange(Double)
    case nonPositive(option: String, value: Double)
    case populationTooSmall(population: Int, needed: Int)
    case emptyStratum(String)
    case missingValue(option: String, stratum: String)
    case unknownStratum(option: String, stratum: String)
    case totalTooLarge(total: Int, population: Int)
    case totalTooSmall(total: Int, minimum: Int)
    case allocationStratumNotInFrame(String)
    case frameStratumNotAllocated(String)
    case allocationPopulationMismatch(stratum: String, allocation: Int, frame: Int)
    case unreachableMargin(margin: Double, best: Double)
    case noVariation
    case duplicateIdentifier(String)
    case emptyCell(String)
    case unknownCategory(file: String, line: Int, column: String, value: String)
    /// A sample file row without an identifier, or with one already seen on an earlier row.
    case missingIdentifier(file: String, line: Int, column: String)
    case repeatedIdentifier(file: String, line: Int, column: String, value: String)
    /// A starting weight that is not a number above 0.
    case badWeight(file: String, line: Int, column: String)
    case notConverged(iterations: Int, discrepancy: Double)
    case missingColumn(String)
    case notNumeric(String)
    case replicateMethodNeedsOneStratum(method: String)
    case replicateTooFewPSUs(stratum: String)
    case replicateNeedsPairs(stratum: String, psus: Int)
    case badFayRho(Double)
    case badReplicateCount(Int)
    case missingDesignValue(file: String, line: Int, column: String)

    public var code: String {
        switch self {
        case .marginOutOfRange: return "SAMPLE-001"
        case .confidenceOutOfRange: return "SAMPLE-002"
        case .proportionOutOfRange: return "SAMPLE-003"
        case .nonPositive: return "SAMPLE-004"
        case .populationTooSmall: return "SAMPLE-005"
        case .emptyStratum: return "SAMPLE-006"
        case .missingValue: return "SAMPLE-007"
        case .unknownStratum: return "SAMPLE-008"
        case .totalTooLarge: return "SAMPLE-009"
        case .totalTooSmall: return "SAMPLE-010"
        case .allocationStratumNotInFrame, .frameStratumNotAllocated, .allocationPopulationMismatch: return "SAMPLE-011"
        case .unreachableMargin: return "SAMPLE-012"
        case .noVariation: return "SAMPLE-013"
        case .duplicateIdentifier: return "SAMPLE-014"
        case .emptyCell: return "SAMPLE-015"
        case .unknownCategory: return "SAMPLE-016"
        case .missingIdentifier: return "SAMPLE-022"
        case .repeatedIdentifier: return "SAMPLE-023"
        case .badWeight: return "SAMPLE-024"
        case .notConverged: return "SAMPLE-017"
        case .missingColumn: return "SAMPLE-018"
        case .notNumeric: return "SAMPLE-020"
        case .replicateMethodNeedsOneStratum: return "SAMPLE-025"
        case .replicateTooFewPSUs: return "SAMPLE-026"
        case .replicateNeedsPairs: return "SAMPLE-027"
        case .badFayRho: return "SAMPLE-028"
        case .badReplicateCount: return "SAMPLE-029"
        case .missingDesignValue: return "SAMPLE-030"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .unknownCategory(let file, let line, let column, _), .missingIdentifier(let file, let line, let column),
             .repeatedIdentifier(let file, let line, let column, _), .badWeight(let file, let line, let column),
             .missingDesignValue(let file, let line, let column):
            return SourceLocation(source: file, line: line, field: column)
        default: break
        }
        return nil
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .marginOutOfRange, .confidenceOutOfRange, .proportionOutOfRange, .nonPositive, .missingValue,
             .unknownStratum, .totalTooLarge, .totalTooSmall, .unreachableMargin, .populationTooSmall:
            return .usage
        default:
            return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .marginOutOfRange(let e):
            return es ? "el margen de error debe estar entre 0 y 1 (p. ej. 0.05 para ±5 puntos), no \(e)"
                      : "the margin of error must be between 0 and 1 (e.g. 0.05 for ±5 points), not \(e)"
        case .confidenceOutOfRange(let c):
            return es ? "la confianza debe estar entre 0 y 1 (p. ej. 0.95), no \(c)"
                      : "the confidence must be between 0 and 1 (e.g. 0.95), not \(c)"
        case .proportionOutOfRange(let p):
            return es ? "la proporción esperada debe estar entre 0 y 1, no \(p)"
                      : "the expected proportion must be between 0 and 1, not \(p)"
        case .nonPositive(let option, let value):
            return es ? "\(option) debe ser mayor que 0, no \(value)" : "\(option) must be greater than 0, not \(value)"
        case .populationTooSmall(let population, let needed):
            return es ? "la población (N = \(population)) es menor que la muestra pedida (n = \(needed))"
                      : "the population (N = \(population)) is smaller than the requested sample (n = \(needed))"
        case .emptyStratum(let stratum):
            return es ? "el estrato «\(stratum)» no tiene unidades en el marco (N_h = 0)"
                      : "stratum «\(stratum)» has no units in the frame (N_h = 0)"
        case .missingValue(let option, let stratum):
            return es ? "falta el valor de \(option) para el estrato «\(stratum)» (el método lo necesita para cada estrato)"
                      : "\(option) has no value for stratum «\(stratum)» (the method needs one for every stratum)"
        case .unknownStratum(let option, let stratum):
            return es ? "\(option) nombra el estrato «\(stratum)», que no está en el marco"
                      : "\(option) names stratum «\(stratum)», which is not in the frame"
        case .totalTooLarge(let total, let population):
            return es ? "no se pueden tomar \(total) unidades de un marco de \(population)"
                      : "cannot take \(total) units from a frame of \(population)"
        case .totalTooSmall(let total, let minimum):
            return es ? "un total de \(total) no alcanza el mínimo por estrato (hacen falta al menos \(minimum))"
                      : "a total of \(total) cannot meet the per-stratum minimum (at least \(minimum) are needed)"
        case .allocationStratumNotInFrame(let stratum):
            return es ? "la asignación no corresponde al marco: su estrato «\(stratum)» no está en el marco"
                      : "the allocation does not match the frame: its stratum «\(stratum)» is not in the frame"
        case .frameStratumNotAllocated(let stratum):
            return es ? "la asignación no corresponde al marco: el estrato «\(stratum)» del marco no tiene tamaño asignado"
                      : "the allocation does not match the frame: frame stratum «\(stratum)» has no allocated size"
        case .allocationPopulationMismatch(let stratum, let allocation, let frame):
            return es ? "la asignación no corresponde al marco: el estrato «\(stratum)» tenía N = \(allocation) al asignar y el marco tiene \(frame); vuelva a asignar"
                      : "the allocation does not match the frame: stratum «\(stratum)» had N = \(allocation) when allocated and the frame has \(frame); allocate again"
        case .unreachableMargin(let margin, let best):
            return es ? "ni un censo alcanza el margen \(margin) con estos supuestos (el mejor posible es \(best))"
                      : "not even a census reaches margin \(margin) under these assumptions (the best possible is \(best))"
        case .noVariation:
            return es ? "todas las desviaciones estándar son 0: la asignación de Neyman u óptima no está definida"
                      : "every standard deviation is 0: Neyman or optimal allocation is undefined"
        case .duplicateIdentifier(let id):
            return es ? "el identificador «\(id)» se repite en el marco; cada unidad debe tener uno propio (--id)"
                      : "identifier «\(id)» appears twice in the frame; every unit needs its own (--id)"
        case .badWeight(_, _, let column):
            return es ? "el peso «\(column)» debe ser un número mayor que 0" : "weight «\(column)» must be a number greater than 0"
        case .missingIdentifier(_, _, let column):
            return es ? "falta el identificador (columna «\(column)»)" : "the identifier is missing (column «\(column)»)"
        case .repeatedIdentifier(_, _, let column, let value):
            return es ? "el identificador «\(value)» (columna «\(column)») ya apareció en una fila anterior"
                      : "identifier «\(value)» (column «\(column)») already appeared on an earlier row"
        case .emptyCell(let cell):
            return es ? "la celda \(cell) no tiene respondentes: no se puede ajustar a ella; agrupe categorías"
                      : "cell \(cell) has no respondents: it cannot be adjusted to; merge categories"
        case .unknownCategory(_, let line, let column, let value):
            return es ? "línea \(line): el valor «\(value)» de la columna «\(column)» no existe en el marco"
                      : "line \(line): value «\(value)» of column «\(column)» does not occur in the frame"
        case .notConverged(let iterations, let discrepancy):
            return es ? "el rastrillado no convergió en \(iterations) iteraciones (diferencia máxima \(discrepancy)); aumente --max-iterations o agrupe categorías"
                      : "raking did not converge in \(iterations) iterations (largest discrepancy \(discrepancy)); raise --max-iterations or merge categories"
        case .missingColumn(let name):
            return es ? "falta la columna «\(name)»" : "column «\(name)» is missing"
        case .notNumeric(let name):
            return es ? "la columna «\(name)» no es numérica" : "column «\(name)» is not numeric"
        case .replicateMethodNeedsOneStratum(let method):
            return es ? "el método \(method) es para diseños sin estratos; con estratos use --method jkn"
                      : "method \(method) is for designs without strata; with strata use --method jkn"
        case .replicateTooFewPSUs(let stratum):
            let name = stratum.isEmpty ? (es ? "la muestra" : "the sample") : (es ? "el estrato «\(stratum)»" : "stratum «\(stratum)»")
            return es ? "\(name) tiene una sola unidad primaria: no se pueden formar réplicas; agrúpelo con otro estrato"
                      : "\(name) has a single primary unit: no replicates can be formed; merge it with another stratum"
        case .replicateNeedsPairs(let stratum, let psus):
            return es ? "BRR y Fay necesitan exactamente 2 unidades primarias por estrato; «\(stratum)» tiene \(psus): use --method jkn o bootstrap"
                      : "BRR and Fay need exactly 2 primary units per stratum; «\(stratum)» has \(psus): use --method jkn or bootstrap"
        case .badFayRho(let rho):
            return es ? "--rho debe estar entre 0 y 1 (sin incluirlos), no \(rho); 0,5 es lo usual"
                      : "--rho must be between 0 and 1 (exclusive), not \(rho); 0.5 is usual"
        case .missingDesignValue(_, _, let column):
            return es ? "falta el valor de «\(column)», que define el diseño" : "«\(column)», which defines the design, is missing"
        case .badReplicateCount(let count):
            return es ? "--replicates debe ser al menos 2, no \(count)" : "--replicates must be at least 2, not \(count)"
        }
    }
}
