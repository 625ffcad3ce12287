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

    /// `values` sorted by `less`: one part per processor sorted at once, then merged in order.
    /// Inlinable, so that the sort is specialised for the caller's type and comparison.
    @inlinable
    public static func sorted<T: Sendable>(_ values: [T], minimumPerPart: Int = 100_000, by less: @escaping @Sendable (T, T) -> Bool) -> [T] {
        let parts = map(values.count, minimumPerPart: minimumPerPart) { range in values[range].sorted(by: less) }
        guard var merged = parts.first else { return [] }
        for part in parts.dropFirst() { merged = merge(merged, part, by: less) }
        return merged
    }

    /// Two sorted arrays as one; of equal values, those of `a` first.
    @inlinable
    public static func merge<T>(_ a: [T], _ b: [T], by less: (T, T) -> Bool) -> [T] {
        var out: [T] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
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

/// Bytes that several workers read at once and nobody writes while they do (a mapped file, a chunk):
/// the pointer made shareable for ``ParallelRanges``.
public struct SharedBytes: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}
