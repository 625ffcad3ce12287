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

    /// Reads the workbook; the `survey` sheet is required, `choices` and `settings` may be missing. The
    /// form may also be pyxform's CSV layout: a folder with `survey.csv`, `choices.csv` and
    /// `settings.csv` (what `questionnaire render --format xlsform --out carpeta/` writes), or the path of
    /// its `survey.csv`.
    public static func read(path: String) throws(CSVError) -> XLSFormSheets {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        let csvFolder: String? = isFolder.boolValue ? path
            : ((path as NSString).lastPathComponent.lowercased() == "survey.csv" ? (path as NSString).deletingLastPathComponent : nil)
        func sheet(_ name: String, required: Bool) throws(CSVError) -> (rows: [Row], columns: [String]) {
            var options = CSVReadOptions()
            var file = path
            if let csvFolder {
                file = (csvFolder.isEmpty ? "." : csvFolder) + "/" + name + ".csv"
                if !FileManager.default.fileExists(atPath: file) {
                    if required { throw CSVError(.fileNotFound, at: SourceLocation(source: file)) }
                    return ([], [])
                }
            } else {
                options.sheet = name
            }
            let table: Table
            do {
                table = try DataFile.read(path: file, options: options).table
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
