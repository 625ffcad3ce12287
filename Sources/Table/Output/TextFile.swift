import Diagnostics
import Foundation

/// Writes a file atomically (a temporary file beside it, synced and renamed into place), so that a
/// failure never leaves half a file; a failure is an I/O error naming the path, in the person's
/// language. Files that may hold personal data (Ley 1581 de 2012: contacts, answers, tokens) are
/// created readable by their owner only (0600).
public enum TextFile {
    /// Who may read a file Sondeo writes.
    public enum Access: Sendable {
        /// Owner only (0600): data files, exports, links, the store.
        case owner
        /// Everyone may read (0644): reports, syntax, codebooks.
        case shared

        var mode: mode_t { self == .owner ? 0o600 : 0o644 }
    }

    public static func write(_ text: String, to path: String, access: Access = .shared) throws(CSVError) {
        try write(bytes: Data(text.utf8), to: path, access: access)
    }

    public static func write(bytes: Data, to path: String, access: Access = .shared) throws(CSVError) {
        try write(parts: [bytes], to: path, access: access)
    }

    /// Writes `parts` one after another as one file, without joining them first (a large CSV built in
    /// parts on every core).
    public static func write<Bytes: ContiguousBytes>(parts: [Bytes], to path: String, access: Access) throws(CSVError) {
        if let error = CSVError.checkOutput(path) { throw error }
        let temporary = temporaryPath(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, access.mode)
        guard descriptor >= 0 else { throw CSVError(.ioFailure(reason: SystemMessage.text(errno)), at: SourceLocation(source: path)) }
        var failure: Int32 = 0
        for part in parts where failure == 0 {
            part.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 { if errno == EINTR { continue }; failure = errno; return }
                    offset += written
                }
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw CSVError(.ioFailure(reason: SystemMessage.text(failure)), at: SourceLocation(source: path))
        }
    }

    /// A hidden name in the same folder as `path`, to write into and rename over it (a rename within
    /// one folder is atomic).
    public static func temporaryPath(beside path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".sondeo-\(UUID().uuidString)-" + (path as NSString).lastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Sets who may read a file just written by a library (a workbook, an SPSS file) before it is
    /// renamed into place.
    static func restrict(_ path: String, _ access: Access) {
        chmod(path, access.mode)
    }
}
