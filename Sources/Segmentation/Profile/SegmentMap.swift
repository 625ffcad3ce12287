import Diagnostics
import Foundation
import Table

/// The map of step 36 (`sondeo map`): one segment against the base, or each group of a `sondeo
/// cluster` file against the rest, profiled by the six questions of ``ProfileLayout``.
public struct SegmentMap {
    public let title: String
    public let profiles: [(profile: SegmentProfile, expression: String?)]

    /// The layout of a `--profile` file, or Confa's.
    public static func layout(_ path: String?) throws -> ProfileLayout {
        guard let path else { return .confa }
        guard let data = FileManager.default.contents(atPath: path) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        return try ProfileLayout(path: path, text: String(decoding: data, as: UTF8.self))
    }

    /// A segment (the rows of `mask`, named, with the expression that chose them) against the base.
    public init(segment name: String, expression: String?, table: Table, mask: [Bool], layout: ProfileLayout) throws {
        title = L("Mapa del segmento «\(name)»", "Map of segment «\(name)»")
        profiles = [(try SegmentProfile(name: name, table: table, inSegment: mask, layout: layout, language: Language.current), expression)]
    }

    /// Each group of the `cluster` column of `table` (a `sondeo cluster --out` file) against the rest.
    public init(clusters table: Table, source: String, layout: ProfileLayout) throws {
        let column = try table.column("cluster", source: source)
        let labels = (0..<table.rowCount).map { column.text(at: $0) }
        let groups = Array(Set(labels.compactMap { $0 })).sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
        let described = table.projecting(table.columnNames.filter { $0 != "cluster" })
        title = L("Mapa de los grupos de \(source)", "Map of the groups of \(source)")
        profiles = try groups.map { group in
            (try SegmentProfile(name: L("grupo \(group)", "group \(group)"), table: described, inSegment: labels.map { $0 == group }, layout: layout,
                                language: Language.current), nil)
        }
    }

    /// The page of the kit (`html`), or text, Markdown or JSON.
    public func render(html: Bool, format: OutputFormat) -> String {
        if html { return ProfileHTML.page(title: title, profiles: profiles) }
        switch format {
        case .json: return JSONValue.array(profiles.map { $0.profile.json(expression: $0.expression) }).rendered()
        case .markdown: return profiles.map { $0.profile.text(expression: $0.expression, markdown: true) }.joined(separator: "\n\n")
        default: return profiles.map { $0.profile.text(expression: $0.expression, markdown: false) }.joined(separator: "\n\n")
        }
    }
}
