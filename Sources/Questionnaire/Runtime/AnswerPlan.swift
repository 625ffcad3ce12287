import Diagnostics

/// A rehearsal of a questionnaire: answers given in order (`variable=valor`, one per line; a variable
/// written again is a second try after a refusal), run through the same routing and checks as the
/// interview, the web form and imports. It says which questions are reached, how their text reads with
/// the answers piped in, and whether each answer is accepted. The XLSForm tests replay the same plan
/// in JavaRosa (ODK Collect's engine) and expect the same lines.
public struct AnswerPlan: Sendable {
    public struct Entry: Sendable {
        public var variable: String
        public var value: String
        public var line: Int
    }

    /// What one question of the rehearsal did.
    public struct Step: Sendable, Equatable {
        public var variable: String
        /// The question's text for the mode, answers piped in.
        public var text: String
        /// One per try: «ok», «restriccion» (refused by a range, code or `validar`; not kept).
        public var outcomes: [String]

        /// `variable<TAB>texto<TAB>ok,restriccion` (or `-` when the plan does not answer it).
        public var line: String { "\(variable)\t\(text)\t\(outcomes.isEmpty ? "-" : outcomes.joined(separator: ","))" }
    }

    public var entries: [Entry]
    /// System values the plan sets (`_encuestador=Laura`, `_muestra.nombre=Ana`), as the interview would.
    public var system: [String: String] = [:]

    /// Reads a plan; every line names a variable of `questionnaire`. Blank lines and `#` comments are skipped.
    public init(text: String, file: String, questionnaire: QuestionnaireFile) throws(AnswerPlanError) {
        let variables = AnswerLayout(questionnaire).names
        entries = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { throw .noEquals(file: file, line: index + 1, text: line) }
            let variable = line[..<equals].trimmingCharacters(in: .whitespaces)
            if QuestionnaireFile.isSystemValue(variable) {
                system[variable] = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard variables.contains(variable) else {
                throw .unknownVariable(file: file, line: index + 1, variable: variable, suggestion: Suggestion.closest(to: variable, among: variables))
            }
            entries.append(Entry(variable: variable, value: String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces), line: index + 1))
        }
    }

    /// The rehearsal: each question that applies, in order, with the plan's tries for it.
    /// `check` may be over a translated questionnaire (``QuestionnaireFile/translated(to:)``) to rehearse in that language.
    public func replay(_ check: AnswerCheck, file: String, system defaults: [String: String] = [:]) throws(AnswerPlanError) -> [Step] {
        let system = defaults.merging(self.system) { _, planned in planned }
        let q = check.routing.evaluator.questionnaire
        let tries = Dictionary(grouping: entries, by: \.variable)
        var responses = Responses()
        var steps: [Step] = []
        for (index, item) in q.items.enumerated() {
            let state = check.routing.states(responses).states[index]
            if case .ended = state { break }
            guard state == .applies else { continue }
            let questions: [(variable: String, text: String)]
            switch item.type {
            case .note, .calculated: continue
            case .grid:
                questions = item.rows.filter { check.routing.rowApplies($0, itemState: state, responses) }.map { (item.variable(of: $0), $0.text) }
            default:
                questions = [(item.id, item.text(for: check.routing.evaluator.mode) ?? item.mainText ?? item.id)]
            }
            for (variable, text) in questions {
                var outcomes: [String] = []
                for entry in tries[variable] ?? [] {
                    let answer: Answer
                    switch q.answer(typed: entry.value, for: item) {
                    case .answer(let a): answer = a
                    case .empty: continue
                    case .unreadable(let spanish, let english):
                        throw .unreadable(file: file, line: entry.line, variable: variable, spanish: spanish, english: english)
                    }
                    let refused = check.problems(item: item, variable: variable, answer: answer, in: responses).contains { $0.severity == .error }
                    outcomes.append(refused ? "restriccion" : "ok")
                    if !refused {
                        responses[variable] = answer
                        break
                    }
                }
                let shown = q.piped(text, responses, system: system) { PlainNumber.text($0) }
                steps.append(Step(variable: variable, text: shown, outcomes: outcomes))
            }
        }
        return steps
    }
}

/// A plan that cannot be rehearsed, with its file and line.
public enum AnswerPlanError: Diagnostic, Equatable {
    case noEquals(file: String, line: Int, text: String)
    case unknownVariable(file: String, line: Int, variable: String, suggestion: String?)
    case unreadable(file: String, line: Int, variable: String, spanish: String, english: String)

    public var code: String {
        switch self {
        case .noEquals: return "PLAN-001"
        case .unknownVariable: return "PLAN-002"
        case .unreadable: return "PLAN-003"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .noEquals(let file, let line, _): return SourceLocation(source: file, line: line)
        case .unknownVariable(let file, let line, let variable, _), .unreadable(let file, let line, let variable, _, _):
            return SourceLocation(source: file, line: line, field: variable)
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .noEquals(_, _, let text):
            return language.pick("«\(text)» no es una respuesta: escriba «variable=valor», p. ej. nps=9",
                                 "«\(text)» is not an answer: write «variable=value», e.g. nps=9")
        case .unknownVariable(_, _, let variable, let suggestion):
            return language.pick("«\(variable)» no es una variable del cuestionario" + (suggestion.map { "; ¿quiso decir «\($0)»?" } ?? ""),
                                 "«\(variable)» is not a variable of the questionnaire" + (suggestion.map { "; did you mean «\($0)»?" } ?? ""))
        case .unreadable(_, _, let variable, let spanish, let english):
            return language.pick("«\(variable)»: \(spanish)", "«\(variable)»: \(english)")
        }
    }
}
