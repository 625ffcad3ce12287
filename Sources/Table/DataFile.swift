import Diagnostics
import Foundation

/// Any data file Sondeo reads, by what it is: a CSV text (``CSVReader``), an Excel workbook
/// (``XLSXReader``) or an SPSS/Stata file. The kind comes from the extension and, for a file whose name
/// does not say, from its first bytes (a workbook is a ZIP archive), so that `afiliados.xlsx` renamed
/// `afiliados.csv` still reads.
public enum DataFile {
    public static func format(of path: String) -> DataFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm": return .xlsx
        case "sav", "zsav": return .sav
        case "dta": return .dta
        default:
            guard let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 4) else { return .csv }
            try? handle.close()
            return head.elementsEqual([0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
        }
    }

    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) -> (table: Table, report: CSVReport) {
        switch format(of: path) {
        case .xlsx: return try XLSXReader.read(path: path, options: options)
        case .sav, .dta: return try StatisticsFileReader.read(path: path, format: format(of: path), options: options)
        case .csv, .database: return try CSVReader.read(path: path, options: options)
        }
    }

    /// The column names, to choose which columns to read.
    public static func header(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) -> [String] {
        switch format(of: path) {
        case .xlsx, .sav, .dta:
            var first = options
            first.columns = nil
            return try read(path: path, options: first).table.columnNames
        case .csv, .database: return try CSVReader.header(path: path, options: options)
        }
    }

    /// `data inspect`: a summary of every column.
    public static func summarize(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) -> (summaries: [ColumnSummary], report: CSVReport) {
        switch format(of: path) {
        case .xlsx, .sav, .dta:
            let (table, report) = try read(path: path, options: options)
            return (table.columns.map(ColumnSummary.init), report)
        case .csv, .database: return try CSVReader.summarize(path: path, options: options)
        }
    }
}

extension DataFile {
    /// The kinds of file a table is written as, by the extension of its name.
    public enum Output: String, CaseIterable, Sendable {
        case csv, xlsx, sav, zsav, dta

        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    /// Rows written of all, for a progress display (a workbook or an SPSS file of a million rows takes a while).
    public typealias RowsWritten = @Sendable (_ done: Int, _ total: Int) -> Void

    /// How often the writers say how far they are.
    static let progressEvery = 10_000

    /// Writes `table` in the format its name promises: CSV (in `csv`'s dialect), an Excel workbook
    /// (the data, and a «etiquetas» sheet when there are labels), SPSS or Stata (labels inside).
    /// Returns the columns renamed to be legal SPSS or Stata names.
    @discardableResult
    public static func write(_ table: Table, to path: String, csv: CSVWriter = .standard, labels: TableLabels? = nil,
                             progress: RowsWritten? = nil) throws(CSVError) -> [(from: String, to: String)] {
        defer { progress?(table.rowCount, table.rowCount) }
        switch Output(path: path) {
        case .xlsx?:
            var sheets = [XLSXWriter.Sheet(name: L("datos", "data"), table: table)]
            if let labels, !labels.variables.isEmpty { sheets.append(XLSXWriter.Sheet(name: L("etiquetas", "labels"), table: labelsSheet(table, labels))) }
            try XLSXWriter.write(sheets, to: path, progress: progress)
            return []
        case .sav?: return try StatisticsFileWriter.write(table, labels: labels, kind: .sav, to: path, progress: progress)
        case .zsav?: return try StatisticsFileWriter.write(table, labels: labels, kind: .zsav, to: path, progress: progress)
        case .dta?: return try StatisticsFileWriter.write(table, labels: labels, kind: .dta, to: path, progress: progress)
        case .csv?, nil:
            try csv.write(table, to: path)
            return []
        }
    }

    /// The labels as a sheet: a row per variable (its label, level, missing codes) followed by a row
    /// per labelled value, as a codebook reads.
    static func labelsSheet(_ table: Table, _ labels: TableLabels) -> Table {
        var variable: [String] = [], label: [String?] = [], code: [Double?] = [], valueLabel: [String?] = [], missing: [String?] = [], measure: [String?] = []
        for name in table.columnNames {
            guard let info = labels[name] else { continue }
            variable.append(name); label.append(info.label); code.append(nil); valueLabel.append(nil)
            measure.append(info.measure?.rawValue); missing.append(nil)
            for value in info.values {
                variable.append(name); label.append(nil); code.append(value.code); valueLabel.append(value.label)
                measure.append(nil); missing.append(info.missing.contains(value.code) ? L("sí", "yes") : nil)
            }
        }
        return Table(columns: [.texts(L("variable", "variable"), variable), .optionalTexts(L("etiqueta", "label"), label),
                               .optionalNumbers(L("codigo", "code"), code), .optionalTexts(L("etiqueta_valor", "value_label"), valueLabel),
                               .optionalTexts(L("faltante", "missing"), missing), .optionalTexts(L("medida", "measure"), measure)],
                     rowCount: variable.count)
    }
}

extension DataFile {
    /// What was written, as shown: rows, columns, the format and any names changed for SPSS or Stata.
    public static func written(_ table: Table, to path: String, excel: Bool, renamed: [(from: String, to: String)]) -> String {
        let format: String
        switch Output(path: path) {
        case .xlsx?: format = L("libro de Excel", "Excel workbook")
        case .sav?: format = "SPSS"
        case .zsav?: format = L("SPSS comprimido", "compressed SPSS")
        case .dta?: format = "Stata 14+"
        default: format = excel ? L("Windows-1252, «;», coma decimal, CRLF", "Windows-1252, «;», decimal comma, CRLF")
                                : L("UTF-8, «,», punto decimal, LF", "UTF-8, «,», decimal point, LF")
        }
        var text = L("Escrito \(path): \(NumberText.count(table.rowCount, "fila", "filas")), \(NumberText.count(table.columns.count, "columna", "columnas")) (\(format)).",
                     "Wrote \(path): \(NumberText.count(table.rowCount, "row", "rows")), \(NumberText.count(table.columns.count, "column", "columns")) (\(format)).")
        if !renamed.isEmpty {
            let pairs = renamed.prefix(8).map { "\($0.from) → \($0.to)" }.joined(separator: ", ") + (renamed.count > 8 ? ", …" : "")
            text += "\n" + L("Nombres cambiados porque el formato no los admite (el nombre original queda como etiqueta): \(pairs).",
                             "Names changed because the format does not accept them (the original name is kept as the label): \(pairs).")
        }
        return text
    }
}
