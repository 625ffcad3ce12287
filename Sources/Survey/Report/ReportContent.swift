import Analysis
import Diagnostics
import Foundation
import Questionnaire
import Table

/// Everything `sondeo report` shows, computed once from the responses, the questionnaire and the
/// design (all estimates come from `Analysis`), then rendered as HTML (``ReportHTML``) or Markdown
/// (``ReportMarkdown``).
public struct ReportContent {
    /// A section another module works out and the report carries as it is (the strategy's planned
    /// against achieved, `--strategy`): its title, and its body as HTML and as Markdown.
    public struct Appendix: Sendable {
        public var title: String
        public var html: String
        public var markdown: String
        public init(title: String, html: String, markdown: String) {
            self.title = title
            self.html = html
            self.markdown = markdown
        }
    }

    /// Sections added after the cross-tables, before the notes on precision.
    public var appendices: [Appendix] = []

    /// One estimate as the report shows it: a share in [0, 1] or a mean, its interval and base, and
    /// whether its precision is low (effective n under 30 or relative standard error over 30 %).
    struct Figure {
        var label: String
        var estimate: Double
        var lower: Double
        var upper: Double
        var n: Int
        var flagged: Bool
    }

    /// NPS or CSAT, overall and by group.
    struct Indicator {
        var name: String
        var question: String
        /// NPS on −100…100; CSAT as a share.
        var isShare: Bool
        var overall: Figure
        var groups: [Figure]
        var detail: String
    }

    public struct Question {
        enum Kind { case shares, mean, grid, openText }
        var section: String?
        var id: String
        var text: String
        var kind: Kind
        /// Rows with an answer (not NS/NR).
        var base: Int
        /// NS/NR and their counts.
        var specials: [(label: String, count: Int)]
        /// Shares of each option (single, yes/no, multiple choice), or the mean (integer, decimal, scale).
        var figures: [Figure]
        /// Grid: per row, the share of each option of the list (in list order), with its mean.
        var gridLabels: [String] = []
        var gridRows: [(label: String, shares: [Double], n: Int, mean: Figure)] = []
        var note: String?
    }

    /// A question's answers by the `--by` groups: row percentages, adjusted residuals and Rao–Scott.
    public struct CrossTable {
        var question: String
        var groups: [String]
        var answers: [String]
        var percent: [[CrossTab.Percentage]]
        var residuals: [[Double]]
        var counts: [Int]
        var p: Double
        var f: Double
    }

    var title: String
    var subtitle: String
    var file: String
    var generated: String
    var confidence: Double
    var designText: String
    var n: Int
    var strata: [(name: String, n: Int, population: Double?, weight: Double)]
    var modes: [(String, Int)]
    var dispositions: [(String, Int)]
    var by: String?
    var indicators: [Indicator] = []
    public internal(set) var questions: [Question] = []
    public internal(set) var crossTables: [CrossTable] = []
    var skippedCrossTables: [String] = []
    var drivers: KeyDrivers?
    var driverLabels: [String: String] = [:]
    /// The text of the key drivers' outcome question, when the questionnaire has it.
    var outcomeText: String?
    var driversNote: String?
    /// The first open-text question read by theme, with the codeframe of `--themes`.
    var themes: ThemeAnalysis?
    /// NPS and CSAT wave by wave (`--wave`), with the column's name.
    var trends: [ReportTrend] = []
    var wave: String?
    public internal(set) var flaggedCount = 0
}

extension ReportContent {
    /// Builds the report: `table` holds the responses, `design` their sampling design.
    public init(table: Table, questionnaire q: QuestionnaireFile, design: SurveyDesign, designText: String, file: String, by: String?,
         outcome: String?, driverNames: [String]?, confidence: Double, codeframe: Codeframe? = nil, wave: String? = nil,
         trendColumns: [String] = []) throws {
        let variables = Variables.of(q).filter { table[$0.name] != nil }
        let clean = ReportContent.cleaned(table, variables: variables)
        let all = Domain.all(table.rowCount)
        title = q.title ?? q.id ?? L("Encuesta", "Survey")
        subtitle = [q.id, q.version.map { L("versión \($0)", "version \($0)") }].compactMap { $0 }.joined(separator: " · ")
        self.file = file
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(secondsFromGMT: -5 * 3600)
        generated = formatter.string(from: Date())
        self.confidence = confidence
        self.designText = designText
        n = table.rowCount
        self.by = by

        var strata: [(String, Int, Double?, Double)] = []
        for (h, name) in design.strataNames.enumerated() {
            let rows = (0..<design.rowCount).filter { design.stratum[$0] == h }
            strata.append((name, rows.count, design.populationPSUs?[h], rows.reduce(0) { $0 + design.weights[$1] }))
        }
        self.strata = strata.sorted { LevelOrder.less($0.0, $1.0) }.map { (name: $0.0, n: $0.1, population: $0.2, weight: $0.3) }
        func counts(_ name: String) -> [(String, Int)] {
            guard let column = table[name] else { return [] }
            var tally: [String: Int] = [:]
            for row in 0..<table.rowCount { tally[column.text(at: row) ?? "—", default: 0] += 1 }
            return tally.sorted { $0.value > $1.value }
        }
        modes = counts("_modo")
        dispositions = counts("_disposicion")

        // Groups of --by, labelled with the questionnaire's labels when the column is one of its variables.
        let groupDomains: [Domain]
        if let by {
            let labels = variables.first { $0.name == by }.map { v in Dictionary(v.values.map { (Double($0.code), $0.label) }, uniquingKeysWith: { a, _ in a }) }
            groupDomains = Domain.groups(of: clean, by: [by]).map { domain in
                var d = domain
                if let labels, let value = Double(domain.group[0].value), let label = labels[value] { d.group = [(by, label)] }
                return d
            }
        } else {
            groupDomains = []
        }
        var flagged = 0
        /// `relative`: whether a relative standard error means something (not for the NPS, a score around 0).
        func figure(_ label: String, _ e: Estimate, scale: Double = 1, relative: Bool = true) -> Figure {
            let deff = e.deff.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 1
            let rse = relative && e.estimate != 0 ? e.standardError / abs(e.estimate) : 0
            // A share of exactly 0 has no precision to judge: nobody chose that answer.
            let low = e.estimate != 0 && (Double(e.n) / deff < 30 || rse > 0.3)
            if low { flagged += 1 }
            return Figure(label: label, estimate: e.estimate * scale, lower: e.lower * scale, upper: e.upper * scale, n: e.n, flagged: low)
        }

        // Indicators: NPS for every 0–10 scale; CSAT for the overall satisfaction question: the one named
        // «csat», else the first single choice on a five-point satisfaction list.
        let satisfaction = q.items.filter { item in
            if case .single(let list) = item.type { return ReportContent.isSatisfactionList(q.list(list)) && clean[item.id] != nil }
            return false
        }
        let csatItem = (satisfaction.first { String(Suggestion.fold($0.id)).contains("csat") } ?? satisfaction.first)?.id
        for item in q.items {
            guard let values = clean[item.id]?.numbers else { continue }
            if case .scale(0, 10, _, _) = item.type {
                let overall = try NetPromoterScore(answers: values, column: item.id, design: design, domain: all, confidence: confidence)
                let groups = try groupDomains.compactMap { d -> Figure? in
                    guard d.members.contains(where: { !values[$0].isNaN }) else { return nil }
                    let score = try NetPromoterScore(answers: values, column: item.id, design: design, domain: d, confidence: confidence)
                    return figure(d.group[0].value, score.score, relative: false)
                }
                indicators.append(Indicator(name: "NPS", question: item.id, isShare: false, overall: figure(L("Total", "Total"), overall.score, relative: false), groups: groups,
                                            detail: L("Promotores \(NumberText.decimal(overall.promoters * 100, places: 1)) % · pasivos \(NumberText.decimal(overall.passives * 100, places: 1)) % · detractores \(NumberText.decimal(overall.detractors * 100, places: 1)) %",
                                                      "Promoters \(NumberText.decimal(overall.promoters * 100, places: 1)) % · passives \(NumberText.decimal(overall.passives * 100, places: 1)) % · detractors \(NumberText.decimal(overall.detractors * 100, places: 1)) %")))
            }
            if case .single(let list) = item.type, ReportContent.isSatisfactionList(q.list(list)), item.id == csatItem {
                let score = try TopBoxScore(answers: values, column: item.id, scale: TopBoxScore.csatScale, top: TopBoxScore.csatTop, design: design, domain: all, confidence: confidence)
                let groups = try groupDomains.compactMap { d -> Figure? in
                    guard d.members.contains(where: { !values[$0].isNaN }) else { return nil }
                    return figure(d.group[0].value, try TopBoxScore(answers: values, column: item.id, scale: TopBoxScore.csatScale, top: TopBoxScore.csatTop, design: design, domain: d,
                                                                    confidence: confidence).share)
                }
                indicators.append(Indicator(name: "CSAT", question: item.id, isShare: true, overall: figure(L("Total", "Total"), score.share), groups: groups,
                                            detail: L("Satisfechos (4–5 de 5); media \(NumberText.decimal(score.mean.estimate, places: 2)) de 5", "Satisfied (4–5 of 5); mean \(NumberText.decimal(score.mean.estimate, places: 2)) of 5")))
            }
        }

        // Each question's distribution.
        for item in q.items {
            let section = item.section.map { q.sections[$0].title }
            let text = ReportContent.wording(item)
            let own = variables.filter { $0.item == item.id }
            guard !own.isEmpty else { continue }
            let specialsOf = { (v: Variable) -> [(String, Int)] in
                let raw = table[v.name]!.numbers ?? []
                return q.specials.filter { item.allowedSpecials.contains($0.name) }.map { s in (s.label, raw.filter { $0 == Double(s.code) }.count) }.filter { $0.1 > 0 }
            }
            switch item.type {
            case .single, .yesNo:
                let v = own[0], values = clean[v.name]!.numbers!
                let answered = values.filter { !$0.isNaN }.count
                guard answered > 0 else { continue }
                let options = v.values.filter { !v.missing.contains($0.code) }
                let figures = try options.map { option in
                    figure(option.label, try design.proportion(values.map { $0.isNaN ? .nan : ($0 == Double(option.code) ? 1 : 0) }, in: all, confidence: confidence))
                }
                questions.append(Question(section: section, id: item.id, text: text, kind: .shares, base: answered, specials: specialsOf(v), figures: figures))
            case .multiple:
                let columns = own.map { clean[$0.name]!.numbers! }
                let answered = (0..<table.rowCount).filter { row in columns.contains { !$0[row].isNaN } }.count
                guard answered > 0 else { continue }
                let figures = try zip(own, columns).map { v, values in
                    figure(String(v.label.split(separator: "—").last ?? Substring(v.name)).trimmingCharacters(in: .whitespaces),
                           try design.proportion(values, in: all, confidence: confidence))
                }
                questions.append(Question(section: section, id: item.id, text: text, kind: .shares, base: answered, specials: [], figures: figures,
                                          note: L("Varias respuestas: los porcentajes suman más de 100 %.", "Several answers: percentages add up to more than 100 %.")))
            case .grid(let list):
                let options = q.list(list)?.options ?? []
                var rows: [(String, [Double], Int, Figure)] = []
                var specials: [String: Int] = [:]
                for (row, v) in zip(item.rows, own) {
                    let values = clean[v.name]!.numbers!
                    let answered = values.filter { !$0.isNaN }
                    guard !answered.isEmpty else { continue }
                    let shares = try options.map { option in
                        try design.proportion(values.map { $0.isNaN ? .nan : ($0 == Double(option.code) ? 1 : 0) }, in: all).estimate
                    }
                    rows.append((row.text, shares, answered.count, figure(row.text, try design.mean(values, in: all, confidence: confidence))))
                    for (label, count) in specialsOf(v) { specials[label, default: 0] += count }
                }
                guard !rows.isEmpty else { continue }
                questions.append(Question(section: section, id: item.id, text: text, kind: .grid, base: rows.map(\.1).count, specials: specials.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                          figures: rows.map(\.3), gridLabels: options.map(\.label), gridRows: rows.map { (label: $0.0, shares: $0.1, n: $0.2, mean: $0.3) }))
            case .integer, .decimal, .scale:
                let v = own[0], values = clean[v.name]!.numbers!
                let answered = values.filter { !$0.isNaN }.count
                guard answered > 0 else { continue }
                var figures = [figure(L("Media", "Mean"), try design.mean(values, in: all, confidence: confidence))]
                if case .scale(0, 10, _, _) = item.type {
                    figures = try (0...10).map { k in
                        figure(String(k), try design.proportion(values.map { $0.isNaN ? .nan : ($0 == Double(k) ? 1 : 0) }, in: all, confidence: confidence))
                    }
                    questions.append(Question(section: section, id: item.id, text: text, kind: .shares, base: answered, specials: specialsOf(v), figures: figures))
                } else {
                    questions.append(Question(section: section, id: item.id, text: text, kind: .mean, base: answered, specials: specialsOf(v), figures: figures))
                }
            case .text:
                let column = table[own[0].name]!
                let answered = (0..<table.rowCount).filter { !column.isMissing($0) }.count
                questions.append(Question(section: section, id: item.id, text: text, kind: .openText, base: answered, specials: [], figures: [],
                                          note: L("Respuesta abierta: \(NumberText.count(answered, "respuesta", "respuestas")); léalas en el archivo (pueden tener datos personales).",
                                                  "Open answer: \(NumberText.count(answered, "answer", "answers")); read them in the file (they may hold personal data).")))
            default:
                continue
            }
        }

        // Cross-tables of the closed questions by the groups.
        if let by, let byColumn = clean[by] {
            let groupLabel = variables.first { $0.name == by }.map { v in Dictionary(v.values.map { (Double($0.code), $0.label) }, uniquingKeysWith: { a, _ in a }) }
            let groups = Self.groupLabels(byColumn, rows: table.rowCount) { text in Double(text).flatMap { groupLabel?[$0] } ?? text }
            for v in variables where v.name != by && v.kind == .numeric {
                guard let item = q.item(v.item) else { continue }
                switch item.type {
                case .single, .yesNo: break
                default: continue
                }
                // A screening question (its answer can end the interview) describes who took part, not what they think.
                if item.jumps.contains(where: { if case .end = $0.target { return true } else { return false } }) { continue }
                let values = clean[v.name]!.numbers!
                let label = Dictionary(v.values.map { (Double($0.code), $0.label) }, uniquingKeysWith: { a, _ in a })
                let answers = Self.answerLabels(values, name: v.name, labels: label)
                let order = Dictionary(v.values.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
                do {
                    let tab = try CrossTab(design: design, rows: groups, columns: answers, confidence: confidence,
                                           order: { a, b in (order[a] ?? Int.max, a) < (order[b] ?? Int.max, b) })
                    crossTables.append(CrossTable(question: ReportContent.wording(item), groups: tab.rows, answers: tab.columns, percent: tab.rowPercent,
                                                  residuals: tab.residuals, counts: tab.counts.map { $0.reduce(0, +) }, p: tab.raoScott.p, f: tab.raoScott.f))
                } catch {
                    skippedCrossTables.append(v.name)
                }
            }
        }

        // Key drivers: the overall outcome against the attributes of the first satisfaction grid.
        let grid = q.items.first { item in
            if case .grid(let list) = item.type { return ReportContent.isSatisfactionList(q.list(list)) }
            return false
        }
        let chosenOutcome = outcome ?? indicators.first { $0.name == "CSAT" }?.question ?? indicators.first?.question
        var names = driverNames ?? []
        if driverNames == nil, let grid {
            names = zip(grid.rows, variables.filter { $0.item == grid.id }).filter { $0.0.condition == nil }.map { $0.1.name }
            let conditional = grid.rows.filter { $0.condition != nil }.map(\.text)
            if !conditional.isEmpty {
                driversNote = L("No entran los aspectos que solo se preguntan a una parte (\(conditional.joined(separator: ", "))).",
                                "Aspects asked of only some respondents are left out (\(conditional.joined(separator: ", "))).")
            }
            for (row, v) in zip(grid.rows, variables.filter { $0.item == grid.id }) { driverLabels[v.name] = row.text }
        }
        // Aspects that are questions of their own are named by their text, less the words every one of them
        // begins with («¿Qué tan satisfecho está con…»): what sets each apart.
        let asked = names.filter { driverLabels[$0] == nil }
        let texts = Dictionary(uniqueKeysWithValues: asked.compactMap { name in variables.first { $0.name == name }.map { (name, $0.label) } })
        driverLabels.merge(ReportContent.distinctive(texts)) { own, _ in own }
        outcomeText = chosenOutcome.flatMap { name in variables.first { $0.name == name }?.label }
        if let chosenOutcome, names.count >= 2 {
            do {
                drivers = try KeyDrivers(table: clean, outcome: chosenOutcome, drivers: names, design: design)
            } catch {
                driversNote = L("No se pudo calcular: ", "Could not be computed: ") + ((error as? any Diagnostic)?.message(Language.current) ?? "\(error)")
            }
        }
        // Trends over the waves of a stacked file.
        self.wave = wave
        if let wave {
            // NPS and CSAT, then the chosen columns as means, named by their question's words.
            let chosen = trendColumns.map { name in (L("Media de «\(variables.first { $0.name == name }?.label ?? name)»", "Mean of «\(variables.first { $0.name == name }?.label ?? name)»"), name) }
            trends = try ReportTrend.trends(table: clean, design: design, wave: wave, indicators: indicators.map { ($0.name, $0.question) } + chosen,
                                            confidence: confidence)
        }
        // Comments by theme: the first open-text question the file holds, in the whole sample and by group.
        if let codeframe, let comments = q.items.first(where: { item in
            if case .text = item.type { return table[item.id] != nil }
            return false
        }) {
            themes = try ThemeAnalysis(table: clean, path: file, design: design, domains: [all] + groupDomains, variable: comments.id,
                                       codeframe: codeframe, npsVariable: indicators.first { $0.name == "NPS" }?.question, confidence: confidence)
        }
        flaggedCount = flagged
    }

    /// Question texts without the words they all begin with and without «¿…?»: «la amabilidad del
    /// personal» for «¿Qué tan satisfecho está con la amabilidad del personal?». A single text, or texts
    /// with nothing in common, keep their words (only the question marks go).
    static func distinctive(_ texts: [String: String]) -> [String: String] {
        func words(_ text: String) -> [Substring] {
            text.trimmingCharacters(in: CharacterSet(charactersIn: "¿?¡! ")).split(separator: " ")
        }
        let split = texts.mapValues(words)
        var common = 0
        if split.count > 1, let first = split.values.first {
            while common < first.count - 1, split.values.allSatisfy({ $0.count > common + 1 && $0[common] == first[common] }) { common += 1 }
        }
        return split.mapValues { words in
            let text = words.dropFirst(common).joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }
    }

    /// The responses with the questionnaire's special codes (NS, NR) as missing, and answers written as
    /// labels (an export with `--labels`) turned back into codes.
    /// The responses as the report reads them: the questionnaire's NS/NR codes missing, labels as codes.
    /// Whatever else estimates from the same file (the strategy's planned against achieved) reads these.
    public static func answers(_ table: Table, questionnaire q: QuestionnaireFile) -> Table {
        cleaned(table, variables: Variables.of(q).filter { table[$0.name] != nil })
    }

    static func cleaned(_ table: Table, variables: [Variable]) -> Table {
        var columns = table.columns
        for v in variables where v.kind == .numeric || v.kind == .dummy {
            guard let index = columns.firstIndex(where: { $0.name == v.name }) else { continue }
            let column = columns[index]
            let missing = Set(v.missing.map(Double.init))
            // Labels compared without accents or case: «si» is «Sí».
            let code = Dictionary(v.values.map { (String(Suggestion.fold($0.label)), Double($0.code)) }, uniquingKeysWith: { a, _ in a })
            // A yes/no column read as a boolean (si/no) is matched by its labels, not its 0/1.
            let byLabel = column.type == .boolean && !(column.booleanLabels ?? []).allSatisfy { Double($0) != nil }
            let numbers: [Double] = (0..<table.rowCount).map { row in
                if !byLabel, let x = column.numbers?[row] { return missing.contains(x) ? .nan : x }
                guard let text = column.text(at: row) else { return .nan }
                let x = code[String(Suggestion.fold(text))] ?? Double(text) ?? .nan
                return missing.contains(x) ? .nan : x
            }
            columns[index] = Column(name: v.name, type: .decimal, storage: .numeric(numbers))
        }
        return Table(columns: columns, rowCount: table.rowCount)
    }

    /// A five-option list whose first option speaks of dissatisfaction (`Muy insatisfecho`).
    static func isSatisfactionList(_ list: AnswerList?) -> Bool {
        guard let list, list.options.count == 5 else { return false }
        return String(Suggestion.fold(list.options[0].label)).contains("insatisf")
    }

    /// How the report words a question: its self-administered (web) text, which reads without an
    /// interviewer, else its main text; pipes' braces as «».
    static func wording(_ item: Item) -> String {
        (item.text(for: .web) ?? item.mainText).map(plain) ?? item.id
    }

    /// A question's text without pipes' braces.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "«").replacingOccurrences(of: "}", with: "»").replacingOccurrences(of: "\n", with: " ")
    }
}
