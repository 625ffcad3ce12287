import Questionnaire
import Table

/// Reads one row of a responses file into the answers of an interview, with the cells that could not
/// be read. Two shapes are understood: one column per variable, as `responses export` writes it, and a
/// KoboToolbox/ODK export of the XLSForm Sondeo wrote, whose headers carry the group path
/// (`seccion_3/nps`), whose multiple choice is one column of space-separated codes (`razones` = «2 3»)
/// or `razones/2` columns, and whose times are `start` and `end`.
struct ResponseRows {
    let questionnaire: QuestionnaireFile
    let table: Table
    /// The file's columns by name, looked up once rather than per cell.
    let columns: [String: Column]
    let specials: [Double: String]

    init(questionnaire: QuestionnaireFile, table: Table) {
        self.questionnaire = questionnaire
        self.table = table
        columns = Dictionary(table.columns.map { (Self.variableName(of: $0.name), $0) }, uniquingKeysWith: { a, _ in a })
        specials = Dictionary(questionnaire.specials.map { (Double($0.code), $0.name) }, uniquingKeysWith: { a, _ in a })
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
    struct CellProblem {
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

    /// Where each answer comes from, worked out once for the file: the variable, its kind and its column.
    enum Slot {
        case number(variable: String)
        case text(variable: String)
        case codes(item: String)
        case dummies(item: String, options: [(code: Int, column: String)])
    }

    var plan: [Slot] {
        questionnaire.items.flatMap { item -> [Slot] in
            switch item.type {
            case .note, .calculated: return []
            case .single, .yesNo, .scale, .integer, .decimal: return [.number(variable: item.id)]
            case .text, .date: return [.text(variable: item.id)]
            case .grid: return item.rows.map { .number(variable: "\(item.id)_\($0.id)") }
            case .multiple(let list):
                if columns[item.id] != nil { return [.codes(item: item.id)] }
                return [.dummies(item: item.id, options: (questionnaire.list(list)?.options ?? []).map { ($0.code, "\(item.id)_\($0.code)") })]
            }
        }
    }

    func responses(row: Int, plan: [Slot]) -> (Responses, [CellProblem]) {
        var responses = Responses()
        var problems: [CellProblem] = []
        func cell(_ name: String) -> String? {
            guard var text = columns[name]?.text(at: row) else { return nil }
            if text.first == " " || text.last == " " { text = text.trimmingCharacters(in: .whitespaces) }
            return text.isEmpty ? nil : text
        }
        func number(_ name: String) -> Answer? {
            // A numeric column already holds the number (NaN when empty); only text columns are parsed.
            if let column = columns[name], column.type == .integer || column.type == .decimal, let values = column.numbers {
                let x = values[row]
                return x.isNaN ? nil : (specials[x].map(Answer.special) ?? .number(x))
            }
            guard let text = cell(name) else { return nil }
            guard let x = Double(text.replacingOccurrences(of: ",", with: ".")) else {
                problems.append(CellProblem(column: name, spanish: "«\(text)» no es un número", english: "«\(text)» is not a number"))
                return nil
            }
            return specials[x].map(Answer.special) ?? .number(x)
        }
        for slot in plan {
            switch slot {
            case .number(let variable):
                if let answer = number(variable) { responses[variable] = answer }
            case .text(let variable):
                if let text = cell(variable) { responses[variable] = .text(text) }
            case .codes(let item):
                guard let codes = cell(item) else { continue }
                // One column of space-separated codes (KoboToolbox, ODK).
                let parsed = codes.split(separator: " ").map { Int($0) }
                if parsed.contains(nil) {
                    problems.append(CellProblem(column: item, spanish: "«\(codes)» no son códigos separados por espacios", english: "«\(codes)» are not space-separated codes"))
                } else {
                    responses[item] = .codes(Set(parsed.compactMap { $0 }))
                }
            case .dummies(let item, let options):
                var chosen = Set<Int>(), seen = false
                for (code, name) in options {
                    guard let text = cell(name) else { continue }
                    seen = true
                    switch text {
                    case "1", "1.0", "sí", "si", "Sí": chosen.insert(code)
                    case "0", "0.0", "no", "No": break
                    default: problems.append(CellProblem(column: name, spanish: "«\(text)» no es 0 ni 1", english: "«\(text)» is neither 0 nor 1"))
                    }
                }
                if seen { responses[item] = .codes(chosen) }
            }
        }
        return (responses, problems)
    }

    /// A system column's text (`_modo`, `_encuestador`, `_inicio`, `_fin`, `_disposicion`).
    func system(_ name: String, row: Int) -> String? {
        guard let text = columns[name]?.text(at: row), !text.isEmpty else { return nil }
        return text
    }
}
