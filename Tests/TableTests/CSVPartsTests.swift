import Foundation
import Testing
@testable import Table

/// A file large enough to be read in parts on several cores (``PartScans``) must read exactly as in one
/// pass: rows, values, line numbers in errors, skipped rows, the fingerprint. The files are built here,
/// so every expected figure follows from how they were written (worked out beside each check); the
/// fingerprint is compared with coreutils' `sha256sum`.
@Suite struct CSVPartsTests {
    /// `rows` data rows `id,grupo,valor,nota` (about 36 bytes each): id = i, grupo = g(i mod 7),
    /// valor = i mod 1000, nota a quoted text with a comma on every tenth row. `extra(i)` may replace a
    /// row's line.
    static func write(rows: Int, extra: (Int) -> String? = { _ in nil }) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partes-\(UUID().uuidString).csv").path
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows * 48)
        bytes.append(contentsOf: Array("id,grupo,valor,nota\n".utf8))
        for i in 1...rows {
            let line = extra(i) ?? "\(i),g\(i % 7),\(i % 1000),\(i % 10 == 0 ? "\"nota, con coma \(i)\"" : "sin nota larga aqui")\n"
            bytes.append(contentsOf: Array(line.utf8))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let rows = 600_000

    @Test("a 21 MB file read in parts gives every row, value and line as one pass would")
    func wholeFile() throws {
        let path = try Self.write(rows: Self.rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(PartScans.worthSplitting(try FileInput(path: path)))
        }
        let (table, report) = try CSVReader.read(path: path)
        #expect(report.rows == Self.rows && table.rowCount == Self.rows)
        // Row r (0-based) is i = r + 1 and sits on line r + 2.
        for r in [0, 1, 299_999, 300_000, 450_017, Self.rows - 1] {
            #expect(table["id"]?.numbers?[r] == Double(r + 1))
            #expect(table["grupo"]?.text(at: r) == "g\((r + 1) % 7)")
            #expect(table.sourceLines?[r] == Int32(r + 2))
        }
        // Σ (i mod 1000) for i = 1…600 000: 600 full cycles of 0…999 = 600 × 499 500.
        #expect(table["valor"]?.numbers?.reduce(0, +) == 600.0 * 499_500)
        #expect(table["nota"]?.text(at: 9) == "nota, con coma 10")
        // Summaries count distinct values across the parts: 600 000 ids, 7 groups, 1 000 values.
        let (summaries, _) = try CSVReader.summarize(path: path)
        #expect(summaries.map(\.distinct) == [Self.rows, 7, 1000, Self.rows / 10 + 1])
    }

    @Test("a bad row in the second half is reported at its own line, stopping or skipped")
    func errorLineInLaterPart() throws {
        let bad = 400_000   // row i = 400 000 is on line 400 001
        let path = try Self.write(rows: Self.rows) { $0 == bad ? "\($0),g1,5\n" : nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVError(.fieldCount(expected: 4, actual: 3), at: .init(source: path, line: 400_001, byteOffset: offset(ofLine: 400_001, in: path)))) {
            try CSVReader.read(path: path)
        }
        var options = CSVReadOptions()
        options.skipBadRows = true
        let (table, report) = try CSVReader.read(path: path, options: options)
        #expect(report.skippedRows.map(\.line) == [400_001] && report.skippedRows.map(\.fields) == [3])
        #expect(table.rowCount == Self.rows - 1)
        #expect(table.sourceLines?[bad - 1] == 400_002)   // the row after it
    }

    @Test("a quoted field with line breaks over the middle of the file is read whole")
    func quotedFieldOverTheCut() throws {
        // Row 200 000's note holds 60 000 lines of 160 bytes (9.6 MB): every cut in the middle falls
        // inside it, so the parts are dropped and the file is read on in one pass.
        let long = String(repeating: String(repeating: "x", count: 159) + "\n", count: 60_000)
        let path = try Self.write(rows: 300_000) { $0 == 200_000 ? "\($0),g5,0,\"\(long)\"\n" : nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (table, _) = try CSVReader.read(path: path)
        #expect(table.rowCount == 300_000)
        #expect(table["nota"]?.text(at: 199_999)?.utf8.count == 60_000 * 160)
        // Row 200 001 starts after the note's 60 000 line breaks: line 200 002 + 60 000.
        #expect(table.sourceLines?[200_000] == 260_002)
        #expect(table["id"]?.numbers?[299_999] == 300_000)
    }

    @Test("the fingerprint of a file read in parts is coreutils' sha256sum")
    func digestMatchesSha256sum() throws {
        let path = try Self.write(rows: Self.rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = CSVReadOptions()
        options.digest = true
        let (_, report) = try CSVReader.read(path: path, options: options)
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        tool.arguments = [path]
        let pipe = Pipe()
        tool.standardOutput = pipe
        try tool.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tool.waitUntilExit()
        #expect(report.sha256 == output.split(separator: " ").first.map(String.init))
    }

    @Test("a Windows-1252 byte only in the second half still decides the encoding")
    func encodingFromLaterPart() throws {
        let path = try Self.write(rows: Self.rows) { $0 == 420_000 ? "\($0),g0,0,Nari\u{FFFD}o\n" : nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Replace the three bytes of U+FFFD by the one Windows-1252 byte of «ñ» (0xF1).
        let marker = Data([0xEF, 0xBF, 0xBD])
        let at = bytes.range(of: marker)!
        bytes.replaceSubrange(at, with: [0xF1])
        try bytes.write(to: URL(fileURLWithPath: path))
        let (table, report) = try CSVReader.read(path: path)
        #expect(report.encoding == .windows1252)
        #expect(table["nota"]?.text(at: 419_999) == "Nariño")
    }

    /// The byte offset where line `line` (1-based) starts.
    private func offset(ofLine line: Int, in path: String) -> Int {
        let bytes = FileManager.default.contents(atPath: path)!
        var seen = 1
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == line { return i + 1 }
        }
        return -1
    }
}
