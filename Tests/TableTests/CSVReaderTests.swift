import Foundation
import SondeoTestSupport
import Testing
@testable import Table

/// The reader on files as people have them. Expected figures are facts of the files themselves
/// (written out below) or of their independent twins (the Excel-saved copy of the same rows).
@Suite struct CSVReaderTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    @Test("a UTF-8 file and its Windows-1252 Excel twin give identical tables")
    func excelTwinMatches() throws {
        let (utf8, utf8Report) = try CSVReader.read(path: Self.fixture("mini.csv"))
        let (excel, excelReport) = try CSVReader.read(path: Self.fixture("mini_excel.csv"))
        #expect(utf8Report.encoding == .utf8)
        #expect(utf8Report.delimiter == UInt8(ascii: ","))
        #expect(utf8Report.decimalMark == UInt8(ascii: "."))
        #expect(utf8Report.lineEnding == .lf)
        #expect(excelReport.encoding == .windows1252)
        #expect(excelReport.delimiter == UInt8(ascii: ";"))
        #expect(excelReport.decimalMark == UInt8(ascii: ","))
        #expect(excelReport.lineEnding == .crlf)
        #expect(utf8.rowCount == 5 && excel.rowCount == 5)
        for (a, b) in zip(utf8.columns, excel.columns) {
            #expect(a.name == b.name)
            #expect(a.type == b.type, "\(a.name)")
            for row in 0..<utf8.rowCount { #expect(a.text(at: row) == b.text(at: row), "\(a.name) row \(row)") }
        }
    }

    @Test("types, accents, quotes, embedded line breaks and missing values of the hand-made file")
    func miniValues() throws {
        let (table, _) = try CSVReader.read(path: Self.fixture("mini_excel.csv"))
        #expect(table.columns.map(\.type) == [.categorical, .categorical, .categorical, .decimal, .date, .boolean, .categorical, .integer])
        #expect(table["nombre"]?.text(at: 1) == "José Ñáñez")
        #expect(table["municipio"]?.text(at: 0) == "Villamaría")
        #expect(table["comentario"]?.text(at: 0) == "Muy buena atención; volvería")
        #expect(table["comentario"]?.text(at: 1) == "Dijo \"regular\", sin más")
        #expect(table["comentario"]?.text(at: 3) == "Línea 1\nLínea 2")
        #expect(table["comentario"]?.isMissing(2) == true)
        #expect(table["ingreso"]?.numbers?[1] == 2.25)
        #expect(table["ingreso"]?.numbers?[2].isNaN == true)
        #expect(table["ingreso"]?.decimalPlaces == 2)
        // 2020-02-29 is 18,321 days after 1970-01-01: (2020 − 1970)·365 + 12 leap days + 59.
        #expect(table["fecha"]?.numbers?[2] == 18_321)
        #expect(table["satisfecho"]?.numbers == [1, 0, 1, 0, 1])
        #expect(table["satisfecho"]?.booleanLabels == ["no", "sí"])
        #expect(table["hijos"]?.numbers?[3] == 1)
    }

    @Test("the first 30 affiliates, as saved by Excel, read the same as the UTF-8 original")
    func affiliateSlices() throws {
        let (a, _) = try CSVReader.summarize(path: Self.fixture("afiliados_30.csv"))
        let (b, report) = try CSVReader.summarize(path: Self.fixture("afiliados_30_excel.csv"))
        #expect(report.encoding == .windows1252)
        #expect(a == b)
        #expect(a.count == 20)
    }

    @Test("the loader facts of the example data (Examples/data/README facts)")
    func exampleDataFacts() throws {
        let (afiliados, _) = try CSVReader.read(path: RepositoryFiles.exampleData("afiliados.csv"))
        #expect(afiliados.rowCount == 20_000)
        let satisfaction = afiliados["ultima_satisfaccion"]!
        #expect((0..<afiliados.rowCount).filter { satisfaction.isMissing($0) }.count == 3_074)
        #expect(afiliados["id_afiliado"]?.type == .text)
        #expect(afiliados["id_afiliado"]?.text(at: 0) == "AF0000108")

        let (plain, _) = try CSVReader.read(path: RepositoryFiles.exampleData("respuestas.csv"))
        let (coded, _) = try CSVReader.read(path: RepositoryFiles.exampleData("respuestas.csv"),
                                            options: CSVReadOptions(missingCodes: ["99"]))
        #expect(coded.rowCount == 850)
        let csatPlain = plain["csat"]!.numbers!, csatCoded = coded["csat"]!.numbers!
        #expect(csatPlain.filter(\.isNaN).count == 22)
        #expect(csatPlain.filter { $0 == 99 }.count == 15)
        #expect(csatCoded.filter(\.isNaN).count == 37)
        let comments = coded["comentario"]!
        #expect((0..<850).filter { comments.isMissing($0) }.count == 493)
        #expect((0..<850).compactMap { comments.text(at: $0) }.filter { $0.contains("\n") }.count == 4)
        var weights = CompensatedSum()
        for w in coded["peso"]!.numbers! { weights.add(w) }
        expectClose(weights.value, 20_000, rtol: 1e-12)
    }

    @Test("the first 2,000 affiliates in the Excel export equal the UTF-8 base, value by value")
    func excelExportMatchesBase() throws {
        let (base, _) = try CSVReader.read(path: RepositoryFiles.exampleData("afiliados.csv"))
        let (excel, _) = try CSVReader.read(path: RepositoryFiles.exampleData("afiliados_excel.csv"))
        #expect(excel.rowCount == 2_000)
        for (a, b) in zip(base.columns, excel.columns) {
            #expect(a.type == b.type, "\(a.name)")
            for row in 0..<2_000 where a.text(at: row) != b.text(at: row) {
                Issue.record("\(a.name) row \(row): \(a.text(at: row) ?? "NA") vs \(b.text(at: row) ?? "NA")")
                break
            }
        }
    }

    @Test("BOM, tab delimiter, CR line ends, NA and --missing codes")
    func dialects() throws {
        let dir = TemporaryDirectory()
        let bom = dir.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,x\n2,NA\n".utf8))
        let (t1, r1) = try CSVReader.read(path: bom)
        #expect(r1.byteOrderMark && r1.encoding == .utf8)
        #expect(t1.columnNames == ["a", "b"])
        #expect(t1["b"]?.isMissing(1) == true)

        let tab = dir.file("tab.tsv", text: "x\ty\r1,5\t98\r2,5\t3\r")
        let (t2, r2) = try CSVReader.read(path: tab, options: CSVReadOptions(missingCodes: ["98"]))
        #expect(r2.delimiter == 9 && r2.lineEnding == .cr && r2.decimalMark == UInt8(ascii: ","))
        #expect(t2["x"]?.numbers == [1.5, 2.5])
        #expect(t2["y"]?.numbers?[0].isNaN == true)

        let forced = dir.file("forced.csv", text: "v;w\n1,5;2\n")
        let (t3, _) = try CSVReader.read(path: forced, options: CSVReadOptions(decimalMark: UInt8(ascii: ".")))
        #expect(t3["v"]?.type == .categorical)
    }

    @Test("codes with leading zeros stay text; a header-only file has no rows")
    func codesAndEmptyBodies() throws {
        let dir = TemporaryDirectory()
        let (t, _) = try CSVReader.read(path: dir.file("codes.csv", text: "codigo\n007\n012\n"))
        #expect(t["codigo"]?.type == .categorical)
        #expect(t["codigo"]?.text(at: 0) == "007")
        let (h, _) = try CSVReader.read(path: dir.file("header.csv", text: "a,b\n"))
        #expect(h.rowCount == 0 && h.columnNames == ["a", "b"])
    }

    @Test("the delimiter of a header longer than 64 KiB (10,000 columns by «;») and of a file of one line without a line end")
    func delimiterBeyondTheWindow() throws {
        let dir = TemporaryDirectory()
        // 10,000 names «pregunta_00000;…» of 14 bytes and more: the header alone is about 150 KB.
        let names = (0..<10_000).map { String(format: "pregunta_%05d", $0) }
        let values = (0..<10_000).map { String($0 % 7) }
        let wide = dir.file("ancho.csv", text: names.joined(separator: ";") + "\n" + values.joined(separator: ";") + "\n")
        let (t, report) = try CSVReader.read(path: wide)
        #expect(report.delimiter == UInt8(ascii: ";"))
        #expect(t.columnNames.count == 10_000 && t["pregunta_09999"]?.numbers == [Double(9999 % 7)])
        #expect(try CSVReader.header(path: wide).count == 10_000)
        let one = dir.file("una.csv", text: "a;b;c")
        #expect(try CSVReader.read(path: one).report.delimiter == UInt8(ascii: ";"))
        #expect(try CSVReader.header(path: one) == ["a", "b", "c"])
    }
}

@Suite struct LabelCountTests {
    @Test("cell counts of two columns, one coded and one numeric, with a missing value")
    func counts() throws {
        let dir = TemporaryDirectory()
        let (table, _) = try CSVReader.read(path: dir.file("c.csv", text: "sexo,hijos\nF,1\nM,1\nF,2\nF,1\n,2\n"))
        #expect(table.labelCounts(["sexo", "hijos"]) == ["F × 1": 2, "M × 1": 1, "F × 2": 1, "NA × 2": 1])
        #expect(table.labelCounts(["sexo"]) == ["F": 3, "M": 1, "NA": 1])
    }
}
