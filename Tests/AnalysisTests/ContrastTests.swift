import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Contrasts of estimates against R's `svycontrast` on `svyby(…, covmat = TRUE)`
/// (Scripts/reference/contrasts.R → Fixtures/r_contrasts.json), and the expression language.
@Suite struct ContrastTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_contrasts", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func expectR(_ contrast: Contrast, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let o = r[key] as! [String: Any]
        expectClose(contrast.estimate, Reference.number(o["estimate"]), rtol: 1e-10, sourceLocation: sourceLocation)
        expectClose(contrast.standardError, Reference.number(o["se"]), rtol: 1e-8, sourceLocation: sourceLocation)
        expectClose([contrast.lower, contrast.upper], Reference.numbers(o["ci"]), rtol: 1e-8, sourceLocation: sourceLocation)
    }

    /// apiclus1's means (or totals) of a column by school type, named E, H, M.
    static func byType(_ column: String, total: Bool = false) throws -> (named: [(name: String, estimate: Estimate)], design: SurveyDesign) {
        let (t, design) = try DesignDefectTests.apiclus1()
        let y = t[column]!.numbers!
        let named = try ["E", "H", "M"].map { level in
            let domain = Reference.domain("stype", level, table: t)
            return (name: level, estimate: try total ? design.total(y, in: domain) : design.mean(y, in: domain))
        }
        return (named, design)
    }

    @Test("linear and nonlinear contrasts of apiclus1's means by type: E − (H + M)/2, E / H, 0.7E + 0.1H + 0.2M; E + H + M of totals")
    func apiclus1() throws {
        let (means, design) = try Self.byType("api00")
        Self.expectR(try Contrast(try ContrastExpression(parsing: "E - (H + M) / 2"), named: means, design: design), "e_minus_average_hm")
        Self.expectR(try Contrast(try ContrastExpression(parsing: "E / H"), named: means, design: design), "e_over_h")
        Self.expectR(try Contrast(try ContrastExpression(parsing: "0.7*E + 0.1 * H + 2e-1*M"), named: means, design: design), "weighted_sum")
        let (totals, _) = try Self.byType("enroll", total: true)
        Self.expectR(try Contrast(try ContrastExpression(parsing: "E + H + M"), named: totals, design: design), "total_sum")
    }

    @Test("the ratio of two NPS and the gap to the average of the rest, on the example survey")
    func nps() throws {
        let design = try Reference.design()
        let answers = Reference.values("nps")
        let named = try ["presencial", "telefono", "web"].map { canal in
            (name: canal, estimate: try NetPromoterScore(answers: answers, column: "nps", design: design, domain: Reference.domain("canal", canal)).score)
        }
        Self.expectR(try Contrast(try ContrastExpression(parsing: "web / telefono"), named: named, design: design), "nps_web_over_telefono")
        Self.expectR(try Contrast(try ContrastExpression(parsing: "web − («telefono» + `presencial`) / 2"), named: named, design: design), "nps_web_minus_rest")
    }

    @Test("the expression: precedence, unary minus, quoted names; by hand")
    func expression() throws {
        let e = try ContrastExpression(parsing: "-a + b * 2 - («c d» - 1) / 4")
        #expect(e.names == ["a", "b", "c d"])
        let (value, gradient) = e.evaluate(["a": (3, 0), "b": (5, 1), "c d": (9, 2)], count: 3)
        // −3 + 10 − 8/4 = 5; ∂/∂a = −1, ∂/∂b = 2, ∂/∂(c d) = −1/4
        #expect(value == 5 && gradient == [-1, 2, -0.25])
        let ratio = try ContrastExpression(parsing: "a / b").evaluate(["a": (3, 0), "b": (4, 1)], count: 2)
        // ∂(a/b)/∂a = 1/b = 0.25, ∂/∂b = −a/b² = −3/16
        #expect(ratio.value == 0.75 && ratio.gradient == [0.25, -0.1875])
    }

    @Test("errors: where the expression breaks, an unknown group with a suggestion, a division by zero")
    func errors() throws {
        #expect(throws: AnalysisError.contrastSyntax(expression: "E - (H + M", column: 11, found: nil, expected: .closingParenthesis)) {
            try ContrastExpression(parsing: "E - (H + M")
        }
        #expect(throws: AnalysisError.contrastSyntax(expression: "E H", column: 3, found: "H", expected: .operatorOrEnd)) {
            try ContrastExpression(parsing: "E H")
        }
        let (means, design) = try Self.byType("api00")
        #expect(throws: AnalysisError.contrastUnknownGroup(name: "e", groups: ["E", "H", "M"], suggestion: "E")) {
            try Contrast(try ContrastExpression(parsing: "e - H"), named: means, design: design)
        }
        #expect(throws: AnalysisError.contrastUndefined("E / (H - H)")) {
            try Contrast(try ContrastExpression(parsing: "E / (H - H)"), named: means, design: design)
        }
    }
}
