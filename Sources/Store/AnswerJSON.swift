import Foundation
import Questionnaire
import Table

/// An interview's answers as one JSON object in its row (`interview.answers`): a number, a text, or
/// `{"especial": "NS"}` per variable — `{"nps": 9, "nps_razon": "Me atendieron rápido", "servicio":
/// {"especial": "NS"}}`. One row per interview instead of one per answer: an import of 100,000
/// interviews writes 100,000 rows, not 1.3 million, and SQLite's `json_extract(answers, '$.nps')` still
/// reads any answer.
enum AnswerJSON {
    static func encode(_ answers: [StoredAnswer]) -> String { String(decoding: bytes(answers), as: UTF8.self) }

    /// The object's UTF-8 bytes.
    static func bytes(_ answers: [StoredAnswer]) -> [UInt8] {
        let out = GrowableBuffer<UInt8>(capacity: answers.count * 32 + 2)
        // Callers usually give them sorted already; sorting is then one comparison per answer.
        let sorted = answers.isSorted ? answers : answers.sorted(by: { $0.variable < $1.variable })
        out.append(UInt8(ascii: "{"))
        for (index, answer) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if answer.status != "answered" {
                member(answer.variable, .special(answer.status), into: out)
            } else if let number = answer.number {
                member(answer.variable, .number(number), into: out)
            } else {
                member(answer.variable, .text(answer.text ?? ""), into: out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return out.bytes
    }

    /// The answers of a sheet, in the order of their variables' names: the same object as the
    /// ``StoredAnswer``s of ``StoredAnswer/init(variable:answer:)`` would give, without making them.
    /// `keys` holds each slot's `"name":` already written (``SheetEncoder``).
    static func bytes(_ sheet: AnswerSheet, layout: AnswerLayout, keys: [[UInt8]], system: [(String, String)] = []) -> [UInt8] {
        let out = GrowableBuffer<UInt8>(capacity: layout.count * 32 + 2)
        out.append(UInt8(ascii: "{"))
        var first = true
        for (name, text) in system {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            member(name, .text(text), into: out)
        }
        for slot in layout.slotsByName {
            guard let answer = sheet[slot] else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            keys[slot].withUnsafeBufferPointer { out.append($0) }
            value(answer, into: out)
        }
        out.append(UInt8(ascii: "}"))
        return out.bytes
    }

    /// `"name":`, as a member of the object starts.
    static func key(_ variable: String) -> [UInt8] {
        let out = GrowableBuffer<UInt8>(capacity: variable.utf8.count + 3)
        string(variable, into: out)
        out.append(UInt8(ascii: ":"))
        return out.bytes
    }

    /// `"variable":value`: a number, a text, the codes of a `varias de` as a text («2 7») or
    /// `{"especial":"NS"}`.
    private static func member(_ variable: String, _ answer: Answer, into out: GrowableBuffer<UInt8>) {
        string(variable, into: out)
        out.append(UInt8(ascii: ":"))
        value(answer, into: out)
    }

    private static func value(_ answer: Answer, into out: GrowableBuffer<UInt8>) {
        switch answer {
        case .number(let x): number(x, into: out)
        case .text(let text): string(text, into: out)
        case .codes(let codes):
            out.append(UInt8(ascii: "\""))
            for (index, code) in codes.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                number(Double(code), into: out)
            }
            out.append(UInt8(ascii: "\""))
        case .special(let name):
            out.append(#"{"especial":"#)
            string(name, into: out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A number as ``PlainNumber`` writes it; whole numbers digit by digit, without a String.
    private static func number(_ x: Double, into out: GrowableBuffer<UInt8>) {
        guard x == x.rounded(), abs(x) < 1e15 else {
            out.append(PlainNumber.text(x))
            return
        }
        WholeNumberText.forEachByte(of: Int64(x)) { out.append($0) }
    }

    private static func string(_ text: String, into out: GrowableBuffer<UInt8>) { JSONString.append(text, to: out) }

    /// The answers of a stored object, by variable name order.
    static func decode(_ text: String) -> [StoredAnswer] {
        let bytes = Array(text.utf8)
        var answers: [StoredAnswer] = []
        var parser = Parser(bytes)
        let read = parser.members { key, value in
            let variable = String(decoding: bytes[key], as: UTF8.self)
            switch value {
            case .number(let x): answers.append(StoredAnswer(variable: variable, number: x))
            case .text(let s): answers.append(StoredAnswer(variable: variable, text: s))
            case .special(let name): answers.append(StoredAnswer(variable: variable, status: name))
            }
        }
        if read { return answers }
        // Written by something else (an edit in SQL): the general parser.
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return [] }
        return object.keys.sorted().map { key in
            switch object[key] {
            // `is Bool` holds for every 0 and 1 on Linux; JSON's true and false are the NSNumbers of type `c`.
            case let number as NSNumber where String(cString: number.objCType) != "c": return StoredAnswer(variable: key, number: number.doubleValue)
            case let text as String: return StoredAnswer(variable: key, text: text)
            case let special as [String: Any]: return StoredAnswer(variable: key, status: special["especial"] as? String ?? "NR")
            default: return StoredAnswer(variable: key, text: "\(object[key] ?? "")")
            }
        }
    }

    /// The answers of a stored object by slot of `layout`, read without making a String per name: the
    /// names come in the order of ``AnswerLayout/slotsByName``, so each is looked for from where the
    /// previous one was found. Names the layout lacks are left out.
    static func sheet(_ bytes: [UInt8], layout: AnswerLayout) -> AnswerSheet {
        var sheet = AnswerSheet(count: layout.count)
        let order = layout.slotsByName, names = layout.names
        var cursor = 0
        func slot(_ key: Range<Int>) -> Int? {
            var c = cursor
            while c < order.count {
                let candidate = order[c]
                if names[candidate].utf8.count == key.count && names[candidate].utf8.elementsEqual(bytes[key]) {
                    cursor = c + 1
                    return candidate
                }
                c += 1
            }
            return layout.slot(String(decoding: bytes[key], as: UTF8.self))
        }
        var parser = Parser(bytes)
        let read = parser.members { key, value in
            guard let slot = slot(key) else { return }
            switch value {
            case .number(let x): sheet[slot] = layout.multiple[slot] ? .codes([]) : .number(x)
            case .text(let s): sheet[slot] = layout.multiple[slot] ? .codes(StoredAnswer.codes(s)) : .text(s)
            case .special(let name): sheet[slot] = .special(name)
            }
        }
        if !read {
            sheet = AnswerSheet(count: layout.count)
            for answer in decode(String(decoding: bytes, as: UTF8.self)) {
                if let slot = layout.slot(answer.variable) { sheet[slot] = answer.answer(multiple: layout.multiple[slot]) }
            }
        }
        return sheet
    }

    /// A member's value as ``encode(_:)`` writes it.
    private enum Value {
        case number(Double)
        case text(String)
        case special(String)
    }

    /// Reads exactly what ``encode(_:)`` writes; anything else is refused (and read by the general parser).
    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// Calls `member` with each name (where its bytes are) and value; false if the text is not an
        /// object as ``encode(_:)`` writes it (what was read so far may have been handed over).
        mutating func members(_ member: (Range<Int>, Value) -> Void) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return i == bytes.count }
            repeat {
                guard let key = plainString(), take(UInt8(ascii: ":")) else { return false }
                if peek == UInt8(ascii: "\"") {
                    guard let text = string() else { return false }
                    member(key, .text(text))
                } else if take(UInt8(ascii: "{")) {
                    guard let tag = plainString(), bytes[tag].elementsEqual("especial".utf8), take(UInt8(ascii: ":")), let name = string(),
                          take(UInt8(ascii: "}")) else { return false }
                    member(key, .special(name))
                } else {
                    guard let number = number() else { return false }
                    member(key, .number(number))
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) && i == bytes.count
        }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            i += 1
            return true
        }

        /// A number: whole numbers (most answers) digit by digit, others through Double's parser.
        mutating func number() -> Double? {
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}") { i += 1 }
            let digits = bytes[start..<i]
            let unsigned = digits.first == UInt8(ascii: "-") ? digits.dropFirst() : digits
            if !unsigned.isEmpty, unsigned.count <= 15, unsigned.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                let value = unsigned.reduce(0) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
                return Double(unsigned.count < digits.count ? -value : value)
            }
            return Double(String(decoding: digits, as: UTF8.self))
        }

        /// Where a string without escapes is (a variable name); nil for one with escapes.
        mutating func plainString() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    i += 1
                    return start..<(i - 1)
                case UInt8(ascii: "\\"): return nil
                default: i += 1
                }
            }
            return nil
        }

        mutating func string() -> String? {
            let save = i
            if let plain = plainString() { return String(decoding: bytes[plain], as: UTF8.self) }
            i = save
            guard take(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                if b != UInt8(ascii: "\\") { out.append(b); continue }
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(value) else { return nil }
                    i += 4
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)
                }
            }
            return nil
        }
    }
}

private extension [StoredAnswer] {
    var isSorted: Bool { indices.dropFirst().allSatisfy { self[$0 - 1].variable < self[$0].variable } }
}

/// Writes the answers of sheets of one questionnaire as the store keeps them, each variable's
/// `"name":` made once instead of once per interview: what an import hands to ``InterviewRow``.
public final class SheetEncoder: Sendable {
    let layout: AnswerLayout
    let keys: [[UInt8]]

    public init(_ layout: AnswerLayout) {
        self.layout = layout
        keys = layout.names.map(AnswerJSON.key)
    }
}
