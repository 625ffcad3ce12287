import LinearAlgebra
import Randomness

/// The mean silhouette of a clustering (Rousseeuw, *J. Comput. Appl. Math.* 20, 1987): for each row,
/// s = (b − a)/max(a, b), with a its mean distance to its own cluster and b the smallest mean distance
/// to another cluster; computed on a seeded sample of at most `sampleSize` rows, with the pairwise
/// distances by BLAS.
public enum Silhouette {
    public static func mean(data: ClusterData, assignments: [Int], k: Int, sampleSize: Int = 10_000, seed: UInt64 = 1) -> Double {
        var generator = SplitMix64(seed: seed)
        let rows = data.rows <= sampleSize ? Array(0..<data.rows)
            : SeededSelection.draw(sampleSize, from: data.rows, using: &generator).sorted()
        let m = rows.count, p = data.columns.count
        guard m > 1, k > 1 else { return .nan }
        let sample = Matrix(rows: m, columns: p, values: (0..<p).flatMap { j in rows.map { data.values[$0 + j * data.rows] } })
        let norms = rows.indices.map { i in (0..<p).reduce(0.0) { $0 + sample[i, $1] * sample[i, $1] } }
        let clusters = rows.map { assignments[$0] }
        var clusterSizes = [Int](repeating: 0, count: k)
        for c in clusters { clusterSizes[c] += 1 }
        var total = 0.0
        let block = 1_000
        var start = 0
        while start < m {
            let end = min(m, start + block)
            let part = Matrix(rows: end - start, columns: p, values: (0..<p).flatMap { j in (start..<end).map { sample[$0, j] } })
            var products = Matrix(rows: end - start, columns: m)
            try? Matrix.gemm(part, sample, transposeB: true, into: &products)
            for i in start..<end {
                var sums = [Double](repeating: 0, count: k)
                for j in 0..<m where j != i {
                    let d2 = norms[i] - 2 * products[i - start, j] + norms[j]
                    sums[clusters[j]] += max(0, d2).squareRoot()
                }
                let own = clusters[i]
                guard clusterSizes[own] > 1 else { continue }   // s = 0 for a singleton
                let a = sums[own] / Double(clusterSizes[own] - 1)
                var b = Double.infinity
                for c in 0..<k where c != own && clusterSizes[c] > 0 { b = min(b, sums[c] / Double(clusterSizes[c])) }
                total += (b - a) / max(a, b)
            }
            start = end
        }
        return total / Double(m)
    }
}
