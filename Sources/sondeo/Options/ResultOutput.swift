import ArgumentParser
import Diagnostics
import Foundation
import Table

/// `--format` and `--out` of a command whose result is a ``Report``: on the screen in the chosen
/// format, or into the file `--out` names, whose extension decides (`.txt`, `.md`, `.json`, `.csv`,
/// `.xlsx`). An Excel workbook only goes into a file.
struct ResultOutput: ParsableArguments {
    @Option(help: ArgumentHelp(L("Formato de salida: table, json, csv, markdown o xlsx (este, con --out).", "Output format: table, json, csv, markdown or xlsx (this one with --out)."),
                               valueName: L("formato", "format")))
    var format: OutputFormat?

    @Option(help: ArgumentHelp(L("Escribe el resultado en un archivo: .txt, .md, .json, .csv o .xlsx (la extensión decide el formato).",
                                 "Write the result into a file: .txt, .md, .json, .csv or .xlsx (the extension decides the format)."),
                               valueName: L("archivo", "file")))
    var out: String?

    static let kinds: [OutputFormat: FileKind] = [.table: .txt, .markdown: .md, .json: .json, .csv: .csv, .xlsx: .xlsx]

    /// The format shown on the screen.
    var chosen: OutputFormat { format ?? .table }

    func validate() throws {
        if let out {
            try OutputPath.require(out, oneOf: [.txt, .md, .json, .csv, .xlsx], chosen: format.flatMap { Self.kinds[$0] })
        } else if format == .xlsx {
            throw ValidationError(L("un libro de Excel no se muestra en la pantalla: añada --out resultado.xlsx",
                                    "an Excel workbook is not shown on the screen: add --out result.xlsx"))
        }
    }

    /// Fails with a usage error when the command does not offer the format asked for.
    func require(_ allowed: [OutputFormat]) throws {
        try chosen.require(allowed + [.xlsx])
    }

    /// Prints the result, or writes it into `--out`.
    func emit(_ report: some Report) throws {
        guard let out else {
            let text = report.render(chosen)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        try report.write(to: out)
        Terminal.error(L("Escrito \(out).", "Wrote \(out)."))
    }
}
