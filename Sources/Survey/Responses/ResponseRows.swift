import Foundation
import Questionnaire
import Table

/// Reads one row of a responses file into the answers of an interview, with the cells that could not
/// be read. Two shapes are understood: one column per variable, as `responses export` writes it, and a
/// KoboToolbox/ODK export of the XLSForm Sondeo wrote, whose headers carry the group path
/// (`seccion_3/nps`), whose multiple choice is one column of space-separated codes (`razones` = «2 3»)
/// or `razones/2` columns, and whose times are `start` and `end`.
///
/// Which column feeds which slot of the ``AnswerLayout`` is worked out once for the file, and each
/// distinct value of a column is interpreted once (the reader already numbered them).
struct ResponseRows {
    let questionnaire: QuestionnaireFile
    let layout: AnswerLayout
    /// The file's columns by variable name.
    let columns: [String: Column]
    private let readers: [SlotReader]

    init(questionnaire: QuestionnaireFile, table: Table) {
        self.questionnaire = questionnaire
        layout = AnswerLayout(questionnaire)
        let columns = Dictionary(table.columns.map { (Self.variableName(of: $0.name), $0) }, uniquingKeysWith: { a, _ in a })
        self.columns = columns
        let specials = questionnaire.specials.map { (code: Double($0.code), name: $0.name) }
        func cells(_ name: String, _ kind: CellValues.Kind) -> CellValues? {
            columns[name].map { CellValues($0, variable: name, kind: kind, specials: specials) }
        }
        var readers: [SlotReader] = []
        for (index, item) in questionnaire.items.enumerated() {
            let slots = layout.itemSlots[index]
            switch item.type {
            case .note, .calculated: continue
            case .single, .yesNo, .scale, .integer, .decimal:
                if let c = cells(item.id, .number) { readers.append(SlotReader(slot: slots.lowerBound, source: .single(c))) }
            case .text, .date, .time, .dateTime:
                if let c = cells(item.id, .text) { readers.append(SlotReader(slot: slots.lowerBound, source: .single(c))) }
            case .grid:
                for slot in slots {
                    if let c = cells(layout.names[slot], .number) { readers.append(SlotReader(slot: slot, source: .single(c))) }
                }
            case .multiple(let list):
                if let c = cells(item.id, .codes) {
                    readers.append(SlotReader(slot: slots.lowerBound, source: .single(c)))
                } else {
                    let options = (questionnaire.list(list)?.options ?? []).compactMap { option in
                        cells("\(item.id)_\(option.code)", .dummy).map { (option.code, $0) }
                    }
                    readers.append(SlotReader(slot: slots.lowerBound, source: .dummies(options)))
                }
            }
        }
        self.readers = readers
    }

    /// The variable a header names: `seccion_3/atributos/atributos_espera` → `atributos_espera`,
    /// `seccion_3/razones/2` → `razones_2`, `start`/`end` → `_inicio`/`_fin`; other headers as they are.
    static func variableName(of header: String) -> String {
        let parts = header.split(separator: "/").map(String.init)
        if parts.count >= 2, let last = parts.last, Int(last) != nil { return "\(parts[parts.count - 2])_\(last)" }
        switch parts.last ?? header {
        case "start": return "_inicio"
        case "end": return "_fin"
        default: return parts.last ?? header
        }
    }

    /// A cell that is not what its question takes.
    struct CellProblem: Sendable {
        var column: String
        var spanish: String
        var english: String
    }

    /// The variable columns the questionnaire expects that the file lacks.
    var missingColumns: [String] {
        Variables.of(questionnaire).filter { v in
            if case .calculated = questionnaire.item(v.item)?.type { return false }
            if v.kind == .dummy && columns[v.item] != nil { return false }  // one column of codes instead
            return columns[v.name] == nil
        }.map(\.name)
    }

    /// The answers of one row, by slot, and the cells that could not be read.
    func sheet(row: Int) -> (AnswerSheet, [CellProblem]) {
        var sheet = AnswerSheet(count: layout.count)
        var problems: [CellProblem] = []
        for reader in readers {
            switch reader.source {
            case .single(let cells):
                switch cells.cell(row) {
                case .empty: break
                case .answer(let answer): sheet[reader.slot] = answer
                case .problem(let problem): problems.append(problem)
                }
            case .dummies(let options):
                var chosen = Set<Int>(), seen = false
                for (code, cells) in options {
                    switch cells.cell(row) {
                    case .empty: continue
                    case .answer(let answer):
                        if answer == .number(1) { chosen.insert(code) }
                    case .problem(let problem): problems.append(problem)
                    }
                    seen = true
                }
                if seen { sheet[reader.slot] = .codes(chosen) }
            }
        }
        return (sheet, problems)
    }

    /// A system column's text (`_modo`, `_encuestador`, `_inicio`, `_fin`, `_disposicion`), looked up
    /// once; ``text(_:row:)`` reads it per row.
    func system(_ name: String) -> Column? { columns[name] }

    /// A cell's text, nil when empty.
    static func text(_ column: Column?, row: Int) -> String? {
        guard let text = column?.text(at: row), !text.isEmpty else { return nil }
        return text
    }
}

/// Where one slot's answer comes from: one column, or one 0/1 column per option of a `varias de`.
private struct SlotReader {
    enum Source {
        case single(CellValues)
        case dummies([(code: Int, cells: CellValues)])
    }

    var slot: Int
    var source: Source
}

/// One column of the file read as one kind of answer. A number column is read as it is; any other
/// column is read through its distinct values, each interpreted once.
private struct CellValues {
    enum Kind { case number, text, codes, dummy }

    enum Cell {
        case empty
        case answer(Answer)
        case problem(ResponseRows.CellProblem)
    }

    private enum Storage {
        /// An integer or decimal column read as a number: NaN is empty, a declared code a special.
        case numbers([Double], specials: [(code: Double, name: String)])
        /// A code per row into the cells of the distinct values.
        case values(codes: [UInt32], cells: [Cell])
    }

    private let storage: Storage

    init(_ column: Column, variable: String, kind: Kind, specials: [(code: Double, name: String)]) {
        func cell(_ text: String?) -> Cell { Self.interpret(text, as: kind, variable: variable, specials: specials) }
        switch column.storage {
        case .numeric(let values) where kind == .number && (column.type == .integer || column.type == .decimal):
            storage = .numbers(values, specials: specials)
        case .coded(let codes, let levels):
            storage = .values(codes: codes, cells: levels.map(cell))
        case .numeric(let values):
            // Booleans, dates, or numbers read as text: number the distinct values, as the reader does for text.
            var codeOf: [UInt64: UInt32] = [:], cells: [Cell] = [], codes: [UInt32] = []
            codes.reserveCapacity(values.count)
            for (row, x) in values.enumerated() {
                if x.isNaN { codes.append(Column.missingCode); continue }
                if let code = codeOf[x.bitPattern] { codes.append(code); continue }
                let code = UInt32(cells.count)
                codeOf[x.bitPattern] = code
                cells.append(cell(column.text(at: row)))
                codes.append(code)
            }
            storage = .values(codes: codes, cells: cells)
        }
    }

    func cell(_ row: Int) -> Cell {
        switch storage {
        case .numbers(let values, let specials):
            let x = values[row]
            if x.isNaN { return .empty }
            if let special = specials.first(where: { $0.code == x }) { return .answer(.special(special.name)) }
            return .answer(.number(x))
        case .values(let codes, let cells):
            let code = codes[row]
            return code == Column.missingCode ? .empty : cells[Int(code)]
        }
    }

    /// What a cell's text means for this kind of answer: blanks around it do not count.
    private static func interpret(_ raw: String?, as kind: Kind, variable: String, specials: [(code: Double, name: String)]) -> Cell {
        guard var text = raw else { return .empty }
        if text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ") { text = text.trimmingCharacters(in: .whitespaces) }
        if text.isEmpty { return .empty }
        func problem(_ es: String, _ en: String) -> Cell { .problem(ResponseRows.CellProblem(column: variable, spanish: es, english: en)) }
        switch kind {
        case .number:
            guard let x = Double(text.replacingOccurrences(of: ",", with: ".")) else { return problem("«\(text)» no es un número", "«\(text)» is not a number") }
            return .answer(specials.first { $0.code == x }.map { .special($0.name) } ?? .number(x))
        case .text:
            return .answer(.text(text))
        case .codes:
            // One column of space-separated codes (KoboToolbox, ODK).
            let parsed = text.split(separator: " ").map { Int($0) }
            if parsed.contains(nil) { return problem("«\(text)» no son códigos separados por espacios", "«\(text)» are not space-separated codes") }
            return .answer(.codes(Set(parsed.compactMap { $0 })))
        case .dummy:
            switch text {
            case "1", "1.0", "sí", "si", "Sí": return .answer(.number(1))
            case "0", "0.0", "no", "No": return .answer(.number(0))
            default: return problem("«\(text)» no es 0 ni 1", "«\(text)» is neither 0 nor 1")
            }
        }
    }
}
