/// The size of a questionnaire: items people answer, variables it produces, lists, and the length of
/// the longest phone interview at about 6 seconds per closed item and 30 per open one.
public struct QuestionnaireSummary: Sendable {
    public let items: Int
    public let variables: Int
    public let lists: Int
    public let phoneMinutes: Double

    public init(_ q: QuestionnaireFile) {
        var asked = 0, variables = 0, seconds = 0.0
        for item in q.items {
            switch item.type {
            case .note: seconds += 6
            case .calculated: variables += 1
            case .grid: asked += 1; variables += item.rows.count; seconds += 6 * Double(item.rows.count)
            case .text: asked += 1; variables += 1; seconds += 30
            default: asked += 1; variables += 1; seconds += 6
            }
        }
        items = asked
        self.variables = variables
        lists = q.lists.count
        phoneMinutes = seconds / 60
    }
}
