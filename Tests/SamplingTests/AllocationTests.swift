import Sampling
import SondeoTestSupport
import Testing

/// Allocations worked by hand (the arithmetic is in the comments).
@Suite struct AllocationTests {
    static let strata = [
        Stratum(name: "A", size: 1_000, standardDeviation: 10, cost: 1),
        Stratum(name: "B", size: 2_000, standardDeviation: 20, cost: 4),
        Stratum(name: "C", size: 3_000, standardDeviation: 5, cost: 1),
    ]

    @Test("Neyman: n_h ∝ N_h·S_h = 10,000 : 40,000 : 15,000 → 15.38, 61.54, 23.08 → 15, 62, 23")
    func neyman() throws {
        let a = try Allocation(strata: Self.strata, total: 100, method: .neyman)
        #expect(a.strata.map(\.size) == [15, 62, 23])
        expectClose(a.strata.map(\.exact), [100.0 * 10_000 / 65_000, 100.0 * 40_000 / 65_000, 100.0 * 15_000 / 65_000], rtol: 1e-14)
    }

    @Test("optimal: n_h ∝ N_h·S_h/√c_h = 10,000 : 20,000 : 15,000 → 22.2, 44.4, 33.3 → 22, 45, 33")
    func optimal() throws {
        let a = try Allocation(strata: Self.strata, total: 100, method: .optimal)
        #expect(a.strata.map(\.size) == [22, 45, 33])
    }

    @Test("proportional and equal; the total is always exact")
    func proportionalAndEqual() throws {
        // 1,000 : 2,000 : 3,000 of 101 → 16.83, 33.67, 50.5; floors 16 + 33 + 50 = 99, and the two missing
        // units go to the largest remainders, A (.83) and B (.67) → 17, 34, 50
        // equal: 33.33 each; floors 99, the one missing unit goes to the first stratum on the tie → 34, 33, 33
        #expect(try Allocation(strata: Self.strata, total: 101, method: .proportional).strata.map(\.size) == [17, 34, 50])
        #expect(try Allocation(strata: Self.strata, total: 100, method: .equal).strata.map(\.size) == [34, 33, 33])
    }

    @Test("take-all: a stratum that would get more than N_h gets N_h and the rest is shared again")
    func takeAll() throws {
        let strata = [Stratum(name: "grande", size: 10_000, standardDeviation: 1), Stratum(name: "chico", size: 20, standardDeviation: 100)]
        // Neyman: 10,000 : 2,000 of 120 → 100, 20 … chico gets 20 = N_h exactly; with 300: 250, 50 > 20 → chico 20, grande 280
        let a = try Allocation(strata: strata, total: 300, method: .neyman)
        #expect(a.strata.map(\.size) == [280, 20])
        #expect(a.strata.map(\.exact) == [280, 20])
    }

    @Test("minimum per stratum, and the cases that cannot be met")
    func minimum() throws {
        let strata = [Stratum(name: "A", size: 5_000), Stratum(name: "B", size: 100), Stratum(name: "C", size: 3)]
        // proportional 60 of 5,103: 58.8, 1.18, 0.04; minimum 5 → C takes all 3, B 5, A 52
        #expect(try Allocation(strata: strata, total: 60, method: .proportional, minimumPerStratum: 5).strata.map(\.size) == [52, 5, 3])
        #expect(throws: SamplingError.totalTooSmall(total: 10, minimum: 13)) {
            try Allocation(strata: strata, total: 10, method: .proportional, minimumPerStratum: 5)
        }
        #expect(throws: SamplingError.totalTooLarge(total: 6_000, population: 5_103)) {
            try Allocation(strata: strata, total: 6_000, method: .proportional)
        }
        #expect(throws: SamplingError.missingValue(option: "--sd / --sd-of", stratum: "A")) {
            try Allocation(strata: strata, total: 10, method: .neyman)
        }
        #expect(throws: SamplingError.missingValue(option: "--cost", stratum: "A")) {
            try Allocation(strata: [Stratum(name: "A", size: 10, standardDeviation: 1)], total: 5, method: .optimal)
        }
        #expect(throws: SamplingError.emptyStratum("Z")) {
            try Allocation(strata: [Stratum(name: "Z", size: 0)], total: 1, method: .proportional)
        }
    }

    @Test("--margin finds the smallest total; it agrees with Cochran's closed form for Neyman")
    func marginSearch() throws {
        let precision = try StratifiedPrecision(strata: Self.strata)
        let e = 0.8
        let a = try precision.smallestTotal(for: e, strata: Self.strata, method: .neyman, minimumPerStratum: 0)
        #expect(precision.margin(of: a) <= e)
        let smaller = try Allocation(strata: Self.strata, total: a.total - 1, method: .neyman)
        #expect(precision.margin(of: smaller) > e)
        // Cochran eq. 5.26: n = (ΣW_hS_h)² / (V + ΣW_hS_h²/N), V = (e/z)², W = 1/6, 2/6, 3/6
        let z = 1.959963984540054, v = (e / z) * (e / z)
        let sumWS: Double = (10_000 + 40_000 + 15_000) / 6_000.0           // Σ N_h S_h / N
        let sumWS2: Double = (100_000 + 800_000 + 75_000) / 6_000.0        // Σ N_h S_h² / N
        let closed = sumWS * sumWS / (v + sumWS2 / 6_000)
        #expect(abs(Double(a.total) - closed) <= 2)
    }
}
