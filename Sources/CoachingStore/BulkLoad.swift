import Coaching
import GRDB

/// Many records written at once (a synthetic trust to measure the reports on),
/// through the same tables as records written one at a time.
public struct BulkLoad: Sendable {
    public var staff: [StaffMember] = []
    public var priorities: [Priority] = []
    public var cycles: [Cycle] = []
    /// Goals that belong to no cycle.
    public var goals: [Goal] = []
    public var cpd: [CPDActivity] = []

    public init() {}

    /// One cycle with its records.
    public struct Cycle: Sendable {
        public var cycle: CoachingCycle
        public var agreement: CoachingAgreement?
        public var sessions: [SessionProforma]
        public var observations: [ObservationNotes]
        public var impact: ImpactStatement?
        public var goals: [Goal]

        public init(
            cycle: CoachingCycle, agreement: CoachingAgreement? = nil, sessions: [SessionProforma] = [],
            observations: [ObservationNotes] = [], impact: ImpactStatement? = nil, goals: [Goal] = []
        ) {
            self.cycle = cycle
            self.agreement = agreement
            self.sessions = sessions
            self.observations = observations
            self.impact = impact
            self.goals = goals
        }
    }
}

/// How many records a bulk load wrote.
public struct BulkLoadSummary: Sendable, Equatable, Codable, CustomStringConvertible {
    public var staff = 0
    public var priorities = 0
    public var cycles = 0
    public var agreements = 0
    public var sessions = 0
    public var observations = 0
    public var impactStatements = 0
    public var goals = 0
    public var cpdActivities = 0

    /// `2000 staff, 8 priorities, 5000 cycles, …`.
    public var description: String {
        "\(staff) staff, \(priorities) priorities, \(cycles) cycles, \(agreements) agreements, \(sessions) sessions, "
            + "\(observations) observations, \(impactStatements) impact statements, \(goals) goals, "
            + "\(cpdActivities) CPD activities"
    }
}

extension CoachingStore {
    /// Writes everything in one transaction, with one audit line (`action`,
    /// and what was written) rather than one per record. Each coach must hold
    /// the coach or lead-coach role; staff, priorities and trios are checked
    /// by the database as they are for any other write.
    @discardableResult
    public func bulkLoad(_ load: BulkLoad, by actor: Actor, action: String = "generated synthetic data")
        throws(StoreError) -> BulkLoadSummary
    {
        let now = timestamp
        return try write { db in
            var summary = BulkLoadSummary()
            let staff = try db.makeStatement(
                sql: """
                    INSERT INTO staff (code, name, subject, roles, email, early_career_year, left_on, created_at,
                        updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for member in load.staff {
                try staff.execute(
                    arguments: .withoutNUL(
                        member.code.rawValue, member.name, member.subject, member.rolesText, member.email,
                        member.earlyCareerYear, member.leftOn?.iso, now, now))
                summary.staff += 1
            }
            let priority = try db.makeStatement(
                sql: "INSERT INTO priority (code, title, detail, created_at) VALUES (?, ?, ?, ?)")
            for item in load.priorities {
                try priority.execute(arguments: .withoutNUL(item.code, item.title, item.detail, now))
                summary.priorities += 1
            }
            var coaches = Dictionary(load.staff.map { ($0.code, !$0.roles.isDisjoint(with: [.coach, .leadCoach])) }) {
                first, _ in first
            }
            let statements = try BulkStatements(db)
            for entry in load.cycles {
                let coach = entry.cycle.trio.coach
                if coaches[coach] == nil {
                    coaches[coach] = try Self.fetchStaff(db, coach).map {
                        !$0.roles.isDisjoint(with: [.coach, .leadCoach])
                    }
                }
                guard coaches[coach] == true else { throw StoreError.notACoach(coach) }
                try statements.insert(entry, now: now, into: &summary)
            }
            for goal in load.goals {
                try statements.insert(goal, cycle: nil)
                summary.goals += 1
            }
            for activity in load.cpd {
                try statements.cpd.execute(
                    arguments: .withoutNUL(
                        activity.owner.rawValue, activity.heldOn.iso, activity.title, activity.kind.rawValue,
                        activity.hours, activity.priority, activity.reflection))
                summary.cpdActivities += 1
            }
            try self.audit(db, actor, action, kind: nil, id: nil, detail: summary.description)
            return summary
        }
    }
}

/// The prepared inserts of a bulk load.
private struct BulkStatements {
    let cycle: Statement
    let move: Statement
    let agreement: Statement
    let session: Statement
    let action: Statement
    let observation: Statement
    let impact: Statement
    let goal: Statement
    let cpd: Statement
    let db: Database

    init(_ db: Database) throws {
        self.db = db
        cycle = try db.makeStatement(
            sql: """
                INSERT INTO cycle (coachee, coach, observer, priority, focus, stage, started_on, stage_since, closed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        move = try db.makeStatement(
            sql: "INSERT INTO cycle_stage_move (cycle_id, stage, moved_on, moved_by) VALUES (?, ?, ?, ?)")
        agreement = try db.makeStatement(
            sql: """
                INSERT INTO agreement (cycle_id, goals, priority, coachee_commitments, coach_commitments,
                    meeting_pattern, duration_weeks, coachee_confirmed_on, coach_confirmed_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        session = try db.makeStatement(
            sql: """
                INSERT INTO session_proforma (cycle_id, author, held_on, kind, goal, reality, options, will, tactics,
                    habits, shared_with_observer, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        action = try db.makeStatement(
            sql: "INSERT INTO agreed_action (session_id, position, action, who, by_when) VALUES (?, ?, ?, ?, ?)")
        observation = try db.makeStatement(
            sql: """
                INSERT INTO observation (cycle_id, author, held_on, lesson_class, subject, look_fors, seen_and_heard,
                    questions, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        impact = try db.makeStatement(
            sql: """
                INSERT INTO impact_statement (cycle_id, goal, practice, change_in_teaching, pupil_outcomes_before,
                    pupil_outcomes_after, went_well, could_have_gone_better, next_steps, author, submitted_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        goal = try db.makeStatement(
            sql: "INSERT INTO goal (cycle_id, owner, text, priority, status, set_on) VALUES (?, ?, ?, ?, ?, ?)")
        cpd = try db.makeStatement(
            sql: """
                INSERT INTO cpd_activity (owner, held_on, title, kind, hours, priority, reflection)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func insert(_ entry: BulkLoad.Cycle, now: String, into summary: inout BulkLoadSummary) throws {
        let stored = entry.cycle
        try cycle.execute(
            arguments: .withoutNUL(
                stored.trio.coachee.rawValue, stored.trio.coach.rawValue, stored.trio.observer.rawValue,
                stored.priority, stored.focus, stored.stage.rawValue, stored.startedOn.iso, stored.inStageSince.iso,
                stored.stage == .closed ? stored.inStageSince.iso : nil))
        let id = db.lastInsertedRowID
        summary.cycles += 1
        for step in stored.history {
            try move.execute(arguments: [id, step.stage.rawValue, step.on.iso, step.by?.rawValue])
        }
        if let made = entry.agreement {
            try agreement.execute(
                arguments: .withoutNUL(
                    id, made.goals, made.priority, made.coacheeCommitments, made.coachCommitments, made.meetingPattern,
                    made.durationWeeks, made.coacheeConfirmedOn?.iso, made.coachConfirmedOn?.iso, now))
            summary.agreements += 1
        }
        for record in entry.sessions {
            try session.execute(
                arguments: .withoutNUL(
                    id, record.author.rawValue, record.heldOn.iso, record.kind.rawValue, record.goal, record.reality,
                    record.options, record.will, record.tactics, record.habits, record.sharedWithObserver, now))
            let sessionID = db.lastInsertedRowID
            for (position, agreed) in record.actions.enumerated() {
                try action.execute(
                    arguments: .withoutNUL(sessionID, position, agreed.action, agreed.who, agreed.byWhen?.iso))
            }
            summary.sessions += 1
        }
        for notes in entry.observations {
            try observation.execute(
                arguments: .withoutNUL(
                    id, notes.author.rawValue, notes.heldOn.iso, notes.lessonClass, notes.subject, notes.lookFors,
                    notes.seenAndHeard, notes.questions, now))
            summary.observations += 1
        }
        if let statement = entry.impact {
            try impact.execute(
                arguments: .withoutNUL(
                    id, statement.goal, statement.practice, statement.changeInTeaching, statement.pupilOutcomesBefore,
                    statement.pupilOutcomesAfter, statement.wentWell, statement.couldHaveGoneBetter,
                    statement.nextSteps, statement.author.rawValue, statement.submittedOn.iso))
            summary.impactStatements += 1
        }
        for goal in entry.goals {
            try insert(goal, cycle: id)
            summary.goals += 1
        }
    }

    func insert(_ made: Goal, cycle id: Int64?) throws {
        try goal.execute(
            arguments: .withoutNUL(
                id, made.owner.rawValue, made.text, made.priority, made.status.rawValue, made.setOn.iso))
    }
}
