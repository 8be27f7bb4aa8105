import Coaching
import Foundation
import GRDB

/// A coaching cycle as stored, with its id.
public struct StoredCycle: Sendable, Hashable, Codable {
    public var id: Int64
    public var cycle: CoachingCycle
}

extension CoachingStore {
    // MARK: Priorities

    public func addPriority(_ priority: Priority, by actor: Actor, discarding draft: DraftKey? = nil)
        throws(StoreError)
    {
        let now = timestamp
        try write { db in
            if try Self.priorityExists(db, priority.code) {
                throw StoreError.duplicatePriority(priority.code)
            }
            try db.execute(
                sql: "INSERT INTO priority (code, title, detail, created_at) VALUES (?, ?, ?, ?)",
                arguments: .withoutNUL(priority.code, priority.title, priority.detail, now))
            try Self.discard(draft, db)
            try self.audit(db, actor, "priority add", kind: "priority", id: priority.code)
        }
    }

    public func priorities() throws(StoreError) -> [Priority] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM priority ORDER BY code").map {
                Priority(code: $0["code"], title: $0["title"], detail: $0["detail"])
            }
        }
    }

    static func priorityExists(_ db: Database, _ code: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM priority WHERE code = ?)",
            arguments: [code]) ?? false
    }

    // MARK: Cycles

    /// Starts a cycle for a trio. Each member must be active staff; the
    /// coach must hold the coach or lead-coach role.
    @discardableResult
    public func startCycle(_ cycle: CoachingCycle, by actor: Actor, discarding draft: DraftKey? = nil)
        throws(StoreError) -> Int64
    {
        try write { db in
            try Self.discard(draft, db)
            return try self.insert(db, cycle, by: actor)
        }
    }

    func insert(_ db: Database, _ cycle: CoachingCycle, by actor: Actor) throws -> Int64 {
        for code in cycle.trio.members {
            guard let member = try Self.fetchStaff(db, code) else { throw StoreError.unknownStaff(code) }
            guard member.isActive || cycle.stage == .closed else { throw StoreError.inactiveStaff(code) }
        }
        if let coach = try Self.fetchStaff(db, cycle.trio.coach),
            coach.roles.isDisjoint(with: [.coach, .leadCoach])
        {
            throw StoreError.notACoach(cycle.trio.coach)
        }
        if let priority = cycle.priority, try !Self.priorityExists(db, priority) {
            throw StoreError.unknownPriority(priority)
        }
        try db.execute(
            sql: """
                INSERT INTO cycle (coachee, coach, observer, priority, focus, stage, started_on, stage_since,
                    closed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: .withoutNUL(
                cycle.trio.coachee.rawValue, cycle.trio.coach.rawValue, cycle.trio.observer.rawValue,
                cycle.priority, cycle.focus, cycle.stage.rawValue, cycle.startedOn.iso, cycle.inStageSince.iso,
                cycle.stage == .closed ? cycle.inStageSince.iso : nil))
        let id = db.lastInsertedRowID
        for move in cycle.history {
            try db.execute(
                sql: "INSERT INTO cycle_stage_move (cycle_id, stage, moved_on, moved_by) VALUES (?, ?, ?, ?)",
                arguments: [id, move.stage.rawValue, move.on.iso, move.by?.rawValue])
        }
        try audit(
            db, actor, "cycle start", kind: "cycle", id: "\(id)",
            detail: "coachee \(cycle.trio.coachee), coach \(cycle.trio.coach), observer \(cycle.trio.observer)")
        return id
    }

    public func cycle(_ id: Int64) throws(StoreError) -> StoredCycle {
        try read { db in try Self.fetchCycle(db, id) }
    }

    /// Cycles, newest first; only those at `stage`, or with `member` in the trio, when given.
    public func cycles(stage: Stage? = nil, member: StaffCode? = nil) throws(StoreError) -> [StoredCycle] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let stage {
                conditions.append("stage = ?")
                arguments += [stage.rawValue]
            }
            if let member {
                conditions.append("(coachee = ? OR coach = ? OR observer = ?)")
                arguments += [member.rawValue, member.rawValue, member.rawValue]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM cycle \(filter) ORDER BY id DESC",
                arguments: arguments)
            return try ids.map { try Self.fetchCycle(db, $0) }
        }
    }

    /// Moves a cycle on a stage.
    @discardableResult
    public func advanceCycle(_ id: Int64, on day: SchoolDay, by actor: Actor) throws(StoreError) -> StoredCycle {
        try moveCycle(id, by: actor, verb: "cycle advance") { cycle throws(CoachingError) in
            try cycle.advance(on: day, by: actor.staff)
        }
    }

    /// Steps a cycle back a stage.
    @discardableResult
    public func stepCycleBack(_ id: Int64, on day: SchoolDay, by actor: Actor) throws(StoreError) -> StoredCycle {
        try moveCycle(id, by: actor, verb: "cycle back") { cycle throws(CoachingError) in
            try cycle.stepBack(on: day, by: actor.staff)
        }
    }

    private func moveCycle(
        _ id: Int64, by actor: Actor, verb: String,
        _ move: (inout CoachingCycle) throws(CoachingError) -> Void
    ) throws(StoreError) -> StoredCycle {
        try write { db in
            var stored = try Self.fetchCycle(db, id)
            let from = stored.cycle.stage
            try move(&stored.cycle)
            guard let last = stored.cycle.history.last else { throw CoachingError.cycleWithoutHistory }
            try db.execute(
                sql: "UPDATE cycle SET stage = ?, stage_since = ?, closed_on = ? WHERE id = ?",
                arguments: [last.stage.rawValue, last.on.iso, last.stage == .closed ? last.on.iso : nil, id])
            try db.execute(
                sql: "INSERT INTO cycle_stage_move (cycle_id, stage, moved_on, moved_by) VALUES (?, ?, ?, ?)",
                arguments: [id, last.stage.rawValue, last.on.iso, last.by?.rawValue])
            try self.audit(
                db, actor, verb, kind: "cycle", id: "\(id)",
                detail: "\(from.rawValue) → \(last.stage.rawValue)")
            return stored
        }
    }

    static func fetchCycle(_ db: Database, _ id: Int64) throws -> StoredCycle {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cycle WHERE id = ?", arguments: [id]) else {
            throw StoreError.unknownCycle(id)
        }
        let moves = try Row.fetchAll(
            db, sql: "SELECT * FROM cycle_stage_move WHERE cycle_id = ? ORDER BY id",
            arguments: [id]
        ).compactMap { move -> StageMove? in
            guard let stage = Stage(rawValue: move["stage"]), let on = SchoolDay(iso: move["moved_on"]) else {
                return nil
            }
            return StageMove(stage: stage, on: on, by: (move["moved_by"] as String?).flatMap(StaffCode.init))
        }
        let trio = try Trio(
            coachee: staffCode(row["coachee"]), coach: staffCode(row["coach"]), observer: staffCode(row["observer"]))
        let cycle = try CoachingCycle(trio: trio, priority: row["priority"], focus: row["focus"], history: moves)
        return StoredCycle(id: id, cycle: cycle)
    }

}
