import Diagnostics
import Foundation

/// Help discussions: prose paragraphs, which ArgumentParser wraps to the terminal, then examples,
/// which must stay copyable, so long ones are broken with `\` at spaces outside quotes.
enum HelpText {
    static let width = 78

    static func discussion(_ paragraphs: [String], examples: [String]) -> String {
        var parts = paragraphs
        if !examples.isEmpty {
            parts.append(L("Ejemplos:", "Examples:") + "\n" + examples.map(wrapped).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// ArgumentParser reads every command's configuration, examples included, each time it parses a
    /// command line (a few hundred times): each example is wrapped once.
    private static let wrappedExamples = WrapCache()

    private final class WrapCache: @unchecked Sendable {
        let lock = NSLock()
        var wrapped: [String: String] = [:]
    }

    private static func wrapped(_ command: String) -> String {
        let cache = wrappedExamples
        if let known = cache.lock.withLock({ cache.wrapped[command] }) { return known }
        let result = wrap(command)
        cache.lock.withLock { cache.wrapped[command] = result }
        return result
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
        var line = " ", length = 1, hasWord = false
        for word in words {
            let count = word.count
            if length + 1 + count > width - 2 && hasWord {
                lines.append(line + " \\")
                line = "     "
                length = 5
            }
            line += " " + word
            length += 1 + count
            hasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
