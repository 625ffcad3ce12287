import CXLSXWriter
import Diagnostics
import Foundation

/// Writes tables as an Excel workbook (.xlsx) through libxlsxwriter, each cell with its real type:
/// numbers as numbers (with the column's decimals), dates and date-times as Excel dates shown
/// dd/mm/yyyy, sí/no as the words, labels as text (a text that starts with `=` stays text: nothing is
/// a formula). The header is bold and stays in view. Rows are written in order and not kept
/// (constant memory), and the file appears whole or not at all (written beside and renamed).
public enum XLSXWriter {
    public struct Sheet {
        public var name: String
        public var table: Table

        public init(name: String, table: Table) {
            self.name = name
            self.table = table
        }
    }

    /// Excel's limits (ECMA-376; «Excel specifications and limits»): rows and columns of a sheet, and
    /// characters of a cell. A table beyond them is refused before anything is written: Excel would
    /// cut it without a word.
    public static let maximumRows = 1_048_576, maximumColumns = 16_384, maximumCellCharacters = 32_767

    public static func write(_ sheets: [Sheet], to path: String, access: TextFile.Access = .owner, progress: DataFile.RowsWritten? = nil) throws(CSVError) {
        if let error = CSVError.checkOutput(path) { throw error }
        for sheet in sheets {
            let table = sheet.table
            if table.rowCount + 1 > maximumRows || table.columns.count > maximumColumns {
                throw CSVError(.ioFailure(reason: L("un libro de Excel admite \(NumberText.integer(maximumRows - 1)) filas de datos y \(NumberText.integer(maximumColumns)) columnas por hoja, y la tabla tiene \(NumberText.integer(table.rowCount)) filas y \(table.columns.count) columnas; escriba .csv, .sav o .dta",
                                                     "an Excel workbook takes \(maximumRows - 1) data rows and \(maximumColumns) columns per sheet, and the table has \(table.rowCount) rows and \(table.columns.count) columns; write .csv, .sav or .dta")),
                               at: SourceLocation(source: path))
            }
            for column in table.columns {
                guard case .coded(_, let levels) = column.storage, let long = levels.first(where: { $0.utf16.count > maximumCellCharacters }) else { continue }
                throw CSVError(.ioFailure(reason: L("la columna «\(column.name)» tiene un texto de \(NumberText.integer(long.utf16.count)) caracteres y una celda de Excel admite \(NumberText.integer(maximumCellCharacters)); escriba .csv",
                                                     "column «\(column.name)» holds a text of \(long.utf16.count) characters and an Excel cell takes \(maximumCellCharacters); write .csv")),
                               at: SourceLocation(source: path))
            }
        }
        let temporary = TextFile.temporaryPath(beside: path)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = workbook_new_opt(temporary, &options) else {
            throw CSVError(.ioFailure(reason: L("no se pudo crear el archivo", "the file could not be created")), at: SourceLocation(source: path))
        }
        errno = 0
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ code: String) -> UnsafeMutablePointer<lxw_format>? {
            if let known = formats[code] { return known }
            let made = workbook_add_format(workbook)
            format_set_num_format(made, code)
            formats[code] = made
            return made
        }
        var used = Set<String>()
        for sheet in sheets {
            let name = sheetName(sheet.name, used: &used)
            guard let worksheet = workbook_add_worksheet(workbook, name) else { continue }
            let table = sheet.table
            for (index, column) in table.columns.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(index), column.name, bold)
                let widest = (0..<min(table.rowCount, 200)).map { column.text(at: $0)?.count ?? 0 }.max() ?? 0
                worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), Double(min(45, max(8, max(column.name.count, widest) + 2))), nil)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            let writers = table.columns.enumerated().map { cellWriter($1, column: lxw_col_t($0), format: format) }
            for row in 0..<table.rowCount {
                for write in writers { write(worksheet, lxw_row_t(row + 1), row) }
                if (row + 1) % DataFile.progressEvery == 0 { progress?(row + 1, table.rowCount) }
            }
        }
        // libxlsxwriter prints its own English lines on a failure; Sondeo says it once, in Spanish.
        let status = StandardError.silenced { workbook_close(workbook) }
        guard status == LXW_NO_ERROR else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            let reason = [ENOSPC, EDQUOT, EACCES, EROFS, EIO].contains(code) ? SystemMessage.text(code) : L("libxlsxwriter no pudo cerrarlo: ", "libxlsxwriter could not close it: ") + String(cString: lxw_strerror(status))
            throw CSVError(.ioFailure(reason: reason), at: SourceLocation(source: path))
        }
        TextFile.restrict(temporary, access)
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CSVError(.ioFailure(reason: SystemMessage.text(errno)), at: SourceLocation(source: path))
        }
    }

    /// Excel's rules for a sheet's name: at most 31 characters, none of `[ ] : * ? / \`, unique.
    static func sheetName(_ wanted: String, used: inout Set<String>) -> String {
        var name = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if name.isEmpty { name = "Hoja" }
        var candidate = name, k = 2
        while used.contains(candidate.lowercased()) { candidate = String(name.prefix(28)) + " \(k)"; k += 1 }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Days from 1899-12-30 (Excel's serial day 0, which absorbs its phantom 29 February 1900).
    static let serialOffset = 25_569.0

    /// How one column's cells are written.
    private static func cellWriter(_ c: Column, column: lxw_col_t,
                                   format: (String) -> UnsafeMutablePointer<lxw_format>?) -> (UnsafeMutablePointer<lxw_worksheet>?, lxw_row_t, Int) -> Void {
        switch (c.storage, c.type) {
        case (.numeric(let values), .date):
            let f = format("dd/mm/yyyy")
            return { sheet, row, i in if !values[i].isNaN { worksheet_write_number(sheet, row, column, values[i] + serialOffset, f) } }
        case (.numeric(let values), .dateTime):
            let f = format((c.dateTimeStyle?.seconds ?? true) ? "dd/mm/yyyy hh:mm:ss" : "dd/mm/yyyy hh:mm")
            let offset = Double(c.dateTimeStyle?.offset ?? 0)
            return { sheet, row, i in
                if !values[i].isNaN { worksheet_write_number(sheet, row, column, (values[i] + offset) / 86_400 + serialOffset, f) }
            }
        case (.numeric(let values), .boolean):
            let labels = c.booleanLabels ?? ["0", "1"]
            if labels == ["0", "1"] {
                return { sheet, row, i in if !values[i].isNaN { worksheet_write_number(sheet, row, column, values[i], nil) } }
            }
            if ["FALSO", "FALSE"].contains(labels[0].uppercased()) {
                return { sheet, row, i in if !values[i].isNaN { worksheet_write_boolean(sheet, row, column, values[i] == 0 ? 0 : 1, nil) } }
            }
            return { sheet, row, i in if !values[i].isNaN { worksheet_write_string(sheet, row, column, labels[values[i] == 0 ? 0 : 1], nil) } }
        case (.numeric(let values), _):
            let places = c.type == .integer ? 0 : c.decimalPlaces
            let f: UnsafeMutablePointer<lxw_format>? = places.flatMap { format($0 == 0 ? "0" : "0." + String(repeating: "0", count: $0)) }
            return { sheet, row, i in if values[i].isFinite { worksheet_write_number(sheet, row, column, values[i], f) } }
        case (.coded(let codes, let levels), _):
            return { sheet, row, i in
                let code = codes[i]
                if code != Column.missingCode { worksheet_write_string(sheet, row, column, levels[Int(code)], nil) }
            }
        }
    }
}

/// Standard error closed for the length of a call into a C library that prints its own messages.
enum StandardError {
    static func silenced<T>(_ body: () -> T) -> T {
        let saved = dup(2), null = open("/dev/null", O_WRONLY)
        guard saved >= 0, null >= 0 else { return body() }
        dup2(null, 2)
        close(null)
        defer { dup2(saved, 2); close(saved) }
        return body()
    }
}
