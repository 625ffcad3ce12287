import Foundation

/// The lines of a text file as people save it: LF (Unix), CRLF (Windows, Excel, Notepad) or CR line
/// ends. Swift's `split(separator: "\n")` does not do this: "\r\n" is a single Character, so a CRLF
/// file came back as one line, and a calendar override or catalogue saved on Windows was skipped as
/// if it were its own header (issue 22).
public enum TextLines {
    /// The lines, without their ends; a final line end gives a last empty line, as with `split`.
    public static func split(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// A small text file as people save it: UTF-8 (a BOM dropped) or, when it is not UTF-8, Windows-1252
    /// as a Spanish-locale Excel or Notepad writes it. Nil when the file cannot be read.
    public static func read(_ path: String) -> (text: String, bytes: Data)? {
        guard var data = FileManager.default.contents(atPath: path) else { return nil }
        let raw = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else { return nil }
        return (text, raw)
    }

    /// The fields of a line of a small CSV file: separated by «,», or by «;» when the line has no comma
    /// (Excel in a Spanish locale), each trimmed; at most `maxFields` (the last keeps the rest).
    public static func fields(_ line: String, maxFields: Int) -> [String] {
        let separator: Character = line.contains(",") || !line.contains(";") ? "," : ";"
        return line.split(separator: separator, maxSplits: maxFields - 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The items of a comma-separated list as people type it on a command line or in a file
    /// (`sexo, categoria`): trimmed, empty ones left out.
    public static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
