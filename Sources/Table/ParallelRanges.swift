import Dispatch
import Foundation

/// Work on independent rows split across the processors: `0..<count` is cut into one contiguous
/// range per processor (fewer when there is little to do) and `body` runs on each range at once. The
/// results come back in range order, so the outcome does not depend on how the work was scheduled.
public enum ParallelRanges {
    /// `body` on each part of `0..<count`, in order; one part when `count < 2 * minimumPerPart`.
    public static func map<T: Sendable>(_ count: Int, minimumPerPart: Int = 20_000, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPerPart)))
        if parts == 1 { return [body(0..<count)] }
        let results = Results<T>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results.set(part, body((count * part / parts)..<(count * (part + 1) / parts)))
        }
        return results.values
    }

    /// One slot per part, each written by one worker only.
    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}
