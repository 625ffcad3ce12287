import Testing
@testable import Table

@Suite struct CivilDateTests {
    /// Days since 1970-01-01, from Python: `(date(2025,1,6) - date(1970,1,1)).days` etc.
    @Test("days since the epoch", arguments: [
        (1970, 1, 1, 0), (2025, 1, 6, 20_094), (1995, 1, 1, 9_131), (1900, 3, 1, -25_508), (2020, 2, 29, 18_321),
    ])
    func days(year: Int, month: Int, day: Int, days: Int) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test("invalid dates and both layouts")
    func parsing() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(parsing: "06/01/2025")?.iso == "2025-01-06")
        #expect(CivilDate(parsing: "6/1/2025")?.iso == "2025-01-06")
        #expect(CivilDate(parsing: "2025-13-01") == nil)
        #expect(CivilDate(parsing: "2025-01-06")?.dayMonthYear == "06/01/2025")
    }
}
