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

    /// The CSV text of the table. Large tables are written in parts, one per processor, joined in order.
    public func bytes(of table: Table) -> [UInt8] {
        var out = headerLine(table.columnNames)
        let end = Array(lineEnding.utf8)
        let writers = table.columns.map(cellWriter)
        let delimiter = self.delimiter, width = table.columns.count
        let parts = ParallelRanges.map(table.rowCount) { rows in
            var part: [UInt8] = []
            part.reserveCapacity(rows.count * width * 8)
            for row in rows {
                for (index, write) in writers.enumerated() {
                    if index > 0 { part.append(delimiter) }
                    write(row, &part)
                }
                part.append(contentsOf: end)
            }
            return part
        }
        out.reserveCapacity(out.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { out.append(contentsOf: part) }
        return out
    }

    /// The CSV text of `header`, then of each record (bytes already in this dialect, copied from a
    /// file) followed by the cells of the same row of `appended` (``CSVRecordCopy``). Built in parts,
    /// one per processor, returned in order after the header line, to be written one after another.
    public func parts(header: [String], records: [Range<Int>], of source: UnsafeBufferPointer<UInt8>, appended: Table) -> [[UInt8]] {
        let end = Array(lineEnding.utf8)
        let writers = appended.columns.map(cellWriter)
        let decimals = appended.columns.map { $0.type == .decimal ? $0.numbers : nil }
        let delimiter = self.delimiter, file = SharedBytes(source)
        let parts = ParallelRanges.map(records.count) { rows in
            let cells = AppendedCells(rows: rows, writers: writers, decimals: decimals)
            let size = rows.reduce(0) { $0 + records[$1].count } + cells.bytes.count + rows.count * (writers.count + end.count)
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                var at = 0
                func put(_ bytes: UnsafeRawBufferPointer) {
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[at..<at + bytes.count]).copyMemory(from: bytes)
                    at += bytes.count
                }
                cells.bytes.withUnsafeBytes { arena in
                    cells.ends.withUnsafeBufferPointer { ends in
                        for (k, row) in rows.enumerated() {
                            put(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: file.bytes[records[row]])))
                            for column in 0..<writers.count {
                                buffer[at] = delimiter
                                at += 1
                                let index = column * rows.count + k
                                put(UnsafeRawBufferPointer(rebasing: arena[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
                            }
                            end.withUnsafeBytes { put($0) }
                        }
                    }
                }
                count = at
            }
        }
        return [headerLine(header)] + parts
    }

    /// The appended cells of some rows, written column by column (one cell writer per column, not per
    /// cell): every cell's bytes one after another, and where each ends — column `c`'s cell of the
    /// `k`-th row ends at `ends[c * rows + k]`. A decimal column's last text is reused while the value
    /// repeats (a draw's weight is the same for a whole stratum, and formatting a double is most of the
    /// cost of writing one).
    private struct AppendedCells {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        init(rows: Range<Int>, writers: [@Sendable (Int, inout [UInt8]) -> Void], decimals: [[Double]?]) {
            ends.reserveCapacity(rows.count * writers.count)
            bytes.reserveCapacity(rows.count * writers.count * 4)
            for (write, values) in zip(writers, decimals) {
                guard let values else {
                    for row in rows {
                        write(row, &bytes)
                        ends.append(bytes.count)
                    }
                    continue
                }
                var last = Double.nan, text: [UInt8] = []
                for row in rows {
                    if values[row] != last || last.isNaN {
                        text.removeAll(keepingCapacity: true)
                        write(row, &text)
                        last = values[row]
                    }
                    bytes.append(contentsOf: text)
                    ends.append(bytes.count)
                }
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

    /// How one column's cells are written. Labels and booleans are encoded once per value, whole
    /// numbers skip the general formatting; other values go through ``Column/text(at:format:)``.
    private func cellWriter(_ column: Column) -> @Sendable (Int, inout [UInt8]) -> Void {
        switch (column.storage, column.type) {
        case (.coded(let codes, let levels), _):
            let encoded = levels.map { cell(neutralisesFormulas && Self.looksLikeFormula($0) ? "'" + $0 : $0) }
            return { row, out in
                let code = codes[row]
                if code != Column.missingCode { out.append(contentsOf: encoded[Int(code)]) }
            }
        case (.numeric(let values), .boolean):
            let labels = (column.booleanLabels ?? ["0", "1"]).map(cell)
            return { row, out in
                let value = values[row]
                if !value.isNaN { out.append(contentsOf: labels[value == 0 ? 0 : 1]) }
            }
        case (.numeric(let values), .integer):
            return { row, out in
                let value = values[row]
                if value.isNaN { return }
                if value == value.rounded() && abs(value) < 1e15 {
                    WholeNumberText.forEachByte(of: Int64(value)) { out.append($0) }
                } else if let text = column.text(at: row, format: format) {
                    out.append(contentsOf: cell(text))
                }
            }
        default:
            return { row, out in
                if let text = column.text(at: row, format: format) { out.append(contentsOf: cell(text)) }
            }
        }
    }

    /// Writes the table to `path` atomically.
    public func write(_ table: Table, to path: String, access: TextFile.Access = .owner) throws(CSVError) {
        try TextFile.write(bytes: Data(bytes(of: table)), to: path, access: access)
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
