import BusinessDays
import Diagnostics
import Questionnaire
import Store
import Foundation
import Table

/// `responses export`: one row per interview and one column per variable of the published
/// questionnaire (varias de: 0/1 per option; matriz: one per row; NS/NR as their codes), with the
/// system columns, the sample's design columns (`estrato`, `peso`, `N_estrato`) and its contact
/// fields, ready for `sondeo analyze`. The same table whatever the interview's channel.
public enum ResponseExport {
    /// - Parameters:
    ///   - labels: option labels instead of codes.
    ///   - anonymize: see ``anonymized(_:order:)``.
    public static func table(store: any SurveyStore, questionnaire q: QuestionnaireFile, id: String, labels: Bool, anonymize: Bool) throws -> Table {
        try tables(store: store, questionnaire: q, id: id, labels: labels, anonymize: anonymize, long: false).main
    }

    /// The export, with `repetir` blocks either wide (a column per copy, in `main`) or, with `long`, in
    /// tables of their own (``RepeatExport``).
    public static func tables(store: any SurveyStore, questionnaire q: QuestionnaireFile, id: String, labels: Bool, anonymize: Bool,
                              long: Bool) throws -> (main: Table, repeats: [RepeatTable]) {
        let rows = try store.interviewRows(of: id)
        let interviews = rows.map(\.record)
        let sample = try store.sampleUnits(of: id)
        let evaluator = Evaluator(q, mode: .web)
        let layout = evaluator.layout
        let sheets = ParallelRanges.map(rows.count) { part in part.map { rows[$0].sheet(layout) } }.flatMap { $0 }
        var columns: [Column] = []
        columns.append(.texts("id_afiliado", interviews.map(\.respondent)))
        columns += [.texts("_version", interviews.map(\.version)), .texts("_modo", interviews.map(\.mode)),
                    .optionalTexts("_encuestador", interviews.map(\.interviewer)), .texts("_inicio", interviews.map(\.startedAt)),
                    .optionalTexts("_fin", interviews.map(\.endedAt)), .optionalTexts("_disposicion", interviews.map(\.disposition))]
        if PresentationOrder.randomizes(q) {
            // The seed of the order each respondent saw rows and options in (``PresentationOrder``).
            columns.append(.optionalTexts(PresentationOrder.seedVariable, rows.map { $0.systemText(PresentationOrder.seedVariable) }))
        }
        // Paradata (``Paradata``), when any interview has it: the device, the seconds of the whole interview
        // and of each page.
        let devices = rows.map { $0.systemText(Paradata.device) }
        let pageCount = SurveyForm.pages(of: q).count
        let pageSeconds = (0..<pageCount).map { page in rows.map { $0.systemNumber(Paradata.pageVariable(page)) } }
        if devices.contains(where: { $0 != nil }) || pageSeconds.contains(where: { $0.contains { $0 != nil } }) {
            columns.append(.optionalTexts(Paradata.device, devices))
            columns.append(.optionalNumbers(Paradata.duration, interviews.map { Paradata.seconds(from: $0.startedAt, to: $0.endedAt) }))
            for (page, seconds) in pageSeconds.enumerated() { columns.append(.optionalNumbers(Paradata.pageVariable(page), seconds)) }
        }
        let specials = Dictionary(q.specials.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for variable in Variables.of(q) {
            // Worked out once per variable, not once per interview.
            let values: [Answer?]
            if case .calculated = q.item(variable.item)?.type {
                let formula = evaluator.compile(.reference(variable.name, TextPosition(line: 0, column: 0)))
                values = sheets.map { sheet in
                    switch evaluator.evaluate(formula, sheet) {
                    case .number(let x): return .number(x)
                    case .text(let s): return .text(s)
                    default: return nil
                    }
                }
            } else if variable.kind == .dummy {
                let slot = layout.slot(variable.item), code = Int(variable.name.dropFirst(variable.item.count + 1))
                values = sheets.map { sheet in
                    guard let slot, let code, case .codes(let chosen)? = sheet[slot] else { return nil }
                    return .number(chosen.contains(code) ? 1 : 0)
                }
            } else {
                let slot = layout.slot(variable.name)
                values = sheets.map { sheet in slot.flatMap { sheet[$0] } }
            }
            let labelOf = Dictionary(variable.values.map { (Double($0.0), $0.1) }, uniquingKeysWith: { a, _ in a })
            switch variable.kind {
            case .text, .date:
                columns.append(.optionalTexts(variable.name, values.map { if case .text(let s)? = $0 { return s } else { return nil } }))
            case .numeric, .dummy:
                let numbers: [Double?] = values.map {
                    switch $0 {
                    case .number(let x)?: return x
                    case .special(let name)?: return specials[name].map { Double($0.code) }
                    default: return nil
                    }
                }
                if labels && !labelOf.isEmpty && variable.kind == .numeric {
                    columns.append(.optionalTexts(variable.name, numbers.map { x in x.map { labelOf[$0] ?? NumberText.exact($0) } }))
                } else {
                    columns.append(.optionalNumbers(variable.name, numbers))
                }
            }
        }
        let units = interviews.map { sample[$0.respondent] }
        columns += [.optionalTexts("estrato", units.map { $0?.stratum }), .optionalNumbers("peso", units.map { $0?.weight }),
                    .optionalNumbers("N_estrato", units.map { $0?.stratumSize })]
        let contactNames = Set(units.flatMap { $0?.contact.keys.map { $0 } ?? [] }).sorted()
        let taken = Set(columns.map(\.name))
        for name in contactNames where !taken.contains(name) {
            columns.append(.optionalTexts(name, units.map { $0?.contact[name] }))
        }
        var order = Array(0..<interviews.count)
        if anonymize { order.shuffle() }
        var repeats: [RepeatTable] = []
        if long && !q.repeats.isEmpty {
            var rank = order
            for (position, row) in order.enumerated() { rank[row] = position }
            let key: Column = anonymize ? .integers("_fila", rank.map { $0 + 1 }) : columns[0]
            (columns, repeats) = RepeatExport.split(columns, questionnaire: q, key: key, rank: rank) { copy in
                let condition = evaluator.compile(copy.condition)
                return sheets.map { evaluator.holds(condition, $0) }
            }
            if anonymize {
                repeats = repeats.map { r in
                    var r = r
                    r.table = Table(columns: r.table.columns.filter { !PersonalData.isPersonal($0.name) }, rowCount: r.table.rowCount)
                    return r
                }
            }
        }
        let table = Table(columns: columns, rowCount: interviews.count)
        return (anonymize ? anonymized(table, order: order) : table, repeats)
    }

    /// The export without what re-identifies a person (Ley 1581 de 2012): every column whose name is
    /// personal data (``PersonalData``: the id, contact fields and questions such as `correo` or
    /// `fecha_nacimiento`), the order seed (a function of the id), the rows shuffled (so they cannot be
    /// matched by position with an identified export: `order`, a shuffle of the rows) and numbered `_fila`, and `_inicio`/`_fin` cut to
    /// the Colombian day (a millisecond timestamp matches one interview).
    static func anonymized(_ table: Table, order: [Int]) -> Table {
        var columns = [Column.integers("_fila", order.indices.map { $0 + 1 })]
        for column in table.columns where !PersonalData.isPersonal(column.name) && column.name != PresentationOrder.seedVariable {
            let shuffled = column.selecting(order)
            if column.name == "_inicio" || column.name == "_fin" {
                let days = (0..<shuffled.count).map { row in shuffled.text(at: row).flatMap { CivilDate.colombianDay(ofInstant: $0)?.iso } }
                columns.append(.optionalTexts(column.name, days))
            } else {
                columns.append(shuffled)
            }
        }
        return Table(columns: columns, rowCount: table.rowCount)
    }
}

extension ResponseExport {
    /// The table as the JSON rows scripts read (numbers as numbers, missing as null).
    public static func json(_ table: Table) -> String {
        let rows = (0..<table.rowCount).map { row in
            JSONValue.object(table.columns.map { column in
                guard let text = column.text(at: row) else { return (column.name, .null) }
                if column.type.isNumeric, let x = column.numbers?[row] { return (column.name, .number(x)) }
                return (column.name, .string(text))
            })
        }
        return JSONValue.array(rows).rendered() + "\n"
    }

    /// Writes the export as its name says — CSV (with the `.sps` and `.do` that read it and apply the
    /// labels, beside it), JSON, an Excel workbook (with a labels sheet), SPSS or Stata (labels inside)
    /// — and the codebook (`libro_de_codigos.md`) beside it; each long `repetir` table beside it in the
    /// same format, named `<export>_<block>.<ext>`. Returns what was written, as shown.
    /// `progress`: rows of the main table written (a workbook or an SPSS file of many interviews).
    public static func write(_ table: Table, repeats: [RepeatTable] = [], questionnaire q: QuestionnaireFile, to out: String, excel: Bool,
                             progress: DataFile.RowsWritten? = nil) throws(CSVError) -> String {
        let folder = (out as NSString).deletingLastPathComponent
        func beside(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
        let ext = (out as NSString).pathExtension.lowercased()
        let stem = ((out as NSString).lastPathComponent as NSString).deletingPathExtension
        let package = ext == "dta" ? "Stata" : "SPSS"
        var (written, renamed) = try writeOne(table, labels: ResponseLabels.of(q), to: out, excel: excel, progress: progress)
        var blocks: [String] = []
        for block in repeats {
            let path = beside(stem + "_" + block.name + "." + ext)
            var labels = ResponseLabels.of(block.body)
            labels.variables["_copia"] = VariableLabel(label: L("Copia del bloque «repetir» (opción o número)", "Copy of the «repetir» block (option or number)"))
            labels.variables["_opcion"] = VariableLabel(label: L("Opción de «\(block.name)» de esta copia", "Option of «\(block.name)» of this copy"))
            let (files, more) = try writeOne(block.table, labels: labels, to: path, excel: excel)
            written += files.dropFirst()
            renamed += more.filter { name in !renamed.contains { $0.from == name.from } }
            blocks.append(L("\(path) (\(NumberText.count(block.table.rowCount, "fila", "filas")): una por entrevista y copia de «\(block.name)»)",
                            "\(path) (\(NumberText.count(block.table.rowCount, "row", "rows")): one per interview and copy of «\(block.name)»)"))
        }
        let codebook = beside("libro_de_codigos.md")
        var book = Codebook.markdown(q)
        if !renamed.isEmpty {
            // The names the columns have in the statistics file (or in the .sps that reads the CSV).
            book += "\n## " + L("Nombres en \(package)", "Names in \(package)") + "\n\n| " + L("columna", "column") + " | " + L("nombre en \(package)", "name in \(package)") + " |\n|---|---|\n"
                + renamed.map { "| \($0.from) | \($0.to) |" }.joined(separator: "\n") + "\n"
        }
        try TextFile.write(book, to: codebook)
        var text = L("Escrito \(out): \(NumberText.count(table.rowCount, "entrevista", "entrevistas")), \(NumberText.count(table.columnNames.count, "columna", "columnas")).",
                     "Wrote \(out): \(NumberText.count(table.rowCount, "interview", "interviews")), \(NumberText.count(table.columnNames.count, "column", "columns")).")
        for block in blocks { text += "\n" + L("Bloque que se repite: ", "Repeated block: ") + block + "." }
        if written.count > 1 {
            text += "\n" + L("Sintaxis que lo lee con sus etiquetas: \(written.dropFirst().joined(separator: ", ")) (SPSS/PSPP y Stata).",
                             "Syntax that reads it with its labels: \(written.dropFirst().joined(separator: ", ")) (SPSS/PSPP and Stata).")
        }
        text += "\n" + L("Libro de códigos: \(codebook).", "Codebook: \(codebook).")
        if !renamed.isEmpty {
            text += "\n" + L("En \(package), \(renamed.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")): nombres que \(package) no admite (quedan en el libro de códigos).",
                             "In \(package), \(renamed.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")): names \(package) does not accept (listed in the codebook).")
        }
        return text
    }

    /// One table in the format its name says: the files written (the table first, then the syntax that
    /// reads a CSV) and the columns renamed for SPSS or Stata.
    private static func writeOne(_ table: Table, labels: TableLabels, to out: String, excel: Bool,
                                 progress: DataFile.RowsWritten? = nil) throws(CSVError) -> ([String], [(from: String, to: String)]) {
        let folder = (out as NSString).deletingLastPathComponent
        func beside(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
        switch (out as NSString).pathExtension.lowercased() {
        case "json":
            try TextFile.write(json(table), to: out, access: .owner)
            return ([out], [])
        case "csv":
            let csv: CSVWriter = excel ? .excel : .standard
            try csv.write(table, to: out)
            let stem = ((out as NSString).lastPathComponent as NSString).deletingPathExtension
            let data = (out as NSString).lastPathComponent
            try TextFile.write(StatisticsSyntax.spss(table, labels: labels, data: data, csv: csv), to: beside(stem + ".sps"))
            try TextFile.write(StatisticsSyntax.stata(table, labels: labels, data: data, csv: csv), to: beside(stem + ".do"))
            return ([out, beside(stem + ".sps"), beside(stem + ".do")], StatisticsNames.legal(table.columnNames, for: .spss).renamed)
        default:
            return ([out], try DataFile.write(table, to: out, labels: labels, progress: progress))
        }
    }
}
