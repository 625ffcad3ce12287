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

    /// Warns on stderr about rows left out by --skip-bad-rows.
    static func warnSkipped(_ report: CSVReport) {
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
