import Randomness

import Sampling
import Testing

@Suite struct RandomTests {
    @Test("SplitMix64 with seed 1234567 (DESIGN.md's check values)")
    func splitMix() {
        var g = SplitMix64(seed: 1234567)
        #expect(g.next() == 6_457_827_717_110_365_317)
        #expect(g.next() == 3_203_168_211_198_807_973)
    }

    @Test("3 of C1…C10 sorted as bytes with seed 42 are C7, C2, C4 (DESIGN.md)")
    func partialFisherYates() {
        let labels = (1...10).map { "C\($0)" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var g = SplitMix64(seed: 42)
        #expect(SeededSelection.draw(3, from: 10, using: &g).map { labels[$0] } == ["C7", "C2", "C4"])
    }

    @Test("Lemire's bounded integers stay in range and cover it")
    func bounded() {
        var g = SplitMix64(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let x = g.bounded(7)
            #expect((0..<7).contains(x))
            seen.insert(x)
        }
        #expect(seen.count == 7)
    }
}
