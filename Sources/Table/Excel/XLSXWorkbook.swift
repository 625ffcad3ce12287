import Diagnostics
import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx, Office Open XML: ECMA-376 part 1) opened for reading: its sheets, the
/// strings its cells share, which cell styles show dates, and whether it counts days from 1904.
struct XLSXWorkbook: @unchecked Sendable {   // its archive is read by one thread at a time
    let path: String
    private let archive: Archive
    /// Sheets in workbook order: name and the part that holds it (`xl/worksheets/sheet1.xml`).
    let sheets: [(name: String, part: String)]
    let date1904: Bool
    let sharedStrings: [String]
    /// Per cell format (the `s` of a cell): what its number format shows.
    let styles: [NumberKind]
    /// Per cell format: the fixed decimals its number format shows (`0.00` → 2), nil for General.
    let places: [Int?]

    enum NumberKind { case number, date, dateTime, time }

    init(path: String) throws(CSVError) {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw CSVError(.notWorkbook(reason: L("no es un archivo ZIP de Office", "it is not an Office ZIP file")), at: SourceLocation(source: path))
        }
        guard let workbook = try? Self.read(archive, "xl/workbook.xml") else {
            throw CSVError(.notWorkbook(reason: L("le falta xl/workbook.xml (¿es un libro .xls antiguo o un .ods?)",
                                                  "xl/workbook.xml is missing (is it an old .xls or an .ods?)")), at: SourceLocation(source: path))
        }
        // Sheet names and their relationship ids, then where each relationship points.
        var named: [(String, String)] = []
        var date1904 = false
        var scanner = XMLScanner()
        workbook.withUnsafeBufferPointer { bytes in
            scanner.feed(bytes, final: true) { event in
                guard case .start(let name, let tag, _) = event else { return }
                if name == .sheet, let sheet = XMLScanner.attribute("name", in: tag), let id = XMLScanner.attribute("id", in: tag) {
                    named.append((XMLScanner.decode(sheet), XMLScanner.decode(id)))
                } else if name == .workbookPr, let flag = XMLScanner.attribute("date1904", in: tag) {
                    date1904 = ["1", "true"].contains(XMLScanner.decode(flag))
                }
            }
        }
        var targets: [String: String] = [:]
        if let relationships = try? Self.read(archive, "xl/_rels/workbook.xml.rels") {
            var scanner = XMLScanner()
            relationships.withUnsafeBufferPointer { bytes in
                scanner.feed(bytes, final: true) { event in
                    guard case .start(.relationship, let tag, _) = event, let id = XMLScanner.attribute("Id", in: tag),
                          let target = XMLScanner.attribute("Target", in: tag) else { return }
                    let path = XMLScanner.decode(target)
                    targets[XMLScanner.decode(id)] = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
                }
            }
        }
        sheets = named.enumerated().map { index, sheet in (sheet.0, targets[sheet.1] ?? "xl/worksheets/sheet\(index + 1).xml") }
        self.date1904 = date1904
        sharedStrings = (try? Self.sharedStrings(archive)) ?? []
        let formats = (try? Self.styles(archive)) ?? []
        styles = formats.map(\.kind)
        places = formats.map(\.places)
    }

    /// The sheet named, or the one at a 1-based position, or the first.
    func sheet(_ wanted: String?) throws(CSVError) -> (name: String, part: String) {
        guard let first = sheets.first else {
            throw CSVError(.notWorkbook(reason: L("no tiene hojas", "it has no sheets")), at: SourceLocation(source: path))
        }
        guard let wanted else { return first }
        // Excel's sheet names are unique without regard to case.
        if let found = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) { return found }
        if let index = Int(wanted), index >= 1, index <= sheets.count { return sheets[index - 1] }
        throw CSVError(.unknownSheet(wanted, sheets: sheets.map(\.name), suggestion: Suggestion.closest(to: wanted, among: sheets.map(\.name))),
                       at: SourceLocation(source: path))
    }

    /// Streams a part's bytes, a piece at a time.
    func stream(_ part: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let entry = archive[part] else {
            throw CSVError(.notWorkbook(reason: L("le falta \(part)", "\(part) is missing")), at: SourceLocation(source: path))
        }
        _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { data in
            try data.withUnsafeBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
        }
    }

    private static func read(_ archive: Archive, _ part: String) throws -> [UInt8] {
        guard let entry = archive[part] else { throw CocoaError(.fileNoSuchFile) }
        var bytes: [UInt8] = []
        _ = try archive.extract(entry, skipCRC32: true) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// `xl/sharedStrings.xml`: each `<si>` is the text of its `<t>` elements, rich-text runs joined and
    /// phonetic runs (`<rPh>`) left out.
    private static func sharedStrings(_ archive: Archive) throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        var strings: [String] = []
        var current: [UInt8] = []
        var inText = false, inPhonetic = false
        var scanner = XMLScanner()
        func handle(_ event: XMLScanner.Event) {
            switch event {
            case .start(.si, _, _): current.removeAll(keepingCapacity: true)
            case .start(.rPh, _, let empty): inPhonetic = !empty
            case .end(.rPh): inPhonetic = false
            case .start(.t, _, let empty): inText = !empty && !inPhonetic
            case .end(.t): inText = false
            case .text(let bytes) where inText: current.append(contentsOf: bytes)
            case .end(.si): strings.append(current.withUnsafeBufferPointer { XMLScanner.decode($0, excel: true) })
            default: break
            }
        }
        _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { data in
            data.withUnsafeBytes { raw in scanner.feed(raw.bindMemory(to: UInt8.self), handle) }
        }
        scanner.feed(UnsafeBufferPointer(start: nil, count: 0), final: true, handle)
        return strings
    }

    /// `xl/styles.xml`: the number format of each cell format (`cellXfs`), as a date, a time or a number.
    private static func styles(_ archive: Archive) throws -> [(kind: NumberKind, places: Int?)] {
        let bytes = try read(archive, "xl/styles.xml")
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellFormats = false
        var scanner = XMLScanner()
        bytes.withUnsafeBufferPointer { bytes in
            scanner.feed(bytes, final: true) { event in
                switch event {
                case .start(.numFmt, let tag, _):
                    if let id = XMLScanner.attribute("numFmtId", in: tag).flatMap({ Int(XMLScanner.decode($0)) }),
                       let code = XMLScanner.attribute("formatCode", in: tag) {
                        custom[id] = XMLScanner.decode(code)
                    }
                case .start(.cellXfs, _, let empty): inCellFormats = !empty
                case .end(.cellXfs): inCellFormats = false
                case .start(.xf, let tag, _) where inCellFormats:
                    formats.append(XMLScanner.attribute("numFmtId", in: tag).flatMap { Int(XMLScanner.decode($0)) } ?? 0)
                default: break
                }
            }
        }
        return formats.map { id in
            if let code = custom[id] { return (kind(ofFormat: code), places(ofFormat: code)) }
            return (builtIn(id), [1: 0, 2: 2, 3: 0, 4: 2][id])
        }
    }

    /// The fixed decimals of a number format: `0.00` and `#,##0.00` → 2, `0` → 0; nil for General,
    /// percentages and anything else.
    static func places(ofFormat code: String) -> Int? {
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        guard !section.contains("%"), !section.lowercased().contains("general"), section.contains("0") else { return nil }
        guard let dot = section.firstIndex(of: ".") else { return 0 }
        return section[section.index(after: dot)...].prefix { $0 == "0" || $0 == "#" }.count
    }

    /// The built-in number formats (ECMA-376 part 1, §18.8.30): 14–17 and 27–36, 50–58 dates, 22 a
    /// date with time, 18–21 and 45–47 times.
    private static func builtIn(_ id: Int) -> NumberKind {
        switch id {
        case 14...17, 27...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 45...47: return .time
        default: return .number
        }
    }

    /// A custom format: a date when it shows a day or a year, with the time when it shows hours or
    /// seconds too; text in quotes, escaped characters and `[…]` sections (colours, locales) aside.
    static func kind(ofFormat code: String) -> NumberKind {
        var plain = ""
        var quoted = false, bracket = false, escaped = false
        var section = ""
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket {
                // [h], [mm], [ss]: elapsed time; other brackets are colours, conditions, locales.
                if c == "]" { bracket = false; if !section.isEmpty, section.allSatisfy({ "hms".contains($0) }) { plain.append("h") }; section = "" } else { section.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true
            default: plain.append(c)
            }
        }
        // Only the first section (positive numbers) decides.
        let first = plain.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? plain
        let date = first.contains("d") || first.contains("y")
        let time = first.contains("h") || first.contains("s")
        if date { return time ? .dateTime : .date }
        return time ? .time : .number
    }
}
