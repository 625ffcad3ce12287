import Foundation
import SondeoTestSupport
import Testing
@testable import Table

/// The rules behind the Excel, SPSS and Stata files, each checked against the format's own
/// documentation: ECMA-376's number formats, SPSS's and Stata's rules for variable names, the
/// calendars' day zero.
@Suite struct ExchangeRulesTests {
    @Test("SPSS names (IBM, «Variable names»): a letter first, no «_» or «.» at the end, no reserved word, at most 64 bytes, unique without case")
    func spssNames() {
        let (names, renamed) = StatisticsNames.legal(["_version", "edad años", "with", "Edad", "edad", "nps.", "1a", String(repeating: "á", count: 40)], for: .spss)
        #expect(names == ["v_version", "edad_años", "with_v", "Edad", "edad_2", "nps", "v_1a", String(repeating: "á", count: 32)])
        #expect(renamed.count == 7)
        #expect(names.allSatisfy { $0.utf8.count <= 64 })
    }

    @Test("Stata names (`help varname`): ASCII letters, digits and «_», not a digit first, not reserved, at most 32 characters")
    func stataNames() {
        let (names, _) = StatisticsNames.legal(["_version", "edad años", "_n", "in", "1a", "str10", String(repeating: "x", count: 40), "ñandú"], for: .stata)
        #expect(names == ["_version", "edad_anos", "v__n", "v_in", "v1a", "v_str10", String(repeating: "x", count: 32), "nandu"])
    }

    @Test("Excel number formats (ECMA-376 §18.8.30): which show dates and times, and how many fixed decimals")
    func numberFormats() {
        #expect(XLSXWorkbook.kind(ofFormat: "dd/mm/yyyy") == .date)
        #expect(XLSXWorkbook.kind(ofFormat: "[$-240A]d \"de\" mmmm \"de\" yyyy") == .date)
        #expect(XLSXWorkbook.kind(ofFormat: "dd/mm/yyyy hh:mm:ss") == .dateTime)
        #expect(XLSXWorkbook.kind(ofFormat: "[h]:mm") == .time)
        #expect(XLSXWorkbook.kind(ofFormat: "#,##0.00\\ \"días\"") == .number)
        #expect(XLSXWorkbook.places(ofFormat: "0.00") == 2)
        #expect(XLSXWorkbook.places(ofFormat: "#,##0.000;[Red]-#,##0.000") == 3)
        #expect(XLSXWorkbook.places(ofFormat: "0") == 0)
        #expect(XLSXWorkbook.places(ofFormat: "0.0%") == nil)
        #expect(XLSXWorkbook.places(ofFormat: "General") == nil)
    }

    @Test("day zero: SPSS counts seconds from 1582-10-14, Stata days from 1960-01-01, Excel's serial 25569 is 1970-01-01")
    func calendars() {
        // Days between the epochs, from the civil calendar.
        #expect(Double(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch - CivilDate(year: 1582, month: 10, day: 14)!.daysSinceEpoch) == StatisticsFileWriter.spssEpochDays)
        #expect(Double(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch - CivilDate(year: 1960, month: 1, day: 1)!.daysSinceEpoch) == StatisticsFileWriter.stataEpochDays)
        #expect(XLSXWriter.serialOffset == 25_569)
    }
}

extension ExchangeRulesTests {
    @Test("beyond Excel's limits (1,048,576 rows, 32,767 characters a cell) the workbook is refused before anything is written")
    func excelLimits() throws {
        let dir = TemporaryDirectory()
        let rows = XLSXWriter.maximumRows
        let tall = Table(columns: [Column(name: "x", type: .integer, storage: .numeric([Double](repeating: 1, count: rows)))], rowCount: rows)
        #expect(throws: CSVError.self) { try XLSXWriter.write([XLSXWriter.Sheet(name: "datos", table: tall)], to: dir.path("alto.xlsx")) }
        let long = Table([Column.texts("comentario", [String(repeating: "a", count: XLSXWriter.maximumCellCharacters + 1)])])
        do {
            try XLSXWriter.write([XLSXWriter.Sheet(name: "datos", table: long)], to: dir.path("largo.xlsx"))
            Issue.record("a 32,768-character cell was written")
        } catch {
            #expect(error.message(.es).contains("la columna «comentario» tiene un texto de 32.768 caracteres y una celda de Excel admite 32.767"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("alto.xlsx")) && !FileManager.default.fileExists(atPath: dir.path("largo.xlsx")))
    }
}
