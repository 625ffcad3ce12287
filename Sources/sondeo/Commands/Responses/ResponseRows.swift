import Questionnaire
import Table

/// Reads one row of a responses file (one column per variable, as `responses export` writes it and a
/// KoboToolbox export names them) into the answers of an interview, with the cells that could not be read.
struct ResponseRows {
    let questionnaire: QuestionnaireFile
    let table: Table
    /// The file's columns by name, looked up once rather than per cell.
    let columns: [String: Column]
    let specials: [Double: String]

    init(questionnaire: QuestionnaireFile, table: Table) {
        self.questionnaire = questionnaire
        self.table = table
        columns = Dictionary(table.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        specials = Dictionary(questionnaire.specials.map { (Double($0.code), $0.name) }, uniquingKeysWith: { a, _ in a })
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
            return table[v.name] == nil
        }.map(\.name)
    }

    func responses(row: Int) -> (Responses, [CellProblem]) {
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
        for item in questionnaire.items {
            switch item.type {
            case .note, .calculated:
                continue
            case .single, .yesNo, .scale, .integer, .decimal:
                responses[item.id] = number(item.id)
            case .text, .date:
                responses[item.id] = cell(item.id).map(Answer.text)
            case .grid:
                for r in item.rows { responses["\(item.id)_\(r.id)"] = number("\(item.id)_\(r.id)") }
            case .multiple(let list):
                var chosen = Set<Int>(), seen = false
                for option in questionnaire.list(list)?.options ?? [] {
                    let name = "\(item.id)_\(option.code)"
                    guard let text = cell(name) else { continue }
                    seen = true
                    switch text {
                    case "1", "1.0", "sí", "si", "Sí": chosen.insert(option.code)
                    case "0", "0.0", "no", "No": break
                    default: problems.append(CellProblem(column: name, spanish: "«\(text)» no es 0 ni 1", english: "«\(text)» is neither 0 nor 1"))
                    }
                }
                if seen { responses[item.id] = .codes(chosen) }
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
