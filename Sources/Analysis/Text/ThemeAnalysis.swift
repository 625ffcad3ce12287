import Diagnostics
import Foundation
import Table

/// What open answers talk about: for each theme of a ``Codeframe`` and each group of `--by`, how many
/// comments mention it and the design-based share of commenters who do (R's
/// `svyciprop(~mentions, subset(design, commented), method = "logit")`), the NPS of those who mention
/// it, a few example comments, and the comments no theme catches, for review.
public struct ThemeAnalysis {
    public struct Row {
        public let theme: String
        public let group: [(column: String, value: String)]
        public let mentions: Int
        public let share: Estimate
        public let nps: Estimate?
    }

    public let variable: String
    /// The codeframe's themes, in its order.
    public let themes: [String]
    public let rows: [Row]
    /// Rows with a comment, and how many of them no theme catches.
    public let commented: Int
    public let uncodedCount: Int
    /// Up to three distinct comments per theme, in file order.
    public let examples: [String: [String]]
    /// The distinct comments no theme catches, most frequent first.
    public let uncoded: [(comment: String, count: Int)]

    public init(_ data: AnalysisData, variable: String, codeframe: Codeframe, npsVariable: String?, confidence: Double) throws {
        try self.init(table: data.table, path: data.path, design: data.design, domains: data.domains, variable: variable, codeframe: codeframe,
                      npsVariable: npsVariable, confidence: confidence)
    }

    /// The same over any table with its design and domains (the survey report's groups).
    public init(table: Table, path: String, design: SurveyDesign, domains: [Domain], variable: String, codeframe: Codeframe,
                npsVariable: String?, confidence: Double) throws {
        self.variable = variable
        themes = codeframe.themes
        let column = try table.column(variable, source: path)
        let comments = (0..<table.rowCount).map { row -> String? in
            guard let text = column.text(at: row)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        let coded = comments.map { $0.map(codeframe.themes(of:)) }
        commented = comments.compactMap { $0 }.count
        var examples: [String: [String]] = [:], uncodedCounts: [String: Int] = [:], uncodedOrder: [String] = []
        for (comment, themes) in zip(comments, coded) {
            guard let comment, let themes else { continue }
            if themes.isEmpty {
                if uncodedCounts[comment] == nil { uncodedOrder.append(comment) }
                uncodedCounts[comment, default: 0] += 1
            }
            for t in themes where (examples[codeframe.themes[t]]?.count ?? 0) < 3 && !(examples[codeframe.themes[t]]?.contains(comment) ?? false) {
                examples[codeframe.themes[t], default: []].append(comment)
            }
        }
        self.examples = examples
        uncodedCount = uncodedCounts.values.reduce(0, +)
        uncoded = uncodedOrder.map { ($0, uncodedCounts[$0]!) }.sorted { $0.count > $1.count }
        let scores = try npsVariable.map { name -> [Double] in
            let column = try table.column(name, source: path)
            guard let values = column.numbers, column.type.isNumeric else { throw AnalysisError.notNumeric(column: name, type: column.type) }
            return values
        }
        var rows: [Row] = []
        for (t, theme) in codeframe.themes.enumerated() {
            let indicator = coded.map { $0.map { $0.contains(t) ? 1.0 : 0 } ?? .nan }
            for domain in domains {
                // Among the commenters of the group: a domain of its own (its degrees of freedom those of the commenters).
                let commenters = Domain(group: domain.group, members: domain.members.filter { comments[$0] != nil })
                guard !commenters.members.isEmpty else { continue }   // a group without comments has no row
                let share = try design.proportion(indicator, in: commenters, method: .logit, confidence: confidence)
                let mentioning = domain.members.filter { indicator[$0] == 1 }
                let nps = try scores.flatMap { answers -> Estimate? in
                    guard mentioning.contains(where: { !answers[$0].isNaN }) else { return nil }
                    return try NetPromoterScore(answers: answers, column: npsVariable!, design: design,
                                                domain: Domain(group: domain.group, members: mentioning), confidence: confidence).score
                }
                rows.append(Row(theme: theme, group: domain.group, mentions: mentioning.count, share: share, nps: nps))
            }
        }
        self.rows = rows
    }
}
