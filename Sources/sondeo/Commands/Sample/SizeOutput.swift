import Diagnostics
import ArgumentParser
import Sampling
import Table

/// How `SizeCommand` writes its result.
extension SizeCommand {
    func inputs(_ size: SampleSize) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        switch size.target {
        case .proportion(let p): members += [("target", .string("proportion")), ("proportion", .number(p))]
        case .mean(let s): members += [("target", .string("mean")), ("sd", .number(s))]
        case .netPromoter(let p, let d): members += [("target", .string("nps")), ("promoters", .number(p)), ("detractors", .number(d))]
        }
        return members
    }

    func printSize(_ size: SampleSize) {
        if format == .json {
            print(JSONValue.object([
                ("n0", .number(size.n0)), ("n", .integer(size.n)),
                ("population", size.population.map { .integer($0) } ?? .null),
                ("margin", .number(size.margin)), ("confidence", .number(size.confidence)),
                ("deff", .number(size.deff)), ("response_rate", .number(size.responseRate)),
                ("n_final", .integer(size.nFinal)), ("formula", .string(size.formula)),
                ("z", .number(size.z)), ("n_exact", .number(size.nExact)), ("census", .bool(size.isCensus)),
            ] + inputs(size)).rendered())
            return
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
            "  " + precision.text(of: size.target),
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
        print(lines.joined(separator: "\n"))
    }

    func printAchieved(_ achieved: AchievedMargin) {
        if format == .json {
            print(JSONValue.object([
                ("n", .integer(achieved.n)), ("margin", .number(achieved.margin)), ("confidence", .number(achieved.confidence)),
                ("population", achieved.population.map { .integer($0) } ?? .null), ("deff", .number(achieved.deff)),
                ("n0", .number(achieved.n0)), ("z", .number(achieved.z)),
            ]).rendered())
            return
        }
        let points = achieved.target.isProportion
            ? L(" (±\(NumberText.decimal(achieved.margin * 100, places: 2)) puntos)", " (±\(NumberText.decimal(achieved.margin * 100, places: 2)) points)") : ""
        print(L("Con \(NumberText.integer(achieved.n)) encuestas completas el margen de error es \(NumberText.decimal(achieved.margin, places: 4))\(points), con \(NumberText.level(achieved.confidence)) % de confianza.",
                "With \(NumberText.integer(achieved.n)) completed interviews the margin of error is \(NumberText.decimal(achieved.margin, places: 4))\(points), at \(NumberText.level(achieved.confidence)) % confidence."))
    }

    func printPerStratum(_ sizes: [(Stratum, SampleSize)], target: SizeTarget, margin: Double) {
        let total = sizes.reduce(0) { $0 + $1.1.n }, totalFinal = sizes.reduce(0) { $0 + $1.1.nFinal }
        if format == .json {
            print(JSONValue.object([
                ("margin", .number(margin)), ("confidence", .number(precision.confidence)), ("deff", .number(deff)),
                ("response_rate", .number(responseRate)), ("formula", .string(sizes.first?.1.formula ?? "")),
                ("strata", .array(sizes.map { stratum, size in
                    .object([("stratum", .string(stratum.name)), ("N", .integer(stratum.size)), ("n0", .number(size.n0)),
                             ("n", .integer(size.n)), ("n_final", .integer(size.nFinal)), ("census", .bool(size.isCensus))])
                })),
                ("n", .integer(total)), ("n_final", .integer(totalFinal)),
            ]).rendered())
            return
        }
        var table = TextTable(headers: [L("estrato", "stratum"), "N_h", "n0", "n_h", "n_final"],
                              alignments: [.left, .right, .right, .right, .right])
        for (stratum, size) in sizes {
            table.append([stratum.name, NumberText.integer(stratum.size), NumberText.decimal(size.n0, places: 1),
                          NumberText.integer(size.n), NumberText.integer(size.nFinal) + (size.isCensus ? L(" (censo)", " (census)") : "")])
        }
        table.append(["total", NumberText.integer(sizes.reduce(0) { $0 + $1.0.size }), "", NumberText.integer(total), NumberText.integer(totalFinal)])
        print(L("Tamaño por estrato: cada estrato con margen ±\(NumberText.exact(margin)) y \(NumberText.level(precision.confidence)) % de confianza, \(precision.text(of: target))",
                "Size per stratum: each stratum with margin ±\(NumberText.exact(margin)) at \(NumberText.level(precision.confidence)) % confidence, \(precision.text(of: target))"))
        print("")
        print(table.rendered())
    }
}
