import Coaching
import Foundation
import Testing

@testable import CoachingStore

@Suite("The print outbox")
struct PrintOutboxTests {
    let folder: TemporaryFolder
    let store: CoachingStore
    let id: Int64

    init() throws {
        folder = try TemporaryFolder()
        store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        id = try store.enqueuePrint(
            document: "agreement", recordID: "1", printer: "office", by: Actor(staff: "DAP", terminal: "telnet t"))
    }

    @Test("only one process claims a queued job; a claim left by a process that is gone can be taken over")
    func claims() throws {
        let first = try #require(try store.claimPrintJob(id, by: "101@box#a"))
        #expect(first.state == .sending && first.claimedBy == "101@box#a")
        #expect(try store.claimPrintJob(id, by: "202@box#b") == nil, "the daemon and a command never both send it")
        #expect(try store.claimPrintJob(id, by: "202@box#b", replacing: "999@box#z") == nil)
        let taken = try #require(try store.claimPrintJob(id, by: "202@box#b", replacing: "101@box#a"))
        #expect(taken.claimedBy == "202@box#b")
    }

    @Test("a job that could not be sent goes back to the queue with its reason and its next attempt")
    func requeue() throws {
        _ = try store.claimPrintJob(id, by: "1@h#t")
        let later = Date(timeIntervalSinceNow: 60)
        try store.requeuePrintJob(id, error: "Connection refused", nextAttemptAt: later)
        let job = try store.printJob(id)
        #expect(job.state == .queued && job.attempts == 1 && job.lastError == "Connection refused")
        #expect(job.claimedBy == nil)
        #expect(try store.printJobsToWorkOn(now: Date()).isEmpty, "not due yet")
        #expect(try store.printJobsToWorkOn(now: later.addingTimeInterval(1)).map(\.id) == [id])
    }

    @Test("sent, then printed: each step recorded and audited; a finished job is not worked on again")
    func sentThenPrinted() throws {
        _ = try store.claimPrintJob(id, by: "1@h#t")
        try store.markPrintJobSent(id, cupsJobID: 17, detail: "to office")
        #expect(try store.printJob(id).state == .sent)
        #expect(try store.printJob(id).cupsJobID == 17)
        #expect(try store.printJobsToWorkOn(now: Date()).map(\.id) == [id], "a sent job is followed")
        try store.notePrintJobProblem(id, "The printer is out of paper.")
        #expect(try store.printJob(id).lastError == "The printer is out of paper.")
        try store.finishPrintJob(id, state: .printed, message: nil)
        let job = try store.printJob(id)
        #expect(job.state == .printed && job.isFinished)
        #expect(try store.printJobsToWorkOn(now: Date()).isEmpty)
        let actions = try store.auditEntries().map(\.action)
        #expect(
            actions.contains("print request") && actions.contains("print sent") && actions.contains("print printed"))
    }

    @Test("the jobs to work on: sending, sent, and queued ones that are due, by id; not finished or future ones")
    func jobsToWorkOn() throws {
        let now = Date()
        let actor = Actor(staff: "DAP", terminal: "telnet t")
        var ids = [id]
        for _ in 0..<7 {
            ids.append(try store.enqueuePrint(document: "agreement", recordID: "1", printer: "office", by: actor))
        }
        try store.requeuePrintJob(ids[1], error: "Busy", nextAttemptAt: now.addingTimeInterval(60))
        try store.requeuePrintJob(ids[2], error: "Busy", nextAttemptAt: now.addingTimeInterval(-60))
        _ = try store.claimPrintJob(ids[3], by: "1@h#t")
        try store.markPrintJobSent(ids[4], cupsJobID: 4, detail: "to office")
        for (index, state) in [(5, PrintJobState.printed), (6, .failed), (7, .cancelled)] {
            try store.finishPrintJob(ids[index], state: state, message: nil)
        }
        #expect(try store.printJobsToWorkOn(now: now).map(\.id) == [ids[0], ids[2], ids[3], ids[4]])
        #expect(try store.printJobsToWorkOn(now: now.addingTimeInterval(61)).map(\.id) == Array(ids[0...4]))
    }
}
