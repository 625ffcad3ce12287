import Diagnostics
import Questionnaire
import Store

/// The respondent's review before sending: once every page is answered, the form shows the answers
/// back page by page, each page with «Cambiar», and only «Enviar respuestas» ends the interview. An
/// ending rule (`→ terminar`, e.g. no consent) ends it at once, without review.
extension SurveyForm {
    /// The form fields of the review: `accion=enviar`, or `accion=cambiar-K` to go back to page K.
    public static let sendAction = "enviar"
    public static let changePrefix = "cambiar-"

    /// One page of the review: its title and each answered question (or grid row) with its answer as read back.
    public struct ReviewPage: Sendable {
        public var page: Int
        public var title: String?
        public var lines: [(question: String, answer: String)]
    }

    /// Whether a form that `closing` would end is shown back for review first: a respondent's form that
    /// ends complete.
    public func reviewsBeforeSending(_ closing: InterviewClosing?) -> Bool {
        mode == .web && closing?.disposition == "completa"
    }

    /// Whether the answers stand at the review: every page submitted, none left, not ended by a rule.
    public func atReview(_ responses: Responses) -> Bool {
        let submitted = Self.submitted(responses)
        return submitted >= 0 && reviewsBeforeSending(closing(after: submitted, responses, at: ""))
    }

    /// The answers to go back to page `page` from the review: it becomes the next page shown.
    public func change(to page: Int, _ responses: Responses) -> Responses {
        var result = responses
        result[Self.pageKey] = .number(Double(previousPage(before: page, responses) ?? -1))
        return result
    }

    /// The pages with their answered questions, as the review shows them; `system` gives the system
    /// values piped into texts (none for a respondent).
    public func review(_ responses: Responses, system: [String: String] = [:]) -> [ReviewPage] {
        let (states, _) = check.routing.states(responses)
        var result: [ReviewPage] = []
        for (page, items) in pages.enumerated() {
            var lines: [(String, String)] = []
            for index in items where states[index] == .applies {
                let item = questionnaire.items[index]
                let text = questionnaire.piped(item.text(for: mode) ?? item.mainText ?? item.id, responses, system: system, number: NumberText.exact)
                switch item.type {
                case .note, .calculated: continue
                case .grid:
                    for row in item.rows where check.routing.rowApplies(row, itemState: states[index], responses) {
                        let answer = responses[item.variable(of: row)]
                        lines.append((text + " — " + row.text, answer.map { questionnaire.shownAnswer($0, item: item, codes: false) } ?? L("(sin respuesta)", "(no answer)")))
                    }
                default:
                    lines.append((text, responses[item.id].map { questionnaire.shownAnswer($0, item: item, codes: false) } ?? L("(sin respuesta)", "(no answer)")))
                }
            }
            if !lines.isEmpty { result.append(ReviewPage(page: page, title: title(ofPage: page), lines: lines)) }
        }
        return result
    }
}
