import Foundation

/// The regular expressions of `coincide(t, "patrón")`. The test is a search, as JavaRosa's `regex()`
/// (`Matcher.find`) and the browser's `RegExp.test`: a pattern meant for the whole answer anchors itself
/// (`^[0-9]{6,10}$`). The common syntax of ICU, Java and JavaScript (classes, quantifiers, anchors,
/// groups, alternation) means the same in the three.
public enum TextPattern {
    /// Why a pattern cannot be used, or nil when it can.
    public static func problem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "revise paréntesis, corchetes y llaves"
        }
    }

    /// Whether `text` contains a match of a compiled pattern.
    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func compile(_ pattern: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: pattern) }
}
