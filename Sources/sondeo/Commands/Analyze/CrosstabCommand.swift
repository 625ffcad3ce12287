import Diagnostics
import Analysis
import ArgumentParser
import Foundation
import Table

/// `sondeo analyze crosstab FILE --rows COL --cols COL`.
struct CrosstabCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "crosstab",
            abstract: L("Tabla cruzada con porcentajes e intervalos, prueba de Pearson y la corrección de Rao–Scott por el diseño.",
                        "Cross-tab with percentages and intervals, Pearson's test and the Rao–Scott design correction."),
            discussion: HelpText.discussion([
                L("La prueba de independencia por defecto es la de Rao–Scott de segundo orden (F, como svychisq de R); --test first-order da la de primer orden (chi-cuadrado). Los residuos ajustados mayores que 2 en valor absoluto señalan las celdas que explican la diferencia.",
                  "The default independence test is the second-order Rao–Scott F (as R's svychisq); --test first-order gives the first-order chi-square. Adjusted residuals beyond ±2 point at the cells that explain the difference."),
            ], examples: [
                "sondeo analyze crosstab respuestas.csv --rows canal --cols recomendaria --strata categoria",
                "sondeo analyze crosstab respuestas.csv --rows canal --cols servicio --percent col --format json",
            ])
        )
    }

    enum Percent: String, ExpressibleByArgument { case row, col, total }
    enum Test: String, ExpressibleByArgument { case secondOrder = "second-order", firstOrder = "first-order" }

    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Columna de las filas.", "Row column."), valueName: L("columna", "column")))
    var rows: String
    @Option(help: ArgumentHelp(L("Columna de las columnas.", "Column column."), valueName: L("columna", "column")))
    var cols: String
    @Option(help: ArgumentHelp(L("Porcentajes por fila (row), columna (col) o del total (total).", "Percentages by row, col or of the total."),
                               valueName: L("tipo", "kind")))
    var percent: Percent = .row
    @Option(help: ArgumentHelp(L("Prueba de Rao–Scott: second-order o first-order.", "Rao–Scott test: second-order or first-order."),
                               valueName: L("prueba", "test")))
    var test: Test = .secondOrder
    @Option(help: ArgumentHelp(L("Método de los intervalos de los porcentajes.", "Method of the percentage intervals."), valueName: L("método", "method")))
    var method: ProportionMethod = .logit
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: ArgumentHelp(L("Formato de salida: table, json o markdown.", "Output format: table, json or markdown."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json, .markdown])
        guard design.by == nil else { throw ValidationError(L("crosstab no usa --by: las filas y columnas ya son los grupos", "crosstab takes no --by: rows and columns are the groups")) }
    }

    func run() throws {
        let data = try AnalysisInput(path: file, variables: [rows, cols], options: design, reading: reading)
        let rowColumn = try data.table.column(rows, source: file), colColumn = try data.table.column(cols, source: file)
        let tab = try CrossTab(design: data.design, rowLabels: (0..<data.table.rowCount).map { rowColumn.text(at: $0) },
                               columnLabels: (0..<data.table.rowCount).map { colColumn.text(at: $0) }, rowName: rows, columnName: cols,
                               method: method, confidence: design.confidence, order: LevelOrder.less)
        switch format {
        case .json: print(json(tab, data).rendered())
        default: print(text(tab, data, markdown: format == .markdown))
        }
    }

    private func percentages(_ tab: CrossTab) -> [[CrossTab.Percentage]] {
        switch percent {
        case .row: return tab.rowPercent
        case .col: return tab.columnPercent
        case .total: return tab.totalPercent
        }
    }

    private func json(_ tab: CrossTab, _ data: AnalysisInput) -> JSONValue {
        func grid(_ cells: [[CrossTab.Percentage]]) -> JSONValue {
            .array(cells.map { .array($0.map { .object([("estimate", .number($0.estimate)), ("ci", .array([.number($0.lower), .number($0.upper)]))]) }) })
        }
        let rs = tab.raoScott
        let raoScott: JSONValue = test == .secondOrder
            ? .object([("f", .number(rs.f)), ("df1", .number(rs.df1)), ("df2", .number(rs.df2)), ("p", .number(rs.p))])
            : .object([("chisq", .number(rs.firstOrderChiSquare)), ("df", .integer(tab.pearson.degreesOfFreedom)), ("p", .number(rs.firstOrderP))])
        return .object([
            ("rows", .array(tab.rows.map(JSONValue.string))), ("cols", .array(tab.columns.map(JSONValue.string))),
            ("row_variable", .string(rows)), ("col_variable", .string(cols)), ("design", .string(data.design.kind.rawValue)),
            ("confidence", .number(design.confidence)), ("method", .string(method.rawValue)),
            ("counts", .array(tab.counts.map { .array($0.map { .integer($0) }) })),
            ("weighted", .array(tab.weighted.map { .array($0.map { .number($0) }) })),
            ("percentages", .object([("row", grid(tab.rowPercent)), ("col", grid(tab.columnPercent)), ("total", grid(tab.totalPercent))])),
            ("residuals", .array(tab.residuals.map { .array($0.map { .number($0) }) })),
            ("tests", .object([
                ("pearson", .object([("statistic", .number(tab.pearson.statistic)), ("df", .integer(tab.pearson.degreesOfFreedom)),
                                     ("p", .number(tab.pearson.p))])),
                ("rao_scott", raoScott),
            ])),
        ])
    }

    private func text(_ tab: CrossTab, _ data: AnalysisInput, markdown: Bool) -> String {
        let cells = percentages(tab)
        let pct = { (x: Double) in NumberText.decimal(x * 100, places: 1) }
        var table = TextTable(headers: ["\(rows) \\ \(cols)"] + tab.columns + ["n"],
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
        let level = NumberText.level(design.confidence)
        var lines = [
            L("Tabla cruzada de «\(rows)» (filas) por «\(cols)» (columnas): porcentajes \(kind), IC \(level) % (\(method.rawValue))",
              "Cross-tab of «\(rows)» (rows) by «\(cols)» (columns): percentages \(kind), \(level) % CI (\(method.rawValue))"),
            L("Diseño: ", "Design: ") + data.resolved.description(data.design.kind),
            "",
            markdown ? table.markdown() : table.rendered(),
            "",
        ]
        let rs = tab.raoScott
        if test == .secondOrder {
            lines.append(L("Prueba de independencia de Rao–Scott (segundo orden): F = \(NumberText.decimal(rs.f, places: 3)) con \(NumberText.decimal(rs.df1, places: 2)) y \(NumberText.decimal(rs.df2, places: 1)) gl, p = \(NumberText.pValue(rs.p)).",
                           "Rao–Scott test of independence (second order): F = \(NumberText.decimal(rs.f, places: 3)) on \(NumberText.decimal(rs.df1, places: 2)) and \(NumberText.decimal(rs.df2, places: 1)) df, p = \(NumberText.pValue(rs.p))."))
        } else {
            lines.append(L("Prueba de independencia de Rao–Scott (primer orden): χ² = \(NumberText.decimal(rs.firstOrderChiSquare, places: 3)) con \(tab.pearson.degreesOfFreedom) gl, p = \(NumberText.pValue(rs.firstOrderP)).",
                           "Rao–Scott test of independence (first order): χ² = \(NumberText.decimal(rs.firstOrderChiSquare, places: 3)) on \(tab.pearson.degreesOfFreedom) df, p = \(NumberText.pValue(rs.firstOrderP))."))
        }
        lines.append(L("Pearson sin corregir por el diseño: X² = \(NumberText.decimal(tab.pearson.statistic, places: 3)) con \(tab.pearson.degreesOfFreedom) gl, p = \(NumberText.pValue(tab.pearson.p)).",
                       "Pearson without design correction: X² = \(NumberText.decimal(tab.pearson.statistic, places: 3)) on \(tab.pearson.degreesOfFreedom) df, p = \(NumberText.pValue(tab.pearson.p))."))
        let p = test == .secondOrder ? rs.p : rs.firstOrderP
        lines.append(p < 1 - design.confidence
            ? L("Hay asociación entre «\(rows)» y «\(cols)».", "«\(rows)» and «\(cols)» are associated.")
            : L("No hay evidencia de asociación entre «\(rows)» y «\(cols)».", "There is no evidence of association between «\(rows)» and «\(cols)»."))
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
