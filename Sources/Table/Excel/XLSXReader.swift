import Diagnostics
import Foundation

/// Reads a sheet of an Excel workbook as a ``Table``, each cell as Excel stores it: numbers as numbers,
/// dates and date-times by their cell's number format (serial days since 1899-12-30, or 1904-01-01),
/// booleans, shared and inline strings; error cells (`#N/A`, `#DIV/0!`) are missing and said. The first
/// row (after `skip`) names the columns. The sheet is read as it is decompressed, a megabyte at a time.
enum XLSXReader {
    static func read(path: String, options: CSVReadOptions) throws(CSVError) -> (table: Table, report: CSVReport) {
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.sheet(options.sheet)
        var cells = SheetCells(workbook: workbook, skip: options.skip ?? 0)
        var scanner = XMLScanner()
        // The sheet is decompressed on one core and read on the other.
        let pieces = Handoff<Data?>(capacity: 4)
        let failure = Handoff<(any Error)?>()
        let reading = Thread {
            do { try workbook.stream(sheet.part) { pieces.send(Data(buffer: $0)) } ; failure.send(nil) } catch { failure.send(error) }
            pieces.send(nil)
        }
        reading.stackSize = 1 << 20
        reading.start()
        while let piece = pieces.receive() {
            piece.withUnsafeBytes { raw in scanner.feed(raw.bindMemory(to: UInt8.self)) { cells.take($0) } }
        }
        scanner.feed(UnsafeBufferPointer(start: nil, count: 0), final: true) { cells.take($0) }
        if let error = failure.receive() {
            if let error = error as? CSVError { throw error }
            throw CSVError(.notWorkbook(reason: L("no se pudo descomprimir la hoja «\(sheet.name)»", "sheet «\(sheet.name)» could not be decompressed")),
                           at: SourceLocation(source: path))
        }
        guard let header = cells.header else { throw CSVError(.empty, at: SourceLocation(source: path)) }
        var (table, renamed) = cells.table(header: header, options: options)
        if let wanted = options.columns {
            for name in wanted.sorted() where table[name] == nil {
                throw CSVError(.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: table.columnNames)), at: SourceLocation(source: path, line: 1))
            }
            table = Table(columns: table.columns.filter { wanted.contains($0.name) }, rowCount: table.rowCount, sourceLines: table.sourceLines)
        }
        var report = CSVReport(source: path, encoding: .utf8, byteOrderMark: false, delimiter: 0, decimalMark: UInt8(ascii: "."), lineEnding: .lf,
                               rows: table.rowCount, skippedRows: [], expectedFields: table.columns.count)
        report.format = .xlsx
        report.sheet = sheet.name
        report.renamedColumns = renamed
        report.errorCells = cells.errorCells
        if options.digest, let data = FileManager.default.contents(atPath: path) { report.sha256 = SHA256.hex(of: Array(data)) }
        return (table, report)
    }
}

/// The cells of a sheet as they are read, by column: what kind each is and its value.
private struct SheetCells {
    enum Kind: UInt8 { case empty, number, shared, inline, boolean, error, date, dateTime, time, isoDate }

    struct CellColumn {
        var kinds: [Kind] = []
        var values: [Double] = []
        /// The decimals every number cell's format shows, while they agree (`.some(nil)` once they do not).
        var places: Int?? = nil
        mutating func note(places p: Int?) {
            guard let known = places else { places = .some(p); return }
            if known != p { places = .some(nil) }
        }
        /// Empty cells up to `row`.
        mutating func pad(to row: Int) {
            guard kinds.count < row else { return }
            kinds.append(contentsOf: repeatElement(.empty, count: row - kinds.count))
            values.append(contentsOf: repeatElement(.nan, count: row - values.count))
        }
        mutating func set(_ row: Int, _ kind: Kind, _ value: Double) {
            pad(to: row)
            kinds.append(kind)
            values.append(value)
        }
    }

    let workbook: XLSXWorkbook
    let skip: Int
    var header: [Int: String]?
    var columns: [CellColumn] = []
    /// Inline strings and formula texts, by their bytes (each distinct one decoded once at the end).
    var inline = ByteInterner(capacity: 1024)
    var rows = 0
    var rowNumbers: [Int32] = []
    var errorCells = 0

    // The cell being read.
    private var rowNumber = 0
    private var rowHasCells = false
    private var column = -1
    private var cellType: UInt8 = 0
    private var style = 0
    private var value: [UInt8] = []
    private var inValue = false, inInline = false, inText = false, inPhonetic = false
    private var headerCells: [Int: String] = [:]

    init(workbook: XLSXWorkbook, skip: Int) {
        self.workbook = workbook
        self.skip = skip
    }

    mutating func take(_ event: XMLScanner.Event) {
        switch event {
        case .start(.row, let tag, let empty):
            rowNumber = XMLScanner.attribute("r", in: tag).flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? rowNumber + 1
            column = -1
            rowHasCells = false
            headerCells = [:]
            if empty { endRow() }
        case .end(.row): endRow()
        case .start(.c, let tag, let empty):
            // r (the reference), t (s: shared string, str: a formula's text, inlineStr, b, e, n, d; by its
            // length, as `s` and `str` start alike) and s (the cell format), in one pass over the tag.
            var reference: UnsafeBufferPointer<UInt8>?
            cellType = 0
            style = 0
            XMLScanner.eachAttribute(in: tag) { name, value in
                guard name.count == 1 else { return true }
                switch name[0] {
                case UInt8(ascii: "r"): reference = value
                case UInt8(ascii: "t"): cellType = value.count == 3 ? UInt8(ascii: "S") : (value.count > 3 ? UInt8(ascii: "I") : (value.first ?? 0))
                case UInt8(ascii: "s"): style = SheetCells.integer(value) ?? 0
                default: break
                }
                return true
            }
            column = reference.map(Self.column(ofReference:)) ?? column + 1
            value.removeAll(keepingCapacity: true)
            _ = empty
        case .start(.v, _, let empty): inValue = !empty
        case .end(.v): inValue = false
        case .start(.inlineString, _, _): inInline = true
        case .end(.inlineString): inInline = false
        case .start(.rPh, _, let empty): inPhonetic = !empty
        case .end(.rPh): inPhonetic = false
        case .start(.t, _, let empty): inText = inInline && !empty && !inPhonetic
        case .end(.t): inText = false
        case .text(let bytes) where inValue || inText: value.append(contentsOf: bytes)
        case .end(.c): endCell()
        default: break
        }
    }

    /// `AB12` → 27 (0-based).
    static func column(ofReference reference: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        for byte in reference {
            guard byte >= 65 && byte <= 90 else { break }
            index = index * 26 + Int(byte - 64)
        }
        return index - 1
    }

    private mutating func endCell() {
        guard column >= 0, !value.isEmpty else { return }
        if rowNumber <= skip { return }
        rowHasCells = true
        if header == nil {
            headerCells[column] = text(ofCell: cellType, value)
            return
        }
        let (kind, number) = classify()
        while columns.count <= column { columns.append(CellColumn()) }
        columns[column].set(rows, kind, number)
        if kind == .number { columns[column].note(places: style < workbook.places.count ? workbook.places[style] : nil) }
    }

    private mutating func endRow() {
        defer { rowHasCells = false }
        guard rowHasCells else { return }
        if header == nil {
            header = headerCells
            return
        }
        rows += 1
        rowNumbers.append(Int32(truncatingIfNeeded: rowNumber))
    }

    /// The kind and number of the cell just read.
    private mutating func classify() -> (SheetCells.Kind, Double) {
        switch cellType {
        case UInt8(ascii: "s"):   // shared string: its index
            return (.shared, Double(Self.integer(value) ?? -1))
        case UInt8(ascii: "b"):
            return (.boolean, value.first == UInt8(ascii: "1") ? 1 : 0)
        case UInt8(ascii: "e"):
            errorCells += 1
            return (.error, .nan)
        case UInt8(ascii: "S"), UInt8(ascii: "I"):   // a formula's text, an inline string
            return (.inline, Double(value.withUnsafeBufferPointer { inline.intern($0) }))
        case UInt8(ascii: "d"):   // an ISO 8601 date cell
            let seconds = value.withUnsafeBufferPointer { DateTimeParsing.parse($0)?.seconds ?? DateParsing.parse($0).map { Double($0.date.daysSinceEpoch) * 86400 } }
            return seconds.map { (.isoDate, $0) } ?? (.error, .nan)
        default:
            guard let number = Self.number(value) else { return (.inline, Double(value.withUnsafeBufferPointer { inline.intern($0) })) }
            switch style < workbook.styles.count ? workbook.styles[style] : .number {
            case .number: return (.number, number)
            case .date: return (.date, number)
            case .dateTime: return (.dateTime, number)
            case .time: return (.time, number)
            }
        }
    }

    private func text(ofCell type: UInt8, _ value: [UInt8]) -> String {
        if type == UInt8(ascii: "s"), let index = Self.integer(value), index < workbook.sharedStrings.count { return workbook.sharedStrings[index] }
        return value.withUnsafeBufferPointer { XMLScanner.decode($0, excel: true) }.trimmingCharacters(in: .whitespaces)
    }

    static func integer<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var n = 0
        for b in bytes { guard b >= 48 && b <= 57 else { return nil }; n = n * 10 + Int(b - 48) }
        return bytes.isEmpty || bytes.count > 18 ? nil : n
    }

    static func number(_ bytes: [UInt8]) -> Double? { bytes.withUnsafeBufferPointer(SheetNumber.parse) }

    // MARK: - The table

    /// Days from 1970-01-01 of an Excel serial: the 1900 system counts a 29 February 1900 that never was
    /// (serial 60), so serials from 61 on are one day late; the 1904 system starts at 1904-01-01.
    func days(ofSerial serial: Double) -> Double {
        if workbook.date1904 { return serial - 24_107 }
        return serial < 61 ? serial - 25_568 : serial - 25_569
    }

    func table(header: [Int: String], options: CSVReadOptions) -> (Table, [(from: String, to: String)]) {
        let width = max(columns.count, (header.keys.max() ?? -1) + 1)
        let missing = Set(["NA"] + options.missingCodes)
        let missingNumbers = Set(options.missingCodes.compactMap(Double.init))
        // A column with neither a name nor data is a formatting leftover, not a column.
        let kept = (0..<width).filter { index in
            let hasData = index < columns.count && columns[index].kinds.contains { $0 != .empty && $0 != .error }
            return !(header[index] ?? "").isEmpty || hasData
        }
        let (names, renamed) = HeaderNames.unique(kept.map { header[$0] ?? "" }, positions: kept.map { $0 + 1 })
        let built = zip(kept, names).map { index, name -> Column in
            var cells = index < columns.count ? columns[index] : CellColumn()
            cells.pad(to: rows)
            return column(name, cells, missing: missing, missingNumbers: missingNumbers)
        }
        return (Table(columns: built, rowCount: rows, sourceLines: rowNumbers), renamed)
    }

    /// One column: numbers, dates, date-times or booleans when every value is one; labels otherwise.
    private func column(_ name: String, _ cells: CellColumn, missing: Set<String>, missingNumbers: Set<Double>) -> Column {
        var seen = [Bool](repeating: false, count: 16)
        for kind in cells.kinds { seen[Int(kind.rawValue)] = true }
        var kinds = Set((0..<16).filter { seen[$0] }.compactMap { Kind(rawValue: UInt8($0)) })
        kinds.remove(.empty)
        kinds.remove(.error)
        let values = cells.values
        if kinds.isSubset(of: [.number]) {
            let numbers = zip(cells.kinds, values).map { $0 == .number && !missingNumbers.contains($1) ? $1 : .nan }
            let whole = numbers.allSatisfy { $0.isNaN || ($0 == $0.rounded() && abs($0) < 1e15) }
            // A column shown with fixed decimals (`1.00`, `3.19`) keeps them, as a CSV column would.
            let places = cells.places ?? nil
            if whole && (places ?? 0) == 0 { return Column(name: name, type: .integer, storage: .numeric(numbers)) }
            return Column(name: name, type: .decimal, storage: .numeric(numbers), decimalPlaces: places)
        }
        if kinds.isSubset(of: [.boolean]) {
            return Column(name: name, type: .boolean, storage: .numeric(zip(cells.kinds, values).map { $0 == .boolean ? $1 : .nan }),
                                booleanLabels: [L("FALSO", "FALSE"), L("VERDADERO", "TRUE")])
        }
        if kinds.isSubset(of: [.date]) {
            return Column(name: name, type: .date, storage: .numeric(zip(cells.kinds, values).map { $0 == .date ? days(ofSerial: $1).rounded(.down) : .nan }))
        }
        if kinds.isSubset(of: [.date, .dateTime, .isoDate]) {
            let seconds = zip(cells.kinds, values).map { kind, value -> Double in
                switch kind {
                case .date, .dateTime: return (days(ofSerial: value) * 86_400).rounded()
                case .isoDate: return value
                default: return .nan
                }
            }
            let whole = seconds.allSatisfy { $0.isNaN || $0.truncatingRemainder(dividingBy: 60) == 0 }
            return Column(name: name, type: .dateTime, storage: .numeric(seconds), dateTimeStyle: DateTimeStyle(seconds: !whole))
        }
        // Labels: every cell as the text Excel shows for it in General format, each distinct cell value
        // made text once (a shared string by its index, an inline one by its code).
        var levels: [String] = [], levelOfText: [String: UInt32] = [:]
        var sharedLevel = [UInt32](repeating: .max - 1, count: workbook.sharedStrings.count)
        var inlineLevel = [UInt32](repeating: .max - 1, count: inline.count)
        var otherLevel: [Double: UInt32] = [:]
        func level(_ text: String) -> UInt32 {
            guard !text.isEmpty, !missing.contains(text) else { return Column.missingCode }
            if let known = levelOfText[text] { return known }
            levelOfText[text] = UInt32(levels.count)
            levels.append(text)
            return UInt32(levels.count - 1)
        }
        let codes = zip(cells.kinds, values).map { kind, value -> UInt32 in
            switch kind {
            case .empty, .error: return Column.missingCode
            case .shared:
                let i = Int(value)
                guard i >= 0, i < sharedLevel.count else { return Column.missingCode }
                if sharedLevel[i] == .max - 1 { sharedLevel[i] = level(workbook.sharedStrings[i]) }
                return sharedLevel[i]
            case .inline:
                let i = Int(value)
                if inlineLevel[i] == .max - 1 { inlineLevel[i] = level(inline.withBytes(of: i) { XMLScanner.decode($0, excel: true) }) }
                return inlineLevel[i]
            default:
                let key = Double(kind.rawValue) * 1e12 + value
                if let known = otherLevel[key] { return known }
                let text: String
                switch kind {
                case .boolean: text = value == 1 ? L("VERDADERO", "TRUE") : L("FALSO", "FALSE")
                case .date: text = CivilDate(daysSinceEpoch: Int(days(ofSerial: value).rounded(.down))).iso
                case .dateTime, .time, .isoDate:
                    let seconds = kind == .isoDate ? value : (days(ofSerial: value) * 86_400).rounded()
                    let full = DateTimeStyle(seconds: true).text(seconds)
                    text = kind == .time ? String(full.suffix(8)) : full
                default: text = Self.general(value)
                }
                let code = level(text)
                otherLevel[key] = code
                return code
            }
        }
        return Column.labels(name, codes: codes, levels: levels)
    }

    /// A number as Excel's General format shows it: whole numbers without decimals, others in full.
    static func general(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
