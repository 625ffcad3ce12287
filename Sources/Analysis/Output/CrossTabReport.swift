import Diagnostics
import Table

/// A cross-tab as a person reads it (percentages with intervals, the tests, the cells that depart
/// from independence) or as scripts read it (DESIGN.md's JSON: rows, cols, counts, weighted, tests).
public struct CrossTabReport: Report {
    public enum Percent: String, Sendable { case row, col, total }
    public enum Test: String, Sendable, CaseIterable { case secondOrder = "second-order", firstOrder = "first-order", wald, adjustedWald = "adj-wald", lincom, saddlepoint }

    let tab: CrossTab
    let rowVariable: String
    let colVariable: String
    let data: AnalysisData
    let confidence: Double
    let method: ProportionMethod
    let percent: Percent
    let test: Test

    public init(tab: CrossTab, rows: String, cols: String, data: AnalysisData, confidence: Double, method: ProportionMethod, percent: Percent, test: Test) {
        self.tab = tab
        self.rowVariable = rows
        self.colVariable = cols
        self.data = data
        self.confidence = confidence
        self.method = method
        self.percent = percent
        self.test = test
    }

    /// One row per cell: its row and column, count, weighted total, the chosen percentage with its
    /// interval, and the adjusted residual.
    public var resultTable: Table {
        let cells = percentages
        var r: [String] = [], c: [String] = [], n: [Int] = [], weighted: [Double] = [], pct: [Double] = [], lower: [Double] = [], upper: [Double] = [], residual: [Double] = []
        for (i, row) in tab.rows.enumerated() {
            for (j, col) in tab.columns.enumerated() {
                r.append(row); c.append(col); n.append(tab.counts[i][j]); weighted.append(tab.weighted[i][j])
                pct.append(cells[i][j].estimate); lower.append(cells[i][j].lower); upper.append(cells[i][j].upper); residual.append(tab.residuals[i][j])
            }
        }
        return Table([Column.texts(rowVariable, r), Column.texts(colVariable, c), Column.integers("n", n), Column.decimals("weighted", weighted),
                      Column.decimals("percent_\(percent.rawValue)", pct), Column.decimals("ci_lower", lower), Column.decimals("ci_upper", upper),
                      Column.decimals("residual", residual)])
    }

    private var percentages: [[CrossTab.Percentage]] {
        switch percent {
        case .row: return tab.rowPercent
        case .col: return tab.columnPercent
        case .total: return tab.totalPercent
        }
    }

    public var json: JSONValue {
        func grid(_ cells: [[CrossTab.Percentage]]) -> JSONValue {
            .array(cells.map { .array($0.map { .object([("estimate", .number($0.estimate)), ("ci", .array([.number($0.lower), .number($0.upper)]))]) }) })
        }
        let rs = tab.raoScott
        let raoScott: JSONValue = test == .firstOrder
            ? .object([("chisq", .number(rs.firstOrderChiSquare)), ("df", .integer(tab.pearson.degreesOfFreedom)), ("p", .number(rs.firstOrderP))])
            : .object([("f", .number(rs.f)), ("df1", .number(rs.df1)), ("df2", .number(rs.df2)), ("p", .number(rs.p))])
        let w = tab.wald
        let wald: JSONValue = test == .adjustedWald
            ? .object([("f", .number(w.adjustedF)), ("df1", .integer(w.df)), ("df2", .integer(w.adjustedDF2)), ("p", .number(w.adjustedP)), ("adjusted", .bool(true))])
            : .object([("f", .number(w.f)), ("df1", .integer(w.df)), ("df2", .integer(w.nu)), ("p", .number(w.p)), ("adjusted", .bool(false))])
        var exact: [(String, JSONValue)] = []
        if test == .lincom { exact = [("lincom", .object([("statistic", .number(rs.pearson)), ("p", .number(rs.lincomP))]))] }
        if test == .saddlepoint { exact = [("saddlepoint", .object([("statistic", .number(rs.pearson)), ("p", .number(rs.saddlepointP))]))] }
        return .object([
            ("rows", .array(tab.rows.map(JSONValue.string))), ("cols", .array(tab.columns.map(JSONValue.string))),
            ("row_variable", .string(rowVariable)), ("col_variable", .string(colVariable)), ("design", .string(data.design.kind.rawValue)),
        ] + data.resolved.varianceMembers + [
            ("confidence", .number(confidence)), ("method", .string(method.rawValue)),
            ("counts", .array(tab.counts.map { .array($0.map { .integer($0) }) })),
            ("weighted", .array(tab.weighted.map { .array($0.map { .number($0) }) })),
            ("percentages", .object([("row", grid(tab.rowPercent)), ("col", grid(tab.columnPercent)), ("total", grid(tab.totalPercent))])),
            ("residuals", .array(tab.residuals.map { .array($0.map { .number($0) }) })),
            ("tests", .object([
                ("pearson", .object([("statistic", .number(tab.pearson.statistic)), ("df", .integer(tab.pearson.degreesOfFreedom)),
                                     ("p", .number(tab.pearson.p))])),
                ("rao_scott", raoScott), ("wald", wald),
            ] + exact)),
        ])
    }

    public func text(markdown: Bool) -> String {
        let cells = percentages
        let pct = { (x: Double) in NumberText.decimal(x * 100, places: 1) }
        var table = TextTable(headers: ["\(rowVariable) \\ \(colVariable)"] + tab.columns + ["n"],
                              alignments: [.left] + tab.columns.map { _ in .right } + [.right])
        for (i, name) in tab.rows.enumerated() {
            table.append([name] + cells[i].map { "\(pct($0.estimate)) % [\(pct($0.lower))–\(pct($0.upper))]" }
                         + [NumberText.integer(tab.counts[i].reduce(0, +))])
        }
        let kind: String
        switch percent {
        case .row: kind = L("por fila", "by row")
        case .col: kind = L("por columna", "by column")
        case .total: kind = L("del total", "of the total")
        }
        let level = NumberText.level(confidence)
        var lines = [
            L("Tabla cruzada de «\(rowVariable)» (filas) por «\(colVariable)» (columnas): porcentajes \(kind), IC \(level) % (\(method.rawValue))",
              "Cross-tab of «\(rowVariable)» (rows) by «\(colVariable)» (columns): percentages \(kind), \(level) % CI (\(method.rawValue))"),
            L("Diseño: ", "Design: ") + data.resolved.description(data.design.kind),
            "",
            markdown ? table.markdown() : table.rendered(),
            "",
        ]
        let rs = tab.raoScott, w = tab.wald
        switch test {
        case .wald:
            lines.append(L("Prueba de Wald de independencia según el diseño: F = \(NumberText.decimal(w.f, places: 3)) con \(w.df) y \(w.nu) gl, p = \(NumberText.pValue(w.p)).",
                           "Design-based Wald test of independence: F = \(NumberText.decimal(w.f, places: 3)) on \(w.df) and \(w.nu) df, p = \(NumberText.pValue(w.p))."))
        case .adjustedWald:
            lines.append(L("Prueba de Wald ajustada de independencia: F = \(NumberText.decimal(w.adjustedF, places: 3)) con \(w.df) y \(w.adjustedDF2) gl, p = \(NumberText.pValue(w.adjustedP)).",
                           "Adjusted Wald test of independence: F = \(NumberText.decimal(w.adjustedF, places: 3)) on \(w.df) and \(w.adjustedDF2) df, p = \(NumberText.pValue(w.adjustedP))."))
        case .lincom:
            lines.append(L("X² de Pearson = \(NumberText.decimal(rs.pearson, places: 3)) frente a su distribución exacta según el diseño (suma ponderada de chi-cuadrados): p = \(NumberText.pValue(rs.lincomP)).",
                           "Pearson's X² = \(NumberText.decimal(rs.pearson, places: 3)) against its exact design-based distribution (weighted sum of chi-squares): p = \(NumberText.pValue(rs.lincomP))."))
        case .saddlepoint:
            lines.append(L("X² de Pearson = \(NumberText.decimal(rs.pearson, places: 3)) con la aproximación de punto de silla a su distribución según el diseño: p = \(NumberText.pValue(rs.saddlepointP)).",
                           "Pearson's X² = \(NumberText.decimal(rs.pearson, places: 3)) with the saddlepoint approximation to its design-based distribution: p = \(NumberText.pValue(rs.saddlepointP))."))
        case .secondOrder, .firstOrder: break
        }
        if test == .secondOrder {
            lines.append(L("Prueba de independencia de Rao–Scott (segundo orden): F = \(NumberText.decimal(rs.f, places: 3)) con \(NumberText.decimal(rs.df1, places: 2)) y \(NumberText.decimal(rs.df2, places: 1)) gl, p = \(NumberText.pValue(rs.p)).",
                           "Rao–Scott test of independence (second order): F = \(NumberText.decimal(rs.f, places: 3)) on \(NumberText.decimal(rs.df1, places: 2)) and \(NumberText.decimal(rs.df2, places: 1)) df, p = \(NumberText.pValue(rs.p))."))
        } else if test == .firstOrder {
            lines.append(L("Prueba de independencia de Rao–Scott (primer orden): χ² = \(NumberText.decimal(rs.firstOrderChiSquare, places: 3)) con \(tab.pearson.degreesOfFreedom) gl, p = \(NumberText.pValue(rs.firstOrderP)).",
                           "Rao–Scott test of independence (first order): χ² = \(NumberText.decimal(rs.firstOrderChiSquare, places: 3)) on \(tab.pearson.degreesOfFreedom) df, p = \(NumberText.pValue(rs.firstOrderP))."))
        }
        lines.append(L("Pearson sin corregir por el diseño: X² = \(NumberText.decimal(tab.pearson.statistic, places: 3)) con \(tab.pearson.degreesOfFreedom) gl, p = \(NumberText.pValue(tab.pearson.p)).",
                       "Pearson without design correction: X² = \(NumberText.decimal(tab.pearson.statistic, places: 3)) on \(tab.pearson.degreesOfFreedom) df, p = \(NumberText.pValue(tab.pearson.p))."))
        let p: Double
        switch test {
        case .secondOrder: p = rs.p
        case .firstOrder: p = rs.firstOrderP
        case .wald: p = w.p
        case .adjustedWald: p = w.adjustedP
        case .lincom: p = rs.lincomP
        case .saddlepoint: p = rs.saddlepointP
        }
        lines.append(p < 1 - confidence
            ? L("Hay asociación entre «\(rowVariable)» y «\(colVariable)».", "«\(rowVariable)» and «\(colVariable)» are associated.")
            : L("No hay evidencia de asociación entre «\(rowVariable)» y «\(colVariable)».", "There is no evidence of association between «\(rowVariable)» and «\(colVariable)»."))
        var notable: [String] = []
        for (i, name) in tab.rows.enumerated() {
            for (j, column) in tab.columns.enumerated() where abs(tab.residuals[i][j]) > 2 {
                notable.append("\(name) × \(column) (\(NumberText.decimal(tab.residuals[i][j], places: 2)))")
            }
        }
        if !notable.isEmpty {
            lines.append(L("Celdas que más se apartan de la independencia (residuo ajustado > 2 en valor absoluto): ",
                           "Cells furthest from independence (adjusted residual beyond ±2): ") + notable.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }
}
