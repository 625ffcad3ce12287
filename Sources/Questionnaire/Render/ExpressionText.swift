import Foundation

/// Expressions back to text: in the questionnaire's own syntax (for messages and the JSON contract)
/// and in XPath for XLSForm (`${id}`, `and`, `or`, `not()`, `selected()`).
extension Expression {
    /// The expression as it would be written in a `.encuesta` file.
    public var source: String { render(xpath: false, own: nil, specials: [:], mode: .web) }

    /// The expression in XPath for an XLSForm; references to `own` become `.` (the current answer).
    /// `modo` is the form's mode, fixed in the export (an XLSForm is filled in one mode).
    public func xpath(own: String? = nil, specials: [String: Int] = [:], mode: Mode = .web) -> String {
        render(xpath: true, own: own, specials: specials, mode: mode)
    }

    /// A text written as a date, `"2020-01-01"`.
    var isDateText: Bool {
        guard case .text(let s, _) = self else { return false }
        return s.count == 10 && s.enumerated().allSatisfy { index, c in index == 4 || index == 7 ? c == "-" : c.isASCII && c.isNumber }
    }

    /// A text written as a time of day, `"08:00"`.
    var isTimeText: Bool {
        guard case .text(let s, _) = self else { return false }
        return TimeText.isTime(s)
    }

    private func render(xpath: Bool, own: String?, specials: [String: Int], mode: Mode) -> String {
        func sub(_ e: Expression, parent: String) -> String {
            let text = e.render(xpath: xpath, own: own, specials: specials, mode: mode)
            // A `y` inside an `o` (or the reverse) is parenthesised even where precedence makes it
            // unnecessary, so that a reader never has to recall which binds tighter.
            if case .binary(let op, _, _, _) = e, op == "y" || op == "o", parent != op, parent != "no" { return "(\(text))" }
            return text
        }
        func number(_ x: Double) -> String { PlainNumber.text(x) }
        switch self {
        case .number(let x, _): return number(x)
        case .text(let s, _): return xpath ? "'\(s.replacingOccurrences(of: "'", with: "’"))'" : "\"\(s)\""
        case .reference(let id, _):
            if xpath { return id == own ? "." : "${\(id)}" }
            return id
        case .mode: return xpath ? "'\(mode.rawValue)'" : "modo"
        case .unary(let op, let inner, _):
            if op == "no" { return xpath ? "not(\(sub(inner, parent: "no")))" : "no \(sub(inner, parent: "cmp"))" }
            return "-" + sub(inner, parent: "cmp")
        case .binary(let op, let a, let b, _):
            var left = sub(a, parent: op == "y" || op == "o" ? op : "cmp"), right = sub(b, parent: op == "y" || op == "o" ? op : "cmp")
            guard xpath else { return "\(left) \(op) \(right)" }
            // A date compared with a date written as text («f >= "2020-01-01"»): XPath would compare strings
            // (every answer fails); ODK compares dates as date(…) on both sides.
            if ["=", "<>", "<", "<=", ">", ">="].contains(op), a.isDateText || b.isDateText {
                left = "date(\(left))"
                right = "date(\(right))"
            }
            // A time compared with a time written "08:00": XPath 1.0 compares texts only by = and !=, so
            // both become the number hhmm (0800 → 800).
            if ["=", "<>", "<", "<=", ">", ">="].contains(op), a.isTimeText || b.isTimeText {
                func minutes(_ e: Expression, _ text: String) -> String {
                    if case .text(let s, _) = e, TimeText.isTime(s) { return String(Int(s.replacingOccurrences(of: ":", with: "")) ?? 0) }
                    return "number(translate(format-date-time(\(text), '%H:%M'), ':', ''))"
                }
                left = minutes(a, left)
                right = minutes(b, right)
            }
            switch op {
            case "y": return "\(left) and \(right)"
            case "o": return "\(left) or \(right)"
            case "<>": return "\(left) != \(right)"
            case "/": return "\(left) div \(right)"
            default: return "\(left) \(op) \(right)"
            }
        case .membership(let subject, let items, _):
            let s = sub(subject, parent: "cmp")
            if xpath { return "(" + items.map { "\(s) = \($0.render(xpath: true, own: own, specials: specials, mode: mode))" }.joined(separator: " or ") + ")" }
            return "\(s) en (" + items.map(\.source).joined(separator: ", ") + ")"
        case .includes(let subject, let code, _):
            let s = sub(subject, parent: "cmp")
            return xpath ? "selected(\(s), '\(code)')" : "\(s) incluye \(code)"
        case .answered(let subject, _):
            let s = sub(subject, parent: "cmp")
            return xpath ? "string-length(\(s)) > 0" : "\(s) respondida"
        case .isSpecial(let subject, let name, _):
            let s = sub(subject, parent: "cmp")
            if xpath { return specials[name].map { "\(s) = \($0)" } ?? "false()" }
            return "\(s) es \(name)"
        case .call(let function, let arguments, _):
            let texts = arguments.map { $0.render(xpath: xpath, own: own, specials: specials, mode: mode) }
            guard xpath else { return "\(function.rawValue)(" + texts.joined(separator: ", ") + ")" }
            return Self.xpathCall(function, arguments, texts, specials: specials)
        }
    }

    /// A function in ODK's XPath (see ``Function``); `texts` are the arguments already in XPath.
    private static func xpathCall(_ function: Function, _ arguments: [Expression], _ texts: [String], specials: [String: Int]) -> String {
        // A date written as text enters date arithmetic as a date.
        func date(_ index: Int) -> String { arguments[index].isDateText ? "date(\(texts[index]))" : texts[index] }
        switch function {
        case .si: return "if(\(texts[0]), \(texts[1]), \(texts[2]))"
        case .redondear: return "round(\(texts[0]), \(texts.count > 1 ? texts[1] : "0"))"
        case .contar:
            // NS/NR are options of the exported list; in Sondeo they are an answer of their own, not options counted.
            let codes = specials.values.sorted()
            if codes.isEmpty { return "count-selected(\(texts[0]))" }
            return "(count-selected(\(texts[0]))" + codes.map { " - number(selected(\(texts[0]), '\($0)'))" }.joined() + ")"
        case .longitud: return "string-length(\(texts[0]))"
        case .hoy: return "today()"
        case .dias: return "round(decimal-date-time(\(date(1))) - decimal-date-time(\(date(0))), 0)"
        case .sumarDias: return "date(decimal-date-time(\(date(0))) + \(texts[1]))"
        case .coincide:
            // The pattern verbatim: XPath quotes with ' or ", whichever it does not contain.
            guard case .text(let pattern, _) = arguments[1] else { return "regex(\(texts[0]), \(texts[1]))" }
            let quoted = !pattern.contains("'") ? "'\(pattern)'" : (!pattern.contains("\"") ? "\"\(pattern)\"" : "'\(pattern.replacingOccurrences(of: "'", with: "’"))'")
            return "regex(\(texts[0]), \(quoted))"
        }
    }
}
