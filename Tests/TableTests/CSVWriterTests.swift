import Foundation
import SondeoTestSupport
import Testing
@testable import Table

@Suite struct CSVWriterTests {
    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!))
    }

    @Test("writing the UTF-8 file for Excel reproduces the Excel-saved twin byte for byte")
    func excelBytes() throws {
        let (table, _) = try CSVReader.read(path: CSVReaderTests.fixture("afiliados_30.csv"))
        #expect(CSVWriter.excel.bytes(of: table) == (try Self.fixtureBytes("afiliados_30_excel.csv")))
    }

    @Test("and the Excel twin written back as standard CSV reproduces the UTF-8 original")
    func standardBytes() throws {
        let (table, _) = try CSVReader.read(path: CSVReaderTests.fixture("afiliados_30_excel.csv"))
        #expect(CSVWriter.standard.bytes(of: table) == (try Self.fixtureBytes("afiliados_30.csv")))
        let (mini, _) = try CSVReader.read(path: CSVReaderTests.fixture("mini_excel.csv"))
        #expect(CSVWriter.standard.bytes(of: mini) == (try Self.fixtureBytes("mini.csv")))
    }

    @Test("more distinct decimals and dates than the writer remembers, in both dialects: Python reads back every value")
    func manyDistinctValues() throws {
        // 300,000 rows written in two parts: 100,000 distinct decimals in runs of two and 80,000 distinct
        // dates, each part past the 65,536 texts remembered per column; a missing value every 7th row.
        let rows = 300_000
        let x: [Double] = (0..<rows).map { i in
            let value: Double = Double((i / 2) % 100_000) * 0.37 + 0.001
            return i % 7 == 0 ? .nan : value
        }
        let day: [Double] = (0..<rows).map { i in Double(i % 80_000 - 20_000) }
        let table = Table(columns: [Column(name: "x", type: .decimal, storage: .numeric(x)),
                                    Column(name: "dia", type: .date, storage: .numeric(day))], rowCount: rows)
        let dir = TemporaryDirectory()
        for (writer, name) in [(CSVWriter.standard, "standard"), (CSVWriter.excel, "excel")] {
            try writer.write(table, to: dir.path("\(name).csv"))
            let check = try Witness.python("""
                import csv, sys, datetime
                excel = sys.argv[2] == "excel"
                rows = list(csv.reader(open(sys.argv[1], newline="", encoding="cp1252" if excel else "utf-8"), delimiter=";" if excel else ","))
                assert rows[0] == ["x", "dia"] and len(rows) == 300001, (rows[0], len(rows))
                epoch = datetime.date(1970, 1, 1)
                for i, (x, dia) in enumerate(rows[1:]):
                    want = "" if i % 7 == 0 else ((i // 2) % 100000) * 0.37 + 0.001
                    got = "" if x == "" else float(x.replace(",", ".") if excel else x)
                    assert got == want, (i, x, want)
                    d = epoch + datetime.timedelta(days=i % 80000 - 20000)
                    assert dia == (d.strftime("%d/%m/%Y") if excel else d.isoformat()), (i, dia, d)
                print("ok")
                """, [dir.path("\(name).csv"), name])
            #expect(check.output == "ok\n", "\(name): \(check.output)")
        }
    }

    @Test("quotes, delimiters and line breaks are quoted (RFC 4180)")
    func quoting() throws {
        let column = Column(name: "c", type: .text, storage: .coded(codes: [0, 1, 2, Column.missingCode],
                                                                      levels: ["a,b", "di\"jo", "x\ny"]))
        let table = Table(columns: [column], rowCount: 4)
        #expect(String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self) == "c\n\"a,b\"\n\"di\"\"jo\"\n\"x\ny\"\n\n")
    }

    @Test("a failed write leaves nothing behind")
    func atomicFailure() throws {
        let dir = TemporaryDirectory()
        let target = dir.path("no/such/folder/out.csv")
        let table = Table(columns: [Column(name: "x", type: .integer, storage: .numeric([1]))], rowCount: 1)
        #expect(throws: CSVError.self) { try CSVWriter.standard.write(table, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("for Excel, a text that Excel would run as a formula (= + - @) gets a leading «'»; numbers and the standard dialect are untouched")
    func formulaInjection() {
        let table = Table([Column.texts("comentario", ["=HYPERLINK(\"http://x\")", "+57300", "@SUM(A1)", "-x", "normal"]),
                           Column(name: "valor", type: .integer, storage: .numeric([-5, 3, 2, 1, 0]))])
        let excel = String(decoding: CSVWriter.excel.bytes(of: table), as: UTF8.self)
        #expect(excel == "comentario;valor\r\n\"'=HYPERLINK(\"\"http://x\"\")\";-5\r\n'+57300;3\r\n'@SUM(A1);2\r\n'-x;1\r\nnormal;0\r\n")
        let standard = String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self)
        #expect(standard.hasPrefix("comentario,valor\n\"=HYPERLINK(\"\"http://x\"\")\",-5\n+57300,3\n"))
    }
}
