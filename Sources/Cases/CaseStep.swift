import Diagnostics
import Store

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
}
