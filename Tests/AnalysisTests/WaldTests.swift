import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// The design-based Wald tests of independence against R's svychisq(statistic = "Wald" | "adjWald")
/// (Scripts/reference/chisq.R → Fixtures/r_chisq.json).
@Suite struct WaldTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_chisq", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func expect(_ wald: CrossTab.Wald, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = r["\(key)_Wald"] as! [String: Any], adjusted = r["\(key)_adjWald"] as! [String: Any]
        expectClose(wald.f, Reference.number(plain["f"]), rtol: 1e-10, sourceLocation: sourceLocation)
        #expect(wald.df == Int(Reference.number(plain["df1"])) && wald.nu == Int(Reference.number(plain["df2"])), sourceLocation: sourceLocation)
        expectClose(wald.p, Reference.number(plain["p"]), rtol: 1e-9, sourceLocation: sourceLocation)
        expectClose(wald.adjustedF, Reference.number(adjusted["f"]), rtol: 1e-10, sourceLocation: sourceLocation)
        #expect(wald.adjustedDF2 == Int(Reference.number(adjusted["df2"])), sourceLocation: sourceLocation)
        expectClose(wald.adjustedP, Reference.number(adjusted["p"]), rtol: 1e-9, sourceLocation: sourceLocation)
    }

    static func tab(_ t: Table, _ design: SurveyDesign, _ rows: String, _ columns: String) throws -> CrossTab {
        try CrossTab(design: design, rowLabels: (0..<t.rowCount).map { t[rows]!.text(at: $0) },
                     columnLabels: (0..<t.rowCount).map { t[columns]!.text(at: $0) }, rowName: rows, columnName: columns, order: LevelOrder.less)
    }

    @Test("stype × sch.wide on apiclus1 (clusters), and on its JK1 replicates (R gives the same: JK1 is exact for totals)")
    func apiclus1() throws {
        let (t, design) = try DesignDefectTests.apiclus1()
        Self.expect(try Self.tab(t, design, "stype", "sch.wide").wald, "apiclus1")
        let (tj, jk1) = try ReplicateTests.design()
        Self.expect(try Self.tab(tj, jk1, "stype", "sch.wide").wald, "apiclus1")
    }

    @Test("canal × servicio on the example survey (strata categoria)")
    func respuestas() throws {
        let t = Reference.responses
        let design = try SurveyDesign(weights: t["peso"]!.numbers!, strata: Reference.labels(t, "categoria"), clusters: nil,
                                      fpc: t["N_estrato"]!.numbers!, rowCount: t.rowCount)
        Self.expect(try Self.tab(t, design, "canal", "servicio").wald, "respuestas")
    }
}
