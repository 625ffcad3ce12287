import ArgumentParser
import Diagnostics
import Foundation
import Segmentation
import Table

/// Which rows form the segment: `--where EXPR` or `--segment NAME` (from `segmentos.txt` beside the
/// data, or `--segments FILE`).
struct SegmentSelection: ParsableArguments {
    @Option(name: .customLong("where"),
            help: ArgumentHelp(L("Condición que define el segmento, p. ej. 'categoria == \"A\" and edad < 35'.",
                                 "Condition defining the segment, e.g. 'categoria == \"A\" and edad < 35'."), valueName: L("expresión", "expression")))
    var expression: String?

    @Option(help: ArgumentHelp(L("Nombre de un segmento guardado en el archivo de segmentos.", "Name of a segment saved in the segments file."),
                               valueName: L("nombre", "name")))
    var segment: String?

    @Option(help: ArgumentHelp(L("Archivo de segmentos («nombre: expresión» por línea); por defecto segmentos.txt junto a los datos.",
                                 "Segments file («name: expression» per line); segmentos.txt beside the data by default."),
                               valueName: L("archivo", "file")))
    var segments: String?

    func validate() throws {
        if expression != nil && segment != nil {
            throw ValidationError(L("use --where o --segment, no ambos", "use --where or --segment, not both"))
        }
    }

    /// The segment's name and expression (nil: the whole base).
    func resolve(dataPath: String) throws -> (name: String, expression: String)? {
        if let expression { return (L("segmento", "segment"), expression) }
        guard let segment else { return nil }
        let path = SegmentDefinitions.path(beside: dataPath, given: segments)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(.fileNotFound, at: SourceLocation(source: path))
        }
        let definitions = try SegmentDefinitions(path: path, text: String(decoding: data, as: UTF8.self))
        return (segment, try definitions.expression(named: segment))
    }

    /// The columns the expression reads (for reading only what is needed).
    static func columns(of expression: String?) -> Set<String>? {
        guard let expression else { return [] }
        return (try? ExpressionParser.parse(expression))?.columnNames
    }

    /// Per row, whether it belongs to the segment; warnings on stderr.
    static func mask(_ expression: String?, table: Table) throws -> [Bool] {
        guard let expression else { return [Bool](repeating: true, count: table.rowCount) }
        let result = try ExpressionEvaluator.filter(expression, on: table)
        for warning in result.warnings {
            Terminal.error(DiagnosticRenderer.render(warning, language: Localization.language, severity: .warning))
        }
        return result.mask
    }
}
