import Sampling
import SondeoTestSupport
import Testing

/// Sample sizes against hand calculations (z = qnorm(0.975) = 1.959963984540054).
@Suite struct SampleSizeTests {
    static let z = 1.959963984540054

    @Test("N = 10,000, e = 0.05, 95 %, p = 0.5 gives n0 = 384.146 and n = 370 (the issue's example)")
    func issueExample() throws {
        let size = try SampleSize(target: .proportion(0.5), margin: 0.05, population: 10_000)
        // n0 = 1.959964² · 0.25 / 0.0025
        expectClose(size.n0, Self.z * Self.z * 0.25 / 0.0025, rtol: 1e-14)
        expectClose(size.n0, 384.146, rtol: 1e-5)
        // n = 384.1459 / (1 + 383.1459 / 10000) = 369.97…
        expectClose(size.nExact, size.n0 / (1 + (size.n0 - 1) / 10_000), rtol: 1e-14)
        #expect(size.n == 370)
        #expect(size.nFinal == 370)
    }

    @Test("deff and response rate: ⌈370 · 1.5 / 0.6⌉ = 925; N = 2,000 gives PracTools' 322.4")
    func deffAndResponse() throws {
        let size = try SampleSize(target: .proportion(0.5), margin: 0.05, population: 10_000, deff: 1.5, responseRate: 0.6)
        #expect(size.nFinal == 925)
        let small = try SampleSize(target: .proportion(0.5), margin: 0.05, population: 2_000)
        // PracTools nPropMoe(0.05, 0.5, N = 2000) = 322.4 (reference/analysis.md §3.1)
        #expect(abs(small.nExact - 322.4) < 0.05)
        #expect(small.n == 323)
        let infinite = try SampleSize(target: .proportion(0.5), margin: 0.05)
        #expect(infinite.n == 385)
        let census = try SampleSize(target: .proportion(0.2), margin: 0.05, population: 300, deff: 1.5, responseRate: 0.5)
        // n = ⌈245.86/(1 + 244.86/300)⌉ = 136 (samplingbook: 136), n_final = ⌈136·1.5/0.5⌉ = 408 > 300
        #expect(census.n == 136 && census.nFinal == 408 && census.isCensus)
    }

    @Test("a mean: s = 10, e = 1 gives n0 = z²·100")
    func mean() throws {
        let size = try SampleSize(target: .mean(standardDeviation: 10), margin: 1)
        expectClose(size.n0, Self.z * Self.z * 100, rtol: 1e-14)
        #expect(size.n == 385)
    }

    @Test("the inverse: 400 completes give e = z·√(0.25/400); with N = 10,000, n0 = 400·9999/9600")
    func achievedMargin() throws {
        expectClose(try AchievedMargin(n: 400, target: .proportion(0.5)).margin, Self.z * (0.25 / 400.0).squareRoot(), rtol: 1e-14)
        let finite = try AchievedMargin(n: 400, target: .proportion(0.5), population: 10_000)
        expectClose(finite.n0, 400.0 * 9_999 / 9_600, rtol: 1e-14)
        expectClose(finite.margin, Self.z * (0.25 / (400.0 * 9_999 / 9_600)).squareRoot(), rtol: 1e-14)
        // and it inverts SampleSize: the margin of ⌈n⌉ is at most the margin asked for
        let size = try SampleSize(target: .proportion(0.3), margin: 0.04, population: 5_000)
        #expect(try AchievedMargin(n: size.n, target: .proportion(0.3), population: 5_000).margin <= 0.04)
        #expect(try AchievedMargin(n: size.n - 1, target: .proportion(0.3), population: 5_000).margin > 0.04)
    }

    @Test("NPS: σ² = p + d − (p − d)²; ±5 points needs 1,537 in the worst case and 938 with p = 0.5, d = 0.2")
    func nps() throws {
        // z²·1/0.05² = 1536.58 → 1537; z²·(0.7 − 0.09)/0.05² = 937.3 → 938 (reference/analysis.md §4.2)
        #expect(try SampleSize(target: .netPromoter(promoters: 0.5, detractors: 0.5), margin: 0.05).n == 1_537)
        let typical = try SampleSize(target: .netPromoter(promoters: 0.5, detractors: 0.2), margin: 0.05)
        expectClose(typical.n0, Self.z * Self.z * 0.61 / 0.0025, rtol: 1e-14)
        #expect(typical.n == 938)
        #expect(throws: SamplingError.self) { try SampleSize(target: .netPromoter(promoters: 0.7, detractors: 0.5), margin: 0.05) }
    }

    @Test("bad input is refused", arguments: [
        (0.0, 0.95, 0.5, "SAMPLE-001"), (1.0, 0.95, 0.5, "SAMPLE-001"), (0.05, 1.0, 0.5, "SAMPLE-002"),
        (0.05, 0.0, 0.5, "SAMPLE-002"), (0.05, 0.95, 1.2, "SAMPLE-003"), (0.05, 0.95, -0.1, "SAMPLE-003"),
    ])
    func badInput(margin: Double, confidence: Double, p: Double, code: String) {
        do {
            _ = try SampleSize(target: .proportion(p), margin: margin, confidence: confidence)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }
}
