import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// PPS samples without replacement against R's survey 4.1 (Scripts/reference/pps.R →
/// Fixtures/r_pps.json): election_pps (40 counties, π from their votes), Brewer's and Overton's
/// approximations.
@Suite struct PPSTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_pps", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func list(_ v: Any?) -> [Double] { (v as? [Any]).map { $0.map { Reference.number($0) } } ?? [Reference.number(v)] }

    @Test("svydesign(id = ~1, fpc = ~p, pps = \"brewer\" | \"overton\"): totals, mean, ratio and totals by domain", arguments: PPSApproximation.allCases)
    func election(_ method: PPSApproximation) throws {
        let t = try DesignDefectTests.fixture("election_pps")
        let design = try SurveyDesign(table: t, strata: nil, cluster: nil, weights: nil, fpc: "p", pps: method)
        let o = Self.r[method.rawValue] as! [String: Any]
        func check(_ e: Estimate, _ key: String) {
            let f = o[key] as! [String: Any]
            expectClose(e.estimate, Self.list(f["estimate"])[0], rtol: 1e-12)
            expectClose(e.standardError, Self.list(f["se"])[0], rtol: 1e-10)
        }
        let all = Domain.all(t.rowCount)
        check(try design.total(t["Bush"]!.numbers!, in: all), "total_bush")
        check(try design.total(t["Kerry"]!.numbers!, in: all), "total_kerry")
        check(try design.mean(t["Bush"]!.numbers!, in: all), "mean_bush")
        check(try design.ratio(t["Bush"]!.numbers!, over: t["votes"]!.numbers!, in: all, denominator: "votes"), "ratio")
        let by = o["by_big"] as! [String: Any]
        for (i, group) in (by["group"] as! [String]).enumerated() {
            let e = try design.total(t["Bush"]!.numbers!, in: Reference.domain("big", group, table: t))
            expectClose(e.standardError, Self.list(by["se"])[i], rtol: 1e-10)
        }
    }

    @Test("by hand: three units, π = 0.2, 0.5, 0.8, totals z = 4, 2, 1")
    func byHand() throws {
        let z = [4.0, 2, 1], pi = [0.2, 0.5, 0.8]
        func design(_ m: PPSApproximation) throws -> SurveyDesign {
            try SurveyDesign(weights: [1, 1, 1], strata: nil, clusters: nil, fpc: pi, rowCount: 3, pps: m)
        }
        // Brewer: 3/2 · [0.8·(4 − 7/3)² + 0.5·(2 − 7/3)² + 0.2·(1 − 7/3)²] = 3/2 · (2.2222… + 0.0555… + 0.3555…) = 3.95
        expectClose(try design(.brewer).covariance([z])[0][0], 3.95, rtol: 1e-12)
        // Overton: Σ(1 − π)z² = 12.8 + 2 + 0.2 = 15; each pair twice, ((π_i + π_j)/2 − 1)/(n − 1) · z_i z_j:
        // (1,2): −0.325·8 = −2.6, (1,3): −0.25·4 = −1, (2,3): −0.175·2 = −0.35 → ×2 = −7.9; V = 7.1
        expectClose(try design(.overton).covariance([z])[0][0], 7.1, rtol: 1e-12)
        // The mean's influence sums to 0, so Overton = n/(n − 1) Σ(1 − π)z², which is Brewer's: R gives both the same mean SE.
        let centered = [-4.0 / 3, -1.0 / 3, 5.0 / 3]
        expectClose(try design(.overton).covariance([centered])[0][0], try design(.brewer).covariance([centered])[0][0], rtol: 1e-12)
    }
}
