import Diagnostics
import Foundation
import Table

/// Estimates as a person reads them (a table with the design written above it) or as scripts read
/// them (DESIGN.md's JSON: statistic, variable, confidence, design, estimates[{group, estimate, se,
/// ci, n, deff}]).
public struct EstimateReport: Report {
    /// How the numbers of a statistic are shown in the terminal.
    public enum Scale: Sendable {
        /// Shares in [0, 1], shown as percentages.
        case share
        /// Plain numbers with this many decimals.
        case number(places: Int)
    }

    public var statistic: String
    public var title: String
    public var variable: String
    public var confidence: Double
    public var design: DesignColumns
    public var designKind: SurveyDesign.Kind
    public var estimates: [Estimate]
    public var scale: Scale
    public var excluded: Int = 0
    public var extra: [(key: String, values: [JSONValue])] = []
    public var extraColumns: [(header: String, values: [String])] = []
    public var topLevel: [(String, JSONValue)] = []
    public var comparison: (a: String, b: String, difference: Difference)?
    public var contrast: Contrast?
    public var notes: [String] = []
    /// How the variable is named in the text title when it differs from the column (`recomendaria = si`).
    public var displayName: String?

    public init(statistic: String, title: String, variable: String, confidence: Double, design: DesignColumns, designKind: SurveyDesign.Kind,
                estimates: [Estimate], scale: Scale) {
        self.statistic = statistic
        self.title = title
        self.variable = variable
        self.confidence = confidence
        self.design = design
        self.designKind = designKind
        self.estimates = estimates
        self.scale = scale
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("statistic", .string(statistic)), ("variable", .string(variable)), ("confidence", .number(confidence)),
            ("design", .string(designKind.rawValue)),
        ] + design.varianceMembers
        members += topLevel
        members.append(("estimates", .array(estimates.enumerated().map { index, e in
            var item: [(String, JSONValue)] = [
                ("group", .object(e.group.map { ($0.column, .string($0.value)) })),
                ("estimate", .number(e.estimate)), ("se", .number(e.standardError)),
                ("ci", .array([.number(e.lower), .number(e.upper)])), ("n", .integer(e.n)),
                ("deff", .finite(e.deff)), ("df", .integer(e.degreesOfFreedom)),
            ]
            for field in extra { item.append((field.key, field.values[index])) }
            return .object(item)
        })))
        members.append(("excluded", .integer(excluded)))
        if let comparison {
            let d = comparison.difference
            members.append(("comparison", .object([
                ("groups", .array([.string(comparison.a), .string(comparison.b)])), ("difference", .number(d.estimate)),
                ("se", .number(d.standardError)), ("ci", .array([.number(d.lower), .number(d.upper)])),
                ("t", .number(d.statistic)), ("df", d.degreesOfFreedom.isFinite ? .number(d.degreesOfFreedom) : .null),
                ("p", .number(d.p)),
            ])))
        }
        if let contrast {
            members.append(("contrast", .object([
                ("expression", .string(contrast.expression)), ("estimate", .number(contrast.estimate)), ("se", .number(contrast.standardError)),
                ("ci", .array([.number(contrast.lower), .number(contrast.upper)])), ("z", .number(contrast.statistic)), ("p", .number(contrast.p)),
            ])))
        }
        return .object(members)
    }

    /// This report with the contrast `expression` of its estimates, each named by its group's values
    /// (joined by « × » when --by has several columns).
    public func contrasting(_ expression: String?, design: SurveyDesign) throws -> EstimateReport {
        guard let expression else { return self }
        guard !estimates.isEmpty, estimates.allSatisfy({ !$0.group.isEmpty }) else { throw AnalysisError.contrastNeedsGroups }
        let named = estimates.map { (name: $0.group.map(\.value).joined(separator: " × "), estimate: $0) }
        guard Set(named.map(\.name)).count == named.count else { throw AnalysisError.contrastNeedsGroups }
        var report = self
        report.contrast = try Contrast(try ContrastExpression(parsing: expression), named: named, design: design, confidence: confidence)
        return report
    }

    private var groupColumns: [String] { estimates.first?.group.map(\.column) ?? [] }

    public var resultTable: Table {
        var columns = groupColumns.enumerated().map { i, name in Column.texts(name, estimates.map { $0.group[i].value }) }
        columns += [
            Column.decimals("estimate", estimates.map(\.estimate)), Column.decimals("se", estimates.map(\.standardError)),
            Column.decimals("ci_lower", estimates.map(\.lower)), Column.decimals("ci_upper", estimates.map(\.upper)),
            Column.integers("n", estimates.map(\.n)), Column.decimals("deff", estimates.map { $0.deff ?? .nan }),
        ]
        for field in extra {
            columns.append(Column.decimals(field.key, field.values.map { if case .number(let x) = $0 { return x } else { return .nan } }))
        }
        return Table(columns)
    }

    /// A share as a percentage with one decimal.
    public func percent(_ value: Double) -> String { NumberText.decimal(value * 100, places: 1) + " %" }

    func show(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        switch scale {
        case .share: return NumberText.decimal(value * 100, places: 1) + " %"
        case .number(let places): return NumberText.decimal(value, places: places)
        }
    }

    public func text(markdown: Bool) -> String {
        let level = NumberText.level(confidence)
        var table = TextTable(
            headers: groupColumns + [title, L("error est.", "std. error"), L("IC \(level) %", "\(level) % CI"), "n", "deff"] + extraColumns.map(\.header),
            alignments: groupColumns.map { _ in .left } + [.right, .right, .left, .right, .right] + extraColumns.map { _ in .right })
        for (index, e) in estimates.enumerated() {
            table.append(e.group.map(\.value) + [show(e.estimate), showSE(e.standardError), "[\(show(e.lower)); \(show(e.upper))]",
                                                  NumberText.integer(e.n), e.deff.map { NumberText.decimal($0, places: 2) } ?? "—"]
                         + extraColumns.map { $0.values[index] })
        }
        var lines = [
            L("\(title) de «\(displayName ?? variable)»", "\(title) of «\(displayName ?? variable)»"),
            L("Diseño: ", "Design: ") + design.description(designKind),
            "",
            markdown ? table.markdown() : table.rendered(),
        ]
        if excluded > 0 {
            lines.append("")
            lines.append(L("\(excluded == 1 ? "Se excluyó" : "Se excluyeron") \(NumberText.count(excluded, "fila", "filas")) sin valor válido en «\(variable)» (vacías, NA, códigos de --missing o faltantes que declara el archivo).",
                           "\(NumberText.count(excluded, "row", "rows")) without a valid value of «\(variable)» left out (empty, NA, --missing codes or missing values the file declares)."))
        }
        if let comparison {
            let d = comparison.difference
            lines.append("")
            lines.append(L("Diferencia «\(comparison.a)» − «\(comparison.b)»: \(showSigned(d.estimate)), error est. \(showSE(d.standardError)), IC \(level) % [\(show(d.lower)); \(show(d.upper))], p = \(NumberText.pValue(d.p)).",
                           "Difference «\(comparison.a)» − «\(comparison.b)»: \(showSigned(d.estimate)), std. error \(showSE(d.standardError)), \(level) % CI [\(show(d.lower)); \(show(d.upper))], p = \(NumberText.pValue(d.p))."))
            lines.append(d.p < 1 - confidence
                ? L("La diferencia es estadísticamente significativa al \(NumberText.level(1 - confidence)) %.", "The difference is statistically significant at \(NumberText.level(1 - confidence)) %.")
                : L("La diferencia no es estadísticamente significativa al \(NumberText.level(1 - confidence)) %.", "The difference is not statistically significant at \(NumberText.level(1 - confidence)) %."))
        }
        if let contrast {
            lines.append("")
            lines.append(L("Contraste \(contrast.expression) = \(showContrast(contrast.estimate)), error est. \(showContrast(contrast.standardError)), IC \(level) % [\(showContrast(contrast.lower)); \(showContrast(contrast.upper))] (método delta), p = \(NumberText.pValue(contrast.p)) frente a 0.",
                           "Contrast \(contrast.expression) = \(showContrast(contrast.estimate)), std. error \(showContrast(contrast.standardError)), \(level) % CI [\(showContrast(contrast.lower)); \(showContrast(contrast.upper))] (delta method), p = \(NumberText.pValue(contrast.p)) against 0."))
        }
        if !notes.isEmpty { lines += [""] + notes }
        return lines.joined(separator: "\n")
    }

    /// A contrast's figures: a ratio of shares is not a share, so only sums and differences would be
    /// percentages; shown as plain numbers with four significant decimals.
    private func showContrast(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return NumberText.decimal(value, places: scaleIsShare ? 4 : 3)
    }

    private func showSE(_ value: Double) -> String {
        switch scale {
        case .share: return NumberText.decimal(value * 100, places: 2) + " pp"
        case .number(let places): return NumberText.decimal(value, places: places + 1)
        }
    }

    private func showSigned(_ value: Double) -> String {
        (value > 0 ? "+" : "") + (scaleIsShare ? NumberText.decimal(value * 100, places: 1) + " pp" : show(value))
    }

    private var scaleIsShare: Bool {
        if case .share = scale { return true }
        return false
    }
}
