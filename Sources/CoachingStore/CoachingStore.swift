import Coaching
import Foundation
import GRDB

/// The school's coaching records: one SQLite file, in WAL mode, with
/// foreign keys on and a busy timeout, so the kiosk, the print worker and
/// the office's command line can use it at once.
public final class CoachingStore: Sendable {
    let pool: DatabasePool
    /// The file the store lives in.
    public let path: String
    let clock: @Sendable () -> Date

    /// Opens (creating if need be) the database at `path` and brings its
    /// schema up to date.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        self.path = path
        self.clock = clock
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "coaching"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw .cannotOpen(path: path, reason: "the folder \(directory) does not exist; create it first")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB puts a pool's writer in WAL mode with `synchronous = NORMAL`
            // after `prepareDatabase`, which leaves a commit in the OS's hands
            // until the next checkpoint: a disk error or a power cut then loses
            // drafts already saved. FULL syncs the log at every commit.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Migrations.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? "\(error)")
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Every migration the code knows, oldest first.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Today in the school's time zone, by the store's clock.
    public var today: SchoolDay { SchoolDay(clock()) }

    var timestamp: String { Self.timestamp(clock()) }

    /// How the store writes a time: `2026-11-24T23:45:50Z`, UTC to the second.
    /// (A format style is a value: the store's threads share it safely, and it
    /// needs no ICU formatter, which cost a draft's save a tenth of its time.)
    static let timestampStyle = Date.ISO8601FormatStyle()

    static func timestamp(_ date: Date) -> String { date.formatted(timestampStyle) }

    static func date(fromTimestamp text: String) -> Date? { try? timestampStyle.parse(text) }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw failure(error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw failure(error) }
    }

    /// `error` as a store error, a full, read-only or failing disk told apart.
    func failure(_ error: any Error) -> StoreError {
        StoreError(error, database: path)
    }

    /// Checks the file for damage (`PRAGMA integrity_check`); "ok" when sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// Writes a consistent copy of the database to `destination` while
    /// others go on using it (SQLite's online backup).
    public func backup(to destination: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: destination) {
            throw .backupExists(path: destination)
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try pool.backup(to: target)
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw failure(error)
        }
    }
}

/// Something the store could not do, and what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case unknownStaff(StaffCode)
    case inactiveStaff(StaffCode)
    case notACoach(StaffCode)
    case unknownPriority(String)
    case duplicatePriority(String)
    case unknownCycle(Int64)
    case unknownRecord(kind: String, id: Int64)
    case invalidPIN(String)
    case backupExists(path: String)
    case rule(CoachingError)
    case database(String)
    /// The disk that holds the database is full: nothing was written.
    case diskFull(path: String)
    /// The database file, or the disk it is on, cannot be written: nothing was written.
    case readOnly(path: String, detail: String)
    /// The disk failed to read or write the database: nothing was written.
    case diskFailure(path: String, detail: String)

    init(_ error: any Error) {
        switch error {
        case let error as StoreError: self = error
        case let error as CoachingError: self = .rule(error)
        case let error as DatabaseError:
            self = .database(error.message ?? "\(error)")
        default: self = .database("\(error)")
        }
    }

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "Cannot open the database \(path): \(reason)."
        case let .unknownStaff(code):
            "No member of staff has the code \(code); `coaching-kiosk staff list` shows the codes."
        case let .inactiveStaff(code):
            "\(code) has been deactivated; import them again in a staff CSV to reactivate them."
        case let .notACoach(code):
            "\(code) does not hold the coach or lead-coach role; choose a coach, or give \(code) "
                + "the coach role in the staff CSV and import it again."
        case let .unknownPriority(code):
            "No school priority has the code \(code); `coaching-kiosk priority list` shows them."
        case let .duplicatePriority(code):
            "A priority with the code \(code) already exists; choose another code."
        case let .unknownCycle(id):
            "No coaching cycle has the id \(id); `coaching-kiosk cycle list` shows them."
        case let .unknownRecord(kind, id):
            "No \(kind) has the id \(id)."
        case let .invalidPIN(reason):
            "That PIN cannot be used: \(reason)."
        case let .backupExists(path):
            "\(path) already exists; a backup never overwrites a file: choose a new name."
        case let .rule(error):
            error.description
        case let .database(message):
            "The database refused the change: \(message). Nothing was written; "
                + "if this repeats, check the disk and the file's permissions."
        case let .diskFull(path):
            "The disk that holds the database \(path) is full, so nothing was written. Free some space on it "
                + "(`df -h` shows how much is left); the kiosk saves again as soon as there is room, "
                + "with no restart."
        case let .readOnly(path, detail):
            "The database \(path) cannot be written (\(detail)): the file or the disk it is on is read-only, "
                + "so nothing was written. A disk that turned read-only after an error needs checking "
                + "(`dmesg` says why; then `fsck`): make it writable again, then restart the kiosk."
        case let .diskFailure(path, detail):
            "The disk that holds the database \(path) reported an error (\(detail)), so nothing was written. "
                + "Check the disk (`dmesg` shows its errors) and make a copy with `coaching-kiosk backup` "
                + "while it still reads."
        }
    }
}

/// Who did something, and at which terminal: every write and every read of
/// a private record names one.
public struct Actor: Sendable, Hashable {
    /// Nil for the school's technician at the command line.
    public var staff: StaffCode?
    /// `telnet 10.0.0.12:51234`, `serial /dev/ttyUSB0`, `command line (root)`.
    public var terminal: String

    public init(staff: StaffCode?, terminal: String) {
        self.staff = staff
        self.terminal = terminal
    }

    /// The technician at a shell on the kiosk's machine.
    public static func commandLine(user: String) -> Actor {
        Actor(staff: nil, terminal: "command line (\(user))")
    }
}

extension CoachingStore {
    /// Closes the file, checkpointing the write-ahead log into it.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw failure(error) }
    }
}
