import Foundation
import SondeoTestSupport
import Testing

/// A `calcular` that gives a text or a date is exported as the text or date it is (it was refused by the
/// checker before; a number column would have lost it), and PSPP reads it as a string.
@Suite struct CalculationExportTests {
    static let questionnaire = """
        encuesta calc_prueba "Cálculos"
        versión 1
        modos web
        nps: escala 0..10 "Nada probable" .. "Extremadamente probable"
          "¿Qué tan probable es que recomiende Confa?"
        grupo: calcular si(nps >= 9, "promotor", si(nps >= 7, "pasivo", "detractor"))
        compra: fecha
          "¿Cuándo compró?"
        vence: calcular sumar_dias(compra, 30)

        """

    func store(in dir: TemporaryDirectory) throws -> String {
        let store = dir.path("s.sqlite")
        let source = dir.file("c.encuesta", text: Self.questionnaire)
        let answers = dir.file("r.csv", text: "id_afiliado,nps,compra\nB1,10,2026-11-20\nB2,5,2026-12-15\nB3,8,2026-10-02\n")
        #expect(try SondeoRunner.run(["questionnaire", "publish", source, "--store", store]).status == 0)
        #expect(try SondeoRunner.run(["responses", "import", "calc_prueba", answers, "--store", store]).status == 0)
        return store
    }

    @Test("grupo (a text) and vence (a date) in the export, worked out by hand: 10 promotor, 5 detractor, 8 pasivo; +30 days")
    func exported() throws {
        let dir = TemporaryDirectory()
        let store = try store(in: dir)
        let run = try SondeoRunner.run(["responses", "export", "calc_prueba", "--out", dir.path("e.csv"), "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try CSVRows(dir.path("e.csv")).rows.map { [$0["id_afiliado"]!, $0["grupo"]!, $0["vence"]!] }
        #expect(rows == [["B1", "promotor", "2026-12-20"], ["B2", "detractor", "2027-01-14"], ["B3", "pasivo", "2026-11-01"]], "\(rows)")
    }

    @Test("as .sav: PSPP reads grupo and vence as strings with the same values", .enabled(if: Witness.hasPSPP, "needs pspp (make test installs it)"))
    func spss() throws {
        let dir = TemporaryDirectory()
        let store = try store(in: dir)
        #expect(try SondeoRunner.run(["responses", "export", "calc_prueba", "--out", dir.path("e.sav"), "--store", store]).status == 0)
        let pspp = try Witness.pspp("GET FILE='e.sav'.\nDISPLAY DICTIONARY /VARIABLES=grupo vence.\nLIST /VARIABLES=grupo vence.\n", in: dir.url.path)
        for text in ["|grupo|", "|A9 ", "|vence|", "|A10 ", "|detractor|2027-01-14|"] { #expect(pspp.output.contains(text), "\(text)\n\(pspp.output)") }
    }
}
