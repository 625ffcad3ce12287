import Diagnostics
import Foundation
import Table

/// Writes a text file atomically (a temporary file renamed into place), so that a failure never
/// leaves half a file; a failure is an I/O error naming the path.
enum TextFile {
    static func write(_ text: String, to path: String) throws {
        if let error = CSVError.checkFolder(of: path) { throw error }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CSVError(.ioFailure(reason: (error as NSError).localizedDescription), at: SourceLocation(source: path))
        }
    }
}
