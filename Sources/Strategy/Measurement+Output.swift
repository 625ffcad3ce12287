import Pages
import Diagnostics
import Table

/// `strategy plan` and `strategy review` as the profesional reads them (text or Markdown) and as
/// scripts read them (JSON).
extension MeasurementPlan {
    public func render(_ format: OutputFormat) -> String {
        if format == .json {
            return JSONValue.object([
                ("measurement", .string(title)), ("questionnaire", questionnaire.map { .string($0) } ?? .null),
                ("modes", .array(modes.map { .string($0) })), ("confidence", .number(confidence)),
                ("response_rate", .number(responseRate)), ("deff", .number(deff)), ("population", .integer(population)),
                ("indicators", .array(sizings.map { s in
                    .object([("indicator", .string(s.indicator.id)), ("measure", .string(s.kind)), ("column", .string(s.column)),
                             ("margin", .number(s.margin)), ("basis", .string(s.basis)), ("n0", .number(s.size.n0)),
                             ("n", .integer(s.size.n)), ("n_final", .integer(s.size.nFinal))])
                })),
                ("completes", .integer(completes)), ("invitations", .integer(invitations)), ("driving", .string(driving)),
                ("strata_column", strataColumn.map { .string($0) } ?? .null),
                ("strata", .array(strata.map { .object([("stratum", .string($0.name)), ("N", .integer($0.population)),
                                                         ("completes", .integer($0.completes)), ("invitations", .integer($0.invitations))]) })),
            ]).rendered()
        }
        var lines = [
            L("Plan de medición (pasos 39 y 40): \(title)", "Measurement plan (steps 39 and 40): \(title)"), "",
            L("  Cuestionario: \(questionnaire ?? "—") · modos: \(modes.joined(separator: ", "))", "  Questionnaire: \(questionnaire ?? "—") · modes: \(modes.joined(separator: ", "))"),
            L("  Población: \(NumberText.integer(population)) afiliados del segmento · confianza \(NumberText.level(confidence)) % · respuesta esperada \(NumberText.level(responseRate)) % · efecto de diseño \(NumberText.exact(deff))",
              "  Population: \(NumberText.integer(population)) affiliates of the segment · confidence \(NumberText.level(confidence)) % · expected response \(NumberText.level(responseRate)) % · design effect \(NumberText.exact(deff))"),
            "",
        ]
        for s in sizings {
            let unit = s.kind == "media" ? "" : L(" puntos", " points")
            lines.append("  \(s.indicator.name) (\(s.kind == "proporcion" ? "proporción" : s.kind) \(s.column)): ±\(NumberText.decimal(s.margin, places: 2))\(unit) → n = \(NumberText.integer(s.size.n)), "
                         + L("contactos", "contacts") + " \(NumberText.integer(s.size.nFinal))")
            lines.append("      n0 = z²S²/e² = \(NumberText.decimal(s.size.n0, places: 1)); S²: \(s.basis)")
        }
        lines += ["", L("Se necesitan \(NumberText.integer(completes)) encuestas completas (las pide «\(driving)»); contacte a \(NumberText.integer(invitations)) afiliados.",
                        "\(NumberText.integer(completes)) completed interviews are needed (for «\(driving)»); contact \(NumberText.integer(invitations)) affiliates.")]
        if let strataColumn, !strata.isEmpty {
            lines += ["", L("  Reparto proporcional por \(strataColumn):", "  Proportional split by \(strataColumn):")]
            for s in strata {
                lines.append("    \(s.name): N = \(NumberText.integer(s.population)) · " + L("completas", "completes") + " \(NumberText.integer(s.completes)) · "
                             + L("contactos", "contacts") + " \(NumberText.integer(s.invitations))")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension MeasurementReview {
    public func render(_ format: OutputFormat) -> String {
        if format == .json {
            return JSONValue.object([
                ("confidence", .number(confidence)), ("responses", .integer(responses)),
                ("planned_completes", plannedCompletes.map { .integer($0) } ?? .null),
                ("strata", .array(strata.map { .object([("stratum", .string($0.name)), ("planned", .integer($0.planned)), ("achieved", .integer($0.achieved))]) })),
                ("indicators", .array(indicators.map { i in
                    .object([("indicator", .string(i.id)), ("measure", .string(i.kind)), ("estimate", .number(i.estimate)),
                             ("se", .number(i.standardError)), ("lower", .number(i.lower)), ("upper", .number(i.upper)), ("n", .integer(i.n)),
                             ("margin_achieved", .number(i.achievedMargin)), ("margin_planned", .finite(i.plannedMargin)),
                             ("precision_met", i.metPrecision.map { .bool($0) } ?? .null),
                             ("baseline", .finite(i.baseline)), ("target", .finite(i.target)),
                             ("change_z", .finite(i.changeZ)), ("change_p", .finite(i.changeP)),
                             ("target_reached", i.reachedTarget.map { .bool($0) } ?? .null)])
                })),
                ("not_in_responses", .array(notInResponses.map { .string($0) })),
                ("closing_base", closing?.json ?? .null), ("cases", cases?.json ?? .null), ("cases_not_counted", .array(casesNotCounted.map { .string($0) })),
            ]).rendered()
        }
        var lines = [L("Lo planeado frente a lo logrado", "Planned against achieved"), "",
                     L("  Encuestas completas: \(NumberText.integer(responses))", "  Completed interviews: \(NumberText.integer(responses))")
                        + (plannedCompletes.map { L(" de \(NumberText.integer($0)) planeadas", " of \(NumberText.integer($0)) planned") } ?? "")]
        for s in strata {
            lines.append("    \(s.name): \(NumberText.integer(s.achieved)) " + L("de", "of") + " \(NumberText.integer(s.planned))"
                         + (s.achieved < s.planned ? L(" (faltan \(NumberText.integer(s.planned - s.achieved)))", " (\(NumberText.integer(s.planned - s.achieved)) short)") : ""))
        }
        lines.append("")
        for i in indicators {
            func n(_ value: Double) -> String { NumberText.decimal(value, places: i.kind == "media" ? 2 : 1) }
            let unit = i.kind == "media" ? "" : (i.kind == "nps" ? L(" puntos", " points") : " %")
            lines.append("  \(i.name): \(n(i.estimate))\(unit) (\(L("IC", "CI")) \(NumberText.level(confidence)) %: \(n(i.lower)) – \(n(i.upper)); n = \(NumberText.integer(i.n)))")
            var precision = L("    margen logrado ±\(n(i.achievedMargin))", "    margin achieved ±\(n(i.achievedMargin))")
            if let planned = i.plannedMargin, let met = i.metPrecision {
                precision += L(" frente a ±\(n(planned)) planeado: ", " against ±\(n(planned)) planned: ")
                    + (met ? L("tan preciso como se planeó", "as precise as planned") : L("menos preciso de lo planeado", "less precise than planned"))
            }
            lines.append(precision)
            if let baseline = i.baseline, let z = i.changeZ, let p = i.changeP {
                let change = i.estimate - baseline
                lines.append(L("    cambio desde la línea base (\(n(baseline))): \(change >= 0 ? "+" : "")\(n(change)) (z = \(NumberText.decimal(z, places: 2)), p \(p < 0.001 ? "" : "= ")\(NumberText.pValue(p)))",
                               "    change from the baseline (\(n(baseline))): \(change >= 0 ? "+" : "")\(n(change)) (z = \(NumberText.decimal(z, places: 2)), p \(p < 0.001 ? "" : "= ")\(NumberText.pValue(p)))")
                             + (p < 1 - confidence ? L(": significativo", ": significant") : L(": no significativo", ": not significant")))
            }
            if let target = i.target, let reached = i.reachedTarget {
                lines.append(L("    meta \(n(target)): ", "    target \(n(target)): ") + (reached ? L("alcanzada", "reached") : L("no alcanzada", "not reached"))
                             + (i.lower <= target && target <= i.upper
                                ? (reached ? L(", sin certeza: el intervalo de confianza la incluye", ", not surely: the confidence interval includes it")
                                           : L(", aunque el intervalo de confianza la incluye", ", though the confidence interval includes it")) : ""))
            }
        }
        // Each further section after one blank line (the strata's list ends with one).
        func section(_ more: [String]) { lines += (lines.last == "" ? [] : [""]) + more }
        if !notInResponses.isEmpty {
            section([L("  Sin columna en las respuestas (se miden en otra fuente; los de la base, con --close-base): ", "  No column in the responses (measured elsewhere; the base's, with --close-base): ") + notInResponses.joined(separator: ", ")])
        }
        if let closing {
            section(closing.results.isEmpty
                ? [L("  La base al cierre (\(closing.source)) no midió ningún indicador: la encuesta midió los de la base, o no los hay.",
                     "  The closing base (\(closing.source)) measured no indicator: the survey measured the base's, or there are none.")]
                : closing.lines())
        }
        if let cases, !cases.results.isEmpty { section(cases.lines()) }
        if !casesNotCounted.isEmpty {
            section([L("  Cuentan casos PQRSL y no se contaron (no hay almacén de casos; dé --store): ", "  They count PQRSL cases and were not counted (no cases store; give --store): ")
                        + casesNotCounted.joined(separator: ", ")])
        }
        return lines.joined(separator: "\n")
    }
}

extension MeasurementReview {
    /// The section's title in a report.
    public static var title: String { L("Lo planeado frente a lo logrado (pasos 39 y 40)", "Planned against achieved (steps 39 and 40)") }

    /// The stratum rows and the indicator rows of the section, as a report shows them.
    var tables: (strataHeaders: [String], strata: [[String]], headers: [String], rows: [[String]]) {
        func n(_ value: Double?) -> String { value.map { NumberText.decimal($0, places: 1) } ?? "—" }
        func yes(_ value: Bool?) -> String { value.map { $0 ? L("sí", "yes") : L("no", "no") } ?? "—" }
        let strataRows = strata.map { [$0.name, NumberText.integer($0.planned), NumberText.integer($0.achieved)] }
            + [[L("total", "total"), plannedCompletes.map { NumberText.integer($0) } ?? "—", NumberText.integer(responses)]]
        let rows = indicators.map { i in
            [i.name, "\(n(i.estimate)) (\(n(i.lower)) – \(n(i.upper)))", "±" + n(i.achievedMargin) + " / " + (i.plannedMargin.map { "±" + n($0) } ?? "—"), yes(i.metPrecision),
             n(i.baseline), i.changeP.map { NumberText.pValue($0) } ?? "—", n(i.target), yes(i.reachedTarget)]
        }
        return ([L("estrato", "stratum"), L("planeadas", "planned"), L("logradas", "achieved")], strataRows,
                [L("indicador", "indicator"), L("estimación (IC \(NumberText.level(confidence)) %)", "estimate (\(NumberText.level(confidence)) % CI)"), L("margen logrado / planeado", "margin achieved / planned"), L("¿preciso?", "precise?"), L("línea base", "baseline"),
                 L("p del cambio", "p of the change"), L("meta", "target"), L("¿alcanzada?", "reached?")], rows)
    }

    var note: String {
        L("Cada indicador se estima con el diseño de las respuestas (estratos, pesos y tamaños de estrato); el margen logrado es z·EE; «¿preciso?»: el margen logrado no pasa del planeado; el cambio se prueba contra la línea base tomada como conocida (z de dos colas); «¿alcanzada?»: la estimación llega a la meta.",
          "Each indicator is estimated with the responses' design (strata, weights and stratum sizes); the margin achieved is z·SE; «precise?»: the margin achieved is within the planned one; the change is tested against the baseline taken as known (two-sided z); «reached?»: the estimate is at the target.")
            + (notInResponses.isEmpty ? "" : L(" Sin columna en las respuestas: ", " No column in the responses: ") + notInResponses.joined(separator: ", ") + ".")
            + (casesNotCounted.isEmpty ? "" : L(" Casos PQRSL sin contar (sin almacén de casos): ", " PQRSL cases not counted (no cases store): ") + casesNotCounted.joined(separator: ", ") + ".")
    }

    /// The section as Markdown, for `sondeo report --strategy`.
    public func markdown() -> String {
        let t = tables
        var strataTable = TextTable(headers: t.strataHeaders, alignments: [.left, .right, .right])
        for row in t.strata { strataTable.append(row) }
        var table = TextTable(headers: t.headers)
        for row in t.rows { table.append(row) }
        let survey = t.rows.isEmpty ? [] : ["", table.markdown(), "", note]
        let closed = closing.map { $0.results.isEmpty ? [] : ["", $0.markdown()] } ?? []
        return ([strataTable.markdown()] + survey + closed + (cases.map { $0.results.isEmpty ? [] : ["", $0.markdown()] } ?? [])).joined(separator: "\n")
    }

    /// The section as HTML, for `sondeo report --strategy`.
    public func html() -> String {
        let t = tables
        return HTML.table(headers: t.strataHeaders, rows: t.strata, numeric: [1, 2])
            + (t.rows.isEmpty ? "" : HTML.table(headers: t.headers, rows: t.rows, numeric: [1, 2, 4, 5, 6]) + "<p class=\"small\">\(HTML.escape(note))</p>\n")
            + (closing.map { $0.results.isEmpty ? "" : $0.html() } ?? "") + (cases.map { $0.results.isEmpty ? "" : $0.html() } ?? "")
    }
}
