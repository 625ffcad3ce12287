import Foundation
import Questionnaire

/// An interview's answers as one JSON object in its row (`interview.answers`): a number, a text, or
/// `{"especial": "NS"}` per variable — `{"nps": 9, "nps_razon": "Me atendieron rápido", "servicio":
/// {"especial": "NS"}}`. One row per interview instead of one per answer: an import of 100,000
/// interviews writes 100,000 rows, not 1.3 million, and SQLite's `json_extract(answers, '$.nps')` still
/// reads any answer.
enum AnswerJSON {
    static func encode(_ answers: [StoredAnswer]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(answers.count * 24)
        for (index, answer) in answers.sorted(by: { $0.variable < $1.variable }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(answer.variable, into: &out)
            out.append(UInt8(ascii: ":"))
            if answer.status != "answered" {
                out.append(contentsOf: Array(#"{"especial":"#.utf8))
                string(answer.status, into: &out)
                out.append(UInt8(ascii: "}"))
            } else if let number = answer.number {
                out.append(contentsOf: Array(PlainNumber.text(number).utf8))
            } else {
                string(answer.text ?? "", into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; other bytes (UTF-8) as they are.
    private static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for b in bytes {
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 10: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 13: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 9: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20: out.append(contentsOf: Array(String(format: "\\u%04x", b).utf8))
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The answers of a stored object, by variable name order.
    static func decode(_ text: String) -> [StoredAnswer] {
        var parser = Parser(Array(text.utf8))
        if let answers = parser.object() { return answers }
        // Written by something else (an edit in SQL): the general parser.
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return [] }
        return object.keys.sorted().map { key in
            switch object[key] {
            case let number as NSNumber where !(number is Bool): return StoredAnswer(variable: key, number: number.doubleValue)
            case let text as String: return StoredAnswer(variable: key, text: text)
            case let special as [String: Any]: return StoredAnswer(variable: key, status: special["especial"] as? String ?? "NR")
            default: return StoredAnswer(variable: key, text: "\(object[key] ?? "")")
            }
        }
    }

    /// Reads exactly what ``encode(_:)`` writes; nil for anything else.
    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func object() -> [StoredAnswer]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var answers: [StoredAnswer] = []
            if take(UInt8(ascii: "}")) { return i == bytes.count ? answers : nil }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                if peek == UInt8(ascii: "\"") {
                    guard let text = string() else { return nil }
                    answers.append(StoredAnswer(variable: key, text: text))
                } else if take(UInt8(ascii: "{")) {
                    guard string() == "especial", take(UInt8(ascii: ":")), let name = string(), take(UInt8(ascii: "}")) else { return nil }
                    answers.append(StoredAnswer(variable: key, status: name))
                } else {
                    let start = i
                    while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}") { i += 1 }
                    guard let number = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { return nil }
                    answers.append(StoredAnswer(variable: key, number: number))
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) && i == bytes.count ? answers : nil
        }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            i += 1
            return true
        }

        mutating func string() -> String? {
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
