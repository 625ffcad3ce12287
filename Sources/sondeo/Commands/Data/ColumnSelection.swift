import ArgumentParser
import Diagnostics
import Table
import Foundation

/// `--columns a,b,c`: keeps the named columns, with a "¿quiso decir?" for a misspelled one.
enum ColumnSelection {
    static func apply(_ list: String?, to table: Table) throws -> Table {
        guard let list else { return table }
        let names = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        for name in names where table[name] == nil {
            let hint = Suggestion.hint(Suggestion.closest(to: name, among: table.columnNames), Localization.language)
            throw ValidationError(L("--columns: la columna «\(name)» no existe\(hint)",
                                    "--columns: column «\(name)» does not exist\(hint)"))
        }
        return table.projecting(names)
    }
}
