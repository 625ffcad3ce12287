import Diagnostics
import ArgumentParser
import Foundation
import Store
import Table

/// How to read the input CSV; everything not given is detected from the file.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Separador de campos: «,», «;», tab o «|» (por defecto se detecta).",
                                 "Field delimiter: «,», «;», tab or «|» (detected by default)."),
                               valueName: L("separador", "delimiter")))
    var delimiter: String?

    @Option(help: ArgumentHelp(L("Codificación: utf-8 o windows-1252 (por defecto se detecta).",
                                 "Encoding: utf-8 or windows-1252 (detected by default)."),
                               valueName: L("codificación", "encoding")))
    var encoding: String?

    @Option(help: ArgumentHelp(L("Marca decimal: «.» o «,» (por defecto se detecta).",
                                 "Decimal mark: «.» or «,» (detected by default)."),
                               valueName: L("marca", "mark")))
    var decimal: String?

    @Option(help: ArgumentHelp(L("Separador de miles de los números: «.» (1.234.567,89) o «,» (1,234,567.89); por defecto se detecta columna por columna.",
                                 "Thousands separator of numbers: «.» (1.234.567,89) or «,» (1,234,567.89); detected column by column by default."),
                               valueName: L("separador", "separator")))
    var thousands: String?

    @Option(help: ArgumentHelp(L("Códigos que significan dato faltante, separados por comas (p. ej. 98,99). Vacío y NA siempre lo son.",
                                 "Codes that mean missing, comma-separated (e.g. 98,99). Empty and NA always do."),
                               valueName: L("códigos", "codes")))
    var missing: String?

    @Flag(help: ArgumentHelp(L("Omite (y reporta) las filas con un número de campos distinto al del encabezado.",
                               "Skip (and report) rows whose field count differs from the header.")))
    var skipBadRows = false

    @Option(help: ArgumentHelp(L("Hoja de un libro de Excel: su nombre o su número (por defecto la primera).",
                                 "Sheet of an Excel workbook: its name or number (the first by default)."), valueName: L("hoja", "sheet")))
    var sheet: String?

    @Option(help: ArgumentHelp(L("Líneas (o filas de la hoja) que hay que saltar antes del encabezado: un título, una fecha.",
                                 "Lines (or sheet rows) to skip before the header: a title, a date."), valueName: "n"))
    var skip: Int?

    @Option(help: ArgumentHelp(L("Cuando el archivo es una base de datos —postgres://usuario@servidor/base (la clave en PGPASSWORD) o un archivo SQLite (.sqlite, .db)—: la consulta SQL que da la tabla, o el nombre de una tabla.",
                                 "When the file is a database —postgres://user@host/database (the password in PGPASSWORD) or a SQLite file (.sqlite, .db)—: the SQL query giving the table, or a table's name."),
                               valueName: L("consulta", "query")))
    var query: String?

    func validate() throws {
        _ = try csvOptions()
    }

    /// The reader's options, or a usage error in the run's language.
    func csvOptions() throws -> CSVReadOptions {
        var options = CSVReadOptions(missingCodes: missingCodes, skipBadRows: skipBadRows)
        guard (skip ?? 0) >= 0 else { throw ValidationError(L("--skip no puede ser negativo", "--skip cannot be negative")) }
        options.sheet = sheet
        options.skip = skip
        if let delimiter {
            switch delimiter.lowercased() {
            case ",", "coma", "comma": options.delimiter = UInt8(ascii: ",")
            case ";", "punto y coma", "semicolon": options.delimiter = UInt8(ascii: ";")
            case "\t", "tab", "\\t", "tabulador": options.delimiter = UInt8(ascii: "\t")
            case "|": options.delimiter = UInt8(ascii: "|")
            default:
                throw ValidationError(L("--delimiter debe ser «,», «;», tab o «|», no «\(delimiter)»",
                                        "--delimiter must be «,», «;», tab or «|», not «\(delimiter)»"))
            }
        }
        if let encoding {
            guard let value = TextEncoding(name: encoding) else {
                throw ValidationError(L("--encoding debe ser utf-8 o windows-1252, no «\(encoding)»",
                                        "--encoding must be utf-8 or windows-1252, not «\(encoding)»"))
            }
            options.encoding = value
        }
        if let thousands {
            switch thousands.lowercased() {
            case ".", "punto", "point": options.thousands = UInt8(ascii: ".")
            case ",", "coma", "comma": options.thousands = UInt8(ascii: ",")
            default:
                throw ValidationError(L("--thousands debe ser «.» o «,», no «\(thousands)»", "--thousands must be «.» or «,», not «\(thousands)»"))
            }
        }
        if let decimal {
            switch decimal.lowercased() {
            case ".", "punto", "point": options.decimalMark = UInt8(ascii: ".")
            case ",", "coma", "comma": options.decimalMark = UInt8(ascii: ",")
            default:
                throw ValidationError(L("--decimal debe ser «.» o «,», no «\(decimal)»",
                                        "--decimal must be «.» or «,», not «\(decimal)»"))
            }
        }
        return options
    }

    private var missingCodes: [String] {
        TextLines.list(missing)
    }

    /// The reader's options for `path`, with a progress display when a person is waiting.
    func csvOptions(showingProgressFor path: String) throws -> CSVReadOptions {
        var options = try csvOptions()
        options.progress = Terminal.progress(label: L("Leyendo \(path)", "Reading \(path)"), bytes: fileSize(path))
        return options
    }

    /// Reads the table: every column, or only `columns` when given (a wide frame read for a few of
    /// its columns); `digest` adds the file's SHA-256 to the report.
    func readTable(_ path: String, columns: Set<String>? = nil, digest: Bool = false, declaredMissing: Bool = false,
                   recordOffsets: Bool = false) throws -> (table: Table, report: CSVReport) {
        if let read = try databaseTable(path, digest: digest) {
            let table = columns.map { wanted in Table(columns: read.table.columns.filter { wanted.contains($0.name) }, rowCount: read.table.rowCount) } ?? read.table
            return (table, read.report)
        }
        var options = try csvOptions(showingProgressFor: path)
        options.declaredMissing = declaredMissing
        options.columns = columns
        options.digest = digest
        options.recordOffsets = recordOffsets
        let result = try DataFile.read(path: path, options: options)
        result.report.warnings.forEach(Terminal.error)
        return result
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}

