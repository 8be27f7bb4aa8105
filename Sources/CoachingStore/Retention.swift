import Coaching
import Foundation
import GRDB

/// What a purge deleted (or, on a dry run, would delete).
public struct PurgeReport: Sendable, Hashable, Codable {
    public var dryRun: Bool
    public var leftOnOrBefore: SchoolDay
    public var closedOnOrBefore: SchoolDay
    /// Staff whose records were past retention: code and name.
    public var staff: [String]
    public var cycles: [Int64]
    /// Rows deleted from each table, by table name.
    public var rows: [String: Int]
    /// Audit lines that named a purged person and now name nobody.
    public var auditLinesAnonymised: Int

    public var isEmpty: Bool { staff.isEmpty && cycles.isEmpty && rows.values.allSatisfy { $0 == 0 } }
}

extension CoachingStore {
    static let purgedTables = [
        "staff", "cycle", "cycle_stage_move", "agreement", "session_proforma", "agreed_action", "observation",
        "impact_statement", "goal", "cpd_activity", "draft_field", "print_job", "audit_log",
    ]

    /// Deletes everything past the retention rule, in one transaction:
    /// staff who left on or before the cut-off with every cycle they took
    /// part in and everything they wrote or logged; closed cycles past
    /// their own cut-off; finished print jobs and audit lines older than
    /// that. On a dry run the same work is done and rolled back, so the
    /// report is exactly what a real purge would delete.
    public func purge(_ rule: RetentionRule, today: SchoolDay, dryRun: Bool, by actor: Actor) throws(StoreError)
        -> PurgeReport
    {
        let leftCutoff = rule.leftOnOrBefore(today: today)
        let cycleCutoff = rule.cycleClosedOnOrBefore(today: today)
        var report = PurgeReport(
            dryRun: dryRun, leftOnOrBefore: leftCutoff, closedOnOrBefore: cycleCutoff,
            staff: [], cycles: [], rows: [:], auditLinesAnonymised: 0)
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    var before: [String: Int] = [:]
                    for table in Self.purgedTables {
                        before[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                    }
                    let leavers = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT code, name FROM staff WHERE left_on IS NOT NULL AND left_on <= ? ORDER BY code
                            """, arguments: [leftCutoff.iso])
                    let codes: [String] = leavers.map { $0["code"] }
                    report.staff = leavers.map { "\($0["code"] as String) \($0["name"] as String)" }
                    var cycles = Set(
                        try Int64.fetchAll(
                            db,
                            sql: """
                                SELECT id FROM cycle WHERE stage = 'closed' AND closed_on <= ?
                                """, arguments: [cycleCutoff.iso]))
                    for code in codes {
                        cycles.formUnion(
                            try Int64.fetchAll(
                                db,
                                sql: """
                                    SELECT id FROM cycle WHERE coachee = ? OR coach = ? OR observer = ?
                                    """, arguments: [code, code, code]))
                    }
                    report.cycles = cycles.sorted()
                    for id in report.cycles {
                        try db.execute(sql: "DELETE FROM cycle WHERE id = ?", arguments: [id])
                    }
                    for code in codes {
                        try db.execute(
                            sql: """
                                UPDATE audit_log SET actor = NULL WHERE actor = ?
                                """, arguments: [code])
                        report.auditLinesAnonymised += db.changesCount
                        try db.execute(
                            sql: """
                                UPDATE audit_log SET record_id = NULL, detail = '(purged)'
                                WHERE record_kind = 'staff' AND record_id = ?
                                """, arguments: [code])
                        report.auditLinesAnonymised += db.changesCount
                        try db.execute(sql: "DELETE FROM print_job WHERE requested_by = ?", arguments: [code])
                        try db.execute(sql: "DELETE FROM staff WHERE code = ?", arguments: [code])
                    }
                    let oldest = min(leftCutoff, cycleCutoff).iso
                    try db.execute(
                        sql: """
                            DELETE FROM print_job WHERE requested_at < ? AND state IN
                                ('printed', 'aborted', 'cancelled', 'failed')
                            """, arguments: [oldest])
                    try db.execute(sql: "DELETE FROM audit_log WHERE at < ?", arguments: [oldest])
                    for table in Self.purgedTables {
                        let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                        report.rows[table] = (before[table] ?? 0) - after
                    }
                    if dryRun { return .rollback }
                    try self.audit(
                        db, actor, "purge", kind: nil, id: nil,
                        detail: "\(report.staff.count) staff, \(report.cycles.count) cycles, "
                            + "\(report.rows.values.reduce(0, +)) rows")
                    return .commit
                }
            }
        } catch {
            throw failure(error)
        }
        return report
    }
}
