/// The random generator of every draw in Sondeo: SplitMix64 (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014). Ours, not the standard library's, so that a seed
/// gives the same sample on any machine and any Swift version.
///
/// ```swift
/// var g = SplitMix64(seed: 1234567)
/// g.next()   // 6457827717110365317
/// g.next()   // 3203168211198807973
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-and-reject method (Lemire, "Fast random
    /// integer generation in an interval", ACM TOMACS 2019): the high word of `next() × bound`, with
    /// the few biased low words rejected.
    public mutating func bounded(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

/// Seeded selection without replacement.
public enum SeededSelection {
    /// Names the algorithm; printed and stored with each draw. Change it whenever a change to the
    /// code would change which units a seed selects.
    public static let algorithm = "splitmix64+lemire+fisher-yates/1"

    /// The first `count` positions of a partial Fisher–Yates shuffle of 0..<population (Durstenfeld
    /// 1964; Knuth, TAOCP vol. 2, Algorithm P stopped after `count` steps): step i swaps position i
    /// with a uniform position in i..<population. The order is the draw order.
    ///
    /// With seed 42, 3 of the 10 labels `C1`…`C10` sorted as bytes (C1, C10, C2, …) are C7, C2, C4.
    public static func draw(_ count: Int, from population: Int, using generator: inout SplitMix64) -> [Int] {
        precondition(count >= 0 && count <= population, "cannot draw \(count) of \(population)")
        var positions = Array(0..<population)
        for i in 0..<count {
            let j = i + generator.bounded(population - i)
            positions.swapAt(i, j)
        }
        return Array(positions[0..<count])
    }
}
