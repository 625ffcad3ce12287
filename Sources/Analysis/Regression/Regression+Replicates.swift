import Foundation
import LinearAlgebra

extension Regression {
    /// The coefficients of each replicate (`[coefficient][replicate]`), the replicates fitted in
    /// parallel on every core; the first error stops the result.
    static func replicateCoefficients(_ design: SurveyDesign, count p: Int, kept: [Int],
                                      refit: @Sendable (SurveyDesign) throws -> (beta: [Double], kept: [Int], unscaled: Matrix)) throws -> [[Double]] {
        let replication = design.replication!
        let results = ReplicateResults(replicates: replication.count, coefficients: p)
        let workers = max(1, min(replication.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for r in stride(from: worker, to: replication.count, by: workers) {
                do {
                    let fit = try refit(design.replicate(r))
                    guard fit.kept == kept else { throw RegressionError.replicateAliasing(replicate: r + 1) }
                    results.store(r, fit.beta)
                } catch {
                    results.fail(r, error)
                }
            }
        }
        return try results.columns()
    }

    /// β̂ of weighted least squares by the normal equations, for a replicate refit: one `dsyrk` of
    /// [√w·X | √w·y] gives XᵀWX and XᵀWy together, solved by Cholesky. The full-sample fit keeps
    /// the QR (and its aliasing rule); a replicate only moves the weights, so its X is as well
    /// conditioned.
    static func normalEquations(_ x: Matrix, _ y: [Double], weights: [Double], kept: [Int]) throws -> [Double] {
        let n = x.rows, p = kept.count
        var augmented = [Double](repeating: 0, count: n * (p + 1))
        let roots = weights.map { $0.squareRoot() }
        for (k, j) in kept.enumerated() {
            let source = j * n, target = k * n
            for i in 0..<n { augmented[target + i] = x.values[source + i] * roots[i] }
        }
        for i in 0..<n { augmented[p * n + i] = y[i] * roots[i] }
        let gram = Matrix(rows: n, columns: p + 1, values: augmented).gram
        var a = Matrix(rows: p, columns: p)
        for r in 0..<p { for c in 0..<p { a[r, c] = gram[r, c] } }
        return try Cholesky(a).solve((0..<p).map { gram[$0, p] })
    }
}

/// The replicate coefficients gathered from the workers.
final class ReplicateResults: @unchecked Sendable {
    private var values: [[Double]]
    private var error: (replicate: Int, error: any Error)?
    private let lock = NSLock()

    init(replicates: Int, coefficients: Int) {
        values = [[Double]](repeating: [Double](repeating: .nan, count: replicates), count: coefficients)
    }

    func store(_ r: Int, _ beta: [Double]) {
        lock.lock(); defer { lock.unlock() }
        for (a, b) in beta.enumerated() { values[a][r] = b }
    }

    func fail(_ r: Int, _ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil || r < self.error!.replicate { self.error = (r, error) }
    }

    func columns() throws -> [[Double]] {
        if let error { throw error.error }
        return values
    }
}
