/// A growable buffer of trivial values with manual storage, for code that appends a value or a few at
/// a time millions of times, where `Array`'s uniqueness checks and generic copying cost more than the
/// copy itself: the CSV tokenizer's per-record scratch, the store's JSON of each interview.
public final class GrowableBuffer<Element: BitwiseCopyable> {
    // Public code may now touch these, which would make every access check exclusivity at run time;
    // nothing here is reentrant, so those checks are turned off.
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) @usableFromInline var used = 0
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    public init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Where the values are; valid until the next append.
    public var base: UnsafeMutablePointer<Element> { storage }

    public var count: Int { used }

    @inlinable
    public func append(_ value: Element) {
        if used == capacity { grow(to: used + 1) }
        storage[used] = value
        used += 1
    }

    @inlinable
    public func append(_ values: UnsafePointer<Element>, count added: Int) {
        if used + added > capacity { grow(to: used + added) }
        (storage + used).update(from: values, count: added)
        used += added
    }

    /// `value` `added` times (a record's field ends that all fall at the same place).
    @inlinable
    public func append(repeating value: Element, count added: Int) {
        if used + added > capacity { grow(to: used + added) }
        (storage + used).update(repeating: value, count: added)
        used += added
    }

    public func removeAll() { used = 0 }

    /// Keeps the first `count` values.
    public func removeLast(from count: Int) { used = min(used, count) }

    public subscript(index: Int) -> Element { storage[index] }

    public var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: storage, count: used) }

    @usableFromInline
    func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: used)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}

extension GrowableBuffer where Element == UInt8 {
    /// The UTF-8 of a text.
    @inlinable
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    /// The bytes, as an array of their own.
    public var bytes: [UInt8] { Array(elements) }
}
