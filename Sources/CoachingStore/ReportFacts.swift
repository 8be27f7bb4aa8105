import Coaching
import GRDB

/// How many session records a cycle has, and the day of the latest.
public struct SessionTally: Sendable, Hashable {
    public var count: Int
    public var latest: SchoolDay?

    public init(count: Int = 0, latest: SchoolDay? = nil) {
        self.count = count
        self.latest = latest
    }

    mutating func add(_ other: SessionTally) {
        count += other.count
        if let day = other.latest, latest.map({ day > $0 }) ?? true { latest = day }
    }
}

/// A cycle as the monitoring reports know it: its trio, stage and dates, and
/// when its records were written, never what they say.
public struct CycleActivity: Sendable, Hashable {
    public var id: Int64
    public var trio: Trio
    public var priority: String?
    public var stage: Stage
    public var startedOn: SchoolDay
    /// The day it entered its current stage.
    public var stageSince: SchoolDay
    public var closedOn: SchoolDay?
    /// Nil when no agreement has been saved; true once coachee and coach have both confirmed it.
    public var agreementConfirmed: Bool?
    public var impactSubmittedOn: SchoolDay?
    /// Every session record of the cycle.
    public var sessions: SessionTally
    /// Only those the coachee shared with the observer: the others are theirs and the coach's.
    public var sharedSessions: SessionTally
}

/// A coaching goal without its text.
public struct GoalActivity: Sendable, Hashable {
    public var id: Int64
    public var cycleID: Int64?
    public var owner: StaffCode
    public var priority: String?
    public var status: GoalStatus
    public var setOn: SchoolDay
    /// The day its cycle closed, if it has a cycle and the cycle has closed.
    public var cycleClosedOn: SchoolDay?
}

/// One CPD activity without its title or reflection.
public struct CPDHours: Sendable, Hashable {
    public var owner: StaffCode
    public var heldOn: SchoolDay
    public var kind: CPDKind
    public var hours: Double
    public var priority: String?
}

/// The queries the reports run, each standing on an index of the "v4 report indexes" migration.
enum ReportQuery {
    static let cycles = """
        SELECT id, coachee, coach, observer, priority, stage, started_on, stage_since, closed_on FROM cycle
        WHERE started_on <= ? AND (closed_on IS NULL OR closed_on >= ?)
        """
    static let sessions = """
        SELECT cycle_id, shared_with_observer, COUNT(*) AS count, MAX(held_on) AS latest FROM session_proforma
        GROUP BY cycle_id, shared_with_observer
        """
    static let agreements = "SELECT cycle_id, coachee_confirmed_on, coach_confirmed_on FROM agreement"
    static let impacts = "SELECT cycle_id, submitted_on FROM impact_statement"
    static let goals = """
        SELECT goal.id, goal.cycle_id, goal.owner, goal.priority, goal.status, goal.set_on, cycle.closed_on
        FROM goal LEFT JOIN cycle ON cycle.id = goal.cycle_id WHERE goal.set_on <= ?
        """
    static let cpd = """
        SELECT owner, held_on, kind, hours, priority FROM cpd_activity WHERE held_on >= ? AND held_on <= ?
        """
    static let statements = "SELECT * FROM impact_statement WHERE submitted_on >= ? AND submitted_on <= ?"

    /// Each query with sample arguments, for `EXPLAIN QUERY PLAN`.
    static let all: [(sql: String, arguments: StatementArguments)] = [
        (cycles, ["2026-08-31", "2026-09-01"]), (sessions, []), (agreements, []), (impacts, []),
        (goals, ["2026-08-31"]), (cpd, ["2025-09-01", "2026-08-31"]), (statements, ["2025-09-01", "2026-08-31"]),
    ]
}

extension CoachingStore {
    /// Cycles under way at some time from `from` to `to` (started by `to`, not
    /// closed before `from`), with their sessions, agreement and impact statement
    /// as dates and counts. Read in one transaction.
    public func cycleActivity(from: SchoolDay, to: SchoolDay) throws(StoreError) -> [CycleActivity] {
        try read { db in
            var sessions: [Int64: (all: SessionTally, shared: SessionTally)] = [:]
            for row in try Row.fetchAll(db, sql: ReportQuery.sessions) {
                let tally = SessionTally(count: row["count"], latest: day(row["latest"]))
                let id: Int64 = row["cycle_id"]
                var entry = sessions[id] ?? (SessionTally(), SessionTally())
                entry.all.add(tally)
                if row["shared_with_observer"] as Bool { entry.shared.add(tally) }
                sessions[id] = entry
            }
            var confirmed: [Int64: Bool] = [:]
            for row in try Row.fetchAll(db, sql: ReportQuery.agreements) {
                confirmed[row["cycle_id"]] =
                    (row["coachee_confirmed_on"] as String?) != nil && (row["coach_confirmed_on"] as String?) != nil
            }
            var impacts: [Int64: SchoolDay] = [:]
            for row in try Row.fetchAll(db, sql: ReportQuery.impacts) {
                impacts[row["cycle_id"]] = day(row["submitted_on"])
            }
            return try Row.fetchAll(db, sql: ReportQuery.cycles, arguments: [to.iso, from.iso]).map { row in
                let id: Int64 = row["id"]
                let started = day(row["started_on"]) ?? SchoolDay(dayNumber: 0)
                return CycleActivity(
                    id: id,
                    trio: try Trio(
                        coachee: staffCode(row["coachee"]), coach: staffCode(row["coach"]),
                        observer: staffCode(row["observer"])),
                    priority: row["priority"], stage: Stage(rawValue: row["stage"]) ?? .agreement, startedOn: started,
                    stageSince: day(row["stage_since"]) ?? started, closedOn: day(row["closed_on"]),
                    agreementConfirmed: confirmed[id], impactSubmittedOn: impacts[id],
                    sessions: sessions[id]?.all ?? SessionTally(),
                    sharedSessions: sessions[id]?.shared ?? SessionTally())
            }
        }
    }

    /// Goals set on or before `day`, without their text.
    public func goalActivity(setBy last: SchoolDay) throws(StoreError) -> [GoalActivity] {
        try read { db in
            try Row.fetchAll(db, sql: ReportQuery.goals, arguments: [last.iso]).map { row in
                GoalActivity(
                    id: row["id"], cycleID: row["cycle_id"], owner: staffCode(row["owner"]), priority: row["priority"],
                    status: GoalStatus(rawValue: row["status"]) ?? .open,
                    setOn: day(row["set_on"]) ?? SchoolDay(dayNumber: 0), cycleClosedOn: day(row["closed_on"]))
            }
        }
    }

    /// CPD activities held from `from` to `to`, without their titles or reflections.
    public func cpdHours(from: SchoolDay, to: SchoolDay) throws(StoreError) -> [CPDHours] {
        try read { db in
            try Row.fetchAll(db, sql: ReportQuery.cpd, arguments: [from.iso, to.iso]).map { row in
                CPDHours(
                    owner: staffCode(row["owner"]), heldOn: day(row["held_on"]) ?? SchoolDay(dayNumber: 0),
                    kind: CPDKind(rawValue: row["kind"]) ?? .other, hours: row["hours"], priority: row["priority"])
            }
        }
    }

    /// The impact statements submitted from `from` to `to`, by cycle: text, for those the policy lets read it.
    public func impactStatements(from: SchoolDay, to: SchoolDay) throws(StoreError) -> [Int64: ImpactStatement] {
        try read { db in
            var statements: [Int64: ImpactStatement] = [:]
            for row in try Row.fetchAll(db, sql: ReportQuery.statements, arguments: [from.iso, to.iso]) {
                statements[row["cycle_id"]] = ImpactStatement(
                    goal: row["goal"], practice: row["practice"], changeInTeaching: row["change_in_teaching"],
                    pupilOutcomesBefore: row["pupil_outcomes_before"], pupilOutcomesAfter: row["pupil_outcomes_after"],
                    wentWell: row["went_well"], couldHaveGoneBetter: row["could_have_gone_better"],
                    nextSteps: row["next_steps"], author: staffCode(row["author"]),
                    submittedOn: day(row["submitted_on"]) ?? SchoolDay(dayNumber: 0))
            }
            return statements
        }
    }

    /// `EXPLAIN QUERY PLAN` of each query the reports run: which index each one stands on.
    public func reportQueryPlans() throws(StoreError) -> [(query: String, plan: [String])] {
        try read { db in
            try ReportQuery.all.map { query in
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: query.arguments)
                return (query.sql, plan.map { $0["detail"] as String })
            }
        }
    }
}
