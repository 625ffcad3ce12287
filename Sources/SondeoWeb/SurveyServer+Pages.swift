import Diagnostics
import Foundation
import Hummingbird
import Questionnaire
import Store
import Survey

/// The form's pages: the next page of an interview (or the review, or the thanks) and a submitted page
/// checked and saved whole. The rules are `SurveyForm`'s; this file only reads the request and renders.
extension SurveyServer {

    /// The system values piped into this case's texts (``SystemValues``): `{_encuestador}` the name on the
    /// staff record (else the code), `{_muestra.campo}` the case's sample columns.
    func pipes(_ staff: WebUser?, unit: String) throws -> [String: String] {
        SystemValues.of(interviewer: staff.map { $0.name ?? $0.code }, mode: form.mode, unit: try store.sampleUnit(of: questionnaireID, unit: unit))
    }

    /// The polite closing page of a case whose stratum's quota is full.
    static func quotaPage(staff: WebUser?) -> Response {
        staff == nil
            ? html(FormHTML.message("Gracias", "Ya completamos las encuestas que necesitábamos de su grupo, así que no hace falta que responda. ¡Gracias por su tiempo y por ser parte de Confa!"), status: .ok)
            : html(FormHTML.message("Cuota llena", "La cuota del estrato de este caso ya está completa: no se empiezan más entrevistas allí. Vuelva a la lista y elija otro caso."), status: .conflict)
    }

    /// The next page of a unit's interview (or the thanks); `staff` is the interviewer's account on `/e/…`.
    func show(unit: String, action: String, form: SurveyForm, request: Request, staff: WebUser? = nil) async throws -> Response {
        let banner = staff.map { "Encuestador \($0.name ?? $0.code) · caso \(unit)" }
        let csrf = self.csrf.pair(request)
        let thanks = Self.html(FormHTML.message(L("Gracias", "Thank you"), L("Sus respuestas ya quedaron registradas. ¡Gracias por ayudarnos a mejorar!",
                                                                               "Your answers have been recorded. Thank you for helping us improve!")), status: .ok)
        let interview = try store.interview(questionnaire: questionnaireID, respondent: unit)
        if interview?.endedAt != nil { return thanks }
        if interview == nil, try StratumQuotas.stopsCase(unit, store: store, questionnaire: questionnaireID, actor: staff?.code ?? "web") {
            return Self.quotaPage(staff: staff)
        }
        let responses = interview.map { Responses(stored: $0.answers, of: form.questionnaire) } ?? Responses()
        if form.atReview(responses) {
            var response = Self.html(FormHTML.review(form, action: action, csrf: csrf.field, responses: responses, system: try pipes(staff, unit: unit)), status: .ok)
            response.setCookie(self.csrf.cookie(csrf.cookie, request))
            return response
        }
        guard let page = form.nextPage(after: SurveyForm.submitted(responses), responses) else {
            // Every answer is in but the interview was never closed (a store written by an older
            // version in two steps): close it now, so that status and the export count it.
            if let interview, let closing = form.closing(after: SurveyForm.submitted(responses), responses, at: clock.timestamp) {
                try store.savePage(interview, answers: interview.answers, closing: closing, actor: interview.interviewer ?? "web")
            }
            return thanks
        }
        let order = PresentationOrder(questionnaire: questionnaireID, respondent: unit, responses: responses)
        var response = Self.html(FormHTML.form(form, page: page, action: action, csrf: csrf.field, responses: responses, problems: [], order: order, banner: banner,
                                                system: try pipes(staff, unit: unit), shownAt: clock.now()),
                                 status: .ok)
        response.setCookie(self.csrf.cookie(csrf.cookie, request))
        return response
    }

    /// A submitted page: checked, saved whole, and on to the next page (or the same with its problems).
    func submit(unit: String, action: String, form: SurveyForm, staff: WebUser?, request: Request) async throws -> Response {
        let interviewer = staff?.code
        let fields = try await Self.fields(request)
        guard let cookie = csrf.check(request, fields) else {
            return Self.html(FormHTML.message("Formulario vencido", "Por seguridad, vuelva a abrir su enlace personal e intente de nuevo."), status: .forbidden)
        }
        if let interview = try store.interview(questionnaire: questionnaireID, respondent: unit), interview.endedAt != nil {
            return Self.redirect(action)
        }
        let stored = try self.stored(unit)
        if stored.values.isEmpty, try StratumQuotas.stopsCase(unit, store: store, questionnaire: questionnaireID, actor: interviewer ?? "web") {
            return Self.quotaPage(staff: staff)
        }
        let button = fields.first { $0.0 == SurveyForm.actionField }?.1 ?? ""
        let record = InterviewRecord(questionnaire: questionnaireID, version: version, respondent: unit, mode: form.mode.rawValue,
                                     interviewer: interviewer, startedAt: clock.timestamp, endedAt: nil, disposition: nil,
                                     source: interviewer == nil ? "web" : "web-encuestador", answers: [])
        func answers(_ r: Responses) -> [StoredAnswer] { r.values.keys.sorted().map { StoredAnswer(variable: $0, answer: r[$0]!) } }
        // The review: «Enviar respuestas» ends the interview; «Cambiar» reopens a page with its answers.
        if form.atReview(stored) {
            if button == SurveyForm.sendAction {
                let closing = form.closing(after: SurveyForm.submitted(stored), stored, at: clock.timestamp)
                try store.savePage(record, answers: answers(stored), closing: closing, actor: interviewer ?? "web")
            } else if button.hasPrefix(SurveyForm.changePrefix), let target = Int(button.dropFirst(SurveyForm.changePrefix.count)), form.pages.indices.contains(target) {
                try store.savePage(record, answers: answers(form.change(to: target, stored)), closing: nil, actor: interviewer ?? "web")
            }
            return Self.redirect(action)
        }
        guard let pageText = fields.first(where: { $0.0 == "pagina" })?.1, let page = Int(pageText),
              page == form.nextPage(after: SurveyForm.submitted(stored), stored) else {
            // A page sent twice (back button, double click): show where the interview really is.
            return Self.redirect(action)
        }
        let order = PresentationOrder(questionnaire: questionnaireID, respondent: unit, responses: stored)
        if fields.contains(where: { $0.0 == SurveyForm.actionField && $0.1 == SurveyForm.backAction }) {
            var responses = form.back(from: page, fields: fields, into: stored)
            order.stamp(&responses, of: form.questionnaire)
            try store.savePage(record, answers: answers(responses), closing: nil, actor: interviewer ?? "web")
            return Self.redirect(action)
        }
        var (responses, problems) = form.read(page: page, fields: fields, into: stored)
        if !problems.isEmpty {
            // Shown again with its problems: the time keeps counting from the first showing.
            let shownText = fields.first(where: { $0.0 == FormHTML.shownField })?.1
            let shown = shownText.flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) } ?? clock.now()
            return Self.html(FormHTML.form(form, page: page, action: action, csrf: csrf.field(cookie), responses: responses, problems: problems, order: order,
                                           system: try pipes(staff, unit: unit), shownAt: shown),
                             status: .unprocessableContent)
        }
        order.stamp(&responses, of: form.questionnaire)
        responses[SurveyForm.pageKey] = .number(Double(page))
        // Paradata: the time on this page since it was shown, and the respondent's kind of device.
        if let shown = fields.first(where: { $0.0 == FormHTML.shownField })?.1, let since = Double(shown) {
            Paradata.add(seconds: clock.now().timeIntervalSince1970 - since, page: page, to: &responses)
        }
        if staff == nil, responses[Paradata.device] == nil, let agent = request.headers[.userAgent] {
            responses[Paradata.device] = .text(Paradata.deviceKind(userAgent: agent))
        }
        // The page's answers and, on the last page, the interview's end (a respondent's goes to the review
        // first): one transaction.
        let closing = form.closing(after: page, responses, at: record.startedAt)
        try store.savePage(record, answers: answers(responses), closing: form.reviewsBeforeSending(closing) ? nil : closing, actor: interviewer ?? "web")
        return Self.redirect(action)
    }
}
