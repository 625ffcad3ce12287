import CLapack

/// Eigenvalues (ascending) and eigenvectors of a symmetric matrix (LAPACK `dsyevd`).
public struct SymmetricEigen: Sendable {
    public let values: [Double]
    /// Column j is the unit eigenvector of `values[j]`.
    public let vectors: Matrix

    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else { throw .dimensionMismatch("eigen needs a square matrix") }
        var v = a
        var w = [Double](repeating: 0, count: a.rows)
        var jobz = Int8(UInt8(ascii: "V")), uplo = Int8(UInt8(ascii: "U"))
        var n = Int32(a.rows), lda = Int32(max(1, a.rows)), info: Int32 = 0
        var query = 0.0, lwork: Int32 = -1, iquery: Int32 = 0, liwork: Int32 = -1
        dsyevd_(&jobz, &uplo, &n, &v.values, &lda, &w, &query, &lwork, &iquery, &liwork, &info, 1, 1)
        lwork = Int32(query)
        liwork = iquery
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        var iwork = [Int32](repeating: 0, count: Int(max(1, liwork)))
        dsyevd_(&jobz, &uplo, &n, &v.values, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        try LAPACKCall.check(info, routine: "dsyevd") { .singular(routine: "dsyevd", index: $0) }
        values = w
        vectors = v
    }
}
