import BusinessDays
import Diagnostics
import Store
import Table

/// The auxiliar's work on a case besides its transitions: routing by hand (procedure step 23),
/// internal requests for information to a service with their own due day (steps 27–28), and the
/// documents kept with the case (steps 15, 26, 29).
extension CaseDesk {
    /// The largest document a case keeps (a scanned form or a PDF answer; a store is not a file server).
    public static let attachmentLimit = 20 * 1_048_576
    /// What a document is: the scanned form, the answer sent, the SSF's certificate, or something else.
    public static let attachmentKinds = ["formato", "respuesta", "certificado", "otro"]

    /// The owners a case can be given to: the catalogue's services, the owners its routes name
    /// (`secretaria-general`) and those with people.
    public var knownOwners: [String] {
        var owners = catalog.services.map(\.code)
        for owner in catalog.routes.map(\.owner) + catalog.people.keys.sorted() where owner != "servicio" && !owners.contains(owner) { owners.append(owner) }
        return owners
    }

    func requireOwner(_ owner: String) throws(CaseError) {
        guard knownOwners.contains(owner) else {
            throw .unknownValue(field: L("el responsable", "the owner"), value: owner, valid: knownOwners, suggestion: Suggestion.closest(to: owner, among: knownOwners))
        }
    }

    /// Asignar (step 23): «según la potestad que se tenga», the auxiliar gives the case to another owner
    /// than the route's (Secretaría General when the answer needs legal support), saying why.
    public func route(_ c: PQRSCaseRecord, to owner: String, reason: String, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .route)
        try requireOwner(owner)
        try required(reason, L("el motivo de la asignación (--reason)", "the reason for the assignment (--reason)"))
        var r = c
        r.owner = owner
        return (r, event(c, r, .route, now, actor, "asignado a \(owner) (antes \(c.owner)): \(reason)",
                         english: "assigned to \(owner) (was \(c.owner)): \(reason)"))
    }

    /// Enrutar a aprendiz (step 30): the auxiliar gives the verification call of an answered case to the
    /// person who will make it (a case still waiting for the monthly draw, or already called, is not routed).
    public func routeCall(_ c: PQRSCaseRecord, to person: String, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .routeCall)
        guard c.verification == VerificationStatus.pendiente.rawValue else {
            throw .notSelected(radicado: c.radicado, status: VerificationStatus(rawValue: c.verification) ?? .noAplica)
        }
        try required(person, L("quién hace la llamada (--to)", "who makes the call (--to)"))
        var r = c
        r.verifier = person
        return (r, event(c, r, .routeCall, now, actor, "llamada de verificación enrutada a \(person)" + (c.verifier.map { " (antes \($0))" } ?? ""),
                         english: "verification call routed to \(person)" + (c.verifier.map { " (was \($0))" } ?? "")))
    }

    /// Keeps a document with the case, named by its SHA-256; the same file again is kept once. Returns
    /// the document and whether it was new.
    public func attach(_ radicado: String, kind: String, name: String, content: [UInt8], in store: any CaseStore, clock: Clock = .system,
                       actor: String) throws -> (CaseAttachmentRecord, Bool) {
        let c = try Self.load(radicado, from: store)
        try allowed(c, .attach)
        guard Self.attachmentKinds.contains(kind) else {
            throw CaseError.unknownValue(field: L("el tipo de documento", "the kind of document"), value: kind, valid: Self.attachmentKinds,
                                         suggestion: Suggestion.closest(to: kind, among: Self.attachmentKinds))
        }
        guard !content.isEmpty else { throw CaseError.emptyFile(name: name) }
        guard content.count <= Self.attachmentLimit else { throw CaseError.fileTooLarge(name: name, size: content.count, limit: Self.attachmentLimit) }
        let now = clock.timestamp
        let record = CaseAttachmentRecord(radicado: c.radicado, kind: kind, name: name, sha256: SHA256.hex(of: content), size: content.count, at: now, actor: actor)
        let added = try store.attach(record, content: content, event: event(c, c, .attach, now, actor,
                                                                            "\(kind): \(name) (\(NumberText.count(content.count, "byte", "bytes")), SHA-256 \(record.sha256))",
                                                                            english: "\(kind): \(name) (\(content.count) bytes, SHA-256 \(record.sha256))"))
        return (record, added)
    }

    /// A kept document back, by its SHA-256 or the start of it, with its bytes checked against the hash
    /// (a store that changed them gives nothing rather than another file).
    public static func document(_ radicado: String, sha256 prefix: String, from store: any CaseStore) throws -> (CaseAttachmentRecord, [UInt8]) {
        let c = try load(radicado, from: store)
        let kept = try store.attachments(of: c.radicado)
        let matches = prefix.isEmpty ? [] : kept.filter { $0.sha256.hasPrefix(prefix.lowercased()) }
        guard matches.count == 1, let found = matches.first else {
            throw CaseError.unknownValue(field: L("el documento", "the document"), value: prefix, valid: kept.map { "\(String($0.sha256.prefix(12))) (\($0.name))" },
                                         suggestion: nil)
        }
        guard let bytes = try store.attachmentContent(radicado: c.radicado, sha256: found.sha256), SHA256.hex(of: bytes) == found.sha256 else {
            throw CaseError.unreadableFile(path: found.name)
        }
        return (found, bytes)
    }

    /// Solicitar información (steps 27–28): what the service must send and by when — by default five
    /// business days, and never after the case's reminder, so that the answer can still go on time.
    public func request(_ radicado: String, to owner: String, what: String, on day: CivilDate, due: CivilDate?, in store: any CaseStore,
                        clock: Clock = .system, actor: String) throws -> CaseRequestRecord {
        let c = try Self.load(radicado, from: store)
        try allowed(c, .request)
        try requireOwner(owner)
        try required(what, L("lo que se pide (--what)", "what is asked (--what)"))
        try notBefore(day, c.received, "la solicitud")
        let now = clock.timestamp
        try notAfterToday(day, now, L("la fecha de la solicitud", "the request's day"))
        let dueOn = due ?? min(calendar.adding(5, businessDaysTo: day), max(day, c.reminder(calendar)))
        try notBefore(dueOn, day, "la fecha límite de la solicitud", earlier: "la solicitud")
        var record = CaseRequestRecord(id: 0, radicado: c.radicado, owner: owner, what: what, askedOn: day.iso, dueOn: dueOn.iso, answeredOn: nil)
        record.id = try store.addRequest(record, event: event(c, c, .request, now, actor, "a \(owner), para el \(dueOn.iso): \(what)",
                                                                english: "to \(owner), due \(dueOn.iso): \(what)"))
        return record
    }

    /// The service sent what was asked.
    public func answerRequest(_ radicado: String, id: Int, on day: CivilDate, in store: any CaseStore, clock: Clock = .system,
                              actor: String) throws -> CaseRequestRecord {
        let c = try Self.load(radicado, from: store)
        let all = try store.requests(of: c.radicado)
        guard var request = all.first(where: { $0.id == id }) else { throw CaseError.unknownRequest(radicado: c.radicado, id: id, known: all.map(\.id)) }
        if let answered = request.answeredOn { throw CaseError.requestAnswered(radicado: c.radicado, id: id, on: answered) }
        try notBefore(day, request.askedOn, "la respuesta del servicio", earlier: "la solicitud")
        let now = clock.timestamp
        try notAfterToday(day, now, L("la fecha de la respuesta del servicio", "the service's answer day"))
        let late = day.iso > request.dueOn
        guard try store.answerRequest(radicado: c.radicado, id: id, on: day.iso,
                                      event: event(c, c, .answerRequest, now, actor, "solicitud \(id) respondida por \(request.owner) el \(day.iso)" + (late ? ", después de la fecha límite (\(request.dueOn))" : ""),
                                                  english: "request \(id) answered by \(request.owner) on \(day.iso)" + (late ? ", after its due day (\(request.dueOn))" : ""))) else {
            throw CaseError.requestAnswered(radicado: c.radicado, id: id, on: day.iso)
        }
        request.answeredOn = day.iso
        return request
    }
}
