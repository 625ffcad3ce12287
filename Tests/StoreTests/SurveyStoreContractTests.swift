import Foundation
import GRDB
import SondeoTestSupport
import Store
import Testing

/// What the store must do, run against SQLite and PostgreSQL. PostgreSQL needs a server:
/// `SONDEO_TEST_POSTGRES=postgres://usuario:clave@127.0.0.1/postgres` (a role that may create
/// databases; `.ci/run` starts one); without it the PostgreSQL runs are left out and the test that
/// needs PostgreSQL alone is reported as skipped.
@Suite struct SurveyStoreContractTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// SQLite, and PostgreSQL when a server is given.
    static let backends: [Backend] = TestPostgres.isConfigured ? Backend.allCases : [.sqlite]

    /// A fresh, empty store of the backend.
    static func store(_ backend: Backend, in dir: TemporaryDirectory) throws -> SQLStore {
        switch backend {
        case .sqlite: return try SQLStore(sqlite: dir.path("s.sqlite"))
        case .postgres: return try SQLStore(postgres: try #require(try TestPostgres.newDatabase(for: "SurveyStoreContractTests")))
        }
    }

    static func version(_ text: String) -> PublishedVersion {
        PublishedVersion(questionnaire: "satisfaccion", version: "1", sha256: "sha-" + text, source: text, publishedAt: "2026-11-29T10:00:00Z")
    }

    static func interview(_ respondent: String, answers: [StoredAnswer]) -> InterviewRecord {
        InterviewRecord(questionnaire: "satisfaccion", version: "1", respondent: respondent, mode: "web", interviewer: nil, startedAt: "t0",
                        endedAt: "t1", disposition: "completa", source: "import:abc", answers: answers)
    }

    @Test("publishing, loading the sample and importing are idempotent; conflicting data is refused and nothing is written",
          arguments: Self.backends)
    func idempotence(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(backend, in: dir)
        #expect(try store.publish(Self.version("a"), actor: "ana") == .published)
        #expect(try store.publish(Self.version("a"), actor: "ana") == .alreadyPublished)
        #expect(throws: StoreError.versionChanged(questionnaire: "satisfaccion", version: "1")) { try store.publish(Self.version("b"), actor: "ana") }
        #expect(try store.questionnaires() == ["satisfaccion"] && store.versions(of: "satisfaccion").count == 1)

        let units = [SampleUnit(unit: "AF1", stratum: "A", weight: 10, stratumSize: 100, order: 1, contact: ["telefono": "3001234567"]),
                     SampleUnit(unit: "AF2", stratum: "B", weight: 20, stratumSize: 200, order: 2)]
        #expect(try store.loadSample(units, questionnaire: "satisfaccion", actor: "ana") == (2, 0))
        #expect(try store.loadSample(units, questionnaire: "satisfaccion", actor: "ana") == (0, 2))
        var changed = units
        changed[1].weight = 21
        #expect(throws: StoreError.duplicateUnit(questionnaire: "satisfaccion", unit: "AF2")) { try store.loadSample(changed, questionnaire: "satisfaccion", actor: "ana") }
        #expect(try store.sampleUnits(of: "satisfaccion")["AF1"]?.contact == ["telefono": "3001234567"])

        let answers = [StoredAnswer(variable: "nps", number: 9), StoredAnswer(variable: "razon", text: "buena «atención»"), StoredAnswer(variable: "servicio", status: "NS")]
        #expect(try store.save([Self.interview("AF1", answers: answers), Self.interview("W1", answers: answers)], actor: "ana") == (2, 0))
        #expect(try store.save([Self.interview("AF1", answers: answers)], actor: "ana") == (0, 1))
        // One conflicting interview in a batch: none of the batch is saved.
        #expect(throws: StoreError.duplicateRespondent(questionnaire: "satisfaccion", respondent: "AF1")) {
            try store.save([Self.interview("W2", answers: answers), Self.interview("AF1", answers: [StoredAnswer(variable: "nps", number: 3)])], actor: "ana")
        }
        let stored = try store.interviews(of: "satisfaccion")
        #expect(stored.map(\.respondent) == ["AF1", "W1"])
        #expect(stored[0].answers == answers.sorted { $0.variable < $1.variable })
        #expect(try store.cases(of: "satisfaccion").first { $0.unit == "AF1" }?.disposition == "completa")
        #expect(try store.audit().map(\.action) == ["publish", "load_sample", "save_interviews"])
    }

    @Test("a save in batches: more interviews than one INSERT takes, a respondent twice in one save, a case's disposition, an error that undoes all",
          arguments: Self.backends)
    func batches(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(backend, in: dir)
        _ = try store.publish(Self.version("a"), actor: "ana")
        _ = try store.loadSample([SampleUnit(unit: "AF1", stratum: "A", weight: 10, stratumSize: 100, order: 1),
                                  SampleUnit(unit: "AF2", stratum: "A", weight: 10, stratumSize: 100, order: 2)], questionnaire: "satisfaccion", actor: "ana")
        func row(_ respondent: String, nps: Double = 9) -> InterviewRow {
            InterviewRow(Self.interview(respondent, answers: [StoredAnswer(variable: "nps", number: nps), StoredAnswer(variable: "servicio", status: "NS")]))
        }
        // 70 and then 81 interviews (more than one group of 64), the sampled AF2 among them and W5 again with
        // the same answers: 151 added, 1 unchanged, in the order given.
        var pending = [(1...70).map { row("W\($0)") }, (71...150).map { row("W\($0)") } + [row("AF2"), row("W5")]]
        let saved = try store.save(actor: "ana") { pending.isEmpty ? nil : pending.removeFirst() }
        #expect(saved == (151, 1))
        let stored = try store.interviews(of: "satisfaccion")
        #expect(stored.map(\.respondent) == (1...150).map { "W\($0)" } + ["AF2"])
        #expect(stored[149].answers == [StoredAnswer(variable: "nps", number: 9), StoredAnswer(variable: "servicio", status: "NS")])
        let cases = try store.cases(of: "satisfaccion")
        #expect(cases.first { $0.unit == "AF2" }?.disposition == "completa" && cases.first { $0.unit == "AF1" }?.disposition == nil)

        // The same respondent twice in one save with other answers: refused, and nothing of that save stays.
        #expect(throws: StoreError.duplicateRespondent(questionnaire: "satisfaccion", respondent: "W200")) {
            var twice = [[row("W199"), row("W200")], [row("W200", nps: 3)]]
            _ = try store.save(actor: "ana") { twice.isEmpty ? nil : twice.removeFirst() }
        }
        // An error from whoever hands over the batches undoes what was already written.
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try store.save(actor: "ana") {
                calls += 1
                if calls == 1 { return [row("W300")] }
                throw Stop()
            }
        }
        #expect(try store.interviews(of: "satisfaccion").count == 151)
        #expect(try store.audit().map(\.action) == ["publish", "load_sample", "save_interviews"])
    }

    @Test("an interview typed answer by answer, attempts and an appointment, and two encuestadores claiming the same case",
          arguments: Self.backends)
    func fieldwork(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(backend, in: dir)
        _ = try store.publish(Self.version("a"), actor: "ana")
        _ = try store.loadSample([SampleUnit(unit: "AF1", stratum: "A", order: 1)], questionnaire: "satisfaccion", actor: "ana")
        try store.record(ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-12-01T14:00:00Z", endedAt: "2026-12-01T14:01:00Z",
                                        disposition: "cita"), questionnaire: "satisfaccion")
        try store.addAppointment(questionnaire: "satisfaccion", unit: "AF1", at: "2026-12-02T15:00:00Z", interviewer: "e01")
        var state = try #require(try store.cases(of: "satisfaccion").first)
        #expect(state.attempts == 1 && state.appointment == "2026-12-02T15:00:00Z" && state.disposition == "cita")

        #expect(try store.claim(questionnaire: "satisfaccion", unit: "AF1", interviewer: "e01", now: "2026-12-02T15:00:00Z", until: "2026-12-02T17:00:00Z"))
        #expect(try !store.claim(questionnaire: "satisfaccion", unit: "AF1", interviewer: "e02", now: "2026-12-02T15:05:00Z", until: "2026-12-02T17:05:00Z"))
        let started = try store.startInterview(InterviewRecord(questionnaire: "satisfaccion", version: "1", respondent: "AF1", mode: "telefono", interviewer: "e01",
                                                               startedAt: "2026-12-02T15:01:00Z", endedAt: nil, disposition: nil, source: "collect", answers: []),
                                               actor: "e01")
        #expect(started.answers.isEmpty)
        try store.saveAnswer(StoredAnswer(variable: "consentimiento", number: 1), variable: "consentimiento", questionnaire: "satisfaccion", respondent: "AF1")
        try store.saveAnswer(StoredAnswer(variable: "nps", number: 7), variable: "nps", questionnaire: "satisfaccion", respondent: "AF1")
        try store.saveAnswer(nil, variable: "nps", questionnaire: "satisfaccion", respondent: "AF1")
        // Starting again resumes the same interview with what was saved.
        let resumed = try store.startInterview(started, actor: "e01")
        #expect(resumed.answers == [StoredAnswer(variable: "consentimiento", number: 1)])
        state = try #require(try store.cases(of: "satisfaccion").first)
        #expect(state.unfinished)
        try store.finishInterview(questionnaire: "satisfaccion", respondent: "AF1", disposition: "completa", endedAt: "2026-12-02T15:10:00Z",
                                  attempt: ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-12-02T15:00:00Z", endedAt: "2026-12-02T15:10:00Z",
                                                          disposition: "completa"))
        try store.release(questionnaire: "satisfaccion", unit: "AF1", interviewer: "e01")
        #expect(try store.claim(questionnaire: "satisfaccion", unit: "AF1", interviewer: "e02", now: "2026-12-02T15:11:00Z", until: "2026-12-02T17:11:00Z"))
        state = try #require(try store.cases(of: "satisfaccion").first)
        // The appointment was kept by the second attempt: no pending appointment any more.
        #expect(state.attempts == 2 && state.interviewers == ["e01", "e01"] && state.appointment == nil && !state.unfinished && state.disposition == "completa")
        #expect(try store.attempts(questionnaire: "satisfaccion", unit: "AF1").map(\.disposition) == ["cita", "completa"])
        #expect(try store.interview(questionnaire: "satisfaccion", respondent: "AF1")?.endedAt == "2026-12-02T15:10:00Z")
    }

    @Test("on PostgreSQL too, the audit log and a case's history cannot be edited or deleted, even with SQL", .enabled(if: TestPostgres.isConfigured))
    func appendOnlyOnPostgres() throws {
        let url = try #require(try TestPostgres.newDatabase(for: "SurveyStoreContractTests"))
        let store = try SQLStore(postgres: url)
        _ = try store.publish(Self.version("a"), actor: "ana")
        let event = PQRSEvent(radicado: "", at: "t", actor: "a", action: "radicar", from: nil, to: "asignado", details: "d")
        _ = try store.openCase(CaseStoreTests.record(), year: 2026, event: event)
        for sql in ["UPDATE audit_log SET actor = 'otro'", "DELETE FROM audit_log", "UPDATE pqrs_event SET actor = 'otro'", "DELETE FROM pqrs_event"] {
            #expect(try !Self.psql(url, sql), "\(sql) should be refused")
        }
        #expect(try store.audit().map(\.actor) == ["ana"] && store.history(of: "CONFA-2026-000001").count == 1)
    }

    /// Runs SQL on a PostgreSQL database with psql; true when it succeeded.
    static func psql(_ url: String, _ sql: String) throws -> Bool {
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
        psql.standardError = FileHandle.nullDevice
        try psql.run()
        psql.waitUntilExit()
        return psql.terminationStatus == 0
    }

    @Test("a PostgreSQL store an earlier Sondeo migrated (its names v1, web, pqrsl) opens without running those again, and gets the later ones (v7–v15)",
          .enabled(if: TestPostgres.isConfigured))
    func earlierPostgresStore() throws {
        let url = try #require(try TestPostgres.newDatabase(for: "SurveyStoreContractTests"))
        _ = try SQLStore(postgres: url).publish(Self.version("a"), actor: "ana")
        // The earlier Sondeo's store: its three names, and none of what came after them (v7 to v15).
        #expect(try Self.psql(url, """
            DELETE FROM sondeo_migration; INSERT INTO sondeo_migration (name) VALUES ('v1'), ('web'), ('pqrsl');
            ALTER TABLE web_user DROP COLUMN name; ALTER TABLE sample_case DROP COLUMN assigned_to; DROP TABLE stratum_quota;
            DROP TABLE invitation; ALTER TABLE web_link DROP COLUMN opened_at; DROP TABLE web_setting; DROP TABLE pqrs_notice; DROP TABLE pqrs_attachment; DROP TABLE pqrs_request;
            ALTER TABLE pqrs_verification_attempt DROP COLUMN at_time; ALTER TABLE pqrs_case DROP COLUMN verifier;
            ALTER TABLE pqrs_event DROP COLUMN on_date; ALTER TABLE pqrs_event DROP COLUMN deadline; DROP TABLE pqrs_notice_claim
            """))
        let reopened = try SQLStore(postgres: url)
        #expect(try reopened.questionnaires() == ["satisfaccion"])
        _ = try reopened.openCase(CaseStoreTests.record(), year: 2026, event: PQRSEvent(radicado: "", at: "t", actor: "a", action: "radicar", from: nil,
                                                                                        to: "asignado", details: "d"))
        #expect(try reopened.pqrsCases().count == 1)
        try reopened.saveWebUser(WebUser(code: "e01", role: "encuestador", salt: "00", hash: "00", iterations: 1, name: "Laura Gómez"), actor: "ana")
        #expect(try reopened.webUser("e01")?.name == "Laura Gómez")
    }

    @Test("a case's documents (bytes back as kept, the same file once), its internal requests numbered per case and answered once, its notices logged",
          arguments: Self.backends)
    func caseWork(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(backend, in: dir)
        let radicado = try store.openCase(CaseStoreTests.record(), year: 2026, event: CaseStoreTests.event("asignado"))
        var event = CaseStoreTests.event("asignado")
        event.radicado = radicado
        // Every byte value, and a NUL: a scanned form is binary.
        let bytes = (0...255).map(UInt8.init) + [0, 0, 255]
        let attachment = CaseAttachmentRecord(radicado: radicado, kind: "formato", name: "formato.pdf", sha256: "abc", size: bytes.count, at: "t", actor: "a")
        #expect(try store.attach(attachment, content: bytes, event: event))
        #expect(try !store.attach(attachment, content: bytes, event: event))
        #expect(try store.attachmentContent(radicado: radicado, sha256: "abc") == bytes)
        #expect(try store.attachments(of: radicado) == [attachment])
        let request = CaseRequestRecord(id: 0, radicado: radicado, owner: "credito", what: "extracto", askedOn: "2026-10-02", dueOn: "2026-10-09", answeredOn: nil)
        #expect(try store.addRequest(request, event: event) == 1)
        #expect(try store.addRequest(request, event: event) == 2)
        #expect(try store.answerRequest(radicado: radicado, id: 1, on: "2026-10-05", event: event))
        #expect(try !store.answerRequest(radicado: radicado, id: 1, on: "2026-10-06", event: event))
        #expect(try store.requests(of: radicado).map(\.answeredOn) == ["2026-10-05", nil])
        // Each write that changed something left its history line: radicar, attach, two requests, one answer.
        #expect(try store.history(of: radicado).count == 5)
        // The aprendiz the call is routed to (step 30) is kept with the case.
        let before = try #require(try store.pqrsCase(radicado))
        var routed = before
        routed.verifier = "apr1"
        try store.updateCase(routed, expected: before, event: event)
        #expect(try store.pqrsCase(radicado)?.verifier == "apr1" && before.verifier == nil)
        // Two senders at once (a desk and `cases notify`): the second is refused what the first holds,
        // takes over a hold older than the stale limit, and nobody takes what was accepted.
        let key = "acuse:\(radicado)"
        #expect(try store.claimNotices([(key, "a@b.co"), (key, "c@d.co")], at: "2026-11-10T15:00:00.000Z", staleBefore: "2026-11-10T14:45:00.000Z") == [true, true])
        #expect(try store.claimNotices([(key, "a@b.co")], at: "2026-11-10T15:01:00.000Z", staleBefore: "2026-11-10T14:46:00.000Z") == [false])
        #expect(try store.claimNotices([(key, "c@d.co")], at: "2026-11-10T15:20:00.000Z", staleBefore: "2026-11-10T15:05:00.000Z") == [true])
        try store.logNotices([CaseNoticeEntry(radicado: radicado, notice: "acuse:\(radicado)", address: "a@b.co", at: "t", status: "enviado", detail: nil)], actor: "a")
        #expect(try store.notices().map(\.notice) == ["acuse:\(radicado)"])
        // Sent to a@b.co: logged and let go; never taken again. A failed one could be (no log row stops it).
        #expect(try store.claimNotices([(key, "a@b.co")], at: "2026-11-11T15:00:00.000Z", staleBefore: "2026-11-11T14:45:00.000Z") == [false])
    }

    @Test("assignments and quotas: cases given and taken back, a unit not in the sample refuses the whole assignment, quotas replaced whole; a call answered then undone leaves the case as before",
          arguments: Self.backends)
    func assignmentsQuotasUndo(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let store = try Self.store(backend, in: dir)
        _ = try store.publish(Self.version("a"), actor: "ana")
        _ = try store.loadSample([SampleUnit(unit: "AF1", stratum: "A", weight: 10, stratumSize: 100, order: 1),
                                  SampleUnit(unit: "AF2", stratum: "B", weight: 10, stratumSize: 100, order: 2)], questionnaire: "satisfaccion", actor: "ana")
        #expect(try store.assign(questionnaire: "satisfaccion", units: ["AF1", "AF2"], to: "e01", actor: "s") == 2)
        #expect(try store.assign(questionnaire: "satisfaccion", units: ["AF1"], to: "e01", actor: "s") == 0)
        #expect(throws: StoreError.notInSample(questionnaire: "satisfaccion", unit: "AF9")) {
            try store.assign(questionnaire: "satisfaccion", units: ["AF2", "AF9"], to: nil, actor: "s")
        }
        #expect(try store.cases(of: "satisfaccion").map(\.assignedTo) == ["e01", "e01"])
        #expect(try store.assign(questionnaire: "satisfaccion", units: ["AF2"], to: nil, actor: "s") == 1)
        #expect(try store.cases(of: "satisfaccion").map(\.assignedTo) == ["e01", nil])
        try store.setQuotas(questionnaire: "satisfaccion", ["A": 40, "B": 10], actor: "s")
        try store.setQuotas(questionnaire: "satisfaccion", ["A": 30], actor: "s")
        #expect(try store.quotas(questionnaire: "satisfaccion") == ["A": 30])
        // A call answered (attempt «interrumpida» and the interview opened), then undone.
        try store.record(ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-12-01T14:00:00Z", endedAt: "2026-12-01T14:01:00Z",
                                        disposition: "no_contesta"), questionnaire: "satisfaccion")
        _ = try store.answerCall(InterviewRecord(questionnaire: "satisfaccion", version: "1", respondent: "AF1", mode: "telefono", interviewer: "e01",
                                                 startedAt: "2026-12-02T14:00:00Z", endedAt: nil, disposition: nil, source: "collect", answers: []),
                                 attempt: ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-12-02T14:00:00Z", endedAt: "2026-12-02T14:00:00Z",
                                                         disposition: "interrumpida"))
        #expect(try store.cases(of: "satisfaccion").first?.disposition == "interrumpida")
        try store.undoCall(questionnaire: "satisfaccion", unit: "AF1", startedAt: "2026-12-02T14:00:00Z", actor: "e01")
        #expect(try store.attempts(questionnaire: "satisfaccion", unit: "AF1").map(\.disposition) == ["no_contesta"])
        #expect(try store.cases(of: "satisfaccion").first?.disposition == "no_contesta")
        #expect(try store.interview(questionnaire: "satisfaccion", respondent: "AF1") == nil)
    }

    @Test("a store written by a newer Sondeo (a migration this one does not know) is not opened", arguments: Self.backends)
    func newerStore(_ backend: Backend) throws {
        let dir = TemporaryDirectory()
        let location = backend == .sqlite ? dir.path("s.sqlite") : try #require(try TestPostgres.newDatabase(for: "SurveyStoreContractTests"))
        _ = try SQLStore(location).publish(Self.version("a"), actor: "ana")
        if backend == .sqlite {
            try DatabaseQueue(path: location).write { try $0.execute(sql: "INSERT INTO sondeo_migration (name) VALUES ('v99: futuro')") }
        } else {
            #expect(try Self.psql(location, "INSERT INTO sondeo_migration (name) VALUES ('v99: futuro')"))
        }
        #expect(throws: StoreError.cannotOpen(path: SQLStore.shown(location), reason: .newerSondeo)) { try SQLStore(location) }
    }
}
