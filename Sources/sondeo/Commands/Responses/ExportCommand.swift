import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store
import Survey
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

    func run() throws {
        let (store, _, q) = try storeOptions.published(questionnaire)
        let table = try ResponseExport.table(store: store, questionnaire: q, id: questionnaire, labels: labels, anonymize: anonymize)
        if format == .json {
            try TextFile.write(ResponseExport.json(table), to: out)
        } else {
            try (excel ? CSVWriter.excel : CSVWriter.standard).write(table, to: out)
        }
        let codebook = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent("libro_de_codigos.md").path
        try TextFile.write(Codebook.markdown(q), to: codebook)
        Terminal.error(ResponseExport.written(table, to: out, codebook: codebook))
    }
}
