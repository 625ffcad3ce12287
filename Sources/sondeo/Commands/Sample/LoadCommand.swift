import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Store
import Survey
import Table

/// `sondeo sample load MUESTRA.csv --questionnaire ID`: the drawn sample becomes the cases the
/// encuestadores call (step 43).
struct LoadCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "load",
            abstract: L("Carga en el almacén la muestra sorteada: cada afiliado es un caso del cuestionario.",
                        "Load the drawn sample into the store: each affiliate becomes a case of the questionnaire."),
            discussion: HelpText.discussion([
                L("Lee el archivo de «sondeo sample draw» (columnas estrato, peso, N_estrato, orden y reserva); las demás columnas se guardan como datos de contacto. Cargar el mismo archivo otra vez no agrega nada; un afiliado que ya está con otros datos detiene la carga sin guardar nada.",
                  "Reads the file of «sondeo sample draw» (columns estrato, peso, N_estrato, orden and reserva); the other columns are kept as contact data. Loading the same file again adds nothing; an affiliate already there with other data stops the load and nothing is saved."),
            ], examples: [
                "sondeo sample load muestra.csv --questionnaire satisfaccion_servicios",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Muestra de «sondeo sample draw».", "Sample written by «sondeo sample draw»."), valueName: L("muestra", "sample")))
    var file: String
    @Option(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Columna que identifica al afiliado (por defecto la primera).", "Column identifying the affiliate (the first by default)."),
                               valueName: L("columna", "column")))
    var id: String?
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (table, _) = try reading.readTable(file)
        let units = try SampleFile.units(table, file: file, idColumn: try table.column(id ?? table.columnNames[0], source: file))
        let (added, unchanged) = try storeOptions.open().loadSample(units, questionnaire: questionnaire, actor: storeOptions.actor)
        print(SampleFile.loaded(units, added: added, unchanged: unchanged, questionnaire: questionnaire, store: storeOptions.shownPath))
    }
}
