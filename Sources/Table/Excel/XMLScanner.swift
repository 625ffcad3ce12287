import Foundation

/// Reads the XML of an Office Open XML package (ECMA-376 part 1) byte by byte: the workbook, its
/// relationships, styles, shared strings and sheets. These files are machine-written and simple —
/// elements, attributes, text, entities — so a scanner over bytes reads a sheet of a hundred thousand
/// rows many times faster than a general XML parser building strings for every event. Text may come in
/// pieces: ``feed(_:final:)`` keeps what is cut at the end of a piece for the next one.
struct XMLScanner {
    enum Event {
        /// A start tag (or an empty-element tag, `empty`), by local name (a `x:` prefix dropped).
        case start(name: Name, tag: UnsafeBufferPointer<UInt8>, empty: Bool)
        case end(name: Name)
        /// Character data between tags (entities not yet decoded).
        case text(UnsafeBufferPointer<UInt8>)
    }

    /// The elements Sondeo reads, recognised from their bytes without making a string per tag (a sheet
    /// of a hundred thousand rows has millions of tags).
    enum Name: Equatable {
        case row, c, v, inlineString, t, rPh, f, si, sheet, workbookPr, relationship, numFmt, cellXfs, xf, other

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            func equals(_ word: StaticString) -> Bool {
                word.utf8CodeUnitCount == bytes.count && memcmp(word.utf8Start, bytes.baseAddress!, bytes.count) == 0
            }
            switch bytes.count {
            case 1: self = bytes[0] == 99 ? .c : (bytes[0] == 118 ? .v : (bytes[0] == 116 ? .t : (bytes[0] == 102 ? .f : .other)))
            case 2: self = equals("is") ? .inlineString : (equals("si") ? .si : (equals("xf") ? .xf : .other))
            case 3: self = equals("row") ? .row : (equals("rPh") ? .rPh : .other)
            case 5: self = equals("sheet") ? .sheet : .other
            case 6: self = equals("numFmt") ? .numFmt : .other
            case 7: self = equals("cellXfs") ? .cellXfs : .other
            case 10: self = equals("workbookPr") ? .workbookPr : .other
            case 12: self = equals("Relationship") ? .relationship : .other
            default: self = .other
            }
        }
    }

    private var carry: [UInt8] = []

    /// Scans `bytes` after what was kept from the last piece, calling `handle` for each complete event.
    /// With `final`, what is left is scanned too.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool = false, _ handle: (Event) throws -> Void) rethrows {
        if carry.isEmpty {
            let used = try Self.scan(bytes, final: final, handle)
            if used < bytes.count { carry = Array(bytes[used...]) }
        } else {
            carry.append(contentsOf: bytes)
            let all = carry
            let used = try all.withUnsafeBufferPointer { try Self.scan($0, final: final, handle) }
            carry = used < all.count ? Array(all[used...]) : []
        }
    }

    /// Scans as far as the last complete event; returns how many bytes were used.
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, final: Bool, _ handle: (Event) throws -> Void) rethrows -> Int {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var i = 0
        let n = p.count
        while i < n {
            if p[i] != lt {
                // Text up to the next tag; at the end of a piece it may continue in the next one.
                var j = i
                while j < n && p[j] != lt { j += 1 }
                if j == n && !final { return i }
                try handle(.text(UnsafeBufferPointer(rebasing: p[i..<j])))
                i = j
                continue
            }
            // A comment, a declaration, a CDATA section or a tag.
            if i + 3 < n && p[i + 1] == UInt8(ascii: "!") && p[i + 2] == UInt8(ascii: "-") && p[i + 3] == UInt8(ascii: "-") {
                guard let close = find([45, 45, 62], in: p, from: i + 4) else { return i }   // -->
                i = close + 3
                continue
            }
            if i + 8 < n && p[i + 1] == UInt8(ascii: "!") && p[i + 2] == UInt8(ascii: "[") {   // <![CDATA[ … ]]>
                guard let close = find([93, 93, 62], in: p, from: i + 9) else { return i }
                try handle(.text(UnsafeBufferPointer(rebasing: p[(i + 9)..<close])))
                i = close + 3
                continue
            }
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let b = p[j]
                if quote != 0 { if b == quote { quote = 0 } } else if b == 34 || b == 39 { quote = b } else if b == gt { break }
                j += 1
            }
            if j == n { return i }   // the tag goes on in the next piece
            let tag = UnsafeBufferPointer(rebasing: p[(i + 1)..<j])
            i = j + 1
            guard let first = tag.first, first != UInt8(ascii: "?"), first != UInt8(ascii: "!") else { continue }
            if first == slash {
                try handle(.end(name: localName(UnsafeBufferPointer(rebasing: tag[1...]))))
            } else {
                let empty = tag.last == slash
                try handle(.start(name: localName(tag), tag: tag, empty: empty))
            }
        }
        return n
    }

    private static func find(_ needle: [UInt8], in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + needle.count <= p.count {
            if p[i] == needle[0] && p[i + 1] == needle[1] && p[i + 2] == needle[2] { return i }
            i += 1
        }
        return nil
    }

    /// The element's name without a namespace prefix (`x:row` is `row`).
    private static func localName(_ tag: UnsafeBufferPointer<UInt8>) -> Name {
        var end = 0
        while end < tag.count, tag[end] != 32, tag[end] != 9, tag[end] != 10, tag[end] != 13, tag[end] != 47 { end += 1 }
        var start = 0
        for k in 0..<end where tag[k] == UInt8(ascii: ":") { start = k + 1 }
        return Name(UnsafeBufferPointer(rebasing: tag[start..<end]))
    }

    /// The raw value of attribute `name` in a start tag (without a namespace prefix), or nil.
    static func attribute(_ name: StaticString, in tag: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var found: UnsafeBufferPointer<UInt8>?
        eachAttribute(in: tag) { attributeName, value in
            guard attributeName.elementsEqual(key) else { return true }
            found = value
            return false
        }
        return found
    }

    /// Text or an attribute value with its entities decoded (`&amp;`, `&lt;`, `&#233;`, `&#xE9;` …)
    /// and, when `excel`, Excel's escapes of control characters (`_x000D_`, ECMA-376 §22.4.2.4).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, excel: Bool = false) -> String {
        guard bytes.contains(UInt8(ascii: "&")) || (excel && bytes.contains(UInt8(ascii: "_"))) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), let semicolon = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
                var scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                }
                if let scalar {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = semicolon + 1
                    continue
                }
            }
            if excel, b == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
               let code = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(code) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 7
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each attribute of a start tag, as (name without prefix, raw value), in one pass over the tag,
    /// while `body` returns true.
    @inline(__always)
    static func eachAttribute(in tag: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) {
        var i = 0
        let n = tag.count
        while i < n && tag[i] != 32 && tag[i] != 9 && tag[i] != 10 && tag[i] != 13 { i += 1 }
        while i < n {
            while i < n && (tag[i] == 32 || tag[i] == 9 || tag[i] == 10 || tag[i] == 13) { i += 1 }
            let nameStart = i
            while i < n && tag[i] != UInt8(ascii: "=") && tag[i] != 32 && tag[i] != 47 { i += 1 }
            var localStart = nameStart
            for k in nameStart..<i where tag[k] == UInt8(ascii: ":") { localStart = k + 1 }
            let name = UnsafeBufferPointer(rebasing: tag[localStart..<i])
            while i < n && tag[i] != 34 && tag[i] != 39 { if tag[i] == 47 { return }; i += 1 }
            guard i < n else { return }
            let quote = tag[i]
            let valueStart = i + 1
            i = valueStart
            while i < n && tag[i] != quote { i += 1 }
            guard body(name, UnsafeBufferPointer(rebasing: tag[valueStart..<min(i, n)])) else { return }
            i += 1
        }
    }
}

/// Numbers as a sheet stores them (`34`, `2.5`, `1.2345E-7`): read without making a string when the
/// digits allow an exact result (at most 15 significant digits and a power of ten up to 10²², where
/// m ÷ 10ᵏ and m × 10ᵏ are correctly rounded: Clinger 1990, «How to read floating point numbers
/// accurately»), by the standard library otherwise.
enum SheetNumber {
    private static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = bytes.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, scale = 0
        var sawDigit = false
        while i < n, bytes[i] >= 48, bytes[i] <= 57 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 48); if mantissa > 0 { digits += 1 } } else { scale += 1 }
            sawDigit = true
            i += 1
        }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] >= 48, bytes[i] <= 57 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 48); if mantissa > 0 { digits += 1 }; scale -= 1 }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n && (bytes[i] == UInt8(ascii: "E") || bytes[i] == UInt8(ascii: "e")) {
            i += 1
            var exponentNegative = false
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { exponentNegative = bytes[i] == UInt8(ascii: "-"); i += 1 }
            var exponent = 0
            let start = i
            while i < n, bytes[i] >= 48, bytes[i] <= 57, exponent < 10_000 { exponent = exponent * 10 + Int(bytes[i] - 48); i += 1 }
            guard i > start else { return nil }
            scale += exponentNegative ? -exponent : exponent
        }
        guard i == n else { return nil }
        guard digits <= 15, abs(scale) <= 22 else { return Double(String(decoding: bytes, as: UTF8.self)) }
        var value = Double(mantissa)
        value = scale < 0 ? value / powers[-scale] : value * powers[scale]
        return negative ? -value : value
    }
}
