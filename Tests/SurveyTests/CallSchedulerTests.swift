import Survey
import Foundation
import Testing

/// Confa's calling rule, case by case, with times written out in Colombian time (UTC−5).
@Suite struct CallSchedulerTests {
    static func at(_ text: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: text)!
    }
    static func c(_ unit: String, order: Int, disposition: String? = nil, ends: [String] = [], appointment: String? = nil,
                  unfinished: Bool = false, reserve: Bool = false) -> CallScheduler.Case {
        .init(unit: unit, reserve: reserve, order: order, disposition: disposition, attemptEnds: ends.map(at),
              appointment: appointment.map(at), unfinished: unfinished)
    }

    @Test("not twice the same Colombian day; the outcome's wait; three attempts at most; final outcomes never")
    func rules() {
        let s = CallScheduler()
        // 2026-12-01 09:00 in Bogotá is 14:00 UTC; an attempt at 08:00 Bogotá the same day blocks the case.
        let now = Self.at("2026-12-01T14:00:00Z")
        #expect(!s.callable(Self.c("a", order: 1, disposition: "no_contesta", ends: ["2026-12-01T13:00:00Z"]), now: now))
        // The day before at 23:30 Bogotá (04:30 UTC on the 1st) is another Colombian day: callable.
        #expect(s.callable(Self.c("a", order: 1, disposition: "no_contesta", ends: ["2026-12-01T04:30:00Z"]), now: now))
        // A refusal by another person waits a week (10,080 minutes).
        #expect(!s.callable(Self.c("b", order: 2, disposition: "rechazo_hogar", ends: ["2026-11-28T15:00:00Z"]), now: now))
        // Seven days after 2026-11-24 13:00 UTC is 2026-12-01 13:00 UTC, an hour before now.
        #expect(s.callable(Self.c("b", order: 2, disposition: "rechazo_hogar", ends: ["2026-11-24T13:00:00Z"]), now: now))
        let three = Self.c("d", order: 3, disposition: "no_contesta", ends: ["2026-11-27T15:00:00Z", "2026-11-28T15:00:00Z", "2026-11-29T15:00:00Z"])
        #expect(!s.callable(three, now: now))
        #expect(s.exhausted([three]).map(\.unit) == ["d"])
        #expect(!s.callable(Self.c("e", order: 4, disposition: "completa", ends: ["2026-11-20T15:00:00Z"]), now: now))
        #expect(!s.callable(Self.c("r", order: 5, reserve: true), now: now))
        #expect(CallScheduler(includeReserve: true).callable(Self.c("r", order: 5, reserve: true), now: now))
    }

    @Test("calls only on calling days: a Sunday and a holiday call nobody, except an appointment set for that day")
    func callingDays() {
        // Confa's calendar for these dates, written out: Saturday 5 and Sunday 6 December 2026 are weekend,
        // Tuesday 8 December 2026 is the Inmaculada Concepción holiday (fixed, not moved).
        let closed: Set<[Int]> = [[2026, 12, 5], [2026, 12, 6], [2026, 12, 8]]
        let s = CallScheduler(isCallingDay: { y, m, d in !closed.contains([y, m, d]) })
        let fresh = Self.c("a", order: 1)
        // 10:00 in Bogotá is 15:00 UTC.
        #expect(!s.callable(fresh, now: Self.at("2026-12-06T15:00:00Z")))
        #expect(!s.callable(fresh, now: Self.at("2026-12-08T15:00:00Z")))
        #expect(s.callable(fresh, now: Self.at("2026-12-07T15:00:00Z")))
        // Sunday 6 December at 23:30 in Bogotá is already 7 December in UTC, but still Sunday in Colombia.
        #expect(!s.callable(fresh, now: Self.at("2026-12-07T04:30:00Z")))
        let appointment = Self.c("b", order: 2, disposition: "cita", ends: ["2026-12-04T15:00:00Z"], appointment: "2026-12-08T14:00:00Z")
        #expect(s.callable(appointment, now: Self.at("2026-12-08T15:00:00Z")))
        #expect(s.next([fresh, appointment], now: Self.at("2026-12-08T15:00:00Z"))?.unit == "b")
    }

    @Test("order: a due appointment, then an interview left half-way, then fewer attempts, then the draw order")
    func order() {
        let s = CallScheduler()
        let now = Self.at("2026-12-01T20:00:00Z")
        let cases = [Self.c("fresh2", order: 2), Self.c("fresh1", order: 1),
                     Self.c("tried", order: 0, disposition: "no_contesta", ends: ["2026-11-30T15:00:00Z"]),
                     Self.c("half", order: 9, unfinished: true),
                     Self.c("later", order: 8, disposition: "cita", ends: ["2026-11-30T15:00:00Z"], appointment: "2026-12-02T15:00:00Z"),
                     Self.c("due", order: 7, disposition: "cita", ends: ["2026-11-30T15:00:00Z"], appointment: "2026-12-01T19:30:00Z")]
        var remaining = cases
        var order: [String] = []
        while let next = s.next(remaining, now: now) {
            order.append(next.unit)
            remaining.removeAll { $0.unit == next.unit }
        }
        #expect(order == ["due", "half", "fresh1", "fresh2", "tried"])
    }

    @Test("a case out of attempts ends as max_intentos, or max_intentos_contactado if someone was reached")
    func exhaustedDisposition() {
        #expect(CallScheduler.exhaustedDisposition(attempts: ["no_contesta", "buzon", "no_contesta"]) == "max_intentos")
        #expect(CallScheduler.exhaustedDisposition(attempts: ["no_contesta", "rechazo_hogar", "colgo"]) == "max_intentos_contactado")
    }

    @Test("an interview left half-way is partial from half of its applicable questions, else a break-off")
    func partial() {
        #expect(CallScheduler.partialDisposition(answered: 5, applicable: 10) == "parcial")
        #expect(CallScheduler.partialDisposition(answered: 4, applicable: 10) == "abandono")
        #expect(CallScheduler.partialDisposition(answered: 0, applicable: 0) == "abandono")
        // A questionnaire's own «parcial desde 60 %».
        #expect(CallScheduler.partialDisposition(answered: 5, applicable: 10, threshold: 0.6) == "abandono")
        #expect(CallScheduler.partialDisposition(answered: 6, applicable: 10, threshold: 0.6) == "parcial")
    }

    @Test("the next attempt: the outcome's wait, never the same Colombian day, a business day (8 December is a holiday); none after a final outcome or the third attempt")
    func nextAttempt() {
        let s = CallScheduler.colombian(includeReserve: false, anyDay: false)
        // Monday 7 December 2026, 10:00 in Bogotá; no answer waits 180 minutes (13:00, the same day), so the
        // next day, Tuesday the 8th, is a holiday (Inmaculada Concepción): Wednesday 9 December, 00:00 Bogotá = 05:00 UTC.
        #expect(s.nextAttempt(after: Self.at("2026-12-07T15:00:00Z"), disposition: "no_contesta", attempts: 1) == Self.at("2026-12-09T05:00:00Z"))
        // Unavailable this week waits 10,080 minutes: Friday 11 December 16:00 Bogotá → Friday 18 December 16:00 (21:00 UTC), a business day.
        #expect(s.nextAttempt(after: Self.at("2026-12-11T21:00:00Z"), disposition: "no_disponible", attempts: 1) == Self.at("2026-12-18T21:00:00Z"))
        // Friday 11 December 16:00 + 180 min is 19:00 the same day: the next business day is Monday 14 December.
        #expect(s.nextAttempt(after: Self.at("2026-12-11T21:00:00Z"), disposition: "no_contesta", attempts: 2) == Self.at("2026-12-14T05:00:00Z"))
        #expect(s.nextAttempt(after: Self.at("2026-12-07T15:00:00Z"), disposition: "rechazo", attempts: 1) == nil)
        #expect(s.nextAttempt(after: Self.at("2026-12-07T15:00:00Z"), disposition: "no_contesta", attempts: 3) == nil)
    }

    @Test("how an open case closes: by its answers when it has some (half of the applicable ones: partial), else by its attempts; an interview left before its first answer is contacted, not a break-off")
    func closingDisposition() {
        #expect(CallScheduler.closingDisposition(attempts: ["interrumpida"], progress: InterviewProgress(answered: 0, applicable: 9)) == "max_intentos_contactado")
        #expect(CallScheduler.closingDisposition(attempts: ["no_contesta", "interrumpida"], progress: InterviewProgress(answered: 2, applicable: 9)) == "abandono")
        #expect(CallScheduler.closingDisposition(attempts: ["interrumpida"], progress: InterviewProgress(answered: 5, applicable: 9)) == "parcial")
        #expect(CallScheduler.closingDisposition(attempts: ["no_contesta", "buzon", "no_contesta"], progress: nil) == "max_intentos")
        #expect(CallScheduler.closingDisposition(attempts: ["no_contesta", "cita", "no_contesta"], progress: nil) == "max_intentos_contactado")
    }
}
