import ArgumentParser
import Diagnostics
import Table

/// `--where`: the filter expression shared by the commands that read rows.
struct RowFilter: ParsableArguments {
    @Option(name: .customLong("where"),
            help: ArgumentHelp(L("Filtro de filas, p. ej. 'categoria == \"A\" and edad < 35', 'municipio in [\"Manizales\", \"Villamaría\"]' o 'id_afiliado in archivo \"ids.txt\"' (un valor por línea).",
                                 "Row filter, e.g. 'categoria == \"A\" and edad < 35', 'municipio in [\"Manizales\", \"Villamaría\"]' or 'id_afiliado in file \"ids.txt\"' (one value per line)."),
                               valueName: L("expresión", "expression")))
    var expression: String?

    /// The columns the filter reads (none without a filter; all of them when it does not parse, so
    /// that the error is reported where the filter is applied).
    func columnNames() -> Set<String>? {
        guard let expression else { return [] }
        return (try? ExpressionParser.parse(expression))?.columnNames
    }

    /// The rows of `table` the filter keeps (all when there is no filter); warnings go to stderr.
    func apply(to table: Table) throws -> Table {
        guard let expression else { return table }
        let result = try ExpressionEvaluator.filter(expression, on: table)
        for warning in result.warnings {
            Terminal.error(DiagnosticRenderer.render(warning, language: Localization.language, severity: .warning))
        }
        return table.filtered(result.mask)
    }
}
