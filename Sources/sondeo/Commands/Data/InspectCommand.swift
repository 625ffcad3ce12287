import Diagnostics
import ArgumentParser
import Table

/// `sondeo data inspect FILE`: what a file holds, before anything else is done with it.
struct InspectCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inspect",
            abstract: L("Describe un archivo CSV: codificación, separador, filas y, por columna, tipo, faltantes y resumen.",
                        "Describe a CSV file: encoding, delimiter, rows and, per column, type, missing values and summary."),
            discussion: HelpText.discussion([], examples: [
                "sondeo data inspect afiliados.csv",
                "sondeo data inspect afiliados_excel.csv --format json",
                "sondeo data inspect respuestas.csv --missing 99",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo CSV a describir.", "CSV file to describe."), valueName: L("archivo", "file")))
    var file: String

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato de salida: table, json o markdown.", "Output format: table, json or markdown."),
                               valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json, .markdown])
    }

    func run() throws {
        let (summaries, report) = try CSVReader.summarize(path: file, options: try reading.csvOptions(showingProgressFor: file))
        ReadReport.warn(report)
        switch format {
        case .json: print(json(summaries, report).rendered())
        case .markdown: print(header(report, markdown: true) + "\n\n" + table(summaries).markdown())
        default: print(header(report, markdown: false) + "\n\n" + table(summaries).rendered())
        }
    }

    private func header(_ report: CSVReport, markdown: Bool) -> String {
        let lines = [
            (L("Archivo", "File"), report.source),
            (L("Codificación", "Encoding"), ReadReport.encodingName(report)),
            (L("Separador", "Delimiter"), ReadReport.delimiterName(report.delimiter)),
            (L("Marca decimal", "Decimal mark"), "«\(String(UnicodeScalar(report.decimalMark)))»"),
            (L("Fin de línea", "Line ending"), report.lineEnding.rawValue),
            (L("Filas", "Rows"), NumberText.integer(report.rows)),
            (L("Columnas", "Columns"), NumberText.integer(report.expectedFields)),
        ]
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
            let top = summary.top.prefix(3).map { "\(TableDisplay.shortened($0.value, to: 24)) (\(NumberText.integer($0.count)))" }.joined(separator: ", ")
            table.append([
                summary.name, ReadReport.typeName(summary.type), NumberText.integer(summary.missing),
                NumberText.integer(summary.distinct),
                summary.firstDate ?? NumberText.exact(summary.min), summary.lastDate ?? NumberText.exact(summary.max),
                NumberText.summary(summary.mean), top,
            ])
        }
        return table
    }

    private func json(_ summaries: [ColumnSummary], _ report: CSVReport) -> JSONValue {
        .object([
            ("file", .string(report.source)),
            ("rows", .integer(report.rows)),
            ("encoding", .string(report.encoding.rawValue)),
            ("bom", .bool(report.byteOrderMark)),
            ("delimiter", .string(ReadReport.delimiterJSON(report.delimiter))),
            ("decimal", .string(String(UnicodeScalar(report.decimalMark)))),
            ("line_ending", .string(report.lineEnding.rawValue)),
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
