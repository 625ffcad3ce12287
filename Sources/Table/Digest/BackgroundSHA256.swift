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
