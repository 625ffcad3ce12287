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

    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Columna de las filas.", "Row column."), valueName: L("columna", "column")))
    var rows: String
    @Option(help: ArgumentHelp(L("Columna de las columnas.", "Column column."), valueName: L("columna", "column")))
    var cols: String
    @Option(help: ArgumentHelp(L("Porcentajes por fila (row), columna (col) o del total (total).", "Percentages by row, col or of the total."),
                               valueName: L("tipo", "kind")))
    var percent: CrossTabReport.Percent = .row
    @Option(help: ArgumentHelp(L("Prueba de independencia: second-order o first-order (Rao–Scott), wald o adj-wald (Wald según el diseño), lincom o saddlepoint (la distribución exacta de X², o su punto de silla), como svychisq de R.",
                                 "Independence test: second-order or first-order (Rao–Scott), wald or adj-wald (design-based Wald), lincom or saddlepoint (X²'s exact distribution, or its saddlepoint), as R's svychisq."),
                               valueName: L("prueba", "test")))
    var test: CrossTabReport.Test = .secondOrder
    @Option(help: ArgumentHelp(L("Método de los intervalos de los porcentajes.", "Method of the percentage intervals."), valueName: L("método", "method")))
    var method: ProportionMethod = .logit
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var output: ResultOutput
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try output.require([.table, .json, .markdown, .csv])
        guard design.by == nil else { throw ValidationError(L("crosstab no usa --by: las filas y columnas ya son los grupos", "crosstab takes no --by: rows and columns are the groups")) }
    }

    func run() throws {
        let data = try AnalysisInput.read(path: file, variables: [rows, cols], options: design, reading: reading)
        let rowColumn = try data.table.column(rows, source: file), colColumn = try data.table.column(cols, source: file)
        let tab = try Terminal.working(L("Calculando la tabla cruzada", "Computing the cross-table")) {
            try CrossTab(design: data.design, rows: rowColumn, columns: colColumn, method: method, confidence: design.confidence, order: LevelOrder.less)
        }
        try output.emit(CrossTabReport(tab: tab, rows: rows, cols: cols, data: data, confidence: design.confidence, method: method, percent: percent, test: test))
    }
}

extension CrossTabReport.Percent: ExpressibleByArgument {}
extension CrossTabReport.Test: ExpressibleByArgument {}
