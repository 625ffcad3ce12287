import CSHA256

/// SHA-256 (FIPS 180-4), for fingerprints that let a person check that two runs saw the same data:
/// the frame of a draw, the source of a questionnaire version.
///
/// ```swift
/// SHA256.hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go through the processor's SHA-256 instructions (`CSHA256`), when it has them.
    private let hardware: Bool

    /// Whether this processor has the SHA extensions: then whole blocks are compressed by them, about
    /// eight times faster than the portable rounds below, with the same digest.
    public static let hardwareAvailable = csha256_available() != 0

    public init() { hardware = Self.hardwareAvailable }

    /// `portable`: the rounds written here even when the processor could do them (for the tests that
    /// check both ways give the same digest).
    public init(portable: Bool) { hardware = !portable && Self.hardwareAvailable }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let array = bytes as? [UInt8] {
            array.withUnsafeBufferPointer { update($0) }
            return
        }
        for byte in bytes { append(byte) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update($0) }
    }

    /// Whole 64-byte blocks straight from the input; only the ends go through the buffer.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        var rest = bytes[...]
        while !buffer.isEmpty, let byte = rest.first {
            append(byte)
            rest = rest.dropFirst()
        }
        let whole = rest.count / 64 * 64
        if whole > 0 {
            compress(UnsafeBufferPointer(rebasing: rest.prefix(whole)))
            length &+= UInt64(whole)
            rest = rest.dropFirst(whole)
        }
        for byte in rest { append(byte) }
    }

    private mutating func append(_ byte: UInt8) {
        buffer.append(byte)
        length &+= 1
        if buffer.count == 64 {
            buffer.withUnsafeBufferPointer { compress($0) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// The 32-byte digest; the value is spent afterwards.
    public mutating func finish() -> [UInt8] {
        let bits = length &* 8
        buffer.append(0x80)
        if buffer.count > 56 {
            while buffer.count < 64 { buffer.append(0) }
            buffer.withUnsafeBufferPointer { compress($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        while buffer.count < 56 { buffer.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        buffer.withUnsafeBufferPointer { compress($0) }
        buffer.removeAll()
        var digest = [UInt8](repeating: 0, count: 32)
        for (i, word) in state.enumerated() {
            digest[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
            digest[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
            digest[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
            digest[4 * i + 3] = UInt8(truncatingIfNeeded: word)
        }
        return digest
    }

    /// The digest as 64 lower-case hex digits.
    public mutating func finishHex() -> String {
        finish().map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    public static func hex(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finishHex()
    }

    /// Whole 64-byte blocks, one after another.
    private mutating func compress(_ blocks: UnsafeBufferPointer<UInt8>) {
        guard let base = blocks.baseAddress else { return }
        if hardware {
            state.withUnsafeMutableBufferPointer { csha256_blocks($0.baseAddress!, base, blocks.count / 64) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            withUnsafePointer(to: csha256_k) { table in
                let k = UnsafeBufferPointer(start: UnsafeRawPointer(table).assumingMemoryBound(to: UInt32.self), count: 64)
                for offset in stride(from: 0, to: blocks.count, by: 64) {
                    compress(base + offset, schedule: w.baseAddress!, constants: k.baseAddress!)
                }
            }
        }
    }

    /// One 64-byte block (FIPS 180-4 §6.2.2), through pointers: no bounds checks in the 64 rounds.
    private mutating func compress(_ block: UnsafePointer<UInt8>, schedule w: UnsafeMutablePointer<UInt32>, constants k: UnsafePointer<UInt32>) {
        for t in 0..<16 {
            w[t] = UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16 | UInt32(block[4 * t + 2]) << 8 | UInt32(block[4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for t in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    private func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
