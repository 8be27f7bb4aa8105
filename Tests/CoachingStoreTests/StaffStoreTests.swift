import Coaching
import Foundation
import GRDB
import Testing

@testable import CoachingStore

@Suite("Staff, PINs and logins")
struct StaffStoreTests {
    @Test("importing the same staff twice adds nobody twice")
    func importTwice() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("s.sqlite"))
        let staff = [
            StaffMember(code: "SJO", name: "Siân Jones", subject: "Maths"),
            StaffMember(code: "OSU", name: "Ŵyn Ó Súilleabháin", subject: "Welsh", roles: [.coach]),
        ]
        let first = try store.importStaff(staff, by: technician, file: "staff.csv")
        #expect(first.added == ["SJO", "OSU"])
        let second = try store.importStaff(staff, by: technician, file: "staff.csv")
        #expect(second.added.isEmpty && second.updated.isEmpty)
        #expect(second.unchanged.count == 2)
        var changed = staff
        changed[0].subject = "Numeracy"
        let third = try store.importStaff(changed, by: technician, file: "staff.csv")
        #expect(third.updated == ["SJO"])
        #expect(try store.staff().count == 2)
        #expect(try store.staffMember("OSU")?.name == "Ŵyn Ó Súilleabháin")
        #expect(try store.staffMember("SJO")?.subject == "Numeracy")
    }

    @Test("someone deactivated who is imported again is active again")
    func reactivation() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("s.sqlite"))
        let member = StaffMember(code: "SJO", name: "Siân Jones", subject: "Maths")
        _ = try store.importStaff([member], by: technician, file: "a.csv")
        try store.deactivate("SJO", on: day("2026-07-20"), by: technician)
        #expect(try store.staff().isEmpty)
        #expect(try store.staff(includingLeavers: true).first?.leftOn == day("2026-07-20"))
        let summary = try store.importStaff([member], by: technician, file: "b.csv")
        #expect(summary.updated == ["SJO"])
        #expect(try store.staffMember("SJO")?.isActive == true)
    }

    @Test("a PIN is kept only as a salted slow hash, never as itself")
    func pinIsHashed() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("s.sqlite")
        let store = try CoachingStore(path: path)
        try smallSchool(store)
        try store.setPIN("480915", for: "SJO", by: technician)
        try store.setPIN("480915", for: "ZOB", by: technician)
        let hashes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT pin_hash FROM staff WHERE pin_hash IS NOT NULL ORDER BY code")
        }
        #expect(hashes.count == 2)
        #expect(hashes.allSatisfy { $0.hasPrefix("scrypt$16384$8$1$") })
        #expect(hashes[0] != hashes[1], "the same PIN must hash differently for two people (salt)")
        try store.close()
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data("480915".utf8)) == nil, "the PIN appears in \(file)")
        }
    }

    @Test("a PIN that is too short, not digits, or one repeated digit is refused")
    func weakPINs() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("s.sqlite"))
        try smallSchool(store)
        for pin in ["12", "12a4", "1111", "1234567890123"] {
            #expect(throws: StoreError.self) { try store.setPIN(pin, for: "SJO", by: technician) }
        }
        #expect(throws: StoreError.unknownStaff("NOPE")) { try store.setPIN("4829", for: "NOPE", by: technician) }
    }

    @Test("five wrong PINs lock the code for fifteen minutes, and every failure is audited")
    func lockout() throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let store = try CoachingStore(path: folder.file("s.sqlite"), clock: { clock.date })
        try smallSchool(store)
        try store.setPIN("2468", for: "SJO", by: technician)
        #expect(
            try store.logIn("sjo", pin: "2468", at: "telnet test")
                == .welcome(try #require(try store.staffMember("SJO"))))
        for attempt in 1...4 {
            #expect(try store.logIn("SJO", pin: "0000", at: "telnet test") == .refused(attemptsLeft: 5 - attempt))
        }
        guard case .locked = try store.logIn("SJO", pin: "0000", at: "telnet test") else {
            Issue.record("the fifth failure should lock")
            return
        }
        guard case .locked = try store.logIn("SJO", pin: "2468", at: "telnet test") else {
            Issue.record("the right PIN must not open a locked code")
            return
        }
        clock.advance(15 * 60 + 1)
        guard case .welcome = try store.logIn("SJO", pin: "2468", at: "telnet test") else {
            Issue.record("the lock should lift after fifteen minutes")
            return
        }
        let audit = try store.auditEntries(about: "SJO")
        #expect(audit.filter { $0.action == "login refused" }.count == 5)
        #expect(audit.filter { $0.action == "login locked" }.count == 1)
        #expect(audit.allSatisfy { !$0.detail.contains("0000") && !$0.detail.contains("2468") })
        #expect(audit.first?.terminal == "telnet test")
    }

    @Test("an unknown code is refused like a wrong PIN, and audited")
    func unknownCode() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("s.sqlite"))
        try smallSchool(store)
        #expect(try store.logIn("NOBODY", pin: "1234", at: "serial /dev/ttyS0") == .refused(attemptsLeft: nil))
        #expect(try store.auditEntries().first?.action == "login refused")
    }

    @Test("a deactivated member of staff cannot log in")
    func leaverCannotLogIn() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("s.sqlite"))
        try smallSchool(store)
        try store.setPIN("2468", for: "SJO", by: technician)
        try store.deactivate("SJO", on: day("2026-07-20"), by: technician)
        #expect(try store.logIn("SJO", pin: "2468", at: "t") == .refused(attemptsLeft: 4))
    }
}
