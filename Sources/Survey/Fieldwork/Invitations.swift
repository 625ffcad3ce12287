import Diagnostics
import Foundation
import BusinessDays
import Mail
import Store
import Table

/// Invitations and reminders to the web survey (`sondeo serve invite`): each affiliate's personal link
/// by e-mail through the caja's SMTP server, or a file for a WhatsApp or SMS campaign, and the follow-up
/// per case — sent or failed, link opened, interview completed. Who is left out is ``WebLinks``' rule:
/// interviewed, refused, not eligible (``Disposition/endsInvitations``); a reminder goes only to whom
/// an invitation reached and who has not completed.
public enum Invitations {
    /// One affiliate to write to: the values the template may use (`enlace`, `id_afiliado`, contacts).
    public struct Recipient: Sendable {
        public var unit: String
        public var values: [String: String]
    }

    /// Who gets a message now, and who was left out and why.
    public struct Plan: Sendable {
        public var recipients: [Recipient]
        /// Cases with a link but no address in `field`.
        public var withoutAddress: Int
        /// Cases skipped: already invited (an invitation), or not invited or already complete (a reminder).
        public var skipped: Int
        /// Cases closed (interviewed, refused, not eligible): no link at all.
        public var closed: Int
        /// The contact column the addresses come from.
        public var field: String
        /// The names a template may use besides `enlace`: `id_afiliado` and the contact columns.
        public var fields: [String]
    }

    /// The e-mail column of the contact data: «correo», «email», «e-mail»… (without accents or capitals).
    public static func emailField(_ names: [String]) -> String? {
        names.first { ["correo", "email", "e-mail", "mail", "correo_electronico"].contains(String(Suggestion.fold($0))) }
            ?? names.first { String(Suggestion.fold($0)).contains("correo") || String(Suggestion.fold($0)).contains("email") }
    }

    /// The phone column for a WhatsApp or SMS campaign: «celular», then «telefono».
    public static func phoneField(_ names: [String]) -> String? {
        names.first { String(Suggestion.fold($0)).hasPrefix("celular") } ?? names.first { String(Suggestion.fold($0)).hasPrefix("telefono") }
    }

    /// The cases to write to now. `field` is the contact column of the addresses (by default the e-mail one).
    /// `phone` picks the phone column instead of the e-mail one (a WhatsApp or SMS campaign).
    public static func plan(store: any WebStore, questionnaire: String, baseURL: String, reminder: Bool, field: String? = nil, phone: Bool = false,
                            now: String, token: @escaping @Sendable () -> String) throws -> Plan {
        let (links, closed) = try WebLinks.table(store: store, questionnaire: questionnaire, baseURL: baseURL, includeReserve: false, now: now, token: token)
        let contactNames = links.columnNames.filter { $0 != "id_afiliado" && $0 != "enlace" }
        guard let field = field ?? (phone ? phoneField(contactNames) : emailField(contactNames)) else {
            throw phone ? InvitationProblem.noPhoneColumn(contactNames) : InvitationProblem.noAddressColumn(contactNames)
        }
        let log = try store.invitations(questionnaire: questionnaire)
        let reached = Set(log.filter { $0.status == "enviada" }.map(\.unit))
        let complete = Set(try store.cases(of: questionnaire).filter { $0.disposition == "completa" }.map(\.unit))
        var plan = Plan(recipients: [], withoutAddress: 0, skipped: 0, closed: closed, field: field, fields: ["id_afiliado"] + contactNames)
        for row in 0..<links.rowCount {
            var values: [String: String] = [:]
            for name in links.columnNames { values[name] = links[name]?.text(at: row) ?? "" }
            let unit = values["id_afiliado"] ?? ""
            guard let address = values[field]?.trimmingCharacters(in: .whitespaces), !address.isEmpty else { plan.withoutAddress += 1; continue }
            values[field] = address
            let wanted = reminder ? reached.contains(unit) && !complete.contains(unit) : !reached.contains(unit)
            guard wanted else { plan.skipped += 1; continue }
            plan.recipients.append(Recipient(unit: unit, values: values))
        }
        return plan
    }

    /// Sends the plan's messages through `client` and logs each (sent or failed) in the store; returns
    /// the log entries written.
    public static func send(_ plan: Plan, template: InvitationTemplate, reminder: Bool, client: SMTPClient, store: any WebStore,
                            questionnaire: String, actor: String, clock: Clock = .system,
                            progress: @Sendable (Int) -> Void = { _ in }) async throws -> [InvitationEntry] {
        let messages = plan.recipients.map { r in
            let (subject, body) = template.render(r.values)
            return MailMessage(to: r.values[plan.field] ?? "", subject: subject, body: body, reference: "\(questionnaire)-\(r.unit)")
        }
        let results = try await client.send(messages, progress: progress)
        let at = clock.timestamp
        let entries = zip(plan.recipients, results).map { r, error in
            InvitationEntry(unit: r.unit, kind: reminder ? "recordatorio" : "invitacion", address: r.values[plan.field] ?? "", at: at,
                            status: error == nil ? "enviada" : "fallida", detail: error?.message(.es))
        }
        try store.logInvitations(entries, questionnaire: questionnaire, actor: actor)
        return entries
    }

    /// The file of a WhatsApp or SMS campaign: id_afiliado, the phone, and the message with its link.
    public static func campaign(_ plan: Plan, template: InvitationTemplate, phoneField: String) -> Table {
        let rows = plan.recipients
        return Table(columns: [
            .texts("id_afiliado", rows.map(\.unit)),
            .texts(phoneField, rows.map { $0.values[phoneField] ?? "" }),
            .texts("mensaje", rows.map { template.render($0.values).body.trimmingCharacters(in: .whitespacesAndNewlines) }),
        ], rowCount: rows.count)
    }

    /// What the profesional is told of a plan: how many get a message, and who is left out and why.
    public static func said(_ plan: Plan, reminder: Bool) -> String {
        var parts = [L("\(NumberText.count(plan.recipients.count, "afiliado recibe", "afiliados reciben")) \(reminder ? "el recordatorio" : "la invitación")",
                       "\(plan.recipients.count) affiliates get the \(reminder ? "reminder" : "invitation")")]
        if plan.withoutAddress > 0 { parts.append(L("\(plan.withoutAddress) sin dato en «\(plan.field)»", "\(plan.withoutAddress) without «\(plan.field)»")) }
        if plan.skipped > 0 {
            parts.append(reminder ? L("\(plan.skipped) sin invitación recibida o ya completos", "\(plan.skipped) not invited or already complete")
                                  : L("\(plan.skipped) ya invitados (use --reminder)", "\(plan.skipped) already invited (use --reminder)"))
        }
        if plan.closed > 0 { parts.append(L("\(plan.closed) ya terminaron (entrevista, rechazo o no elegible)", "\(plan.closed) closed (interviewed, refused or not eligible)")) }
        return parts.joined(separator: " · ") + "."
    }

    /// The follow-up per case that was written to: the address, when the invitation and the last reminder
    /// went, whether the last one failed, whether the link was opened, whether the interview is complete.
    public static func followUp(store: any WebStore, questionnaire: String) throws -> Table {
        let log = try store.invitations(questionnaire: questionnaire)
        let opened = try store.openedLinks(questionnaire: questionnaire)
        let dispositions = Dictionary(try store.cases(of: questionnaire).map { ($0.unit, $0.disposition) }, uniquingKeysWith: { a, _ in a })
        var units: [String] = []
        var byUnit: [String: [InvitationEntry]] = [:]
        for e in log {
            if byUnit[e.unit] == nil { units.append(e.unit) }
            byUnit[e.unit, default: []].append(e)
        }
        func local(_ instant: String?) -> String? { instant.map { CivilDate.colombianLocal($0) } }
        return Table(columns: [
            .texts("id_afiliado", units),
            .texts("correo", units.map { byUnit[$0]!.last!.address }),
            .optionalTexts("invitacion", units.map { local(byUnit[$0]!.last { $0.kind == "invitacion" && $0.status == "enviada" }?.at) }),
            .texts("recordatorios", units.map { String(byUnit[$0]!.filter { $0.kind == "recordatorio" && $0.status == "enviada" }.count) }),
            .texts("ultimo_envio", units.map { byUnit[$0]!.last!.status }),
            .optionalTexts("error", units.map { byUnit[$0]!.last!.detail }),
            .optionalTexts("abrio_enlace", units.map { local(opened[$0]) }),
            .texts("completa", units.map { dispositions[$0] == "completa" ? "sí" : "no" }),
        ], rowCount: units.count)
    }

    /// One line of counts for the follow-up: written to, sent, failed, opened, completed.
    public static func summary(_ table: Table) -> String {
        func count(_ name: String, _ test: (String?) -> Bool) -> Int { (0..<table.rowCount).filter { test(table[name]?.text(at: $0)) }.count }
        let sent = count("ultimo_envio") { $0 == "enviada" }, failed = count("ultimo_envio") { $0 == "fallida" }
        let opened = count("abrio_enlace") { ($0 ?? "").isEmpty == false }, complete = count("completa") { $0 == "sí" }
        return L("\(NumberText.count(table.rowCount, "afiliado", "afiliados")) con envíos: \(sent) recibidos por el servidor, \(failed) fallidos, \(opened) abrieron el enlace, \(complete) completaron la encuesta.",
                 "\(table.rowCount) affiliates written to: \(sent) accepted by the server, \(failed) failed, \(opened) opened the link, \(complete) completed the survey.")
    }
}

/// Why invitations cannot be planned.
public enum InvitationProblem: Error, Diagnostic, Equatable {
    case noAddressColumn([String])
    case noPhoneColumn([String])

    public var code: String {
        switch self {
        case .noAddressColumn: return "INV-004"
        case .noPhoneColumn: return "INV-005"
        }
    }
    public var location: SourceLocation? { nil }
    public var exitStatus: ExitStatus { .dataError }

    public func message(_ language: Language) -> String {
        switch self {
        case .noAddressColumn(let names):
            return language.pick("la muestra no tiene una columna de correo (correo o email); tiene: \(names.joined(separator: ", ")). Diga cuál con --field",
                                 "the sample has no e-mail column (correo or email); it has: \(names.joined(separator: ", ")). Name it with --field")
        case .noPhoneColumn(let names):
            return language.pick("la muestra no tiene una columna de celular o teléfono; tiene: \(names.joined(separator: ", ")). Diga cuál con --field",
                                 "the sample has no mobile or phone column; it has: \(names.joined(separator: ", ")). Name it with --field")
        }
    }
}
