import Coaching
import Foundation
import GRDB

/// A record with the id the store gave it.
public struct Stored<Record: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var id: Int64
    public var cycleID: Int64?
    public var record: Record
}

extension CoachingStore {
    // MARK: Agreement

    /// Saves (or replaces) the coaching agreement of a cycle.
    public func saveAgreement(
        _ agreement: CoachingAgreement, cycle id: Int64, by actor: Actor, discarding draft: DraftKey? = nil
    ) throws(StoreError) {
        let now = timestamp
        try write { db in
            if let priority = agreement.priority, try !Self.priorityExists(db, priority) {
                throw StoreError.unknownPriority(priority)
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO agreement (cycle_id, goals, priority, coachee_commitments,
                        coach_commitments, meeting_pattern, duration_weeks, coachee_confirmed_on,
                        coach_confirmed_on, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    id, agreement.goals, agreement.priority, agreement.coacheeCommitments,
                    agreement.coachCommitments, agreement.meetingPattern, agreement.durationWeeks,
                    agreement.coacheeConfirmedOn?.iso, agreement.coachConfirmedOn?.iso, now))
            // The goals framed in the agreement are the coachee's goal for the
            // cycle, for the goal reports, unless the cycle already has goals.
            let stored = try Self.fetchCycle(db, id)
            let hasGoal =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM goal WHERE cycle_id = ?)",
                    arguments: [id]) ?? false
            if !hasGoal {
                try db.execute(
                    sql: """
                        INSERT INTO goal (cycle_id, owner, text, priority, status, set_on) VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: .withoutNUL(
                        id, stored.cycle.trio.coachee.rawValue, agreement.goals,
                        agreement.priority ?? stored.cycle.priority, GoalStatus.inProgress.rawValue,
                        (agreement.coacheeConfirmedOn ?? self.today).iso))
            }
            try Self.discard(draft, db)
            try self.audit(db, actor, "agreement save", kind: "agreement", id: "\(id)")
        }
    }

    public func agreement(cycle id: Int64) throws(StoreError) -> CoachingAgreement? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM agreement WHERE cycle_id = ?", arguments: [id]).map { row in
                CoachingAgreement(
                    goals: row["goals"], priority: row["priority"], coacheeCommitments: row["coachee_commitments"],
                    coachCommitments: row["coach_commitments"], meetingPattern: row["meeting_pattern"],
                    durationWeeks: row["duration_weeks"], coacheeConfirmedOn: day(row["coachee_confirmed_on"]),
                    coachConfirmedOn: day(row["coach_confirmed_on"]))
            }
        }
    }

    // MARK: Session proformas

    /// Adds a GROWTH session record with its agreed actions, in one transaction.
    @discardableResult
    public func addSession(
        _ session: SessionProforma, cycle id: Int64, by actor: Actor, discarding draft: DraftKey? = nil
    ) throws(StoreError) -> Int64 {
        let now = timestamp
        return try write { db in
            _ = try Self.fetchCycle(db, id)
            try db.execute(
                sql: """
                    INSERT INTO session_proforma (cycle_id, author, held_on, kind, goal, reality, options, will,
                        tactics, habits, shared_with_observer, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    id, session.author.rawValue, session.heldOn.iso, session.kind.rawValue, session.goal,
                    session.reality, session.options, session.will, session.tactics, session.habits,
                    session.sharedWithObserver, now))
            let sessionID = db.lastInsertedRowID
            for (position, action) in session.actions.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO agreed_action (session_id, position, action, who, by_when) VALUES (?, ?, ?, ?, ?)
                        """, arguments: .withoutNUL(sessionID, position, action.action, action.who, action.byWhen?.iso))
            }
            try Self.discard(draft, db)
            try self.audit(db, actor, "session submit", kind: "session", id: "\(sessionID)", detail: "cycle \(id)")
            return sessionID
        }
    }

    /// The session records of a cycle, oldest first.
    public func sessions(cycle id: Int64) throws(StoreError) -> [Stored<SessionProforma>] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM session_proforma WHERE cycle_id = ? ORDER BY held_on, id",
                arguments: [id]
            ).map { try Self.session(db, $0) }
        }
    }

    /// The day of a cycle's latest session record, without reading the records.
    public func latestSessionDay(cycle id: Int64) throws(StoreError) -> SchoolDay? {
        try read { db in
            day(
                try String.fetchOne(
                    db, sql: "SELECT MAX(held_on) FROM session_proforma WHERE cycle_id = ?", arguments: [id]))
        }
    }

    public func session(_ sessionID: Int64) throws(StoreError) -> Stored<SessionProforma> {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM session_proforma WHERE id = ?",
                    arguments: [sessionID])
            else { throw StoreError.unknownRecord(kind: "session record", id: sessionID) }
            return try Self.session(db, row)
        }
    }

    static func session(_ db: Database, _ row: Row) throws -> Stored<SessionProforma> {
        let id: Int64 = row["id"]
        let actions = try Row.fetchAll(
            db, sql: "SELECT * FROM agreed_action WHERE session_id = ? ORDER BY position",
            arguments: [id]
        ).map { AgreedAction(action: $0["action"], who: $0["who"], byWhen: day($0["by_when"])) }
        let session = SessionProforma(
            heldOn: day(row["held_on"]) ?? SchoolDay(dayNumber: 0),
            kind: SessionKind(rawValue: row["kind"]) ?? .coaching, author: staffCode(row["author"]),
            goal: row["goal"], reality: row["reality"], options: row["options"], will: row["will"],
            tactics: row["tactics"], habits: row["habits"], actions: actions,
            sharedWithObserver: row["shared_with_observer"])
        return Stored(id: id, cycleID: row["cycle_id"], record: session)
    }

    // MARK: Observation notes

    @discardableResult
    public func addObservation(
        _ notes: ObservationNotes, cycle id: Int64, by actor: Actor, discarding draft: DraftKey? = nil
    ) throws(StoreError)
        -> Int64
    {
        let now = timestamp
        return try write { db in
            _ = try Self.fetchCycle(db, id)
            try db.execute(
                sql: """
                    INSERT INTO observation (cycle_id, author, held_on, lesson_class, subject, look_fors,
                        seen_and_heard, questions, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    id, notes.author.rawValue, notes.heldOn.iso, notes.lessonClass, notes.subject,
                    notes.lookFors, notes.seenAndHeard, notes.questions, now))
            let notesID = db.lastInsertedRowID
            try Self.discard(draft, db)
            try self.audit(
                db, actor, "observation submit", kind: "observation", id: "\(notesID)",
                detail: "cycle \(id)")
            return notesID
        }
    }

    public func observations(cycle id: Int64) throws(StoreError) -> [Stored<ObservationNotes>] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM observation WHERE cycle_id = ? ORDER BY held_on, id",
                arguments: [id]
            ).map { row in
                Stored(
                    id: row["id"], cycleID: id,
                    record: ObservationNotes(
                        heldOn: day(row["held_on"]) ?? SchoolDay(dayNumber: 0), author: staffCode(row["author"]),
                        lessonClass: row["lesson_class"], subject: row["subject"], lookFors: row["look_fors"],
                        seenAndHeard: row["seen_and_heard"], questions: row["questions"]))
            }
        }
    }

    // MARK: Impact statement

    public func saveImpact(
        _ impact: ImpactStatement, cycle id: Int64, by actor: Actor, discarding draft: DraftKey? = nil
    ) throws(StoreError) {
        try write { db in
            _ = try Self.fetchCycle(db, id)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO impact_statement (cycle_id, goal, practice, change_in_teaching,
                        pupil_outcomes_before, pupil_outcomes_after, went_well, could_have_gone_better,
                        next_steps, author, submitted_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    id, impact.goal, impact.practice, impact.changeInTeaching, impact.pupilOutcomesBefore,
                    impact.pupilOutcomesAfter, impact.wentWell, impact.couldHaveGoneBetter, impact.nextSteps,
                    impact.author.rawValue, impact.submittedOn.iso))
            try Self.discard(draft, db)
            try self.audit(db, actor, "impact submit", kind: "impact", id: "\(id)")
        }
    }

    public func impact(cycle id: Int64) throws(StoreError) -> ImpactStatement? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM impact_statement WHERE cycle_id = ?", arguments: [id]).map {
                row in
                ImpactStatement(
                    goal: row["goal"], practice: row["practice"], changeInTeaching: row["change_in_teaching"],
                    pupilOutcomesBefore: row["pupil_outcomes_before"], pupilOutcomesAfter: row["pupil_outcomes_after"],
                    wentWell: row["went_well"], couldHaveGoneBetter: row["could_have_gone_better"],
                    nextSteps: row["next_steps"], author: staffCode(row["author"]),
                    submittedOn: day(row["submitted_on"]) ?? SchoolDay(dayNumber: 0))
            }
        }
    }

    // MARK: Goals

    @discardableResult
    public func addGoal(_ goal: Goal, cycle id: Int64?, by actor: Actor) throws(StoreError) -> Int64 {
        try write { db in
            if let id { _ = try Self.fetchCycle(db, id) }
            guard try Self.fetchStaff(db, goal.owner) != nil else { throw StoreError.unknownStaff(goal.owner) }
            if let priority = goal.priority, try !Self.priorityExists(db, priority) {
                throw StoreError.unknownPriority(priority)
            }
            try db.execute(
                sql: """
                    INSERT INTO goal (cycle_id, owner, text, priority, status, set_on) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    id, goal.owner.rawValue, goal.text, goal.priority, goal.status.rawValue, goal.setOn.iso))
            let goalID = db.lastInsertedRowID
            try self.audit(db, actor, "goal add", kind: "goal", id: "\(goalID)")
            return goalID
        }
    }

    /// Goals of a person, or of a cycle.
    public func goals(owner: StaffCode? = nil, cycle: Int64? = nil) throws(StoreError) -> [Stored<Goal>] {
        try read { db in
            let rows: [Row]
            if let cycle {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM goal WHERE cycle_id = ? ORDER BY id", arguments: [cycle])
            } else if let owner {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM goal WHERE owner = ? ORDER BY id",
                    arguments: [owner.rawValue])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM goal ORDER BY id")
            }
            return rows.map { row in
                Stored(
                    id: row["id"], cycleID: row["cycle_id"],
                    record: Goal(
                        owner: staffCode(row["owner"]), text: row["text"], priority: row["priority"],
                        status: GoalStatus(rawValue: row["status"]) ?? .open,
                        setOn: day(row["set_on"]) ?? SchoolDay(dayNumber: 0)))
            }
        }
    }

    // MARK: CPD

    @discardableResult
    public func addCPD(_ activity: CPDActivity, by actor: Actor, discarding draft: DraftKey? = nil) throws(StoreError)
        -> Int64
    {
        try write { db in
            guard try Self.fetchStaff(db, activity.owner) != nil else { throw StoreError.unknownStaff(activity.owner) }
            if let priority = activity.priority, try !Self.priorityExists(db, priority) {
                throw StoreError.unknownPriority(priority)
            }
            try db.execute(
                sql: """
                    INSERT INTO cpd_activity (owner, held_on, title, kind, hours, priority, reflection)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    activity.owner.rawValue, activity.heldOn.iso, activity.title, activity.kind.rawValue,
                    activity.hours, activity.priority, activity.reflection))
            let activityID = db.lastInsertedRowID
            try Self.discard(draft, db)
            try self.audit(db, actor, "cpd add", kind: "cpd", id: "\(activityID)")
            return activityID
        }
    }

    public func cpd(owner: StaffCode) throws(StoreError) -> [Stored<CPDActivity>] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM cpd_activity WHERE owner = ? ORDER BY held_on, id",
                arguments: [owner.rawValue]
            ).map { row in
                Stored(
                    id: row["id"], cycleID: nil,
                    record: CPDActivity(
                        owner: staffCode(row["owner"]), heldOn: day(row["held_on"]) ?? SchoolDay(dayNumber: 0),
                        title: row["title"], kind: CPDKind(rawValue: row["kind"]) ?? .other, hours: row["hours"],
                        priority: row["priority"], reflection: row["reflection"]))
            }
        }
    }
}

func day(_ text: String?) -> SchoolDay? { text.flatMap(SchoolDay.init(iso:)) }
func staffCode(_ text: String?) -> StaffCode { StaffCode(text ?? "") ?? "UNKNOWN" }
