import Analysis
import Diagnostics
import Questionnaire
import Store
import Table

extension ReportContent {
    /// The columns of a responses file the report reads (the questions, `_modo`, `_disposicion`), or
    /// nil when the file holds none of the questionnaire's questions (not an export of it).
    public static func columns(in header: [String], of q: QuestionnaireFile) -> [String]? {
        let questions = Variables.of(q).map(\.name).filter(header.contains)
        return questions.isEmpty ? nil : questions + ["_modo", "_disposicion"].filter(header.contains)
    }

    /// The report of the interviews in the store, read with the version they were collected with; the
    /// design from the columns `designColumns` picks among the export's.
    public static func fromStore(_ store: any SurveyStore, id: String, version: String, questionnaire q: QuestionnaireFile,
                                 designColumns: ([String]) -> DesignColumns, lonelyPSU: LonelyPSUPolicy, population: PopulationTotals? = nil,
                                 codeframe: Codeframe? = nil, wave: String? = nil, by: String?, outcome: String?, drivers: [String]?,
                                 confidence: Double) throws -> ReportContent {
        let table = try ResponseExport.table(store: store, questionnaire: q, id: id, labels: false, anonymize: false)
        let columns = designColumns(table.columnNames)
        let design = try AnalysisData(path: id, table: table, columns: columns, by: [], lonelyPSU: lonelyPSU, population: population).design
        return try ReportContent(table: table, questionnaire: q, design: design, designText: columns.description(design.kind),
                                 file: L("\(id) versión \(version)", "\(id) version \(version)"), by: by, outcome: outcome, driverNames: drivers,
                                 confidence: confidence, codeframe: codeframe, wave: wave)
    }

    /// What the command says once the report is written.
    public func written(to out: String) -> String {
        L("Escrito \(out): \(NumberText.count(questions.count, "pregunta", "preguntas")), \(NumberText.count(crossTables.count, "cruce", "cruces")), \(NumberText.count(flaggedCount, "estimación marcada", "estimaciones marcadas")) con † por poca precisión.",
          "Wrote \(out): \(questions.count) questions, \(crossTables.count) cross-tables, \(flaggedCount) estimates marked † for low precision.")
    }
}
