import Diagnostics
import Questionnaire
import Table

/// `sondeo questionnaire import`: a KoboToolbox/ODK XLSForm workbook as a `.encuesta` text, the notes
/// of what did not convert, and what the checker says of the result.
public enum QuestionnaireImporting {
    public struct Result: Sendable {
        public var text: String
        public var notes: [XLSFormImport.Note]
        public var diagnostics: [QuestionnaireDiagnostic]
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    /// `out` names the file the text is for, so that the checker's messages point at it.
    public static func run(workbook: String, out: String?, language: String?) throws -> Result {
        let sheets = try XLSFormSheets.read(path: workbook)
        let (text, notes) = XLSFormImport.convert(sheets, source: workbook, language: language)
        let diagnostics = QuestionnaireChecker.check(text, file: out ?? "(salida)").diagnostics
        return Result(text: text, notes: notes, diagnostics: diagnostics)
    }
}
