import Coaching
import Foundation
import GRDB

/// One line of the audit log: who did what, to which record, when, where.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    public var actor: StaffCode?
    public var terminal: String
    public var action: String
    public var recordKind: String?
    public var recordID: String?
    public var detail: String
}

extension CoachingStore {
    /// Writes an audit line on its own (a read of a private record, say).
    public func audit(_ actor: Actor, _ action: String, kind: String?, id: String?, detail: String = "")
        throws(StoreError)
    {
        try write { db in try self.audit(db, actor, action, kind: kind, id: id, detail: detail) }
    }

    /// Writes an audit line inside the caller's transaction, so the change
    /// and its audit line land together or not at all.
    func audit(
        _ db: Database, _ actor: Actor, _ action: String, kind: String?, id: String?,
        detail: String = ""
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, actor, terminal, action, record_kind, record_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: .withoutNUL(timestamp, actor.staff?.rawValue, actor.terminal, action, kind, id, detail))
    }

    /// The audit log, newest first; only lines about or by `staff` when given.
    public func auditEntries(about staff: StaffCode? = nil, limit: Int = 1000) throws(StoreError)
        -> [AuditEntry]
    {
        try read { db in
            let rows: [Row]
            if let staff {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM audit_log
                        WHERE actor = ? OR (record_kind = 'staff' AND record_id = ?)
                        ORDER BY id DESC LIMIT ?
                        """, arguments: [staff.rawValue, staff.rawValue, limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?",
                    arguments: [limit])
            }
            return rows.map { row in
                AuditEntry(
                    id: row["id"], at: row["at"], actor: (row["actor"] as String?).flatMap(StaffCode.init),
                    terminal: row["terminal"], action: row["action"], recordKind: row["record_kind"],
                    recordID: row["record_id"], detail: row["detail"])
            }
        }
    }
}

extension CoachingStore {
    /// Writes several audit lines in one transaction (the private records a
    /// person has just been shown, say).
    public func audit(_ actor: Actor, lines: [(action: String, kind: String, id: String)]) throws(StoreError) {
        guard !lines.isEmpty else { return }
        try write { db in
            for line in lines { try self.audit(db, actor, line.action, kind: line.kind, id: line.id) }
        }
    }
}
