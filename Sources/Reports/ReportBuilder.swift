import Coaching
import CoachingStore
import KioskConfiguration

/// Why a report cannot be made, and what to do instead.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The access policy does not let this reader run this report, at this level or about this person.
    case notAllowed(reason: String)
    /// The report has no such level (CPD has no subject level).
    case levelNotOffered(kind: ReportKind, level: ReportLevel)
    case unknownStaff(StaffCode)
    /// The period ends before it starts.
    case badPeriod(from: SchoolDay, to: SchoolDay)
    case store(StoreError)

    public var description: String {
        switch self {
        case let .notAllowed(reason):
            "That report is not open to you: \(reason)."
        case let .levelNotOffered(kind, level):
            "The \(kind.rawValue) report has no \(level.rawValue) level; its levels are "
                + ReportBuilder.levels(of: kind).map(\.rawValue).joined(separator: " and ") + "."
        case let .unknownStaff(code):
            "No member of staff has the code \(code); `coaching-kiosk staff list` shows the codes."
        case let .badPeriod(from, to):
            "The period ends (\(to.iso)) before it starts (\(from.iso)); give a start on or before the end."
        case let .store(error):
            error.description
        }
    }
}

extension ReportSettings {
    /// The school's threshold and cadence from its configuration.
    public init(_ settings: KioskSettings) {
        self.init(threshold: settings.suppressionThreshold, cadenceDays: settings.sessionCadence)
    }
}

/// Makes the monitoring reports from the store for one reader, under the
/// access policy and the small-cell rule: leaders see activity, not content.
///
/// - individual: one's own goals, cycles, impact statements and CPD, and
///   those of one's trios as far as the policy lets one read them;
/// - subject: figures by the staff member's subject (a cycle's coachee's),
///   small subjects merged into "Other subjects";
/// - school: figures by development priority (goals, impact by term, CPD),
///   or, for cycles, every cycle's progression, most stuck first.
public struct ReportBuilder: Sendable {
    public let store: CoachingStore
    public let settings: ReportSettings
    public let today: SchoolDay

    public init(store: CoachingStore, settings: ReportSettings, today: SchoolDay) {
        self.store = store
        self.settings = settings
        self.today = today
    }

    /// The levels a report has: CPD is per person and per school.
    public static func levels(of kind: ReportKind) -> [ReportLevel] {
        kind == .cpd ? [.individual, .school] : ReportLevel.allCases
    }

    /// The reports this reader may run, at which levels.
    public func offered(to reader: ReportReader) -> [(kind: ReportKind, levels: [ReportLevel])] {
        let reading = Reading(reader)
        return ReportKind.allCases.compactMap { kind in
            let levels = Self.levels(of: kind).filter { level in
                level == .individual ? reader.person != nil : Self.mayCount(kind, reading)
            }
            return levels.isEmpty ? nil : (kind, levels)
        }
    }

    /// May the reader's roles read this kind of report across the school (as counts, or cycles' progress)?
    static func mayCount(_ kind: ReportKind, _ reading: Reading) -> Bool {
        switch kind {
        case .goals: reading.byRole(.goal) >= .countsOnly
        case .cycles, .impact: reading.byRole(.cycleProgress) == .allowed
        case .cpd: reading.byRole(.cpdActivity) >= .countsOnly
        }
    }

    /// One report, as this reader may see it. At school level a subject filter
    /// gives the subject level's rows for that subject (cycles excepted, whose
    /// school level is a list), so that no figure is counted afresh for a subset.
    public func report(_ kind: ReportKind, level: ReportLevel, filter: ReportFilter, for reader: ReportReader)
        throws(ReportError) -> ReportTable
    {
        guard filter.from <= filter.to else { throw .badPeriod(from: filter.from, to: filter.to) }
        guard Self.levels(of: kind).contains(level) else { throw .levelNotOffered(kind: kind, level: level) }
        let reading = Reading(reader)
        var level = level
        if level == .school, filter.subject != nil, kind != .cycles, kind != .cpd { level = .subject }
        if level != .individual, !Self.mayCount(kind, reading) {
            throw .notAllowed(reason: Self.whoCounts(kind))
        }
        let context = try context(filter, reading)
        switch (kind, level) {
        case (.goals, .individual): return try context.individualGoals()
        case (.goals, .subject): return try context.goalsBySubject()
        case (.goals, .school): return try context.goalsBySchoolPriority()
        case (.cycles, .individual): return try context.individualCycles()
        case (.cycles, .subject): return try context.cyclesBySubject()
        case (.cycles, .school): return try context.schoolCycles()
        case (.impact, .individual): return try context.individualImpact()
        case (.impact, .subject): return try context.impactBySubject()
        case (.impact, .school): return try context.impactByTerm()
        case (.cpd, .individual): return try context.individualCPD()
        case (.cpd, _): return try context.schoolCPD()
        }
    }

    static func whoCounts(_ kind: ReportKind) -> String {
        switch kind {
        case .goals:
            "goals across the school are counted for lead coaches, the impact lead and the head; "
                + "run the individual level for your own"
        case .cycles, .impact:
            "cycles across the school are followed by lead coaches, the impact lead, the head and admin; "
                + "run the individual level for your own"
        case .cpd:
            "CPD across the school is counted for lead coaches, the impact lead and the head; "
                + "run the individual level for your own"
        }
    }

    private func context(_ filter: ReportFilter, _ reading: Reading) throws(ReportError) -> ReportContext {
        do {
            let staff = try store.staff(includingLeavers: true)
            return ReportContext(
                store: store, settings: settings, today: today, filter: filter, reading: reading,
                staff: Dictionary(staff.map { ($0.code, $0) }) { first, _ in first }, priorities: try store.priorities()
            )
        } catch {
            throw .store(error)
        }
    }
}
