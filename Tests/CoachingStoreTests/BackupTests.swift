import Coaching
import Foundation
import GRDB
import Testing

@testable import CoachingStore

@Suite("Backup")
struct BackupTests {
    func cpdCount(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cpd_activity") ?? -1 }
    }

    func activity(_ n: Int) -> CPDActivity {
        CPDActivity(owner: "SJO", heldOn: day("2026-10-01"), title: "Reading \(n)", kind: .reading, hours: 1)
    }

    @Test("a backup taken while a writer is busy is a consistent copy")
    func whileWriterIsBusy() async throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("live.sqlite"))
        try smallSchool(store)
        for n in 0..<50 { try store.addCPD(activity(n), by: technician) }

        // A writer that keeps adding rows, one transaction each, while the backup runs.
        let writer = Task.detached {
            var written = 0
            while !Task.isCancelled && written < 5_000 {
                try store.addCPD(
                    CPDActivity(
                        owner: "SJO", heldOn: day("2026-10-02"), title: "Busy",
                        kind: .other, hours: 0.5), by: technician)
                written += 1
            }
            return written
        }
        try await Task.sleep(for: .milliseconds(50))
        let before = try cpdCount(store.path)
        try store.backup(to: folder.file("copy.sqlite"))
        let after = try cpdCount(store.path)
        writer.cancel()
        let written = try await writer.value
        #expect(written > 0, "the writer never ran")

        let copy = try CoachingStore(path: folder.file("copy.sqlite"))
        #expect(try copy.integrityCheck() == "ok")
        let copied = try cpdCount(folder.file("copy.sqlite"))
        #expect(copied >= before && copied <= after, "copy has \(copied), live had \(before)…\(after)")
        #expect(try copy.staffMember("SJO")?.name == "Siân Jones")
    }

    @Test("a backup does not wait for, or include, a transaction still open")
    func openTransactionIsNotCopied() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("live.sqlite"))
        try smallSchool(store)
        try store.addCPD(activity(0), by: technician)
        let inside = DispatchSemaphore(value: 0)
        let finish = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? store.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO cpd_activity (owner, held_on, title, kind, hours) VALUES ('SJO', '2026-10-03', 'Open', 'other', 1)
                        """)
                inside.signal()
                finish.wait()
            }
            done.signal()
        }
        inside.wait()
        try store.backup(to: folder.file("copy.sqlite"))
        finish.signal()
        done.wait()
        #expect(try cpdCount(folder.file("copy.sqlite")) == 1)
        #expect(try cpdCount(store.path) == 2)
    }

    @Test("a backup never overwrites a file")
    func neverOverwrites() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("live.sqlite"))
        let target = folder.file("exists.sqlite")
        #expect(FileManager.default.createFile(atPath: target, contents: Data("keep me".utf8)))
        #expect(throws: StoreError.backupExists(path: target)) { try store.backup(to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }
}
