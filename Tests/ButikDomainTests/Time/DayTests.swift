import Foundation
import Testing
@testable import ButikDomain

@Suite struct DayTests {
    @Test func epochIsOrdinalZero() {
        let day = Day(year: 1970, month: 1, day: 1)
        #expect(day?.ordinal == 0)
        #expect(Day(ordinal: 0).description == "1970-01-01")
        #expect(Day(ordinal: -1).description == "1969-12-31")
    }

    @Test func knownOrdinals() {
        #expect(Day(year: 2026, month: 3, day: 10)?.ordinal == 20522)
        #expect(Day(year: 2028, month: 2, day: 29)?.ordinal == 21243)
        #expect(Day(ordinal: 21243).description == "2028-02-29")
    }

    @Test(arguments: ["2026-03-10", "2028-02-29", "2000-02-29", "1999-12-31", "2026-12-31", "0999-01-01"])
    func isoRoundTrips(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test func dayAndMonthAreTwoDigitsEach() {
        #expect(Day(iso: "2026-03-09")?.dayAndMonth == "09.03")
        #expect(Day(iso: "2026-11-23")?.dayAndMonth == "23.11")
    }

    @Test func isoParsesComponents() throws {
        let day = try #require(Day(iso: "2026-11-23"))
        #expect(day.components == (2026, 11, 23))
    }

    @Test(arguments: [
        "", "2026-3-10", "26-03-10", "2026/03/10", "2026-03-10T12:00", "2026-02-29", "2100-02-29",
        "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "abcd-ef-gh",
        "2026--03-10", "2026-03-10-", "-2026-03-10", "2026-+3-10", "+026-03-10", "2026-03-+1", " 026-03-10",
    ])
    func invalidIsoIsRejected(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func invalidComponentsAreRejected() {
        #expect(Day(year: 2027, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 6, day: 31) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
        #expect(Day(year: 2026, month: 1, day: 0) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-01"),
        ("2026-02-28", 1, "2026-03-01"),
        ("2028-02-28", 1, "2028-02-29"),
        ("2028-02-29", 1, "2028-03-01"),
        ("2028-02-29", 365, "2029-02-28"),
        ("2028-02-29", 366, "2029-03-01"),
        ("2026-12-31", 1, "2027-01-01"),
        ("2026-03-10", 14, "2026-03-24"),
        ("2026-03-01", -1, "2026-02-28"),
        ("2028-03-01", -1, "2028-02-29"),
        ("2026-01-01", -1, "2025-12-31"),
    ])
    func addingDays(_ start: String, _ days: Int, _ expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.adding(days: days).description == expected)
        #expect(day.adding(days: days).days(since: day) == days)
    }

    @Test(arguments: [
        ("1970-01-01", 4), // Thursday
        ("2026-03-09", 1), // Monday
        ("2026-03-10", 2),
        ("2026-03-14", 6),
        ("2026-03-15", 7), // Sunday
        ("2028-02-29", 2), // Tuesday
        ("1969-12-28", 7), // Sunday before the epoch
    ])
    func isoWeekday(_ text: String, _ weekday: Int) throws {
        #expect(try #require(Day(iso: text)).isoWeekday == weekday)
    }

    @Test func ordering() throws {
        let a = try #require(Day(iso: "2026-03-10")), b = try #require(Day(iso: "2026-03-11"))
        #expect(a < b)
        #expect(!(b < a))
        #expect(b.days(since: a) == 1)
        #expect(a.days(since: b) == -1)
    }

    @Test(arguments: [
        (1_773_144_000, "Europe/Oslo", "2026-03-10"), // 12:00Z = 13:00 CET
        (1_773_185_400, "Europe/Oslo", "2026-03-11"), // 23:30Z = 00:30 CET the next day
        (1_773_185_400, "UTC", "2026-03-10"),
        (1_773_185_400, "America/New_York", "2026-03-10"),
        (1_774_738_740, "Europe/Oslo", "2026-03-28"), // 22:59Z = 23:59 CET
        (1_774_740_600, "Europe/Oslo", "2026-03-29"), // 23:30Z = 00:30 CET, DST starts that night
        (1_774_821_540, "Europe/Oslo", "2026-03-29"), // 21:59Z = 23:59 CEST
        (1_774_823_400, "Europe/Oslo", "2026-03-30"), // 22:30Z = 00:30 CEST (would be 23:30 in CET)
        (1_792_879_140, "Europe/Oslo", "2026-10-24"), // 21:59Z = 23:59 CEST
        (1_792_881_000, "Europe/Oslo", "2026-10-25"), // 22:30Z = 00:30 CEST, DST ends that night
        (1_792_967_400, "Europe/Oslo", "2026-10-25"), // 22:30Z = 23:30 CET
        (-1, "UTC", "1969-12-31"),
    ])
    func fromDateInTimeZone(_ seconds: Int, _ zone: String, _ expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect(Day(Date(timeIntervalSince1970: TimeInterval(seconds)), in: timeZone).description == expected)
    }

    @Test func codesAsIsoString() throws {
        let day = try #require(Day(iso: "2028-02-29"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["2028-02-29"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2027-02-29"]"#.utf8))
        }
    }
}

@Suite struct LocalTimeTests {
    @Test func minuteAndDayInShopZone() {
        let date = Date(timeIntervalSince1970: 1_773_140_700) // 2026-03-10 11:05Z
        #expect(LocalTime.minute(date, in: Fixtures.oslo) == "12:05")
        #expect(LocalTime.minute(date, in: Fixtures.utc) == "11:05")
        #expect(LocalTime.dayAndMinute(date, in: Fixtures.oslo) == "2026-03-10 12:05")
    }

    @Test func crossesMidnightAndDst() {
        #expect(LocalTime.dayAndMinute(Date(timeIntervalSince1970: 1_773_185_400), in: Fixtures.oslo) == "2026-03-11 00:30")
        #expect(LocalTime.dayAndMinute(Date(timeIntervalSince1970: 1_774_823_400), in: Fixtures.oslo) == "2026-03-30 00:30")
        #expect(LocalTime.minute(Date(timeIntervalSince1970: -60), in: Fixtures.utc) == "23:59")
    }
}

extension LocalTimeTests {
    @Test func minuteOfDayReadsHoursAndMinutes() {
        #expect(LocalTime.minuteOfDay("15:00") == 900)
        #expect(LocalTime.minuteOfDay("00:00") == 0)
        #expect(LocalTime.minuteOfDay("23:59") == 1439)
        for bad in ["24:00", "12:60", "12:3a", "", "9", "15", "9:5", "9:155", "12345", "1:2:3", ":15", "9:", "-9:15", "9,15", "２３:００"] {
            #expect(LocalTime.minuteOfDay(bad) == nil, "\(bad)")
        }
    }

    /// A clerk types a time as it comes: with a colon or a full stop, the hour with or without
    /// its leading zero, or four (or three) digits.
    @Test func minuteOfDayReadsTheWaysATimeIsTyped() {
        for typed in ["9:15", "09:15", "9.15", "09.15", "0915", "915", " 9:15 "] {
            #expect(LocalTime.minuteOfDay(typed) == 555, "\(typed)")
        }
        #expect(LocalTime.minuteOfDay("1500") == 900)
        #expect(LocalTime.minuteOfDay("0:05") == 5)
        #expect(LocalTime.minuteOfDay("2359") == 1439)
        #expect(LocalTime.minuteOfDay("2400") == nil)
        #expect(LocalTime.minuteOfDay("960") == nil)
    }

    @Test func aTimeOfDayIsTheShopsWallClock() {
        let afternoon = LocalTime.date(Fixtures.today, minuteOfDay: 900, in: Fixtures.oslo)
        #expect(afternoon == Date(timeIntervalSince1970: 1_773_151_200), "15:00 in Oslo is 14:00 UTC in March")
        #expect(LocalTime.minute(afternoon, in: Fixtures.oslo) == "15:00")
        let summer = Day(year: 2026, month: 7, day: 1)!
        #expect(LocalTime.minute(LocalTime.date(summer, minuteOfDay: 510, in: Fixtures.oslo), in: Fixtures.oslo) == "08:30")
    }

    @Test func aTypedDayIsDayAndMonthWithOrWithoutTheYear() {
        let today = Day(year: 2026, month: 12, day: 1)!
        #expect(Day(typed: "04.12.2026", from: today) == Day(year: 2026, month: 12, day: 4))
        #expect(Day(typed: " 4.12 ", from: today) == Day(year: 2026, month: 12, day: 4))
        #expect(Day(typed: "01.12", from: today) == today, "today is today")
        #expect(Day(typed: "02.01", from: today) == Day(year: 2027, month: 1, day: 2), "a day passed this year is next year's")
        #expect(Day(typed: "29.02", from: today) == Day(year: 2028, month: 2, day: 29))
        #expect(Day(typed: "30.11.2026", from: today) == Day(year: 2026, month: 11, day: 30), "with a year, as written")
        for text in ["31.02", "31.02.2026", "12", "1.2.26", "aa.bb", "04-12", "", "04.12.", "004.12"] {
            #expect(Day(typed: text, from: today) == nil, "\(text)")
        }
    }
}
