import Distributions
import Foundation
import LinearAlgebra

extension CrossTab {
    /// The eigenvalues of Δ = D⁻¹M (D symmetric positive definite, M symmetric): those of the
    /// symmetric D^{−½} M D^{−½}.
    static func eigenvalues(denominator: Matrix, numerator: Matrix) throws(AnalysisError) -> [Double] {
        do {
            let d = try SymmetricEigen(denominator)
            let k = denominator.rows
            var root = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in 0..<k {
                    var sum = 0.0
                    for j in 0..<k { sum += d.vectors[a, j] * d.vectors[b, j] / d.values[j].squareRoot() }
                    root[a, b] = sum
                }
            }
            return try SymmetricEigen(try root.times(numerator).times(root)).values.reversed()
        } catch {
            throw .singularTable
        }
    }
}

extension CrossTab.RaoScott {
    /// The denominator degrees of freedom of both exact p-values: d·ν.
    var denominatorDF: Double { df2 }

    /// P(Σ δ_i χ²_1 − (X²/ddf)·χ²_ddf > 0): Pearson's X² against its asymptotic exact distribution, a
    /// weighted sum of chi-squares with the denominator's uncertainty (R's `svychisq(statistic =
    /// "lincom")`, which integrates it with Davies's algorithm). Here by Imhof's inversion
    /// (*Biometrika* 48, 1961): ½ + (1/π)∫₀^∞ sin θ(u)/(u ρ(u)) du, θ = ½Σ h_j arctan(λ_j u),
    /// ρ = Π(1 + λ_j²u²)^{h_j/4}, integrated adaptively to 10⁻¹¹. As in R (whose `davies` takes whole
    /// degrees of freedom), the denominator's chi-square has ⌊d·ν⌋ of them.
    public var lincomP: Double {
        let lambda = eigenvalues + [-pearson / denominatorDF]
        let h = eigenvalues.map { _ in 1.0 } + [denominatorDF.rounded(.towardZero)]
        func integrand(_ u: Double) -> Double {
            guard u > 0 else { return 0.5 * zip(h, lambda).reduce(0) { $0 + $1.0 * $1.1 } }
            var theta = 0.0, logRho = 0.0
            for (l, hj) in zip(lambda, h) {
                theta += 0.5 * hj * atan(l * u)
                logRho += hj / 4 * log1p(l * l * u * u)
            }
            return sin(theta) / (u * exp(logRho))
        }
        // u = t/(1 − t) maps [0, 1) onto [0, ∞).
        let integral = Quadrature.adaptive(0, 1, tolerance: 1e-11) { t in
            guard t < 1 else { return 0 }
            let u = t / (1 - t)
            return integrand(u) / ((1 - t) * (1 - t))
        }
        return min(1, max(0, 0.5 + integral / Double.pi))
    }

    /// The same probability by the saddlepoint approximation (Kuonen, *Biometrika* 86, 1999; R's
    /// `svychisq(statistic = "saddlepoint")`), with R's conventions: the denominator term repeated ⌊d·ν⌋
    /// times, and the Satterthwaite F when the saddlepoint is too close to 0.
    public var saddlepointP: Double {
        var lambda = eigenvalues
        lambda += [Double](repeating: -pearson / denominatorDF, count: Int(denominatorDF))
        let scale = lambda.max()!
        lambda = lambda.map { $0 / scale }
        func k0(_ z: Double) -> Double { -lambda.reduce(0) { $0 + log(1 - 2 * z * $1) } / 2 }
        func k1(_ z: Double) -> Double { lambda.reduce(0) { $0 + $1 / (1 - 2 * z * $1) } }
        func k2(_ z: Double) -> Double { 2 * lambda.reduce(0) { $0 + $1 * $1 / ((1 - 2 * z * $1) * (1 - 2 * z * $1)) } }
        var low = lambda.filter { $0 < 0 }.map { 1 / (2 * $0) }.max()! * 0.99999
        var high = lambda.filter { $0 > 0 }.map { 1 / (2 * $0) }.min()! * 0.99999
        // K′ increases in ζ: bisection to the root of K′(ζ) = 0 (x = 0).
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if k1(mid) > 0 { high = mid } else { low = mid }
            if high - low <= 1e-15 * max(1, abs(mid)) { break }
        }
        let zeta = (low + high) / 2
        guard abs(zeta) >= 1e-4 else { return satterthwaiteP }
        let w = (zeta < 0 ? -1.0 : 1.0) * (2 * (-k0(zeta))).squareRoot()
        let v = zeta * k2(zeta).squareRoot()
        return Normal.upperTail(w + log(v / w) / w)
    }

    /// Satterthwaite's F for the same sum (R's fallback inside `pFsum`).
    var satterthwaiteP: Double {
        let mean = eigenvalues.reduce(0, +) / Double(eigenvalues.count)
        let ratio = eigenvalues.reduce(0) { $0 + $1 * $1 } / Double(eigenvalues.count) / (mean * mean)
        let ndf = Double(eigenvalues.count) / ratio
        return FisherF.upperTail(pearson / ndf / (mean * ratio), df1: ndf, df2: denominatorDF)
    }
}

/// Adaptive Gauss–Kronrod (7–15 points) integration of a smooth function on a finite interval.
enum Quadrature {
    static let nodes: [Double] = [0.991455371120812639, 0.949107912342758525, 0.864864423359769073, 0.741531185599394440,
                                  0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0]
    static let kronrod: [Double] = [0.022935322010529225, 0.063092092629978553, 0.104790010322250184, 0.140653259715525919,
                                    0.169004726639267903, 0.190350578064785410, 0.204432940075298892, 0.209482141084727828]
    static let gauss: [Double] = [0.129484966168869693, 0.279705391489276668, 0.381830050505118945, 0.417959183673469388]

    /// ∫_a^b f, splitting the interval with the largest error estimate (|K15 − G7|) until the total is
    /// below `tolerance` or 5,000 pieces.
    static func adaptive(_ a: Double, _ b: Double, tolerance: Double, _ f: (Double) -> Double) -> Double {
        func rule(_ a: Double, _ b: Double) -> (value: Double, error: Double) {
            let center = (a + b) / 2, half = (b - a) / 2
            var k = kronrod[7] * f(center), g = gauss[3] * f(center)
            for i in 0..<7 {
                let x = half * nodes[i]
                let sum = f(center - x) + f(center + x)
                k += kronrod[i] * sum
                if i % 2 == 1 { g += gauss[i / 2] * sum }
            }
            return (k * half, abs(k - g) * half)
        }
        var pieces = [(a: a, b: b, estimate: rule(a, b))]
        while pieces.count < 5_000 {
            let error = pieces.reduce(0) { $0 + $1.estimate.error }
            guard error > tolerance else { break }
            let worst = pieces.indices.max { pieces[$0].estimate.error < pieces[$1].estimate.error }!
            let piece = pieces.remove(at: worst), middle = (piece.a + piece.b) / 2
            pieces.append((piece.a, middle, rule(piece.a, middle)))
            pieces.append((middle, piece.b, rule(middle, piece.b)))
        }
        return pieces.reduce(0) { $0 + $1.estimate.value }
    }
}
