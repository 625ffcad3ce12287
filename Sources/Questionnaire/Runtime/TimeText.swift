import Foundation

/// Times and dates-with-time as answers store them: `hh:mm` (24 hours) and `aaaa-mm-ddThh:mm` (Colombian
/// time, as ISO 8601 without a zone), so that they sort and compare as texts. What a person types —
/// «8:05», «2026-12-06 14:30» — is put in that form.
public enum TimeText {
    /// `hh:mm` with hh 00–23 and mm 00–59.
    public static func isTime(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }

    /// `aaaa-mm-ddThh:mm`, a real date and a time.
    public static func isDateTime(_ s: String) -> Bool {
        let parts = s.split(separator: "T", omittingEmptySubsequences: false)
        return parts.count == 2 && AnswerCheck.isDate(String(parts[0])) && isTime(String(parts[1]))
    }

    /// «8:05» → «08:05»; nil when it is not a time.
    public static func time(_ typed: String) -> String? {
        let parts = typed.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return nil }
        let text = (h < 10 ? "0" : "") + "\(h):" + String(parts[1])
        return isTime(text) ? text : nil
    }

    /// «2026-12-06 14:30» or «2026-12-06T14:30» → «2026-12-06T14:30»; nil when it is not one.
    public static func dateTime(_ typed: String) -> String? {
        let parts = typed.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, AnswerCheck.isDate(String(parts[0])), let time = time(String(parts[1])) else { return nil }
        return "\(parts[0])T\(time)"
    }
}
