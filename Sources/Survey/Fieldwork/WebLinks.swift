import Diagnostics
import Store
import Table

/// The personal links of a web survey as the file a campaign is sent from: each sampled affiliate's
/// link and contact fields (`sondeo serve links`).
public enum WebLinks {
    /// Gives every case a link (those that have one keep it) and returns the table: id_afiliado, enlace
    /// and the sample's contact columns, without the cases that must not be invited (interviewed,
    /// refused, not eligible: ``Disposition/endsInvitations``), and how many were left out. `token` makes
    /// a new one.
    public static func table(store: any WebStore, questionnaire: String, baseURL: String, includeReserve: Bool, now: String,
                             token: @escaping @Sendable () -> String) throws -> (table: Table, leftOut: Int) {
        guard try store.versions(of: questionnaire).last != nil else {
            throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: try store.questionnaires()))
        }
        let all = try store.webLinks(questionnaire: questionnaire, includeReserve: includeReserve, now: now, token: token)
        func closes(_ code: String?) -> Bool { code.flatMap(Disposition.named)?.endsInvitations ?? false }
        var closed = Set(try store.cases(of: questionnaire).filter { closes($0.disposition) }.map(\.unit))
        closed.formUnion(try store.interviews(of: questionnaire).filter { closes($0.disposition) }.map(\.respondent))
        let links = all.filter { !closed.contains($0.unit) }
        let units = try store.sampleUnits(of: questionnaire)
        let contactNames = Array(Set(units.values.flatMap { $0.contact.keys })).sorted()
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var columns = [Column.texts("id_afiliado", links.map(\.unit)), Column.texts("enlace", links.map { "\(base)/r/\($0.token)" })]
        for name in contactNames { columns.append(.optionalTexts(name, links.map { units[$0.unit]?.contact[name] })) }
        return (Table(columns: columns, rowCount: links.count), all.count - links.count)
    }

    /// What was written, as shown.
    public static func written(_ links: Table, leftOut: Int, to out: String, questionnaire: String) -> String {
        let kept = L("Escrito \(out): \(NumberText.count(links.rowCount, "enlace", "enlaces")) personales para «\(questionnaire)»",
                     "Wrote \(out): \(links.rowCount) personal links for «\(questionnaire)»")
        guard leftOut > 0 else { return kept + "." }
        return kept + L("; \(NumberText.count(leftOut, "caso", "casos")) sin enlace porque ya \(leftOut == 1 ? "terminó" : "terminaron") (entrevista, rechazo o no elegible).",
                        "; \(leftOut) cases without a link because they are closed (interviewed, refused or not eligible).")
    }
}
