import Diagnostics
import Foundation

/// Writes a table as CSV. The standard dialect is UTF-8, `,`, decimal point, ISO dates, LF; the
/// Excel dialect (`--excel`) is what a Spanish-locale Excel opens without a wizard: Windows-1252,
/// `;`, decimal comma, dd/mm/yyyy, CRLF. Fields holding the delimiter, a quote or a line break are
/// quoted, with quotes doubled (RFC 4180).
///
/// The file appears whole or not at all: it is written beside the target and renamed into place.
public struct CSVWriter: Sendable {
    public var encoding: TextEncoding
    public var delimiter: UInt8
    public var format: ValueFormat
    public var lineEnding: String
    /// Texts that Excel would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return) get a leading `'`, which Excel shows as text (OWASP, «CSV injection»). Only for the Excel
    /// dialect: a standard CSV keeps every value as it is.
    public var neutralisesFormulas = false

    public static let standard = CSVWriter(encoding: .utf8, delimiter: UInt8(ascii: ","), format: .standard, lineEnding: "\n")
    public static let excel: CSVWriter = {
        var writer = CSVWriter(encoding: .windows1252, delimiter: UInt8(ascii: ";"), format: .excel, lineEnding: "\r\n")
        writer.neutralisesFormulas = true
        return writer
    }()

    public init(encoding: TextEncoding, delimiter: UInt8, format: ValueFormat, lineEnding: String) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.format = format
        self.lineEnding = lineEnding
    }

    /// The CSV text of the table.
    public func bytes(of table: Table) -> [UInt8] {
        let parts = parts(of: table)
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { out.append(contentsOf: part) }
        return out
    }

    /// The CSV text of the table as the header line and then one part per processor, in order: to be
    /// written one after another without joining them.
    func parts(of table: Table) -> [[UInt8]] {
        [headerLine(table.columnNames)] + rows(of: table)
    }

    /// The CSV text of `header`, then of each record (bytes already in this dialect, copied from a
    /// file) followed by the cells of the same row of `appended` (``CSVRecordCopy``). Built in parts,
    /// one per processor, returned in order after the header line, to be written one after another.
    public func parts(header: [String], records: [Range<Int>], of source: UnsafeBufferPointer<UInt8>, appended: Table) -> [[UInt8]] {
        [headerLine(header)] + rows(of: appended, after: (records, SharedBytes(source)))
    }

    /// The lines of `table`'s rows, each after its record of a file when `records` are given, in parts
    /// (one per processor). The cells of each part are written column by column first (``cellsWriter(_:)``),
    /// then laid out row by row with the delimiters and line ends.
    private func rows(of table: Table, after records: ([Range<Int>], SharedBytes)? = nil) -> [[UInt8]] {
        let end = Array(lineEnding.utf8)
        let writers = table.columns.map(cellsWriter)
        let delimiter = self.delimiter
        // Delimiters per line: one before each cell, but the first when no record comes before it.
        let delimiters = records == nil ? max(0, writers.count - 1) : writers.count
        return ParallelRanges.map(table.rowCount) { rows in
            // Column `c`'s cell of the `k`-th row ends at `ends[c * rows.count + k]` in `cells`.
            var cells: [UInt8] = [], ends: [Int] = []
            cells.reserveCapacity(rows.count * writers.count * 4)
            ends.reserveCapacity(rows.count * writers.count)
            for write in writers { write(rows, &cells, &ends) }
            let recordBytes = records.map { records in rows.reduce(0) { $0 + records.0[$1].count } } ?? 0
            let size = recordBytes + cells.count + rows.count * (delimiters + end.count)
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                var at = 0
                func put(_ bytes: UnsafeRawBufferPointer) {
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[at..<at + bytes.count]).copyMemory(from: bytes)
                    at += bytes.count
                }
                cells.withUnsafeBytes { cells in
                    ends.withUnsafeBufferPointer { ends in
                        for (k, row) in rows.enumerated() {
                            if let (spans, file) = records { put(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: file.bytes[spans[row]]))) }
                            for column in 0..<writers.count {
                                if column > 0 || records != nil {
                                    buffer[at] = delimiter
                                    at += 1
                                }
                                let index = column * rows.count + k
                                put(UnsafeRawBufferPointer(rebasing: cells[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
                            }
                            end.withUnsafeBytes { put($0) }
                        }
                    }
                }
                count = at
            }
        }
    }

    /// The header's names as one line.
    private func headerLine(_ names: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, name) in names.enumerated() {
            if index > 0 { out.append(delimiter) }
            out.append(contentsOf: cell(name))
        }
        out.append(contentsOf: Array(lineEnding.utf8))
        return out
    }

    /// Writes one column's cells for some rows: each cell's bytes appended to `bytes`, and where it
    /// ends to `ends`.
    private typealias CellsWriter = @Sendable (_ rows: Range<Int>, _ bytes: inout [UInt8], _ ends: inout [Int]) -> Void

    /// How one column's cells are written. Labels and booleans are encoded once per value, whole numbers
    /// skip the general formatting; the texts of decimals, dates and date-times (``Column/text(at:format:)``)
    /// are remembered by value, up to ``rememberedValues`` per column and part: formatting them is most
    /// of the cost of writing a table, and survey data repeat them (a draw's weight is the same for a
    /// whole stratum; salaries, scores and dates take a few thousand values over a million rows).
    private func cellsWriter(_ column: Column) -> CellsWriter {
        switch (column.storage, column.type) {
        case (.coded(let codes, let levels), _):
            let texts = EncodedTexts(levels.map { cell(neutralisesFormulas && Self.looksLikeFormula($0) ? "'" + $0 : $0) })
            return { rows, bytes, ends in
                texts.each(rows, index: { codes[$0] == Column.missingCode ? nil : Int(codes[$0]) }, into: &bytes, ends: &ends)
            }
        case (.numeric(let values), .boolean):
            let texts = EncodedTexts((column.booleanLabels ?? ["0", "1"]).map(cell))
            return { rows, bytes, ends in
                texts.each(rows, index: { values[$0].isNaN ? nil : values[$0] == 0 ? 0 : 1 }, into: &bytes, ends: &ends)
            }
        case (.numeric(let values), .integer):
            return { rows, bytes, ends in
                for row in rows {
                    let value = values[row]
                    if value.isNaN {
                    } else if value == value.rounded() && abs(value) < 1e15 {
                        WholeNumberText.forEachByte(of: Int64(value)) { bytes.append($0) }
                    } else if let text = column.text(at: row, format: format) {
                        bytes.append(contentsOf: cell(text))
                    }
                    ends.append(bytes.count)
                }
            }
        case (.numeric(let values), _):
            return { rows, bytes, ends in
                var last: UInt64?, text: [UInt8] = []
                var known: [UInt64: [UInt8]] = [:]
                for row in rows {
                    let key = values[row].bitPattern
                    if key != last {
                        if let seen = known[key] {
                            text = seen
                        } else {
                            text = column.text(at: row, format: format).map(cell) ?? []
                            if known.count < Self.rememberedValues { known[key] = text }
                        }
                        last = key
                    }
                    bytes.append(contentsOf: text)
                    ends.append(bytes.count)
                }
            }
        }
    }

    static let rememberedValues = 1 << 16

    /// A few texts already encoded as cells, end to end: labels written by index without an array per cell.
    private struct EncodedTexts: Sendable {
        private var arena: [UInt8] = []
        private var offsets: [Int] = [0]

        init(_ texts: [[UInt8]]) {
            for text in texts {
                arena += text
                offsets.append(arena.count)
            }
        }

        /// For each of `rows`, the text `index` gives (none when nil), appended to `bytes`, and its end to `ends`.
        func each(_ rows: Range<Int>, index: (Int) -> Int?, into bytes: inout [UInt8], ends: inout [Int]) {
            arena.withUnsafeBufferPointer { arena in
                offsets.withUnsafeBufferPointer { offsets in
                    for row in rows {
                        if let text = index(row) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arena[offsets[text]..<offsets[text + 1]])) }
                        ends.append(bytes.count)
                    }
                }
            }
        }
    }

    /// Writes the table to `path` atomically.
    public func write(_ table: Table, to path: String, access: TextFile.Access = .owner) throws(CSVError) {
        try TextFile.write(parts: parts(of: table), to: path, access: access)
    }

    /// One cell's bytes in the output encoding, quoted when it holds the delimiter, a quote or a line
    /// break (quotes doubled), or starts or ends with a blank (which a reader would take off an
    /// unquoted field).
    /// Whether Excel would read the text as a formula.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    private func cell(_ text: String) -> [UInt8] {
        let bytes = encoding.encode(text)
        let padded = bytes.first.map { $0 == 32 || $0 == 9 } == true || bytes.last.map { $0 == 32 || $0 == 9 } == true
        guard padded || bytes.contains(where: { $0 == delimiter || $0 == 34 || $0 == 10 || $0 == 13 }) else { return bytes }
        var quoted: [UInt8] = [34]
        for byte in bytes {
            if byte == 34 { quoted.append(34) }
            quoted.append(byte)
        }
        quoted.append(34)
        return quoted
    }
}
