import Foundation

/// A fresh folder for one test, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sondeo-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to a file of this folder and returns its path.
    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes UTF-8 text to a file of this folder and returns its path.
    @discardableResult
    public func file(_ name: String, text: String) -> String {
        file(name, bytes: Array(text.utf8))
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
