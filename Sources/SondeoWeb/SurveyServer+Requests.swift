import Foundation
import Hummingbird
import Questionnaire
import Store

/// What a request brings: its form fields, where it came from, the unit its token opens, the answers stored.
extension SurveyServer {
    /// The largest form a page sends (a page of answers is a few kilobytes).
    static let bodyLimit = 256 * 1024

    /// The form's fields. A body announced larger than ``bodyLimit`` is refused before it is read
    /// (413); one that turns out larger while read, too.
    static func fields(_ request: Request) async throws -> [(String, String)] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            throw HTTPError(.contentTooLarge, message: "Formulario demasiado grande.")
        }
        let body = try await request.body.collect(upTo: bodyLimit)
        return FormFields.parse(String(buffer: body))
    }

    /// Whether the browser says the form was sent from this server's pages. No `Origin` nor `Referer`
    /// (an old browser, a privacy setting) is let through to the token check; `Origin: null` is not.
    static func sameOrigin(_ request: Request) -> Bool {
        let claimed = request.headers[.origin] ?? request.headers[.referer]
        guard let claimed else { return true }
        guard let host = request.head.authority, let url = URL(string: claimed), let from = url.host else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return (from + port).lowercased() == host.lowercased() || from.lowercased() == host.lowercased()
    }

    /// The unit a token opens here, or nil. `opening`: a page view of the link, noted the first time
    /// («abrió el enlace», for the invitations' follow-up) and only then, so later views write nothing.
    func unit(_ token: String, opening: Bool = false) throws -> String? {
        guard token.count == 32, token.allSatisfy(\.isHexDigit), let link = try store.webLink(token: token), link.questionnaire == questionnaireID else { return nil }
        if opening && link.openedAt == nil { try store.linkOpened(token: token, at: clock.timestamp) }
        return link.unit
    }

    func stored(_ unit: String) throws -> Responses {
        try store.interview(questionnaire: questionnaireID, respondent: unit).map { Responses(stored: $0.answers, of: form.questionnaire) } ?? Responses()
    }
}
