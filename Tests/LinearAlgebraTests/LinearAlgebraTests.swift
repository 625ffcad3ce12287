import LinearAlgebra
import SondeoTestSupport
import Testing

/// BLAS and LAPACK through `LinearAlgebra`, against hand calculations and R's `lm`.
@Suite struct LinearAlgebraTests {
    /// R's `cars` data set (McNeil 1977): stopping distance against speed.
    static let speed: [Double] = [4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14,
                                  15, 15, 15, 16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22,
                                  23, 24, 24, 24, 24, 25]
    static let dist: [Double] = [2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60,
                                 80, 20, 26, 54, 32, 40, 32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66,
                                 54, 70, 92, 93, 120, 85]

    @Test("cblas_dgemm: a 2×3 by 3×2 product worked by hand")
    func gemm() throws {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])
        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12] = [58, 64; 139, 154]
        #expect(try a.times(b) == Matrix(rowMajor: [[58, 64], [139, 154]]))
        // AᵀA = [17, 22, 27; 22, 29, 36; 27, 36, 45]
        let ata = Matrix(rowMajor: [[17, 22, 27], [22, 29, 36], [27, 36, 45]])
        #expect(try a.transposedTimes(a) == ata)
        #expect(a.gram == ata)
    }

    @Test("a block of rows of A·Bᵀ, worked by hand")
    func gemmRows() {
        let a = Matrix(rowMajor: [[1, 2], [3, 4], [5, 6], [7, 8]])
        let b = Matrix(rowMajor: [[1, 0], [1, 1], [0, 2]])   // Bᵀ columns: (1,0), (1,1), (0,2)
        // Rows 1 and 2 of A: (3,4) → [3, 7, 8]; (5,6) → [5, 11, 12]. Column-major, leading dimension 2.
        var c = [Double](repeating: -1, count: 6)
        c.withUnsafeMutableBufferPointer { Matrix.gemmRows(a, 1..<3, timesTransposeOf: b, into: $0.baseAddress!) }
        #expect(c == [3, 5, 7, 11, 8, 12])
    }

    @Test("QR least squares reproduces R: lm(dist ~ speed, data = cars)")
    func leastSquaresCars() throws {
        let n = Self.speed.count
        let x = Matrix(rows: n, columns: 2, values: [Double](repeating: 1, count: n) + Self.speed)
        let fit = try LeastSquares(x: x, y: Self.dist)
        // coef(lm(dist ~ speed, cars)), printed with sprintf("%.17g")
        expectClose(fit.coefficients, [-17.579094890510952, 3.9324087591240877], rtol: 1e-13)
        // sum(resid(lm(dist ~ speed, cars))^2)
        expectClose(fit.residualSumOfSquares, 11353.521051094891, rtol: 1e-13)
        // summary(lm(dist ~ speed, cars))$coefficients[, 2]: sqrt(diag((XᵀX)⁻¹)·σ̂²), σ̂² = RSS/(n − 2)
        let sigma2 = fit.residualSumOfSquares / Double(n - 2)
        let covariance = try fit.unscaledCovariance()
        expectClose(covariance.diagonal.map { ($0 * sigma2).squareRoot() }, [6.7584401693792353, 0.41551277665712227], rtol: 1e-12)
    }

    @Test("the 3-point line y = 2/3 + x/2 (RSS 1/6), worked by hand")
    func leastSquaresSmall() throws {
        let fit = try LeastSquares(x: Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]]), y: [1, 2, 2])
        expectClose(fit.coefficients, [2.0 / 3.0, 0.5], rtol: 1e-14)
        expectClose(fit.residualSumOfSquares, 1.0 / 6.0, rtol: 1e-13)
        // (XᵀX)⁻¹ = [3, 6; 6, 14]⁻¹ = [14, −6; −6, 3] / 6
        expectClose(try fit.unscaledCovariance().values, [14.0 / 6, -1, -1, 0.5], rtol: 1e-13)
    }

    @Test("Cholesky solve and inverse of [4, 2; 2, 3]")
    func cholesky() throws {
        let a = Matrix(rowMajor: [[4, 2], [2, 3]])
        let chol = try Cholesky(a)
        // U = [2, 1; 0, √2]
        expectClose(chol.factor.values, [2, 0, 1, 2.0.squareRoot()], rtol: 1e-15)
        // A x = [2, 1] → x = [0.5, 0]; A⁻¹ = [3, −2; −2, 4] / 8
        expectClose(try chol.solve([2, 1]), [0.5, 0], rtol: 1e-15, atol: 1e-15)
        expectClose(try chol.inverse().values, [0.375, -0.25, -0.25, 0.5], rtol: 1e-15)
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", leadingMinor: 2)) {
            try Cholesky(Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
    }

    @Test("triangular solve and the eigenvalues of XᵀX = [3, 6; 6, 14]")
    func triangularAndEigen() throws {
        var b: [Double] = [5, 6]
        try Triangular.solve(upper: Matrix(rowMajor: [[2, 1], [0, 3]]), &b)
        expectClose(b, [1.5, 2], rtol: 1e-15)
        // λ = (17 ± √(17² − 4·6)) / 2 = (17 ± √265) / 2
        let eigen = try SymmetricEigen(Matrix(rowMajor: [[3, 6], [6, 14]]))
        expectClose(eigen.values, [(17 - 265.0.squareRoot()) / 2, (17 + 265.0.squareRoot()) / 2], rtol: 1e-13)
        #expect(throws: LinearAlgebraError.self) { try Triangular.inverse(upper: Matrix(rowMajor: [[1, 1], [0, 0]])) }
    }
}
