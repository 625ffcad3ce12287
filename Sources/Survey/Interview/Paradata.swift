import Foundation
import Questionnaire

/// What is recorded about how an interview went, beside its answers (the interview's start, end, mode and
/// interviewer are on the interview itself): the seconds spent on each page (`_seg_p1`, `_seg_p2`, … — a
/// page is a section, as the web form shows it; on the phone, the time from showing a question to its
/// answer, added to its page) and the kind of device a web respondent used (`_dispositivo`). Field
/// supervisors use them to find interviews done too fast (AAPOR's and ESOMAR's quality checks on
/// interview duration) and pages that take too long.
public enum Paradata {
    public static let device = "_dispositivo"
    /// The export's column with the interview's length in seconds (from `_inicio` to `_fin`).
    public static let duration = "_duracion_seg"

    /// Seconds between two stored instants (ISO 8601), nil when either is missing.
    public static func seconds(from start: String, to end: String?) -> Double? {
        guard let end, let a = Date(instant: start), let b = Date(instant: end) else { return nil }
        return (b.timeIntervalSince(a)).rounded()
    }
    static let pagePrefix = "_seg_p"

    /// The variable of page `page` (0-based): `_seg_p1`.
    public static func pageVariable(_ page: Int) -> String { pagePrefix + String(page + 1) }

    /// Whether a stored variable is paradata.
    public static func isParadata(_ variable: String) -> Bool { variable == device || variable.hasPrefix(pagePrefix) }

    /// Adds `seconds` to a page's time (a page sent again after a correction, or revisited, adds up).
    /// Spans below zero or over a day (a clock changed, a tab left open overnight) are not counted.
    public static func add(seconds: Double, page: Int, to responses: inout Responses) {
        guard seconds >= 0, seconds <= 86_400 else { return }
        let variable = pageVariable(page)
        var total = seconds.rounded()
        if case .number(let before)? = responses[variable] { total += before }
        responses[variable] = .number(total)
    }

    /// The kind of device a browser's User-Agent names: «celular», «tableta» or «computador».
    public static func deviceKind(userAgent: String) -> String {
        let ua = userAgent.lowercased()
        if ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile")) { return "tableta" }
        if ua.contains("mobi") || ua.contains("iphone") || ua.contains("android") { return "celular" }
        return "computador"
    }
}

extension SurveyForm {
    /// The page (0-based) of each item shown (calculations are on none), by item index.
    public static func pageOfItem(_ questionnaire: QuestionnaireFile) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (page, items) in pages(of: questionnaire).enumerated() { for index in items { result[index] = page } }
        return result
    }
}
