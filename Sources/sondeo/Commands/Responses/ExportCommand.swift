import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store
import Table

/// `sondeo responses export QUESTIONNAIRE --out FILE`: one row per interview and one column per
/// variable, with the system columns and the sample's design columns, ready for `sondeo analyze`.
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: L("Exporta las entrevistas: una fila por entrevista, una columna por variable, con estrato, peso y N_estrato de la muestra.",
                        "Export the interviews: a row per interview, a column per variable, with the sample's estrato, peso and N_estrato."),
            discussion: HelpText.discussion([
                L("Varias de: una columna 0/1 por opción; matriz: una por fila; NS y NR con sus códigos (úselos con --missing en analyze). Columnas del sistema: _version, _modo, _encuestador, _inicio, _fin, _disposicion. Junto al archivo se escribe el libro de códigos. --anonymize quita el identificador y los datos de contacto (nombre, documento, teléfono, correo, dirección; Ley 1581 de 2012).",
                  "Varias de: one 0/1 column per option; matriz: one per row; NS and NR as their codes (use them with --missing in analyze). System columns: _version, _modo, _encuestador, _inicio, _fin, _disposicion. The codebook is written beside the file. --anonymize drops the identifier and contact data (name, document, phone, e-mail, address; Ley 1581 de 2012)."),
            ], examples: [
                "sondeo responses export satisfaccion_servicios --out respuestas.csv",
                "sondeo responses export satisfaccion_servicios --out para_excel.csv --excel --labels --anonymize",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Archivo de salida (CSV o JSON).", "Output file (CSV or JSON)."), valueName: L("archivo", "file")))
    var out: String
    @Option(help: ArgumentHelp(L("Formato: csv o json.", "Format: csv or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .csv
    @Flag(help: ArgumentHelp(L("Etiquetas en vez de códigos.", "Labels instead of codes.")))
    var labels = false
    @Flag(help: ArgumentHelp(L("CSV como lo abre Excel en español (Windows-1252, «;», coma decimal).", "CSV as Excel opens it in Spanish (Windows-1252, «;», decimal comma).")))
    var excel = false
    @Flag(help: ArgumentHelp(L("Quita el identificador y los datos de contacto.", "Drop the identifier and contact data.")))
    var anonymize = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.csv, .json])
        try OutputPath.require(out, oneOf: [.csv, .json], chosen: format == .json ? .json : .csv)
    }

    /// Column names that identify a person or say how to reach them (Ley 1581 de 2012): names,
    /// document numbers, phones, e-mail, addresses and `id_…` columns. `tipo_documento` (CC, CE) stays.
    static func isDirectIdentifier(_ name: String) -> Bool {
        let folded = String(Suggestion.fold(name))
        let prefixes = ["nombre", "apellido", "telefono", "celular", "movil", "correo", "email", "direccion", "whatsapp", "cedula", "id_"]
        return prefixes.contains { folded.hasPrefix($0) } || ["id", "documento", "numero_documento", "num_documento", "nro_documento"].contains(folded)
    }

    func run() throws {
        let (store, _, q) = try storeOptions.published(questionnaire)
        let rows = try store.interviewRows(of: questionnaire)
        let interviews = rows.map(\.record)
        let sample = try store.sampleUnits(of: questionnaire)
        let evaluator = Evaluator(q, mode: .web)
        let layout = evaluator.layout
        let sheets = ParallelRanges.map(rows.count) { part in part.map { rows[$0].sheet(layout) } }.flatMap { $0 }
        var columns: [Column] = []
        if anonymize {
            columns.append(.integers("_fila", interviews.indices.map { $0 + 1 }))
        } else {
            columns.append(.texts("id_afiliado", interviews.map(\.respondent)))
        }
        columns += [.texts("_version", interviews.map(\.version)), .texts("_modo", interviews.map(\.mode)),
                    .optionalTexts("_encuestador", interviews.map(\.interviewer)), .texts("_inicio", interviews.map(\.startedAt)),
                    .optionalTexts("_fin", interviews.map(\.endedAt)), .optionalTexts("_disposicion", interviews.map(\.disposition))]
        let specials = Dictionary(q.specials.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for variable in Variables.of(q) {
            // Worked out once per variable, not once per interview.
            let values: [Answer?]
            if case .calculated = q.item(variable.item)?.type {
                let formula = evaluator.compile(.reference(variable.name, TextPosition(line: 0, column: 0)))
                values = sheets.map { sheet in
                    if case .number(let x) = evaluator.evaluate(formula, sheet) { return .number(x) }
                    return nil
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
        let contactNames = Set(units.flatMap { $0?.contact.keys.map { $0 } ?? [] }).sorted().filter { !anonymize || !Self.isDirectIdentifier($0) }
        let taken = Set(columns.map(\.name))
        for name in contactNames where !taken.contains(name) {
            columns.append(.optionalTexts(name, units.map { $0?.contact[name] }))
        }
        let table = Table(columns: columns, rowCount: interviews.count)
        if format == .json {
            let rows = (0..<table.rowCount).map { row in
                JSONValue.object(columns.map { column in
                    guard let text = column.text(at: row) else { return (column.name, .null) }
                    if column.type.isNumeric, let x = column.numbers?[row] { return (column.name, .number(x)) }
                    return (column.name, .string(text))
                })
            }
            try TextFile.write(JSONValue.array(rows).rendered() + "\n", to: out)
        } else {
            try (excel ? CSVWriter.excel : CSVWriter.standard).write(table, to: out)
        }
        let codebook = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent("libro_de_codigos.md").path
        try TextFile.write(Codebook.markdown(q), to: codebook)
        Terminal.error(L("Escrito \(out): \(NumberText.count(interviews.count, "entrevista", "entrevistas")), \(NumberText.count(columns.count, "columna", "columnas")); libro de códigos en \(codebook).",
                         "Wrote \(out): \(interviews.count) interviews, \(columns.count) columns; codebook in \(codebook)."))
    }
}
