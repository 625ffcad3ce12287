import Foundation

/// E-mail addresses as people write them in a catalogue or a petitioner's contact line: one `@` with
/// something on each side, a dot in the domain, no spaces or angle brackets (the shape RFC 5321's
/// `Mailbox` takes in practice; whether the mailbox exists only its server can say).
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace || "<>,;()[]\"".contains($0) }
    }

    /// The first address in a free text («Jorge Ramírez, jorge.ramirez@gmail.com, 3001234567»), or nil.
    public static func first(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespace || ",;<>()[]\"".contains($0) }) {
            let candidate = String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            if isPlausible(candidate) { return candidate }
        }
        return nil
    }
}
