import Questionnaire
import Store

extension SurveyStore {
    /// The latest published version of a questionnaire and its parsed text; nil when it is not published.
    public func latestQuestionnaire(_ id: String) throws -> (version: PublishedVersion, file: QuestionnaireFile)? {
        guard let latest = try versions(of: id).last else { return nil }
        return (latest, QuestionnaireParser.parse(latest.source, file: id).file)
    }
}
