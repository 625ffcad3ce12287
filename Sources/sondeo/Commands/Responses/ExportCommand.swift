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
                L("Varias de: una columna 0/1 por opción; matriz: una por fila; NS y NR con sus códigos (úselos con --missing en analyze). Columnas del sistema: _version, _modo, _encuestador, _inicio, _fin, _disposicion y, cuando hay paradatos, _dispositivo, _duracion_seg y los segundos de cada página (_seg_p1, _seg_p2…). La extensión de --out decide el formato: .csv (con respuestas.sps y respuestas.do al lado, que lo leen en SPSS/PSPP y Stata con sus etiquetas), .xlsx (con una hoja de etiquetas), .sav y .zsav (SPSS/PSPP), .dta (Stata) con etiquetas de variable y de valor y NS/NR como faltantes, o .json. Junto al archivo se escribe el libro de códigos. --anonymize quita el identificador y los datos de contacto (nombre, documento, teléfono, correo, dirección; Ley 1581 de 2012). --repeats long escribe cada bloque «repetir» en un archivo aparte (respuestas_usados.csv): una fila por entrevista y copia preguntada.",
                  "Varias de: one 0/1 column per option; matriz: one per row; NS and NR as their codes (use them with --missing in analyze). System columns: _version, _modo, _encuestador, _inicio, _fin, _disposicion and, with paradata, _dispositivo, _duracion_seg and the seconds of each page (_seg_p1, _seg_p2…). The extension of --out decides the format: .csv (with respuestas.sps and respuestas.do beside it, which read it into SPSS/PSPP and Stata with its labels), .xlsx (with a labels sheet), .sav and .zsav (SPSS/PSPP), .dta (Stata) with variable and value labels and NS/NR as missing, or .json. The codebook is written beside the file. --anonymize drops the identifier and contact data (name, document, phone, e-mail, address; Ley 1581 de 2012). --repeats long writes each «repetir» block in a file of its own (respuestas_usados.csv): a row per interview and copy asked."),
            ], examples: [
                "sondeo responses export satisfaccion_servicios --out respuestas.csv",
                "sondeo responses export satisfaccion_servicios --out para_excel.csv --excel --labels --anonymize",
                "sondeo responses export satisfaccion_servicios --out respuestas.sav",
                "sondeo responses export caracterizacion_segmento --out hogares.xlsx --repeats long",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Archivo de salida: .csv, .xlsx, .sav, .zsav, .dta o .json.", "Output file: .csv, .xlsx, .sav, .zsav, .dta or .json."), valueName: L("archivo", "file")))
    var out: String
    @Option(help: ArgumentHelp(L("Formato: csv o json (la extensión de --out basta).", "Format: csv or json (the extension of --out is enough)."), valueName: L("formato", "format")))
    var format: OutputFormat?
    @Flag(help: ArgumentHelp(L("Etiquetas en vez de códigos.", "Labels instead of codes.")))
    var labels = false
    @Flag(help: ArgumentHelp(L("CSV como lo abre Excel en español (Windows-1252, «;», coma decimal).", "CSV as Excel opens it in Spanish (Windows-1252, «;», decimal comma).")))
    var excel = false
    @Flag(help: ArgumentHelp(L("Quita el identificador y los datos de contacto.", "Drop the identifier and contact data.")))
    var anonymize = false
    @Option(help: ArgumentHelp(L("Bloques «repetir»: wide (una columna por copia, como satisfaccion_3) o long (un archivo por bloque al lado, con una fila por entrevista y copia, como las hojas de repeat de Kobo).",
                                 "«repetir» blocks: wide (a column per copy, as satisfaccion_3) or long (a file per block beside it, with a row per interview and copy, as Kobo's repeat sheets)."),
                               valueName: "wide|long"))
    var repeats: RepeatLayout = .wide

    enum RepeatLayout: String, ExpressibleByArgument, CaseIterable { case wide, long }
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format?.require([.csv, .json])
        let kind = try OutputPath.require(out, oneOf: FileKind.tables + [.json], chosen: format.map { $0 == .json ? .json : .csv })
        if kind != .json { try OutputPath.requireTable(out, excel: excel) }
    }

    func run() throws {
        let (store, _, q) = try storeOptions.published(questionnaire)
        let tables = try Terminal.working(L("Leyendo las respuestas del almacén", "Reading the responses from the store")) {
            try ResponseExport.tables(store: store, questionnaire: q, id: questionnaire, labels: labels, anonymize: anonymize, long: repeats == .long)
        }
        Terminal.error(try ResponseExport.write(tables.main, repeats: tables.repeats, questionnaire: q, to: out, excel: excel, progress: Terminal.writing(out)))
    }
}
