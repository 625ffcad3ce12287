import CLapack

extension Matrix {
    /// C = α·op(A)·op(B) + β·C by `cblas_dgemm`.
    public static func gemm(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
                            alpha: Double = 1, beta: Double = 0, into c: inout Matrix) throws(LinearAlgebraError) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kb, c.rows == m, c.columns == n else {
            throw .dimensionMismatch("gemm: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(c.rows)×\(c.columns)")
        }
        guard m > 0 && n > 0 else { return }
        if k == 0 {
            for i in c.values.indices { c.values[i] *= beta }
            return
        }
        cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a.values, Int32(max(1, a.rows)),
                    b.values, Int32(max(1, b.rows)), beta, &c.values, Int32(max(1, c.rows)))
    }

    /// The product self·other.
    public func times(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = Matrix(rows: rows, columns: other.columns)
        try Matrix.gemm(self, other, into: &c)
        return c
    }

    /// selfᵀ·other, without forming the transpose.
    public func transposedTimes(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = Matrix(rows: columns, columns: other.columns)
        try Matrix.gemm(self, transposeA: true, other, into: &c)
        return c
    }

    /// The cross-product XᵀX by `cblas_dsyrk` (half the work of gemm), both triangles filled.
    public var gram: Matrix {
        let n = columns
        var c = Matrix(rows: n, columns: n)
        guard n > 0, rows > 0 else { return c }
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(rows), 1, values,
                    Int32(rows), 0, &c.values, Int32(n))
        for j in 0..<n { for i in (j + 1)..<n { c[i, j] = c[j, i] } }
        return c
    }
}

extension Matrix {
    /// One block of rows of the tall product A·Bᵀ: `c` (`rows.count` × `b.rows`, column-major with leading
    /// dimension `rows.count`) = A[rows, :]·Bᵀ, by `cblas_dgemm` on the block of A in place. For products
    /// too tall to hold at once, computed and used a block at a time so that the block stays in cache.
    public static func gemmRows(_ a: Matrix, _ rows: Range<Int>, timesTransposeOf b: Matrix, into c: UnsafeMutablePointer<Double>) {
        precondition(a.columns == b.columns && rows.lowerBound >= 0 && rows.upperBound <= a.rows)
        guard !rows.isEmpty, b.rows > 0 else { return }
        a.values.withUnsafeBufferPointer { av in
            b.values.withUnsafeBufferPointer { bv in
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(b.rows), Int32(a.columns), 1,
                            av.baseAddress! + rows.lowerBound, Int32(max(1, a.rows)), bv.baseAddress!, Int32(max(1, b.rows)),
                            0, c, Int32(rows.count))
            }
        }
    }
}
