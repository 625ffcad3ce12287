import ArgumentParser
import Diagnostics
import Foundation
import Segmentation
import Table

/// `sondeo map FILE --where EXPR|--segment NAME [--format table|json|markdown|html] [--out FILE]`, and
/// `sondeo map --cluster asignacion.csv` for the groups of `sondeo cluster` (step 36).
struct MapCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "map",
            abstract: L("Mapa de un segmento: quién es, qué es, cómo es, dónde está, qué experiencia ha tenido y cómo le fue, frente al resto de la base.",
                        "Map of a segment: who, what, what like, where, what experience and how it went, against the rest of the base."),
            discussion: HelpText.discussion([
                L("Cada columna muestra su distribución en el segmento, en el resto de la base y el índice (% del segmento ÷ % de la base × 100): por encima de 100, el rasgo es más frecuente en el segmento. Qué columnas responden cada pregunta se puede cambiar con --profile (líneas «quien: sexo, edad»; claves quien, que, como, donde, experiencia, resultado).",
                  "Each column shows its distribution in the segment, in the rest of the base and the index (segment % ÷ base % × 100): above 100 the trait is more frequent in the segment. Which columns answer each question can be changed with --profile (lines «quien: sexo, edad»; keys quien, que, como, donde, experiencia, resultado)."),
            ], examples: [
                "sondeo map afiliados.csv --segment jovenes_subsidio --format html --out mapa.html",
                "sondeo map afiliados.csv --where 'zona == \"rural\"'",
                "sondeo map --cluster asignacion.csv --format html --out grupos.html",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Base de datos (CSV); con --cluster no hace falta.", "Data base (CSV); not needed with --cluster."),
                                 valueName: L("archivo", "file")))
    var file: String?
    @OptionGroup var selection: SegmentSelection
    @Option(help: ArgumentHelp(L("Archivo de «sondeo cluster --out»: mapa de cada grupo (columna «cluster»).",
                                 "File from «sondeo cluster --out»: a map of each group (column «cluster»)."), valueName: L("archivo", "file")))
    var cluster: String?
    @Option(help: ArgumentHelp(L("Archivo que asigna columnas a las seis preguntas.", "File assigning columns to the six questions."),
                               valueName: L("archivo", "file")))
    var profile: String?
    @OptionGroup var reading: ReadingOptions
    @Option(help: ArgumentHelp(L("Formato: table, json, markdown o html.", "Format: table, json, markdown or html."), valueName: L("formato", "format")))
    var format: MapFormat?
    @Option(help: ArgumentHelp(L("Archivo de salida (por defecto, la pantalla).", "Output file (the screen by default)."), valueName: L("salida", "output")))
    var out: String?
    @OptionGroup var global: GlobalOptions

    enum MapFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown, html
        var file: FileKind { switch self { case .table: .txt; case .json: .json; case .markdown: .md; case .html: .html } }
    }

    /// --format, or else what --out's extension names, or else a table on the screen.
    var chosen: MapFormat {
        if let format { return format }
        if let out, FileKind(path: out) == .pdf { return .html }   // a PDF is the page, printed
        return out.flatMap(FileKind.init(path:)).flatMap { kind in MapFormat.allCases.first { $0.file == kind } } ?? .table
    }

    func validate() throws {
        if let out { try OutputPath.require(out, oneOf: [.txt, .json, .md, .html, .pdf], chosen: format.map { FileKind(path: out) == .pdf && $0 == .html ? .pdf : $0.file }) }
        if cluster == nil && file == nil {
            throw ValidationError(L("indique el archivo de datos (o --cluster con el archivo de sondeo cluster)", "give the data file (or --cluster with the file from sondeo cluster)"))
        }
        if cluster != nil && (selection.expression != nil || selection.segment != nil) {
            throw ValidationError(L("--cluster ya define los grupos: no se combina con --where ni --segment", "--cluster already defines the groups: it does not combine with --where or --segment"))
        }
    }

    func run() throws {
        let layout = try SegmentMap.layout(profile)
        let map: SegmentMap
        if let cluster {
            map = try SegmentMap(clusters: try reading.readTable(cluster).table, source: cluster, layout: layout)
        } else {
            let chosen = try selection.resolve(dataPath: file!)
            let (table, _) = try reading.readTable(file!)
            map = try SegmentMap(segment: chosen?.name ?? L("base completa", "whole base"), expression: chosen?.expression, table: table,
                                 mask: try SegmentSelection.mask(chosen?.expression, table: table), layout: layout)
        }
        let formats: [MapFormat: OutputFormat] = [.table: .table, .json: .json, .markdown: .markdown]
        let output = map.render(html: chosen == .html, format: formats[chosen] ?? .table)
        if let out {
            try DocumentFile.write(output, html: chosen == .html, to: out)
            Terminal.error(L("Escrito \(out).", "Wrote \(out)."))
        } else {
            print(output)
        }
    }
}
