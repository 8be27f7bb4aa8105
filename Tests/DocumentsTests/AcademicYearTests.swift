import Coaching
import Testing

@Suite("Academic years and terms")
struct AcademicYearTests {
    @Test(
        "a day belongs to the year that starts on the 1 September before it",
        arguments: [
            ("2026-09-01", 2026), ("2026-08-31", 2025), ("2026-12-31", 2026), ("2027-01-01", 2026),
            ("2027-08-31", 2026), ("2028-02-29", 2027),
        ])
    func year(iso: String, start: Int) {
        let year = AcademicYear(containing: day(iso))
        #expect(year.startYear == start)
        #expect(year.contains(day(iso)))
        #expect(year.firstDay == day("\(start)-09-01"))
        #expect(year.lastDay == day("\(start + 1)-08-31"))
        #expect(year.firstDay == day(iso).academicYearStart)
    }

    @Test("a year is named 2026–27, and 1999–2000 across a century")
    func names() {
        #expect(AcademicYear(startYear: 2026).name == "2026–27")
        #expect(AcademicYear(startYear: 2026).title == "Academic year 2026–27")
        #expect(AcademicYear(startYear: 2008).name == "2008–09")
        #expect(AcademicYear(startYear: 1999).name == "1999–2000")
        #expect(AcademicYear(startYear: 2026).next == AcademicYear(startYear: 2027))
        #expect(AcademicYear(startYear: 2026).previous < AcademicYear(startYear: 2026))
    }

    @Test(
        "terms by month: autumn September–December, spring January–March, summer April–August",
        arguments: [
            ("2026-09-01", "Autumn term 2026"), ("2026-12-31", "Autumn term 2026"), ("2027-01-01", "Spring term 2027"),
            ("2027-03-31", "Spring term 2027"), ("2027-04-01", "Summer term 2027"), ("2027-08-31", "Summer term 2027"),
        ])
    func terms(iso: String, title: String) {
        let term = SchoolTerm(containing: day(iso))
        #expect(term.title == title)
        #expect(term.contains(day(iso)))
        #expect(term.year == AcademicYear(containing: day(iso)))
    }

    @Test("a year's three terms cover it with no gap")
    func termsCoverTheYear() {
        let year = AcademicYear(startYear: 2027)
        let terms = year.terms
        #expect(terms.map(\.season) == [.autumn, .spring, .summer])
        #expect(terms.first?.firstDay == year.firstDay)
        #expect(terms.last?.lastDay == year.lastDay)
        for (before, after) in zip(terms, terms.dropFirst()) {
            #expect(before.lastDay.adding(days: 1) == after.firstDay)
            #expect(before < after)
        }
        #expect(SchoolTerm(.spring, of: AcademicYear(startYear: 2027)).lastDay == day("2028-03-31"))
    }

    @Test(
        "a day is written out in full",
        arguments: [("2026-11-24", "24 November 2026"), ("2027-01-01", "1 January 2027")])
    func longForm(iso: String, text: String) {
        #expect(day(iso).longForm == text)
    }
}
