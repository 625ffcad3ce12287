import Diagnostics
import Questionnaire

/// `sondeo questionnaire rehearse`: a questionnaire run with an answer plan (``AnswerPlan``), through the
/// same routing and checks as every channel, before anyone is interviewed.
public enum QuestionnaireRehearsal {
    /// The questions reached, in order, of a checked questionnaire (translated, to rehearse in another
    /// language); refused with ``AnswerPlanError`` when a line of the plan cannot be used.
    public static func run(_ q: QuestionnaireFile, plan planFile: String, mode: Mode?) throws -> [AnswerPlan.Step] {
        let plan = try AnswerPlan(text: try QuestionnaireSource.read(planFile), file: planFile, questionnaire: q)
        let chosen = mode ?? q.modes.first ?? .web
        return try plan.replay(AnswerCheck(q, mode: chosen), file: planFile, system: ["_modo": chosen.label])
    }
}
