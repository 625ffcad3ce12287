import BusinessDays
import Cases
import Table
import Testing

/// Holidays against the published 2025 calendar and spot dates of the vacanza/holidays tests (as
/// collected in the reference `pqrsl.md` §2.2), and the 2026 law that added 9 July.
@Suite struct ColombianCalendarTests {
    static func d(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    @Test("2025: the 18 holidays, 17 distinct dates, 16 on weekdays and 245 business days")
    func year2025() {
        #expect(ColombianCalendar.easter(2025) == Self.d("2025-04-20"))
        let holidays = ColombianCalendar.holidays(2025)
        #expect(holidays.map(\.date.iso) == ["2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-02",
                                             "2025-06-23", "2025-06-30", "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18", "2025-10-13",
                                             "2025-11-03", "2025-11-17", "2025-12-08", "2025-12-25"])
        let dates = Set(holidays.map(\.date))
        #expect(dates.count == 17)
        #expect(dates.filter { ColombianCalendar.weekday($0) < 5 }.count == 16)
        let year = (Self.d("2025-01-01").daysSinceEpoch...Self.d("2025-12-31").daysSinceEpoch).map(CivilDate.init(daysSinceEpoch:))
        #expect(year.filter(ColombianCalendar.isBusinessDay).count == 245)
        #expect(!ColombianCalendar.isHoliday(Self.d("2025-07-14")))
    }

    @Test("moved Easter holidays 2020–2024 and Chiquinquirá from 2026 only")
    func spots() {
        for date in ["2020-05-25", "2021-05-17", "2022-05-30", "2023-05-22", "2024-05-13", "2020-06-15", "2021-06-07", "2022-06-20",
                     "2023-06-12", "2024-06-03", "2020-06-22", "2021-06-14", "2022-06-27", "2023-06-19", "2024-06-10",
                     "2026-07-13", "2028-07-10", "2029-07-09", "2030-07-15", "2031-07-14"] {
            #expect(ColombianCalendar.isHoliday(Self.d(date)), "\(date)")
        }
        #expect(ColombianCalendar.holidays(2025).count == 18 && ColombianCalendar.holidays(2026).count == 19)
        #expect(!ColombianCalendar.isHoliday(Self.d("2025-07-14")))
    }
}
