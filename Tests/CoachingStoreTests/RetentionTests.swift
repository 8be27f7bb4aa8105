import Coaching
import Foundation
import GRDB
import Testing

@testable import CoachingStore

@Suite("Retention purge")
struct RetentionTests {
    /// A school where OLD left seven years ago, NEW left last year, and a cycle closed long ago.
    func school() throws -> (TemporaryFolder, CoachingStore, old: Int64, recent: Int64, ancient: Int64) {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("r.sqlite"))
        try smallSchool(store)
        try store.addStaff(
            StaffMember(code: "OLD", name: "Gwen Morgan", subject: "Art", roles: [.coach]), by: technician)
        try store.addStaff(StaffMember(code: "NEW", name: "Rhodri Bevan", subject: "PE"), by: technician)
        // OLD coached SJO eight years ago; the cycle closed then.
        var old = CoachingCycle(
            trio: try Trio(coachee: "SJO", coach: "OLD", observer: "ZOB"), startedOn: day("2018-09-10"))
        for week in 1...5 { try old.advance(on: day("2018-09-10").adding(days: 7 * week)) }
        let oldID = try store.startCycle(old, by: technician)
        try store.addSession(
            SessionProforma(
                heldOn: day("2018-09-17"), kind: .preLesson, author: "OLD", goal: "x",
                actions: [AgreedAction(action: "a", who: "b")]), cycle: oldID, by: technician)
        try store.addCPD(
            CPDActivity(owner: "OLD", heldOn: day("2018-10-01"), title: "Course", kind: .course, hours: 6),
            by: technician)
        try store.saveDraftField(staff: "OLD", form: "cpd", field: "title", value: "half typed")
        try store.audit(Actor(staff: "OLD", terminal: "telnet t"), "login", kind: "staff", id: "OLD")
        // A recent cycle with NEW observing: NEW left last year, so it stays.
        let recentID = try store.startCycle(
            CoachingCycle(
                trio: try Trio(coachee: "ZOB", coach: "DAP", observer: "NEW"),
                startedOn: day("2025-01-06")), by: technician)
        // A cycle of people still here, closed seven years ago.
        var ancient = CoachingCycle(
            trio: try Trio(coachee: "ZOB", coach: "DAP", observer: "SJO"), startedOn: day("2019-01-07"))
        for week in 1...5 { try ancient.advance(on: day("2019-01-07").adding(days: 7 * week)) }
        let ancientID = try store.startCycle(ancient, by: technician)
        try store.deactivate("OLD", on: day("2019-07-19"), by: technician)
        try store.deactivate("NEW", on: day("2025-07-18"), by: technician)
        return (folder, store, oldID, recentID, ancientID)
    }

    @Test("a dry run says what would go and deletes nothing")
    func dryRun() throws {
        let (folder, store, oldID, _, ancientID) = try school()
        _ = folder
        let report = try store.purge(RetentionRule(), today: day("2026-11-24"), dryRun: true, by: technician)
        #expect(report.staff == ["OLD Gwen Morgan"])
        #expect(report.cycles == [oldID, ancientID].sorted())
        #expect(report.rows["cpd_activity"] == 1)
        #expect(report.rows["session_proforma"] == 1)
        #expect(report.rows["agreed_action"] == 1)
        #expect(report.rows["draft_field"] == 1)
        #expect(try store.staffMember("OLD") != nil)
        #expect(try store.cycles().count == 3)
    }

    @Test("a purge deletes a leaver past retention with everything under them, and no one else")
    func purge() throws {
        let (folder, store, oldID, recentID, ancientID) = try school()
        _ = folder
        let report = try store.purge(RetentionRule(), today: day("2026-11-24"), dryRun: false, by: technician)
        #expect(report.staff == ["OLD Gwen Morgan"])
        #expect(try store.staffMember("OLD") == nil)
        #expect(try store.staffMember("NEW") != nil, "left last year: kept")
        #expect(throws: StoreError.unknownCycle(oldID)) { try store.cycle(oldID) }
        #expect(throws: StoreError.unknownCycle(ancientID)) { try store.cycle(ancientID) }
        #expect(try store.cycle(recentID).cycle.trio.observer == "NEW")
        #expect(try store.cpd(owner: "OLD").isEmpty)
        #expect(try store.drafts(staff: "OLD").isEmpty)
        let audit = try store.auditEntries()
        #expect(!audit.contains { $0.actor == "OLD" }, "audit lines no longer name the purged person")
        #expect(!audit.contains { $0.recordID == "OLD" })
        #expect(audit.first?.action == "purge")
        #expect(try store.integrityCheck() == "ok")
        // Sessions of the purged cycles are gone, not orphaned.
        let orphans = try store.pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM session_proforma WHERE cycle_id NOT IN (SELECT id FROM cycle)")
        }
        #expect(orphans == 0)
        let again = try store.purge(RetentionRule(), today: day("2026-11-24"), dryRun: false, by: technician)
        #expect(again.isEmpty)
    }

    @Test("the rule's edges: six years to the day goes, a day less stays")
    func edges() throws {
        let (folder, store, _, _, _) = try school()
        _ = folder
        let dayBefore = try store.purge(RetentionRule(), today: day("2025-07-18"), dryRun: true, by: technician)
        #expect(dayBefore.staff.isEmpty)
        let onTheDay = try store.purge(RetentionRule(), today: day("2025-07-19"), dryRun: true, by: technician)
        #expect(onTheDay.staff == ["OLD Gwen Morgan"])
        let longer = try store.purge(
            RetentionRule(yearsAfterLeaving: 10, yearsAfterCycleClosed: 10),
            today: day("2026-11-24"), dryRun: true, by: technician)
        #expect(longer.isEmpty)
    }
}
