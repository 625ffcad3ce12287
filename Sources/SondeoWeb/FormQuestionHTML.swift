import Diagnostics
import Questionnaire
import Survey

/// One question of a page: its legend, instructions, problems, inputs in the interview's order and NS/NR.
extension FormHTML {
    static func question(_ item: Item, q: QuestionnaireFile, mode: Mode, responses: Responses, problems: [AnswerProblem],
                         order: PresentationOrder, system: [String: String]) -> String {
        let text = q.piped(item.text(for: mode) ?? item.mainText ?? item.id, responses, system: system) { ConditionScript.number($0) }
        let kind: String
        switch item.type {
        case .multiple: kind = "multiple"
        case .text, .date, .time, .dateTime: kind = "text"
        default: kind = "number"
        }
        let condition = item.condition.map { " data-cond=\"\(esc(ConditionScript.json($0, in: q)))\"" } ?? ""
        let invalid = !problems.isEmpty
        var html = "<fieldset class=\"pregunta\(invalid ? " invalida" : "")\" id=\"p-\(esc(item.id))\" data-var=\"\(esc(item.id))\" data-kind=\"\(kind)\"\(condition)>\n"
        html += "<legend>\(pipedLegend(item.text(for: mode) ?? item.mainText ?? item.id, q: q, responses: responses, system: system))\(item.optional ? " <span class=\"opcional\">\(L("(opcional)", "(optional)"))</span>" : "")</legend>\n"
        if mode != .web { for line in item.instructions { html += "<p class=\"instruccion\">\(esc(line))</p>\n" } }
        if let help = item.help { html += "<p class=\"ayuda\" id=\"a-\(esc(item.id))\">\(esc(help))</p>\n" }
        for p in problems {
            let row = p.variable == item.id ? "" : (item.rows.first { item.variable(of: $0) == p.variable }.map { "«\($0.text)»: " } ?? "")
            html += "<p class=\"error\" id=\"e-\(esc(p.variable))\">\(esc(row + respondentText(p)))</p>\n"
            if p.severity == .warning {
                html += "<label class=\"confirma\"><input type=\"checkbox\" name=\"\(SurveyForm.confirmField)\" value=\"\(esc(p.variable))\"> \(L("Confirmo que la respuesta es correcta", "I confirm the answer is correct"))</label>\n"
            }
        }
        // Options in the interview's order (`opciones al azar`); a grid's scale keeps its written order.
        func options(_ list: String) -> [(code: Int, label: String)] {
            guard let l = q.list(list) else { return [] }
            return (item.type.isGrid ? l.options : order.options(of: item, in: l)).map { ($0.code, $0.label) }
        }
        let specials = q.specials.filter { item.allowedSpecials.contains($0.name) }
        func number(_ variable: String) -> Double? { if case .number(let x)? = responses[variable] { return x } else { return nil } }
        // `donde columna = …`: each option shows only while the filter's value equals its column (form.js,
        // which also runs on the earlier pages' answers when the page loads); the server checks it again.
        func filtered(_ code: Int) -> String {
            guard let filter = item.choiceFilter else { return "" }
            let list: String?
            switch item.type {
            case .single(let l), .multiple(let l): list = l
            default: list = nil
            }
            guard let option = list.flatMap(q.list)?.options.first(where: { $0.code == code }) else { return "" }
            return " data-cond=\"\(esc(ConditionScript.filter(filter, option: option)))\""
        }
        func radios(_ variable: String, _ choices: [(code: Int, label: String)]) -> String {
            choices.map { c in
                let checked = number(variable) == Double(c.code) ? " checked" : ""
                return "<label class=\"opcion\"\(variable == item.id ? filtered(c.code) : "")><input type=\"radio\" name=\"\(esc(variable))\" value=\"\(c.code)\"\(checked)> <span>\(esc(c.label))</span></label>"
            }.joined(separator: "\n")
        }
        switch item.type {
        case .single(let list): html += radios(item.id, options(list))
        case .yesNo: html += radios(item.id, [(1, L("Sí", "Yes")), (2, "No")])
        case .scale(let low, let high, let a, let b):
            html += "<div class=\"escala\">" + (low...high).map { k in
                "<label class=\"punto\"><input type=\"radio\" name=\"\(esc(item.id))\" value=\"\(k)\"\(number(item.id) == Double(k) ? " checked" : "")><span>\(k)</span></label>"
            }.joined() + "</div>"
            html += "<div class=\"extremos\"><span>\(esc(a ?? ""))</span><span>\(esc(b ?? ""))</span></div>"
        case .multiple(let list):
            let chosen: Set<Int> = { if case .codes(let c)? = responses[item.id] { return c } else { return [] } }()
            if let text = item.answerHint { html += "<p class=\"pista\">\(esc(text))</p>" }
            html += options(list).map { c in
                "<label class=\"opcion\"\(filtered(c.code))><input type=\"checkbox\" name=\"\(esc(item.id))\" value=\"\(c.code)\"\(chosen.contains(c.code) ? " checked" : "")> <span>\(esc(c.label))</span></label>"
            }.joined(separator: "\n")
        case .integer(let low, let high), .decimal(let low, let high):
            let value = number(item.id).map(ConditionScript.number) ?? ""
            let step: String = { if case .integer = item.type { return "1" } else { return "any" } }()
            let hint = item.answerHint == nil ? "" : " aria-describedby=\"h-\(esc(item.id))\""
            html += "<input class=\"numero\" type=\"number\" inputmode=\"\(item.numericKeyboard ?? "decimal")\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\"\(hint) value=\"\(esc(value))\" step=\"\(step)\""
                + (low.map { " min=\"\(ConditionScript.number($0))\"" } ?? "") + (high.map { " max=\"\(ConditionScript.number($0))\"" } ?? "") + ">"
            if let text = item.answerHint { html += "<p class=\"pista\" id=\"h-\(esc(item.id))\">\(esc(text))</p>" }
        case .text:
            let value: String = { if case .text(let s)? = responses[item.id] { return s } else { return "" } }()
            if let short = item.shortText {
                html += "<input class=\"corto\" type=\"text\" inputmode=\"\(short.keyboard)\" autocomplete=\"off\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\" value=\"\(esc(value))\">"
            } else {
                html += "<textarea name=\"\(esc(item.id))\" rows=\"3\" aria-label=\"\(esc(text))\">\(esc(value))</textarea>"
            }
        case .date:
            let value: String = { if case .text(let s)? = responses[item.id] { return s } else { return "" } }()
            html += "<input type=\"date\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\" value=\"\(esc(value))\">"
        case .time, .dateTime:
            let value: String = { if case .text(let s)? = responses[item.id] { return s } else { return "" } }()
            let input = { if case .time = item.type { return "time" } else { return "datetime-local" } }()
            html += "<input type=\"\(input)\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\" value=\"\(esc(value))\">"
        case .grid(let list):
            let choices = options(list)
            html += "<div class=\"caja-matriz\"><table class=\"matriz\"><thead><tr><th></th>" + choices.map { "<th scope=\"col\">\(esc($0.label))</th>" }.joined()
                + specials.map { "<th scope=\"col\" class=\"especial\">\(esc($0.label))</th>" }.joined() + "</tr></thead><tbody>"
            // Rows in the interview's order (`filas al azar`); NS/NR per row where the grid allows them.
            for row in order.rows(of: item) {
                let variable = item.variable(of: row)
                let rowCondition = row.condition.map { " data-cond=\"\(esc(ConditionScript.json($0, in: q)))\"" } ?? ""
                html += "<tr data-var=\"\(esc(variable))\" data-kind=\"number\"\(rowCondition)><th scope=\"row\">\(esc(row.text))</th>"
                html += choices.map { c in
                    "<td><label><input type=\"radio\" name=\"\(esc(variable))\" value=\"\(c.code)\" aria-label=\"\(esc(row.text)): \(esc(c.label))\"\(number(variable) == Double(c.code) ? " checked" : "")><span class=\"solo-movil\">\(esc(c.label))</span></label></td>"
                }.joined() + specials.map { s in
                    "<td class=\"especial\"><label><input type=\"radio\" name=\"\(esc(variable))__especial\" value=\"\(esc(s.name))\" aria-label=\"\(esc(row.text)): \(esc(s.label))\"\(responses[variable] == .special(s.name) ? " checked" : "")><span class=\"solo-movil\">\(esc(s.label))</span></label></td>"
                }.joined() + "</tr>"
            }
            html += "</tbody></table></div>"
        case .note, .calculated: break
        }
        if !specials.isEmpty, case .grid = item.type {} else if !specials.isEmpty {
            html += "<div class=\"especiales\">" + specials.map { s in
                "<label><input type=\"checkbox\" name=\"\(esc(item.id))__especial\" value=\"\(esc(s.name))\"\(responses[item.id] == .special(s.name) ? " checked" : "")> \(esc(s.label))</label>"
            }.joined(separator: " ") + "</div>"
        }
        return html + "</fieldset>\n"
    }

    /// A question's text as HTML with each answer piped into it in a `<span data-pipe>`, so that form.js
    /// can show an answer given on the same page as soon as it is given («su calificación de 9»); the
    /// server's text (`pipedText`: «—» while unanswered) is what shows without script.
    static func pipedLegend(_ raw: String, q: QuestionnaireFile, responses: Responses, system: [String: String]) -> String {
        let marked = QuestionnaireFile.replacingPipes(in: raw) { name, fallback in "\u{1}\(name)\u{2}\(fallback ?? "")\u{1}" }
        return marked.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated().map { index, part in
            guard index % 2 == 1 else { return esc(String(part)) }
            let pieces = part.split(separator: "\u{2}", omittingEmptySubsequences: false).map(String.init)
            let name = pieces[0], fallback = pieces.count > 1 && !pieces[1].isEmpty ? pieces[1] : nil
            let value = esc(q.pipedText(name, responses, system: system, fallback: fallback) { ConditionScript.number($0) })
            return q.item(name) == nil ? value : "<span class=\"pipe\" data-pipe=\"\(esc(name))\"\(fallback.map { " data-alt=\"\(esc($0))\"" } ?? "")>\(value)</span>"
        }.joined()
    }
}
