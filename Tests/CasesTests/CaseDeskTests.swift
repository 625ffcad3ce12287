import BusinessDays
import Cases
import Store
import Table
import Testing

/// The PQRSL case rules step by step, with dates worked out by hand on the Colombian calendar.
@Suite struct CaseDeskTests {
    static func d(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    let desk = CaseDesk()
    let now = "2025-12-31T15:00:00.000Z"

    func opened(_ type: PQRSType = .queja, received: String = "2025-06-27", service: String = "recreacion", subsidy: Bool = false,
                fromSSF: Bool = false) throws -> PQRSCaseRecord {
        var (record, _) = try desk.open(.init(channel: .web, type: type, service: service, subsidy: subsidy, fromSSF: fromSSF, text: "texto",
                                             received: Self.d(received)), at: now, actor: "a1")
        record.radicado = "CONFA-2025-000001"
        return record
    }

    @Test("a one-day SSF term: filed Fri 2026-12-04, due Mon 12-07; its reminder is the first day, not Thu 12-03 before the filing")
    func oneDayTerm() throws {
        let (c, _) = try desk.open(.init(channel: .correoSSF, type: .queja, service: "salud", fromSSF: true, text: "x", received: Self.d("2026-12-04"), ssfTermDays: 1),
                                   at: "2026-12-05T15:00:00.000Z", actor: "a1")
        #expect(c.deadline == "2026-12-07" && c.termSource == "ssf")
        #expect(c.reminder(desk.calendar) == Self.d("2026-12-04"))
    }

    @Test("radicar: the queja of Fri 2025-06-27 is due Mon 2025-07-21; routing by the rule table; unknown codes list the valid ones")
    func open() throws {
        let q = try opened()
        #expect(q.deadline == "2025-07-21" && q.effectiveReceipt == "2025-06-27" && q.termDays == 15 && q.owner == "recreacion")
        #expect(q.state == "asignado" && q.calendarVersion == ColombianCalendar.rulesVersion)
        // A documents petition goes to Secretaría General (ruta peticion-documentos:*) and has 10 days.
        let p = try opened(.peticionDocumentos)
        #expect(p.owner == "secretaria-general" && p.termDays == 10)
        #expect(throws: CaseError.unknownCode(list: .service, code: "recreasion", valid: Catalog.standard.codes(.service), suggestion: "recreacion")) {
            try desk.open(.init(channel: .web, type: .queja, service: "recreasion", text: "x", received: Self.d("2025-06-27")), at: now, actor: "a1")
        }
    }

    @Test("a buzón case keeps the deposit day and counts from the opening day")
    func buzon() throws {
        let (c, _) = try desk.open(.init(channel: .buzon, type: .sugerencia, service: "salud", text: "x", received: Self.d("2025-04-21"),
                                         deposited: Self.d("2025-04-19")), at: now, actor: "a1")
        #expect(c.deposited == "2025-04-19" && c.received == "2025-04-21" && c.effectiveReceipt == "2025-04-21")
    }

    @Test("responding: not before the filing; on time or late against the deadline")
    func respond() throws {
        let q = try opened()
        #expect(throws: CaseError.responseBeforeFiling(response: Self.d("2025-06-26"), received: Self.d("2025-06-27"))) {
            try desk.respond(q, on: Self.d("2025-06-26"), channel: "correo", at: now, actor: "s1")
        }
        let (answered, event) = try desk.respond(q, on: Self.d("2025-07-22"), channel: "correo", at: now, actor: "s1")
        #expect(answered.state == "respondido" && event.details.contains("fuera de término"))
    }

    @Test("extension: notified before the deadline, to at most 2n business days, only once")
    func extend() throws {
        let q = try opened()   // deadline 2025-07-21, maximum 2025-08-12
        #expect(throws: CaseError.extensionLate(notified: Self.d("2025-07-22"), deadline: Self.d("2025-07-21"))) {
            try desk.extend(q, until: Self.d("2025-08-05"), notified: Self.d("2025-07-22"), reason: "r", at: now, actor: "s1")
        }
        #expect(throws: CaseError.extensionTooLong(until: Self.d("2025-08-13"), maximum: Self.d("2025-08-12"), term: 15)) {
            try desk.extend(q, until: Self.d("2025-08-13"), notified: Self.d("2025-07-18"), reason: "r", at: now, actor: "s1")
        }
        let (extended, _) = try desk.extend(q, until: Self.d("2025-08-12"), notified: Self.d("2025-07-18"), reason: "r", at: now, actor: "s1")
        #expect(extended.deadline == "2025-08-12" && extended.originalDeadline == "2025-07-21" && extended.deadlineVersion == 2)
        #expect(throws: CaseError.refused(radicado: extended.radicado, state: .prorrogado, action: .extend)) {
            try desk.extend(extended, until: Self.d("2025-08-12"), notified: Self.d("2025-07-18"), reason: "r", at: now, actor: "s1")
        }
    }

    @Test("suspension: the term restarts from the day the petition is completed")
    func suspension() throws {
        let p = try opened(.peticion, received: "2025-04-15")
        let (suspended, _) = try desk.suspend(p, on: Self.d("2025-04-16"), reason: "falta la cédula", at: now, actor: "s1")
        #expect(throws: CaseError.refused(radicado: p.radicado, state: .suspendido, action: .respond)) {
            try desk.respond(suspended, on: Self.d("2025-04-20"), channel: "correo", at: now, actor: "s1")
        }
        // Completed Mon 2025-05-05: 15 business days after it → 05-06 … 05-26 (no holiday in between; 05-26 is a Monday).
        let (resumed, _) = try desk.resume(suspended, on: Self.d("2025-05-05"), at: now, actor: "s1")
        #expect(resumed.deadline == "2025-05-26" && resumed.deadlineVersion == 2 && resumed.state == "asignado")
        // The filing's deadline is kept: 15 business days from 2025-04-15 is 2025-05-09 (holidays 04-17, 04-18, 05-01).
        #expect(resumed.originalDeadline == "2025-05-09" && p.originalDeadline == "2025-05-09")
    }

    @Test("Ley 1755 art. 17: suspended within 10 business days of filing; desistimiento only after the petitioner's month")
    func suspensionLimits() throws {
        let p = try opened(.peticion, received: "2025-04-15")
        // 10 business days after Tue 2025-04-15, by hand: 04-16, 04-21 … 04-25, 04-28, 04-29, 04-30, 05-02
        // (04-17 and 04-18 Semana Santa, 05-01 Día del Trabajo): the last day to suspend is Fri 2025-05-02.
        #expect(throws: CaseError.suspensionLate(radicado: p.radicado, date: Self.d("2025-05-05"), limit: Self.d("2025-05-02"))) {
            try desk.suspend(p, on: Self.d("2025-05-05"), reason: "falta la cédula", at: now, actor: "s1")
        }
        #expect(try desk.suspend(p, on: Self.d("2025-05-02"), reason: "falta la cédula", at: now, actor: "s1").0.state == "suspendido")
        // Suspended 2025-04-16: the petitioner has until 2025-05-16; desistimiento from 2025-05-17.
        let (suspended, _) = try desk.suspend(p, on: Self.d("2025-04-16"), reason: "falta la cédula", at: now, actor: "s1")
        for early in ["2025-04-16", "2025-04-14", "2025-05-16"] {
            #expect(throws: CaseError.desistTooEarly(radicado: p.radicado, date: Self.d(early), suspended: Self.d("2025-04-16"), earliest: Self.d("2025-05-17"))) {
                try desk.desist(suspended, on: Self.d(early), at: now, actor: "s1")
            }
        }
        #expect(try desk.desist(suspended, on: Self.d("2025-05-17"), at: now, actor: "s1").0.state == "desistido")
        // A month from 31 January ends on the last day of February (Código Civil, art. 67).
        #expect(Self.d("2025-01-31").addingMonths(1) == Self.d("2025-02-28") && Self.d("2024-01-31").addingMonths(1) == Self.d("2024-02-29"))
        #expect(Self.d("2025-12-15").addingMonths(1) == Self.d("2026-01-15"))
    }

    @Test("closing: SSF cases need the certificate; quejas go to verification, peticiones close, subsidy reclamos wait for the draw")
    func close() throws {
        let ssf = try desk.respond(try opened(.peticion, fromSSF: true), on: Self.d("2025-07-02"), channel: "correo", at: now, actor: "s").0
        #expect(throws: CaseError.certificateMissing(radicado: ssf.radicado)) { try desk.close(ssf, on: Self.d("2025-07-02"), at: now, actor: "s") }
        let uploaded = try desk.uploadSSF(ssf, certificate: "SSF-123", on: Self.d("2025-07-03"), at: now, actor: "sg").0
        #expect(try desk.close(uploaded, on: Self.d("2025-07-03"), at: now, actor: "s").0.state == "cerrado")
        let queja = try desk.respond(try opened(.queja), on: Self.d("2025-07-02"), channel: "correo", at: now, actor: "s").0
        #expect(try desk.close(queja, on: Self.d("2025-07-02"), at: now, actor: "s").0.verification == "pendiente")
        let reclamo = try desk.respond(try opened(.reclamo, service: "subsidio", subsidy: true), on: Self.d("2025-07-02"), channel: "correo", at: now, actor: "s").0
        #expect(try desk.close(reclamo, on: Self.d("2025-07-02"), at: now, actor: "s").0.verification == "pendiente-muestreo")
    }

    @Test("verification: three unanswered calls on three days close as no contactado; the same day twice and a fourth call are refused")
    func verification() throws {
        var c = try desk.close(try desk.respond(try opened(), on: Self.d("2025-07-02"), channel: "correo", at: now, actor: "s").0,
                               on: Self.d("2025-07-02"), at: now, actor: "s").0
        var attempts: [VerificationAttemptRecord] = []
        for day in ["2025-07-03", "2025-07-04"] {
            let (next, _, attempt) = try desk.verify(c, attempts: attempts, on: Self.d(day), time: "10:00", contacted: false, satisfied: nil, notes: nil, at: now, actor: "v1")
            c = next
            attempts.append(attempt)
        }
        #expect(throws: CaseError.attemptSameDay(radicado: c.radicado, date: Self.d("2025-07-04"))) {
            try desk.verify(c, attempts: attempts, on: Self.d("2025-07-04"), time: "10:00", contacted: false, satisfied: nil, notes: nil, at: now, actor: "v1")
        }
        let (closed, event, _) = try desk.verify(c, attempts: attempts, on: Self.d("2025-07-08"), time: "10:00", contacted: false, satisfied: nil, notes: nil, at: now, actor: "v1")
        #expect(closed.state == "cerrado" && closed.verification == "no-contactado" && event.details.contains("no contactado"))
        #expect(throws: CaseError.verificationOver(radicado: c.radicado, status: .noContactado)) {
            try desk.verify(closed, attempts: attempts, on: Self.d("2025-07-09"), time: "10:00", contacted: false, satisfied: nil, notes: nil, at: now, actor: "v1")
        }
    }

    @Test("the monthly draw: 3 of C1…C10 with seed 42 are C7, C2, C4 (reference vector); the rest close as not selected; the same again")
    func draw() throws {
        var catalog = Catalog.standard
        catalog.subsidySampleSize = 3
        let desk = CaseDesk(catalog: catalog)
        let base = try opened(.reclamo, service: "subsidio", subsidy: true)
        let cases = (1...10).map { i -> PQRSCaseRecord in
            var c = base
            c.radicado = "C\(i)"
            c.state = "en-verificacion"
            c.verification = "pendiente-muestreo"
            c.responseDate = "2025-07-0\(1 + i % 5)"
            return c
        }
        let (sample, changes) = try desk.draw(cases.reversed(), month: "2025-07", seed: 42, on: Self.d("2025-08-01"), at: now, actor: "sistema")
        #expect(sample.selected == ["C7", "C2", "C4"] && sample.population == 10)
        #expect(changes.filter { $0.record.verification == "no-seleccionado" && $0.record.state == "cerrado" }.count == 7)
        let again = try desk.draw(cases, month: "2025-07", seed: 42, on: Self.d("2025-08-01"), at: now, actor: "sistema").0
        #expect(again.selected == sample.selected && again.populationSHA256 == sample.populationSHA256)
        // July is not over on its last day: refused (issue 22), nothing drawn.
        #expect(throws: CaseError.monthNotOver(month: "2025-07", lastDay: Self.d("2025-07-31"), day: Self.d("2025-07-31"))) {
            try desk.draw(cases, month: "2025-07", seed: 42, on: Self.d("2025-07-31"), at: now, actor: "sistema")
        }
    }
}
