import Diagnostics
import Foundation

/// Reads CSV files as people have them: UTF-8 with or without BOM or Windows-1252 (Excel in a Spanish
/// locale), `,` `;` tab or `|` delimiters, decimal comma, LF/CRLF/CR line ends, quoted fields with
/// delimiters, doubled quotes and line breaks. Types are inferred per column (``ColumnType``).
///
/// One pass over the file, a chunk at a time: every field is interned per column
/// (``ByteInterner``), so type inference, decoding and number parsing run once per distinct value.
///
/// ```swift
/// let (table, report) = try CSVReader.read(path: "afiliados_excel.csv")
/// report.encoding      // .windows1252
/// report.delimiter     // UInt8(ascii: ";")
/// ```
public enum CSVReader {
    /// Reads the whole table.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError)
        -> (table: Table, report: CSVReport)
    {
        var scan = try Scan.run(path: path, options: options, keepCodes: true)
        let decoded = try scan.decode(options: options)
        let fields = scan.selected.indices.filter { scan.selected[$0] }
        let columns: [Column]
        if scan.rows * fields.count >= 1_000_000 {
            // Large tables: the columns are built on every core.
            let work = ColumnWork(columns: decoded.columns, codes: fields.map { scan.codes[$0] })
            scan.codes = []
            columns = ParallelRanges.map(fields.count, minimumPerPart: 1) { range in range.map(work.build) }.flatMap { $0 }
        } else {
            columns = zip(decoded.columns, fields).map { column, field in column.column(codes: scan.codes[field]) }
        }
        return (Table(columns: columns, rowCount: scan.rows, sourceLines: scan.lines, sourceOffsets: options.recordOffsets ? scan.offsets : nil), decoded.report)
    }

    /// Summarises every column without keeping the rows: `sondeo data inspect`. Memory grows with the
    /// number of distinct values, not with the number of rows.
    public static func summarize(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError)
        -> (summaries: [ColumnSummary], report: CSVReport)
    {
        let scan = try Scan.run(path: path, options: options, keepCodes: false)
        let decoded = try scan.decode(options: options)
        let interners = scan.interners.indices.filter { scan.selected[$0] }.map { scan.interners[$0] }
        let summaries = zip(decoded.columns, interners).map { $0.summary(counts: $1.counts) }
        return (summaries, decoded.report)
    }
}

/// The decoded columns of a table and their rows' codes, built on several threads: the decoding only
/// reads interners nobody changes any more.
private struct ColumnWork: @unchecked Sendable {
    let columns: [DecodedColumn]
    let codes: [[UInt32]]

    func build(_ index: Int) -> Column { columns[index].column(codes: codes[index]) }
}

/// The single pass over the bytes, and the decisions taken once it is over.
struct Scan {
    var path: String
    var header: [[UInt8]] = []
    /// Per header field: is the column read? (See ``CSVReadOptions/columns``.)
    var selected: [Bool] = [] {
        didSet { filter.keep = selected }
    }
    /// Shared with the tokenizer, so that it does not copy the fields of columns not read.
    let filter = FieldFilter()
    var interners: [ByteInterner] = []
    var codes: [[UInt32]] = []
    /// The line where each kept row starts (when the rows are kept).
    var lines: [Int32] = []
    /// The byte where each kept row's record starts (with ``CSVReadOptions/recordOffsets``).
    var offsets: [Int64] = []
    var rows = 0
    var skipped: [(line: Int, fields: Int)] = []
    var encodingScanner = EncodingScanner()
    var byteOrderMark = false
    /// Set for a UTF-16 file (read converted to UTF-8).
    var utf16: FileInput.ByteOrder?
    var delimiter: UInt8 = UInt8(ascii: ",")
    var lineEnding = CSVReport.LineEnding.lf
    /// The file's SHA-256, when asked for.
    var sha256: String?
    /// Records before the header (`--skip`, Excel's `sep=` line, title lines), and how many are left.
    var leading = 0
    /// The title lines found and left out without `--skip` (their text, for the warning).
    var titles: [[UInt8]] = []
    var autoTitles = 0

    static func run(path: String, options: CSVReadOptions, keepCodes: Bool) throws(CSVError) -> Scan {
        let input = try FileInput(path: path)
        var scan = Scan(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        var tokenizer: CSVTokenizer?
        var position = 0
        // A large plain file is read in parts on all cores (``PartScans``); its fingerprint then comes
        // from a reading of its own, since the parts are not read in order.
        let split = PartScans.worthSplitting(input)
        let digest = options.digest && !split ? BackgroundSHA256() : nil
        let fileDigest = options.digest && split ? FileSHA256(path: path) : nil
        var parts: PartScans?
        defer { parts?.cancel() }
        var merged = false
        while true {
            let count = try input.read(into: buffer)
            if count == 0 {
                guard let started = parts else { break }
                parts = nil
                if tokenizer!.atRecordBoundary, let results = try started.results(startLine: tokenizer!.currentLine) {
                    for part in results { scan.append(part, keepCodes: keepCodes) }
                    merged = true
                    break
                }
                // A quoted field ran over the place where the next part began: read on here instead.
                started.cancel()
                input.end = input.size
                continue
            }
            digest?.update(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count)))
            var chunk = UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count))
            var offset = position
            if position == 0 {
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                    scan.byteOrderMark = true
                    chunk = UnsafeBufferPointer(rebasing: chunk.dropFirst(3))
                    offset = 3
                }
                (scan.delimiter, scan.leading, scan.autoTitles) = DialectDetection.layout(of: chunk, complete: input.atEnd, options: options)
                scan.utf16 = input.utf16
                scan.lineEnding = DialectDetection.lineEnding(in: chunk)
                tokenizer = CSVTokenizer(delimiter: scan.delimiter, filter: scan.filter)
            }
            try scan.consume(chunk, offset: offset, tokenizer: &tokenizer!, options: options, keepCodes: keepCodes)
            if position == 0 && keepCodes && !input.atEnd { scan.reserve(estimatedRows: scan.rows * input.size / max(1, input.position)) }
            if position == 0 && split && !scan.header.isEmpty && !input.atEnd {
                parts = PartScans.start(scan: scan, from: input.position, size: input.size, options: options, keepCodes: keepCodes)
                if let parts { input.end = parts.firstStart }
            }
            position += count
            let done = input.position + (parts?.bytesRead ?? 0)
            options.progress?(input.size > 0 ? Double(min(done, input.size)) / Double(input.size) : 1)
        }
        if !merged {
            do throws(CSVError) {
                try tokenizer?.finish { (record: inout CSVTokenizer.Record) throws(CSVError) in
                    try scan.take(record, options: options, keepCodes: keepCodes)
                }
            } catch {
                throw error.located(in: path)
            }
        }
        scan.encodingScanner.finish()
        if scan.header.isEmpty { throw CSVError(.empty, at: SourceLocation(source: path)) }
        if let digest { scan.sha256 = digest.finishHex() } else if let fileDigest { scan.sha256 = try fileDigest.finishHex() }
        return scan
    }

    /// Watches and tokenizes one chunk whose first byte is at `offset` in the file.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, offset: Int, tokenizer: inout CSVTokenizer,
                          options: CSVReadOptions, keepCodes: Bool) throws(CSVError) {
        encodingScanner.scan(chunk, offset: offset)
        if let nul = encodingScanner.firstNUL {
            throw CSVError(.notText, at: SourceLocation(source: path, byteOffset: nul))
        }
        do throws(CSVError) {
            try tokenizer.consume(chunk, offset: offset) { (record: inout CSVTokenizer.Record) throws(CSVError) in
                try take(record, options: options, keepCodes: keepCodes)
            }
        } catch {
            throw error.located(in: path)
        }
    }

    /// Room for the rows a file of this size probably holds, so the code arrays grow without copies.
    /// Also stops looking up the values of columns whose first rows are nearly all different
    /// (identifiers): they are text, and each row keeps its own value.
    mutating func reserve(estimatedRows: Int) {
        let rows = estimatedRows + estimatedRows / 20
        for column in codes.indices where selected[column] {
            codes[column].reserveCapacity(rows)
            if interners[column].count > 1000 && interners[column].count * 10 > self.rows * 9 {
                interners[column].stopDeduplicating()
            }
        }
        lines.reserveCapacity(rows)
    }

    mutating func take(_ record: CSVTokenizer.Record, options: CSVReadOptions,
                               keepCodes: Bool) throws(CSVError) {
        if leading > 0 {
            leading -= 1
            if autoTitles > 0 {
                autoTitles -= 1
                titles.append(Array(record.field(0)))
            }
            return
        }
        if header.isEmpty {
            header = (0..<record.fieldCount).map { Array(record.field($0)) }
            // Chosen by the names the columns will have (UTF-8, or Windows-1252 byte for byte).
            let provisional = HeaderNames.unique(header.map { name in name.withUnsafeBufferPointer { TextEncoding.utf8.decode(ValueShape.trimmed($0)) } }).names
            selected = header.indices.map { index in
                guard let wanted = options.columns else { return true }
                let trimmed = header[index].withUnsafeBufferPointer { Array(ValueShape.trimmed($0)) }
                return wanted.contains(provisional[index]) || wanted.contains { trimmed == TextEncoding.windows1252.encode($0) }
            }
            interners = (0..<header.count).map { _ in ByteInterner() }
            codes = (0..<header.count).map { _ in [] }
            return
        }
        guard record.fieldCount == header.count else {
            if options.skipBadRows {
                skipped.append((record.line, record.fieldCount))
                return
            }
            throw CSVError(.fieldCount(expected: header.count, actual: record.fieldCount),
                           at: SourceLocation(source: path, line: record.line, byteOffset: record.offset))
        }
        Self.intern(record, selected: selected, into: &interners, codes: &codes, keepCodes: keepCodes)
        if keepCodes { lines.append(Int32(truncatingIfNeeded: record.line)) }
        if keepCodes && options.recordOffsets { offsets.append(Int64(record.offset)) }
        rows += 1
    }

    /// Interns the selected fields of a record, with one uniqueness check per record (not per field) for
    /// the arrays they go into, and no copy of `selected`.
    private static func intern(_ record: CSVTokenizer.Record, selected: [Bool], into interners: inout [ByteInterner],
                               codes: inout [[UInt32]], keepCodes: Bool) {
        interners.withUnsafeMutableBufferPointer { interners in
            codes.withUnsafeMutableBufferPointer { codes in
                for column in 0..<record.fieldCount where selected[column] {
                    let code = interners[column].intern(record.field(column))
                    if keepCodes { codes[column].append(code) }
                }
            }
        }
    }

    /// Decides the encoding and decimal mark, checks the header, and infers every column.
    func decode(options: CSVReadOptions) throws(CSVError) -> (columns: [DecodedColumn], report: CSVReport) {
        let (encoding, stray) = try decideEncoding(forced: options.encoding)
        let (names, renamed) = HeaderNames.unique(header.map { bytes in
            bytes.withUnsafeBufferPointer { encoding.decode(ValueShape.trimmed($0)) }
        })
        for wanted in (options.columns ?? []).sorted() where !names.contains(wanted) {
            throw CSVError(.unknownColumn(wanted, suggestion: Suggestion.closest(to: wanted, among: names)),
                           at: SourceLocation(source: path, line: 1))
        }
        let missingTokens = ColumnDecoder.MissingTokens([Array("NA".utf8)] + options.missingCodes.map { encoding.encode($0) })
        let decoders = names.indices.filter { selected[$0] }.map {
            ColumnDecoder(name: names[$0], interner: interners[$0], encoding: encoding, missingTokens: missingTokens)
        }
        let mark = options.decimalMark ?? DialectDetection.decimalMark(delimiter: delimiter, shapes: decoders.map(\.shape))
        let missingNumbers = Set(options.missingCodes.compactMap {
            Double($0.replacingOccurrences(of: ",", with: "."))
        })
        let columns = decoders.map { $0.decode(decimalMark: mark, missingNumbers: missingNumbers, thousands: options.thousands) }
        var report = CSVReport(source: path, encoding: encoding, byteOrderMark: byteOrderMark,
                               delimiter: delimiter, decimalMark: mark, lineEnding: lineEnding,
                               rows: rows, skippedRows: skipped, expectedFields: header.count, sha256: sha256)
        report.strayBytes = stray
        report.renamedColumns = renamed
        report.numberNotes = columns.compactMap { column in column.numberNote.map { (column.name, $0) } }
        report.titleLines = titles.map { $0.withUnsafeBufferPointer { encoding.decode(ValueShape.trimmed($0)) } }
        report.utf16 = utf16.map { $0 == .little ? "LE" : "BE" }
        report.strayByteCount = stray == nil ? 0 : encodingScanner.invalidBytes
        return (columns, report)
    }

    /// The file's encoding, and where the first stray byte is when a mostly-UTF-8 file (or one with a
    /// BOM) holds bytes that are not UTF-8: one pasted Windows-1252 «é» must not turn every «José» of
    /// the file into «JosÃ©».
    private func decideEncoding(forced: TextEncoding?) throws(CSVError) -> (TextEncoding, SourceLocation?) {
        let scanner = encodingScanner
        switch forced {
        case .windows1252?:
            return (.windows1252, nil)
        case .utf8?:
            if let bad = scanner.firstInvalidUTF8 { throw locatedError(.invalidUTF8, offset: bad) }
            return (.utf8, nil)
        case nil:
            switch scanner.verdict {
            case .utf8:
                return (.utf8, nil)
            case .mostlyUTF8(let bad):
                return (.utf8, locatedError(.invalidUTF8, offset: bad).location)
            case .notUTF8(let bad):
                if byteOrderMark { return (.utf8, locatedError(.invalidUTF8, offset: bad).location) }
                if scanner.firstUndefinedWindows1252 == nil { return (.windows1252, nil) }
                throw locatedError(.invalidEncoding, offset: bad)
            }
        }
    }

    private func locatedError(_ kind: CSVError.Kind, offset: Int) -> CSVError {
        let (line, column) = LineLocator.position(of: offset, in: path)
        return CSVError(kind, at: SourceLocation(source: path, line: line, column: column, byteOffset: offset))
    }
}

extension CSVError {
    /// The same error, with its location's source set to the file's path.
    func located(in path: String) -> CSVError {
        var copy = self
        if copy.location == nil { copy.location = SourceLocation(source: path) }
        copy.location?.source = path
        return copy
    }
}

extension CSVReader {
    /// The column names of a file, from its first line alone: to choose which columns to read.
    public static func header(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) -> [String] {
        let input = try FileInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        let count = try input.read(into: buffer)
        var chunk = UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count))
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = UnsafeBufferPointer(rebasing: chunk.dropFirst(3)) }
        var (delimiter, leading, _) = DialectDetection.layout(of: chunk, complete: input.atEnd, options: options)
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        var names: [[UInt8]]?
        let take = { (record: inout CSVTokenizer.Record) throws(CSVError) in
            if leading > 0 { leading -= 1; return }
            if names == nil { names = (0..<record.fieldCount).map { Array(record.field($0)) } }
        }
        try? tokenizer.consume(chunk, offset: 0, sink: take)
        if names == nil { try? tokenizer.finish(sink: take) }
        guard let names else { throw CSVError(.empty, at: SourceLocation(source: path)) }
        var scanner = EncodingScanner()
        for name in names { name.withUnsafeBufferPointer { scanner.scan($0, offset: 0) } }
        scanner.finish()
        let encoding: TextEncoding
        if let forced = options.encoding { encoding = forced } else if case .notUTF8 = scanner.verdict { encoding = .windows1252 } else { encoding = .utf8 }
        return names.map { $0.withUnsafeBufferPointer { encoding.decode(ValueShape.trimmed($0)) } }
    }
}
