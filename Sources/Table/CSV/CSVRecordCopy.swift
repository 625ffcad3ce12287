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

    /// Writes `header` and then, for each of `offsets` (where a record of `path` starts, as
    /// ``Table/sourceOffsets`` gives them), that record's bytes followed by row `k` of `appended`.
    /// Atomic, as every file Sondeo writes. Returns false, writing nothing, when a record has a carriage
    /// return that ends no line (where the record ends would need the whole tokenizer's view of it).
    public static func write(from path: String, header: [String], offsets: [Int64], appended: Table, writer: CSVWriter,
                             to out: String, progress: DataFile.RowsWritten? = nil) throws(CSVError) -> Bool {
        precondition(offsets.count == appended.rowCount, "one appended row per record")
        // Ten records or more per megabyte: most pages of the file are touched, so map them all at once.
        let input = try FileInput(path: path)
        let parts: [[UInt8]]? = try input.mapped(everywhere: offsets.count > input.size / (1 << 20) * 10) { (file) throws(CSVError) -> [[UInt8]]? in
            guard let spans = Self.records(in: file, startingAt: offsets, delimiter: writer.delimiter) else { return nil }
            return writer.parts(header: header + appended.columnNames, records: spans, of: file, appended: appended)
        }
        guard let parts else { return false }
        // A sample holds the frame's personal data (Ley 1581 de 2012): readable by its owner only, as
        // every data file Sondeo writes.
        try TextFile.write(parts: parts, to: out, access: .owner)
        progress?(offsets.count, offsets.count)
        return true
    }

    /// Where each record that starts at one of `offsets` ends in `file` (its line end left out), in the
    /// order asked; nil when a carriage return ends no line. A record without quotes is its line; one
    /// with quotes is tokenized to its end (a quoted field may hold line breaks).
    static func records(in file: UnsafeBufferPointer<UInt8>, startingAt offsets: [Int64], delimiter: UInt8) -> [Range<Int>]? {
        let shared = SharedBytes(file)
        let parts = ParallelRanges.map(offsets.count) { part in
            records(in: shared.bytes, startingAt: offsets[part], delimiter: delimiter)
        }
        guard !parts.contains(where: { $0 == nil }) else { return nil }
        return parts.flatMap { $0! }
    }

    private static func records(in file: UnsafeBufferPointer<UInt8>, startingAt offsets: ArraySlice<Int64>, delimiter: UInt8) -> [Range<Int>]? {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        var spans: [Range<Int>] = []
        spans.reserveCapacity(offsets.count)
        for offset in offsets {
            let start = Int(offset)
            var i = start
            var tokenizer: CSVTokenizer?
            while i < file.count {
                let lineEnd = find(lf, in: file, from: i, to: file.count).map { $0 + 1 } ?? file.count
                var search = i
                while let at = find(cr, in: file, from: search, to: lineEnd) {
                    if at + 1 < file.count && file[at + 1] != lf { return nil }
                    search = at + 1
                }
                if tokenizer == nil && find(quote, in: file, from: i, to: lineEnd) == nil {
                    i = lineEnd
                    break
                }
                if tokenizer == nil { tokenizer = CSVTokenizer(delimiter: delimiter) }
                var done = false
                try? tokenizer!.consume(UnsafeBufferPointer(rebasing: file[i..<lineEnd]), offset: i) { (_: inout CSVTokenizer.Record) throws(CSVError) in done = true }
                i = lineEnd
                if done { break }
            }
            var end = i
            while end > start && (file[end - 1] == lf || file[end - 1] == cr) { end -= 1 }
            spans.append(start..<end)
        }
        return spans
    }

    /// The position of the first `byte` in `file[start..<end]` (the C library's vectorised search).
    private static func find(_ byte: UInt8, in file: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = file.baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
