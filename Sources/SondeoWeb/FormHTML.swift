import Foundation
import Questionnaire
import Survey

/// The pages a respondent sees: the form of one section, the thanks, and the messages. Every text that
/// comes from the questionnaire or from an answer goes through ``HTMLText/escape(_:)``; the only script
/// is `/static/form.js`, and nothing is loaded from the internet.
enum FormHTML {
    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    /// A whole page around `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="es"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        <link rel="stylesheet" href="/static/form.css">
        </head><body>
        <main>
        \(body)
        </main>
        </body></html>
        """
    }

    /// The form of one page, with the answers to show (stored or just typed) and the problems found.
    static func form(_ form: SurveyForm, page: Int, action: String, csrf: String, responses: Responses, problems: [AnswerProblem],
                     order: PresentationOrder, banner: String? = nil) -> String {
        let q = form.questionnaire
        let total = form.pages.count
        let specialsJSON = "{" + q.specials.map { "\(ConditionScript.string($0.name)):\($0.code)" }.joined(separator: ",") + "}"
        var body = (banner.map { "<p class=\"banner\">\(esc($0)) · <a href=\"/encuestador\">volver a la lista</a></p>" } ?? "") + "<header><p class=\"marca\">Confa</p><h1>\(esc(q.title ?? q.id ?? "Encuesta"))</h1>"
        body += "<progress class=\"progreso\" value=\"\(page + 1)\" max=\"\(total)\" aria-label=\"Avance: página \(page + 1) de \(total)\"></progress>"
        body += "<p class=\"paso\">Página \(page + 1) de \(total)\(form.title(ofPage: page).map { " · " + esc($0) } ?? "")</p></header>\n"
        if !problems.isEmpty {
            body += "<div class=\"errores\" role=\"alert\" tabindex=\"-1\" id=\"errores\"><p>Revise \(problems.count == 1 ? "la respuesta marcada" : "las \(problems.count) respuestas marcadas"):</p><ul>"
            for p in problems { body += "<li><a href=\"#p-\(esc(itemID(p.variable, q)))\">\(esc(label(of: p.variable, q))): \(esc(respondentText(p)))</a></li>" }
            body += "</ul></div>\n"
        }
        body += "<form id=\"encuesta\" method=\"post\" action=\"\(esc(action))\" data-modo=\"\(form.mode.rawValue)\" novalidate>\n"
        body += "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\"><input type=\"hidden\" name=\"pagina\" value=\"\(page)\">\n"
        let (states, _) = form.check.routing.states(responses)
        for index in form.pages[page] {
            let item = q.items[index]
            // What an earlier page already ruled out is not shown at all; what depends on this page is
            // shown or hidden by form.js (and checked again here on submission).
            if case .hidden = states[index], !dependsOnPage(item, page: page, form: form) { continue }
            if case .skipped = states[index] { continue }
            if case .ended = states[index] { continue }
            body += question(item, q: q, mode: form.mode, responses: responses, problems: problems.filter { $0.variable.hasPrefix(item.id) }, order: order)
        }
        // «Anterior» goes back a page keeping every answer (the server saves this page's without
        // checking it); it is the form's second button, so Enter still means «Siguiente».
        let back = form.previousPage(before: page, responses) == nil ? ""
            : "<button type=\"submit\" name=\"\(SurveyForm.actionField)\" value=\"\(SurveyForm.backAction)\" class=\"secundario\" formnovalidate>Anterior</button>"
        body += "<div class=\"acciones\"><button type=\"submit\">\(page + 1 == total ? "Enviar respuestas" : "Siguiente")</button>\(back)</div>\n</form>\n"
        body += "<script type=\"application/json\" id=\"previas\">\(ConditionScript.answers(responses, specials: q.specials))</script>\n"
        body += "<script type=\"application/json\" id=\"especiales\">\(specialsJSON)</script>\n"
        body += "<script src=\"/static/form.js\"></script>"
        return self.page(title: q.title ?? "Encuesta", body: body)
    }

    /// Whether an item's condition names a question of the same page (so the browser decides).
    static func dependsOnPage(_ item: Item, page: Int, form: SurveyForm) -> Bool {
        guard let condition = item.condition else { return false }
        let onPage = Set(form.pages[page].map { form.questionnaire.items[$0].id })
        return condition.references.contains { ref in onPage.contains(ref.id) || onPage.contains { ref.id.hasPrefix($0 + "_") } }
    }

    static func question(_ item: Item, q: QuestionnaireFile, mode: Mode, responses: Responses, problems: [AnswerProblem],
                         order: PresentationOrder) -> String {
        let text = QuestionnaireFile.replacingPipes(in: item.text(for: mode) ?? item.mainText ?? item.id) { name in
            q.pipedText(name, responses) { ConditionScript.number($0) }
        }
        let kind: String
        switch item.type {
        case .multiple: kind = "multiple"
        case .text, .date: kind = "text"
        default: kind = "number"
        }
        let condition = item.condition.map { " data-cond=\"\(esc(ConditionScript.json($0)))\"" } ?? ""
        let invalid = !problems.isEmpty
        var html = "<fieldset class=\"pregunta\(invalid ? " invalida" : "")\" id=\"p-\(esc(item.id))\" data-var=\"\(esc(item.id))\" data-kind=\"\(kind)\"\(condition)>\n"
        html += "<legend>\(esc(text))\(item.optional ? " <span class=\"opcional\">(opcional)</span>" : "")</legend>\n"
        if mode != .web { for line in item.instructions { html += "<p class=\"instruccion\">\(esc(line))</p>\n" } }
        for p in problems {
            let row = p.variable == item.id ? "" : (item.rows.first { item.variable(of: $0) == p.variable }.map { "«\($0.text)»: " } ?? "")
            html += "<p class=\"error\" id=\"e-\(esc(p.variable))\">\(esc(row + respondentText(p)))</p>\n"
            if p.severity == .warning {
                html += "<label class=\"confirma\"><input type=\"checkbox\" name=\"\(SurveyForm.confirmField)\" value=\"\(esc(p.variable))\"> Confirmo que la respuesta es correcta</label>\n"
            }
        }
        // Options in the interview's order (`opciones al azar`); a grid's scale keeps its written order.
        func options(_ list: String) -> [(code: Int, label: String)] {
            guard let l = q.list(list) else { return [] }
            return (item.type.isGrid ? l.options : order.options(of: item, in: l)).map { ($0.code, $0.label) }
        }
        let specials = q.specials.filter { item.allowedSpecials.contains($0.name) }
        func number(_ variable: String) -> Double? { if case .number(let x)? = responses[variable] { return x } else { return nil } }
        func radios(_ variable: String, _ choices: [(code: Int, label: String)]) -> String {
            choices.map { c in
                let checked = number(variable) == Double(c.code) ? " checked" : ""
                return "<label class=\"opcion\"><input type=\"radio\" name=\"\(esc(variable))\" value=\"\(c.code)\"\(checked)> <span>\(esc(c.label))</span></label>"
            }.joined(separator: "\n")
        }
        switch item.type {
        case .single(let list): html += radios(item.id, options(list))
        case .yesNo: html += radios(item.id, [(1, "Sí"), (2, "No")])
        case .scale(let low, let high, let a, let b):
            html += "<div class=\"escala\">" + (low...high).map { k in
                "<label class=\"punto\"><input type=\"radio\" name=\"\(esc(item.id))\" value=\"\(k)\"\(number(item.id) == Double(k) ? " checked" : "")><span>\(k)</span></label>"
            }.joined() + "</div>"
            html += "<div class=\"extremos\"><span>\(esc(a ?? ""))</span><span>\(esc(b ?? ""))</span></div>"
        case .multiple(let list):
            let chosen: Set<Int> = { if case .codes(let c)? = responses[item.id] { return c } else { return [] } }()
            html += options(list).map { c in
                "<label class=\"opcion\"><input type=\"checkbox\" name=\"\(esc(item.id))\" value=\"\(c.code)\"\(chosen.contains(c.code) ? " checked" : "")> <span>\(esc(c.label))</span></label>"
            }.joined(separator: "\n")
        case .integer(let low, let high), .decimal(let low, let high):
            let value = number(item.id).map(ConditionScript.number) ?? ""
            let step: String = { if case .integer = item.type { return "1" } else { return "any" } }()
            html += "<input class=\"numero\" type=\"number\" inputmode=\"decimal\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\" value=\"\(esc(value))\" step=\"\(step)\""
                + (low.map { " min=\"\(ConditionScript.number($0))\"" } ?? "") + (high.map { " max=\"\(ConditionScript.number($0))\"" } ?? "") + ">"
        case .text:
            let value: String = { if case .text(let s)? = responses[item.id] { return s } else { return "" } }()
            html += "<textarea name=\"\(esc(item.id))\" rows=\"3\" aria-label=\"\(esc(text))\">\(esc(value))</textarea>"
        case .date:
            let value: String = { if case .text(let s)? = responses[item.id] { return s } else { return "" } }()
            html += "<input type=\"date\" name=\"\(esc(item.id))\" aria-label=\"\(esc(text))\" value=\"\(esc(value))\">"
        case .grid(let list):
            let choices = options(list)
            html += "<div class=\"caja-matriz\"><table class=\"matriz\"><thead><tr><th></th>" + choices.map { "<th scope=\"col\">\(esc($0.label))</th>" }.joined()
                + specials.map { "<th scope=\"col\" class=\"especial\">\(esc($0.label))</th>" }.joined() + "</tr></thead><tbody>"
            // Rows in the interview's order (`filas al azar`); NS/NR per row where the grid allows them.
            for row in order.rows(of: item) {
                let variable = item.variable(of: row)
                let rowCondition = row.condition.map { " data-cond=\"\(esc(ConditionScript.json($0)))\"" } ?? ""
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

    /// A problem as a respondent reads it: the checks speak of variables; a person wants to know what to do.
    static func respondentText(_ p: AnswerProblem) -> String {
        if p.spanish.hasPrefix("falta la respuesta obligatoria") { return "Responda esta pregunta." }
        if p.spanish.hasPrefix("hay respuesta en") { return "Esta respuesta no corresponde; déjela en blanco." }
        return p.spanish.prefix(1).uppercased() + p.spanish.dropFirst() + (p.spanish.hasSuffix(".") ? "" : ".")
    }

    /// The item a variable belongs to (a grid row's item).
    static func itemID(_ variable: String, _ q: QuestionnaireFile) -> String {
        if q.item(variable) != nil { return variable }
        return q.items.first { item in item.rows.contains { item.variable(of: $0) == variable } }?.id ?? variable
    }

    /// A short name of the question of a variable for the list of problems.
    static func label(of variable: String, _ q: QuestionnaireFile) -> String {
        guard let item = q.item(itemID(variable, q)) else { return variable }
        var text = QuestionnaireFile.replacingPipes(in: item.text(for: .web) ?? item.mainText ?? item.id) { _ in "…" }
        if let row = item.rows.first(where: { item.variable(of: $0) == variable }) { text += " " + row.text }
        return text.count > 70 ? String(text.prefix(69)) + "…" : text
    }

    /// A short page with a message (thanks, link not valid…).
    static func message(_ title: String, _ text: String) -> String {
        page(title: title, body: "<header><p class=\"marca\">Confa</p><h1>\(esc(title))</h1></header><p class=\"mensaje\">\(esc(text))</p>")
    }

    static let css = """
    :root{--verde:#0b6e4f;--texto:#1d2a33;--suave:#4a5a66;--borde:#b8c4cc}
    *{box-sizing:border-box} body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--texto);margin:0;background:#f5f8f7;line-height:1.5}
    main{max-width:720px;margin:0 auto;background:#fff;padding:1.2rem 1.2rem 2rem;min-height:100vh}
    .marca{color:var(--verde);font-weight:bold;margin:0} h1{font-size:1.35rem;margin:.2rem 0 .8rem}
    progress.progreso{width:100%;height:.55rem;accent-color:var(--verde)}
    .paso{color:var(--suave);font-size:.9rem;margin:.3rem 0 1rem}
    fieldset.pregunta{border:0;border-top:1px solid #e1e8e5;margin:0;padding:1rem 0} legend{font-weight:bold;padding:0;margin-bottom:.5rem;font-size:1.05rem}
    .opcional{font-weight:normal;color:var(--suave);font-size:.9rem}
    .opcion{display:flex;gap:.6rem;align-items:flex-start;padding:.55rem .6rem;border:1px solid var(--borde);border-radius:.5rem;margin:.35rem 0;cursor:pointer}
    .opcion input{width:1.25rem;height:1.25rem;margin-top:.1rem}
    .escala{display:flex;flex-wrap:wrap;gap:.3rem} .punto{flex:1 0 2.6rem;text-align:center;border:1px solid var(--borde);border-radius:.4rem;padding:.4rem 0;cursor:pointer}
    .punto input{display:block;margin:0 auto .2rem;width:1.1rem;height:1.1rem}
    .extremos{display:flex;justify-content:space-between;color:var(--suave);font-size:.85rem;margin-top:.3rem}
    input.numero,textarea,input[type=date]{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    textarea{max-width:100%}
    table.matriz{border-collapse:collapse;width:100%;font-size:.92rem} .matriz th,.matriz td{padding:.45rem .3rem;border-bottom:1px solid #e1e8e5;text-align:center}
    .matriz th[scope=row]{text-align:left;font-weight:normal} .matriz input{width:1.2rem;height:1.2rem}
    .especiales{margin-top:.5rem;font-size:.85rem;color:var(--suave)} .especiales label{margin-right:1rem;cursor:pointer}
    .errores{border:2px solid #a8322a;background:#fdf0ef;padding:.6rem 1rem;border-radius:.5rem} .errores a{color:#8a241d}
    .error{color:#a8322a;font-weight:bold;margin:.2rem 0} .invalida legend{color:#8a241d}
    .acciones{margin-top:1.2rem} button{font-size:1.1rem;background:var(--verde);color:#fff;border:0;border-radius:.5rem;padding:.75rem 1.6rem;cursor:pointer}
    button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #f2b705;outline-offset:2px}
    .acciones{display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:.8rem} button.secundario{background:#fff;color:var(--verde);border:2px solid var(--verde)}
    .confirma{display:flex;gap:.5rem;align-items:center;margin:.4rem 0;font-weight:bold} .confirma input{width:1.3rem;height:1.3rem}
    .matriz th.especial,.matriz td.especial{font-size:.8rem;color:var(--suave)} .caja-matriz{overflow-x:auto;max-width:100%}
    .mensaje{font-size:1.1rem} .instruccion{color:#5b3f99;font-style:italic;margin:.2rem 0 .5rem}
    .banner{background:#eef3f1;margin:-1.2rem -1.2rem 1rem;padding:.5rem 1.2rem;font-size:.9rem}
    table.lista{border-collapse:collapse;width:100%} .lista th,.lista td{padding:.35rem .5rem;border-bottom:1px solid #e1e8e5;text-align:left}
    .lista td.n{text-align:right;white-space:nowrap} label.campo{display:block;margin:.8rem 0 .2rem;font-weight:bold}
    input.texto{font-size:1.05rem;padding:.5rem;border:1px solid var(--borde);border-radius:.4rem;width:100%;max-width:22rem}
    [hidden]{display:none !important} .solo-movil{display:none}
    @media (max-width:480px){ .matriz thead{display:none} .matriz tr{display:block;border-bottom:1px solid #e1e8e5;padding:.4rem 0}
      .matriz th[scope=row]{display:block;font-weight:bold} .matriz td{display:block;border:0;text-align:left;padding:.15rem 0}
      .matriz td label{display:flex;gap:.6rem;align-items:center} .solo-movil{display:inline} }
    """
}
