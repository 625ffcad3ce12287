import Diagnostics
import Foundation

/// Writes a text file atomically (a temporary file renamed into place), so that a failure never
/// leaves half a file; a failure is an I/O error naming the path, in the person's language.
public enum TextFile {
    public static func write(_ text: String, to path: String) throws(CSVError) {
        try write(bytes: Data(text.utf8), to: path)
    }

    public static func write(bytes: Data, to path: String) throws(CSVError) {
        if let error = CSVError.checkOutput(path) { throw error }
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CSVError(.ioFailure(reason: SystemMessage.text(error)), at: SourceLocation(source: path))
        }
    }

    /// A hidden name in the same folder as `path`, to write into and rename over it (a rename within
    /// one folder is atomic).
    public static func temporaryPath(beside path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".sondeo-\(UUID().uuidString)-" + (path as NSString).lastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }
}
