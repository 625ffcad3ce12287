import Diagnostics
import Pages
import Table

/// The closing base's figures as `strategy review` and the report show them.
extension ClosingBase {
    static func shown(_ value: Double?, _ kind: String) -> String {
        guard let value else { return "—" }
        return kind == "proporcion" ? NumberText.decimal(value, places: 1) + " %" : NumberText.decimal(value, places: 2)
    }

    static func reached(_ value: Bool?) -> String { value.map { $0 ? L("alcanzada", "reached") : L("no alcanzada", "not reached") } ?? "—" }

    /// «los 2.018 afiliados que estaban en el segmento; 1.990 siguen en ella».
    var cohortText: String {
        cohort == 1
            ? L("el afiliado que estaba en el segmento, seguido por \(identifier); \(found == 1 ? "sigue" : "ya no está") en ella",
                "the affiliate who was in the segment, followed by \(identifier); \(found == 1 ? "still" : "no longer") in it")
            : L("los \(NumberText.integer(cohort)) afiliados que estaban en el segmento, seguidos por \(identifier); \(NumberText.integer(found)) siguen en ella",
                "the \(NumberText.integer(cohort)) affiliates who were in the segment, followed by \(identifier); \(NumberText.integer(found)) are still in it")
    }

    func lines() -> [String] {
        var lines = [L("  En la base al cierre (\(source); \(cohortText)), un censo sin error de muestreo:",
                       "  In the closing base (\(source); \(cohortText)), a census without sampling error:")]
        for r in results {
            let goal = [r.baseline.map { L("línea base ", "baseline ") + Self.shown($0, r.kind) },
                        r.target.map { L("meta ", "target ") + Self.shown($0, r.kind) + ": " + Self.reached(r.reachedTarget) }].compactMap { $0 }
            lines.append("  \(r.name): \(Self.shown(r.value, r.kind)) (n = \(NumberText.integer(r.n)))" + (goal.isEmpty ? "" : "; " + goal.joined(separator: ", ")))
        }
        return lines
    }

    var json: JSONValue {
        .object([("source", .string(source)), ("identifier", .string(identifier)), ("cohort", .integer(cohort)), ("found", .integer(found)),
                 ("indicators", .array(results.map { r in
                     .object([("indicator", .string(r.id)), ("measure", .string(r.kind)), ("value", .finite(r.value)), ("n", .integer(r.n)),
                              ("baseline", .finite(r.baseline)), ("target", .finite(r.target)), ("target_reached", r.reachedTarget.map { .bool($0) } ?? .null)])
                 }))])
    }

    var table: (headers: [String], rows: [[String]]) {
        ([L("indicador (base al cierre)", "indicator (closing base)"), L("valor", "value"), "n", L("línea base", "baseline"), L("meta", "target"), L("¿alcanzada?", "reached?")],
         results.map { r in
             [r.name, Self.shown(r.value, r.kind), NumberText.integer(r.n), Self.shown(r.baseline, r.kind), Self.shown(r.target, r.kind), Self.reached(r.reachedTarget)]
         })
    }

    var note: String {
        L("Medidos en \(source) sobre \(cohortText): un censo, sin margen de error.", "Measured in \(source) over \(cohortText): a census, without margin of error.")
    }

    func markdown() -> String {
        let t = table
        var text = TextTable(headers: t.headers, alignments: [.left, .right, .right, .right, .right, .left])
        for row in t.rows { text.append(row) }
        return text.markdown() + "\n\n" + note
    }

    func html() -> String {
        let t = table
        return HTML.table(headers: t.headers, rows: t.rows, numeric: [1, 2, 3, 4]) + "<p class=\"small\">\(HTML.escape(note))</p>\n"
    }
}
