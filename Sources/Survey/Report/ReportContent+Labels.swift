import Diagnostics
import Table

/// The report's cross-tables group rows by code (``CrossTab/init(design:rows:columns:method:confidence:order:)``):
/// each distinct value gets its label once, instead of a `String` per row and question.
extension ReportContent {
    /// The answers of a closed question as labels by code: a code's label, or the number itself
    /// (``NumberText/exact(_:)``) for a value the questionnaire does not name; missing stays missing.
    static func answerLabels(_ values: [Double], name: String, labels: [Double: String]) -> Column {
        var codeOf: [Double: UInt32] = [:]
        var levels: [String] = []
        let codes = values.map { value -> UInt32 in
            if value.isNaN { return Column.missingCode }
            if let code = codeOf[value] { return code }
            let code = UInt32(levels.count)
            codeOf[value] = code
            levels.append(labels[value] ?? NumberText.exact(value))
            return code
        }
        return Column(name: name, type: .categorical, storage: .coded(codes: codes, levels: levels))
    }

    /// The groups' column with each value's text relabelled once (a group's code shown as its label).
    static func groupLabels(_ column: Column, rows: Int, relabel: (String) -> String) -> Column {
        let cells = CellIndex(table: Table(columns: [column], rowCount: rows), columns: [column.name])
        var levels: [String] = []
        let codeOfGroup = (0..<cells.groupCount).map { group -> UInt32 in
            guard let text = cells.values(of: group)[0] else { return Column.missingCode }
            levels.append(relabel(text))
            return UInt32(levels.count - 1)
        }
        return Column(name: column.name, type: .categorical, storage: .coded(codes: cells.groupOfRow.map { codeOfGroup[Int($0)] }, levels: levels))
    }
}
