import Foundation
import Hummingbird
import Questionnaire
import Store

/// What a request brings: its form fields, its CSRF pair, the unit its token opens, the answers stored.
extension SurveyServer {
    static func fields(_ request: Request) async throws -> [(String, String)] {
        let body = try await request.body.collect(upTo: 256 * 1024)
        return FormFields.parse(String(buffer: body))
    }

    /// The CSRF cookie when the form carries the same value, else nil.
    static func checkCSRF(_ request: Request, _ fields: [(String, String)]) -> String? {
        guard let cookie = request.cookies[csrfCookie]?.value, let sent = fields.first(where: { $0.0 == "csrf" })?.1,
              !sent.isEmpty, Password.same(Array(cookie.utf8), Array(sent.utf8)) else { return nil }
        return cookie
    }

    static func csrfCookie(_ value: String) -> Cookie {
        Cookie(name: csrfCookie, value: value, path: "/", httpOnly: true, sameSite: .strict)
    }

    func unit(_ token: String) throws -> String? {
        guard token.count == 32, token.allSatisfy(\.isHexDigit), let link = try store.webLink(token: token), link.questionnaire == questionnaireID else { return nil }
        return link.unit
    }

    func stored(_ unit: String) throws -> Responses {
        try store.interview(questionnaire: questionnaireID, respondent: unit).map { Responses(stored: $0.answers, of: form.questionnaire) } ?? Responses()
    }
}
