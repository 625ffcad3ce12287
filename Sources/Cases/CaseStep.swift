import Diagnostics
import Store
import Table

extension CaseDesk {
    /// A stored case, or CASE-006 with the closest radicado.
    public static func load(_ radicado: String, from store: any CaseStore) throws -> PQRSCaseRecord {
        if let found = try store.pqrsCase(radicado) { return found }
        let all = try store.pqrsCases().map(\.radicado)
        throw CaseError.notFound(radicado: radicado, suggestion: Suggestion.closest(to: radicado, among: all))
    }

    /// One step on a case, as every channel takes it: the case is read, `rule` (one of this desk's
    /// transitions, given the case and the time) makes the new case and its history line, and both are
    /// saved together; a case someone changed meanwhile is refused (STORE-007) and nothing is written.
    public func step(_ radicado: String, in store: any CaseStore, clock: Clock = .system,
                     _ rule: (PQRSCaseRecord, String) throws -> (PQRSCaseRecord, PQRSEvent)) throws -> (PQRSCaseRecord, PQRSEvent) {
        let before = try Self.load(radicado, from: store)
        let (after, event) = try rule(before, clock.timestamp)
        try store.updateCase(after, expected: before, event: event)
        return (after, event)
    }

    /// A verification call on a case (procedure step 30): `outcome` is `contactado` or `no-contesta`;
    /// the call, the case and its history line are saved together.
    public func verify(_ radicado: String, in store: any CaseStore, outcome: String, satisfied: Bool?, notes: String?, on day: CivilDate,
                       clock: Clock = .system, actor: String) throws -> (PQRSCaseRecord, PQRSEvent) {
        let contacted: Bool
        switch String(Suggestion.fold(outcome)) {
        case "contactado": contacted = true
        case "no-contesta", "nocontesta", "no contesta": contacted = false
        default:
            throw CaseError.unknownValue(field: "--outcome", value: outcome, valid: ["contactado", "no-contesta"],
                                         suggestion: Suggestion.closest(to: outcome, among: ["contactado", "no-contesta"]))
        }
        let before = try Self.load(radicado, from: store)
        let (after, event, attempt) = try verify(before, attempts: try store.verificationAttempts(of: before.radicado), on: day, contacted: contacted,
                                                 satisfied: satisfied, notes: notes, at: clock.timestamp, actor: actor)
        try store.updateCase(after, expected: before, event: event, attempt: attempt)
        return (after, event)
    }
}
