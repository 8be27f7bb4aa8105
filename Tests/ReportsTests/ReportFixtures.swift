import Coaching
import CoachingStore
import Foundation
import Reports
import Testing

let technician = Actor.commandLine(user: "tester")

/// The day every report in these tests is made on.
let today = day("2026-11-24")

/// This academic year so far.
let thisYear = ReportFilter(from: day("2026-09-01"), to: today)

func day(_ iso: String) -> SchoolDay {
    guard let day = SchoolDay(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return day
}

/// A store in a temporary folder, built by hand so each report's answers are known.
final class SchoolStore: @unchecked Sendable {
    let folder: String
    let store: CoachingStore
    private(set) var members: [StaffCode: StaffMember] = [:]

    init() throws {
        folder = NSTemporaryDirectory() + "coaching-reports-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try CoachingStore(path: folder + "/coaching.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func staff(
        _ code: StaffCode, _ name: String, _ subject: String, roles: Set<Role> = [], earlyCareerYear: Int? = nil
    ) throws {
        let member = StaffMember(
            code: code, name: name, subject: subject, roles: roles, earlyCareerYear: earlyCareerYear)
        try store.addStaff(member, by: technician)
        members[code] = member
    }

    func priority(_ code: String, _ title: String = "A priority") throws {
        try store.addPriority(Priority(code: code, title: title), by: technician)
    }

    /// A cycle that entered each stage on the day given, in order.
    @discardableResult
    func cycle(
        _ coachee: StaffCode, coach: StaffCode, observer: StaffCode, priority: String? = nil,
        _ moves: [(Stage, String)]
    ) throws -> Int64 {
        let trio = try Trio(coachee: coachee, coach: coach, observer: observer)
        let history = moves.map { StageMove(stage: $0.0, on: day($0.1)) }
        return try store.startCycle(
            CoachingCycle(trio: trio, priority: priority, focus: "", history: history), by: technician)
    }

    func session(_ cycle: Int64, _ iso: String, by author: StaffCode, shared: Bool, text: String = "We talked")
        throws
    {
        try store.addSession(
            SessionProforma(
                heldOn: day(iso), kind: .coaching, author: author, goal: text, reality: text, options: text,
                will: text, tactics: text, habits: text, sharedWithObserver: shared),
            cycle: cycle, by: technician)
    }

    /// An agreement, which also gives the cycle its goal (in progress) unless it has one.
    func agreement(_ cycle: Int64, confirmed: Bool, on iso: String = "2026-09-10", priority: String? = nil) throws {
        try store.saveAgreement(
            CoachingAgreement(
                goals: "Agreement goals", priority: priority, coacheeConfirmedOn: day(iso),
                coachConfirmedOn: confirmed ? day(iso) : nil),
            cycle: cycle, by: technician)
    }

    func impact(_ cycle: Int64, _ iso: String, author: StaffCode, text: String = "Pupils explained more") throws {
        try store.saveImpact(
            ImpactStatement(
                goal: text, practice: text, changeInTeaching: text, pupilOutcomesBefore: "before",
                pupilOutcomesAfter: "after", wentWell: text, couldHaveGoneBetter: text, nextSteps: text,
                author: author, submittedOn: day(iso)),
            cycle: cycle, by: technician)
    }

    func goal(
        _ owner: StaffCode, _ priority: String?, _ status: GoalStatus = .inProgress, on iso: String = "2026-09-15",
        cycle: Int64? = nil, text: String = "A goal"
    ) throws {
        try store.addGoal(
            Goal(owner: owner, text: text, priority: priority, status: status, setOn: day(iso)), cycle: cycle,
            by: technician)
    }

    func cpd(_ owner: StaffCode, _ kind: CPDKind, hours: Double, priority: String? = nil, on iso: String = "2026-10-01")
        throws
    {
        try store.addCPD(
            CPDActivity(owner: owner, heldOn: day(iso), title: "CPD", kind: kind, hours: hours, priority: priority),
            by: technician)
    }

    func person(_ code: StaffCode) -> ReportReader { ReportReader(person: members[code]) }

    func report(
        _ kind: ReportKind, _ level: ReportLevel, filter: ReportFilter = thisYear, as reader: ReportReader,
        threshold: Int = 3, cadence: Int = 7
    ) throws -> ReportTable {
        try ReportBuilder(
            store: store, settings: ReportSettings(threshold: threshold, cadenceDays: cadence), today: today
        )
        .report(kind, level: level, filter: filter, for: reader)
    }
}

extension ReportTable {
    /// The row whose cell in `key` shows `value`.
    func row(_ key: String, _ value: String) -> ReportRow? {
        guard let column = column(key) else { return nil }
        return rows.first { $0.cells[safe: column]?.shown == value }
    }

    /// The rows whose cell in `key` shows `value`.
    func rows(_ key: String, _ value: String) -> [ReportRow] {
        guard let column = column(key) else { return [] }
        return rows.filter { $0.cells[safe: column]?.shown == value }
    }

    func cell(_ row: ReportRow?, _ key: String) -> String? {
        guard let row, let column = column(key) else { return nil }
        return row.cells[safe: column]?.shown
    }

    /// Every cell, as shown.
    var everyCell: [String] { rows.flatMap { $0.cells.map(\.shown) } + [title] + notes }
}

/// No count in these columns is printed under the threshold (zero describes no one).
func expectNoSmallCounts(
    _ table: ReportTable, columns: [String], threshold: Int = 3, sourceLocation: SourceLocation = #_sourceLocation
) {
    for key in columns {
        guard let column = table.column(key) else {
            Issue.record("no column \(key)", sourceLocation: sourceLocation)
            continue
        }
        for row in table.rows {
            if case let .number(count) = row.cells[column], count > 0, count < Double(threshold) {
                Issue.record("\(key) shows \(count) in \(row.cells.map(\.shown))", sourceLocation: sourceLocation)
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
