import Diagnostics
import Foundation

/// Writes chosen records of a CSV file as they are in it, each followed by cells of its own: a drawn
/// sample is its frame's rows with the design's columns added. When the frame is already in the
/// output's dialect, its records are copied byte for byte instead of being parsed whole and written
/// again, so a draw reads only the columns it needs (strata, identifier) and the copy keeps every
/// value exactly as the frame had it.
public enum CSVRecordCopy {
    /// Whether a file read with `options`, as `report` describes it, can be copied into a CSV written
    /// by `writer` and read back the same: the same encoding (no stray bytes), delimiter and decimal
    /// mark, LF or CRLF line ends, header names kept as they were, numbers and missing values read as
    /// written (no thousands marks, currency signs or missing codes to undo). Only the standard
    /// dialect: the Excel one also neutralises formulas, which a copy would not.
    public static func possible(from report: CSVReport, options: CSVReadOptions, into writer: CSVWriter) -> Bool {
        report.format == .csv && report.utf16 == nil && report.strayBytes == nil && report.renamedColumns.isEmpty
            && report.numberNotes.isEmpty && report.lineEnding != .cr && options.missingCodes.isEmpty && options.thousands == nil
            && !writer.neutralisesFormulas && report.encoding == writer.encoding && report.delimiter == writer.delimiter
            && Character(UnicodeScalar(report.decimalMark)) == writer.format.decimalMark && writer.lineEnding == "\n"
    }

    /// Writes `header` and then, for each of `lines` (where a record of `path` starts, as
    /// ``Table/sourceLines`` gives them), that record's bytes followed by row `k` of `appended`.
    /// Atomic, as every file Sondeo writes. Returns false, writing nothing, when the file has a carriage
    /// return that ends no line (its lines would not be counted as the reader counted them).
    public static func write(from path: String, header: [String], lines: [Int32], appended: Table, writer: CSVWriter,
                             to out: String, progress: DataFile.RowsWritten? = nil) throws(CSVError) -> Bool {
        precondition(lines.count == appended.rowCount, "one appended row per record")
        guard let records = try Self.records(of: path, startingOn: lines, delimiter: writer.delimiter) else { return false }
        let bytes = writer.bytes(header: header + appended.columnNames, records: records, appended: appended)
        try TextFile.write(bytes: Data(bytes), to: out)
        progress?(lines.count, lines.count)
        return true
    }

    /// The bytes of the records that start on `lines`, in the order asked, without their line ends;
    /// nil when a carriage return ends no line. One pass counting line ends; a record is tokenized only
    /// to find where it ends (a quoted field may hold line breaks).
    static func records(of path: String, startingOn lines: [Int32], delimiter: UInt8) throws(CSVError) -> [[UInt8]]? {
        let wanted = lines.indices.sorted { lines[$0] < lines[$1] }
        var result = [[UInt8]](repeating: [], count: lines.count)
        guard !wanted.isEmpty else { return result }
        let input = try FileInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        var line = 1, next = 0
        var capture: Capture?
        var crAtEnd = false
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        reading: while next < wanted.count {
            let count = try input.read(into: buffer)
            guard count > 0 else { break }
            let chunk = UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count))
            if crAtEnd && chunk[0] != lf { return nil }
            var search = 0
            while let at = Self.find(cr, in: chunk, from: search) {
                if at + 1 < count && chunk[at + 1] != lf { return nil }
                search = at + 1
            }
            crAtEnd = chunk[count - 1] == cr
            var i = 0
            while i < count {
                if capture == nil {
                    guard next < wanted.count else { break reading }
                    if Int(lines[wanted[next]]) == line { capture = Capture(start: line, delimiter: delimiter); continue }
                    guard let end = Self.find(lf, in: chunk, from: i) else { break }
                    line += 1
                    i = end + 1
                    continue
                }
                // Up to and including the next line end: the record ends there unless a quote is open.
                let end = Self.find(lf, in: chunk, from: i).map { $0 + 1 } ?? count
                if chunk[end - 1] == lf { line += 1 }
                if capture!.take(UnsafeBufferPointer(rebasing: chunk[i..<end])) {
                    while next < wanted.count && Int(lines[wanted[next]]) == capture!.start { result[wanted[next]] = capture!.bytes; next += 1 }
                    capture = nil
                }
                i = end
            }
        }
        if var open = capture {
            open.finish()
            while next < wanted.count && Int(lines[wanted[next]]) == open.start { result[wanted[next]] = open.bytes; next += 1 }
        }
        return result
    }

    /// The position of the first `byte` in `chunk` at or after `start` (the C library's vectorised
    /// search: most of a file is skipped a line at a time).
    private static func find(_ byte: UInt8, in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < chunk.count, let base = chunk.baseAddress,
              let found = memchr(base + start, Int32(byte), chunk.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// One record being copied: its bytes so far, and a tokenizer that says when it is complete.
    private struct Capture {
        let start: Int
        var tokenizer: CSVTokenizer
        var bytes: [UInt8] = []

        init(start: Int, delimiter: UInt8) {
            self.start = start
            tokenizer = CSVTokenizer(delimiter: delimiter)
        }

        /// Adds bytes up to a line end; true when the record ends with them (its line end taken off).
        mutating func take(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.append(contentsOf: piece)
            var done = false
            try? tokenizer.consume(piece, offset: 0) { (_: inout CSVTokenizer.Record) throws(CSVError) in done = true }
            if done { trimLineEnd() }
            return done
        }

        /// The end of the file ends the record.
        mutating func finish() {
            try? tokenizer.finish { (_: inout CSVTokenizer.Record) throws(CSVError) in }
            trimLineEnd()
        }

        private mutating func trimLineEnd() {
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
    }
}
