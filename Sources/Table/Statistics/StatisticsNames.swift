import Foundation

/// Column names made legal for SPSS and Stata, each unique, with the renamings said (and kept in the
/// codebook and as the variable's label, so nothing is lost).
///
/// SPSS (IBM SPSS Statistics, «Variable names»): at most 64 bytes; the first character a letter
/// (or `@`); then letters, digits, `.`, `_`, `$`, `#`, `@`; not ending in `.` or `_`; not one of
/// ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH; unique without regard to case.
/// Stata (`help varname`): at most 32 characters; a letter or `_` first, then letters, digits and
/// `_`; not a reserved word (`_all`, `_n`, `byte`, `in`, `if`, `using`…); unique.
public enum StatisticsNames {
    public enum Package: Sendable { case spss, stata }

    /// The legal names, in order, and the pairs (original, new) that changed.
    public static func legal(_ names: [String], for package: Package) -> (names: [String], renamed: [(from: String, to: String)]) {
        var used = Set<String>(), result: [String] = [], renamed: [(from: String, to: String)] = []
        for name in names {
            let base = legal(name, for: package)
            var candidate = base, k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = "_\(k)"
                candidate = truncated(base, package == .spss ? 64 - suffix.utf8.count : 32 - suffix.count) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
            if candidate != name { renamed.append((name, candidate)) }
        }
        return (result, renamed)
    }

    static let spssReserved: Set<String> = ["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]
    static let stataReserved: Set<String> = ["_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N",
                                             "_pi", "_pred", "_rc", "_skip", "strl", "using", "with"]

    static func legal(_ name: String, for package: Package) -> String {
        switch package {
        case .spss:
            var chars = name.map { c -> Character in
                c.isLetter || c.isNumber || "._$#@".contains(c) ? c : "_"
            }
            while let last = chars.last, last == "." || last == "_" { chars.removeLast() }
            var text = String(chars)
            if text.isEmpty { text = "v" }
            if !(text.first!.isLetter) { text = "v" + (text.first == "_" ? "" : "_") + text }
            if spssReserved.contains(text.lowercased()) { text += "_v" }
            return truncated(text, 64)
        case .stata:
            var text = String(ascii(name).map { c -> Character in c.isASCII && (c.isLetter || c.isNumber || c == "_") ? c : "_" })
            if text.isEmpty { text = "v" }
            if text.first!.isNumber { text = "v" + text }
            text = truncated(text, 32)
            if stataReserved.contains(text) || stataReserved.contains(text.lowercased()) || text.lowercased().hasPrefix("str") && Int(text.dropFirst(3)) != nil {
                text = truncated("v_" + text, 32)
            }
            return text
        }
    }

    /// Letters without their accents (`ñ` → `n`, `é` → `e`), for Stata's ASCII names.
    static func ascii(_ name: String) -> String {
        String(String.UnicodeScalarView(name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }

    /// At most `limit` UTF-8 bytes, cut between characters.
    static func truncated(_ text: String, _ limit: Int) -> String {
        var out = "", bytes = 0
        for c in text {
            bytes += c.utf8.count
            if bytes > limit { break }
            out.append(c)
        }
        return out
    }
}
