import Diagnostics

/// What the reader found in a file, told to a person: the encoding, the delimiter, warnings about
/// bytes that are not UTF-8 and rows left out; and `data inspect`'s description of the file.
extension CSVReport {
    /// `tab` or `«;»`.
    public var delimiterName: String { delimiter == 9 ? "tab" : "«\(String(UnicodeScalar(delimiter)))»" }

    /// `UTF-8 (sin BOM)` or `Windows-1252`.
    public var encodingName: String {
        if let utf16 { return "UTF-16 \(utf16)" + L(" (con BOM)", " (with BOM)") }
        guard encoding == .utf8 else { return "Windows-1252" }
        return "UTF-8" + (byteOrderMark ? L(" (con BOM)", " (with BOM)") : L(" (sin BOM)", " (no BOM)"))
    }

    /// What the reader decided for the person, to say on stderr: bytes that are not UTF-8 in a file read
    /// as UTF-8, and rows left out by --skip-bad-rows.
    public var warnings: [String] {
        var result: [String] = []
        for (from, to) in renamedColumns {
            result.append(from.isEmpty
                ? L("aviso: «\(source)» tiene una columna sin nombre; se llamará «\(to)»", "warning: «\(source)» has a column without a name; it is called «\(to)»")
                : L("aviso: el nombre «\(from)» se repite en «\(source)»; la repetición se llamará «\(to)»",
                    "warning: name «\(from)» appears twice in «\(source)»; the second is called «\(to)»"))
        }
        for (column, note) in numberNotes {
            result.append(L("nota: la columna «\(column)» de «\(source)» se leyó como número (\(note))", "note: column «\(column)» of «\(source)» was read as numbers (\(note))"))
        }
        for (index, title) in titleLines.enumerated() {
            result.append(L("aviso: la línea \(index + 1) de «\(source)» («\(TextTable.shortened(title, to: 40))») parece un título y no se leyó como dato; si es el encabezado, use --skip 0",
                            "warning: line \(index + 1) of «\(source)» («\(TextTable.shortened(title, to: 40))») looks like a title and was not read as data; if it is the header, use --skip 0"))
        }
        if errorCells > 0 {
            result.append(L("aviso: \(NumberText.count(errorCells, "celda", "celdas")) de «\(source)» \(errorCells == 1 ? "tiene" : "tienen") un error de Excel (#N/A, #¡DIV/0!…) y se \(errorCells == 1 ? "lee" : "leen") como dato faltante",
                            "warning: \(errorCells) \(errorCells == 1 ? "cell" : "cells") of «\(source)» hold an Excel error (#N/A, #DIV/0!…) and read as missing"))
        }
        if let at = strayBytes {
            let place = L("línea \(at.line ?? 0), columna \(at.column ?? 0), byte \(at.byteOffset ?? 0)",
                          "line \(at.line ?? 0), column \(at.column ?? 0), byte \(at.byteOffset ?? 0)")
            let n = strayByteCount
            result.append(L("aviso: «\(source)» se leyó como UTF-8, pero \(n == 1 ? "tiene 1 byte que no es" : "tiene \(n) bytes que no son") UTF-8 (el primero en \(place)); se \(n == 1 ? "leyó" : "leyeron") como Windows-1252. Si el archivo es de Excel, use --encoding windows-1252.",
                            "warning: «\(source)» was read as UTF-8, but \(n == 1 ? "1 byte is" : "\(n) bytes are") not UTF-8 (the first at \(place)); \(n == 1 ? "it was" : "they were") read as Windows-1252. If the file comes from Excel, use --encoding windows-1252."))
        }
        if !skippedRows.isEmpty {
            let shown = skippedRows.prefix(10).map { L("línea \($0.line) (\($0.fields) campos)", "line \($0.line) (\($0.fields) fields)") }.joined(separator: ", ")
            let more = skippedRows.count > 10 ? ", …" : ""
            let n = skippedRows.count
            result.append(L("aviso: \(n == 1 ? "se omitió" : "se omitieron") \(NumberText.count(n, "fila", "filas")) cuyo número de campos no es \(expectedFields): \(shown)\(more)",
                            "warning: skipped \(NumberText.count(n, "row", "rows")) whose field count is not \(expectedFields): \(shown)\(more)"))
        }
        return result
    }

    /// `data inspect`: the file's dialect and, per column, its type and summary; as text, Markdown or
    /// DESIGN.md's JSON.
    public func describe(_ summaries: [ColumnSummary], format: OutputFormat) -> String {
        switch format {
        case .json: return json(summaries).rendered()
        case .markdown: return header(markdown: true) + "\n\n" + table(summaries).markdown()
        default: return header(markdown: false) + "\n\n" + table(summaries).rendered()
        }
    }

    private func header(markdown: Bool) -> String {
        let report = self
        var lines = [(format == .database ? L("Base de datos", "Database") : L("Archivo", "File"), report.source)]
        switch format {
        case .database:
            lines.append((L("Consulta", "Query"), query ?? ""))
        case .xlsx:
            lines.append((L("Formato", "Format"), L("libro de Excel (.xlsx), hoja «\(sheet ?? "")»", "Excel workbook (.xlsx), sheet «\(sheet ?? "")»")))
        case .sav, .dta:
            lines.append((L("Formato", "Format"), format == .sav ? "SPSS (.sav)" : "Stata (.dta)"))
            if let file = labels?.file { lines.append((L("Etiqueta", "Label"), file)) }
            let labelled = labels?.variables.values.filter { !$0.values.isEmpty }.count ?? 0
            let missing = labels?.variables.values.filter { !$0.missing.isEmpty }.count ?? 0
            lines.append((L("Etiquetas", "Labels"), L("\(NumberText.count(labelled, "variable", "variables")) con etiquetas de valor, \(missing) con códigos de faltante (NS/NR)",
                                                    "\(NumberText.count(labelled, "variable", "variables")) with value labels, \(missing) with missing codes (NS/NR)")))
        case .csv:
            lines += [(L("Codificación", "Encoding"), report.encodingName), (L("Separador", "Delimiter"), report.delimiterName),
                      (L("Marca decimal", "Decimal mark"), "«\(String(UnicodeScalar(report.decimalMark)))»"),
                      (L("Fin de línea", "Line ending"), report.lineEnding.rawValue)]
        }
        lines += [(L("Filas", "Rows"), NumberText.integer(report.rows)), (L("Columnas", "Columns"), NumberText.integer(report.expectedFields))]
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { label, value in
            markdown ? "- **\(label)**: \(value)" : label + ":" + String(repeating: " ", count: width - label.count + 1) + value
        }.joined(separator: "\n")
    }

    private func table(_ summaries: [ColumnSummary]) -> TextTable {
        var table = TextTable(
            headers: [L("columna", "column"), L("tipo", "type"), L("faltantes", "missing"), L("distintos", "distinct"),
                      L("mínimo", "min"), L("máximo", "max"), L("media", "mean"), L("más frecuentes", "most frequent")],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .left])
        for summary in summaries {
            let top = summary.top.prefix(3).map { "\(TextTable.shortened($0.value, to: 24)) (\(NumberText.integer($0.count)))" }.joined(separator: ", ")
            table.append([
                summary.name, ExpressionError.typeName(summary.type, Language.current), NumberText.integer(summary.missing),
                NumberText.integer(summary.distinct),
                summary.firstDate ?? NumberText.exact(summary.min), summary.lastDate ?? NumberText.exact(summary.max),
                NumberText.summary(summary.mean), top,
            ])
        }
        return table
    }

    private func json(_ summaries: [ColumnSummary]) -> JSONValue {
        let report = self, text = format != .database
        return .object([
            ("file", .string(report.source)),
            ("format", .string(report.format.rawValue)),
            ("sheet", report.sheet.map(JSONValue.string) ?? .null),
            ("query", report.query.map(JSONValue.string) ?? .null),
            ("rows", .integer(report.rows)),
            // A database's result has no text dialect.
            ("encoding", text ? .string(report.utf16.map { "utf-16" + $0.lowercased() } ?? report.encoding.rawValue) : .null),
            ("bom", text ? .bool(report.byteOrderMark) : .null),
            ("delimiter", text && report.delimiter != 0 ? .string(String(UnicodeScalar(report.delimiter))) : .null),
            ("decimal", text ? .string(String(UnicodeScalar(report.decimalMark))) : .null),
            ("line_ending", text ? .string(report.lineEnding.rawValue) : .null),
            ("skipped_rows", .array(report.skippedRows.map {
                .object([("line", .integer($0.line)), ("fields", .integer($0.fields))])
            })),
            ("columns", .array(summaries.map { summary in
                .object([
                    ("name", .string(summary.name)),
                    ("type", .string(summary.type.rawValue)),
                    ("missing", .integer(summary.missing)),
                    ("distinct", .integer(summary.distinct)),
                    ("min", summary.firstDate.map(JSONValue.string) ?? .finite(summary.min)),
                    ("max", summary.lastDate.map(JSONValue.string) ?? .finite(summary.max)),
                    ("mean", .finite(summary.mean)),
                    ("top", .array(summary.top.map { .object([("value", .string($0.value)), ("count", .integer($0.count))]) })),
                ])
            })),
        ])
    }
}
