import Diagnostics
import Pages
import Table

/// Writes a page under the name `--out` gave it: a `.pdf` printed by headless Chromium from the page,
/// anything else as the text itself (the extension was checked against the command's formats).
enum DocumentFile {
    static func write(_ text: String, html: Bool, to path: String) throws {
        if FileKind(path: path) == .pdf {
            precondition(html, "only a page is printed")
            try PDFPrinter.write(html: text, to: path)
        } else {
            try TextFile.write(text, to: path)
        }
    }
}
