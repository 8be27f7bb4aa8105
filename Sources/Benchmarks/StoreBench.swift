import Coaching
import CoachingStore
import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark 3: GROWTH submissions through the store, each with its agreed
/// actions and its audit line in one transaction, against the same rows
/// inserted through plain sqlite3 with the same pragmas.
enum StoreBench {
    static let part = "store"

    static func run(workDirectory: String, submissions: Int) throws -> [Figure] {
        let path = workDirectory + "/store.sqlite"
        let floorPath = workDirectory + "/store-floor.sqlite"
        let normalPath = workDirectory + "/store-floor-normal.sqlite"
        let actor = Actor(staff: "SBC", terminal: "telnet 127.0.0.1:40000")
        for file in [path, floorPath, normalPath, path + ".empty"] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
        // A school of three and one cycle, then a copy of the file: both start the same.
        var store = try CoachingStore(path: path)
        let setup = Actor.commandLine(user: "bench")
        try store.addStaff(StaffMember(code: "SBC", name: "Siân Bench", subject: "Maths"), by: setup)
        try store.addStaff(StaffMember(code: "SBO", name: "Owain Bench", subject: "Maths", roles: [.coach]), by: setup)
        try store.addStaff(StaffMember(code: "SBX", name: "Zoë Bench", subject: "Science"), by: setup)
        let today = store.today
        let cycle = try store.startCycle(
            CoachingCycle(trio: try Trio(coachee: "SBC", coach: "SBO", observer: "SBX"), startedOn: today), by: setup)
        try store.close()
        try BenchSchool.copy(path, to: floorPath)
        try BenchSchool.copy(path, to: path + ".empty")

        let sessions = (0..<submissions).map { session($0, today: today) }
        store = try CoachingStore(path: path)
        // Warm the connection and the statement cache as the daemon's would be.
        for warm in sessions.prefix(5) { try store.addSession(warm, cycle: cycle, by: actor) }
        var storeSamples: [Double] = []
        let storeStart = monotonicSeconds()
        for session in sessions {
            let (_, ms) = try milliseconds { try store.addSession(session, cycle: cycle, by: actor) }
            storeSamples.append(ms)
        }
        let storeSeconds = monotonicSeconds() - storeStart
        try store.close()

        let (floorSamples, floorSeconds, floorPragmas) = try Self.plain(
            floorPath, synchronous: "FULL", sessions: sessions, cycle: cycle, actor: actor)
        // For comparison: what a commit costs when it does not wait for the disk.
        try BenchSchool.copy(path + ".empty", to: normalPath)
        let (normalSamples, normalSeconds, _) = try Self.plain(
            normalPath, synchronous: "NORMAL", sessions: sessions, cycle: cycle, actor: actor)

        let durability = try Self.durability(path)
        let rows = try Self.count(path)
        let floorRows = try Self.count(floorPath)
        let storeTimes = Percentiles(storeSamples)
        let floorTimes = Percentiles(floorSamples)
        var figures: [Figure] = [
            Figure(
                part: part, name: "GROWTH submissions per second (record, 2 actions, audit line)",
                value: Double(submissions) / storeSeconds, unit: "/s", floor: Double(submissions) / floorSeconds,
                note: "\(submissions) submissions, one transaction each; \(durability); "
                    + "plain sqlite3: \(floorPragmas), prepared statements, BEGIN IMMEDIATE … COMMIT"),
            Figure(
                part: part, name: "submission p50", value: storeTimes?.p50, unit: "ms", floor: floorTimes?.p50),
            Figure(
                part: part, name: "submission p99", value: storeTimes?.p99, unit: "ms", floor: floorTimes?.p99),
        ]
        let normal = Percentiles(normalSamples)
        figures.append(
            Figure(
                part: part, name: "plain sqlite3 with synchronous=NORMAL, for comparison",
                value: Double(submissions) / normalSeconds, unit: "/s",
                note: "p50 \(Figure.format(normal?.p50 ?? 0)) ms: a commit that does not wait for the disk. "
                    + "A store close to this and far above the FULL floor is not syncing each commit"))
        if rows != floorRows {
            figures[0].note = (figures[0].note ?? "") + "; the row counts differ: store \(rows), floor \(floorRows)"
        }
        return figures
    }

    /// The same submissions through plain sqlite3; the times (ms), the seconds in all, the pragmas.
    static func plain(
        _ path: String, synchronous: String, sessions: [SessionProforma], cycle: Int64, actor: Actor
    ) throws -> ([Double], Double, String) {
        let floor = try PlainSQLite(path: path, synchronous: synchronous)
        defer { floor.close() }
        for warm in sessions.prefix(5) { try floor.insert(warm, cycle: cycle, actor: actor) }
        var samples: [Double] = []
        let start = monotonicSeconds()
        for session in sessions {
            let (_, ms) = try milliseconds { try floor.insert(session, cycle: cycle, actor: actor) }
            samples.append(ms)
        }
        return (samples, monotonicSeconds() - start, try floor.pragmas())
    }

    static func session(_ index: Int, today: SchoolDay) -> SessionProforma {
        let text = BenchSchool.growthText.map(\.text)
        return SessionProforma(
            heldOn: today, kind: .coaching, author: "SBC",
            goal: text[0] + "(\(index))", reality: text[1] + text[1], options: text[2] + text[2], will: text[3],
            tactics: text[4] + text[4], habits: text[5],
            actions: [
                AgreedAction(action: "Try mini whiteboards with 8Y2", who: "coachee", byWhen: today.adding(days: 14)),
                AgreedAction(action: "Film ten minutes of the lesson", who: "coach", byWhen: today.adding(days: 21)),
            ], sharedWithObserver: index % 3 == 0)
    }

    /// How the store keeps what it writes: the journal mode read from the
    /// file, and the synchronous setting the store gives each connection.
    static func durability(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } ?? "?"
        return
            "journal_mode=\(mode.uppercased()), synchronous=FULL as CoachingStore asks on every connection (compare the NORMAL figure), "
            + "on \(filesystemType(of: path))"
    }

    static func count(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM session_proforma) + (SELECT count(*) FROM agreed_action)
                        + (SELECT count(*) FROM audit_log)
                    """) ?? 0
        }
    }
}

/// The floor: sqlite3's C API, the same rows, the same pragmas.
final class PlainSQLite {
    private var db: OpaquePointer?
    private var insertSession: OpaquePointer?
    private var insertAction: OpaquePointer?
    private var insertAudit: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String, synchronous: String = "FULL") throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            throw BenchFailure("sqlite3 cannot open \(path)")
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = \(synchronous)")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA busy_timeout = 10000")
        insertSession = try prepare(
            """
            INSERT INTO session_proforma (cycle_id, author, held_on, kind, goal, reality, options, will,
                tactics, habits, shared_with_observer, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertAction = try prepare(
            "INSERT INTO agreed_action (session_id, position, action, who, by_when) VALUES (?, ?, ?, ?, ?)")
        insertAudit = try prepare(
            """
            INSERT INTO audit_log (at, actor, terminal, action, record_kind, record_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func pragmas() throws -> String {
        "journal_mode=\(try text("PRAGMA journal_mode").uppercased()), synchronous=\(try text("PRAGMA synchronous"))"
            + " (2 FULL, 1 NORMAL)"
    }

    func insert(_ session: SessionProforma, cycle: Int64, actor: Actor) throws {
        let now = Self.timestamp()
        try execute("BEGIN IMMEDIATE")
        do {
            try run(
                insertSession,
                [
                    .integer(cycle), .text(session.author.rawValue), .text(session.heldOn.iso),
                    .text(session.kind.rawValue), .text(session.goal), .text(session.reality),
                    .text(session.options), .text(session.will), .text(session.tactics), .text(session.habits),
                    .integer(session.sharedWithObserver ? 1 : 0), .text(now),
                ])
            let id = sqlite3_last_insert_rowid(db)
            for (position, action) in session.actions.enumerated() {
                try run(
                    insertAction,
                    [
                        .integer(id), .integer(Int64(position)), .text(action.action), .text(action.who),
                        action.byWhen.map { .text($0.iso) } ?? .null,
                    ])
            }
            try run(
                insertAudit,
                [
                    .text(now), actor.staff.map { .text($0.rawValue) } ?? .null, .text(actor.terminal),
                    .text("session submit"), .text("session"), .text("\(id)"), .text("cycle \(cycle)"),
                ])
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    enum Value {
        case integer(Int64)
        case text(String)
        case null
    }

    private func run(_ statement: OpaquePointer?, _ values: [Value]) throws {
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case let .integer(number): sqlite3_bind_int64(statement, position, number)
            case let .text(text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw failure() }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        return statement
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    private func text(_ sql: String) throws -> String {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else {
            throw failure()
        }
        return String(cString: text)
    }

    private func failure() -> BenchFailure {
        BenchFailure("sqlite3: " + (sqlite3_errmsg(db).map { String(cString: $0) } ?? "unknown error"))
    }

    nonisolated(unsafe) private static let timestampFormat: ISO8601DateFormatter = {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        return format
    }()

    private static func timestamp() -> String { timestampFormat.string(from: Date()) }

    func close() {
        for statement in [insertSession, insertAction, insertAudit] { sqlite3_finalize(statement) }
        sqlite3_close(db)
        db = nil
    }
}
