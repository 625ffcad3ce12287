import BusinessDays
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
        reminder = calendar.adding(-2, businessDaysTo: deadline)
        maximumExtension = calendar.adding(2 * termDays, businessDaysTo: effectiveReceipt)
        calendarVersion = calendar.version
    }
}
