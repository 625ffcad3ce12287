#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a dense code (0, 1, 2, …) and counts how often it was seen.
///
/// The CSV reader interns every field of a column as it goes, so a column of a million cells with 27
/// municipalities costs 27 strings and a million small integers; type inference, decoding and number
/// parsing then run once per distinct value instead of once per cell. Open addressing with linear
/// probing over a power-of-two table; the strings live end to end in one arena.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Entry k spans `arena[offsets[k]..<offsets[k + 1]]`.
    private var offsets: [Int] = [0]
    private(set) var counts: [Int] = []
    private var hashes: [UInt64] = []
    /// The first eight bytes of each entry, little-endian: entries that short compare in one step.
    private var prefixes: [UInt64] = []
    /// Set by ``stopDeduplicating()``: every value gets a new code without a lookup.
    private(set) var appendOnly = false
    /// 0 = empty slot, otherwise code + 1.
    private var slots: [UInt32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { counts.count }

    /// From now on, gives every value a new code: for a column of identifiers, where nearly every
    /// value is new and a lookup per cell only costs cache misses. Codes then no longer mean distinct
    /// values, so this is only for reading a table, never for counting.
    mutating func stopDeduplicating() {
        appendOnly = true
        slots = []
        hashes = []
        prefixes = []
    }

    /// The number of bytes of entry `code`.
    func length(of code: Int) -> Int { offsets[code + 1] - offsets[code] }

    /// Calls `body` with the bytes of entry `code`.
    func withBytes<R>(of code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { arena in body(UnsafeBufferPointer(rebasing: arena[offsets[code]..<offsets[code + 1]])) }
    }

    /// The texts of entries `codes`, decoded from `encoding`; a million identifiers are decoded on
    /// every core.
    func texts(of codes: [Int], encoding: TextEncoding) -> [String] {
        let arena = self.arena, offsets = self.offsets
        let decode: @Sendable (ArraySlice<Int>) -> [String] = { part in
            arena.withUnsafeBufferPointer { arena in
                offsets.withUnsafeBufferPointer { offsets in
                    part.map { encoding.decode(UnsafeBufferPointer(rebasing: arena[offsets[$0]..<offsets[$0 + 1]])) }
                }
            }
        }
        guard codes.count >= 200_000 else { return decode(codes[...]) }
        return ParallelRanges.map(codes.count, minimumPerPart: 100_000) { decode(codes[$0]) }.flatMap { $0 }
    }

    /// Calls `body` with the bytes of entry `code`, blanks around them removed (a number or a date
    /// written `" 12 "` inside quotes is still one).
    func withTrimmedBytes<R>(of code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withBytes(of: code) { body(ValueShape.trimmed($0)) }
    }

    /// Returns the code of the bytes, adding them if new, and counts `occurrences` of them.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, occurrences: Int = 1) -> UInt32 {
        if appendOnly {
            arena.append(contentsOf: bytes)
            offsets.append(arena.count)
            counts.append(occurrences)
            return UInt32(counts.count - 1)
        }
        let prefix = Self.prefix(bytes)
        let hash = bytes.count <= 8 ? Self.mix(prefix ^ (UInt64(bytes.count) << 59)) : Self.hash(bytes)
        let probe = find(bytes, hash: hash, prefix: prefix)
        if probe.code >= 0 {
            counts[probe.code] += occurrences
            return UInt32(probe.code)
        }
        let code = counts.count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        counts.append(occurrences)
        hashes.append(hash)
        prefixes.append(prefix)
        slots[probe.slot] = UInt32(code + 1)
        if counts.count * 2 > slots.count { grow() }
        return UInt32(code)
    }

    /// Takes in every entry of `other` (the same column read from a later part of the file) with its
    /// count, and says which code each of `other`'s codes has here.
    mutating func absorb(_ other: ByteInterner) -> Renumbering {
        if appendOnly {
            // Identifiers: every value keeps a code of its own, so the other part's arena goes in whole.
            let first = count, shift = arena.count
            arena.append(contentsOf: other.arena)
            offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + shift })
            counts.append(contentsOf: other.counts)
            return .shifted(by: UInt32(first))
        }
        var codes = [UInt32](repeating: 0, count: other.count)
        other.arena.withUnsafeBufferPointer { arena in
            for code in 0..<other.count {
                let bytes = UnsafeBufferPointer(rebasing: arena[other.offsets[code]..<other.offsets[code + 1]])
                codes[code] = intern(bytes, occurrences: other.counts[code])
            }
        }
        return .table(codes)
    }

    /// The codes a later part's values get in the interner that absorbed the part's.
    enum Renumbering {
        /// Every code moves up by the same amount (identifiers, taken whole).
        case shifted(by: UInt32)
        /// Each code's new code.
        case table([UInt32])

        /// Appends `codes`, renumbered, to `target`.
        func apply(_ codes: [UInt32], appendingTo target: inout [UInt32]) {
            switch self {
            case .shifted(let shift):
                target.append(contentsOf: codes.map { $0 + shift })
            case .table(let table):
                target.append(contentsOf: table.withUnsafeBufferPointer { table in codes.map { table[Int($0)] } })
            }
        }
    }

    /// The code of the bytes (or −1) and the slot where the probe ended. Linear probing over raw
    /// pointers: this runs once per cell of the file.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, prefix: UInt64) -> (code: Int, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                prefixes.withUnsafeBufferPointer { prefixes in
                    offsets.withUnsafeBufferPointer { offsets in
                        arena.withUnsafeBufferPointer { arena in
                            var slot = Int(truncatingIfNeeded: hash) & mask
                            while true {
                                let entry = slots[slot]
                                if entry == 0 { return (-1, slot) }
                                let code = Int(entry &- 1)
                                if hashes[code] == hash && prefixes[code] == prefix {
                                    let start = offsets[code], length = offsets[code + 1] - start
                                    if length == bytes.count
                                        && (length <= 8 || memcmp(arena.baseAddress! + start + 8, bytes.baseAddress! + 8, length - 8) == 0) {
                                        return (code, slot)
                                    }
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first eight bytes, little-endian, zero-padded.
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var value: UInt64 = 0
        for i in 0..<bytes.count { value |= UInt64(base[i]) << (8 * UInt64(i)) }
        return value
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
        for code in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code + 1)
        }
    }

    /// A fast 64-bit mix of the bytes, eight at a time (multiply–xorshift, as in wyhash/Murmur
    /// finalisers). Not for security: only to spread table slots.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return h
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
