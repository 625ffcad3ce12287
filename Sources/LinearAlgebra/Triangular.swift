import CLapack

/// Triangular solves and inverses (LAPACK `dtrtrs`, `dtrtri`).
public enum Triangular {
    /// Solves U·x = b (or Uᵀ·x = b when `transposed`) in place, U upper triangular.
    public static func solve(upper u: Matrix, _ b: inout [Double], transposed: Bool = false) throws(LinearAlgebraError) {
        guard u.rows == u.columns, b.count == u.rows else {
            throw .dimensionMismatch("triangular solve: U \(u.rows)×\(u.columns), b \(b.count)")
        }
        var uplo = Int8(UInt8(ascii: "U")), trans = Int8(UInt8(ascii: transposed ? "T" : "N"))
        var diag = Int8(UInt8(ascii: "N"))
        var n = Int32(u.rows), nrhs: Int32 = 1, lda = Int32(max(1, u.rows)), ldb = Int32(max(1, u.rows))
        var info: Int32 = 0
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, u.values, &lda, &b, &ldb, &info, 1, 1, 1)
        try LAPACKCall.check(info, routine: "dtrtrs") { .singular(routine: "dtrtrs", index: $0) }
    }

    /// U⁻¹ for an upper-triangular U.
    public static func inverse(upper u: Matrix) throws(LinearAlgebraError) -> Matrix {
        var result = u
        var uplo = Int8(UInt8(ascii: "U")), diag = Int8(UInt8(ascii: "N"))
        var n = Int32(u.rows), lda = Int32(max(1, u.rows)), info: Int32 = 0
        dtrtri_(&uplo, &diag, &n, &result.values, &lda, &info, 1, 1)
        try LAPACKCall.check(info, routine: "dtrtri") { .singular(routine: "dtrtri", index: $0) }
        return result
    }
}
