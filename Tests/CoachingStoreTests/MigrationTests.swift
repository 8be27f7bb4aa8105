import Coaching
import Foundation
import GRDB
import Testing

@testable import CoachingStore

@Suite("Migrations")
struct MigrationTests {
    /// The schema as SQLite records it, for comparing two databases.
    static func schema(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
                    WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY type, name
                    """)
        }
    }

    @Test("an empty file is brought to the newest schema")
    func fromEmpty() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("new.sqlite"))
        #expect(try store.appliedMigrations() == CoachingStore.knownMigrations)
        #expect(try store.integrityCheck() == "ok")
        let tables = try Self.schema(folder.file("new.sqlite")).filter { $0.hasPrefix("table ") }
        for table in ["staff", "cycle", "session_proforma", "draft_field", "audit_log", "print_job"] {
            #expect(tables.contains { $0.hasPrefix("table \(table):") }, "missing table \(table)")
        }
        let journal = try DatabaseQueue(path: folder.file("new.sqlite")).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(journal == "wal")
    }

    @Test("every earlier version migrates to the newest, keeping its records")
    func fromEveryEarlierVersion() throws {
        #expect(CoachingStore.knownMigrations.count >= 2)
        for applied in 0..<CoachingStore.knownMigrations.count {
            try migrate(fromVersionWith: applied)
        }
    }

    /// Builds a database at the version with `applied` migrations, then opens it with the store.
    func migrate(fromVersionWith applied: Int) throws {
        let known = CoachingStore.knownMigrations
        let folder = try TemporaryFolder()
        let old = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: old)
            if applied > 0 {
                try Migrations.migrator.migrate(queue, upTo: known[applied - 1])
                // Records as that version held them.
                try queue.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO staff (code, name, subject, roles, created_at, updated_at)
                            VALUES ('SJO', 'Siân Jones', 'Maths', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'),
                                   ('DAP', 'Dafydd ap Rhys', 'Science', 'coach', '2020-01-01T00:00:00Z',
                                    '2020-01-01T00:00:00Z'),
                                   ('ZOB', 'Zoë O''Brien', 'English', '', '2020-01-01T00:00:00Z',
                                    '2020-01-01T00:00:00Z');
                            INSERT INTO cycle (id, coachee, coach, observer, stage, started_on, stage_since)
                            VALUES (1, 'SJO', 'DAP', 'ZOB', 'agreement', '2020-01-06', '2020-01-06');
                            INSERT INTO cycle_stage_move (cycle_id, stage, moved_on) VALUES (1, 'agreement', '2020-01-06');
                            """)
                }
            }
            try queue.close()
        }
        let store = try CoachingStore(path: old)
        #expect(try store.appliedMigrations() == known)
        #expect(try store.integrityCheck() == "ok")
        if applied > 0 {
            #expect(try store.staffMember("ZOB")?.name == "Zoë O'Brien")
            #expect(try store.cycle(1).cycle.trio.coach == "DAP")
        }
        try store.close()
        let fresh = try CoachingStore(path: folder.file("fresh.sqlite"))
        try fresh.close()
        #expect(try Self.schema(old) == Self.schema(folder.file("fresh.sqlite")))
    }
}
