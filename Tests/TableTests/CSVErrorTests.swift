import Diagnostics
import Foundation
import SondeoTestSupport
import Testing
@testable import Table

/// Bad input: each case names the file, the line or byte, and what is wrong.
@Suite struct CSVErrorTests {
    let dir = TemporaryDirectory()

    func readError(_ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) -> CSVError? {
        let path = dir.file("bad.csv", bytes: bytes)
        do {
            _ = try CSVReader.read(path: path, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test("a row with too many fields names its line and both counts")
    func fieldCount() throws {
        let error = try #require(readError(Array("a,b,c\n1,2,3\n4,5,6,7\n".utf8)))
        #expect(error.kind == .fieldCount(expected: 3, actual: 4))
        #expect(error.location?.line == 3)
        #expect(error.code == "CSV-009")
        #expect(error.message(.es) == "la línea 3 tiene 4 campos pero el encabezado tiene 3; revise separadores y comillas, o use --skip-bad-rows para omitir estas filas")
    }

    @Test("a short row after a quoted line break is reported at its own physical line")
    func fieldCountAfterMultilineField() throws {
        let error = try #require(readError(Array("a,b\n\"x\ny\",1\n2\n".utf8)))
        #expect(error.kind == .fieldCount(expected: 2, actual: 1))
        #expect(error.location?.line == 4)
    }

    @Test("--skip-bad-rows reports the bad rows and keeps the rest")
    func skipBadRows() throws {
        let path = dir.file("skip.csv", text: "a,b\n1,2\n3\n4,5\n6,7,8\n")
        let (table, report) = try CSVReader.read(path: path, options: CSVReadOptions(skipBadRows: true))
        #expect(table.rowCount == 2)
        #expect(report.skippedRows.map(\.line) == [3, 5])
        #expect(report.skippedRows.map(\.fields) == [1, 3])
    }

    @Test("an unterminated quote is reported where the field opened")
    func unterminatedQuote() throws {
        let error = try #require(readError(Array("a,b\n1,2\n3,\"abierta\n4,5\n6,7\n".utf8)))
        #expect(error.kind == .unterminatedQuote)
        #expect(error.location?.line == 3)
        #expect(error.message(.es) == "las comillas abiertas en la línea 3 nunca se cierran")
    }

    @Test("a binary file and an empty file are refused; empty or repeated header names are not")
    func notCSV() throws {
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        #expect(readError(xlsx)?.kind == .notText)
        #expect(readError(xlsx)?.location?.byteOffset == 5)
        #expect(readError([])?.kind == .empty)
        #expect(readError(Array("\n\n".utf8))?.kind == .empty)
        // Empty and repeated names are renamed (readr and pandas proceed the same way), not refused.
        #expect(readError(Array("a,,c\n1,2,3\n".utf8)) == nil)
        #expect(readError(Array("a,b,a\n1,2,3\n".utf8)) == nil)
    }

    @Test("bytes that are neither UTF-8 nor Windows-1252 are reported with their offset")
    func invalidEncoding() throws {
        // 0x81 is undefined in Windows-1252 and cannot start a UTF-8 sequence.
        let error = try #require(readError(Array("a,b\n1,".utf8) + [0x81] + Array("x\n".utf8)))
        #expect(error.kind == .invalidEncoding)
        #expect(error.location?.byteOffset == 6)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 3)
        // Forcing UTF-8 on a Windows-1252 file («Pácora» with 0xE1).
        let forced = readError(Array("m\nP".utf8) + [0xE1] + Array("cora\n".utf8), options: CSVReadOptions(encoding: .utf8))
        #expect(forced?.kind == .invalidUTF8)
        #expect(forced?.location?.byteOffset == 3)
    }

    @Test("a missing file exits 66, others 65")
    func exitStatuses() {
        do {
            _ = try CSVReader.read(path: dir.path("no-existe.csv"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .fileNotFound)
            #expect(error.exitStatus == .noInput)
        }
        #expect(readError(Array("a\n\"x".utf8))?.exitStatus == .dataError)
        do {
            _ = try CSVReader.read(path: dir.url.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .isDirectory)
            #expect(error.message(.es) == "«\(dir.url.path)» es una carpeta, no un archivo")
        }
    }
}
