import Foundation

/// Passes values from one thread to another, in the order they were sent: `responses import` checks
/// the next rows on one core while the store writes the previous ones on the other. Unbounded (the
/// sender is never made to wait); ``receive()`` waits for a value.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Value?] = []
    private var head = 0
    private let available = DispatchSemaphore(value: 0)

    func send(_ value: Value) {
        lock.withLock { queue.append(value) }
        available.signal()
    }

    /// The next value sent, waiting for it if need be.
    func receive() -> Value {
        available.wait()
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
