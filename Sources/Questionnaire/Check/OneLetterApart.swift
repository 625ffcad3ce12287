extension CheckContext {
    /// The pairs of ids (as indices, earlier first, in the order of the later one) that are one letter
    /// apart — one letter changed, added or left out — and so look like a typo (DSL-042). Ids that differ
    /// only by a digit (`p1`, `p2`, `p10`) are numbered on purpose and are not reported; ids shorter than
    /// three letters neither.
    ///
    /// Linear in the number of ids (times their length), by the «symmetric delete» index: two ids one
    /// substitution apart share the string left after deleting that position, and one id with an added
    /// letter becomes the other when that letter is deleted. Comparing every pair took minutes at 5,000
    /// questions.
    static func oneLetterApart(_ ids: [String]) -> [(Int, Int)] {
        let words = ids.map(Array.init)
        var byDeletion: [String: [(index: Int, at: Int)]] = [:]
        var byWord: [String: [Int]] = [:]
        for (index, word) in words.enumerated() where word.count >= 3 {
            byWord[String(word), default: []].append(index)
        }
        var pairs = Set<[Int]>()
        for (index, word) in words.enumerated() where word.count >= 3 {
            for at in word.indices {
                var shorter = word
                let removed = shorter.remove(at: at)
                let key = String(shorter)
                // A substitution at `at`: another id of the same length with the same deletion at the same place.
                for other in byDeletion[key + "\u{0}\(at)", default: []] {
                    let theirs = words[other.index][at]
                    guard !(theirs.isNumber && removed.isNumber), words[other.index] != word else { continue }
                    pairs.insert([other.index, index].sorted())
                }
                byDeletion[key + "\u{0}\(at)", default: []].append((index, at))
                // An insertion: deleting this letter gives another id.
                if !removed.isNumber, shorter.count >= 3, let others = byWord[key] {
                    for other in others where other != index { pairs.insert([other, index].sorted()) }
                }
            }
        }
        return pairs.map { ($0[0], $0[1]) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}
