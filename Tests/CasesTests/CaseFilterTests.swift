import Cases
import Store
import Testing

/// The case list's filter and the verification queue, one rule for the command line and the desk.
@Suite struct CaseFilterTests {
    static func record(_ radicado: String, received: String, owner: String = "gestor", state: String = "asignado",
                       verification: String = "no-aplica", responseDate: String? = nil) -> PQRSCaseRecord {
        PQRSCaseRecord(radicado: radicado, channel: "web", type: "queja", service: "salud", attribute: nil, ssfType: nil, subsidy: false,
                       fromSSF: false, text: "x", petitioner: nil, received: received, deposited: nil, effectiveReceipt: received,
                       termDays: 15, termSource: "ley", deadline: received, originalDeadline: received, maximumExtension: received,
                       deadlineVersion: 1, calendarVersion: "1", owner: owner, state: state, responseDate: responseDate,
                       verification: verification, openedAt: received + "T08:00:00-05:00")
    }

    static let cases = [
        record("CONFA-2026-000001", received: "2026-10-30", state: "en-verificacion", verification: "pendiente", responseDate: "2026-11-12"),
        record("CONFA-2026-000002", received: "2026-11-03", owner: "recreacion", state: "en-verificacion", verification: "pendiente", responseDate: "2026-11-10"),
        record("CONFA-2026-000003", received: "2026-11-04", state: "en-verificacion", verification: "pendiente-muestreo", responseDate: "2026-11-09"),
        record("CONFA-2026-000004", received: "2026-11-20", owner: "recreacion", state: "cerrado", verification: "pendiente", responseDate: "2026-11-21"),
        record("CONFA-2026-000005", received: "2026-12-01"),
        record("CONFA-2026-000006", received: "2026-11-05", state: "en-verificacion", verification: "pendiente", responseDate: "2026-11-10"),
    ]

    @Test("by state, owner and month of receipt; blanks mean any; a month not written aaaa-mm is refused")
    func filter() throws {
        let radicados = { (filter: CaseFilter) in filter.apply(Self.cases).map { String($0.radicado.suffix(1)) } }
        #expect(radicados(try CaseFilter(month: "2026-11")) == ["2", "3", "4", "6"])
        #expect(radicados(try CaseFilter(owner: "recreacion", month: "2026-11")) == ["2", "4"])
        #expect(radicados(try CaseFilter(state: "en-verificacion", owner: "", month: "")) == ["1", "2", "3", "6"])
        #expect(radicados(try CaseFilter(month: "2026-10")) == ["1"])
        for month in ["2026-1", "noviembre", "2026-13", "2026-11-01"] {
            #expect(throws: CaseError.badMonth(text: month)) { try CaseFilter(month: month) }
        }
    }

    @Test("the verification queue: in verification with the call pending, the longest answered first, then by radicado")
    func verificationQueue() {
        // 3 waits to be sampled, 4 is closed; 2 and 6 were answered the same day (2026-11-10), 1 later.
        #expect(CaseFilter.verificationQueue(Self.cases).map(\.radicado) == ["CONFA-2026-000002", "CONFA-2026-000006", "CONFA-2026-000001"])
    }
}
