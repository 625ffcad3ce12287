import Dispatch
import Foundation
import LinearAlgebra
import Randomness

/// k-means (Lloyd's algorithm) with k-means++ seeding and several restarts, the run with the smallest
/// inertia kept (Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007;
/// the stopping rule of scikit-learn's KMeans: the centres move, in total, less than `tolerance` times
/// the mean variance of the columns).
///
/// Squared distances come from matrix products, ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², with X·Cᵀ by BLAS
/// `dgemm` on blocks of ``blockRows`` rows: each block's products stay in cache and are used at once,
/// instead of an n × k matrix written and read back at every iteration.
public struct KMeans: Sendable {
    public let k: Int
    /// Within-cluster sum of squared distances, in the space clustered.
    public let inertia: Double
    /// k × p centres, in the space clustered.
    public let centers: [[Double]]
    public let sizes: [Int]
    /// Cluster of each row (0-based).
    public let assignments: [Int]
    /// Iterations of the kept run.
    public let iterations: Int
    public let restarts: Int

    /// `restartDone`: called (from any thread) with how many restarts have finished, for a progress display.
    public init(data: ClusterData, k: Int, restarts: Int = 10, seed: UInt64 = 1, maxIterations: Int = 300,
                tolerance: Double = 1e-4, restartDone: (@Sendable (Int) -> Void)? = nil) throws(SegmentationError) {
        guard k >= 1 else { throw .badK(String(k)) }
        guard data.rows >= k else { throw .tooFewRows(rows: data.rows, k: k) }
        let x = Matrix(rows: data.rows, columns: data.columns.count, values: data.values)
        let p = x.columns, n = x.rows
        var norms = [Double](repeating: 0, count: n)
        for j in 0..<p { for i in 0..<n { norms[i] += x.values[i + j * n] * x.values[i + j * n] } }
        let squaredNorms = norms
        // scikit-learn: tol × mean of the columns' variances.
        var meanVariance = 0.0
        for j in 0..<p {
            let column = x.values[(j * n)..<((j + 1) * n)]
            let mean = column.reduce(0, +) / Double(n)
            meanVariance += column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        }
        let threshold = tolerance * meanVariance / Double(p)
        // Restarts run on all cores; restart r seeds its own generator, and the best run is chosen by
        // (inertia, r), so the result does not depend on how the work was scheduled.
        let results = RunResults(count: max(1, restarts))
        let workers = max(1, min(results.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // One block of X·Cᵀ, reused by every iteration of this worker.
            let products = UnsafeMutablePointer<Double>.allocate(capacity: KMeans.blockRows * k)
            defer { products.deallocate() }
            for restart in stride(from: worker, to: results.count, by: workers) {
                var generator = SplitMix64(seed: seed &+ UInt64(restart) &* 0x9E37_79B9_7F4A_7C15)
                var centers = KMeans.seed(x, norms: squaredNorms, k: k, using: &generator)
                var assignments = [Int](repeating: -1, count: n)
                var iterations = 0
                while iterations < maxIterations {
                    iterations += 1
                    var sums = [Double](repeating: 0, count: k * p), counts = [Int](repeating: 0, count: k)
                    _ = KMeans.assign(x, norms: squaredNorms, centers: centers, products: products, into: &assignments,
                                      sums: &sums, counts: &counts)
                    // The means of the new groups; an empty group keeps its centre.
                    let updated = (0..<k).map { c in counts[c] == 0 ? centers[c] : (0..<p).map { sums[c * p + $0] / Double(counts[c]) } }
                    var shift = 0.0
                    for c in 0..<k { for j in 0..<p { shift += (updated[c][j] - centers[c][j]) * (updated[c][j] - centers[c][j]) } }
                    centers = updated
                    if shift <= threshold { break }
                }
                var sums = [Double](repeating: 0, count: k * p), counts = [Int](repeating: 0, count: k)
                let inertia = KMeans.assign(x, norms: squaredNorms, centers: centers, products: products, into: &assignments,
                                            sums: &sums, counts: &counts)
                let finished = results.store(restart, Run(inertia: inertia, centers: centers, assignments: assignments, iterations: iterations))
                restartDone?(finished)
            }
        }
        let best = results.best()
        self.k = k
        inertia = best.inertia
        centers = best.centers
        assignments = best.assignments
        iterations = best.iterations
        self.restarts = max(1, restarts)
        var sizes = [Int](repeating: 0, count: k)
        for a in assignments { sizes[a] += 1 }
        self.sizes = sizes
    }

    struct Run: Sendable {
        var inertia: Double
        var centers: [[Double]]
        var assignments: [Int]
        var iterations: Int
    }

    /// The runs of the restarts, filled from several threads.
    final class RunResults: @unchecked Sendable {
        private var runs: [Run?]
        private let lock = NSLock()

        init(count: Int) { runs = [Run?](repeating: nil, count: count) }

        var count: Int { runs.count }

        /// Keeps a run; how many are kept now.
        @discardableResult
        func store(_ index: Int, _ run: Run) -> Int {
            lock.lock()
            defer { lock.unlock() }
            runs[index] = run
            return runs.count { $0 != nil }
        }

        /// The smallest inertia; the earliest restart on ties.
        func best() -> Run {
            runs.compactMap { $0 }.enumerated().min { ($0.element.inertia, $0.offset) < ($1.element.inertia, $1.offset) }!.element
        }
    }

    /// Greedy k-means++ (the seeding of scikit-learn): the first centre uniformly; then, 2 + ⌊ln k⌋
    /// times, a candidate drawn with probability proportional to the squared distance to the nearest
    /// centre so far, keeping the candidate that lowers the total of those distances most.
    static func seed(_ x: Matrix, norms: [Double], k: Int, using generator: inout SplitMix64) -> [[Double]] {
        let n = x.rows, p = x.columns
        let trials = 2 + Int(log(Double(k)))
        func point(_ i: Int) -> [Double] { (0..<p).map { x.values[i + $0 * n] } }
        /// The nearest squared distances once `c` is a centre too.
        func distances(to c: [Double], _ nearest: [Double], into result: inout [Double]) -> Double {
            var total = 0.0
            x.values.withUnsafeBufferPointer { values in
                for i in 0..<n {
                    var d = 0.0
                    for j in 0..<p { let diff = values[i + j * n] - c[j]; d += diff * diff }
                    result[i] = min(nearest[i], d)
                    total += result[i]
                }
            }
            return total
        }
        func draw(_ nearest: [Double], total: Double) -> Int {
            var target = generator.unit() * total
            for i in 0..<n {
                target -= nearest[i]
                if target < 0 { return i }
            }
            return n - 1
        }
        var centers = [point(generator.bounded(n))]
        var nearest = [Double](repeating: .infinity, count: n)
        var total = distances(to: centers[0], nearest, into: &nearest)
        var candidate = [Double](repeating: 0, count: n), best = [Double](repeating: 0, count: n)
        while centers.count < k {
            guard total > 0 else { centers.append(point(generator.bounded(n))); continue }
            var bestTotal = Double.infinity, bestPoint = 0
            for _ in 0..<trials {
                let chosen = draw(nearest, total: total)
                let candidateTotal = distances(to: point(chosen), nearest, into: &candidate)
                if candidateTotal < bestTotal {
                    bestTotal = candidateTotal
                    bestPoint = chosen
                    swap(&best, &candidate)
                }
            }
            centers.append(point(bestPoint))
            swap(&nearest, &best)
            total = bestTotal
        }
        return centers
    }

    /// Rows per block of X·Cᵀ: 2048 × k doubles stay in the second-level cache for k up to 16 or so.
    static let blockRows = 2048

    /// Assigns each row to its nearest centre, adding the row to its group's sums and count (for the
    /// next centres) in the same pass; returns the inertia. `products` holds ``blockRows`` × k doubles.
    static func assign(_ x: Matrix, norms: [Double], centers: [[Double]], products: UnsafeMutablePointer<Double>,
                       into assignments: inout [Int], sums: inout [Double], counts: inout [Int]) -> Double {
        let n = x.rows, p = x.columns, k = centers.count
        let c = Matrix(rows: k, columns: p, values: (0..<p).flatMap { j in centers.map { $0[j] } })
        let centerNorms = centers.map { $0.reduce(0) { $0 + $1 * $1 } }
        return x.values.withUnsafeBufferPointer { values in
            assignments.withUnsafeMutableBufferPointer { assignments in
                sums.withUnsafeMutableBufferPointer { sums in
                    counts.withUnsafeMutableBufferPointer { counts in
                        var inertia = 0.0
                        for start in stride(from: 0, to: n, by: blockRows) {
                            let end = min(n, start + blockRows), m = end - start
                            Matrix.gemmRows(x, start..<end, timesTransposeOf: c, into: products)   // m × k
                            for b in 0..<m {
                                let i = start + b
                                var bestDistance = Double.infinity, bestCluster = 0
                                for j in 0..<k {
                                    let d = norms[i] - 2 * products[b + j * m] + centerNorms[j]
                                    if d < bestDistance { bestDistance = d; bestCluster = j }
                                }
                                assignments[i] = bestCluster
                                counts[bestCluster] += 1
                                for j in 0..<p { sums[bestCluster * p + j] += values[i + j * n] }
                                inertia += max(0, bestDistance)
                            }
                        }
                        return inertia
                    }
                }
            }
        }
    }
}
