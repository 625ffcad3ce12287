import Foundation

/// Numbers as a person reads them in the terminal: in Spanish `20.000` and `44,21`, in English
/// `20,000` and `44.21`. (JSON and CSV output never use this.)
public enum NumberText {
    public static func integer(_ value: Int, language: Language = Language.current) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .es ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A decimal with `places` decimals (rounded half away from zero), grouped thousands.
    public static func decimal(_ value: Double, places: Int, language: Language = Language.current) -> String {
        guard value.isFinite else { return "—" }
        var text = String(format: "%.\(places)f", value)
        // −0,04 rounded to one decimal is 0,0, not −0,0.
        if text.hasPrefix("-") && text.allSatisfy({ $0 == "-" || $0 == "0" || $0 == "." }) { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]) ?? 0
        var result = integer(whole, language: language)
        if whole == 0 && text.hasPrefix("-") { result = "-" + result }
        if parts.count > 1 { result += (language == .es ? "," : ".") + parts[1] }
        return result
    }

    /// A value exactly as stored (shortest text that reads back the same), in the reader's style:
    /// 0.75 → `0,75`, 14010 → `14.010`.
    public static func exact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return integer(Int(value)) }
        let text = "\(value)"
        guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return text }
        let whole = Int(text[..<dot]) ?? 0
        let sign = whole == 0 && value < 0 ? "-" : ""
        return sign + integer(whole) + (Language.current == .es ? "," : ".") + text[text.index(after: dot)...]
    }

    /// A confidence or significance level in percent without floating-point noise: 0.95 → `95`, 1 − 0.95 → `5`.
    public static func level(_ fraction: Double) -> String {
        exact((fraction * 100 * 1e6).rounded() / 1e6)
    }

    /// `1 fila`, `2.000 filas`: a count with the noun in the right number (Spanish or English forms).
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }

    /// A p-value: `< 0,001` below a thousandth, else three decimals.
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "—" }
        return p < 0.001 ? "< " + decimal(0.001, places: 3) : decimal(p, places: 3)
    }

    /// A value for a summary cell: integers without decimals, other values with up to 4 significant
    /// decimals.
    public static func summary(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return integer(Int(value)) }
        let magnitude = abs(value)
        let places = magnitude >= 100 ? 2 : magnitude >= 1 ? 3 : 4
        return decimal(value, places: places)
    }
}
