import Coaching
import Foundation
import GRDB

/// Where a print job has got to.
public enum PrintJobState: String, CaseIterable, Sendable, Codable {
    /// Written down, not yet handed to CUPS (or waiting to be retried).
    case queued
    /// Accepted by CUPS, which gave it a job id; being followed.
    case sent
    case printed
    case aborted
    case cancelled
    /// Refused for good (the record is gone, the person may not print it).
    case failed
}

/// A request to print, written to the database before anything is sent,
/// so that nothing is lost and nothing is printed twice.
public struct PrintJob: Sendable, Hashable, Codable {
    public var id: Int64
    public var requestedAt: String
    public var requestedBy: StaffCode?
    public var terminal: String
    /// `agreement`, `session`, `observation`, `impact`, `trustee-pack`, `cpd`.
    public var document: String
    public var recordID: String?
    /// Extra parameters as JSON (a date range, say).
    public var parameters: String
    public var printer: String
    public var state: PrintJobState
    public var cupsJobID: Int?
    public var attempts: Int
    public var nextAttemptAt: String?
    public var lastError: String?
    public var updatedAt: String
}

extension CoachingStore {
    /// Writes a print request to the outbox and audits it; returns its id.
    @discardableResult
    public func enqueuePrint(
        document: String, recordID: String?, parameters: String = "{}", printer: String,
        by actor: Actor
    ) throws(StoreError) -> Int64 {
        let now = timestamp
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO print_job (requested_at, requested_by, terminal, document, record_id, parameters,
                        printer, state, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?)
                    """,
                arguments: [
                    now, actor.staff?.rawValue, actor.terminal, document, recordID, parameters,
                    printer, now,
                ])
            let id = db.lastInsertedRowID
            try self.audit(db, actor, "print request", kind: document, id: recordID, detail: "job \(id) to \(printer)")
            return id
        }
    }

    /// Records what happened to a job.
    public func updatePrintJob(
        _ id: Int64, state: PrintJobState, cupsJobID: Int? = nil, error: String? = nil,
        nextAttemptAt: String? = nil, countAttempt: Bool = false
    ) throws(StoreError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    UPDATE print_job SET state = ?, cups_job_id = COALESCE(?, cups_job_id), last_error = ?,
                        next_attempt_at = ?, attempts = attempts + ?, updated_at = ?
                    WHERE id = ?
                    """, arguments: [state.rawValue, cupsJobID, error, nextAttemptAt, countAttempt ? 1 : 0, now, id])
            guard db.changesCount == 1 else { throw StoreError.unknownRecord(kind: "print job", id: id) }
        }
    }

    /// The outbox, newest first; only jobs in `states` when given.
    public func printJobs(states: Set<PrintJobState>? = nil) throws(StoreError) -> [PrintJob] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM print_job ORDER BY id DESC").map { row in
                PrintJob(
                    id: row["id"], requestedAt: row["requested_at"],
                    requestedBy: (row["requested_by"] as String?).flatMap(StaffCode.init), terminal: row["terminal"],
                    document: row["document"], recordID: row["record_id"], parameters: row["parameters"],
                    printer: row["printer"], state: PrintJobState(rawValue: row["state"]) ?? .queued,
                    cupsJobID: row["cups_job_id"], attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"],
                    lastError: row["last_error"], updatedAt: row["updated_at"])
            }.filter { states?.contains($0.state) ?? true }
        }
    }
}
