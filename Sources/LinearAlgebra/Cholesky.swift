import CLapack

/// The Cholesky factorisation A = UᵀU of a symmetric positive-definite matrix (LAPACK `dpotrf`),
/// to solve A·x = b (`dpotrs`) and invert A (`dpotri`): normal equations, calibration, Newton steps.
public struct Cholesky: Sendable {
    /// The upper factor U; the strict lower triangle is zero.
    public let factor: Matrix

    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else { throw .dimensionMismatch("Cholesky needs a square matrix") }
        var u = a
        var uplo = Int8(UInt8(ascii: "U")), n = Int32(a.rows), lda = Int32(max(1, a.rows)), info: Int32 = 0
        dpotrf_(&uplo, &n, &u.values, &lda, &info, 1)
        try LAPACKCall.check(info, routine: "dpotrf") { .notPositiveDefinite(routine: "dpotrf", leadingMinor: $0) }
        for j in 0..<a.columns { for i in (j + 1)..<max(j + 1, a.rows) { u[i, j] = 0 } }
        factor = u
    }

    /// x with A·x = b.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == factor.rows else { throw .dimensionMismatch("Cholesky solve: b has \(b.count) values") }
        var x = b
        var uplo = Int8(UInt8(ascii: "U")), n = Int32(factor.rows), nrhs: Int32 = 1
        var lda = Int32(max(1, factor.rows)), ldb = Int32(max(1, factor.rows)), info: Int32 = 0
        dpotrs_(&uplo, &n, &nrhs, factor.values, &lda, &x, &ldb, &info, 1)
        try LAPACKCall.check(info, routine: "dpotrs") { .singular(routine: "dpotrs", index: $0) }
        return x
    }

    /// A⁻¹, both triangles filled.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        var a = factor
        var uplo = Int8(UInt8(ascii: "U")), n = Int32(factor.rows), lda = Int32(max(1, factor.rows)), info: Int32 = 0
        dpotri_(&uplo, &n, &a.values, &lda, &info, 1)
        try LAPACKCall.check(info, routine: "dpotri") { .singular(routine: "dpotri", index: $0) }
        for j in 0..<a.columns { for i in (j + 1)..<max(j + 1, a.rows) { a[i, j] = a[j, i] } }
        return a
    }
}
