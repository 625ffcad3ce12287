import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Every quantile rule and interval type against R's svyquantile (Scripts/reference/quantiles.R →
/// Fixtures/r_quantiles.json): apiclus1's api00 at p = 0.1, 0.25, 0.5, 0.9, and ten unequally
/// weighted answers.
@Suite struct QuantileRuleTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_quantiles", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    @Test("12 rules × 5 interval types (mean, beta, xlogit, asin, score) on apiclus1: quantile, interval and SE as R")
    func apiclus1() throws {
        let (t, design) = try DesignDefectTests.apiclus1()
        let y = t["api00"]!.numbers!
        for case let item as [String: Any] in Self.r["apiclus1"] as! [Any] {
            let rule = QuantileRule(rawValue: item["rule"] as! String)!, interval = QuantileInterval(rawValue: item["interval"] as! String)!
            for (i, p) in Reference.numbers(item["p"]).enumerated() {
                let e = try design.quantile(y, probability: p, in: .all(t.rowCount), rule: rule, interval: interval)
                let what: Comment = "\(rule) \(interval) p = \(p)"
                // R writes NaN (an interval end beyond 0 or 1) as null.
                func figure(_ key: String) -> Double { ((item[key] as! [Any])[i] as? NSNumber)?.doubleValue ?? .nan }
                for (actual, expected) in [(e.estimate, figure("quantile")), (e.lower, figure("lower")), (e.upper, figure("upper")),
                                           (e.standardError, figure("se"))] {
                    if expected.isNaN { #expect(actual.isNaN, what) } else { expectClose(actual, expected, rtol: 1e-9, what) }
                }
            }
        }
    }

    @Test("the rules on ten weighted answers (y 3 1 4 1 5 9 2 6 5 3, w 1 2 1 3 1 1 2 1 2 1)")
    func small() throws {
        let o = Self.r["small"] as! [String: Any]
        let y = Reference.numbers(o["y"]), w = Reference.numbers(o["w"])
        let order = y.indices.sorted { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
        let expected = o["quantile"] as! [String: Any]
        for rule in QuantileRule.allCases {
            let values = Reference.numbers(o["p"]).map { rule.quantile(order.map { y[$0] }, order.map { w[$0] }, $0) }
            expectClose(values, Reference.numbers(expected[rule.rawValue]), rtol: 1e-12)
        }
        // By hand, sorted: y 1 1 2 3 3 4 5 5 6 9, w 2 3 2 1 1 1 1 2 1 1, cumulative 2 5 7 8 9 10 11 13 14 15 (W = 15).
        // math at p = 0.5: 7.5 passes 7 (y = 2) → the next value, 3. hf7 at 0.25: positions c_{k−1}/c_{n−1} = 0, 2/14, 5/14, 7/14 …;
        // 0.25 lies between 2/14 (y = 1) and 5/14 (y = 2): 1 + (0.25 − 1/7)/(3/14) = 1.5.
        #expect(QuantileRule.math.quantile(order.map { y[$0] }, order.map { w[$0] }, 0.5) == 3)
        expectClose(QuantileRule.hf7.quantile(order.map { y[$0] }, order.map { w[$0] }, 0.25), 1.5, rtol: 1e-12)
    }
}
