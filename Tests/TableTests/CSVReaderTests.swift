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

extension CSVReaderTests {
    @Test("UTF-16 LE and BE with BOM (Excel's «Texto Unicode», tab-separated): 40,000 rows with «ñ», «é» and an emoji across the 1 MiB chunks, as Foundation's encoder wrote them")
    func utf16() throws {
        let dir = TemporaryDirectory()
        let names = ["José Núñez", "María 😀 Peña", "Ñandú"]
        var text = "id\tnombre\tvalor\n"
        for i in 0..<40_000 { text += "\(i)\t\(names[i % 3])\t\(i % 10),5\n" }
        for (name, encoding, mark) in [("le.txt", String.Encoding.utf16LittleEndian, [UInt8(0xFF), 0xFE]), ("be.txt", .utf16BigEndian, [0xFE, 0xFF])] {
            let path = dir.file(name, bytes: mark + Array(text.data(using: encoding)!))
            let (table, report) = try CSVReader.read(path: path)
            #expect(report.utf16 == (name == "le.txt" ? "LE" : "BE") && report.delimiter == 9 && report.strayBytes == nil)
            #expect(table.rowCount == 40_000)
            #expect((0..<40_000).allSatisfy { table["nombre"]?.text(at: $0) == names[$0 % 3] })
            #expect(table["valor"]?.numbers?[39_999] == 9.5)
        }
    }

    @Test("one stray Windows-1252 byte in a UTF-8 file: the file stays UTF-8 («José» intact), the byte is read as «é» and located")
    func strayByte() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("stray.csv", bytes: Array("a;b\n1;José\n2;caf".utf8) + [0xE9] + Array("\n".utf8))
        let (table, report) = try CSVReader.read(path: path)
        #expect(report.encoding == .utf8)
        #expect(table["b"]?.text(at: 0) == "José" && table["b"]?.text(at: 1) == "café")
        #expect(report.strayBytes?.line == 3 && report.strayByteCount == 1)
    }
}

extension CSVReaderTests {
    @Test("CSV as people have it: a title line above the header, Excel's sep=; line, empty and repeated names, es-CO thousands, $ and %")
    func asPeopleHaveIt() throws {
        let dir = TemporaryDirectory()
        // A title line: left out, with its text kept for the warning; --skip 0 reads it as the header.
        let titled = dir.file("titulo.csv", text: "Base de afiliados, corte noviembre\nid;edad;zona\n1;34;urbana\n2;51;rural\n")
        let (t1, r1) = try CSVReader.read(path: titled)
        #expect(t1.columnNames == ["id", "edad", "zona"] && t1.rowCount == 2 && r1.delimiter == UInt8(ascii: ";"))
        #expect(r1.titleLines == ["Base de afiliados, corte noviembre"])
        var noSkip = CSVReadOptions()
        noSkip.skip = 0
        #expect(throws: CSVError.self) { try CSVReader.read(path: titled, options: noSkip) }
        var two = CSVReadOptions()
        two.skip = 2
        #expect(try CSVReader.read(path: dir.file("dos.csv", text: "Informe\n30/11/2026\na,b\n1,2\n"), options: two).table.columnNames == ["a", "b"])
        // sep=; names the delimiter and is not a row.
        let (t2, r2) = try CSVReader.read(path: dir.file("sep.csv", text: "sep=;\r\nid;valor\r\n1;2,5\r\n"))
        #expect(r2.delimiter == UInt8(ascii: ";") && t2.columnNames == ["id", "valor"] && t2["valor"]?.numbers == [2.5])
        // Names: the empty third becomes columna_3, the second «edad» edad_2 (and both are said).
        let (t3, r3) = try CSVReader.read(path: dir.file("nombres.csv", text: "id,edad,,edad\n1,2,3,4\n"))
        #expect(t3.columnNames == ["id", "edad", "columna_3", "edad_2"])
        #expect(r3.renamedColumns.map(\.to) == ["columna_3", "edad_2"])
        var one = CSVReadOptions()
        one.columns = ["edad_2"]
        #expect(try CSVReader.read(path: dir.file("nombres2.csv", text: "id,edad,,edad\n1,2,3,4\n"), options: one).table["edad_2"]?.numbers == [4])
        // es-CO numbers (by hand): 1.234.567,89 is 1234567.89; «$ 23.000» 23000; «-$ 200» −200; «3,5%» 3.5;
        // 1.500 in a file whose other numbers use decimal commas is fifteen hundred; 007 stays a code.
        let money = dir.file("miles.csv", text: "id;salario;aporte;pct;ambiguo;codigo\n1;1.234.567,89;$ 1.500;45 %;1.500;007\n2;950,5;$ 23.000;3,5%;2.250;012\n3;;-$ 200;100%;3.000;013\n")
        let (t4, r4) = try CSVReader.read(path: money)
        #expect(t4["salario"]?.numbers?[0] == 1_234_567.89 && t4["salario"]?.numbers?[1] == 950.5 && t4["salario"]?.numbers?[2].isNaN == true)
        #expect(t4["aporte"]?.numbers == [1500, 23000, -200] && t4["aporte"]?.type == .integer)
        #expect(t4["pct"]?.numbers == [45, 3.5, 100])
        #expect(t4["ambiguo"]?.numbers == [1500, 2250, 3000])
        #expect(t4["codigo"]?.type == .categorical)
        #expect(r4.numberNotes.map(\.column) == ["salario", "aporte", "pct", "ambiguo"])
        // A file with decimal points: 1.500 is one and a half; with --thousands . it is fifteen hundred.
        let points = dir.file("puntos.csv", text: "x,y\n1.500,2\n2.250,3\n")
        #expect(try CSVReader.read(path: points).table["x"]?.numbers == [1.5, 2.25])
        var thousands = CSVReadOptions()
        thousands.thousands = UInt8(ascii: ".")
        #expect(try CSVReader.read(path: points, options: thousands).table["x"]?.numbers == [1500, 2250])
        // 1,234,567.89 (United States) in a «;» file.
        #expect(try CSVReader.read(path: dir.file("us.csv", text: "a;b\n1,234,567.89;x\n2,500.5;y\n")).table["a"]?.numbers == [1_234_567.89, 2500.5])
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
