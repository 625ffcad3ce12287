import Diagnostics
import ArgumentParser
import Foundation
import Sampling
import Store
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
        let idColumn = try table.column(id ?? table.columnNames[0], source: file)
        let design = ["estrato", "peso", "N_estrato", "orden", "reserva"]
        let stratum = table["estrato"], weight = table["peso"], size = table["N_estrato"], order = table["orden"], reserve = table["reserva"]
        let contactColumns = table.columns.filter { $0.name != idColumn.name && !design.contains($0.name) }
        var units: [SampleUnit] = []
        var seen = Set<String>()
        for row in 0..<table.rowCount {
            guard let unit = idColumn.text(at: row), !unit.isEmpty else {
                throw SamplingError.missingIdentifier(file: file, line: table.line(ofRow: row), column: idColumn.name)
            }
            guard seen.insert(unit).inserted else {
                throw SamplingError.repeatedIdentifier(file: file, line: table.line(ofRow: row), column: idColumn.name, value: unit)
            }
            var contact: [String: String] = [:]
            for column in contactColumns { if let value = column.text(at: row) { contact[column.name] = value } }
            units.append(SampleUnit(unit: unit, stratum: stratum?.text(at: row), weight: weight?.numbers?[row].finiteOrNil,
                                    stratumSize: size?.numbers?[row].finiteOrNil, reserve: reserve?.numbers?[row] == 1,
                                    order: order?.numbers?[row].finiteOrNil.map { Int($0) }, contact: contact))
        }
        let store = try storeOptions.open()
        let (added, unchanged) = try store.loadSample(units, questionnaire: questionnaire, actor: storeOptions.actor)
        let reserves = units.filter(\.reserve).count
        print(L("\(added == 1 ? "Cargado" : "Cargados") \(NumberText.count(added, "caso nuevo", "casos nuevos")) de «\(questionnaire)» en \(storeOptions.shownPath) (\(NumberText.integer(units.count - reserves)) de muestra y \(NumberText.integer(reserves)) de reserva en el archivo; \(NumberText.integer(unchanged)) \(unchanged == 1 ? "ya estaba" : "ya estaban")).",
                "Loaded \(NumberText.count(added, "new case", "new cases")) of «\(questionnaire)» into \(storeOptions.shownPath) (\(units.count - reserves) sample and \(reserves) reserve in the file; \(unchanged) were already there)."))
    }
}

private extension Double {
    var finiteOrNil: Double? { isFinite ? self : nil }
}
