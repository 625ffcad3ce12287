import Diagnostics

/// How to read a CSV file. Every field left nil is detected from the file.
public struct CSVReadOptions: Sendable {
    /// The field delimiter: `,`, `;`, tab or `|`. Detected when nil.
    public var delimiter: UInt8?
    /// Detected when nil: UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise.
    public var encoding: TextEncoding?
    /// `.` or `,`. Detected when nil: `,` when the delimiter is not `,` and the numbers use commas.
    public var decimalMark: UInt8?
    /// The thousands mark of grouped numbers (`.` for `1.234.567,89`); detected per column when nil.
    public var thousands: UInt8?
    /// Values that mean "missing" besides the empty cell and `NA`, e.g. `["98", "99"]`.
    public var missingCodes: [String] = []
    /// Report rows with the wrong number of fields and go on, instead of stopping at the first.
    public var skipBadRows = false
    /// Read only these columns (by header name); nil reads them all. Other columns are split off but
    /// never interned, which makes reading a wide frame for two of its columns much cheaper.
    public var columns: Set<String>?
    /// Called now and then with the fraction of the file read (0…1), for a progress display.
    public var progress: (@Sendable (Double) -> Void)?
    /// Compute the SHA-256 of the file's bytes as they are read (``CSVReport/sha256``), instead of
    /// reading the file a second time for a fingerprint.
    public var digest = false
    /// Keep where each row's record starts in the file (``Table/sourceOffsets``), for copying records.
    public var recordOffsets = false
    /// A workbook's sheet, by name or 1-based position; the first by default.
    public var sheet: String?
    /// Lines (rows of a sheet) above the header to leave out: a title, a date, a note. Nil: a CSV's
    /// title lines (single fields above a header of several) are found and left out, with a warning.
    public var skip: Int?
    /// Read the codes an SPSS file declares missing (NS/NR) as missing, as SPSS's own procedures do:
    /// what `analyze` asks for; `convert` keeps the codes (and their declaration).
    public var declaredMissing = false

    public init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil, decimalMark: UInt8? = nil,
                missingCodes: [String] = [], skipBadRows: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimalMark = decimalMark
        self.missingCodes = missingCodes
        self.skipBadRows = skipBadRows
    }
}

/// What the reader found out about a file: what `sondeo data inspect` reports first.
public struct CSVReport: Sendable {
    public var source: String
    public var encoding: TextEncoding
    public var byteOrderMark: Bool
    public var delimiter: UInt8
    public var decimalMark: UInt8
    public var lineEnding: LineEnding
    /// Data rows read (header excluded, skipped rows excluded).
    public var rows: Int
    /// Rows left out under `skipBadRows`: their line and field count.
    public var skippedRows: [(line: Int, fields: Int)]
    /// Fields the header announced.
    public var expectedFields: Int
    /// The SHA-256 of the file's bytes (hex), when ``CSVReadOptions/digest`` asked for it.
    public var sha256: String?
    /// What kind of file it was, and for a workbook the sheet read.
    public var format = DataFormat.csv
    public var sheet: String?
    /// Header names that were empty or repeated, and the names they were given.
    public var renamedColumns: [(from: String, to: String)] = []
    /// Cells holding an error (`#N/A`, `#DIV/0!`) in a workbook: read as missing.
    public var errorCells = 0
    /// Columns whose numbers were not plain, and how they were read («miles con «.», sin «$»»).
    public var numberNotes: [(column: String, note: String)] = []
    /// Title lines above the header left out without `--skip` (their text).
    public var titleLines: [String] = []
    /// "LE" or "BE" for a UTF-16 text (read converted to UTF-8).
    public var utf16: String?
    /// Variable and value labels an SPSS or Stata file carried, to write them on.
    public var labels: TableLabels?
    /// For a table read from a database: the query that gave it.
    public var query: String?

    public enum LineEnding: String, Sendable { case lf = "LF", crlf = "CRLF", cr = "CR" }

    /// Set when the file was read as UTF-8 although some bytes are not UTF-8: where the first one is
    /// (line, column, byte offset). Those bytes were read as Windows-1252; `--encoding` overrides.
    public var strayBytes: SourceLocation?
    /// How many bytes broke UTF-8, when ``strayBytes`` is set.
    public var strayByteCount = 0
}

/// The kinds of data file Sondeo reads and writes.
public enum DataFormat: String, Sendable {
    case csv, xlsx, sav, dta
    /// The result of a query on a database (PostgreSQL or SQLite), not a file.
    case database
}

extension CSVReport {
    /// The report of a table read from a database query: no file, so no dialect; `sha256` the digest of
    /// what identifies it (the source and the query), when asked for.
    public static func query(_ query: String, source: String, rows: Int, columns: Int, sha256: String?) -> CSVReport {
        var report = CSVReport(source: source, encoding: .utf8, byteOrderMark: false, delimiter: 0, decimalMark: UInt8(ascii: "."), lineEnding: .lf,
                               rows: rows, skippedRows: [], expectedFields: columns)
        report.sha256 = sha256
        report.format = .database
        report.query = query
        return report
    }
}
