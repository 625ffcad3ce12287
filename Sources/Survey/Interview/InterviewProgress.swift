import Questionnaire
import Store

/// How far an interview got: of the questions that apply given its answers, how many have one (notes
/// and calculations left out; a grid row counts as a question). The partial/break-off rule
/// (``CallScheduler/closingDisposition(attempts:progress:threshold:)``) reads it.
public struct InterviewProgress: Sendable, Equatable {
    public var answered: Int
    public var applicable: Int

    public init(answered: Int, applicable: Int) {
        self.answered = answered
        self.applicable = applicable
    }

    /// The progress of `interview` under `questionnaire`'s routing, in the interview's own mode.
    public init(of interview: InterviewRecord, in questionnaire: QuestionnaireFile) {
        let responses = Responses(stored: interview.answers, of: questionnaire)
        let routing = Routing(Evaluator(questionnaire, mode: Mode(folding: interview.mode) ?? .telefono))
        var answered = 0, applicable = 0
        for (item, state) in zip(questionnaire.items, routing.states(responses).states) where state == .applies {
            switch item.type {
            case .note, .calculated: continue
            case .grid:
                for row in item.rows where routing.rowApplies(row, itemState: state, responses) {
                    applicable += 1
                    if responses[item.variable(of: row)] != nil { answered += 1 }
                }
            default:
                applicable += 1
                if responses[item.id] != nil { answered += 1 }
            }
        }
        self.init(answered: answered, applicable: applicable)
    }
}
