import Diagnostics
import Pages
import Table

/// The PQRSL indicators' counts as `strategy review` and the report show them.
extension CaseCounts.Result {
    /// The verdict in a word or two, for a table's cell: «alcanzada», «no alcanzada», «en curso», «sin empezar».
    var shortVerdict: String {
        if through < start { return L("sin empezar", "not started") }
        switch reachedTarget {
        case true?: return L("alcanzada", "reached")
        case false?: return L("no alcanzada", "not reached")
        case nil: return L("en curso", "running")
        }
    }

    /// The same in a sentence, with the days that decide it.
    var verdict: String {
        if through < start { return L("el periodo empieza el \(start.iso): aún no hay casos que contar", "the period starts on \(start.iso): no cases to count yet") }
        if reachedTarget == nil { return L("en curso: el periodo va hasta el \(end.iso)", "running: the period lasts until \(end.iso)") }
        return shortVerdict
    }

    var days: String {
        through < start ? "\(start.iso) – \(end.iso)" : "\(start.iso) – \(through.iso)"
    }

    static func number(_ value: Double?) -> String {
        value.map { $0 == $0.rounded() ? NumberText.integer(Int($0)) : NumberText.decimal($0, places: 1) } ?? "—"
    }
}

extension CaseCounts {
    /// What the counts cannot tell, said beside them.
    static var caveat: String {
        L("Los casos no llevan el documento del afiliado: se cuentan los de todos los peticionarios, no solo los del segmento.",
          "Cases do not carry the affiliate's document: those of every petitioner are counted, not only the segment's.")
    }

    func lines() -> [String] {
        var lines = [L("  Casos PQRSL (almacén \(source)):", "  PQRSL cases (store \(source)):")]
        for r in results {
            lines.append("  \(r.name): " + L(NumberText.count(r.count, "caso", "casos"), NumberText.count(r.count, "case", "cases")) + " (\(r.measure.described); \(r.days))")
            let goal = [r.baseline.map { L("línea base ", "baseline ") + Result.number($0) }, r.target.map { L("meta ", "target ") + Result.number($0) }].compactMap { $0 }
            lines.append("    " + (goal.isEmpty ? "" : goal.joined(separator: ", ") + ": ") + r.verdict)
            if r.unknownService, let service = r.measure.service {
                lines.append(L("    aviso: ningún caso del almacén es del servicio «\(service)»; revise el nombre en el catálogo",
                               "    warning: no case in the store is of service «\(service)»; check the name in the catalogue"))
            }
        }
        return lines + ["  " + Self.caveat]
    }

    var json: JSONValue {
        .array(results.map { r in
            .object([("indicator", .string(r.id)), ("types", .array(r.measure.types.map { .string($0.rawValue) })),
                     ("service", r.measure.service.map { .string($0) } ?? .null), ("from", .string(r.start.iso)), ("to", .string(r.end.iso)),
                     ("through", .string(r.through.iso)), ("cases", .integer(r.count)), ("baseline", .finite(r.baseline)),
                     ("target", .finite(r.target)), ("period_ended", .bool(r.finished)),
                     ("target_reached", r.reachedTarget.map { .bool($0) } ?? .null), ("unknown_service", .bool(r.unknownService))])
        })
    }

    /// The rows of the report's table of counts.
    var table: (headers: [String], rows: [[String]]) {
        ([L("indicador", "indicator"), L("casos contados", "cases counted"), L("días", "days"), L("línea base", "baseline"), L("meta", "target"), L("¿alcanzada?", "reached?")],
         results.map { r in
             [r.name + " (" + r.measure.described + ")", NumberText.integer(r.count), r.days, Result.number(r.baseline), Result.number(r.target), r.shortVerdict]
         })
    }

    func markdown() -> String {
        let t = table
        var text = TextTable(headers: t.headers, alignments: [.left, .right, .left, .right, .right, .left])
        for row in t.rows { text.append(row) }
        return text.markdown() + "\n\n" + Self.caveat
    }

    func html() -> String {
        let t = table
        return HTML.table(headers: t.headers, rows: t.rows, numeric: [1, 3, 4]) + "<p class=\"small\">\(HTML.escape(Self.caveat))</p>\n"
    }
}
