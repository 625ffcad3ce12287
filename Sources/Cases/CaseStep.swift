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

    /// `10:30`, `7:05`, `15:00` as `HH:MM`; anything else refused.
    static func callTime(_ text: String) throws(CaseError) -> String {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, (0..<24).contains(h), (0..<60).contains(m) else {
            throw .badTime(text: text)
        }
        return String(format: "%02d:%02d", h, m)
    }

    /// A verification call on a case (procedure step 30): `outcome` is `contactado` or `no-contesta`;
    /// the call, the case and its history line are saved together.
    /// `time` is the call's local time (`HH:MM`); a call of today without one is taken at the clock's time.
    public func verify(_ radicado: String, in store: any CaseStore, outcome: String, satisfied: Bool?, notes: String?, on day: CivilDate,
                       time: String? = nil, clock: Clock = .system, actor: String) throws -> (PQRSCaseRecord, PQRSEvent) {
        let contacted: Bool
        switch String(Suggestion.fold(outcome)) {
        case "contactado": contacted = true
        case "no-contesta", "nocontesta", "no contesta": contacted = false
        default:
            throw CaseError.unknownValue(field: "--outcome", value: outcome, valid: ["contactado", "no-contesta"],
                                         suggestion: Suggestion.closest(to: outcome, among: ["contactado", "no-contesta"]))
        }
        let before = try Self.load(radicado, from: store)
        let now = clock.timestamp
        let hour = try time.map { text throws(CaseError) in try Self.callTime(text) }
            ?? (day == CivilDate.colombianDay(ofInstant: now) ? String(CivilDate.colombianLocal(now).suffix(5)) : nil)
        guard let hour else { throw CaseError.callTimeNeeded(date: day) }
        let (after, event, attempt) = try verify(before, attempts: try store.verificationAttempts(of: before.radicado), on: day, time: hour, contacted: contacted,
                                                 satisfied: satisfied, notes: notes, at: now, actor: actor)
        try store.updateCase(after, expected: before, event: event, attempt: attempt)
        return (after, event)
    }
}
