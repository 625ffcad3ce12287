import Foundation
import GRDB
import SondeoTestSupport
import Store
import Testing

/// PQRSL cases in the store: radicados by year, a change refused when the case changed meanwhile, the
/// history append-only even with SQL.
@Suite struct CaseStoreTests {
    static func record(received: String = "2026-10-01") -> PQRSCaseRecord {
        PQRSCaseRecord(radicado: "", channel: "web", type: "queja", service: "salud", attribute: nil, ssfType: nil, subsidy: false, fromSSF: false,
                       text: "t", petitioner: nil, received: received, deposited: nil, effectiveReceipt: received, termDays: 15, termSource: "ley1755",
                       deadline: "2026-10-23", originalDeadline: "2026-10-23", maximumExtension: "2026-11-18", deadlineVersion: 1,
                       calendarVersion: "v", owner: "salud", state: "asignado", verification: "no-aplica", openedAt: "2026-10-01T12:00:00.000Z")
    }

    static func event(_ to: String) -> PQRSEvent {
        PQRSEvent(radicado: "", at: "2026-10-01T12:00:00.000Z", actor: "a", action: "radicar", from: nil, to: to, details: "d")
    }

    @Test("radicados count per year; a change based on a stale copy is refused and nothing is written")
    func radicadosAndStaleChanges() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        #expect(try store.openCase(Self.record(), year: 2026, event: Self.event("asignado")) == "CONFA-2026-000001")
        #expect(try store.openCase(Self.record(), year: 2026, event: Self.event("asignado")) == "CONFA-2026-000002")
        #expect(try store.openCase(Self.record(received: "2027-01-05"), year: 2027, event: Self.event("asignado")) == "CONFA-2027-000001")
        let read = try #require(try store.pqrsCase("CONFA-2026-000001"))
        var answered = read
        answered.state = "respondido"
        var e = Self.event("respondido")
        e.radicado = read.radicado
        try store.updateCase(answered, expected: read, event: e)
        // A second process still holding the old copy cannot overwrite the answer.
        var stale = read
        stale.state = "suspendido"
        #expect(throws: StoreError.caseChanged(radicado: read.radicado)) { try store.updateCase(stale, expected: read, event: e) }
        #expect(try store.pqrsCase(read.radicado)?.state == "respondido")
        #expect(try store.history(of: read.radicado).map(\.to) == ["asignado", "respondido"])
    }

    @Test("a case's history cannot be edited or deleted, even with SQL")
    func appendOnlyHistory() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        _ = try store.openCase(Self.record(), year: 2026, event: Self.event("asignado"))
        let queue = try DatabaseQueue(path: dir.path("s.sqlite"))
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE pqrs_event SET actor = 'otro'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM pqrs_event") } }
        #expect(try store.history(of: "CONFA-2026-000001").count == 1)
    }
}
