import CLapack

/// Ordinary least squares by Householder QR (LAPACK `dgeqrf`, `dormqr`, `dtrtrs`), the method of R's
/// `lm` (which calls LINPACK's dqrdc2): β̂ solves R·β = Qᵀy, the residual sum of squares is the squared
/// norm of the last n − p entries of Qᵀy, and (XᵀX)⁻¹ = R⁻¹R⁻ᵀ gives the standard errors
/// (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.3).
///
/// ```swift
/// let fit = try LeastSquares(x: Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]]), y: [1, 2, 2])
/// fit.coefficients          // [0.6667, 0.5]
/// fit.residualSumOfSquares  // 0.1667
/// ```
public struct LeastSquares: Sendable {
    public let coefficients: [Double]
    public let residualSumOfSquares: Double
    /// The upper-triangular factor R (p×p) of X = QR.
    public let r: Matrix
    public let observations: Int

    public init(x: Matrix, y: [Double]) throws(LinearAlgebraError) {
        try self.init(Self.factor(x: x, y: y))
    }

    /// Solves R·β = Qᵀy of a factorisation.
    init(_ f: Factored) throws(LinearAlgebraError) {
        var beta = Array(f.qty[0..<f.r.rows])
        try Triangular.solve(upper: f.r, &beta)
        coefficients = beta
        residualSumOfSquares = f.qty[f.r.rows...].reduce(0) { $0 + $1 * $1 }
        r = f.r
        observations = f.qty.count
    }

    /// The R factor and Qᵀy of X = QR.
    struct Factored {
        var r: Matrix
        var qty: [Double]
    }

    static func factor(x: Matrix, y: [Double]) throws(LinearAlgebraError) -> Factored {
        let n = x.rows, p = x.columns
        guard y.count == n else { throw .dimensionMismatch("X has \(n) rows, y has \(y.count) values") }
        guard n >= p, p > 0 else { throw .dimensionMismatch("least squares needs n ≥ p > 0 (n = \(n), p = \(p))") }
        var a = x.values
        var tau = [Double](repeating: 0, count: p)
        var m32 = Int32(n), n32 = Int32(p), lda = Int32(n), info: Int32 = 0
        var query = 0.0, lwork: Int32 = -1
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
        try LAPACKCall.check(info, routine: "dgeqrf") { .singular(routine: "dgeqrf", index: $0) }

        // Qᵀy
        var qty = y
        var side = Int8(UInt8(ascii: "L")), trans = Int8(UInt8(ascii: "T"))
        var ncol: Int32 = 1, k = Int32(p), ldc = Int32(n)
        lwork = -1
        dormqr_(&side, &trans, &m32, &ncol, &k, a, &lda, tau, &qty, &ldc, &query, &lwork, &info, 1, 1)
        lwork = Int32(query)
        work = [Double](repeating: 0, count: Int(max(1, lwork)))
        dormqr_(&side, &trans, &m32, &ncol, &k, a, &lda, tau, &qty, &ldc, &work, &lwork, &info, 1, 1)
        try LAPACKCall.check(info, routine: "dormqr") { .singular(routine: "dormqr", index: $0) }

        var r = Matrix(rows: p, columns: p)
        for j in 0..<p { for i in 0...j { r[i, j] = a[i + j * n] } }
        return Factored(r: r, qty: qty)
    }

    /// (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, the unscaled covariance of the coefficients (multiply by σ̂² for OLS).
    public func unscaledCovariance() throws(LinearAlgebraError) -> Matrix {
        let rInverse = try Triangular.inverse(upper: r)
        var c = Matrix(rows: r.rows, columns: r.rows)
        try Matrix.gemm(rInverse, rInverse, transposeB: true, into: &c)
        return c
    }
}

extension LeastSquares {
    /// Least squares with R's rule for aliased (linearly dependent) columns, that of `lm` and `glm`
    /// (LINPACK `dqrdc2` with `tol = 1e-7`): a column is aliased when the norm of what is left of it
    /// after removing its projection on the kept columns before it, |R_jj|, is below `tolerance` times
    /// its own norm. Aliased columns are left out and the fit uses the others; `kept` lists the
    /// columns used, in order. One factorisation when no column is aliased.
    public static func droppingAliased(x: Matrix, y: [Double], tolerance: Double = 1e-7) throws(LinearAlgebraError) -> (fit: LeastSquares, kept: [Int]) {
        var kept = Array(0..<x.columns)
        var current = x
        let norms = (0..<x.columns).map { j in
            x.values[(j * x.rows)..<((j + 1) * x.rows)].reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        while true {
            guard !kept.isEmpty else { throw .dimensionMismatch("every column is zero") }
            let factored = try factor(x: current, y: y)
            guard let aliased = kept.indices.first(where: { abs(factored.r[$0, $0]) < tolerance * norms[kept[$0]] || norms[kept[$0]] == 0 }) else {
                return (try LeastSquares(factored), kept)
            }
            kept.remove(at: aliased)
            current.values.removeSubrange((aliased * x.rows)..<((aliased + 1) * x.rows))
            current = Matrix(rows: x.rows, columns: kept.count, values: current.values)
        }
    }
}
