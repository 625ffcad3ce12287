import Diagnostics
import ArgumentParser
import Foundation

/// What a file name promises by its extension. A command writes a file only under the extension of
/// the format it writes (issue 17: never one format's bytes behind another's name, so Excel, SPSS or
/// a PDF viewer never meets a CSV or an HTML page under its own name).
enum FileKind: String, CaseIterable {
    case csv, json, html, md, txt, xlsx, sav, zsav, dta, encuesta
    // Formats people ask for that no command writes: named so the refusal can say so.
    case xls, pdf, sps, `do`

    /// The kinds a table is written as (``DataFile/write(_:to:csv:labels:)``).
    static let tables: [FileKind] = [.csv, .xlsx, .sav, .zsav, .dta]

    /// The kind a path's extension names, or nil for none or an unknown one.
    init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "markdown" { self = .md; return }
        if ext == "htm" { self = .html; return }
        guard let kind = FileKind(rawValue: ext) else { return nil }
        self = kind
    }
}

enum OutputPath {
    /// The kind of file `path` names, when it is one of `offered`; otherwise a usage error (exit 64)
    /// naming the extensions this command writes. `chosen` is the kind a `--format` asked for: the
    /// extension must agree with it.
    @discardableResult
    static func require(_ path: String, oneOf offered: [FileKind], chosen: FileKind? = nil) throws -> FileKind {
        let list = offered.map { "." + $0.rawValue }.joined(separator: ", ")
        let ext = (path as NSString).pathExtension
        guard let kind = FileKind(path: path), offered.contains(kind) else {
            let named = ext.isEmpty ? L("no tiene extensión", "has no extension") : L("tiene la extensión .\(ext)", "has the extension .\(ext)")
            throw ValidationError(L("--out «\(path)» \(named), y este comando escribe: \(list). La extensión decide el formato del archivo; Sondeo no escribe un formato con el nombre de otro.",
                                    "--out «\(path)» \(named), and this command writes: \(list). The extension decides the file's format; Sondeo never writes one format under another's name."))
        }
        if let chosen, chosen != kind {
            throw ValidationError(L("--out «\(path)» dice .\(kind.rawValue) pero --format pide .\(chosen.rawValue): quite --format o cambie la extensión.",
                                    "--out «\(path)» says .\(kind.rawValue) but --format asks for .\(chosen.rawValue): drop --format or change the extension."))
        }
        return kind
    }

    /// A table's output: one of ``FileKind/tables``, and `--excel` (a CSV dialect) only with `.csv`.
    @discardableResult
    static func requireTable(_ path: String, excel: Bool = false) throws -> FileKind {
        let kind = try require(path, oneOf: FileKind.tables)
        if excel && kind != .csv {
            throw ValidationError(L("--excel es un dialecto de CSV; para un libro de Excel basta --out \((path as NSString).deletingPathExtension).xlsx sin --excel",
                                    "--excel is a CSV dialect; for an Excel workbook just use --out \((path as NSString).deletingPathExtension).xlsx without --excel"))
        }
        return kind
    }
}
