/// Watches every byte of a file as it is read and tells, at the end, which encoding it is in:
/// valid UTF-8 (with or without BOM) is UTF-8; otherwise, bytes that all exist in Windows-1252 are
/// Windows-1252 (Excel in a Spanish locale); otherwise the file is neither, and the offset of the first
/// byte that breaks UTF-8 is kept for the error message. A NUL byte means the file is not text.
struct EncodingScanner {
    private(set) var firstInvalidUTF8: Int?
    private(set) var firstUndefinedWindows1252: Int?
    private(set) var firstNUL: Int?
    private(set) var sawNonASCII = false
    /// Continuation bytes still expected by the current UTF-8 sequence, and the bounds the next one
    /// must respect (to reject overlong forms and surrogates).
    private var pending = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF
    private var sequenceStart = 0

    /// Scans the next chunk; `offset` is the position of its first byte in the file.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, offset: Int) {
        guard let base = chunk.baseAddress else { return }
        let count = chunk.count
        var i = 0
        while i < count {
            // Fast path: eight ASCII bytes at a time when no sequence is open.
            if pending == 0 && i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 && hasNoZeroByte(word) {
                    i += 8
                    continue
                }
            }
            let byte = base[i]
            if byte == 0 && firstNUL == nil { firstNUL = offset + i }
            if byte >= 0x80 {
                sawNonASCII = true
                if firstUndefinedWindows1252 == nil && !Windows1252.isDefined(byte) {
                    firstUndefinedWindows1252 = offset + i
                }
            }
            if firstInvalidUTF8 == nil { step(byte, at: offset + i) }
            i += 1
        }
    }

    /// Call once after the last chunk: a sequence cut by the end of the file is invalid.
    mutating func finish() {
        if pending > 0 && firstInvalidUTF8 == nil { firstInvalidUTF8 = sequenceStart }
    }

    private func hasNoZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0
    }

    /// The UTF-8 automaton of RFC 3629, table 3-7 of the Unicode standard.
    private mutating func step(_ byte: UInt8, at position: Int) {
        if pending > 0 {
            if byte < nextLow || byte > nextHigh {
                firstInvalidUTF8 = sequenceStart
                return
            }
            pending -= 1
            nextLow = 0x80
            nextHigh = 0xBF
            return
        }
        sequenceStart = position
        switch byte {
        case 0x00...0x7F: return
        case 0xC2...0xDF: pending = 1
        case 0xE0: pending = 2; nextLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED: pending = 2; nextHigh = 0x9F
        case 0xF0: pending = 3; nextLow = 0x90
        case 0xF1...0xF3: pending = 3
        case 0xF4: pending = 3; nextHigh = 0x8F
        default: firstInvalidUTF8 = position
        }
    }
}
