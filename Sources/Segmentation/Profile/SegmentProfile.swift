import Diagnostics
import Table

/// The map of a segment (step 36): its columns grouped by the six questions, each described beside
/// the rest of the base.
public struct SegmentProfile: Sendable {
    public let name: String
    public let base: Int
    public let count: Int
    public let sections: [(question: ProfileQuestion, columns: [ColumnProfile])]
    /// The layout's words for the columns.
    public let labels: [String: String]

    public init(name: String, table: Table, inSegment: [Bool], layout: ProfileLayout, language: Language) throws(SegmentationError) {
        self.name = name
        base = table.rowCount
        count = inSegment.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard count > 0 else { throw .emptySegment }
        let other = language.pick("otros", "others")
        labels = layout.labels
        sections = layout.resolved(for: table).map { question, columns in
            (question, columns.map { ColumnProfile(column: table[$0]!, inSegment: inSegment, otherLabel: other,
                                                   decimalMark: language == .es ? "," : ".") })
        }
    }
}
