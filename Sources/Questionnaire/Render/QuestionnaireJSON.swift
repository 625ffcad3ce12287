import Foundation

/// The syntax tree as JSON: the contract between the questionnaire and the collection module and web
/// form (keys sorted, so the output is stable).
public enum QuestionnaireJSON {
    public static func render(_ q: QuestionnaireFile, sha256: String) -> String {
        var items: [[String: Any]] = []
        for item in q.items {
            var object: [String: Any] = ["id": item.id, "type": item.type.keyword, "optional": item.optional, "specials": item.allowedSpecials]
            switch item.type {
            case .single(let l), .multiple(let l), .grid(let l): object["list"] = l
            case .scale(let low, let high, let a, let b): object["low"] = low; object["high"] = high; object["low_label"] = a ?? NSNull(); object["high_label"] = b ?? NSNull()
            case .integer(let low, let high), .decimal(let low, let high): object["low"] = low ?? NSNull(); object["high"] = high ?? NSNull()
            case .calculated(let e): object["calculation"] = e.source
            default: break
            }
            var texts: [String: String] = [:]
            for t in item.texts { texts[t.mode?.rawValue ?? "default"] = t.text }
            object["texts"] = texts
            object["instructions"] = item.instructions
            if let help = item.help { object["help"] = help }
            if let filter = item.choiceFilter { object["choice_filter"] = ["column": filter.column, "value": filter.value.source] }
            object["condition"] = item.condition?.source ?? NSNull()
            object["validations"] = item.validations.map { ["expression": $0.condition.source, "message": $0.message ?? ""] }
            object["warnings"] = item.warnings.map { ["expression": $0.condition.source, "message": $0.message ?? ""] }
            object["jumps"] = item.jumps.map { jump -> [String: String] in
                switch jump.target {
                case .end(let d): return ["condition": jump.condition.source, "end": d]
                case .go(let id): return ["condition": jump.condition.source, "go_to": id]
                }
            }
            object["randomize_rows"] = item.randomizeRows
            object["randomize_options"] = item.randomizeOptions
            object["maximum"] = item.maximum ?? NSNull()
            object["exclusive"] = item.exclusive
            object["rows"] = item.rows.map { ["id": $0.id, "text": $0.text, "condition": $0.condition?.source ?? ""] }
            object["section"] = item.section.map { q.sections[$0].title } ?? NSNull()
            object["line"] = item.position.line
            items.append(object)
        }
        let document: [String: Any] = [
            "id": q.id ?? NSNull(), "title": q.title ?? NSNull(), "version": q.version ?? NSNull(), "sha256": sha256,
            "modes": q.modes.map(\.rawValue), "partial_from": q.partialFrom ?? NSNull(),
            "specials": q.specials.map { ["name": $0.name, "code": $0.code, "label": $0.label] },
            "lists": q.lists.map { ["id": $0.id, "options": $0.options.map { ["code": $0.code, "label": $0.label, "exclusive": $0.exclusive, "other": $0.other, "values": $0.values] as [String: Any] }] },
            "sections": q.sections.map { ["title": $0.title, "condition": $0.condition?.source ?? ""] as [String: Any] },
            "items": items,
            "variables": Variables.of(q).map { ["name": $0.name, "label": $0.label, "item": $0.item] },
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// The variables a questionnaire produces, as the data and the codebook name them.
public struct Variable: Sendable {
    public var name: String
    public var label: String
    /// The item it comes from.
    public var item: String
    /// Value labels (code → label), with the special codes last.
    public var values: [(code: Int, label: String)]
    /// Codes to declare as user-missing (NS/NR).
    public var missing: [Int]
    public var kind: Kind

    public enum Kind: String, Sendable { case numeric, text, date, dummy }
}

public enum Variables {
    /// Items in order; a multiple choice gives one 0/1 variable per option (`razones_3`), a grid one per
    /// row (`atributos_amabilidad`); notes give none.
    public static func of(_ q: QuestionnaireFile) -> [Variable] {
        var result: [Variable] = []
        for item in q.items {
            let label = item.mainText.map(clean) ?? item.id
            let specials = q.specials.filter { item.allowedSpecials.contains($0.name) }
            let specialValues = specials.map { ($0.code, $0.label) }
            func listValues(_ name: String) -> [(Int, String)] { (q.list(name)?.options.map { ($0.code, $0.label) } ?? []) + specialValues }
            switch item.type {
            case .single(let l):
                result.append(Variable(name: item.id, label: label, item: item.id, values: listValues(l), missing: specials.map(\.code), kind: .numeric))
            case .yesNo:
                result.append(Variable(name: item.id, label: label, item: item.id, values: [(1, "Sí"), (2, "No")] + specialValues, missing: specials.map(\.code), kind: .numeric))
            case .multiple(let l):
                for option in q.list(l)?.options ?? [] {
                    result.append(Variable(name: "\(item.id)_\(option.code)", label: "\(label) — \(option.label)", item: item.id,
                                           values: [(0, "No"), (1, "Sí")], missing: [], kind: .dummy))
                }
            case .grid(let l):
                for row in item.rows {
                    result.append(Variable(name: item.variable(of: row), label: "\(label) \(row.text)", item: item.id, values: listValues(l),
                                           missing: specials.map(\.code), kind: .numeric))
                }
            case .scale(let low, let high, let a, let b):
                var values: [(Int, String)] = []
                if let a { values.append((low, a)) }
                if let b { values.append((high, b)) }
                result.append(Variable(name: item.id, label: label, item: item.id, values: values + specialValues, missing: specials.map(\.code), kind: .numeric))
            case .calculated:
                let kind: Variable.Kind = [.text: .text, .date: .date][q.calculationKind(of: item.id)] ?? .numeric
                result.append(Variable(name: item.id, label: label, item: item.id, values: [], missing: [], kind: kind))
            case .integer, .decimal:
                result.append(Variable(name: item.id, label: label, item: item.id, values: specialValues, missing: specials.map(\.code), kind: .numeric))
            case .text, .time, .dateTime:
                result.append(Variable(name: item.id, label: label, item: item.id, values: [], missing: [], kind: .text))
            case .date:
                result.append(Variable(name: item.id, label: label, item: item.id, values: [], missing: [], kind: .date))
            case .note:
                break
            }
        }
        return result
    }

    /// A question's text as a label: pipes `{x}` shown as `[x]`, one line.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "[").replacingOccurrences(of: "}", with: "]").replacingOccurrences(of: "\n", with: " ")
    }
}
