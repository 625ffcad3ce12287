import Foundation

/// Help discussions: prose paragraphs, which ArgumentParser wraps to the terminal, then examples,
/// which must stay copyable, so long ones are broken with `\` at spaces outside quotes.
enum HelpText {
    static let width = 78

    static func discussion(_ paragraphs: [String], examples: [String]) -> String {
        var parts = paragraphs
        if !examples.isEmpty {
            parts.append(L("Ejemplos:", "Examples:") + "\n" + examples.map(wrap).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// `  sondeo …` on lines of at most `width` characters, continued with ` \` and four spaces.
    static func wrap(_ command: String) -> String {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in command {
            if character == " " && quote == nil {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character == "'" || character == "\"" { quote = quote == nil ? character : (quote == character ? nil : quote) }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        // An option stays on the same line as its value.
        var units: [String] = []
        for word in words {
            if let last = units.last, last.hasPrefix("--"), !last.contains(" "), !word.hasPrefix("--") {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
        }
        words = units
        var lines: [String] = []
        var line = " "
        for word in words {
            if line.count + 1 + word.count > width - 2 && line.trimmingCharacters(in: .whitespaces).count > 0 {
                lines.append(line + " \\")
                line = "     "
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
