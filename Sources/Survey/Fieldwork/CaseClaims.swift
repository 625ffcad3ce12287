import Diagnostics
import Foundation
import Store

/// Who is working a case now, across channels. The terminal interview (`sondeo collect`) and the
/// interviewer's web form (`/encuestador`, `/e/CASE`) take the same claim before they offer, show or
/// write a case, so a case held by one interviewer is neither offered to nor writable by another until
/// it is released: the interview finished or suspended, or the claim expired (two hours, a call and
/// its interview; a process that dies leaves its claim to expire).
public struct CaseClaims: Sendable {
    /// How long a claim lasts without being renewed.
    public static let duration: TimeInterval = 2 * 3600

    let store: any SurveyStore
    let questionnaire: String
    let clock: Clock

    public init(store: any SurveyStore, questionnaire: String, clock: Clock = .system) {
        self.store = store
        self.questionnaire = questionnaire
        self.clock = clock
    }

    /// Claims (or renews) a case for `interviewer`: true when it was free, expired or already theirs;
    /// false when another interviewer holds it. One statement in the store, so two channels asking at
    /// once cannot both win.
    public func take(_ unit: String, for interviewer: String) throws -> Bool {
        try store.claim(questionnaire: questionnaire, unit: unit, interviewer: interviewer, now: clock.timestamp,
                        until: clock.timestamp(after: Self.duration))
    }

    /// Gives the case back (the interviewer stopped working it).
    public func release(_ unit: String, by interviewer: String) throws {
        try store.release(questionnaire: questionnaire, unit: unit, interviewer: interviewer)
    }

    /// The cases an interviewer may open now, in the order of the draw: main sample, not finished,
    /// given to them or to nobody, not held by another interviewer, not out of attempts (the calling
    /// rule of `sondeo collect`) and not in a full stratum (``StratumQuotas``).
    public func offered(_ states: [CaseState], to interviewer: String, quotas: StratumQuotas? = nil) -> [CaseState] {
        let exhausted = Set(CallScheduler().exhausted(CallScheduler.Case.from(states)).map(\.unit))
        return states.filter { c in
            !c.reserve && !(c.disposition.flatMap { Disposition.named($0)?.final } ?? false) && Self.mayWork(c, interviewer)
                && holder(of: c, for: interviewer) == nil && !exhausted.contains(c.unit) && quotas?.allowsStart(c) != false
        }
    }

    /// Whether a supervisor's assignment lets `interviewer` work the case: given to them, or to nobody.
    public static func mayWork(_ c: CaseState, _ interviewer: String) -> Bool {
        c.assignedTo == nil || c.assignedTo == interviewer
    }

    /// The other interviewer holding the case now, or nil when it is free for `interviewer`.
    public func holder(of c: CaseState, for interviewer: String) -> String? {
        guard let by = c.claimedBy, by != interviewer, let until = c.claimedUntil, until >= clock.timestamp else { return nil }
        return by
    }
}
