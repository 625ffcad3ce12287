import Diagnostics

/// The SPSS (`.sps`) and Stata (`.do`) programs written beside an exported CSV: they read the CSV —
/// SPSS with `GET DATA /TYPE=TXT` and each variable's format, Stata with `import delimited` — under
/// legal names (``StatisticsNames``), and apply the labels: variable and value labels, NS/NR as
/// missing (SPSS `MISSING VALUES`; Stata `.a`, `.b`…), levels of measurement, dates as dates. Run
/// from the folder that holds the CSV. With no data file, only the labels (for `questionnaire render
/// --format codebook`).
public enum StatisticsSyntax {
    /// The SPSS program. `data` is the CSV's file name, `csv` the dialect it was written in.
    public static func spss(_ table: Table?, labels: TableLabels, order: [String]? = nil, data: String?, csv: CSVWriter = .standard) -> String {
        let names = table?.columnNames ?? order ?? labels.variables.keys.sorted()
        let legal = StatisticsNames.legal(names, for: .spss).names
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var lines = ["* Sondeo: " + (data.map { "lee \($0) y aplica las etiquetas" } ?? "etiquetas") + (labels.file.map { " de \($0)" } ?? "") + ".",
                     data == nil ? "* Ejecútelo con los datos ya abiertos (Ejecutar > Todo)."
                                 : "* Ejecútelo desde la carpeta del archivo (Archivo > Abrir > Sintaxis, luego Ejecutar > Todo)."]
        if let table, let data {
            let excel = csv.format.decimalMark == ","
            if excel { lines.append("SET DECIMAL=COMMA.") }
            lines += ["GET DATA /TYPE=TXT", "  /FILE=\(quote(data))", "  /ENCODING=\(quote(csv.encoding == .windows1252 ? "windows-1252" : "UTF8"))",
                      "  /ARRANGEMENT=DELIMITED", "  /DELIMITERS=\(quote(String(UnicodeScalar(csv.delimiter))))", "  /QUALIFIER='\"'",
                      "  /FIRSTCASE=2", "  /VARIABLES="]
            for (column, name) in zip(table.columns, legal) { lines.append("    \(name) \(spssFormat(column, excel: excel))") }
            lines[lines.count - 1] += "."
        }
        let labelled = zip(names, legal).compactMap { name, legal in labels[name].map { (legal, $0) } }
        let withText = labelled.filter { $0.1.label != nil }
        if !withText.isEmpty {
            lines.append("VARIABLE LABELS")
            lines += withText.enumerated().map { i, v in "  \(v.0) \(quote(StatisticsNames.truncated(v.1.label!, 250)))" + (i == withText.count - 1 ? "." : "") }
        }
        let numeric = Set(table.map { t in t.columns.filter { $0.numbers != nil }.map(\.name) } ?? names)
        for (name, (legal, v)) in zip(names, zip(legal, names.map { labels[$0] })) where numeric.contains(name) {
            guard let v, !v.values.isEmpty else { continue }
            lines.append("VALUE LABELS \(legal)")
            lines += v.values.enumerated().map { i, value in "  \(NumberText.exact(value.code)) \(quote(StatisticsNames.truncated(value.label, 120)))" + (i == v.values.count - 1 ? "." : "") }
        }
        for (name, (legal, v)) in zip(names, zip(legal, names.map { labels[$0] })) where numeric.contains(name) {
            guard let v, !v.missing.isEmpty else { continue }
            lines.append("MISSING VALUES \(legal) (\(v.missing.sorted().prefix(3).map(NumberText.exact).joined(separator: ", "))).")
        }
        for level in [VariableLabel.Measure.nominal, .ordinal, .scale] {
            let chosen = labelled.filter { $0.1.measure == level }.map(\.0)
            if !chosen.isEmpty { lines.append("VARIABLE LEVEL \(chosen.joined(separator: " ")) (\(level.rawValue.uppercased())).") }
        }
        return lines.joined(separator: "\n") + "\nEXECUTE.\n"
    }

    /// How SPSS reads a column from the CSV: `A` with the widest value's bytes for text, `F` for
    /// numbers, `SDATE10` for ISO dates (`EDATE10` for dd/mm/yyyy), date-times as text (their `T` and
    /// zone are not an SPSS input format).
    static func spssFormat(_ column: Column, excel: Bool) -> String {
        switch (column.storage, column.type) {
        case (.coded(_, let levels), _):
            return "A\(max(1, levels.map(\.utf8.count).max() ?? 1))"
        case (.numeric, .date): return excel ? "EDATE10" : "SDATE10"
        case (.numeric, .dateTime): return "A\(excel ? 19 : 25)"
        case (.numeric(let values), _):
            let places = column.type == .integer ? 0 : (column.decimalPlaces ?? 6)
            let digits = values.filter { $0.isFinite }.map { String(Int64(min(9e17, abs($0).rounded(.down)))).count + ($0 < 0 ? 1 : 0) }.max() ?? 1
            return "F\(min(40, digits + (places > 0 ? places + 1 : 0) + 1)).\(places)"
        }
    }

    /// The Stata program: `import delimited` with every column's kind forced, the names set, dates made
    /// Stata dates, labels defined and applied, NS/NR recoded to `.a`, `.b`….
    public static func stata(_ table: Table?, labels: TableLabels, order: [String]? = nil, data: String?, csv: CSVWriter = .standard) -> String {
        let names = table?.columnNames ?? order ?? labels.variables.keys.sorted()
        let legal = StatisticsNames.legal(names, for: .stata).names
        func quote(_ s: String) -> String { "`\"" + s + "\"'" }
        var lines = ["* Sondeo: " + (data.map { "lee \($0) y aplica las etiquetas" } ?? "etiquetas") + (labels.file.map { " de \($0)" } ?? "") + ".",
                     data == nil ? "* Ejecútelo con los datos ya abiertos: do \"<este archivo>\"."
                                 : "* Ejecútelo desde la carpeta del archivo: do \"<este archivo>\"."]
        var numeric = Set(names)
        if let table, let data {
            let strings = table.columns.enumerated().filter { $0.element.numbers == nil || $0.element.type == .dateTime || $0.element.type == .date }.map { String($0.offset + 1) }
            let numbers = table.columns.enumerated().filter { $0.element.numbers != nil && $0.element.type != .dateTime && $0.element.type != .date }.map { String($0.offset + 1) }
            numeric = Set(table.columns.filter { $0.numbers != nil && $0.type != .dateTime && $0.type != .date }.map(\.name))
            var options = ["delimiter(\"\(String(UnicodeScalar(csv.delimiter)))\")", "varnames(nonames)", "rowrange(2)", "bindquotes(strict)",
                           "encoding(\"\(csv.encoding == .windows1252 ? "windows-1252" : "utf-8")\")"]
            if csv.format.decimalMark == "," { options.append("decimalseparator(,)") }
            if !strings.isEmpty { options.append("stringcols(\(strings.joined(separator: " ")))") }
            if !numbers.isEmpty { options.append("numericcols(\(numbers.joined(separator: " ")))") }
            lines.append("import delimited using \"\(data)\", " + options.joined(separator: " ") + " clear")
            for (index, (column, name)) in zip(table.columns, legal).enumerated() {
                let v = "v\(index + 1)"
                switch column.type {
                case .date:
                    lines.append("generate long \(name) = date(\(v), \"\(csv.format.dateLayout == .iso ? "YMD" : "DMY")\")")
                    lines.append("format \(name) %td")
                    lines.append("drop \(v)")
                case .dateTime:
                    lines.append("generate double \(name) = clock(subinstr(substr(\(v), 1, 19), \"T\", \" \", 1), \"\(csv.format.dateLayout == .iso ? "YMDhms" : "DMYhms")\")")
                    lines.append("format \(name) %tc")
                    lines.append("drop \(v)")
                default:
                    lines.append("rename \(v) \(name)")
                }
            }
            lines.append("order " + legal.joined(separator: " "))
        }
        for (name, legal) in zip(names, legal) {
            guard let v = labels[name] else { continue }
            if let text = v.label { lines.append("label variable \(legal) \(quote(StatisticsNames.truncated(text, 80)))") }
            guard numeric.contains(name), !v.values.isEmpty || !v.missing.isEmpty else { continue }
            var missing: [Double: String] = [:]
            for (k, code) in v.missing.sorted().prefix(26).enumerated() { missing[code] = "." + String(UnicodeScalar(UInt8(97 + k))) }
            let regular = v.values.filter { missing[$0.code] == nil && $0.code == $0.code.rounded() }
            let special = v.values.compactMap { value in missing[value.code].map { ($0, value.label) } }
            for code in v.missing.sorted() { if let tag = missing[code] { lines.append("replace \(legal) = \(tag) if \(legal) == \(NumberText.exact(code))") } }
            if regular.isEmpty && special.isEmpty { continue }
            let label = StatisticsNames.truncated(legal, 32)
            let pairs: [String] = regular.map { "\(NumberText.exact($0.code)) \(quote($0.label))" } + special.map { "\($0.0) \(quote($0.1))" }
            lines.append("label define \(label) " + pairs.joined(separator: " ") + ", replace")
            lines.append("label values \(legal) \(label)")
        }
        if let file = labels.file { lines.append("label data \(quote(StatisticsNames.truncated(file, 80)))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
