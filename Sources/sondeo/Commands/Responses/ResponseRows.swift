import Questionnaire
import Table

/// Reads one row of a responses file (one column per variable, as `responses export` writes it and a
/// KoboToolbox export names them) into the answers of an interview, with the cells that could not be read.
struct ResponseRows {
    let questionnaire: QuestionnaireFile
    let table: Table

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
        let specials = Dictionary(questionnaire.specials.map { (Double($0.code), $0.name) }, uniquingKeysWith: { a, _ in a })
        func cell(_ name: String) -> String? {
            guard let text = table[name]?.text(at: row)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func number(_ name: String) -> Answer? {
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
        guard let text = table[name]?.text(at: row), !text.isEmpty else { return nil }
        return text
    }
}
