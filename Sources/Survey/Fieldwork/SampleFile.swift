import Diagnostics
import Sampling
import Store
import Table

/// A sample drawn by `sample draw` (or any file of one row per case) as the cases of a questionnaire:
/// the design columns it wrote (estrato, peso, N_estrato, orden, reserva) and every other column as
/// contact data (procedure step 43).
public enum SampleFile {
    public static let designColumns = ["estrato", "peso", "N_estrato", "orden", "reserva"]

    /// One unit per row; an empty or repeated identifier is refused with its line.
    public static func units(_ table: Table, file: String, idColumn: Column) throws(SamplingError) -> [SampleUnit] {
        let stratum = table["estrato"], weight = table["peso"], size = table["N_estrato"], order = table["orden"], reserve = table["reserva"]
        let contactColumns = table.columns.filter { $0.name != idColumn.name && !designColumns.contains($0.name) }
        func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        var units: [SampleUnit] = []
        var seen = Set<String>()
        for row in 0..<table.rowCount {
            guard let unit = idColumn.text(at: row), !unit.isEmpty else {
                throw .missingIdentifier(file: file, line: table.line(ofRow: row), column: idColumn.name)
            }
            guard seen.insert(unit).inserted else {
                throw .repeatedIdentifier(file: file, line: table.line(ofRow: row), column: idColumn.name, value: unit)
            }
            var contact: [String: String] = [:]
            for column in contactColumns { if let value = column.text(at: row) { contact[column.name] = value } }
            units.append(SampleUnit(unit: unit, stratum: stratum?.text(at: row), weight: finite(weight?.numbers?[row]),
                                    stratumSize: finite(size?.numbers?[row]), reserve: reserve?.numbers?[row] == 1,
                                    order: finite(order?.numbers?[row]).map { Int($0) }, contact: contact))
        }
        return units
    }

    /// What was loaded into `store` (as shown).
    public static func loaded(_ units: [SampleUnit], added: Int, unchanged: Int, questionnaire: String, store: String) -> String {
        let reserves = units.filter(\.reserve).count
        return L("\(added == 1 ? "Cargado" : "Cargados") \(NumberText.count(added, "caso nuevo", "casos nuevos")) de «\(questionnaire)» en \(store) (\(NumberText.integer(units.count - reserves)) de muestra y \(NumberText.integer(reserves)) de reserva en el archivo; \(NumberText.integer(unchanged)) \(unchanged == 1 ? "ya estaba" : "ya estaban")).",
                 "Loaded \(NumberText.count(added, "new case", "new cases")) of «\(questionnaire)» into \(store) (\(units.count - reserves) sample and \(reserves) reserve in the file; \(unchanged) were already there).")
    }
}
