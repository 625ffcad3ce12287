import Foundation
import GRDB
import SondeoTestSupport
@testable import Store
import Testing

/// The embedded store: versions, samples, attempts and the append-only audit log.
@Suite struct SQLiteStoreTests {
    static func version(_ text: String, version: String = "1") -> PublishedVersion {
        PublishedVersion(questionnaire: "satisfaccion", version: version, sha256: "sha256-of-" + text, source: text, publishedAt: "2026-11-29T10:00:00Z")
    }

    @Test("publishing: new, the same text again is a no-op, another text under the same version is refused")
    func publish() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        #expect(try store.publish(Self.version("a"), actor: "ana") == .published)
        #expect(try store.publish(Self.version("a"), actor: "ana") == .alreadyPublished)
        #expect(throws: StoreError.versionChanged(questionnaire: "satisfaccion", version: "1")) { try store.publish(Self.version("b"), actor: "ana") }
        #expect(try store.publish(Self.version("b", version: "2"), actor: "ana") == .published)
        #expect(try store.versions(of: "satisfaccion").map(\.version) == ["1", "2"])
        // Reopening sees the same data (the migrations do not run twice).
        let reopened = try SQLStore(sqlite: dir.path("s.sqlite"))
        #expect(try reopened.questionnaires() == ["satisfaccion"])
        #expect(try reopened.audit().map(\.action) == ["publish", "publish"])
    }

    @Test("a sample loads once: the same file twice adds nothing; a unit with other data is refused and nothing is added")
    func sample() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        let units = [SampleUnit(unit: "AF1", stratum: "A", weight: 23.5, stratumSize: 14_010, order: 1, contact: ["telefono": "3001234567"]),
                     SampleUnit(unit: "AF2", stratum: "B", weight: 15.9, stratumSize: 3_968, reserve: true, order: 2)]
        #expect(throws: StoreError.unknownQuestionnaire("satisfaccion", suggestion: nil)) { try store.loadSample(units, questionnaire: "satisfaccion", actor: "ana") }
        _ = try store.publish(Self.version("a"), actor: "ana")
        #expect(try store.loadSample(units, questionnaire: "satisfaccion", actor: "ana") == (2, 0))
        #expect(try store.loadSample(units, questionnaire: "satisfaccion", actor: "ana") == (0, 2))
        var changed = units
        changed[1].weight = 16
        changed.append(SampleUnit(unit: "AF3"))
        #expect(throws: StoreError.duplicateUnit(questionnaire: "satisfaccion", unit: "AF2")) { try store.loadSample(changed, questionnaire: "satisfaccion", actor: "ana") }
        #expect(try store.cases(of: "satisfaccion").map(\.unit) == ["AF1", "AF2"])
    }

    @Test("attempts: the last disposition is the case's, with the count and the interviewers")
    func attempts() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        _ = try store.publish(Self.version("a"), actor: "ana")
        _ = try store.loadSample([SampleUnit(unit: "AF1", stratum: "A")], questionnaire: "satisfaccion", actor: "ana")
        try store.record(ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "2026-11-30T14:00:00Z", endedAt: "2026-11-30T14:01:00Z",
                                        disposition: "no_contesta"), questionnaire: "satisfaccion")
        try store.record(ContactAttempt(unit: "AF1", interviewer: "e02", startedAt: "2026-12-01T15:00:00Z", endedAt: "2026-12-01T15:09:00Z",
                                        disposition: "completa", notes: "amable"), questionnaire: "satisfaccion")
        let state = try #require(try store.cases(of: "satisfaccion").first)
        #expect(state.disposition == "completa" && state.attempts == 2 && state.interviewers == ["e01", "e02"])
    }

    @Test("the audit log cannot be edited or emptied, even with SQL")
    func appendOnly() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        _ = try store.publish(Self.version("a"), actor: "ana")
        let queue = try DatabaseQueue(path: dir.path("s.sqlite"))
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'otro'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(try store.audit().map(\.actor) == ["ana"])
    }

    @Test("a new store has 64 KiB pages in WAL mode; a store made with SQLite's 4 KiB pages keeps them and opens as before")
    func pageSize() throws {
        let dir = TemporaryDirectory()
        _ = try SQLStore(sqlite: dir.path("nueva.sqlite"))
        let fresh = try DatabaseQueue(path: dir.path("nueva.sqlite"))
        #expect(try fresh.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 65536)
        #expect(try fresh.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        // A store written by an earlier Sondeo (default pages, WAL): it keeps its pages and its data.
        let older = dir.path("anterior.sqlite")
        let queue = try DatabaseQueue(path: older)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try queue.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        let store = try SQLStore(sqlite: older)
        #expect(try store.publish(Self.version("a"), actor: "ana") == .published)
        #expect(try DatabaseQueue(path: older).read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
    }

    @Test("a file that is not a store is refused with its path")
    func notAStore() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("texto.sqlite", bytes: Array("esto no es una base de datos SQLite, es un texto cualquiera".utf8))
        #expect(throws: StoreError.self) { _ = try SQLStore(sqlite: path) }
    }
}

/// Claims keep two encuestadores off the same case.
@Suite struct CaseClaimTests {
    @Test("a claim holds against others until it expires or is released; its holder may renew it")
    func claims() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        _ = try store.publish(PublishedVersion(questionnaire: "q", version: "1", sha256: "x", source: "x", publishedAt: "2026-11-29T10:00:00Z"), actor: "ana")
        _ = try store.loadSample([SampleUnit(unit: "AF1")], questionnaire: "q", actor: "ana")
        let now = "2026-11-30T14:00:00.000Z", later = "2026-11-30T16:00:00.000Z"
        #expect(try store.claim(questionnaire: "q", unit: "AF1", interviewer: "e01", now: now, until: later))
        #expect(try !store.claim(questionnaire: "q", unit: "AF1", interviewer: "e02", now: now, until: later))
        #expect(try store.claim(questionnaire: "q", unit: "AF1", interviewer: "e01", now: now, until: later))
        #expect(try store.claim(questionnaire: "q", unit: "AF1", interviewer: "e02", now: "2026-11-30T16:00:00.001Z", until: "2026-11-30T18:00:00.000Z"))
        try store.release(questionnaire: "q", unit: "AF1", interviewer: "e02")
        #expect(try store.claim(questionnaire: "q", unit: "AF1", interviewer: "e01", now: now, until: later))
    }
}

/// SQLite's own complaints are English («database or disk is full»); the person reads them in Spanish.
@Suite struct SQLiteMessageTests {
    @Test("a full disk, a read-only store, a file that is not a store: SQLite's result codes in Spanish")
    func reasons() {
        #expect(SQLiteDatabase.reason(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")) == "el disco está lleno")
        #expect(SQLiteDatabase.reason(DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database")) == "el disco es de solo lectura")
        #expect(SQLiteDatabase.reason(DatabaseError(resultCode: .SQLITE_NOTADB, message: "file is not a database")) == "el archivo no es una base de Sondeo o está dañado")
    }
}

/// The write-ahead log of a store that stays open (the web server) does not grow without bound.
@Suite struct WriteAheadLogTests {
    @Test("3,000 answers saved one transaction at a time, the store held open: the WAL stays under 17 MiB (SQLite's own rule would let it reach 64 MiB with 64 KiB pages)")
    func boundedWAL() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("w.sqlite")
        let store = try SQLStore(sqlite: path)
        _ = try store.publish(SQLiteStoreTests.version("encuesta q \"Q\"\nversión 1\nmodos web\nnota: escala 0..10\n  \"¿Nota?\"\n"), actor: "t")
        _ = try store.startInterview(InterviewRecord(questionnaire: "satisfaccion", version: "1", respondent: "AF1", mode: "web", interviewer: nil,
                                                     startedAt: "2026-12-06T10:00:00Z", endedAt: nil, disposition: nil, source: "web", answers: []), actor: "t")
        var largest = 0
        for k in 0..<3_000 {
            try store.saveAnswer(StoredAnswer(variable: "nota", number: Double(k % 11)), variable: "nota", questionnaire: "satisfaccion", respondent: "AF1")
            let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            largest = max(largest, size ?? 0)
        }
        // Each transaction writes at least one 64 KiB page: 3,000 of them are 190 MiB of WAL frames in all.
        #expect(largest > 0 && largest < 17 * 1_048_576, "\(largest)")
    }
}
