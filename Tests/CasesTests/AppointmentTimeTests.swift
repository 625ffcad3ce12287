import BusinessDays
import Foundation
import Table
import Testing

/// Call-back times as an encuestador types them, read on Sunday 6 December 2026 at 10:20 a.m. in
/// Colombia (15:20 UTC). Weekdays checked with Python's `datetime.date(…).strftime('%A')`.
@Suite struct AppointmentTimeTests {
    /// 2026-12-06T15:20:00Z.
    static let now = Date(timeIntervalSince1970: 1_796_570_400)

    func read(_ text: String) -> AppointmentTime? {
        if case .success(let time) = AppointmentTime.parse(text, now: Self.now) { return time }
        return nil
    }

    @Test("the ways people say a call-back time", arguments: [
        ("15/12 10:30", "2026-12-15T10:30:00-05:00", "martes 15 de diciembre, 10:30 a. m."),
        ("15/12/2026 10:30", "2026-12-15T10:30:00-05:00", "martes 15 de diciembre, 10:30 a. m."),
        ("2026-12-15 15:00", "2026-12-15T15:00:00-05:00", "martes 15 de diciembre, 3:00 p. m."),
        ("mañana 3 pm", "2026-12-07T15:00:00-05:00", "lunes 7 de diciembre, 3:00 p. m."),
        ("mañana 3", "2026-12-07T15:00:00-05:00", "lunes 7 de diciembre, 3:00 p. m."),
        ("Mañana 9 a. m.", "2026-12-07T09:00:00-05:00", "lunes 7 de diciembre, 9:00 a. m."),
        ("pasado mañana 10:15", "2026-12-08T10:15:00-05:00", "martes 8 de diciembre, 10:15 a. m."),
        ("hoy 4:30 pm", "2026-12-06T16:30:00-05:00", "domingo 6 de diciembre, 4:30 p. m."),
        ("lunes 9", "2026-12-07T09:00:00-05:00", "lunes 7 de diciembre, 9:00 a. m."),
        ("domingo 11", "2026-12-06T11:00:00-05:00", "domingo 6 de diciembre, 11:00 a. m."),
        ("domingo 9", "2026-12-13T09:00:00-05:00", "domingo 13 de diciembre, 9:00 a. m."),
        ("5/1 8:00", "2027-01-05T08:00:00-05:00", "martes 5 de enero, 8:00 a. m."),
        ("mañana 12 pm", "2026-12-07T12:00:00-05:00", "lunes 7 de diciembre, 12:00 p. m."),
    ])
    func readable(text: String, stored: String, spoken: String) {
        let time = read(text)
        #expect(time?.stored == stored, "\(text)")
        #expect(time?.spoken == spoken, "\(text)")
        #expect(AppointmentTime(stored: stored)?.spoken == spoken)
    }

    @Test("a time already past, or something that is not a time, is refused with what to write")
    func refused() {
        #expect(AppointmentTime.parse("hoy 9", now: Self.now) == .failure(.past(spoken: "domingo 6 de diciembre, 9:00 a. m.")))
        #expect(AppointmentTime.parse("1/12 10:00", now: Self.now).map(\.stored) == .success("2027-12-01T10:00:00-05:00"))
        #expect(AppointmentTime.parse("1/12/2026 10:00", now: Self.now) == .failure(.past(spoken: "martes 1 de diciembre, 10:00 a. m.")))
        for text in ["", "mañana", "31/02 10:00", "lunes 25", "mañana 13 pm", "el lunes"] {
            #expect(AppointmentTime.parse(text, now: Self.now) == .failure(.unreadable), "\(text)")
        }
        #expect(AppointmentTime.Problem.unreadable.message == "escriba el día y la hora, p. ej. «15/12 10:30», «mañana 3 pm» o «lunes 9»")
    }
}
