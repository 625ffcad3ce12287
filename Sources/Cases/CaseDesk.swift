import BusinessDays
import Diagnostics
import Foundation
import Randomness
import Store
import Table

/// The rules of a PQRSL case (procedure steps 1–33; reference `pqrsl.md` §4): what may happen to it
/// in each state, what each step writes, and its history line. Each operation takes the case as
/// stored and returns the changed case with the event to append; nothing is written here, so a refused
/// step leaves the store as it was.
public struct CaseDesk: Sendable {
    public let calendar: BusinessCalendar
    public let catalog: Catalog

    public init(calendar: BusinessCalendar = .standard, catalog: Catalog = .standard) {
        self.calendar = calendar
        self.catalog = catalog
    }

    /// The transition table: from which states each step may be taken. Anything else is refused
    /// (CASE-007). Radicar creates the case; the target of each step is set by its operation.
    public static let transitions: [PQRSAction: Set<PQRSState>] = [
        .classify: [.asignado, .suspendido, .prorrogado],
        .transfer: [.asignado],
        .suspend: [.asignado],
        .resume: [.suspendido],
        .desist: [.suspendido],
        .extend: [.asignado],
        .respond: [.asignado, .prorrogado],
        .uploadSSF: [.respondido],
        .close: [.respondido, .cargadoSSF],
        .draw: [.enVerificacion],
        .verify: [.enVerificacion],
        .route: [.asignado, .suspendido, .prorrogado],
        .request: [.asignado, .suspendido, .prorrogado],
        .answerRequest: Set(PQRSState.allCases),
        .attach: Set(PQRSState.allCases),
        .routeCall: [.enVerificacion],
    ]

    /// What a new case brings.
    public struct Intake: Sendable {
        public var channel: PQRSChannel
        public var type: PQRSType
        public var service: String
        public var attribute: String?
        public var ssfType: String?
        public var subsidy: Bool
        public var fromSSF: Bool
        public var text: String
        public var petitioner: String?
        /// Filing day; for a buzón, the day the box was opened.
        public var received: CivilDate
        /// For a buzón, the day it was deposited.
        public var deposited: CivilDate?
        /// A term the SSF set for its request, in business days.
        public var ssfTermDays: Int?

        public init(channel: PQRSChannel, type: PQRSType, service: String, attribute: String? = nil, ssfType: String? = nil, subsidy: Bool = false,
                    fromSSF: Bool = false, text: String, petitioner: String? = nil, received: CivilDate, deposited: CivilDate? = nil, ssfTermDays: Int? = nil) {
            self.channel = channel
            self.type = type
            self.service = service
            self.attribute = attribute
            self.ssfType = ssfType
            self.subsidy = subsidy
            self.fromSSF = fromSSF
            self.text = text
            self.petitioner = petitioner
            self.received = received
            self.deposited = deposited
            self.ssfTermDays = ssfTermDays
        }
    }

    /// The day Ley 1755 de 2015 was promulgated (it «rige a partir de su promulgación», art. 2):
    /// the terms Sondeo computes are that law's.
    static let lawInForce = CivilDate(year: 2015, month: 6, day: 30)!

    /// A day something already happened on cannot be after today in Colombia (the day of `now`).
    func notAfterToday(_ day: CivilDate, _ now: String, _ what: String) throws(CaseError) {
        guard let today = CivilDate.colombianDay(ofInstant: now), day > today else { return }
        throw .futureDate(field: what, date: day, today: today)
    }

    /// A text a step cannot do without, trimmed.
    func required(_ text: String, _ field: String) throws(CaseError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .emptyText(field: field) }
    }

    // MARK: - Steps

    /// Radicar (steps 1–14): checks the catalogue, computes the legal term and routes the case.
    /// The radicado is given by the store.
    public func open(_ intake: Intake, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try catalog.require(intake.service, in: .service)
        if let attribute = intake.attribute { try catalog.require(attribute, in: .attribute) }
        if let ssfType = intake.ssfType { try catalog.require(ssfType, in: .ssfType) }
        try required(intake.text, L("el texto de la petición (--text)", "the request's text (--text)"))
        try notAfterToday(intake.received, now, L("la fecha de recibo", "the receipt day"))
        guard intake.received >= Self.lawInForce else { throw .beforeLaw(date: intake.received) }
        if let days = intake.ssfTermDays, !(1...30).contains(days) { throw .ssfTermOutOfRange(days: days) }
        if intake.channel == .correoSSF && !intake.fromSSF { throw .ssfChannelNeedsFlag }
        if intake.deposited != nil && intake.channel != .buzon { throw .depositOutsideBox(channel: intake.channel.rawValue) }
        if let deposited = intake.deposited, deposited > intake.received {
            throw .dateBefore(field: "la apertura del buzón", date: intake.received, earlier: "el depósito", limit: deposited)
        }
        // A felicitación has no term (``PQRSType/hasTerm``): its deadline is the day it counts from.
        let termDays = intake.type.hasTerm ? intake.ssfTermDays ?? intake.type.termDays : 0
        let term = Deadline(received: intake.received, termDays: termDays, calendar: calendar)
        let owner = catalog.owner(type: intake.type, service: intake.service)
        let record = PQRSCaseRecord(
            radicado: "", channel: intake.channel.rawValue, type: intake.type.rawValue, service: intake.service, attribute: intake.attribute,
            ssfType: intake.ssfType, subsidy: intake.subsidy, fromSSF: intake.fromSSF, text: intake.text, petitioner: intake.petitioner,
            received: intake.received.iso, deposited: intake.deposited?.iso, effectiveReceipt: term.effectiveReceipt.iso, termDays: termDays,
            termSource: !intake.type.hasTerm ? "no-aplica" : intake.ssfTermDays == nil ? "ley1755" : "ssf", deadline: term.deadline.iso, originalDeadline: term.deadline.iso,
            maximumExtension: term.maximumExtension.iso, deadlineVersion: 1, calendarVersion: calendar.version, owner: owner,
            state: PQRSState.asignado.rawValue, verification: VerificationStatus.noAplica.rawValue, openedAt: now)
        let details = "\(intake.type.label) por \(intake.channel.rawValue), recibido \(intake.received.iso)"
            + (term.effectiveReceipt != intake.received ? " (cuenta desde \(term.effectiveReceipt.iso))" : "")
            + (intake.type.hasTerm ? "; \(NumberText.count(termDays, "día hábil", "días hábiles")), vence \(term.deadline.iso); asignado a \(owner)"
                                   : "; sin término (no pide respuesta): se notifica a \(owner)")
        let english = "\(intake.type.rawValue) by \(intake.channel.rawValue), received \(intake.received.iso)"
            + (term.effectiveReceipt != intake.received ? " (counts from \(term.effectiveReceipt.iso))" : "")
            + (intake.type.hasTerm ? "; \(termDays) business day\(termDays == 1 ? "" : "s"), due \(term.deadline.iso); assigned to \(owner)"
                                   : "; no term (asks no answer): \(owner) is told")
        var line = PQRSEvent(radicado: "", at: now, actor: actor, action: PQRSAction.open.rawValue, from: nil, to: record.state, details: details,
                             onDate: intake.received.iso, deadline: record.hasTerm ? record.deadline : nil)
        if Language.current == .en { line.shownInEnglish = english }
        return (record, line)
    }

    /// Clasificar (steps 10–14): service, quality attribute, SSF type, subsidy; routes again.
    public func classify(_ c: PQRSCaseRecord, service: String?, attribute: String?, ssfType: String?, subsidy: Bool?,
                         at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .classify)
        var r = c
        if let service { try catalog.require(service, in: .service); r.service = service }
        if let attribute { try catalog.require(attribute, in: .attribute); r.attribute = attribute }
        if let ssfType { try catalog.require(ssfType, in: .ssfType); r.ssfType = ssfType }
        if let subsidy { r.subsidy = subsidy }
        r.owner = catalog.owner(type: type(c), service: r.service)
        var parts = [("servicio \(r.service)", "service \(r.service)")]
        if let a = r.attribute { parts.append(("atributo \(a)", "attribute \(a)")) }
        if let s = r.ssfType { parts.append(("tipo SSF \(s)", "SSF type \(s)")) }
        if r.subsidy { parts.append(("sobre subsidio", "about subsidies")) }
        return (r, event(c, r, .classify, now, actor, parts.map(\.0).joined(separator: ", ") + "; responsable \(r.owner)",
                         english: parts.map(\.1).joined(separator: ", ") + "; owner \(r.owner)"))
    }

    /// Trasladar (art. 21 de la Ley 1755): not Confa's competence; forwarded. Ends the case.
    public func transfer(_ c: PQRSCaseRecord, to entity: String, on day: CivilDate, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .transfer)
        try required(entity, L("la entidad a la que se traslada (--to)", "the entity it is transferred to (--to)"))
        try notBefore(day, c.received, "el traslado")
        try notAfterToday(day, now, L("la fecha del traslado", "the transfer day"))
        var r = c
        r.state = PQRSState.trasladado.rawValue
        r.closedOn = day.iso
        // Art. 21: the petitioner is told «dentro de los cinco (5) días siguientes al de la recepción»; a later
        // transfer happened all the same, so it is recorded, and said late.
        let limit = calendar.adding(5, businessDaysTo: CivilDate(parsing: c.effectiveReceipt)!)
        let late = day > limit
        return (r, event(c, r, .transfer, now, actor,
                         "trasladado a \(entity) el \(day.iso)" + (late ? "; fuera del término del art. 21 de la Ley 1755 (5 días hábiles, hasta el \(limit.iso))" : ""),
                         english: "transferred to \(entity) on \(day.iso)" + (late ? "; after the term of art. 21 of Ley 1755 (5 business days, until \(limit.iso))" : ""),
                         on: day))
    }

    /// Suspender (Ley 1755, art. 17): the petition is incomplete; the term stops until it is completed.
    /// The request to complete it must come «dentro de los diez (10) días siguientes a la fecha de
    /// radicación» (business days, as every term in days: Ley 4 de 1913, art. 62), so a late suspension
    /// cannot make an overdue case look on time.
    public func suspend(_ c: PQRSCaseRecord, on day: CivilDate, reason: String, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .suspend)
        guard c.hasTerm else { throw .noTerm(radicado: c.radicado, action: .suspend) }
        try required(reason, L("decir qué le falta a la petición (--reason)", "what the request lacks (--reason)"))
        try notBefore(day, c.received, "la suspensión")
        let limit = calendar.adding(10, businessDaysTo: CivilDate(parsing: c.effectiveReceipt)!)
        guard day <= limit else { throw .suspensionLate(radicado: c.radicado, date: day, limit: limit) }
        var r = c
        r.state = PQRSState.suspendido.rawValue
        r.suspendedOn = day.iso
        return (r, event(c, r, .suspend, now, actor, "petición incompleta, se pide completarla el \(day.iso): \(reason)",
                         english: "request incomplete, completion asked on \(day.iso): \(reason)", on: day))
    }

    /// Reanudar: the petition was completed; the term starts again from that day (a new deadline version).
    public func resume(_ c: PQRSCaseRecord, on day: CivilDate, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .resume)
        if let suspended = c.suspendedOn.flatMap(CivilDate.init(parsing:)) { try notBefore(day, suspended, "la reanudación", earlier: "la suspensión") }
        let term = Deadline(received: day, termDays: c.termDays, calendar: calendar)
        var r = c
        r.state = PQRSState.asignado.rawValue
        r.effectiveReceipt = term.effectiveReceipt.iso
        r.deadline = term.deadline.iso
        // originalDeadline stays the filing's: the history keeps what the first term was.
        r.maximumExtension = term.maximumExtension.iso
        r.deadlineVersion += 1
        r.calendarVersion = calendar.version
        return (r, event(c, r, .resume, now, actor, "petición completada el \(day.iso); el término vuelve a empezar: vence \(term.deadline.iso)",
                         english: "request completed on \(day.iso); the term starts again: due \(term.deadline.iso)", on: day))
    }

    /// Desistir: no answer to the request to complete the petition (desistimiento tácito). Ends the case.
    /// Ley 1755, art. 17: the petitioner has «el término máximo de un (1) mes» to complete it, so the
    /// desistimiento is declared only after that month (a prórroga the petitioner asks for, «hasta por
    /// un término igual», is not recorded yet: with one, wait for it).
    public func desist(_ c: PQRSCaseRecord, on day: CivilDate, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .desist)
        if let suspended = c.suspendedOn.flatMap(CivilDate.init(parsing:)) {
            let earliest = suspended.addingMonths(1).adding(days: 1)
            guard day >= earliest else { throw .desistTooEarly(radicado: c.radicado, date: day, suspended: suspended, earliest: earliest) }
        }
        var r = c
        r.state = PQRSState.desistido.rawValue
        r.closedOn = day.iso
        return (r, event(c, r, .desist, now, actor, "desistimiento tácito el \(day.iso)", english: "tacit withdrawal on \(day.iso)", on: day))
    }

    /// Prorrogar (Ley 1755, art. 14, parágrafo): once, notified no later than the deadline, to a date after
    /// it and no later than twice the term.
    public func extend(_ c: PQRSCaseRecord, until: CivilDate, notified: CivilDate, reason: String, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .extend)
        guard c.hasTerm else { throw .noTerm(radicado: c.radicado, action: .extend) }
        try required(reason, L("el motivo de la prórroga (--reason)", "the reason for the extension (--reason)"))
        let deadline = CivilDate(parsing: c.deadline)!, maximum = CivilDate(parsing: c.maximumExtension)!
        guard notified <= deadline else { throw .extensionLate(notified: notified, deadline: deadline) }
        try notBefore(notified, c.received, "el aviso de prórroga")
        guard until > deadline else { throw .extensionNotLater(until: until, deadline: deadline) }
        guard until <= maximum else { throw .extensionTooLong(until: until, maximum: maximum, term: c.termDays) }
        let due = calendar.businessDay(onOrAfter: until)
        var r = c
        r.state = PQRSState.prorrogado.rawValue
        r.extended = true
        r.deadline = due.iso
        r.deadlineVersion += 1
        return (r, event(c, r, .extend, now, actor, "prórroga avisada el \(notified.iso): nuevo vencimiento \(due.iso) (antes \(c.deadline)); \(reason)",
                         english: "extension notified on \(notified.iso): new deadline \(due.iso) (was \(c.deadline)); \(reason)", on: notified))
    }

    /// Responder (steps 20–30): the answer's date and channel; on time when not after the deadline.
    public func respond(_ c: PQRSCaseRecord, on day: CivilDate, channel: String, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .respond)
        let received = CivilDate(parsing: c.received)!
        guard day >= received else { throw .responseBeforeFiling(response: day, received: received) }
        try notAfterToday(day, now, L("la fecha de respuesta", "the answer's day"))
        var r = c
        r.state = PQRSState.respondido.rawValue
        r.responseDate = day.iso
        r.responseChannel = channel
        let late = day.iso > c.deadline
        let count = calendar.businessDays(from: CivilDate(parsing: c.effectiveReceipt)!, to: day)
        let days = NumberText.count(count, "día hábil", "días hábiles")
        let timing = !c.hasTerm ? "sin término" : late ? "fuera de término (vencía \(c.deadline))" : "a tiempo"
        let timingEn = !c.hasTerm ? "no term" : late ? "late (it was due \(c.deadline))" : "on time"
        return (r, event(c, r, .respond, now, actor, "respondido el \(day.iso) por \(channel), \(days), \(timing)",
                         english: "answered on \(day.iso) by \(channel), \(count) business day\(count == 1 ? "" : "s"), \(timingEn)", on: day))
    }

    /// Cargar en la plataforma de la SSF (step 30): only for cases that came from the SSF.
    public func uploadSSF(_ c: PQRSCaseRecord, certificate: String, on day: CivilDate, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .uploadSSF)
        guard c.fromSSF else { throw .refused(radicado: c.radicado, state: state(c), action: .uploadSSF) }
        try required(certificate, L("el certificado de cargue de la SSF (--certificate)", "the SSF's upload certificate (--certificate)"))
        if let response = c.responseDate { try notBefore(day, response, "el cargue en la SSF", earlier: "la respuesta") }
        try notAfterToday(day, now, L("la fecha del cargue", "the upload day"))
        var r = c
        r.state = PQRSState.cargadoSSF.rawValue
        r.ssfCertificate = certificate
        return (r, event(c, r, .uploadSSF, now, actor, "respuesta cargada en la plataforma de la SSF el \(day.iso), certificado \(certificate)",
                         english: "answer uploaded to the SSF platform on \(day.iso), certificate \(certificate)", on: day))
    }

    /// Whether a case is verified by phone after closing (step 32): every queja and every reclamo not about
    /// subsidies; reclamos about subsidies by the monthly sample; sugerencias only if the catalogue says
    /// so; peticiones, consultas, felicitaciones and SSF requests never.
    public func verification(of c: PQRSCaseRecord) -> VerificationStatus {
        if c.fromSSF { return .noAplica }
        switch PQRSType(rawValue: c.type) {
        case .queja: return .pendiente
        case .reclamo: return c.subsidy ? .pendienteMuestreo : .pendiente
        case .sugerencia: return catalog.verifySuggestions ? .pendiente : .noAplica
        default: return .noAplica
        }
    }

    /// Cerrar (step 31): to verification when the case is verified, else closed.
    public func close(_ c: PQRSCaseRecord, on day: CivilDate, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent) {
        try allowed(c, .close)
        if c.fromSSF && c.ssfCertificate == nil { throw .certificateMissing(radicado: c.radicado) }
        if let responded = c.responseDate.flatMap(CivilDate.init(parsing:)) { try notBefore(day, responded, "el cierre", earlier: "la respuesta") }
        var r = c
        let status = verification(of: c)
        r.verification = status.rawValue
        if status == .noAplica {
            r.state = PQRSState.cerrado.rawValue
            r.closedOn = day.iso
            return (r, event(c, r, .close, now, actor, "cerrado el \(day.iso), sin verificación", english: "closed on \(day.iso), without verification", on: day))
        }
        r.state = PQRSState.enVerificacion.rawValue
        return (r, event(c, r, .close, now, actor, status == .pendiente ? "pasa a verificación de satisfacción" : "espera el sorteo mensual de verificación (reclamo sobre subsidio)",
                         english: status == .pendiente ? "goes to satisfaction verification" : "waits for the monthly verification draw (claim about subsidies)", on: day))
    }

    /// A verification call (step 32): `contactado` (with whether the person is satisfied) ends it; the
    /// third unanswered call, on a third different day, ends it as `no-contactado`.
    public func verify(_ c: PQRSCaseRecord, attempts: [VerificationAttemptRecord], on day: CivilDate, time: String, contacted: Bool, satisfied: Bool?,
                       notes: String?, at now: String, actor: String) throws(CaseError) -> (PQRSCaseRecord, PQRSEvent, VerificationAttemptRecord) {
        guard state(c) == .enVerificacion else {
            if state(c) == .cerrado, let status = VerificationStatus(rawValue: c.verification), status != .noAplica {
                throw .verificationOver(radicado: c.radicado, status: status)
            }
            throw .refused(radicado: c.radicado, state: state(c), action: .verify)
        }
        guard c.verification == VerificationStatus.pendiente.rawValue else {
            throw .notSelected(radicado: c.radicado, status: VerificationStatus(rawValue: c.verification) ?? .noAplica)
        }
        if contacted && satisfied == nil { throw .satisfactionNeeded }
        if !contacted && satisfied != nil { throw .satisfactionWithoutContact }
        if attempts.contains(where: { $0.onDate == day.iso }) { throw .attemptSameDay(radicado: c.radicado, date: day) }
        if let last = attempts.map(\.onDate).max() { try notBefore(day, last, "la llamada", earlier: "el intento anterior") }
        try notAfterToday(day, now, L("la fecha de la llamada", "the call's day"))
        if let responded = c.responseDate.flatMap(CivilDate.init(parsing:)) { try notBefore(day, responded, "la llamada", earlier: "la respuesta") }
        let attempt = VerificationAttemptRecord(radicado: c.radicado, onDate: day.iso, outcome: contacted ? "contactado" : "no-contesta",
                                                satisfied: satisfied, notes: notes, actor: actor, time: time)
        var r = c
        let number = attempts.count + 1
        let call = "intento \(number) (\(day.iso) \(time))", callEn = "attempt \(number) (\(day.iso) \(time))"
        let noted = notes.map { ": \($0)" } ?? ""
        if contacted {
            r.verification = VerificationStatus.contactado.rawValue
            r.satisfied = satisfied
            r.state = PQRSState.cerrado.rawValue
            r.closedOn = day.iso
            return (r, event(c, r, .verify, now, actor, "\(call): contactado, \(satisfied! ? "satisfecho" : "no satisfecho")" + noted,
                             english: "\(callEn): reached, \(satisfied! ? "satisfied" : "not satisfied")" + noted, on: day), attempt)
        }
        if number >= 3 {
            r.verification = VerificationStatus.noContactado.rawValue
            r.state = PQRSState.cerrado.rawValue
            r.closedOn = day.iso
            return (r, event(c, r, .verify, now, actor, "\(call) sin respuesta: cerrado como no contactado",
                             english: "\(callEn) unanswered: closed as not reached", on: day), attempt)
        }
        return (r, event(c, r, .verify, now, actor, "\(call) sin respuesta" + noted, english: "\(callEn) unanswered" + noted, on: day), attempt)
    }

    /// The monthly verification sample of reclamos about subsidies (step 32): the cases waiting for the
    /// draw whose answer is dated in `month` (yyyy-mm), sorted by radicado as bytes and fingerprinted
    /// (SHA-256 of the radicados, one per line); min(k, N) drawn with the seeded partial Fisher–Yates of
    /// `Randomness` (the same seed and cases give the same sample). The others close as not selected.
    public func draw(_ cases: [PQRSCaseRecord], month: String, seed: UInt64, on day: CivilDate, at now: String,
                     actor: String) throws(CaseError) -> (VerificationSampleRecord, [(record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent)]) {
        if let first = CivilDate(parsing: month + "-01") {
            let last = first.addingMonths(1).adding(days: -1)
            guard day > last else { throw .monthNotOver(month: month, lastDay: last, day: day) }
        }
        let population = cases.filter { $0.state == PQRSState.enVerificacion.rawValue && $0.verification == VerificationStatus.pendienteMuestreo.rawValue
            && ($0.responseDate ?? "").hasPrefix(month + "-") }
            .sorted { Array($0.radicado.utf8).lexicographicallyPrecedes(Array($1.radicado.utf8)) }
        let ids = population.map(\.radicado)
        let fingerprint = SHA256.hex(of: Array(ids.joined(separator: "\n").utf8))
        var generator = SplitMix64(seed: seed)
        let k = min(catalog.subsidySampleSize, population.count)
        let chosen = SeededSelection.draw(k, from: population.count, using: &generator)
        let selected = Set(chosen)
        var changes: [(PQRSCaseRecord, PQRSCaseRecord, PQRSEvent)] = []
        for (index, c) in population.enumerated() {
            var r = c
            if selected.contains(index) {
                r.verification = VerificationStatus.pendiente.rawValue
                changes.append((r, c, event(c, r, .draw, now, actor, "seleccionado en la muestra de verificación de \(month)",
                                            english: "drawn in the verification sample of \(month)", on: day)))
            } else {
                r.verification = VerificationStatus.noSeleccionado.rawValue
                r.state = PQRSState.cerrado.rawValue
                r.closedOn = day.iso
                changes.append((r, c, event(c, r, .draw, now, actor, "no seleccionado en la muestra de verificación de \(month): cerrado",
                                            english: "not drawn in the verification sample of \(month): closed", on: day)))
            }
        }
        let sample = VerificationSampleRecord(month: month, seed: seed, algorithm: SeededSelection.algorithm, population: population.count,
                                              populationSHA256: fingerprint, selected: chosen.map { ids[$0] }, drawnAt: now)
        return (sample, changes.map { (record: $0.0, expected: $0.1, event: $0.2) })
    }

    // MARK: - Helpers

    public func state(_ c: PQRSCaseRecord) -> PQRSState { PQRSState(rawValue: c.state) ?? .asignado }
    func type(_ c: PQRSCaseRecord) -> PQRSType { PQRSType(rawValue: c.type) ?? .peticion }

    func allowed(_ c: PQRSCaseRecord, _ action: PQRSAction) throws(CaseError) {
        guard Self.transitions[action]?.contains(state(c)) == true else { throw .refused(radicado: c.radicado, state: state(c), action: action) }
    }

    func notBefore(_ day: CivilDate, _ limit: String, _ what: String, earlier: String = "la radicación") throws(CaseError) {
        try notBefore(day, CivilDate(parsing: limit)!, what, earlier: earlier)
    }

    func notBefore(_ day: CivilDate, _ limit: CivilDate, _ what: String, earlier: String = "la radicación") throws(CaseError) {
        guard day >= limit else { throw .dateBefore(field: what, date: day, earlier: earlier, limit: limit) }
    }

    /// A history line: `details` in Spanish, as the history keeps it, and `english` for the step's own
    /// message with `--lang en`; `day`: the day the step happened in law, when it has one.
    func event(_ before: PQRSCaseRecord, _ after: PQRSCaseRecord, _ action: PQRSAction, _ now: String, _ actor: String, _ details: String,
               english: String, on day: CivilDate? = nil) -> PQRSEvent {
        var line = PQRSEvent(radicado: before.radicado, at: now, actor: actor, action: action.rawValue, from: before.state, to: after.state, details: details,
                             onDate: day?.iso, deadline: after.hasTerm ? after.deadline : nil)
        if Language.current == .en { line.shownInEnglish = english }
        return line
    }
}
