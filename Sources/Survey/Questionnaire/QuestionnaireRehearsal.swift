import Diagnostics
import Questionnaire

/// `sondeo questionnaire rehearse`: a questionnaire run with an answer plan (``AnswerPlan``), through the
/// same routing and checks as every channel, before anyone is interviewed.
public enum QuestionnaireRehearsal {
    /// The questions reached, in order; refused with ``QuestionnaireCheck/Invalid`` when the questionnaire
    /// has errors, with ``AnswerPlanError`` when a line of the plan cannot be used.
    public static func run(questionnaire file: String, plan planFile: String, mode: Mode?, language: String? = nil) throws -> [AnswerPlan.Step] {
        let (_, q) = try QuestionnaireCheck.valid(file)
        let plan = try AnswerPlan(text: try QuestionnaireSource.read(planFile), file: planFile, questionnaire: q)
        let check = AnswerCheck(language.map { q.translated(to: $0) } ?? q, mode: mode ?? q.modes.first ?? .web)
        return try plan.replay(check, file: planFile, system: ["_modo": (mode ?? q.modes.first ?? .web).label])
    }
}
