import Diagnostics
import Foundation
import Pages
import Questionnaire
import Survey

/// The pages a respondent sees: the form of one section, the thanks, and the messages. Every text that
/// comes from the questionnaire or from an answer goes through `HTML.escape`; the only script
/// is `/static/form.js`, and nothing is loaded from the internet.
enum FormHTML {
    static func esc(_ s: String) -> String { HTML.escape(s) }

    /// The form field with the time the page was shown (seconds since 1970), for the page's paradata.
    static let shownField = "mostrada"

    /// A whole page around `body`: the page kit's, with the one stylesheet served as a file.
    static func page(title: String, body: String) -> String { Page.served(title: title, body: body) }
    /// A staff page with tables to read (the PQRSL desk): as wide as a desk's screen allows.
    static func page(wide: Bool, title: String, body: String) -> String { Page.served(title: title, body: body, wide: wide) }

    /// The form of one page, with the answers to show (stored or just typed) and the problems found.
    static func form(_ form: SurveyForm, page: Int, action: String, csrf: String, responses: Responses, problems: [AnswerProblem],
                     order: PresentationOrder, banner: String? = nil, system: [String: String] = [:], shownAt: Date = Date()) -> String {
        let q = form.questionnaire
        let total = form.pages.count
        let specialsJSON = "{" + q.specials.map { "\(ConditionScript.string($0.name)):\($0.code)" }.joined(separator: ",") + "}"
        var body = (banner.map { "<p class=\"banner\">\(esc($0)) · <a href=\"/encuestador\">volver a la lista</a></p>" } ?? "") + "<header><p class=\"marca\">Confa</p><h1>\(esc(q.title ?? q.id ?? "Encuesta"))</h1>"
        body += languageLinks(q, action: action)
        body += "<progress class=\"progreso\" value=\"\(page + 1)\" max=\"\(total)\" aria-label=\"\(L("Avance: página \(page + 1) de \(total)", "Progress: page \(page + 1) of \(total)"))\"></progress>"
        body += "<p class=\"paso\">\(L("Página \(page + 1) de \(total)", "Page \(page + 1) of \(total)"))\(form.title(ofPage: page).map { " · " + esc($0) } ?? "")</p></header>\n"
        if !problems.isEmpty {
            let check = problems.count == 1 ? L("Revise la respuesta marcada", "Check the marked answer") : L("Revise las \(problems.count) respuestas marcadas", "Check the \(problems.count) marked answers")
            body += "<div class=\"errores\" role=\"alert\" tabindex=\"-1\" id=\"errores\"><p>\(check):</p><ul>"
            for p in problems { body += "<li><a href=\"#p-\(esc(itemID(p.variable, q)))\">\(esc(label(of: p.variable, q))): \(esc(respondentText(p)))</a></li>" }
            body += "</ul></div>\n"
        }
        body += "<form id=\"encuesta\" method=\"post\" action=\"\(esc(action))\" data-modo=\"\(form.mode.rawValue)\" data-hoy=\"\(form.check.routing.evaluator.today.iso)\" novalidate>\n"
        body += "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\"><input type=\"hidden\" name=\"pagina\" value=\"\(page)\">"
        body += "<input type=\"hidden\" name=\"\(shownField)\" value=\"\(Int(shownAt.timeIntervalSince1970))\">\n"
        let (states, _) = form.check.routing.states(responses)
        // `inicial`: the page shows its questions' initial values filled in, stored only when sent.
        let filled = problems.isEmpty ? q.withInitialValues(responses, items: form.pages[page], system: system) : responses
        for index in form.pages[page] {
            let item = q.items[index]
            // What an earlier page already ruled out is not shown at all; what depends on this page is
            // shown or hidden by form.js (and checked again here on submission).
            if case .hidden = states[index], !dependsOnPage(item, page: page, form: form) { continue }
            if case .skipped = states[index] { continue }
            if case .ended = states[index] { continue }
            body += question(item, q: q, mode: form.mode, responses: filled, problems: problems.filter { Set([item.id] + item.rows.map(item.variable(of:))).contains($0.variable) }, order: order,
                             system: system)
        }
        // «Anterior» goes back a page keeping every answer (the server saves this page's without
        // checking it); it is the form's second button, so Enter still means «Siguiente».
        let back = form.previousPage(before: page, responses) == nil ? ""
            : "<button type=\"submit\" name=\"\(SurveyForm.actionField)\" value=\"\(SurveyForm.backAction)\" class=\"secundario\" formnovalidate>\(L("Anterior", "Back"))</button>"
        // A respondent's last page leads to the review; elsewhere it sends.
        let last = page + 1 == total ? (form.mode == .web ? L("Revisar respuestas", "Review answers") : L("Enviar respuestas", "Send answers")) : L("Siguiente", "Next")
        body += "<div class=\"acciones\"><button type=\"submit\">\(last)</button>\(back)</div>\n</form>\n"
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

    /// A problem as a respondent reads it: the checks speak of variables; a person wants to know what to do.
    static func respondentText(_ p: AnswerProblem) -> String {
        if p.spanish.hasPrefix("falta la respuesta obligatoria") { return L("Responda esta pregunta.", "Please answer this question.") }
        if p.spanish.hasPrefix("hay respuesta en") { return L("Esta respuesta no corresponde; déjela en blanco.", "This answer does not apply; leave it blank.") }
        let text = L(p.spanish, p.english)
        return text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    /// Links to the questionnaire's other languages (`idiomas`), each named in its own language.
    static func languageLinks(_ q: QuestionnaireFile, action: String) -> String {
        guard q.languages.count > 1 else { return "" }
        let base = action.components(separatedBy: "?")[0]
        let current = action.components(separatedBy: "?idioma=").dropFirst().first ?? q.languages[0]
        let links = q.languages.filter { $0 != current }.map { code in
            "<a href=\"\(esc(code == q.languages[0] ? base : base + "?idioma=" + code))\" lang=\"\(esc(code))\" hreflang=\"\(esc(code))\">\(esc(XLSFormExport.nativeName(code)))</a>"
        }
        return "<p class=\"idiomas\">" + links.joined(separator: " · ") + "</p>"
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
}

extension FormHTML {
    /// The review before sending (``SurveyForm/review(_:system:)``): every answered page with its
    /// answers and a «Cambiar» button, then «Enviar respuestas». Nothing is final until that button.
    static func review(_ form: SurveyForm, action: String, csrf: String, responses: Responses, system: [String: String] = [:]) -> String {
        let q = form.questionnaire
        var body = "<header><p class=\"marca\">Confa</p><h1>\(esc(q.title ?? q.id ?? "Encuesta"))</h1>"
        body += "<progress class=\"progreso\" value=\"1\" max=\"1\" aria-label=\"\(L("Avance: todas las páginas respondidas", "Progress: every page answered"))\"></progress>"
        body += "<p class=\"paso\">\(L("Revise sus respuestas antes de enviarlas: puede cambiar cualquiera.", "Check your answers before sending them: you can change any of them."))</p></header>\n"
        body += "<form id=\"revision\" method=\"post\" action=\"\(esc(action))\">\n<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">\n"
        for page in form.review(responses, system: system) {
            body += "<section class=\"revision\"><h2>\(esc(page.title ?? L("Página \(page.page + 1)", "Page \(page.page + 1)")))</h2><dl>"
            for line in page.lines { body += "<dt>\(esc(line.question))</dt><dd>\(esc(line.answer))</dd>" }
            body += "</dl><button type=\"submit\" name=\"\(SurveyForm.actionField)\" value=\"\(SurveyForm.changePrefix)\(page.page)\" class=\"secundario\" "
                + "aria-label=\"\(L("Cambiar las respuestas de", "Change the answers of")) \(esc(page.title ?? L("la página \(page.page + 1)", "page \(page.page + 1)")))\">\(L("Cambiar", "Change"))</button></section>\n"
        }
        body += "<div class=\"acciones\"><button type=\"submit\" name=\"\(SurveyForm.actionField)\" value=\"\(SurveyForm.sendAction)\">\(L("Enviar respuestas", "Send answers"))</button></div>\n</form>\n"
        body += "<script src=\"/static/form.js\"></script>"
        return page(title: L("Revise sus respuestas", "Check your answers"), body: body)
    }
}
