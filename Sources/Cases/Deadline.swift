import BusinessDays
import Store
import Table

/// A case's legal term on the business calendar (reference `pqrsl.md` §1.2): a filing on a
/// non-business day counts as received on the next business day; the count starts the day after
/// that; the deadline is the n-th business day; the reminder goes 2 business days before; an extension
/// may reach at most the 2n-th business day (Ley 1755 de 2015, art. 14, parágrafo).
public struct Deadline: Sendable, Equatable {
    public let received: CivilDate
    public let effectiveReceipt: CivilDate
    public let termDays: Int
    public let deadline: CivilDate
    public let reminder: CivilDate
    public let maximumExtension: CivilDate
    public let calendarVersion: String

    public init(received: CivilDate, termDays: Int, calendar: BusinessCalendar) {
        self.received = received
        self.termDays = termDays
        effectiveReceipt = calendar.businessDay(onOrAfter: received)
        deadline = calendar.adding(termDays, businessDaysTo: effectiveReceipt)
        reminder = Self.reminder(before: deadline, from: effectiveReceipt, calendar: calendar)
        maximumExtension = calendar.adding(2 * termDays, businessDaysTo: effectiveReceipt)
        calendarVersion = calendar.version
    }

    /// The reminder to the owner: 2 business days before the deadline, never before the day the term
    /// counts from (a one-day term set by the SSF is reminded on its first day).
    public static func reminder(before deadline: CivilDate, from effectiveReceipt: CivilDate, calendar: BusinessCalendar) -> CivilDate {
        max(calendar.adding(-2, businessDaysTo: deadline), effectiveReceipt)
    }
}

extension PQRSCaseRecord {
    /// The reminder of its current deadline (``Deadline/reminder(before:from:calendar:)``).
    public func reminder(_ calendar: BusinessCalendar) -> CivilDate {
        Deadline.reminder(before: CivilDate(parsing: deadline)!, from: CivilDate(parsing: effectiveReceipt)!, calendar: calendar)
    }
}
