import Diagnostics
import Store

/// The completes wanted per stratum (the allocation, set with `sondeo sample quota`) and whether a
/// stratum is full. Every channel asks it before starting a case: `collect` and the interviewer's web
/// pages stop offering cases of a full stratum, and a respondent opening the link of one gets a polite
/// closing page. An interview already under way finishes. A case not started in a full stratum is
/// closed `cuota_llena` (AAPOR 4.80, «quota filled»: not eligible). Imports are not stopped: those
/// interviews were already made.
public struct StratumQuotas: Sendable {
    public let targets: [String: Int]
    /// Complete interviews per stratum.
    public let completes: [String: Int]

    public init(targets: [String: Int], cases: [CaseState]) {
        self.targets = targets
        var completes: [String: Int] = [:]
        for c in cases where c.disposition == "completa" { completes[c.stratum ?? "", default: 0] += 1 }
        self.completes = completes
    }

    /// The quotas of a questionnaire, with the completes of its cases.
    public static func load(_ store: any SurveyStore, questionnaire: String, cases: [CaseState]) throws -> StratumQuotas {
        StratumQuotas(targets: try store.quotas(questionnaire: questionnaire), cases: cases)
    }

    /// Whether the stratum has a quota and reached it.
    public func isFull(_ stratum: String?) -> Bool {
        guard let stratum, let target = targets[stratum] else { return false }
        return completes[stratum, default: 0] >= target
    }

    /// Whether a case may be worked: its stratum is not full, or its interview is under way or over.
    public func allowsStart(_ c: CaseState) -> Bool {
        c.unfinished || !isFull(c.stratum) || (c.disposition.flatMap { Disposition.named($0)?.final } ?? false)
    }

    /// The open cases of full strata with no interview under way: those ``closeFull(_:in:questionnaire:actor:)`` closes.
    public func stopped(_ cases: [CaseState]) -> [CaseState] { cases.filter { !allowsStart($0) } }

    /// Whether `unit` may not start because its stratum's quota is full (or it was closed so already);
    /// such a case is closed `cuota_llena` at once. The web form asks it before a respondent's or an
    /// interviewer's first page; nothing is read beyond the quotas when there are none.
    public static func stopsCase(_ unit: String, store: any SurveyStore, questionnaire: String, actor: String) throws -> Bool {
        let targets = try store.quotas(questionnaire: questionnaire)
        guard !targets.isEmpty else { return false }
        let cases = try store.cases(of: questionnaire)
        guard let c = cases.first(where: { $0.unit == unit }) else { return false }
        if c.disposition == "cuota_llena" { return true }
        guard !StratumQuotas(targets: targets, cases: cases).allowsStart(c) else { return false }
        try store.close(questionnaire: questionnaire, unit: unit, disposition: "cuota_llena", actor: actor)
        return true
    }

    /// Closes `cuota_llena` the open, not started cases of full strata; returns how many.
    @discardableResult
    public func closeFull(_ cases: [CaseState], in store: any SurveyStore, questionnaire: String, actor: String) throws -> Int {
        let stopped = stopped(cases)
        for c in stopped { try store.close(questionnaire: questionnaire, unit: c.unit, disposition: "cuota_llena", actor: actor) }
        return stopped.count
    }
}
