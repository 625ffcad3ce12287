import Diagnostics
/// A model formula in R's notation, the part `sondeo analyze regress|logit` accepts:
/// `respuesta ~ a + b + c:d + e*f - 1`. A term is one variable or an interaction `a:b` of several;
/// `a*b` stands for `a + b + a:b`; `- 1` (or `+ 0`) removes the intercept. Terms keep the order in
/// which they are written, main effects of an expanded `*` first, as R's `terms()` orders them
/// within a degree (Chambers & Hastie, *Statistical Models in S*, 1992, ch. 2).
public struct Formula: Sendable, Equatable {
    public var response: String
    /// Each term is the list of variables it multiplies (one for a main effect).
    public var terms: [[String]]
    public var intercept: Bool

    /// Every variable the formula names, response first, each once.
    public var variables: [String] {
        var seen: Set<String> = []
        return ([response] + terms.flatMap { $0 }).filter { seen.insert($0).inserted }
    }

    public init(response: String, terms: [[String]], intercept: Bool = true) {
        self.response = response
        self.terms = terms
        self.intercept = intercept
    }

    /// Parses `y ~ a + b + a:b`; names are column names (letters, digits, `_`, `.`, accents) or
    /// `` `any text` `` in backquotes.
    public init(parsing text: String) throws(RegressionError) {
        let sides = text.split(separator: "~", omittingEmptySubsequences: false)
        guard sides.count == 2 else { throw .formula(text, reason: .tilde) }
        let response = sides[0].trimmingCharacters(in: .whitespaces)
        guard Self.isName(response) else { throw .formula(text, reason: .response) }
        var terms: [[String]] = []
        var intercept = true
        func add(_ term: [String]) {
            let sorted = term.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !terms.contains(where: { Set($0) == Set(sorted) }) { terms.append(sorted) }
        }
        var interactions: [[String]] = []
        for (index, signed) in Self.splitSigned(String(sides[1])).enumerated() {
            let part = signed.text.trimmingCharacters(in: .whitespaces)
            if part == "1" || part == "0" {
                if signed.minus || part == "0" { intercept = false }
                continue
            }
            guard !signed.minus else { throw .formula(text, reason: .minusTerm(part)) }
            guard !part.isEmpty else { throw .formula(text, reason: index == 0 ? .noTerms : .emptyTerm) }
            if part.contains("*") {
                let factors = part.split(separator: "*").map { $0.trimmingCharacters(in: .whitespaces) }
                guard factors.allSatisfy(Self.isName) else { throw .formula(text, reason: .badName(part)) }
                for factor in factors { add([Self.unquoted(factor)]) }
                // Every interaction of two or more of the factors, lower orders first.
                let names = factors.map(Self.unquoted)
                for size in 2...max(2, names.count) where size <= names.count {
                    for subset in Self.combinations(names, size) { interactions.append(subset) }
                }
                continue
            }
            let factors = part.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard factors.allSatisfy(Self.isName) else { throw .formula(text, reason: .badName(part)) }
            if factors.count == 1 { add([Self.unquoted(factors[0])]) } else { interactions.append(factors.map(Self.unquoted)) }
        }
        for term in interactions.sorted(by: { $0.count < $1.count }) { add(term) }
        guard !terms.isEmpty else { throw .formula(text, reason: .noTerms) }
        self.init(response: Self.unquoted(response), terms: terms, intercept: intercept)
    }

    /// R's name of a term: its variables joined by `:`.
    public static func name(_ term: [String]) -> String { term.joined(separator: ":") }

    private static func splitSigned(_ text: String) -> [(minus: Bool, text: String)] {
        var parts: [(Bool, String)] = []
        var current = "", minus = false, quoted = false
        for character in text {
            if character == "`" { quoted.toggle() }
            if !quoted && (character == "+" || character == "-") {
                parts.append((minus, current))
                current = ""
                minus = character == "-"
            } else {
                current.append(character)
            }
        }
        parts.append((minus, current))
        // A leading sign leaves an empty first part, which is not a term.
        if parts.count > 1, parts[0].1.trimmingCharacters(in: .whitespaces).isEmpty { parts.removeFirst() }
        return parts.map { (minus: $0.0, text: $0.1) }
    }

    static func isName(_ text: String) -> Bool {
        if text.count >= 3, text.first == "`", text.last == "`" { return true }
        guard let first = text.first, first.isLetter || first == "_" || first == "." else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    static func unquoted(_ text: String) -> String {
        text.count >= 3 && text.first == "`" && text.last == "`" ? String(text.dropFirst().dropLast()) : text
    }

    static func combinations(_ items: [String], _ size: Int) -> [[String]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let first = items[0], rest = Array(items.dropFirst())
        return combinations(rest, size - 1).map { [first] + $0 } + combinations(rest, size)
    }
}
