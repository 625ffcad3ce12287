import Diagnostics
import Foundation
import Table

/// Named segments kept in a plain-text file beside the data (`segmentos.txt`), one per line:
///
/// ```
/// # Segmentos del área de experiencia de servicio
/// jovenes_subsidio: categoria == "A" and usa_subsidio == 1 and edad < 35
/// rurales: zona == "rural"
/// ```
///
/// Blank lines and lines starting with `#` are ignored. Each expression is checked when the file is read.
public struct SegmentDefinitions: Sendable {
    public let path: String
    public let segments: [(name: String, expression: String)]

    public init(path: String, text: String) throws(SegmentationError) {
        self.path = path
        var segments: [(String, String)] = []
        for (index, raw) in text.components(separatedBy: .newlines).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw .badDefinition(file: path, line: index + 1, text: line)
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let expression = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !expression.isEmpty,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw .badDefinition(file: path, line: index + 1, text: line)
            }
            if segments.contains(where: { $0.0 == name }) { throw .duplicateSegment(file: path, line: index + 1, name: name) }
            segments.append((name, expression))
        }
        self.segments = segments
    }

    /// The segments file beside a data file (`segmentos.txt`), or the one given.
    public static func path(beside dataPath: String, given: String?) -> String {
        given ?? URL(fileURLWithPath: dataPath).deletingLastPathComponent().appendingPathComponent("segmentos.txt").path
    }

    /// The expression of a named segment.
    public func expression(named name: String) throws(SegmentationError) -> String {
        if let found = segments.first(where: { $0.name == name }) { return found.expression }
        throw .unknownSegment(name: name, file: path, suggestion: Suggestion.closest(to: name, among: segments.map(\.name)))
    }
}
