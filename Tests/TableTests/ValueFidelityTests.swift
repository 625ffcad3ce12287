import Foundation
import SondeoTestSupport
import Testing
@testable import Table

/// Issue 17's silent losses: what a file says must come out of `data convert` as it went in.
@Suite struct ValueFidelityTests {
    @Test("numbers with an exponent keep their value when written back (1.5e-3 is 0.0015, not 0.0)")
    func exponents() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("e.csv", text: "x,y\n1.5e-3,2.50\n-4e-5,3.25\n2.25,1.00\n1.2E+05,0.10\n")
        let (table, _) = try CSVReader.read(path: path)
        // By hand: 1.5 × 10⁻³ = 0.0015; −4 × 10⁻⁵ = −0.00004; 1.2 × 10⁵ = 120000.
        #expect(table["x"]?.type == .decimal)
        #expect(table["x"]?.numbers == [0.0015, -0.00004, 2.25, 120000])
        // The column shows no single fixed layout, so no value is rounded to "the column's decimals".
        #expect(table["x"]?.decimalPlaces == nil)
        #expect(table["y"]?.decimalPlaces == 2)
        for writer in [CSVWriter.standard, CSVWriter.excel] {
            let out = dir.file("out.csv", bytes: writer.bytes(of: table))
            let (back, _) = try CSVReader.read(path: out)
            #expect(back["x"]?.numbers == [0.0015, -0.00004, 2.25, 120000])
            #expect(back["y"]?.numbers == [2.5, 3.25, 1, 0.1])
        }
        let text = String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self)
        #expect(text.contains("0.0015,2.50\n"))
        #expect(text.contains("1.00\n"))
    }

    @Test("text that only looks numeric stays as written: +57 phones, codes like 12E4")
    func numericLookingText() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("t.csv", text: "telefono,codigo,n\n+573001234567,12E4,+5\n+573109876543,12E5,3\n")
        let (table, _) = try CSVReader.read(path: path)
        #expect(table["telefono"]?.type.isNumeric == false)
        #expect(table["codigo"]?.type.isNumeric == false)
        #expect(table["n"]?.type.isNumeric == false)
        let text = String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self)
        #expect(text == "telefono,codigo,n\n+573001234567,12E4,+5\n+573109876543,12E5,3\n")
        // A signed exponent or a point in the mantissa is a number, as R, Python and Excel write them.
        let (sci, _) = try CSVReader.read(path: dir.file("s.csv", text: "v\n12E+4\n1.5E4\n"))
        #expect(sci["v"]?.numbers == [120000, 15000])
    }

    @Test("blanks inside quotes are part of the value (RFC 4180); around an unquoted field they are not; written back quoted")
    func quotedBlanks() throws {
        let dir = TemporaryDirectory()
        // By RFC 4180 §2: a quoted field is every byte between its quotes. Unquoted fields lose the
        // blanks around them (as readr's trim_ws and Excel do), and so do blanks between a closing quote
        // and the delimiter or before an opening one. A number in quotes with blanks is still a number.
        let text = "id,nombre,codigo,n,nota\n1,\"  Ana \",\" 007\", 12 ,  sin comillas  \n2, \"Luis\"  ,\"  \",\" 3 \",\"\tx\"\n"
        let (table, _) = try CSVReader.read(path: dir.file("q.csv", text: text))
        #expect((0..<2).map { table["nombre"]!.text(at: $0) } == ["  Ana ", "Luis"])
        #expect(table["codigo"]!.text(at: 0) == " 007" && table["codigo"]!.isMissing(1))
        #expect(table["n"]?.numbers == [12, 3])
        #expect((0..<2).map { table["nota"]!.text(at: $0) } == ["sin comillas", "\tx"])
        // Written back, a value with blanks at its ends is quoted, so it reads the same again.
        let out = String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self)
        #expect(out.contains("\"  Ana \""))
        let (back, _) = try CSVReader.read(path: dir.file("back.csv", text: out))
        #expect((0..<2).map { back["nombre"]!.text(at: $0) } == ["  Ana ", "Luis"])
        #expect(back["codigo"]!.text(at: 0) == " 007")
    }

    @Test("ISO timestamps (Sondeo's own _inicio) and Excel's dd/mm/yyyy hh:mm are date-times, written back as they came")
    func dateTimes() throws {
        let dir = TemporaryDirectory()
        let text = "id,_inicio,local,con_zona\n1,2026-11-29T10:00:00Z,29/11/2026 10:05,2026-11-29T10:00:00.250-05:00\n2,2026-11-30T14:30:05Z,30/11/2026 08:00,\n"
        let (table, _) = try CSVReader.read(path: dir.file("t.csv", text: text))
        #expect(table["_inicio"]?.type == .dateTime && table["local"]?.type == .dateTime && table["con_zona"]?.type == .dateTime)
        // By hand: 2026-11-29 is day 20,786 after 1970-01-01 (56 × 365 + 14 leap days + 332 days into 2026);
        // 10:00:00 is 36,000 s. In the -05:00 zone, 10:00:00.25 local is 15:00:00.25 UTC.
        #expect(table["_inicio"]!.numbers![0] == Double(20_786 * 86_400 + 36_000))
        #expect(table["local"]!.numbers![0] == Double(20_786 * 86_400 + 36_300))
        #expect(table["con_zona"]?.numbers?[0] == 20_786 * 86_400 + 54_000.25)
        let out = String(decoding: CSVWriter.standard.bytes(of: table), as: UTF8.self)
        #expect(out == text)
        // A filter on a date-time column takes a date (its first instant) or a date-time.
        let (after, _) = try CSVReader.read(path: dir.file("t2.csv", text: text))
        #expect(try ExpressionEvaluator.filter("_inicio >= \"2026-11-30\"", on: after).mask == [false, true])
        #expect(try ExpressionEvaluator.filter("local < \"2026-11-29 10:06\"", on: after).mask == [true, false])
    }

    @Test("one stray Windows-1252 byte in a UTF-8 file keeps the file UTF-8, with the byte located")
    func strayByte() throws {
        let dir = TemporaryDirectory()
        // «José», «María», «Andrés» in UTF-8 (C3 A9, C3 AD, C3 A9) and «Peña» with Windows-1252's F1.
        let bytes = Array("nombre\nJos".utf8) + [0xC3, 0xA9] + Array("\nPe".utf8) + [0xF1] + Array("a\nMar".utf8)
            + [0xC3, 0xAD] + Array("a\nAndr".utf8) + [0xC3, 0xA9] + Array("s\n".utf8)
        let (table, report) = try CSVReader.read(path: dir.file("m.csv", bytes: bytes))
        #expect(report.encoding == .utf8)
        #expect((0..<4).map { table["nombre"]?.text(at: $0) } == ["José", "Peña", "María", "Andrés"])
        #expect(report.strayBytes?.line == 3)
        #expect(report.strayBytes?.column == 3)
        #expect(report.strayBytes?.byteOffset == 15)
        #expect(report.strayByteCount == 1)
        // A Windows-1252 file (no well-formed UTF-8 sequence) is still Windows-1252, without a warning.
        let cp = Array("m\nP".utf8) + [0xE1] + Array("cora\nPe".utf8) + [0xF1] + Array("a\n".utf8)
        let (t2, r2) = try CSVReader.read(path: dir.file("w.csv", bytes: cp))
        #expect(r2.encoding == .windows1252 && r2.strayBytes == nil)
        #expect(t2["m"]?.text(at: 0) == "Pácora")
        // Two-, three- and four-byte sequences around stray bytes: «ñ», «€», «😀» stay; 0xE9 and 0x93 are
        // Windows-1252's «é» and «"» (U+201C); a lead byte cut short (0xC3 at the end) is its own «Ã».
        let mixed: [UInt8] = [0xC3, 0xB1, 0xE9, 0xE2, 0x82, 0xAC, 0x93, 0xF0, 0x9F, 0x98, 0x80, 0xC3]
        #expect(mixed.withUnsafeBufferPointer { TextEncoding.utf8.decode($0) } == "ñé€\u{201C}😀Ã")
        // Valid UTF-8 has no warning.
        let (_, r3) = try CSVReader.read(path: dir.file("u.csv", text: "m\nPácora\n"))
        #expect(r3.encoding == .utf8 && r3.strayBytes == nil)
    }
}
