import Diagnostics
import Questionnaire
import Store
import Table

/// Checks the rows of a responses file one after another, as `responses import` reads them: the
/// respondent id (missing, repeated), each cell against its question, then routing and answers
/// against the published questionnaire. Problems are printed as they are found
/// (`respuestas.csv:12 [nps]: error: 11 es mayor que el máximo 10`); a valid row becomes an interview.
struct RowValidation {
    typealias Counts = ImportCounts

    let rows: ResponseRows
    let table: Table
    let file: String
    let idColumn: Column
    let questionnaire: String
    let version: String
    /// The mode of rows without a `_modo` column.
    let mode: String
    /// The interviews' `source`: `import:` and the file's SHA-256.
    let source: String
    /// The start time of rows without `_inicio`.
    let now: String
    /// Where each problem goes, as a located line (`respuestas.csv:12 [nps]: error: …`).
    let report: @Sendable (String) -> Void
    private(set) var counts = Counts()
    private var seen: [String: Int] = [:]
    private var modes: [String: Mode] = [:]
    private var checks: [Mode: AnswerCheck] = [:]
    /// Writes each valid row's answers as the store keeps them.
    private let encoder: SheetEncoder
    private let modeColumn: Column?, interviewerColumn: Column?, startColumn: Column?, endColumn: Column?, dispositionColumn: Column?
    /// The seed of the order the respondent saw (`_orden`, from another Sondeo store's export).
    private let orderColumn: Column?

    init(rows: ResponseRows, table: Table, file: String, idColumn: Column, questionnaire: String, version: String, mode: String, source: String, now: String,
         report: @escaping @Sendable (String) -> Void) {
        self.report = report
        self.rows = rows
        self.table = table
        self.file = file
        self.idColumn = idColumn
        self.questionnaire = questionnaire
        self.version = version
        self.mode = mode
        self.source = source
        self.now = now
        seen.reserveCapacity(table.rowCount)
        encoder = SheetEncoder(rows.layout)
        modeColumn = rows.system("_modo")
        interviewerColumn = rows.system("_encuestador")
        startColumn = rows.system("_inicio")
        endColumn = rows.system("_fin")
        dispositionColumn = rows.system("_disposicion")
        orderColumn = rows.system(PresentationOrder.seedVariable)
    }

    /// The interview of data row `row` (0-based), ready for the store, or nil when the row has errors
    /// (printed).
    mutating func interview(row: Int) -> InterviewRow? {
        let line = table.line(ofRow: row)
        let file = self.file, sink = self.report
        func report(_ severity: String, _ column: String?, _ message: String) {
            let place = column.map { " [\($0)]" } ?? ""
            sink("\(file):\(line)\(place): \(severity): \(message)")
        }
        guard let respondent = idColumn.text(at: row), !respondent.isEmpty else {
            report("error", idColumn.name, L("falta el identificador del encuestado", "the respondent id is missing"))
            counts.errors += 1; counts.badRows += 1
            return nil
        }
        if let first = seen.updateValue(line, forKey: respondent) {
            seen[respondent] = first
            report("error", idColumn.name, L("«\(respondent)» ya apareció en la línea \(first)", "«\(respondent)» already appeared on line \(first)"))
            counts.errors += 1; counts.badRows += 1
            return nil
        }
        let modeText = ResponseRows.text(modeColumn, row: row) ?? mode
        let rowMode: Mode
        if let known = modes[modeText] { rowMode = known } else {
            rowMode = Mode(folding: modeText) ?? .web
            modes[modeText] = rowMode
        }
        var rowErrors = 0
        let seed = ResponseRows.text(orderColumn, row: row)
        if let seed, seed.count != 16 || UInt64(seed, radix: 16) == nil {
            report("error", PresentationOrder.seedVariable, L("«\(seed)» no es una semilla de orden (16 dígitos hexadecimales, como la escribe «sondeo responses export»)",
                                                             "«\(seed)» is not an order seed (16 hexadecimal digits, as «sondeo responses export» writes it)"))
            rowErrors += 1
        }
        let (sheet, cellProblems) = rows.sheet(row: row)
        for p in cellProblems { report("error", p.column, L(p.spanish, p.english)); rowErrors += 1 }
        let check: AnswerCheck
        if let known = checks[rowMode] { check = known } else {
            check = AnswerCheck(rows.questionnaire, mode: rowMode)
            checks[rowMode] = check
        }
        let (states, ending) = check.routing.states(sheet)
        for p in check.problems(of: sheet, states: states) {
            if p.severity == .error { rowErrors += 1 } else { counts.warnings += 1 }
            report(p.severity == .error ? "error" : L("aviso", "warning"), p.variable, L(p.spanish, p.english))
        }
        counts.errors += rowErrors
        if rowErrors > 0 { counts.badRows += 1; return nil }
        counts.valid += 1
        let record = InterviewRecord(questionnaire: questionnaire, version: version, respondent: respondent, mode: rowMode.rawValue,
                                     interviewer: ResponseRows.text(interviewerColumn, row: row), startedAt: ResponseRows.text(startColumn, row: row) ?? now,
                                     endedAt: ResponseRows.text(endColumn, row: row),
                                     disposition: ResponseRows.text(dispositionColumn, row: row) ?? ending?.disposition ?? "completa",
                                     source: source, answers: [])
        return InterviewRow(record, sheet: sheet, encoder: encoder, system: seed.map { [(PresentationOrder.seedVariable, $0)] } ?? [])
    }
}
