import Coaching
import Foundation
import Testing

@testable import CoachingStore

@Suite("Cycles and their records")
struct CycleStoreTests {
    func trio() throws -> Trio { try Trio(coachee: "SJO", coach: "DAP", observer: "ZOB") }

    @Test("a cycle moves forward and back, and its history is kept")
    func forwardAndBack() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        let id = try store.startCycle(
            CoachingCycle(trio: trio(), priority: "P1", focus: "Talk partners", startedOn: day("2026-09-07")),
            by: technician)
        try store.advanceCycle(id, on: day("2026-09-14"), by: technician)
        try store.advanceCycle(id, on: day("2026-09-21"), by: technician)
        try store.stepCycleBack(id, on: day("2026-09-28"), by: technician)
        let stored = try store.cycle(id)
        #expect(stored.cycle.stage == .preLesson)
        #expect(stored.cycle.history.map(\.stage) == [.agreement, .preLesson, .observedLesson, .preLesson])
        #expect(stored.cycle.stageDates[.preLesson] == day("2026-09-28"))
        #expect(try store.cycles(stage: .preLesson).map(\.id) == [id])
        #expect(try store.cycles(stage: .agreement).isEmpty)
        #expect(try store.auditEntries().contains { $0.action == "cycle back" && $0.recordID == "\(id)" })
    }

    @Test("a coach must hold the coach role; an unknown priority or person is refused")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        let noCoach = try Trio(coachee: "DAP", coach: "SJO", observer: "ZOB")
        #expect(throws: StoreError.notACoach("SJO")) {
            try store.startCycle(CoachingCycle(trio: noCoach, startedOn: day("2026-09-07")), by: technician)
        }
        #expect(throws: StoreError.unknownPriority("P9")) {
            try store.startCycle(
                CoachingCycle(trio: trio(), priority: "P9", startedOn: day("2026-09-07")), by: technician)
        }
        let stranger = try Trio(coachee: "XXX", coach: "DAP", observer: "ZOB")
        #expect(throws: StoreError.unknownStaff("XXX")) {
            try store.startCycle(CoachingCycle(trio: stranger, startedOn: day("2026-09-07")), by: technician)
        }
        #expect(try store.cycles().isEmpty, "a refused cycle writes nothing")
        #expect(throws: StoreError.unknownCycle(99)) {
            try store.advanceCycle(99, on: day("2026-09-07"), by: technician)
        }
    }

    @Test("a session record keeps its GROWTH fields, actions and sharing choice")
    func sessionRoundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        let id = try store.startCycle(CoachingCycle(trio: trio(), startedOn: day("2026-09-07")), by: technician)
        let session = SessionProforma(
            heldOn: day("2026-09-14"), kind: .preLesson, author: "SJO", goal: "More pupils talk in pairs",
            reality: "Three pupils answer most questions", options: "Talk partners; lolly sticks",
            will: "Try talk partners with 6B", tactics: "Sentence stems on the board", habits: "Wait three seconds",
            actions: [
                AgreedAction(action: "Make stem cards", who: "Siân", byWhen: day("2026-09-18")),
                AgreedAction(action: "Share a video of talk partners", who: "Dafydd"),
            ],
            sharedWithObserver: true)
        let sessionID = try store.addSession(session, cycle: id, by: Actor(staff: "SJO", terminal: "telnet t"))
        #expect(try store.session(sessionID).record == session)
        #expect(try store.sessions(cycle: id).map(\.record) == [session])
    }

    @Test("a cycle's latest session day is the latest held, whatever order the records came in")
    func latestSessionDay() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        let id = try store.startCycle(CoachingCycle(trio: trio(), startedOn: day("2026-09-07")), by: technician)
        let other = try store.startCycle(CoachingCycle(trio: trio(), startedOn: day("2026-09-07")), by: technician)
        #expect(try store.latestSessionDay(cycle: id) == nil)
        for (cycle, held) in [(id, "2026-10-05"), (id, "2026-09-14"), (other, "2026-11-02")] {
            let session = SessionProforma(heldOn: day(held), kind: .preLesson, author: "SJO", goal: "Talk")
            _ = try store.addSession(session, cycle: cycle, by: technician)
        }
        #expect(try store.latestSessionDay(cycle: id) == day("2026-10-05"))
        #expect(try store.latestSessionDay(cycle: other) == day("2026-11-02"))
    }

    @Test("drafts are saved field by field and resumed")
    func drafts() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        try store.saveDraftField(staff: "SJO", form: "session", context: "cycle 1", field: "goal", value: "Questioning")
        try store.saveDraftField(
            staff: "SJO", form: "session", context: "cycle 1", field: "reality", value: "Few hands")
        try store.saveDraftField(
            staff: "SJO", form: "session", context: "cycle 1", field: "goal", value: "Better questioning")
        try store.saveDraftField(staff: "ZOB", form: "cpd", field: "title", value: "Oracy course")
        let draft = try #require(try store.draft(staff: "SJO", form: "session", context: "cycle 1"))
        #expect(draft.fields == ["goal": "Better questioning", "reality": "Few hands"])
        #expect(try store.drafts(staff: "SJO").count == 1, "another person's draft is not mine")
        try store.discardDraft(staff: "SJO", form: "session", context: "cycle 1")
        #expect(try store.drafts(staff: "SJO").isEmpty)
        #expect(try store.drafts(staff: "ZOB").count == 1)
    }

    @Test("a print request is written to the outbox and audited before anything is sent")
    func outbox() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("c.sqlite"))
        try smallSchool(store)
        let job = try store.enqueuePrint(
            document: "agreement", recordID: "1", printer: "Staffroom",
            by: Actor(staff: "DAP", terminal: "telnet t"))
        #expect(try store.printJobs(states: [.queued]).map(\.id) == [job])
        try store.updatePrintJob(job, state: .sent, cupsJobID: 42, countAttempt: true)
        let sent = try #require(try store.printJobs().first)
        #expect(sent.state == .sent && sent.cupsJobID == 42 && sent.attempts == 1)
        #expect(try store.auditEntries().contains { $0.action == "print request" && $0.actor == "DAP" })
    }
}
