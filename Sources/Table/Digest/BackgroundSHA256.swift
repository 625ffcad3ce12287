import Dispatch

/// SHA-256 of bytes handed over a chunk at a time, computed on another thread: the CSV reader gives
/// each chunk it reads and goes on splitting the file while the digest is worked out beside it.
/// Chunks are digested in the order given (a serial queue); ``finishHex()`` waits for the last one.
public final class BackgroundSHA256: @unchecked Sendable {
    // Touched only on `queue` (and after `queue.sync` in finishHex).
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "sondeo.sha256")

    public init() {}

    /// Hands over a copy of the bytes.
    public func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        let copy = [UInt8](bytes)
        queue.async { self.hasher.update(copy) }
    }

    /// The digest of everything handed over, as 64 lower-case hex digits.
    public func finishHex() -> String {
        queue.sync { hasher.finishHex() }
    }
}

/// The SHA-256 of a whole file, read on a thread of its own while the caller reads the same file in
/// parts (``PartScans``), which do not come in order.
final class FileSHA256: @unchecked Sendable {
    private var result: Result<String, CSVError> = .success("")
    private let done = DispatchGroup()

    init(path: String) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            defer { self.done.leave() }
            do throws(CSVError) {
                let input = try FileInput(path: path)
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
                defer { buffer.deallocate() }
                var hasher = SHA256()
                while true {
                    let count = try input.read(into: buffer)
                    if count == 0 { break }
                    hasher.update(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self).prefix(count)))
                }
                self.result = .success(hasher.finishHex())
            } catch {
                self.result = .failure(error)
            }
        }
    }

    /// The digest, as 64 lower-case hex digits, once the whole file is read.
    func finishHex() throws(CSVError) -> String {
        done.wait()
        return try result.get()
    }
}
