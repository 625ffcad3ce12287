import Foundation

/// The character encodings Sondeo reads and writes: UTF-8, and Windows-1252 as a Spanish-locale
/// Excel saves CSV files.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Accepts the names people type: `utf8`, `UTF-8`, `cp1252`, `windows-1252`, `latin1`, `ansi`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "windows1252", "latin1", "latin-1", "iso-8859-1", "ansi":
            self = .windows1252
        default: return nil
        }
    }

    /// Decodes bytes in this encoding. In UTF-8, a byte that breaks the encoding (a stray Windows-1252
    /// «é» in an otherwise UTF-8 file) is read as its Windows-1252 character rather than U+FFFD, so the
    /// letter survives; the reader warns where the first such byte is.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            // ASCII (most identifiers and labels) is valid UTF-8 as it is: the specialised decoding,
            // without the generic validation's cost per call.
            if Self.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            return String(validating: bytes, as: UTF8.self) ?? Self.repairedUTF8(bytes)
        case .windows1252:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Windows1252.scalar(for: byte)) }
            return String(scalars)
        }
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0, seen: UInt64 = 0
        while i + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            seen |= UInt64(bytes[i])
            i += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// UTF-8 with each byte that starts no well-formed sequence read as Windows-1252 (RFC 3629's
    /// automaton, table 3-7 of the Unicode standard).
    static func repairedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            let shape = UTF8Lead(lead)
            let length = shape.map { $0.continuations + 1 } ?? 0
            let low = shape?.low ?? 0x80, high = shape?.high ?? 0xBF
            var wellFormed = length > 0 && i + length <= n
            if wellFormed && length > 1 {
                for k in 1..<length {
                    let byte = bytes[i + k]
                    let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    if byte < lo || byte > hi { wellFormed = false; break }
                }
            }
            if wellFormed {
                var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
                for k in 1..<max(1, length) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                scalars.append(Unicode.Scalar(value)!)
                i += length
            } else {
                scalars.append(Windows1252.scalar(for: lead))
                i += 1
            }
        }
        return String(scalars)
    }

    /// Encodes text, replacing characters the encoding cannot hold with `?`.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .windows1252: return text.unicodeScalars.map { Windows1252.byte(for: $0) ?? UInt8(ascii: "?") }
        }
    }
}

/// The Windows-1252 code page: Latin-1 plus typographic characters in 0x80–0x9F.
enum Windows1252 {
    /// Code points of bytes 0x80–0x9F; 0 marks the five bytes the code page leaves undefined.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Whether the byte has a character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D do not).
    static func isDefined(_ byte: UInt8) -> Bool {
        byte < 0x80 || byte > 0x9F || high[Int(byte) - 0x80] != 0
    }

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F {
            let value = high[Int(byte) - 0x80]
            return Unicode.Scalar(value == 0 ? 0xFFFD : value)!
        }
        return Unicode.Scalar(byte)
    }

    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return UInt8(value) }
        if let index = high.firstIndex(of: value), value != 0 { return UInt8(0x80 + index) }
        return nil
    }
}
