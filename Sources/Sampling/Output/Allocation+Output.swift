import Diagnostics
import Table

extension AllocationMethod {
    /// The method as the report names it.
    public var name: String {
        switch self {
        case .proportional: return L("proporcional", "proportional")
        case .neyman: return "Neyman"
        case .optimal: return L("óptima (con costos)", "optimal (with costs)")
        case .equal: return L("igual", "equal")
        }
    }
}

/// An allocation as `sample allocate` shows it: a table with the expected margin, the allocation
/// document of DESIGN.md (which `sample draw --allocation` reads back), or its table (CSV, a workbook).
public struct AllocationReport: Report {
    let allocation: Allocation
    let strata: [Stratum]
    let expectedMargin: Double
    let confidence: Double
    let proportion: Double
    let minimum: Int

    public init(_ allocation: Allocation, strata: [Stratum], expectedMargin: Double, confidence: Double, proportion: Double, minimum: Int) {
        self.allocation = allocation
        self.strata = strata
        self.expectedMargin = expectedMargin
        self.confidence = confidence
        self.proportion = proportion
        self.minimum = minimum
    }

    public var json: JSONValue { allocation.json(strata: strata, expectedMargin: expectedMargin, confidence: confidence, minimum: minimum) }

    public var resultTable: Table { Table(allocation.columns) }

    public func text(markdown: Bool) -> String {
        let result = allocation, expected = expectedMargin
        let assumption = strata.allSatisfy { $0.standardDeviation != nil }
            ? L("con las desviaciones estándar dadas", "with the standard deviations given")
            : L("para una proporción p = \(NumberText.exact(proportion))", "for a proportion p = \(NumberText.exact(proportion))")
        var text = TextTable(headers: [L("estrato", "stratum"), "N_h", "n_h", L("n exacto", "exact n"), "n_h/N_h", L("peso N_h/n_h", "weight N_h/n_h")],
                             alignments: [.left, .right, .right, .right, .right, .right])
        for share in result.strata {
            text.append([share.stratum, NumberText.integer(share.population), NumberText.integer(share.size),
                         NumberText.decimal(share.exact, places: 2),
                         NumberText.decimal(Double(share.size) / Double(share.population) * 100, places: 2) + " %",
                         share.size > 0 ? NumberText.decimal(Double(share.population) / Double(share.size), places: 3) : "—"])
        }
        text.append(["total", NumberText.integer(result.strata.reduce(0) { $0 + $1.population }), NumberText.integer(result.total), "", "", ""])
        return [L("Asignación \(result.method.name) de \(NumberText.integer(result.total)) encuestas en \(result.strata.count) estratos (mínimo \(minimum) por estrato)",
                "\(result.method.name) allocation of \(NumberText.integer(result.total)) interviews over \(result.strata.count) strata (minimum \(minimum) per stratum)"), "",
                markdown ? text.markdown() : text.rendered(), "",
                L("Margen de error esperado: ±\(NumberText.decimal(expected, places: 4)) con \(NumberText.level(confidence)) % de confianza, \(assumption).",
                  "Expected margin of error: ±\(NumberText.decimal(expected, places: 4)) at \(NumberText.level(confidence)) % confidence, \(assumption).")].joined(separator: "\n")
    }
}

extension Allocation {
    func json(strata: [Stratum], expectedMargin: Double, confidence: Double, minimum: Int) -> JSONValue {
        let allocation = self
        return .object([
            ("total", .integer(allocation.total)),
            ("method", .string(allocation.method.rawValue)),
            ("strata", .array(zip(allocation.strata, strata).map { share, stratum in
                .object([("stratum", .string(share.stratum)), ("N", .integer(share.population)), ("n", .integer(share.size)),
                         ("n_exact", .number(share.exact)), ("sd", .finite(stratum.standardDeviation)),
                         ("cost", .finite(stratum.cost))])
            })),
            ("min_per_stratum", .integer(minimum)),
            ("expected_margin", .number(expectedMargin)),
            ("confidence", .number(confidence)),
        ])
    }

    /// The allocation as table columns (for `--format csv`).
    public var columns: [Column] {
        let shares = strata
        return [Column.texts("estrato", shares.map(\.stratum)), Column.integers("N", shares.map(\.population)),
                Column.integers("n", shares.map(\.size)), Column.decimals("n_exacto", shares.map(\.exact))]
    }
}
