import Diagnostics
import Foundation
import Table

/// The three sheets of an XLSForm workbook (KoboToolbox, ODK), each row as its cells by column name,
/// with the row's number in the workbook for messages («survey, fila 12»).
public struct XLSFormSheets: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var cells: [String: String]

        public init(line: Int, cells: [String: String]) {
            self.line = line
            self.cells = cells
        }

        /// A cell, trimmed; empty when absent.
        public subscript(_ column: String) -> String { cells[column]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
    }

    public var survey: [Row]
    public var surveyColumns: [String]
    public var choices: [Row]
    public var choicesColumns: [String]
    public var settings: [Row]

    public init(survey: [Row], surveyColumns: [String], choices: [Row], choicesColumns: [String], settings: [Row]) {
        self.survey = survey
        self.surveyColumns = surveyColumns
        self.choices = choices
        self.choicesColumns = choicesColumns
        self.settings = settings
    }

    /// Reads the workbook; the `survey` sheet is required, `choices` and `settings` may be missing.
    public static func read(path: String) throws(CSVError) -> XLSFormSheets {
        guard FileManager.default.fileExists(atPath: path) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        func sheet(_ name: String, required: Bool) throws(CSVError) -> (rows: [Row], columns: [String]) {
            var options = CSVReadOptions()
            options.sheet = name
            let table: Table
            do {
                table = try DataFile.read(path: path, options: options).table
            } catch {
                if !required, case .unknownSheet = error.kind { return ([], []) }
                if case .empty = error.kind { return ([], []) }
                throw error
            }
            let columns = table.columnNames
            var rows: [Row] = []
            for r in 0..<table.rowCount {
                var cells: [String: String] = [:]
                for column in table.columns { if let text = column.text(at: r), !text.isEmpty { cells[column.name] = text } }
                if !cells.isEmpty { rows.append(Row(line: table.line(ofRow: r), cells: cells)) }
            }
            return (rows, columns)
        }
        let survey = try sheet("survey", required: true)
        let choices = try sheet("choices", required: false)
        let settings = try sheet("settings", required: false)
        return XLSFormSheets(survey: survey.rows, surveyColumns: survey.columns, choices: choices.rows, choicesColumns: choices.columns, settings: settings.rows)
    }
}
