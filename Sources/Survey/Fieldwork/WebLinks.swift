import Diagnostics
import Store
import Table

/// The personal links of a web survey as the file a campaign is sent from: each sampled affiliate's
/// link and contact fields (`sondeo serve links`).
public enum WebLinks {
    /// Gives every case a link (those that have one keep it) and returns the table: id_afiliado, enlace
    /// and the sample's contact columns. `token` makes a new one.
    public static func table(store: any WebStore, questionnaire: String, baseURL: String, includeReserve: Bool, now: String,
                             token: @escaping @Sendable () -> String) throws -> Table {
        guard try store.versions(of: questionnaire).last != nil else {
            throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: try store.questionnaires()))
        }
        let links = try store.webLinks(questionnaire: questionnaire, includeReserve: includeReserve, now: now, token: token)
        let units = try store.sampleUnits(of: questionnaire)
        let contactNames = Array(Set(units.values.flatMap { $0.contact.keys })).sorted()
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var columns = [Column.texts("id_afiliado", links.map(\.unit)), Column.texts("enlace", links.map { "\(base)/r/\($0.token)" })]
        for name in contactNames { columns.append(.optionalTexts(name, links.map { units[$0.unit]?.contact[name] })) }
        return Table(columns: columns, rowCount: links.count)
    }
}
