import BusinessDays
import Diagnostics
import Store
import Table

/// How cases read: one line after a step, a case in full, a list, DESIGN.md's case JSON.
extension PQRSCaseRecord {
    /// One line after a step: the radicado, the state and what happened.
    public func summary(event: PQRSEvent) -> String { "\(radicado): \(state) — \(event.shownInEnglish ?? event.details)" }

    /// DESIGN.md's case JSON.
    public func json(reminder: String?) -> JSONValue {
        let c = self
        func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("radicado", .string(c.radicado)), ("type", .string(c.type)), ("channel", .string(c.channel)), ("service", .string(c.service)),
            ("attribute", optional(c.attribute)), ("ssf_type", optional(c.ssfType)), ("subsidy", .bool(c.subsidy)), ("from_ssf", .bool(c.fromSSF)),
            ("received", .string(c.received)), ("deposited", optional(c.deposited)), ("effective_receipt", .string(c.effectiveReceipt)),
            ("term_days", .integer(c.termDays)), ("term_source", .string(c.termSource)), ("deadline", .string(c.deadline)),
            ("original_deadline", .string(c.originalDeadline)), ("maximum_extension", .string(c.maximumExtension)), ("reminder", optional(reminder)),
            ("calendar_version", .string(c.calendarVersion)), ("owner", .string(c.owner)), ("state", .string(c.state)),
            ("response_date", optional(c.responseDate)), ("response_channel", optional(c.responseChannel)), ("ssf_certificate", optional(c.ssfCertificate)),
            ("verification", .string(c.verification)), ("verifier", optional(c.verifier)), ("satisfied", c.satisfied.map { .bool($0) } ?? .null), ("closed_on", optional(c.closedOn)),
        ])
    }

    /// The case with its term, state and history (`cases show`), as text or as DESIGN.md's case JSON with
    /// the history and the verification calls.
    public func details(history: [PQRSEvent], attempts: [VerificationAttemptRecord], reminder: CivilDate, catalog: Catalog,
                        format: OutputFormat, attachments: [CaseAttachmentRecord] = [], requests: [CaseRequestRecord] = []) -> String {
        let c = self
        if format == .json {
            guard case .object(var members) = json(reminder: reminder.iso) else { return "" }
            members.append(("history", .array(history.map { e in .object([("at", .string(e.at)), ("actor", .string(e.actor)), ("action", .string(e.action)),
                                                                        ("from", e.from.map { .string($0) } ?? .null), ("to", .string(e.to)),
                                                                        ("details", .string(e.details))]) })))
            members.append(("verification_attempts", .array(attempts.map { a in .object([("date", .string(a.onDate)), ("time", a.time.map { .string($0) } ?? .null), ("outcome", .string(a.outcome)),
                                                                                       ("satisfied", a.satisfied.map { .bool($0) } ?? .null)]) })))
            members.append(("attachments", .array(attachments.map { a in .object([("kind", .string(a.kind)), ("name", .string(a.name)), ("sha256", .string(a.sha256)),
                                                                                 ("size", .integer(a.size)), ("at", .string(a.at)), ("actor", .string(a.actor))]) })))
            members.append(("requests", .array(requests.map { r in .object([("request", .integer(r.id)), ("owner", .string(r.owner)), ("what", .string(r.what)),
                                                                           ("asked_on", .string(r.askedOn)), ("due_on", .string(r.dueOn)),
                                                                           ("answered_on", r.answeredOn.map { .string($0) } ?? .null)]) })))
            return JSONValue.object(members).rendered()
        }
        var lines = [
            "\(c.radicado) — \(PQRSType(rawValue: c.type)?.label ?? c.type) \(L("por", "via")) \(c.channel) · \(L("estado", "state")): \(c.state)",
            L("Servicio: ", "Service: ") + catalog.name(c.service, in: .service) + (c.attribute.map { " · " + L("atributo: ", "attribute: ") + catalog.name($0, in: .attribute) } ?? "")
                + (c.subsidy ? L(" · sobre subsidio", " · about subsidies") : "") + (c.fromSSF ? L(" · llegó de la SSF", " · from the SSF") : ""),
            L("Responsable: ", "Owner: ") + c.owner + (catalog.people[c.owner].map { " (" + $0.map(\.name).joined(separator: ", ") + ")" } ?? ""),
            L("Recibido: \(CivilDate(parsing: c.received)!.withWeekday)", "Received: \(CivilDate(parsing: c.received)!.withWeekday)")
                + (c.deposited.map { L(" (depositado en el buzón el \($0))", " (deposited in the box on \($0))") } ?? "")
                + (c.effectiveReceipt != c.received ? L("; cuenta desde el \(c.effectiveReceipt)", "; counts from \(c.effectiveReceipt)") : ""),
            L("Término: \(c.termDays) días hábiles · vence el \(CivilDate(parsing: c.deadline)!.withWeekday)", "Term: \(c.termDays) business days · due \(CivilDate(parsing: c.deadline)!.withWeekday)")
                + (c.deadline != c.originalDeadline ? L(" (inicialmente \(c.originalDeadline))", " (originally \(c.originalDeadline))") : ""),
            L("Calendario: \(c.calendarVersion)", "Calendar: \(c.calendarVersion)"),
        ]
        if let response = c.responseDate {
            lines.append(L("Respuesta: \(response) por \(c.responseChannel ?? "—") (\(response <= c.deadline ? "a tiempo" : "fuera de término"))",
                           "Answer: \(response) via \(c.responseChannel ?? "—") (\(response <= c.deadline ? "on time" : "late"))"))
        }
        if c.verification != VerificationStatus.noAplica.rawValue {
            lines.append(L("Verificación: \(c.verification)", "Verification: \(c.verification)") + (c.satisfied.map { $0 ? L(", satisfecho", ", satisfied") : L(", no satisfecho", ", not satisfied") } ?? "")
                         + (c.verifier.map { L("; llama \($0)", "; called by \($0)") } ?? ""))
        }
        if !requests.isEmpty {
            lines += ["", L("Solicitudes internas:", "Internal requests:")]
            for r in requests {
                lines.append("  \(r.id). \(r.owner): \(r.what) — " + L("pedida el \(r.askedOn), vence el \(r.dueOn)", "asked \(r.askedOn), due \(r.dueOn)")
                             + (r.answeredOn.map { L(", respondida el \($0)", ", answered \($0)") } ?? L(", sin respuesta", ", unanswered")))
            }
        }
        if !attachments.isEmpty {
            lines += ["", L("Documentos:", "Documents:")]
            for a in attachments { lines.append("  \(a.kind): \(a.name) (\(NumberText.count(a.size, "byte", "bytes")); SHA-256 \(a.sha256.prefix(16))…)") }
        }
        lines += ["", L("Texto: \(c.text)", "Text: \(c.text)"), "", L("Historia:", "History:")]
        for e in history { lines.append("  \(CivilDate.colombianLocal(e.at)) \(e.actor): \(e.action) → \(e.to) — \(e.details)") }
        return lines.joined(separator: "\n")
    }

    /// Cases as a table with their count (`cases list`).
    public static func list(_ cases: [PQRSCaseRecord]) -> String {
        var table = TextTable(headers: ["radicado", L("tipo", "type"), L("canal", "channel"), L("servicio", "service"), L("recibido", "received"),
                                        L("vence", "due"), L("responsable", "owner"), L("estado", "state")])
        for c in cases { table.append([c.radicado, c.type, c.channel, c.service, c.received, c.deadline, c.owner, c.state]) }
        return table.rendered() + "\n" + L("\(NumberText.count(cases.count, "caso", "casos")).", "\(cases.count) cases.")
    }
}
