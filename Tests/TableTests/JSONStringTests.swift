import Foundation
import Testing
import Table

/// JSON string literals against Python's `json.dumps(text, ensure_ascii=False)` and, for the HTML form,
/// against JSONSerialization reading them back.
@Suite struct JSONStringTests {
    static let text = "a\"b\\c\nd\re\tf\u{01}g\u{1F}é<&>'ñ"

    @Test("escapes as Python's json.dumps(ensure_ascii=False): quote, backslash, \\n \\r \\t, \\u00XX, the rest as UTF-8")
    func likePython() {
        // python3 -c 'import json; print(json.dumps("a\"b\\c\nd\re\tf\x01g\x1fé<&>\x27ñ", ensure_ascii=False))'
        #expect(JSONString.quoted(Self.text) == #""a\"b\\c\nd\re\tf\u0001g\u001fé<&>'ñ""#)
        #expect(JSONString.quoted("") == #""""#)
        #expect(JSONString.quoted("sin escapes: áéíóú") == #""sin escapes: áéíóú""#)
    }

    @Test("for HTML, < > & and ' are \\u00XX too, and the literal still reads back as the same text")
    func forHTML() throws {
        let literal = JSONString.quoted(Self.text, forHTML: true)
        #expect(literal == #""a\"b\\c\nd\re\tf\u0001g\u001fé\u003c\u0026\u003e\u0027ñ""#)
        let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(back == Self.text)
    }

    @Test("appending to a buffer writes the same bytes")
    func appending() {
        let out = GrowableBuffer<UInt8>(capacity: 1)
        out.append("[")
        JSONString.append(Self.text, to: out)
        out.append("]")
        #expect(String(decoding: out.elements, as: UTF8.self) == "[" + JSONString.quoted(Self.text) + "]")
    }
}
