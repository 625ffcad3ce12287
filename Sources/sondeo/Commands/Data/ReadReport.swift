import Diagnostics
import Table

/// How the reader's findings are told to a person.
enum ReadReport {
    static func delimiterName(_ byte: UInt8) -> String {
        byte == 9 ? "tab" : "«\(String(UnicodeScalar(byte)))»"
    }

    static func delimiterJSON(_ byte: UInt8) -> String {
        String(UnicodeScalar(byte))
    }

    static func encodingName(_ report: CSVReport) -> String {
        let name = report.encoding == .utf8 ? "UTF-8" : "Windows-1252"
        guard report.encoding == .utf8 else { return name }
        return name + (report.byteOrderMark ? L(" (con BOM)", " (with BOM)") : L(" (sin BOM)", " (no BOM)"))
    }

    /// Warns on stderr about what the reader decided for the person: bytes that are not UTF-8 in a
    /// file read as UTF-8, and rows left out by --skip-bad-rows.
    static func warn(_ report: CSVReport) {
        warnStrayBytes(report)
        warnSkipped(report)
    }

    private static func warnStrayBytes(_ report: CSVReport) {
        guard let at = report.strayBytes else { return }
        let place = L("línea \(at.line ?? 0), columna \(at.column ?? 0), byte \(at.byteOffset ?? 0)",
                      "line \(at.line ?? 0), column \(at.column ?? 0), byte \(at.byteOffset ?? 0)")
        let n = report.strayByteCount
        Terminal.error(L("aviso: «\(report.source)» se leyó como UTF-8, pero \(n == 1 ? "tiene 1 byte que no es" : "tiene \(n) bytes que no son") UTF-8 (el primero en \(place)); se \(n == 1 ? "leyó" : "leyeron") como Windows-1252. Si el archivo es de Excel, use --encoding windows-1252.",
                         "warning: «\(report.source)» was read as UTF-8, but \(n == 1 ? "1 byte is" : "\(n) bytes are") not UTF-8 (the first at \(place)); \(n == 1 ? "it was" : "they were") read as Windows-1252. If the file comes from Excel, use --encoding windows-1252."))
    }

    /// Warns on stderr about rows left out by --skip-bad-rows.
    private static func warnSkipped(_ report: CSVReport) {
        guard !report.skippedRows.isEmpty else { return }
        let shown = report.skippedRows.prefix(10).map {
            L("línea \($0.line) (\($0.fields) campos)", "line \($0.line) (\($0.fields) fields)")
        }.joined(separator: ", ")
        let more = report.skippedRows.count > 10 ? L(", …", ", …") : ""
        let n = report.skippedRows.count
        Terminal.error(L("aviso: \(n == 1 ? "se omitió" : "se omitieron") \(NumberText.count(n, "fila", "filas")) cuyo número de campos no es \(report.expectedFields): \(shown)\(more)",
                         "warning: skipped \(NumberText.count(n, "row", "rows")) whose field count is not \(report.expectedFields): \(shown)\(more)"))
    }

    static func typeName(_ type: ColumnType) -> String {
        ExpressionError.typeName(type, Localization.language)
    }
}
