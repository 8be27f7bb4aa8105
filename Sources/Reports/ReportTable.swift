import Coaching

/// The four monitoring reports.
public enum ReportKind: String, CaseIterable, Sendable, Codable {
    case goals, cycles, impact, cpd
}

/// How close a report stands to people: one person and their trio, subjects, or the whole school.
public enum ReportLevel: String, CaseIterable, Sendable, Codable {
    case individual, subject, school
}

/// Who is reading: their staff record (roles decide what they see), or nil
/// for the technician at the command line, who sees what a lead coach sees
/// (stages, dates, counts; no private text, no impact statement text).
public struct ReportReader: Sendable {
    public var person: StaffMember?

    public init(person: StaffMember?) {
        self.person = person
    }
}

/// Which records a report is about: a period, and optionally one subject, one priority, one person.
public struct ReportFilter: Sendable, Equatable {
    public var from: SchoolDay
    public var to: SchoolDay
    public var subject: String?
    public var priority: String?
    /// At individual level: whose goals, cycles or CPD.
    public var staff: StaffCode?

    public init(
        from: SchoolDay, to: SchoolDay, subject: String? = nil, priority: String? = nil, staff: StaffCode? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.priority = priority
        self.staff = staff
    }
}

/// One cell of a report as it may be shown.
public enum ReportCell: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)
    /// A count under the threshold, or withheld: its words.
    case suppressed(String)
    case none

    /// The cell as printed: numbers without a needless ".0".
    public var shown: String {
        switch self {
        case let .text(text): text
        case let .number(number): ReportCell.format(number)
        case let .suppressed(words): words
        case .none: ""
        }
    }

    static func format(_ number: Double) -> String {
        guard number.isFinite, abs(number) < 1e15 else { return String(number) }
        let tenths = (number * 10).rounded() / 10
        return tenths.rounded() == tenths ? String(Int64(tenths)) : String(tenths)
    }
}

/// Where choosing a row leads (drill-down), when the reader may go there.
public enum ReportDrill: Sendable, Hashable, Codable {
    case subject(String)
    case priority(String)
    case cycle(Int64)
}

/// A column of a report: its key (for JSON and CSV), its heading, and whether it holds numbers.
public struct ReportColumn: Sendable, Equatable, Codable {
    public var key: String
    public var heading: String
    public var isNumber: Bool

    public init(key: String, heading: String, isNumber: Bool = false) {
        self.key = key
        self.heading = heading
        self.isNumber = isNumber
    }
}

/// One row of a report.
public struct ReportRow: Sendable, Equatable, Codable {
    /// In column order.
    public var cells: [ReportCell]
    public var drill: ReportDrill?
    /// A flag for the eye: "overdue", "due soon", or "".
    public var flag: String

    public init(cells: [ReportCell], drill: ReportDrill? = nil, flag: String = "") {
        self.cells = cells
        self.drill = drill
        self.flag = flag
    }
}

/// A report as it may be shown to its reader: small cells already suppressed, private text already left out.
public struct ReportTable: Sendable, Equatable, Codable {
    public var kind: ReportKind
    public var level: ReportLevel
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [ReportRow]
    /// How small cells are shown, what was filtered, what was left out.
    public var notes: [String]
    /// The private records whose text the table shows (impact statements the
    /// impact lead or the trio reads): the caller writes them to the audit log.
    public var privateReads: [ReportRead]

    public init(
        kind: ReportKind, level: ReportLevel, title: String, columns: [ReportColumn], rows: [ReportRow],
        notes: [String] = [], privateReads: [ReportRead] = []
    ) {
        self.kind = kind
        self.level = level
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.privateReads = privateReads
    }

    /// The index of the column with this key.
    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// The reads to audit, as `CoachingStore.audit(_:lines:)` takes them.
    public var auditLines: [(action: String, kind: String, id: String)] {
        privateReads.map { ("read", $0.kind.rawValue, $0.id) }
    }
}

/// A private record a report showed the text of.
public struct ReportRead: Sendable, Hashable, Codable {
    public var kind: RecordKind
    /// The record's id as the audit log writes it (an impact statement's is its cycle's).
    public var id: String

    public init(kind: RecordKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// The small-cell threshold and the expected days between coaching sessions.
public struct ReportSettings: Sendable, Equatable {
    public var threshold: Int = 3
    public var cadenceDays: Int = 7

    public init(threshold: Int = 3, cadenceDays: Int = 7) {
        self.threshold = threshold
        self.cadenceDays = cadenceDays
    }
}
