import Foundation

/// Passes values from one thread to another, in the order they were sent: `responses import` checks
/// the next rows on one core while the store writes the previous ones on the other; a workbook's sheet
/// is decompressed on one core and read on the other. ``receive()`` waits for a value; with a
/// `capacity`, ``send(_:)`` waits while that many are waiting (so a fast sender does not fill memory).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Value?] = []
    private var head = 0
    private let available = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore?

    public init(capacity: Int? = nil) {
        space = capacity.map { DispatchSemaphore(value: $0) }
    }

    public func send(_ value: Value) {
        space?.wait()
        lock.withLock { queue.append(value) }
        available.signal()
    }

    /// The next value sent, waiting for it if need be.
    public func receive() -> Value {
        available.wait()
        defer { space?.signal() }
        return lock.withLock {
            let value = queue[head]!
            queue[head] = nil  // a received value is not kept
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            return value
        }
    }
}
