import Diagnostics
import Foundation
import Questionnaire
import Store

/// An encuestador's shift at the telephone: case after case by Confa's calling rule
/// (``CallScheduler``), each claimed first (``CaseClaims``, shared with the web's interviewer pages),
/// worked (``PhoneInterview``) and released. Cases out of attempts are closed before each pick by
/// ``CallScheduler/closingDisposition(attempts:progress:threshold:)``.
public struct CallShift {
    public enum End: Equatable {
        /// The number of cases asked for was worked, or the one case named.
        case done
        /// No case can be called now.
        case nothingToCall
        /// The encuestador left.
        case quit
        /// The case named is not in the sample.
        case unknownCase
        /// The case named is held by another interviewer.
        case held
        /// The case named was given to another interviewer.
        case assigned(String)
        /// The case named is in a stratum whose quota is full.
        case quotaFull
    }

    let store: any SurveyStore
    let questionnaire: QuestionnaireFile
    let id: String
    let interviewer: String
    let interview: PhoneInterview
    let scheduler: CallScheduler
    let claims: CaseClaims
    let clock: Clock

    /// - Parameter interviewerName: how the script names the encuestador (the staff record's name); the code when nil.
    public init(store: any SurveyStore, questionnaire: QuestionnaireFile, version: String, id: String, interviewer: String, interviewerName: String? = nil,
                mode: Mode, scheduler: CallScheduler, clock: Clock = .system) {
        self.store = store
        self.questionnaire = questionnaire
        self.id = id
        self.interviewer = interviewer
        self.scheduler = scheduler
        self.clock = clock
        interview = PhoneInterview(store: store, questionnaire: questionnaire, version: version, id: id, interviewer: interviewer,
                                   interviewerName: interviewerName, mode: mode, scheduler: scheduler, clock: clock)
        claims = CaseClaims(store: store, questionnaire: id, clock: clock)
    }

    /// Works `unit` alone, or cases until `limit` were worked, none is left or the encuestador quits.
    public func run(unit: String?, limit: Int?, console: some InterviewConsole) throws -> End {
        var worked = 0
        while limit.map({ worked < $0 }) ?? true {
            let states = try store.cases(of: id)
            let quotas = try StratumQuotas.load(store, questionnaire: id, cases: states)
            let chosen: CaseState
            if let unit {
                guard let found = states.first(where: { $0.unit == unit }) else { return .unknownCase }
                if let other = found.assignedTo, other != interviewer { return .assigned(other) }
                guard quotas.allowsStart(found) else { return .quotaFull }
                guard try claims.take(found.unit, for: interviewer) else { return .held }
                chosen = found
            } else {
                let full = try quotas.closeFull(states, in: store, questionnaire: id, actor: interviewer)
                if full > 0 {
                    console.say(Language.current.pick("\(NumberText.count(full, "caso cerrado", "casos cerrados")) por cuota llena en su estrato.",
                                                      "\(full) cases closed: their stratum's quota is full."))
                }
                let candidates = CallScheduler.Case.from(states.filter { CaseClaims.mayWork($0, interviewer) && quotas.allowsStart($0) })
                let closed = try closeExhausted(scheduler.exhausted(candidates))
                if closed > 0 {
                    console.say(Language.current.pick("\(NumberText.count(closed, "caso cerrado", "casos cerrados")) por llegar a \(CallScheduler.maximumAttempts) intentos.",
                                                      "\(closed) cases closed after \(CallScheduler.maximumAttempts) attempts."))
                }
                // The best case that no other encuestador is working now.
                var picked: CaseState?
                for next in scheduler.ordered(candidates, now: clock.now()) where try claims.take(next.unit, for: interviewer) {
                    picked = states.first { $0.unit == next.unit }
                    break
                }
                guard let picked else { return .nothingToCall }
                chosen = picked
            }
            worked += 1
            defer { try? claims.release(chosen.unit, by: interviewer) }
            guard try interview.work(chosen, screen: console) else { return .quit }
            if unit != nil { return .done }
        }
        return .done
    }

    /// Closes the cases whose attempts are used up (``CallScheduler/closingDisposition(attempts:progress:threshold:)``);
    /// returns how many.
    func closeExhausted(_ exhausted: [CallScheduler.Case]) throws -> Int {
        for c in exhausted {
            let attempts = try store.attempts(questionnaire: id, unit: c.unit).map(\.disposition)
            let half = c.unfinished ? try store.interview(questionnaire: id, respondent: c.unit) : nil
            let disposition = CallScheduler.closingDisposition(attempts: attempts, progress: half.map { InterviewProgress(of: $0, in: questionnaire) },
                                                               threshold: questionnaire.partialFrom)
            if half != nil {
                try store.closeInterview(questionnaire: id, respondent: c.unit, disposition: disposition, endedAt: clock.timestamp, actor: interviewer)
            } else {
                try store.close(questionnaire: id, unit: c.unit, disposition: disposition, actor: interviewer)
            }
        }
        return exhausted.count
    }
}
