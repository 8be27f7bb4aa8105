import Coaching
import Foundation
import GRDB

/// What a staff import changed.
public struct StaffImportSummary: Sendable, Equatable, Codable {
    public var added: [StaffCode] = []
    public var updated: [StaffCode] = []
    public var unchanged: [StaffCode] = []
}

/// The outcome of a PIN typed at the kiosk.
public enum LoginOutcome: Sendable, Equatable {
    case welcome(StaffMember)
    /// Wrong code or wrong PIN: the kiosk does not say which.
    case refused(attemptsLeft: Int?)
    case locked(until: Date)
}

extension CoachingStore {
    /// Failures in a row that lock a staff code, and for how long.
    public static let loginAttempts = 5
    public static let lockout: TimeInterval = 15 * 60

    /// Adds new staff and updates those already known (matched by code);
    /// one transaction, so a failure writes nothing. Someone deactivated who
    /// appears in the file again is reactivated.
    public func importStaff(_ members: [StaffMember], by actor: Actor, file: String)
        throws(StoreError) -> StaffImportSummary
    {
        let now = timestamp
        return try write { db in
            var summary = StaffImportSummary()
            for member in members {
                if let existing = try Self.fetchStaff(db, member.code) {
                    var merged = member
                    merged.leftOn = nil
                    if existing == merged {
                        summary.unchanged.append(member.code)
                        continue
                    }
                    try db.execute(
                        sql: """
                            UPDATE staff SET name = ?, subject = ?, roles = ?, email = ?,
                                early_career_year = ?, left_on = NULL, updated_at = ?
                            WHERE code = ?
                            """,
                        arguments: .withoutNUL(
                            member.name, member.subject, member.rolesText, member.email,
                            member.earlyCareerYear, now, member.code.rawValue))
                    summary.updated.append(member.code)
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO staff (code, name, subject, roles, email, early_career_year,
                                created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: .withoutNUL(
                            member.code.rawValue, member.name, member.subject, member.rolesText,
                            member.email, member.earlyCareerYear, now, now))
                    summary.added.append(member.code)
                }
            }
            try self.audit(
                db, actor, "staff import", kind: "staff", id: nil,
                detail: "\(file): \(summary.added.count) added, \(summary.updated.count) updated, "
                    + "\(summary.unchanged.count) unchanged")
            return summary
        }
    }

    /// Puts one member of staff in directly (the demo school, tests).
    public func addStaff(_ member: StaffMember, by actor: Actor) throws(StoreError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (code, name, subject, roles, email, early_career_year, left_on,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: .withoutNUL(
                    member.code.rawValue, member.name, member.subject, member.rolesText,
                    member.email, member.earlyCareerYear, member.leftOn?.iso, now, now))
            try self.audit(db, actor, "staff add", kind: "staff", id: member.code.rawValue)
        }
    }

    public func staffMember(_ code: StaffCode) throws(StoreError) -> StaffMember? {
        try read { db in try Self.fetchStaff(db, code) }
    }

    /// Everyone, by name; deactivated staff only when asked for.
    public func staff(includingLeavers: Bool = false) throws(StoreError) -> [StaffMember] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM staff \(includingLeavers ? "" : "WHERE left_on IS NULL")
                    ORDER BY name COLLATE NOCASE, code
                    """
            ).map(Self.staffMember(from:))
        }
    }

    /// Marks someone as having left on `day`: they can no longer log in,
    /// and the retention clock starts.
    public func deactivate(_ code: StaffCode, on day: SchoolDay, by actor: Actor) throws(StoreError) {
        let now = timestamp
        try write { db in
            guard let member = try Self.fetchStaff(db, code) else { throw StoreError.unknownStaff(code) }
            guard member.isActive else { throw StoreError.inactiveStaff(code) }
            try db.execute(
                sql: "UPDATE staff SET left_on = ?, updated_at = ? WHERE code = ?",
                arguments: [day.iso, now, code.rawValue])
            try self.audit(
                db, actor, "staff deactivate", kind: "staff", id: code.rawValue,
                detail: "left on \(day.iso)")
        }
    }

    /// Sets a PIN, kept only as a salted scrypt hash; clears any lockout.
    public func setPIN(_ pin: String, for code: StaffCode, by actor: Actor) throws(StoreError) {
        if let problem = PINHash.problem(with: pin) { throw .invalidPIN(problem) }
        let hash: String
        do { hash = try PINHash.make(pin: pin) } catch { throw .invalidPIN("\(error)") }
        let now = timestamp
        try write { db in
            guard try Self.fetchStaff(db, code) != nil else { throw StoreError.unknownStaff(code) }
            try db.execute(
                sql: """
                    UPDATE staff SET pin_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?
                    WHERE code = ?
                    """, arguments: [hash, now, code.rawValue])
            try self.audit(db, actor, "pin set", kind: "staff", id: code.rawValue)
        }
    }

    /// Checks a PIN typed at a terminal. Five failures in a row lock the
    /// code for fifteen minutes; every failure is audited.
    public func logIn(_ typedCode: String, pin: String, at terminal: String) throws(StoreError)
        -> LoginOutcome
    {
        let now = clock()
        let actor = Actor(staff: StaffCode(typedCode), terminal: terminal)
        // The PIN's hash is slow on purpose: it is checked before the write
        // transaction, so that other terminals' saves never wait for it. The
        // transaction looks at the row again and decides.
        var checked: (hash: String, matches: Bool)?
        if let code = StaffCode(typedCode) {
            let row = try read { db in
                try Row.fetchOne(
                    db, sql: "SELECT pin_hash, locked_until FROM staff WHERE code = ?", arguments: [code.rawValue])
            }
            if let row, let hash: String = row["pin_hash"], Self.lockedUntil(row, now: now) == nil {
                checked = (hash, PINHash.verify(pin: pin, against: hash))
            }
        }
        return try write { db in
            guard let code = StaffCode(typedCode),
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM staff WHERE code = ?",
                    arguments: [code.rawValue])
            else {
                try self.audit(
                    db, Actor(staff: nil, terminal: terminal), "login refused",
                    kind: "staff", id: nil, detail: "unknown code")
                return .refused(attemptsLeft: nil)
            }
            let member = Self.staffMember(from: row)
            if let until = Self.lockedUntil(row, now: now) {
                try self.audit(
                    db, actor, "login refused", kind: "staff", id: code.rawValue,
                    detail: "locked")
                return .locked(until: until)
            }
            guard member.isActive, let hash: String = row["pin_hash"],
                checked?.hash == hash ? checked?.matches == true : PINHash.verify(pin: pin, against: hash)
            else {
                let failures = (row["failed_logins"] as Int? ?? 0) + 1
                if failures >= Self.loginAttempts {
                    let until = now.addingTimeInterval(Self.lockout)
                    try db.execute(
                        sql: "UPDATE staff SET failed_logins = 0, locked_until = ? WHERE code = ?",
                        arguments: [Self.timestamp(until), code.rawValue])
                    try self.audit(
                        db, actor, "login locked", kind: "staff", id: code.rawValue,
                        detail: "\(failures) failures in a row")
                    return .locked(until: until)
                }
                try db.execute(
                    sql: "UPDATE staff SET failed_logins = ? WHERE code = ?",
                    arguments: [failures, code.rawValue])
                try self.audit(
                    db, actor, "login refused", kind: "staff", id: code.rawValue,
                    detail: member.isActive ? "wrong PIN" : "deactivated")
                return .refused(attemptsLeft: Self.loginAttempts - failures)
            }
            try db.execute(
                sql: "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE code = ?",
                arguments: [code.rawValue])
            try self.audit(db, actor, "login", kind: "staff", id: code.rawValue)
            return .welcome(member)
        }
    }

    /// When a staff row's lock ends, if it is locked at `now`.
    static func lockedUntil(_ row: Row, now: Date) -> Date? {
        guard let text: String = row["locked_until"], let until = date(fromTimestamp: text), until > now
        else { return nil }
        return until
    }

    static func fetchStaff(_ db: Database, _ code: StaffCode) throws -> StaffMember? {
        try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE code = ?", arguments: [code.rawValue])
            .map(staffMember(from:))
    }

    static func staffMember(from row: Row) -> StaffMember {
        let roles = (row["roles"] as String? ?? "").split(separator: ";").compactMap {
            Role(rawValue: String($0))
        }
        return StaffMember(
            code: StaffCode(row["code"] as String? ?? "") ?? "UNKNOWN",
            name: row["name"], subject: row["subject"], roles: Set(roles), email: row["email"],
            earlyCareerYear: row["early_career_year"],
            leftOn: (row["left_on"] as String?).flatMap(SchoolDay.init(iso:)))
    }
}
