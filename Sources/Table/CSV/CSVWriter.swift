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

    public static let standard = CSVWriter(encoding: .utf8, delimiter: UInt8(ascii: ","), format: .standard, lineEnding: "\n")
    public static let excel = CSVWriter(encoding: .windows1252, delimiter: UInt8(ascii: ";"), format: .excel, lineEnding: "\r\n")

    public init(encoding: TextEncoding, delimiter: UInt8, format: ValueFormat, lineEnding: String) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.format = format
        self.lineEnding = lineEnding
    }

    /// The CSV text of the table.
    public func bytes(of table: Table) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.rowCount * table.columns.count * 8)
        let end = Array(lineEnding.utf8)
        for (index, name) in table.columnNames.enumerated() {
            if index > 0 { out.append(delimiter) }
            appendCell(name, to: &out)
        }
        out.append(contentsOf: end)
        for row in 0..<table.rowCount {
            for (index, column) in table.columns.enumerated() {
                if index > 0 { out.append(delimiter) }
                if let cell = column.text(at: row, format: format) { appendCell(cell, to: &out) }
            }
            out.append(contentsOf: end)
        }
        return out
    }

    /// Writes the table to `path` atomically.
    public func write(_ table: Table, to path: String) throws(CSVError) {
        let data = Data(bytes(of: table))
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CSVError(.ioFailure(reason: (error as NSError).localizedDescription), at: SourceLocation(source: path))
        }
    }

    /// One cell, quoted when it holds the delimiter, a quote or a line break (quotes doubled).
    private func appendCell(_ cell: String, to out: inout [UInt8]) {
        let needsQuotes = cell.utf8.contains { $0 == delimiter || $0 == 34 || $0 == 10 || $0 == 13 }
        if needsQuotes { out.append(34) }
        if encoding == .utf8 && !needsQuotes {
            out.append(contentsOf: cell.utf8)
        } else {
            for byte in encoding.encode(cell) {
                if byte == 34 { out.append(34) }
                out.append(byte)
            }
        }
        if needsQuotes { out.append(34) }
    }
}
