import Diagnostics
import Table

/// Sample sizes as a person reads them (the formula with the figures put in) or as scripts read
/// them (DESIGN.md's JSON: n0, n, population, margin, confidence, deff, response_rate, n_final, formula).
extension SizeTarget {
    /// `proporción esperada p = 0,5`, for the printed inputs.
    public var text: String {
        switch self {
        case .proportion(let p): return L("proporción esperada p = \(NumberText.exact(p))", "expected proportion p = \(NumberText.exact(p))")
        case .mean(let s): return L("desviación estándar s = \(NumberText.exact(s))", "standard deviation s = \(NumberText.exact(s))")
        case .netPromoter(let p, let d):
            return L("promotores esperados p = \(NumberText.exact(p)), detractores d = \(NumberText.exact(d))",
                     "expected promoters p = \(NumberText.exact(p)), detractors d = \(NumberText.exact(d))")
        }
    }

    /// What was asked, as JSON members.
    var json: [(String, JSONValue)] {
        switch self {
        case .proportion(let p): return [("target", .string("proportion")), ("proportion", .number(p))]
        case .mean(let s): return [("target", .string("mean")), ("sd", .number(s))]
        case .netPromoter(let p, let d): return [("target", .string("nps")), ("promoters", .number(p)), ("detractors", .number(d))]
        }
    }
}

extension SampleSize {
    public func render(_ format: OutputFormat) -> String {
        let size = self
        if format == .json {
            return JSONValue.object([
                ("n0", .number(size.n0)), ("n", .integer(size.n)),
                ("population", size.population.map { .integer($0) } ?? .null),
                ("margin", .number(size.margin)), ("confidence", .number(size.confidence)),
                ("deff", .number(size.deff)), ("response_rate", .number(size.responseRate)),
                ("n_final", .integer(size.nFinal)), ("formula", .string(size.formula)),
                ("z", .number(size.z)), ("n_exact", .number(size.nExact)), ("census", .bool(size.isCensus)),
            ] + target.json).rendered()
        }
        let z = NumberText.decimal(size.z, places: 4)
        let s2: String, what: String
        switch size.target {
        case .proportion: s2 = "p(1−p)"; what = L("una proporción", "a proportion")
        case .mean: s2 = "s²"; what = L("una media", "a mean")
        case .netPromoter: s2 = "[p + d − (p − d)²]"; what = L("el NPS", "the NPS")
        }
        var lines = [
            L("Tamaño de muestra para estimar \(what)", "Sample size to estimate \(what)"),
            "",
            "  " + size.target.text,
            "  " + L("margen de error e = \(NumberText.exact(size.margin))", "margin of error e = \(NumberText.exact(size.margin))")
                + (size.target.isProportion ? L(" (±\(NumberText.level(size.margin)) puntos)", " (±\(NumberText.level(size.margin)) points)") : ""),
            "  " + L("confianza = \(NumberText.level(size.confidence)) % (z = \(z))", "confidence = \(NumberText.level(size.confidence)) % (z = \(z))"),
            "  " + L("población N = ", "population N = ") + (size.population.map { NumberText.integer($0) } ?? L("infinita", "infinite")),
            "  " + L("efecto de diseño deff = \(NumberText.exact(size.deff)) · tasa de respuesta r = \(NumberText.exact(size.responseRate))",
                     "design effect deff = \(NumberText.exact(size.deff)) · response rate r = \(NumberText.exact(size.responseRate))"),
            "",
            "  n0      = z²·\(s2) / e² = \(NumberText.decimal(size.n0, places: 3))",
        ]
        if size.population != nil {
            lines.append("  n       = n0 / (1 + (n0 − 1)/N) = \(NumberText.decimal(size.nExact, places: 3)) → \(NumberText.integer(size.n))")
        } else {
            lines.append("  n       = ⌈n0⌉ = \(NumberText.integer(size.n))")
        }
        lines.append("  n_final = ⌈n · deff / r⌉ = \(NumberText.integer(size.nFinal))")
        lines.append("")
        lines.append(L("Se necesitan \(NumberText.integer(size.n)) encuestas completas; contacte a \(NumberText.integer(size.nFinal)) personas.",
                       "\(NumberText.integer(size.n)) completed interviews are needed; contact \(NumberText.integer(size.nFinal)) people."))
        if size.isCensus, let population = size.population {
            lines.append(L("Atención: los contactos necesarios superan la población (N = \(NumberText.integer(population))): haga un censo y reporte el margen que se logre.",
                           "Note: the contacts needed exceed the population (N = \(NumberText.integer(population))): take a census and report the margin achieved."))
        }
        return lines.joined(separator: "\n")
    }
}

extension AchievedMargin {
    public func render(_ format: OutputFormat) -> String {
        let achieved = self
        if format == .json {
            return JSONValue.object([
                ("n", .integer(achieved.n)), ("margin", .number(achieved.margin)), ("confidence", .number(achieved.confidence)),
                ("population", achieved.population.map { .integer($0) } ?? .null), ("deff", .number(achieved.deff)),
                ("n0", .number(achieved.n0)), ("z", .number(achieved.z)),
            ]).rendered()
        }
        let points = achieved.target.isProportion
            ? L(" (±\(NumberText.decimal(achieved.margin * 100, places: 2)) puntos)", " (±\(NumberText.decimal(achieved.margin * 100, places: 2)) points)") : ""
        return L("Con \(NumberText.integer(achieved.n)) encuestas completas el margen de error es \(NumberText.decimal(achieved.margin, places: 4))\(points), con \(NumberText.level(achieved.confidence)) % de confianza.",
                "With \(NumberText.integer(achieved.n)) completed interviews the margin of error is \(NumberText.decimal(achieved.margin, places: 4))\(points), at \(NumberText.level(achieved.confidence)) % confidence.")
    }
}

/// One sample size per stratum, each stratum with its own margin (`sample size --per-stratum`).
public struct StratumSizes {
    public let sizes: [(Stratum, SampleSize)]
    public let target: SizeTarget
    public let margin: Double
    public let confidence: Double
    public let deff: Double
    public let responseRate: Double

    public init(sizes: [(Stratum, SampleSize)], target: SizeTarget, margin: Double, confidence: Double, deff: Double, responseRate: Double) {
        self.sizes = sizes
        self.target = target
        self.margin = margin
        self.confidence = confidence
        self.deff = deff
        self.responseRate = responseRate
    }

    public func render(_ format: OutputFormat) -> String {
        let total = sizes.reduce(0) { $0 + $1.1.n }, totalFinal = sizes.reduce(0) { $0 + $1.1.nFinal }
        if format == .json {
            return JSONValue.object([
                ("margin", .number(margin)), ("confidence", .number(confidence)), ("deff", .number(deff)),
                ("response_rate", .number(responseRate)), ("formula", .string(sizes.first?.1.formula ?? "")),
                ("strata", .array(sizes.map { stratum, size in
                    .object([("stratum", .string(stratum.name)), ("N", .integer(stratum.size)), ("n0", .number(size.n0)),
                             ("n", .integer(size.n)), ("n_final", .integer(size.nFinal)), ("census", .bool(size.isCensus))])
                })),
                ("n", .integer(total)), ("n_final", .integer(totalFinal)),
            ]).rendered()
        }
        var table = TextTable(headers: [L("estrato", "stratum"), "N_h", "n0", "n_h", "n_final"],
                              alignments: [.left, .right, .right, .right, .right])
        for (stratum, size) in sizes {
            table.append([stratum.name, NumberText.integer(stratum.size), NumberText.decimal(size.n0, places: 1),
                          NumberText.integer(size.n), NumberText.integer(size.nFinal) + (size.isCensus ? L(" (censo)", " (census)") : "")])
        }
        table.append(["total", NumberText.integer(sizes.reduce(0) { $0 + $1.0.size }), "", NumberText.integer(total), NumberText.integer(totalFinal)])
        return L("Tamaño por estrato: cada estrato con margen ±\(NumberText.exact(margin)) y \(NumberText.level(confidence)) % de confianza, \(target.text)",
                "Size per stratum: each stratum with margin ±\(NumberText.exact(margin)) at \(NumberText.level(confidence)) % confidence, \(target.text)") + "\n\n" + table.rendered()
    }
}
