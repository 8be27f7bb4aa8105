import Coaching
import Foundation
import Testing

private func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> SchoolDay
{
    try #require(SchoolDay(iso: iso), "\(iso) is not a day", sourceLocation: sourceLocation)
}

/// The day the examples are typed on.
private let today = SchoolDay(year: 2026, month: 11, day: 24)

@Suite("School days and how long records are kept")
struct SchoolDayTests {
    // MARK: Reading dates

    @Test("a day is read from ISO 8601 and written back the same")
    func isoRoundTrip() throws {
        let day = try day("2026-11-24")
        #expect((day.year, day.month, day.day) == (2026, 11, 24))
        #expect(day.iso == "2026-11-24")
        #expect(day.description == "2026-11-24")
        #expect(day.british == "24/11/2026")
        #expect(SchoolDay(iso: "0999-01-01") == nil)
    }

    @Test(
        "a day is read as staff type it",
        arguments: [
            ("24/11/2026", "2026-11-24"),
            ("24/11/26", "2026-11-24"),
            ("01/09/2026", "2026-09-01"),
            ("1/9/26", "2026-09-01"),
            ("2026-11-24", "2026-11-24"),
            (" 24/11/2026 ", "2026-11-24"),
            ("today", "2026-11-24"),
            ("Today", "2026-11-24"),
            ("  TODAY ", "2026-11-24"),
            ("29/02/2024", "2024-02-29"),
            ("29/02/00", "2000-02-29"),
            ("31/12/1999", "1999-12-31"),
        ])
    func typedDays(typed: String, iso: String) throws {
        let today = try #require(today)
        let read = SchoolDay(typed: typed, today: today)
        #expect(read?.iso == iso)
    }

    @Test("today is whatever day the kiosk says it is")
    func todayIsTheGivenDay() throws {
        let someday = try day("2025-02-28")
        #expect(SchoolDay(typed: "today", today: someday) == someday)
    }

    @Test(
        "a day that does not exist is refused",
        arguments: [
            "31/02/2026", "29/02/2025", "30/02/2024", "29/02/1900", "29/02/2100", "31/04/2026",
            "31/06/2026", "31/09/2026", "31/11/2026", "00/01/2026", "32/01/2026", "01/13/2026",
            "01/00/2026", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
        ])
    func impossibleDays(typed: String) throws {
        let today = try #require(today)
        #expect(SchoolDay(typed: typed, today: today) == nil)
    }

    @Test(
        "text that is not a date is refused",
        arguments: [
            "", "yesterday", "24/11", "24/11/2026/1", "24-11-2026", "2026/11/24", "24/11/026",
            "24/11/20266", "24.11.2026", "2026-1-24", "2026-11-24T10:00", "a/b/c", "24//2026",
            "24 / 11 / 2026", "tomorrow",
        ])
    func notADate(typed: String) throws {
        let today = try #require(today)
        #expect(SchoolDay(typed: typed, today: today) == nil)
    }

    @Test(
        "a date with a plus or minus sign in it is refused",
        arguments: ["24/11/-1", "+1/02/2026", "24/+2/2026", "2026-+1-24", "2026-11--1"])
    func signedNumbersAreNotDates(typed: String) throws {
        let today = try #require(today)
        let read = SchoolDay(typed: typed, today: today)
        #expect(read == nil, "read as \(read?.iso ?? "nothing")")
    }

    @Test("29 February exists only in leap years")
    func leapDays() {
        #expect(SchoolDay(year: 2024, month: 2, day: 29) != nil)
        #expect(SchoolDay(year: 2000, month: 2, day: 29) != nil)
        #expect(SchoolDay(year: 2025, month: 2, day: 29) == nil)
        #expect(SchoolDay(year: 1900, month: 2, day: 29) == nil)
        #expect(SchoolDay(year: 2100, month: 2, day: 29) == nil)
    }

    @Test("days are stored as ISO text and refused when they are not")
    func codable() throws {
        let day = try day("2024-02-29")
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2024-02-29\"]")
        #expect(try JSONDecoder().decode([SchoolDay].self, from: json) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SchoolDay].self, from: Data("[\"29/02/2024\"]".utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SchoolDay].self, from: Data("[\"2025-02-29\"]".utf8))
        }
    }

    // MARK: Counting days

    @Test("day numbers count from 1 January 1970")
    func dayNumberAnchors() throws {
        #expect(try day("1970-01-01").dayNumber == 0)
        #expect(try day("1970-01-02").dayNumber == 1)
        #expect(try day("1969-12-31").dayNumber == -1)
        #expect(try day("2000-03-01").dayNumber == 11_017)
        #expect(try day("2026-11-24").dayNumber == 20_781)
    }

    @Test("every day from 1990 to 2060 survives a round trip through its day number")
    func dayNumberRoundTrip() throws {
        var calendar = Calendar(identifier: .gregorian)
        let utc = try #require(TimeZone(identifier: "UTC"))
        calendar.timeZone = utc
        let first = try day("1990-01-01").dayNumber
        let last = try day("2060-12-31").dayNumber
        var wrong: [String] = []
        var previous: SchoolDay?
        for number in first...last {
            let day = SchoolDay(dayNumber: number)
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(number) * 86_400))
            if day.dayNumber != number
                || SchoolDay(year: day.year, month: day.month, day: day.day) != day
                || (parts.year, parts.month, parts.day) != (day.year, day.month, day.day)
                || SchoolDay(iso: day.iso) != day
                || previous.map({ $0 < day && $0.adding(days: 1) == day }) == false
            {
                wrong.append("\(number) → \(day.iso)")
            }
            previous = day
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        #expect(last - first + 1 == 71 * 365 + 18)  // 18 leap days from 1992 to 2060
    }

    @Test("days are added and counted across month, year and leap day ends")
    func addingDays() throws {
        #expect(try day("2024-02-28").adding(days: 1) == (try day("2024-02-29")))
        #expect(try day("2025-02-28").adding(days: 1) == (try day("2025-03-01")))
        #expect(try day("2026-12-31").adding(days: 1) == (try day("2027-01-01")))
        #expect(try day("2026-01-01").adding(days: -1) == (try day("2025-12-31")))
        #expect(try day("2026-09-01").days(until: try day("2027-08-31")) == 364)
        #expect(try day("2027-08-31").days(until: try day("2026-09-01")) == -364)
    }

    @Test(
        "a year from 29 February is 28 February, unless it is a leap year again",
        arguments: [
            ("2024-02-29", 1, "2025-02-28"),
            ("2024-02-29", 4, "2028-02-29"),
            ("2024-02-29", -1, "2023-02-28"),
            ("2024-02-29", -4, "2020-02-29"),
            ("2024-02-29", 6, "2030-02-28"),
            ("2000-02-29", 100, "2100-02-28"),
            ("2000-02-29", 400, "2400-02-29"),
            ("2026-11-24", 6, "2032-11-24"),
            ("2026-11-24", -6, "2020-11-24"),
            ("2026-02-28", -2, "2024-02-28"),
        ])
    func addingYears(from: String, years: Int, to: String) throws {
        #expect(try day(from).adding(years: years).iso == to)
    }

    @Test(
        "the academic year runs from 1 September to 31 August",
        arguments: [
            ("2026-08-31", "2025-09-01"),
            ("2026-09-01", "2026-09-01"),
            ("2026-09-02", "2026-09-01"),
            ("2026-12-31", "2026-09-01"),
            ("2027-01-01", "2026-09-01"),
            ("2027-02-28", "2026-09-01"),
            ("2027-08-31", "2026-09-01"),
            ("2024-02-29", "2023-09-01"),
        ])
    func academicYear(day text: String, start: String) throws {
        #expect(try day(text).academicYearStart.iso == start)
    }

    @Test("every day of a decade falls in the academic year that starts before it")
    func academicYearForEveryDay() throws {
        var wrong: [String] = []
        for number in try day("2020-01-01").dayNumber...day("2030-12-31").dayNumber {
            let day = SchoolDay(dayNumber: number)
            let start = day.academicYearStart
            if start.month != 9 || start.day != 1 || start > day
                || start.adding(years: 1) <= day
            {
                wrong.append("\(day) → \(start)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("the day a moment falls on depends on the school's time zone")
    func dayOfAMoment() throws {
        // 23:30 UTC on 29 March 2026 is 00:30 on 30 March in British Summer Time.
        let moment = Date(timeIntervalSince1970: 1_774_827_000)
        let utc = try #require(TimeZone(identifier: "UTC"))
        let london = try #require(TimeZone(identifier: "Europe/London"))
        #expect(SchoolDay(moment, in: utc) == (try day("2026-03-29")))
        #expect(SchoolDay(moment, in: london) == (try day("2026-03-30")))
    }

    // MARK: Retention

    @Test("a person's records are past retention exactly six years after they left")
    func sixYearsAfterLeaving() throws {
        let rule = RetentionRule()
        let left = try day("2020-07-31")
        #expect(rule.isPastRetention(leftOn: left, today: try day("2026-07-31")))
        #expect(!rule.isPastRetention(leftOn: left, today: try day("2026-07-30")))
        #expect(rule.isPastRetention(leftOn: left, today: try day("2026-08-01")))
        #expect(rule.leftOnOrBefore(today: try day("2026-07-31")) == left)
    }

    @Test("a closed cycle is past retention exactly six years after it closed")
    func sixYearsAfterClosing() throws {
        let rule = RetentionRule()
        let closed = try day("2019-12-20")
        #expect(rule.isPastRetention(cycleClosedOn: closed, today: try day("2025-12-20")))
        #expect(!rule.isPastRetention(cycleClosedOn: closed, today: try day("2025-12-19")))
        #expect(rule.cycleClosedOnOrBefore(today: try day("2025-12-20")) == closed)
    }

    @Test("a school may keep records for a different number of years")
    func configuredYears() throws {
        let rule = RetentionRule(yearsAfterLeaving: 3, yearsAfterCycleClosed: 1)
        let left = try day("2023-04-01")
        #expect(rule.isPastRetention(leftOn: left, today: try day("2026-04-01")))
        #expect(!rule.isPastRetention(leftOn: left, today: try day("2026-03-31")))
        #expect(rule.isPastRetention(cycleClosedOn: left, today: try day("2024-04-01")))
        #expect(!rule.isPastRetention(cycleClosedOn: left, today: try day("2024-03-31")))
        #expect(RetentionRule() == RetentionRule(yearsAfterLeaving: 6, yearsAfterCycleClosed: 6))
    }

    @Test("the purge cutoff agrees with the retention rule on every day, leap days too")
    func cutoffAgreesWithRule() throws {
        let rule = RetentionRule()
        var wrong: [String] = []
        for number in try day("2024-01-01").dayNumber...day("2028-12-31").dayNumber {
            let today = SchoolDay(dayNumber: number)
            let leaving = rule.leftOnOrBefore(today: today)
            let closing = rule.cycleClosedOnOrBefore(today: today)
            for offset in -3...3 {
                let left = leaving.adding(days: offset)
                if rule.isPastRetention(leftOn: left, today: today) != (left <= leaving) {
                    wrong.append("left \(left), today \(today): cutoff \(leaving)")
                }
                let closed = closing.adding(days: offset)
                if rule.isPastRetention(cycleClosedOn: closed, today: today) != (closed <= closing) {
                    wrong.append("closed \(closed), today \(today): cutoff \(closing)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }
}
