/// Recognises what a raw CSV cell looks like (a number, a date, a yes/no word), on its bytes, without
/// building a String: inference runs once per distinct value of every column.
enum ValueShape {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// The bytes without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == space || bytes[start] == tab) { start += 1 }
        while end > start && (bytes[end - 1] == space || bytes[end - 1] == tab) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A number `[-]digits[(.|,)digits][(e|E)[+-]digits]`: whether it is one, whether it is a whole
    /// number, which decimal mark it uses (if any), how many decimals it shows and whether it is written
    /// with an exponent. Values that only look like numbers are codes and must stay text, so they are
    /// not numbers here:
    /// - a whole part with a leading zero (`007`);
    /// - a leading `+` (`+573001234567`, a phone number in international form);
    /// - an exponent after a bare whole number without a sign (`12E4`, a product or site code).
    ///   Programs that write numbers in scientific notation — R, Python, Excel — put a point in the
    ///   mantissa or a sign in the exponent (`1.5e-3`, `4e-05`, `1,2E+05`), and those are numbers.
    struct Number {
        var isInteger: Bool
        var mark: UInt8?
        var places: Int
        var hasExponent = false
    }

    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        let n = bytes.count
        var i = 0
        if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
        let wholeStart = i
        while i < n && isDigit(bytes[i]) { i += 1 }
        let wholeDigits = i - wholeStart
        guard wholeDigits > 0, wholeDigits <= 15 else { return nil }
        if wholeDigits > 1 && bytes[wholeStart] == UInt8(ascii: "0") { return nil }
        var result = Number(isInteger: true, mark: nil, places: 0)
        if i < n && (bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",")) {
            result.mark = bytes[i]
            result.isInteger = false
            i += 1
            let fractionStart = i
            while i < n && isDigit(bytes[i]) { i += 1 }
            result.places = i - fractionStart
            guard result.places > 0 else { return nil }
        }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            result.isInteger = false
            result.hasExponent = true
            i += 1
            let signed = i < n && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+"))
            if signed { i += 1 }
            guard signed || result.mark != nil else { return nil }
            let exponentStart = i
            while i < n && isDigit(bytes[i]) { i += 1 }
            guard i > exponentStart, i - exponentStart <= 3 else { return nil }
        }
        return i == n ? result : nil
    }

    /// The value of bytes that ``number(_:)`` accepted, with `mark` as the decimal mark. Parsing goes
    /// through the standard library's correctly rounded conversion.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, mark: UInt8) -> Double? {
        var text = [UInt8](bytes)
        for i in text.indices where text[i] == mark { text[i] = UInt8(ascii: ".") }
        return Double(String(decoding: text, as: UTF8.self))
    }

    /// `true` for sí/si/verdadero/true/yes, `false` for no/falso/false, nil otherwise (any case;
    /// the accent of «sí» in UTF-8 or Windows-1252).
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) -> Bool? {
        guard bytes.count >= 2, bytes.count <= 9 else { return nil }
        switch encoding.decode(bytes).lowercased() {
        case "sí", "si", "verdadero", "true", "yes": return true
        case "no", "falso", "false": return false
        default: return nil
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
