import Diagnostics
import Foundation

/// A page printed to PDF by headless Chromium (Debian's `chromium`, found when needed: the
/// `SONDEO_CHROMIUM` variable, else `chromium`, `chromium-browser` or `google-chrome` on the PATH).
/// The page's print styles decide the layout: A4, a running header with the title, page numbers, no
/// card or table row split across pages (``Page/document(title:body:)``). The PDF appears under its
/// name only when Chromium finished and wrote a PDF; nothing is left half-written.
public enum PDFPrinter {
    /// The browser that prints, or nil.
    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["SONDEO_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    /// Prints `html` to the PDF file `path`.
    public static func write(html: String, to path: String) throws(PDFError) {
        guard let browser = browser() else { throw .noBrowser(path: path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderNotFound(path: path)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sondeo-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("pagina.html"), printed = work.appendingPathComponent("pagina.pdf")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw .failed(path: path, reason: error.localizedDescription)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                             "--user-data-dir=\(work.appendingPathComponent("perfil").path)", "--print-to-pdf=\(printed.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .failed(path: path, reason: error.localizedDescription) }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw .failed(path: path, reason: L("Chromium no terminó en 120 s", "Chromium did not finish in 120 s"))
        }
        guard let bytes = try? Data(contentsOf: printed), bytes.starts(with: Data("%PDF".utf8)) else {
            throw .failed(path: path, reason: L("Chromium salió con el código \(process.terminationStatus) sin escribir un PDF",
                                                "Chromium exited with status \(process.terminationStatus) without writing a PDF"))
        }
        // Beside the destination, then renamed over it: a reader never sees half a file.
        let beside = folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try bytes.write(to: beside)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: beside.path)
            if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: beside) }
            else { try FileManager.default.moveItem(at: beside, to: URL(fileURLWithPath: path)) }
        } catch {
            try? FileManager.default.removeItem(at: beside)
            throw .failed(path: path, reason: error.localizedDescription)
        }
    }
}

/// Why a PDF could not be printed.
public enum PDFError: Diagnostic, Equatable {
    case noBrowser(path: String)
    case folderNotFound(path: String)
    case failed(path: String, reason: String)

    public var code: String {
        switch self {
        case .noBrowser: return "PDF-001"
        case .folderNotFound: return "PDF-002"
        case .failed: return "PDF-003"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .noBrowser(let path), .folderNotFound(let path), .failed(let path, _): return SourceLocation(source: path)
        }
    }

    public var exitStatus: ExitStatus {
        if case .noBrowser = self { return .internalError }
        return .ioError
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .noBrowser:
            return es ? "para escribir un PDF hace falta Chromium y no se encontró (instálelo con «apt-get install chromium» o indique su ruta en SONDEO_CHROMIUM); mientras tanto, use --out con .html y imprímalo desde el navegador"
                      : "writing a PDF needs Chromium, which was not found (install it with «apt-get install chromium» or give its path in SONDEO_CHROMIUM); meanwhile, use --out with .html and print it from the browser"
        case .folderNotFound:
            return es ? "la carpeta del archivo no existe" : "the file's folder does not exist"
        case .failed(_, let reason):
            return es ? "no se pudo escribir el PDF: \(reason)" : "the PDF could not be written: \(reason)"
        }
    }
}
