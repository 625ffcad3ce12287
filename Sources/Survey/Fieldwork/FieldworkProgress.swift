/// How fieldwork stands: per group (stratum or interviewer), the cases released, completed and pending
/// against the target, and the AAPOR counts and rates of their current dispositions.
///
/// A released case is one of the main sample, or a reserve case that has been tried. A case has been
/// tried when it has a contact attempt or a disposition (an interview imported from another channel has
/// the second without the first). A released case not yet tried counts as AAPOR 3.11 «not attempted»
/// (unknown eligibility, class UH); a disposition Sondeo does not know counts as «other unknown» (UO).
public struct FieldworkProgress: Sendable {
    /// One case as the store holds it.
    public struct Case: Sendable {
        public var group: String
        public var reserve: Bool
        public var disposition: String?
        public var attempts: Int
        /// The disposition whose AAPOR class counts for a case still open with a half-done interview
        /// (``CallScheduler/closingDisposition(attempts:progress:threshold:)``); nil for the others.
        public var classedAs: String?

        var tried: Bool { attempts > 0 || disposition != nil }

        public init(group: String, reserve: Bool, disposition: String?, attempts: Int, classedAs: String? = nil) {
            self.group = group
            self.reserve = reserve
            self.disposition = disposition
            self.attempts = attempts
            self.classedAs = classedAs
        }
    }

    /// The figures of one group, or of all cases.
    public struct Summary: Sendable {
        public var group: String?
        /// Main-sample cases: the allocation to complete.
        public var target: Int
        public var released: Int
        public var completes: Int
        public var partials: Int
        /// Released cases with a final disposition.
        public var finished: Int
        /// Released cases never tried.
        public var notTried: Int
        /// Reserve cases brought into the field.
        public var reserveUsed: Int
        public var rates: OutcomeRates
    }

    public let total: Summary
    public let groups: [Summary]
    /// What the groups are (for the report).
    public var grouping: Grouping = .estrato

    /// - Parameter targets: completes wanted per group (an allocation); by default, the group's main-sample cases.
    public init(cases: [Case], e: Double? = nil, targets: [String: Int]? = nil) {
        func summarise(_ cases: [Case], group: String?) -> Summary {
            let released = cases.filter { !$0.reserve || $0.tried }
            var classes: [OutcomeRates.OutcomeClass] = []
            var finished = 0
            for c in released {
                guard let code = c.disposition else { classes.append(.unknownHousehold); continue }
                let disposition = Disposition.named(code)
                classes.append(Disposition.named(c.classedAs ?? code)?.outcome ?? .unknownOther)
                if disposition?.final == true { finished += 1 }
            }
            let target = targets.map { t in group.map { t[$0] ?? 0 } ?? t.values.reduce(0, +) } ?? cases.filter { !$0.reserve }.count
            return Summary(group: group, target: target, released: released.count,
                           completes: released.filter { $0.disposition == "completa" }.count,
                           partials: released.filter { $0.disposition == "parcial" }.count,
                           finished: finished, notTried: released.filter { !$0.tried }.count,
                           reserveUsed: released.filter(\.reserve).count, rates: OutcomeRates(outcomes: classes, e: e))
        }
        total = summarise(cases, group: nil)
        let names = Array(Set(cases.map(\.group))).sorted()
        groups = names.map { name in summarise(cases.filter { $0.group == name }, group: name) }
    }
}
