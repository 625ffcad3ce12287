/// JSON string literals (RFC 8259 §7), written one way everywhere Sondeo writes JSON: the store's
/// answers, the command line's `--format json`, the web form's conditions. The quotation mark and the
/// reverse solidus are escaped, LF, CR and tab as `\n`, `\r`, `\t`, the other control characters as
/// `\u00XX`; every other character goes as its UTF-8. `forHTML` also writes `<`, `>`, `&` and `'` as
/// `\u00XX`, so that the literal can sit in an HTML attribute or a `<script>` block without ending it.
public enum JSONString {
    /// Appends `text` as a JSON string literal, quotes included.
    public static func append(_ text: String, forHTML: Bool = false, to out: GrowableBuffer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most texts need no escape: copy them whole.
            guard bytes.contains(where: { needsEscape($0, forHTML: forHTML) }) else {
                out.append(bytes)
                return
            }
            for byte in bytes {
                guard needsEscape(byte, forHTML: forHTML) else { out.append(byte); continue }
                switch byte {
                case UInt8(ascii: "\""): out.append(#"\""#)
                case UInt8(ascii: "\\"): out.append(#"\\"#)
                case 10: out.append(#"\n"#)
                case 13: out.append(#"\r"#)
                case 9: out.append(#"\t"#)
                default:
                    out.append(#"\u00"#)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0xF))
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String, forHTML: Bool = false) -> String {
        let out = GrowableBuffer<UInt8>(capacity: text.utf8.count + 2)
        append(text, forHTML: forHTML, to: out)
        return String(decoding: out.elements, as: UTF8.self)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, forHTML: Bool) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): return true
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"): return forHTML
        default: return false
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
