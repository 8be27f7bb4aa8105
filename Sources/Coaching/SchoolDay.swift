import Foundation

/// A calendar day in the school's year, with no time and no time zone.
///
/// Stored as ISO 8601 (`2026-11-24`); typed at the kiosk as `DD/MM/YYYY`
/// or `today`, which is how staff in UK schools write dates.
public struct SchoolDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Makes a day, or nil when no such day exists (31/02, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= SchoolDay.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2026-11-24` (ISO 8601).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy(Self.isDigits), let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Reads what a person types: `24/11/2026`, `24/11/26`, `2026-11-24` or `today`.
    public init?(typed text: String, today: SchoolDay) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "today" {
            self = today
            return
        }
        if let iso = SchoolDay(iso: trimmed) {
            self = iso
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy(Self.isDigits), let d = Int(parts[0]), let m = Int(parts[1]),
            var y = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 { y += 2000 } else if parts[2].count != 4 { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a moment falls on in the given time zone.
    public init(_ date: Date, in zone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    /// `2026-11-24`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `24/11/2026`, as printed on school documents.
    public var british: String {
        func padded(_ number: Int, _ digits: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return padded(day, 2) + "/" + padded(month, 2) + "/" + padded(year, 4)
    }

    public var description: String { iso }

    /// Days since 1970-01-01; used for differences and for adding days.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public func adding(days: Int) -> SchoolDay { SchoolDay(dayNumber: dayNumber + days) }

    /// The same day `years` later (29 February becomes 28 February).
    public func adding(years: Int) -> SchoolDay {
        let y = year + years
        return SchoolDay(year: y, month: month, day: min(day, SchoolDay.daysIn(month: month, year: y)))
            ?? self
    }

    public func days(until other: SchoolDay) -> Int { other.dayNumber - dayNumber }

    /// The first day of the academic year (1 September) this day falls in.
    public var academicYearStart: SchoolDay {
        let startYear = month >= 9 ? year : year - 1
        return SchoolDay(year: startYear, month: 9, day: 1) ?? self
    }

    public static func < (a: SchoolDay, b: SchoolDay) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = SchoolDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
