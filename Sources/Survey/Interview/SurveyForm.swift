import Foundation
import Questionnaire
import Store

/// The self-administered web survey as pages: one page per section of the questionnaire, in order,
/// skipping sections where nothing applies. What a page shows and what a submitted page means are
/// decided here with the same `Routing` and `AnswerCheck` as the terminal interview and the import, so
/// the browser's hiding of questions is a convenience and the server's check is the rule.
public struct SurveyForm: Sendable {
    public let questionnaire: QuestionnaireFile
    public let check: AnswerCheck
    /// Whose wording the pages use: `web` for the respondent, `presencial` for an encuestador.
    public let mode: Mode

    /// The system value that remembers the last page submitted (kept with the answers).
    public static let pageKey = "_pagina"
    /// The form field that confirms a warned answer (its value: the variable).
    public static let confirmField = "confirma"
    /// The form field of the «Anterior» button, and its value.
    public static let actionField = "accion"
    public static let backAction = "anterior"

    public init(_ questionnaire: QuestionnaireFile, mode: Mode = .web) {
        self.questionnaire = questionnaire
        self.mode = mode
        check = AnswerCheck(questionnaire, mode: mode)
        pages = Self.pages(of: questionnaire)
    }

    /// The item indices of each page. Items before the first section form a page of their own.
    public let pages: [[Int]]

    /// The pages of a questionnaire, without building its checks (for paradata and labels).
    public static func pages(of questionnaire: QuestionnaireFile) -> [[Int]] {
        var result: [[Int]] = []
        for (index, item) in questionnaire.items.enumerated() {
            if case .calculated = item.type { continue }
            if let last = result.last?.last, questionnaire.items[last].section == item.section {
                result[result.count - 1].append(index)
            } else {
                result.append([index])
            }
        }
        return result
    }

    /// The page title: its section's title.
    public func title(ofPage page: Int) -> String? {
        guard let first = pages[page].first, let s = questionnaire.items[first].section else { return nil }
        return questionnaire.sections[s].title
    }

    /// The next page to show after `submitted` pages, given the answers: the first later page with an
    /// item that applies; nil when there is none (the survey is over).
    public func nextPage(after submitted: Int, _ responses: Responses) -> Int? {
        let (states, ending) = check.routing.states(responses)
        if ending != nil { return nil }
        return pages.indices.first { $0 > submitted && pages[$0].contains { states[$0] == .applies } }
    }

    /// How the interview ends once `page` is submitted with these answers: a `terminar` rule's
    /// disposition, `completa` when no page is left, nil while pages remain.
    public func closing(after page: Int, _ responses: Responses, at time: String) -> InterviewClosing? {
        guard page >= 0 else { return nil }
        let (_, ending) = check.routing.states(responses)
        guard ending != nil || nextPage(after: page, responses) == nil else { return nil }
        return InterviewClosing(disposition: ending?.disposition ?? "completa", endedAt: time)
    }

    /// The page shown before `page`: the last earlier page with an item that applies; nil on the first.
    public func previousPage(before page: Int, _ responses: Responses) -> Int? {
        let (states, _) = check.routing.states(responses)
        return pages.indices.last { $0 < page && pages[$0].contains { states[$0] == .applies } }
    }

    /// Going back from `page`: the answers typed on it are kept (those with an error are dropped, so
    /// nothing wrong is stored), and the page before it becomes the next one shown.
    public func back(from page: Int, fields: [(String, String)], into stored: Responses) -> Responses {
        var (responses, problems) = read(page: page, fields: fields, into: stored)
        for p in problems where p.severity == .error { responses[p.variable] = nil }
        let target = previousPage(before: page, responses) ?? page
        responses[Self.pageKey] = .number(Double(previousPage(before: target, responses) ?? -1))
        return responses
    }

    /// How many pages were submitted (−1: none yet).
    public static func submitted(_ responses: Responses) -> Int {
        if case .number(let x)? = responses[pageKey] { return Int(x) }
        return -1
    }

    /// A submitted page read from the form's fields: the page's answers replace what was stored for its
    /// items; problems are per variable, in Spanish and English.
    public func read(page: Int, fields: [(String, String)], into stored: Responses) -> (Responses, [AnswerProblem]) {
        var responses = stored
        var problems: [AnswerProblem] = []
        func values(_ name: String) -> [String] { fields.filter { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty } }
        func special(_ variable: String, _ item: Item) -> Answer? {
            guard let name = values(variable + "__especial").first, item.allowedSpecials.contains(name) else { return nil }
            return .special(name)
        }
        for index in pages[page] {
            let item = questionnaire.items[index]
            let variables: [String]
            if case .grid = item.type { variables = item.rows.map { item.variable(of: $0) } } else { variables = [item.id] }
            for variable in variables {
                responses[variable] = nil
                if let answer = special(variable, item) { responses[variable] = answer; continue }
                switch item.type {
                case .note, .calculated: continue
                case .multiple:
                    let codes = values(variable).compactMap { Int($0) }
                    if !values(variable).isEmpty { responses[variable] = .codes(Set(codes)) }
                case .text, .date, .time, .dateTime:
                    if let text = values(variable).first { responses[variable] = .text(text) }
                default:
                    guard let text = values(variable).first else { continue }
                    if let x = Double(text.replacingOccurrences(of: ",", with: ".")) {
                        responses[variable] = .number(x)
                    } else {
                        problems.append(AnswerProblem(severity: .error, variable: variable, spanish: "escriba un número", english: "type a number"))
                    }
                }
            }
        }
        // The answers of this page that do not apply (hidden by an earlier answer) are dropped, then the
        // page is checked: required answers, types, ranges, codes, validar/advertir.
        let (states, _) = check.routing.states(responses)
        for index in pages[page] {
            let item = questionnaire.items[index]
            if case .grid = item.type {
                for row in item.rows where !check.routing.rowApplies(row, itemState: states[index], responses) { responses[item.variable(of: row)] = nil }
            } else if states[index] != .applies {
                responses[item.id] = nil
            }
        }
        let pageVariables = Set(pages[page].flatMap { index -> [String] in
            let item = questionnaire.items[index]
            if case .grid = item.type { return item.rows.map { item.variable(of: $0) } }
            return [item.id]
        })
        // Warnings (`advertir`) stop the page until they are confirmed, as the terminal interview asks
        // «¿Confirma la respuesta?»: the form sends `confirma=VARIABLE` once the person ticks the box.
        let confirmed = Set(fields.filter { $0.0 == Self.confirmField }.map(\.1))
        problems += check.problems(of: responses, states: check.routing.states(responses).states).filter { p in
            pageVariables.contains(p.variable) && (p.severity == .error || !confirmed.contains(p.variable))
        }
        return (responses, problems)
    }
}
