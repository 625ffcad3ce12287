import Diagnostics

/// Failures of the LAPACK routines, with the routine's name so a bug report says where.
public enum LinearAlgebraError: Diagnostic, Equatable {
    /// LAPACK rejected argument `position` (a bug in Sondeo, not in the data).
    case illegalArgument(routine: String, position: Int)
    /// The leading minor of this order is not positive definite (Cholesky failed).
    case notPositiveDefinite(routine: String, leadingMinor: Int)
    /// A zero on the diagonal of a triangular factor: the matrix is singular (collinear columns).
    case singular(routine: String, index: Int)
    /// Dimensions that do not fit together.
    case dimensionMismatch(String)

    public var code: String {
        switch self {
        case .illegalArgument: return "LA-001"
        case .notPositiveDefinite: return "LA-002"
        case .singular: return "LA-003"
        case .dimensionMismatch: return "LA-004"
        }
    }

    public var location: SourceLocation? { nil }

    public var exitStatus: ExitStatus {
        switch self {
        case .illegalArgument, .dimensionMismatch: return .internalError
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .illegalArgument(let routine, let position):
            return language.pick("LAPACK (\(routine)) rechazó el argumento \(position): error interno",
                                 "LAPACK (\(routine)) rejected argument \(position): internal error")
        case .notPositiveDefinite(let routine, let minor):
            return language.pick("la matriz no es definida positiva (\(routine), menor principal \(minor))",
                                 "the matrix is not positive definite (\(routine), leading minor \(minor))")
        case .singular(let routine, let index):
            return language.pick("la matriz es singular (\(routine), pivote \(index)): hay columnas colineales",
                                 "the matrix is singular (\(routine), pivot \(index)): some columns are collinear")
        case .dimensionMismatch(let detail):
            return language.pick("dimensiones incompatibles: \(detail)", "incompatible dimensions: \(detail)")
        }
    }
}
