import Coaching
import CoachingStore
import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The test school with a hundred more staff, every one able to log in.
enum FaultSchool {
    static let pin = "4826"

    /// `F001`, `F002`, …
    static func code(_ number: Int) -> StaffCode {
        StaffCode("F" + String(format: "%03d", number)) ?? "F000"
    }

    /// Adds `count` members of staff to the school at `database`, each with
    /// the PIN `pin`. A PIN is kept as an scrypt hash, slow on purpose (a few
    /// tenths of a second in a debug build), so only the first is set through
    /// the store and the others are given the same hash with one UPDATE.
    static func addStaff(count: Int, to database: String) throws -> [StaffCode] {
        let codes = (1...count).map(code)
        let store = try CoachingStore(path: database)
        let technician = Actor.commandLine(user: "test")
        let subjects = ["Maths", "English", "Science", "Cymraeg", "History", "Art"]
        _ = try store.importStaff(
            codes.enumerated().map { index, code in
                StaffMember(code: code, name: "Athro Prawf \(index + 1)", subject: subjects[index % subjects.count])
            }, by: technician, file: "fault-test.csv")
        try store.setPIN(pin, for: codes[0], by: technician)
        try store.close()
        try SQLiteCAPI.execute(
            "UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE code = '\(codes[0])') "
                + "WHERE code LIKE 'F%'", on: database)
        return codes
    }
}

/// SQLite's own C API, found in this process (the store links libsqlite3;
/// this test target does not link GRDB, which the store hides).
enum SQLiteCAPI {
    private typealias Open = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias Execute =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, OpaquePointer?, OpaquePointer?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        ) -> Int32
    private typealias Close = @convention(c) (OpaquePointer?) -> Int32

    /// Runs `sql` on the database at `path`.
    static func execute(_ sql: String, on path: String) throws {
        let process = dlopen(nil, RTLD_NOW)
        guard let openSymbol = dlsym(process, "sqlite3_open"), let executeSymbol = dlsym(process, "sqlite3_exec"),
            let closeSymbol = dlsym(process, "sqlite3_close")
        else { throw TestFailure("libsqlite3 is not loaded in the test process") }
        let open = unsafeBitCast(openSymbol, to: Open.self)
        let execute = unsafeBitCast(executeSymbol, to: Execute.self)
        let close = unsafeBitCast(closeSymbol, to: Close.self)
        var database: OpaquePointer?
        guard open(path, &database) == 0 else {
            _ = close(database)
            throw TestFailure("sqlite3_open \(path) failed")
        }
        defer { _ = close(database) }
        var message: UnsafeMutablePointer<CChar>?
        guard execute(database, sql, nil, nil, &message) == 0 else {
            throw TestFailure("\(sql) failed: \(message.map { String(cString: $0) } ?? "no message")")
        }
    }
}
