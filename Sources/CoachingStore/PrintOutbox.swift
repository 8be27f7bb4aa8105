import Coaching
import Foundation
import GRDB

/// Where a print job has got to.
public enum PrintJobState: String, CaseIterable, Sendable, Codable {
    /// Written down, not yet handed to CUPS (or waiting to be retried).
    case queued
    /// Claimed by one process that is rendering it and handing it to CUPS.
    case sending
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
    /// The process handing it to CUPS (`pid@host`), while it is `sending`.
    public var claimedBy: String?

    /// Printed, aborted, cancelled or failed: nothing more will happen to it.
    public var isFinished: Bool { [.printed, .aborted, .cancelled, .failed].contains(state) }
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
            try Row.fetchAll(db, sql: "SELECT * FROM print_job ORDER BY id DESC").map(PrintJob.init(row:))
                .filter { states?.contains($0.state) ?? true }
        }
    }

    /// One job.
    public func printJob(_ id: Int64) throws(StoreError) -> PrintJob {
        guard let job = try printJobs().first(where: { $0.id == id }) else {
            throw StoreError.unknownRecord(kind: "print job", id: id)
        }
        return job
    }

    /// Claims a job for `claimer` to send: a queued job, or one left
    /// `sending` by `staleClaimer` (a process that is gone). Nil when
    /// another process has it.
    public func claimPrintJob(_ id: Int64, by claimer: String, replacing staleClaimer: String? = nil)
        throws(StoreError) -> PrintJob?
    {
        let now = timestamp
        let claimed = try write { db in
            try db.execute(
                sql: """
                    UPDATE print_job SET state = 'sending', claimed_by = ?, updated_at = ?
                    WHERE id = ? AND (state = 'queued' OR (state = 'sending' AND claimed_by IS ?))
                    """, arguments: [claimer, now, id, staleClaimer])
            return db.changesCount == 1
        }
        return claimed ? try printJob(id) : nil
    }

    /// Gives a claimed job back to the queue, to be tried again at
    /// `nextAttemptAt`, with the reason it could not be sent.
    public func requeuePrintJob(_ id: Int64, error: String, nextAttemptAt: Date) throws(StoreError) {
        let now = timestamp
        let next = Self.timestamp(nextAttemptAt)
        try write { db in
            try db.execute(
                sql: """
                    UPDATE print_job SET state = 'queued', claimed_by = NULL, last_error = ?,
                        next_attempt_at = ?, attempts = attempts + 1, updated_at = ?
                    WHERE id = ?
                    """, arguments: [error, next, now, id])
        }
    }

    /// Records that CUPS accepted the job with `cupsJobID`.
    public func markPrintJobSent(_ id: Int64, cupsJobID: Int, detail: String) throws(StoreError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    UPDATE print_job SET state = 'sent', cups_job_id = ?, claimed_by = NULL, last_error = NULL,
                        attempts = attempts + 1, updated_at = ?
                    WHERE id = ?
                    """, arguments: [cupsJobID, now, id])
            let job = try Row.fetchOne(
                db, sql: "SELECT document, record_id FROM print_job WHERE id = ?", arguments: [id])
            try self.audit(
                db, Actor(staff: nil, terminal: "print worker"), "print sent", kind: job?["document"],
                id: job?["record_id"], detail: "job \(id): \(detail)")
        }
    }

    /// Records how a job ended (printed, aborted, cancelled, failed), with
    /// CUPS's message, and audits it.
    public func finishPrintJob(_ id: Int64, state: PrintJobState, message: String?) throws(StoreError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    UPDATE print_job SET state = ?, claimed_by = NULL, last_error = ?, next_attempt_at = NULL,
                        updated_at = ?
                    WHERE id = ?
                    """, arguments: [state.rawValue, message, now, id])
            guard db.changesCount == 1 else { throw StoreError.unknownRecord(kind: "print job", id: id) }
            let job = try Row.fetchOne(
                db, sql: "SELECT document, record_id FROM print_job WHERE id = ?", arguments: [id])
            try self.audit(
                db, Actor(staff: nil, terminal: "print worker"), "print \(state.rawValue)", kind: job?["document"],
                id: job?["record_id"], detail: "job \(id)" + (message.map { ": " + $0 } ?? ""))
        }
    }

    /// Notes a passing problem on a job that stays as it is (a printer
    /// that is stopped, a cupsd that does not answer while a job is followed).
    public func notePrintJobProblem(_ id: Int64, _ message: String?) throws(StoreError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: "UPDATE print_job SET last_error = ?, updated_at = ? WHERE id = ? AND last_error IS NOT ?",
                arguments: [message, now, id, message])
        }
    }

    /// Jobs with something to do: queued and due by `now`, sent (to be
    /// followed), and sending (perhaps left by a process that is gone).
    public func printJobsToWorkOn(now: Date) throws(StoreError) -> [PrintJob] {
        let due = Self.timestamp(now)
        // One term per search of the print_job_state index (state, next_attempt_at).
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM print_job
                    WHERE state IN ('sending', 'sent')
                        OR (state = 'queued' AND next_attempt_at IS NULL)
                        OR (state = 'queued' AND next_attempt_at <= ?)
                    ORDER BY id
                    """, arguments: [due]
            ).map(PrintJob.init(row:))
        }
    }
}

extension PrintJob {
    fileprivate init(row: Row) {
        self.init(
            id: row["id"], requestedAt: row["requested_at"],
            requestedBy: (row["requested_by"] as String?).flatMap(StaffCode.init), terminal: row["terminal"],
            document: row["document"], recordID: row["record_id"], parameters: row["parameters"],
            printer: row["printer"], state: PrintJobState(rawValue: row["state"]) ?? .queued,
            cupsJobID: row["cups_job_id"], attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"],
            lastError: row["last_error"], updatedAt: row["updated_at"], claimedBy: row["claimed_by"])
    }
}
