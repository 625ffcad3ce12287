/// Finds the name a person probably meant ("¿quiso decir «municipio»?") among the known names, by
/// edit distance after folding case and accents, so `muncipio` finds `municipio` and `villamaria`
/// finds `Villamaría`.
public enum Suggestion {
    /// The closest candidate within a distance that grows with the word's length, or nil. A candidate
    /// that starts with the word (at least three letters) is as close as one edit.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = fold(word)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let folded = fold(candidate)
            // A word cut short («rural» for «rurales») counts as one edit away.
            let prefix = target.count >= 3 && folded.count > target.count && folded.starts(with: target)
            let distance = prefix ? 1 : editDistance(target, folded)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, target.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// «; ¿quiso decir «x»?» (or «; did you mean «x»?»), to end a message; empty without a suggestion.
    public static func hint(_ suggestion: String?, _ language: Language) -> String {
        suggestion.map { language.pick("; ¿quiso decir «\($0)»?", "; did you mean «\($0)»?") } ?? ""
    }

    /// The hint for the closest candidate in both languages, for messages stored in both at once.
    public static func hints(for word: String, among candidates: [String]) -> (spanish: String, english: String) {
        let suggestion = closest(to: word, among: candidates)
        return (hint(suggestion, .es), hint(suggestion, .en))
    }

    /// Lower case without accents: the form in which two spellings are compared.
    public static func fold(_ text: String) -> [Character] {
        var result: [Character] = []
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "á", "à", "ä", "â": result.append("a")
            case "é", "è", "ë", "ê": result.append("e")
            case "í", "ì", "ï", "î": result.append("i")
            case "ó", "ò", "ö", "ô": result.append("o")
            case "ú", "ù", "ü", "û": result.append("u")
            case "ñ": result.append("n")
            default: result.append(Character(scalar))
            }
        }
        return result
    }

    /// Edit distance where insertions, deletions, substitutions and swaps of two neighbours each cost 1
    /// (optimal string alignment): `nsp` is one edit from `nps`.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
