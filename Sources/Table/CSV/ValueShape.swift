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

    /// A number as people write money and counts in a spreadsheet: thousands grouped
    /// (`1.234.567,89` in Colombia, `1,234,567.89` in the United States), a currency sign in front
    /// (`$ 1.500`, `-$1.500`), a percent sign behind (`45 %`). `thousands` is the grouping mark; the
    /// decimal mark is the other one. Whole parts of one to three digits without a group are numbers
    /// too (`950,5`). Nil when the bytes are not such a number.
    struct Grouped {
        var value: Double
        /// Whether a thousands mark was seen.
        var grouped: Bool
        var currency: Bool
        var percent: Bool
        /// Decimals shown.
        var places: Int
        /// Two groups or more, or a group and a decimal part: the marks cannot be read the other way.
        var unambiguous: Bool
    }

    static func grouped(_ bytes: UnsafeBufferPointer<UInt8>, thousands: UInt8) -> Grouped? {
        let decimal = thousands == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let n = bytes.count
        var i = 0, negative = false, currency = false, percent = false
        if i < n && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        if i < n && bytes[i] == UInt8(ascii: "$") { currency = true; i += 1; while i < n && bytes[i] == space { i += 1 } }
        if !negative && i < n && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var end = n
        if end > i && bytes[end - 1] == UInt8(ascii: "%") { percent = true; end -= 1; while end > i && bytes[end - 1] == space { end -= 1 } }
        var digits: [UInt8] = []
        var groups = 0, first = 0
        while i < end && isDigit(bytes[i]) { digits.append(bytes[i]); first += 1; i += 1 }
        guard first > 0 else { return nil }
        if first > 1 && digits[0] == UInt8(ascii: "0") { return nil }
        while i < end && bytes[i] == thousands {
            guard first <= 3, i + 4 <= end, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else { return nil }
            digits.append(contentsOf: [bytes[i + 1], bytes[i + 2], bytes[i + 3]])
            groups += 1
            i += 4
        }
        var places = 0
        if i < end && bytes[i] == decimal {
            i += 1
            digits.append(UInt8(ascii: "."))
            while i < end && isDigit(bytes[i]) { digits.append(bytes[i]); places += 1; i += 1 }
            guard places > 0 else { return nil }
        }
        guard i == end, digits.count <= 20 else { return nil }
        guard let magnitude = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        return Grouped(value: negative ? -magnitude : magnitude, grouped: groups > 0, currency: currency, percent: percent,
                       places: places, unambiguous: groups > 1 || (groups > 0 && places > 0))
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
