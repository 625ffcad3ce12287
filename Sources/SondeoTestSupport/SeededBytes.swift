import Randomness

/// Reproducible random input for fuzz tests, from the product's own generator, so a failing input can
/// be rebuilt from its seed.
extension SplitMix64 {
    /// A uniform integer in 0..<n (0 when n ≤ 1).
    public mutating func below(_ n: Int) -> Int { n > 1 ? bounded(n) : 0 }

    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}
