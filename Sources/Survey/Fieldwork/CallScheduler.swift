import Foundation

/// Which case an encuestador calls next, by Confa's rule: at most 3 attempts, on different days, with
/// each outcome's waiting time (``Disposition/retryMinutes``); an appointment when it is due comes first,
/// then interviews left half-way, then the cases with fewer attempts in the order of the draw.
/// Days are Colombian days (UTC−5, no daylight saving); calls are made on calling days only (Confa's
/// business days, given by ``isCallingDay``), except an appointment the affiliate set for that day.
public struct CallScheduler: Sendable {
    public struct Case: Sendable {
        public var unit: String
        public var reserve: Bool
        public var order: Int
        /// Current disposition (the last attempt's), if any.
        public var disposition: String?
        /// When each attempt ended, oldest first.
        public var attemptEnds: [Date]
        /// A pending appointment.
        public var appointment: Date?
        /// An interview started and not finished.
        public var unfinished: Bool

        public init(unit: String, reserve: Bool, order: Int, disposition: String?, attemptEnds: [Date], appointment: Date?, unfinished: Bool) {
            self.unit = unit
            self.reserve = reserve
            self.order = order
            self.disposition = disposition
            self.attemptEnds = attemptEnds
            self.appointment = appointment
            self.unfinished = unfinished
        }
    }

    public static let maximumAttempts = 3
    static let colombia = TimeZone(secondsFromGMT: -5 * 3600)!

    public let includeReserve: Bool
    /// Whether calls are made on a day (year, month, day in Colombia); by default every day
    /// (``colombian(includeReserve:anyDay:)`` gives Confa's rule).
    public let isCallingDay: @Sendable (_ year: Int, _ month: Int, _ day: Int) -> Bool

    public init(includeReserve: Bool = false, isCallingDay: @escaping @Sendable (Int, Int, Int) -> Bool = { _, _, _ in true }) {
        self.includeReserve = includeReserve
        self.isCallingDay = isCallingDay
    }

    /// Whether `now` falls on a calling day.
    public func callingDay(_ now: Date) -> Bool {
        let d = Self.day(now)
        return isCallingDay(d.year ?? 0, d.month ?? 0, d.day ?? 0)
    }

    /// The day of a moment in Colombia.
    public static func day(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = colombia
        return calendar.dateComponents([.year, .month, .day], from: date)
    }

    /// Whether the case may be called at `now`.
    public func callable(_ c: Case, now: Date) -> Bool {
        if c.reserve && !includeReserve { return false }
        if let code = c.disposition, Disposition.named(code)?.final == true { return false }
        if let appointment = c.appointment { return now >= appointment }
        if c.attemptEnds.count >= Self.maximumAttempts || !callingDay(now) { return false }
        guard let last = c.attemptEnds.last else { return true }
        if Self.day(last) == Self.day(now) { return false }
        let wait = c.disposition.flatMap { Disposition.named($0)?.retryMinutes } ?? 0
        return now >= last.addingTimeInterval(Double(wait) * 60)
    }

    /// The cases callable now, best first.
    public func ordered(_ cases: [Case], now: Date) -> [Case] {
        func rank(_ c: Case) -> (Int, Int, Int, Int) {
            (c.appointment != nil ? 0 : (c.unfinished ? 1 : 2), c.attemptEnds.count, c.reserve ? 1 : 0, c.order)
        }
        return cases.filter { callable($0, now: now) }.sorted { rank($0) < rank($1) }
    }

    /// The next case to call, or nil when none is callable now.
    public func next(_ cases: [Case], now: Date) -> Case? { ordered(cases, now: now).first }

    /// Share of the applicable questions answered from which an interview that was not finished counts
    /// as partial (AAPOR 1.2) rather than a break-off (2.12). AAPOR leaves it to the researcher; 50 %
    /// is the usual choice (reference `questionnaire.md` §8.3 c).
    public static let partialThreshold = 0.5

    /// `parcial` when at least `threshold` (by default ``partialThreshold``; a questionnaire may set its
    /// own with `parcial desde N %`) of the applicable questions were answered, else `abandono`.
    public static func partialDisposition(answered: Int, applicable: Int, threshold: Double? = nil) -> String {
        applicable > 0 && Double(answered) >= (threshold ?? partialThreshold) * Double(applicable) ? "parcial" : "abandono"
    }

    /// The final disposition of a case that used its attempts: `max_intentos_contactado` when some
    /// attempt reached someone (its outcome is a refusal, «other» or an interview), else `max_intentos`.
    public static func exhaustedDisposition(attempts: [String]) -> String {
        let reached: Set<OutcomeRates.OutcomeClass> = [.complete, .partial, .refusal, .other]
        return attempts.contains { Disposition.named($0).map { reached.contains($0.outcome) } ?? false } ? "max_intentos_contactado" : "max_intentos"
    }

    /// How a case still open ends when its attempts are used up (or the field closes): an interview with
    /// answers as `parcial` or `abandono` by its progress (AAPOR 1.2 / 2.12), anything else by its
    /// attempts (``exhaustedDisposition(attempts:)``). An interview left before its first answer is no
    /// break-off: the affiliate was reached and did not refuse, so it counts among the contacted.
    /// `collect` closes cases by it and `responses status` and `/campo` classify half-done interviews by it.
    public static func closingDisposition(attempts: [String], progress: InterviewProgress?, threshold: Double? = nil) -> String {
        if let progress, progress.answered > 0 {
            return partialDisposition(answered: progress.answered, applicable: progress.applicable, threshold: threshold)
        }
        return exhaustedDisposition(attempts: attempts)
    }

    /// The earliest moment the case may be called again after an attempt that ended at `end` with
    /// `disposition`, by the rule of ``callable(_:now:)`` (the outcome's wait, another day, a calling
    /// day); nil when the outcome ends the case or `attempts` (this one included) used them all up.
    public func nextAttempt(after end: Date, disposition: String, attempts: Int) -> Date? {
        guard let d = Disposition.named(disposition), !d.final, !d.endsNumber, attempts < Self.maximumAttempts else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.colombia
        func nextDay(_ date: Date) -> Date { calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date))! }
        var next = end.addingTimeInterval(Double(d.retryMinutes ?? 0) * 60)
        if Self.day(next) == Self.day(end) { next = nextDay(end) }
        for _ in 0..<366 where !callingDay(next) { next = nextDay(next) }
        return next
    }

    /// Cases that used their attempts without a final result: they end as `max_intentos`, or
    /// `max_intentos_contactado` when someone was reached before; one with an interview left half-way
    /// ends as `parcial` or `abandono` (``partialDisposition(answered:applicable:)``).
    public func exhausted(_ cases: [Case]) -> [Case] {
        cases.filter { c in
            c.attemptEnds.count >= Self.maximumAttempts && c.appointment == nil
                && !(c.disposition.flatMap { Disposition.named($0)?.final } ?? false)
        }
    }
}
