import BusinessDays
import Diagnostics
import Foundation
import Mail
import Store
import Table

/// The e-mails the procedure sends about cases, worked out from the cases as they are and what was
/// already sent — so that a run sends what is due, a failed message goes again on the next run, and a
/// message the server accepted never goes twice:
///
/// - `acuse`: to the petitioner (an address in the petitioner's contact line), the radicado and the day
///   the answer is due (Ley 1755 de 2015, art. 14; a felicitación is thanked and passed on);
/// - `asignacion`: to the people of the case's owner (procedure steps 6 and 10), again if it is routed
///   to another owner;
/// - `felicitacion`: to the people of the service praised (step 21);
/// An address the server refuses for good (a 5xx reply to RCPT TO: the mailbox does not exist) is not
/// tried again; any other failure is.
///
/// - `recordatorio`: to the owner's people, 2 business days before the deadline (step 19), once per
///   deadline version, noted as the reminder `cases due` shows as made.
public struct CaseNotice: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case acuse, asignacion, felicitacion, recordatorio }

    public var kind: Kind
    public var radicado: String
    /// Which message this is: a notice accepted once is never sent again.
    public var key: String
    public var to: [String]
    public var subject: String
    public var body: String
    /// For a reminder: the deadline version it reminds of.
    public var deadlineVersion: Int?
}

public enum CaseNotices {
    /// What is due on `day`: the notices not yet accepted by the mail server, and the owners that have
    /// nobody with an address in the catalogue (their cases' messages cannot go; said, not dropped).
    public static func plan(cases: [PQRSCaseRecord], sent: [CaseNoticeEntry], reminders: [(radicado: String, version: Int, on: String)],
                            catalog: Catalog, calendar: BusinessCalendar, on day: CivilDate) -> (notices: [CaseNotice], ownersWithoutAddress: [String: [String]]) {
        // Done for an address: accepted, or refused for good (a 5xx to RCPT: the mailbox does not exist).
        let done = Set(sent.filter { $0.status != "fallido" }.map { "\($0.notice)\u{1F}\($0.address)" })
        func pending(_ key: String, _ addresses: [String]) -> [String] { addresses.filter { !done.contains("\(key)\u{1F}\($0)") } }
        var notices: [CaseNotice] = []
        var without: [String: [String]] = [:]
        func toOwner(_ c: PQRSCaseRecord, _ kind: CaseNotice.Kind, key: String, subject: String, body: String, version: Int? = nil) {
            let people = catalog.people[c.owner] ?? []
            guard !people.isEmpty else {
                if !sent.contains(where: { $0.notice == key }) { without[c.owner, default: []].append(c.radicado) }
                return
            }
            let to = pending(key, people.map(\.email))
            guard !to.isEmpty else { return }
            notices.append(CaseNotice(kind: kind, radicado: c.radicado, key: key, to: to, subject: subject, body: body, deadlineVersion: version))
        }
        // Reminders due that day and not made yet (by e-mail or by `cases due`).
        let made = Set(reminders.map { "\($0.radicado)\u{1F}\($0.version)" })
        let reminded = Set(DueList(cases, on: day, calendar: calendar).reminders.map(\.record)
            .filter { !made.contains("\($0.radicado)\u{1F}\($0.deadlineVersion)") }.map(\.radicado))
        for c in cases where c.received <= day.iso {
            let type = PQRSType(rawValue: c.type)
            let label = type?.label ?? c.type
            let service = catalog.name(c.service, in: .service)
            let waiting = PQRSState(rawValue: c.state).map { !$0.isFinal && $0 != .respondido && $0 != .cargadoSSF && $0 != .enVerificacion } ?? false
            if waiting, let address = EmailAddress.first(in: c.petitioner ?? ""), !pending("acuse:\(c.radicado)", [address]).isEmpty {
                notices.append(CaseNotice(kind: .acuse, radicado: c.radicado, key: "acuse:\(c.radicado)", to: [address],
                                          subject: "Confa recibió su \(label): radicado \(c.radicado)",
                                          body: acknowledgement(c, label: label, service: service)))
            }
            guard waiting else { continue }
            if c.hasTerm {
                toOwner(c, .asignacion, key: "asignacion:\(c.radicado):\(c.owner)", subject: "PQRSL \(c.radicado) asignada: \(label) de \(service), vence el \(c.deadline)",
                        body: assignment(c, label: label, service: service))
            } else {
                toOwner(c, .felicitacion, key: "felicitacion:\(c.radicado)", subject: "Una felicitación para \(service) (\(c.radicado))",
                        body: "Recibimos esta felicitación el \(c.received) por \(PQRSChannel(rawValue: c.channel)?.label ?? c.channel):\n\n«\(c.text)»\n\n"
                            + "Compártala con el equipo. No requiere respuesta ni documentos (procedimiento PQRSL, paso 21).\n")
            }
            if reminded.contains(c.radicado) {
                toOwner(c, .recordatorio, key: "recordatorio:\(c.radicado):\(c.deadlineVersion)", subject: "Recordatorio: PQRSL \(c.radicado) vence el \(c.deadline)",
                        body: "La \(label) \(c.radicado) de \(service) vence el \(CivilDate(parsing: c.deadline)!.withWeekday) y aún no tiene respuesta.\n\n"
                            + "«\(c.text)»\n\nResponda antes del vencimiento o avise una prórroga antes de esa fecha (Ley 1755 de 2015, art. 14).\n",
                        version: c.deadlineVersion)
            }
        }
        return (notices, without)
    }

    static func acknowledgement(_ c: PQRSCaseRecord, label: String, service: String) -> String {
        var text = "Recibimos su \(label) sobre \(service) el \(CivilDate(parsing: c.received)!.withWeekday). Su número de radicado es \(c.radicado); "
            + "úselo para cualquier consulta sobre ella.\n\n"
        if c.hasTerm {
            text += "Le responderemos a más tardar el \(CivilDate(parsing: c.deadline)!.withWeekday) "
                + "(\(NumberText.count(c.termDays, "día hábil", "días hábiles")), Ley 1755 de 2015).\n"
        } else {
            text += "Gracias por su felicitación: la compartiremos con el equipo de \(service).\n"
        }
        return text + "\nConfa\n"
    }

    static func assignment(_ c: PQRSCaseRecord, label: String, service: String) -> String {
        "Se le asignó la \(label) \(c.radicado) de \(service), recibida el \(c.received) por \(PQRSChannel(rawValue: c.channel)?.label ?? c.channel).\n\n"
            + "«\(c.text)»\n\n"
            + "Vence el \(CivilDate(parsing: c.deadline)!.withWeekday) (\(NumberText.count(c.termDays, "día hábil", "días hábiles"))). "
            + "Si necesita más tiempo, la prórroga se avisa antes de esa fecha (Ley 1755 de 2015, art. 14).\n"
    }

    /// Sends the notices, one message per address, and records each outcome; an accepted reminder is
    /// also noted as the reminder of its deadline version (what `cases due` lists as made).
    public static func send(_ notices: [CaseNotice], client: SMTPClient, store: any CaseStore, on day: CivilDate, actor: String,
                            clock: Clock = .system) async throws -> [CaseNoticeEntry] {
        // Held first (in the store, for every desk server and `cases notify` at once): what another sender
        // holds or has sent meanwhile is left to it. A hold older than 15 minutes was left by a sender that stopped.
        let offered = notices.flatMap { n in n.to.map { (notice: n, address: $0) } }
        let held = try store.claimNotices(offered.map { ($0.notice.key, $0.address) }, at: clock.timestamp, staleBefore: clock.timestamp(after: -15 * 60))
        let addressed = zip(offered, held).filter(\.1).map(\.0)
        guard !addressed.isEmpty else { return [] }
        let messages = addressed.map { MailMessage(to: $0.address, subject: $0.notice.subject, body: $0.notice.body, reference: $0.notice.key) }
        let results = try await client.send(messages)
        let at = clock.timestamp
        let entries = zip(addressed, results).map { pair, error in
            CaseNoticeEntry(radicado: pair.notice.radicado, notice: pair.notice.key, address: pair.address, at: at,
                            status: error == nil ? "enviado" : error!.isPermanentRefusal ? "rechazado" : "fallido", detail: error?.message(.es))
        }
        try store.logNotices(entries, actor: actor)
        for (pair, error) in zip(addressed, results) where error == nil {
            if pair.notice.kind == .recordatorio, let version = pair.notice.deadlineVersion {
                _ = try store.recordReminder(radicado: pair.notice.radicado, deadlineVersion: version, on: day.iso)
            }
        }
        return entries
    }
}

extension CaseNotices {
    /// What the auxiliar is told of a plan: how many messages of each kind, and the owners nobody can
    /// be written to for (add `responsable` lines to the catalogue).
    public static func said(_ notices: [CaseNotice], ownersWithoutAddress: [String: [String]], catalog: Catalog) -> String {
        let counts = CaseNotice.Kind.allCases.map { kind in (kind, notices.filter { $0.kind == kind }.count) }
        let names: [CaseNotice.Kind: (String, String, String, String)] = [
            .acuse: ("acuse al peticionario", "acuses al peticionario", "acknowledgement to the petitioner", "acknowledgements to petitioners"),
            .asignacion: ("asignación", "asignaciones", "assignment", "assignments"),
            .felicitacion: ("felicitación al servicio", "felicitaciones al servicio", "compliment to the service", "compliments to services"),
            .recordatorio: ("recordatorio", "recordatorios", "reminder", "reminders"),
        ]
        let parts = counts.filter { $0.1 > 0 }.map { kind, n in
            let (one, many, oneEn, manyEn) = names[kind]!
            return L("\(n) \(n == 1 ? one : many)", "\(n) \(n == 1 ? oneEn : manyEn)")
        }
        var lines = [parts.isEmpty ? L("No hay avisos pendientes.", "No notices are due.")
                                   : L("Avisos pendientes: ", "Notices due: ") + parts.joined(separator: ", ") + "."]
        for (owner, radicados) in ownersWithoutAddress.sorted(by: { $0.key < $1.key }) {
            lines.append(L("Sin dirección para «\(catalog.ownerName(owner))» (\(owner)): \(NumberText.count(radicados.count, "caso", "casos")) sin aviso (\(radicados.prefix(3).joined(separator: ", "))\(radicados.count > 3 ? ", …" : "")); agregue «responsable,\(owner),Nombre <correo>» al catálogo.",
                           "No address for «\(catalog.ownerName(owner))» (\(owner)): \(radicados.count) cases without notice (\(radicados.prefix(3).joined(separator: ", "))\(radicados.count > 3 ? ", …" : "")); add «responsable,\(owner),Name <address>» to the catalogue."))
        }
        return lines.joined(separator: "\n")
    }
}
