/// A school year, 1 September to 31 August: `2026–27`.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year it starts in: 2026 for 2026–27.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The year `day` falls in: September to December belong to the year that starts then,
    /// January to August to the one that started the September before.
    public init(containing day: SchoolDay) {
        startYear = day.month >= 9 ? day.year : day.year - 1
    }

    /// 1 September.
    public var firstDay: SchoolDay { SchoolDay.known(year: startYear, month: 9, day: 1) }

    /// 31 August of the next calendar year.
    public var lastDay: SchoolDay { SchoolDay.known(year: startYear + 1, month: 8, day: 31) }

    public func contains(_ day: SchoolDay) -> Bool { firstDay <= day && day <= lastDay }

    /// Autumn, spring and summer, in order.
    public var terms: [SchoolTerm] { SchoolTerm.Season.allCases.map { SchoolTerm($0, of: self) } }

    public var next: AcademicYear { AcademicYear(startYear: startYear + 1) }
    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }

    /// `2026–27` (with an en dash); `1999–2000` across a century.
    public var name: String {
        let end = startYear + 1
        return end % 100 == 0 ? "\(startYear)–\(end)" : "\(startYear)–" + twoDigits(end % 100)
    }

    /// `Academic year 2026–27`.
    public var title: String { "Academic year \(name)" }

    public var description: String { name }

    public static func < (a: AcademicYear, b: AcademicYear) -> Bool { a.startYear < b.startYear }
}

/// One of the three terms of an academic year.
///
/// Terms follow simple month boundaries, not a school's own calendar:
/// autumn is September to December, spring January to March, summer April
/// to August. Easter moves and schools set their own half terms, so a
/// report that names a term says which months it means.
public struct SchoolTerm: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Season: String, CaseIterable, Sendable, Comparable {
        case autumn, spring, summer

        public var title: String {
            switch self {
            case .autumn: "Autumn"
            case .spring: "Spring"
            case .summer: "Summer"
            }
        }

        /// The first and last month of the term.
        var months: ClosedRange<Int> {
            switch self {
            case .autumn: 9...12
            case .spring: 1...3
            case .summer: 4...8
            }
        }

        public static func < (a: Season, b: Season) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    public let year: AcademicYear
    public let season: Season

    public init(_ season: Season, of year: AcademicYear) {
        self.season = season
        self.year = year
    }

    /// The term `day` falls in.
    public init(containing day: SchoolDay) {
        year = AcademicYear(containing: day)
        season = Season.allCases.first { $0.months.contains(day.month) } ?? .autumn
    }

    /// The calendar year the term falls in: 2026 for autumn 2026–27, 2027 for its spring and summer.
    public var calendarYear: Int { season == .autumn ? year.startYear : year.startYear + 1 }

    public var firstDay: SchoolDay {
        SchoolDay.known(year: calendarYear, month: season.months.lowerBound, day: 1)
    }

    public var lastDay: SchoolDay {
        let month = season.months.upperBound
        return SchoolDay.known(
            year: calendarYear, month: month, day: SchoolDay.daysIn(month: month, year: calendarYear))
    }

    public func contains(_ day: SchoolDay) -> Bool { firstDay <= day && day <= lastDay }

    /// `Autumn term 2026`, `Spring term 2027`.
    public var title: String { "\(season.title) term \(calendarYear)" }

    public var description: String { title }

    public static func < (a: SchoolTerm, b: SchoolTerm) -> Bool { (a.year, a.season) < (b.year, b.season) }
}

extension SchoolDay {
    /// `24 November 2026`, as a printed document writes a date.
    public var longForm: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// A day built from parts known to be valid; years outside 1900–9999 count on from the nearest valid one.
    static func known(year: Int, month: Int, day: Int) -> SchoolDay {
        if let made = SchoolDay(year: year, month: month, day: day) { return made }
        let clamped = min(max(year, 1900), 9999)
        let base = SchoolDay(year: clamped, month: month, day: day) ?? SchoolDay(dayNumber: 0)
        return base.adding(years: year - clamped)
    }
}

private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
