/// Watches every byte of a file as it is read and tells, at the end, which encoding it is in:
/// valid UTF-8 (with or without BOM) is UTF-8; otherwise, bytes that all exist in Windows-1252 are
/// Windows-1252 (Excel in a Spanish locale); otherwise the file is neither, and the offset of the first
/// byte that breaks UTF-8 is kept for the error message. A NUL byte means the file is not text.
///
/// The automaton goes on after a byte that breaks UTF-8, counting well-formed multi-byte sequences
/// and broken ones: a UTF-8 file with one stray Windows-1252 byte (a cell pasted from an old export)
/// has many of the first and few of the second, and must stay UTF-8 (see ``Verdict``).
struct EncodingScanner {
    private(set) var firstInvalidUTF8: Int?
    /// Well-formed UTF-8 sequences of two to four bytes (accented letters, «ñ», «»…).
    private(set) var validMultibyte = 0
    /// Bytes where UTF-8 broke (each starts a new attempt).
    private(set) var invalidBytes = 0
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
            step(byte, at: offset + i)
            i += 1
        }
    }

    /// Call once after the last chunk: a sequence cut by the end of the file is invalid.
    mutating func finish() {
        if pending > 0 { broken(at: sequenceStart) }
        pending = 0
    }

    /// Adds what a scanner of the bytes right after these (a later part of the file, starting at a
    /// line end) found: the first findings stay the earliest ones.
    mutating func append(_ later: EncodingScanner) {
        firstInvalidUTF8 = firstInvalidUTF8 ?? later.firstInvalidUTF8
        firstUndefinedWindows1252 = firstUndefinedWindows1252 ?? later.firstUndefinedWindows1252
        firstNUL = firstNUL ?? later.firstNUL
        validMultibyte += later.validMultibyte
        invalidBytes += later.invalidBytes
        sawNonASCII = sawNonASCII || later.sawNonASCII
    }

    /// What the counts say, when the file is not valid UTF-8 throughout.
    enum Verdict: Equatable {
        /// Valid UTF-8 from start to end.
        case utf8
        /// UTF-8 with broken bytes: at least one well-formed multi-byte sequence. Each broken byte is
        /// read as the Windows-1252 character it most likely was, so this reading differs from reading
        /// the whole file as Windows-1252 only in the well-formed sequences — which a Spanish
        /// Windows-1252 text almost never holds (an accented capital followed by `¿`, `º`, `“`) and a
        /// UTF-8 text holds in every accented letter.
        case mostlyUTF8(firstInvalid: Int)
        /// No well-formed multi-byte sequence at all: a single-byte encoding.
        case notUTF8(firstInvalid: Int)
    }

    var verdict: Verdict {
        guard let first = firstInvalidUTF8 else { return .utf8 }
        return validMultibyte > 0 ? .mostlyUTF8(firstInvalid: first) : .notUTF8(firstInvalid: first)
    }

    private mutating func broken(at position: Int) {
        if firstInvalidUTF8 == nil { firstInvalidUTF8 = position }
        invalidBytes += 1
    }

    private func hasNoZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0
    }

    /// The UTF-8 automaton of RFC 3629, table 3-7 of the Unicode standard.
    private mutating func step(_ byte: UInt8, at position: Int) {
        if pending > 0 {
            if byte < nextLow || byte > nextHigh {
                // The open sequence is broken; this byte starts afresh.
                broken(at: sequenceStart)
                pending = 0
                nextLow = 0x80
                nextHigh = 0xBF
            } else {
                pending -= 1
                nextLow = 0x80
                nextHigh = 0xBF
                if pending == 0 { validMultibyte += 1 }
                return
            }
        }
        sequenceStart = position
        guard let lead = UTF8Lead(byte) else { broken(at: position); return }
        pending = lead.continuations
        nextLow = lead.low
        nextHigh = lead.high
    }
}

/// What a UTF-8 lead byte announces (RFC 3629; table 3-7 of the Unicode standard): how many
/// continuation bytes follow, and the bounds of the first one (which rule out overlong forms and
/// surrogates; later ones are 0x80–0xBF). Nil for a byte that starts no sequence.
struct UTF8Lead {
    let continuations: Int
    let low: UInt8
    let high: UInt8

    init?(_ byte: UInt8) {
        switch byte {
        case 0x00...0x7F: (continuations, low, high) = (0, 0x80, 0xBF)
        case 0xC2...0xDF: (continuations, low, high) = (1, 0x80, 0xBF)
        case 0xE0: (continuations, low, high) = (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (continuations, low, high) = (2, 0x80, 0xBF)
        case 0xED: (continuations, low, high) = (2, 0x80, 0x9F)
        case 0xF0: (continuations, low, high) = (3, 0x90, 0xBF)
        case 0xF1...0xF3: (continuations, low, high) = (3, 0x80, 0xBF)
        case 0xF4: (continuations, low, high) = (3, 0x80, 0x8F)
        default: return nil
        }
    }
}
