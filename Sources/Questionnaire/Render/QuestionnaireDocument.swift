import Pages
import Foundation

/// The questionnaire as a document a person reads: Markdown for print (paper interviews, the physical
/// suggestion boxes) and a self-contained HTML preview.
public enum QuestionnaireDocument {
    /// Markdown; `mode` picks the wording (the unprefixed text when a question has none for it).
    public static func markdown(_ q: QuestionnaireFile, mode: Mode?) -> String {
        var lines = ["# \(q.title ?? q.id ?? "Cuestionario")", "",
                     "Versión \(q.version ?? "—") · \(q.id ?? "") · modos: \(q.modes.map(\.label).joined(separator: ", "))" + (mode.map { " · texto para \($0.label)" } ?? ""), ""]
        if !q.specials.isEmpty {
            lines.append("_Códigos especiales: " + q.specials.map { "\($0.code) = \($0.label)" }.joined(separator: ", ") + "._")
            lines.append("")
        }
        var number = 0
        for (index, item) in q.items.enumerated() {
            if let s = q.sections.firstIndex(where: { $0.firstItem == index }) {
                lines += ["## \(q.sections[s].title)", ""]
                if let c = q.sections[s].condition { lines += ["_Solo si \(c.source)._", ""] }
            }
            if case .calculated(let e) = item.type {
                lines += ["_\(item.id) = \(e.source) (calculado)_", ""]
                continue
            }
            number += 1
            let text = QuestionnaireFile.replacingPipes(in: mode.flatMap { item.text(for: $0) } ?? item.mainText ?? "") {
                $0.hasPrefix("_") ? "[\(QuestionnaireFile.systemValueLabel($0))]" : "«\($0)»"
            }
            if case .note = item.type { lines += ["> \(text)", ""]; continue }
            lines.append("**\(number). \(text)** `\(item.id)`" + (item.optional ? " _(opcional)_" : ""))
            if let c = item.condition { lines.append("_Solo si \(c.source)._") }
            for instruction in item.instructions { lines.append("> Encuestador: \(instruction)") }
            if let help = item.help { lines.append("_Ayuda: \(help)_") }
            if let filter = item.choiceFilter { lines.append("_Solo las opciones con \(filter.column) = \(filter.value.source)._") }
            lines.append("")
            lines += answerLines(item, q)
            for rule in item.validations { lines.append("- _Validar: \(rule.condition.source) — «\(rule.message ?? "")»_") }
            for rule in item.warnings { lines.append("- _Advertir: \(rule.condition.source) — «\(rule.message ?? "")»_") }
            for jump in item.jumps {
                switch jump.target {
                case .end(let d): lines.append("- _Si \(jump.condition.source): terminar (\(d))._")
                case .go(let id): lines.append("- _Si \(jump.condition.source): pasar a «\(id)»._")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func answerLines(_ item: Item, _ q: QuestionnaireFile) -> [String] {
        let specials = q.specials.filter { item.allowedSpecials.contains($0.name) }.map { "☐ \($0.code) \($0.label)" }
        switch item.type {
        case .single(let l), .multiple(let l):
            let box = { if case .multiple = item.type { return "☐" } else { return "○" } }()
            var lines = (q.list(l)?.options ?? []).map { "- \(box) \($0.code) \($0.label)" }
            if case .multiple = item.type, let m = item.maximum { lines.insert("_Máximo \(m) respuestas._", at: 0) }
            return lines + specials.map { "- \($0)" }
        case .yesNo: return ["- ○ 1 Sí", "- ○ 2 No"] + specials.map { "- \($0)" }
        case .scale(let low, let high, let a, let b):
            let boxes = (low...high).map { "☐ \($0)" }.joined(separator: "  ")
            return ["\(a.map { "\($0) " } ?? "")\(boxes)\(b.map { " \($0)" } ?? "")"] + (specials.isEmpty ? [] : [specials.joined(separator: "  ")])
        case .integer(let low, let high), .decimal(let low, let high):
            let range = low.flatMap { l in high.map { "(\(Int(l)) a \(Int($0)))" } } ?? ""
            return ["Número: ______ \(range)"] + (specials.isEmpty ? [] : [specials.joined(separator: "  ")])
        case .text: return ["_________________________________________________", "_________________________________________________"]
        case .date: return ["Fecha: ____ / ____ / ________"]
        case .time: return ["Hora: ____ : ____"]
        case .dateTime: return ["Fecha: ____ / ____ / ________   Hora: ____ : ____"]
        case .grid(let l):
            let options = q.list(l)?.options ?? []
            var lines = ["| | " + options.map { "\($0.code) \($0.label)" }.joined(separator: " | ") + " |",
                         "|---|" + options.map { _ in "---|" }.joined()]
            lines += item.rows.map { "| \($0.text)\($0.condition.map { " _(si \($0.source))_" } ?? "") | " + options.map { _ in "○" }.joined(separator: " | ") + " |" }
            return lines
        case .note, .calculated: return []
        }
    }

    /// A self-contained HTML preview (the page kit's document, no scripts): the web wording with form controls.
    public static func html(_ q: QuestionnaireFile) -> String {
        func esc(_ s: String) -> String { HTML.escape(s) }
        var body = "<h1>\(esc(q.title ?? q.id ?? ""))</h1>\n<p class=\"meta\">Versión \(esc(q.version ?? "—")) · \(esc(q.id ?? ""))</p>\n"
        for (index, item) in q.items.enumerated() {
            if let s = q.sections.firstIndex(where: { $0.firstItem == index }) { body += "<h2>\(esc(q.sections[s].title))</h2>\n" }
            if case .calculated = item.type { continue }
            let text = QuestionnaireFile.replacingPipes(in: esc(item.text(for: .web) ?? item.mainText ?? "")) {
                "<mark>\($0.hasPrefix("_") ? QuestionnaireFile.systemValueLabel($0) : $0)</mark>"
            }
            if case .note = item.type { body += "<p class=\"note\">\(text)</p>\n"; continue }
            body += "<fieldset><legend>\(text)\(item.optional ? " <small>(opcional)</small>" : "")</legend>\n"
            if let c = item.condition { body += "<p class=\"cond\">Solo si \(esc(c.source))</p>\n" }
            if let help = item.help { body += "<p class=\"help\">\(esc(help))</p>\n" }
            let specials = q.specials.filter { item.allowedSpecials.contains($0.name) }
            switch item.type {
            case .single(let l), .multiple(let l):
                let kind = { if case .multiple = item.type { return "checkbox" } else { return "radio" } }()
                for o in q.list(l)?.options ?? [] { body += "<label><input type=\"\(kind)\" name=\"\(item.id)\" value=\"\(o.code)\"> \(esc(o.label))</label>\n" }
            case .yesNo:
                body += "<label><input type=\"radio\" name=\"\(item.id)\" value=\"1\"> Sí</label><label><input type=\"radio\" name=\"\(item.id)\" value=\"2\"> No</label>\n"
            case .scale(let low, let high, let a, let b):
                body += "<div class=\"scale\" style=\"grid-template-columns:repeat(\(max(1, high - low + 1)),1fr)\">"
                    + (low...max(low, high)).map { "<label class=\"box\">\($0)<input type=\"radio\" name=\"\(item.id)\" value=\"\($0)\"></label>" }.joined()
                    + "</div><div class=\"ends\"><span>\(esc(a ?? ""))</span><span>\(esc(b ?? ""))</span></div>\n"
            case .integer(let low, let high), .decimal(let low, let high):
                body += "<input type=\"number\"\(low.map { " min=\"\($0)\"" } ?? "")\(high.map { " max=\"\($0)\"" } ?? "") name=\"\(item.id)\">\n"
            case .text: body += "<textarea name=\"\(item.id)\" rows=\"3\"></textarea>\n"
            case .date: body += "<input type=\"date\" name=\"\(item.id)\">\n"
            case .time: body += "<input type=\"time\" name=\"\(item.id)\">\n"
            case .dateTime: body += "<input type=\"datetime-local\" name=\"\(item.id)\">\n"
            case .grid(let l):
                let options = q.list(l)?.options ?? []
                // NS/NR are columns of a grid, one answer per row, like the list's codes.
                let columns = options.map { ($0.code, esc($0.label), "") } + specials.map { ($0.code, esc($0.label), " class=\"special\"") }
                body += "<div class=\"tabla\"><table><tr><th></th>" + columns.map { "<th\($0.2)>\($0.1)</th>" }.joined() + "</tr>\n"
                for row in item.rows {
                    body += "<tr><td>\(esc(row.text))</td>" + columns.map { "<td><input type=\"radio\" name=\"\(item.variable(of: row))\" value=\"\($0.0)\"></td>" }.joined() + "</tr>\n"
                }
                body += "</table></div>\n"
            case .note, .calculated: break
            }
            if case .grid = item.type {} else { for s in specials { body += "<label class=\"special\"><input type=\"radio\" name=\"\(item.id)\" value=\"\(s.code)\"> \(esc(s.label))</label>\n" } }
            body += "</fieldset>\n"
        }
        return Page.document(title: q.title ?? q.id ?? "", body: body)
    }
}
