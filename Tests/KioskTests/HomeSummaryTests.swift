import Coaching
import CoachingStore
import Forms
import Foundation
import TestSupport
import Testing

@testable import Kiosk

@Suite("What the home screen says is waiting")
struct HomeSummaryTests {
    @Test("a cycle's reminder counts from its latest session record, whatever order they were written in")
    func latestSession() throws {
        let folder = NSTemporaryDirectory() + "home-summary-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try CoachingStore(path: folder + "/home.sqlite")
        let technician = Actor.commandLine(user: "test")
        for member in [
            StaffMember(code: "SJO", name: "Siân Jones", subject: "Maths"),
            StaffMember(code: "DAP", name: "Dafydd ap Rhys", subject: "Science", roles: [.coach]),
            StaffMember(code: "ZOB", name: "Zoë O'Brien", subject: "English"),
        ] {
            try store.addStaff(member, by: technician)
        }
        let started = try #require(SchoolDay(iso: "2026-09-07"))
        let trio = try Trio(coachee: "SJO", coach: "DAP", observer: "ZOB")
        let cycle = try store.startCycle(CoachingCycle(trio: trio, startedOn: started), by: technician)
        try store.advanceCycle(cycle, on: started, by: technician)
        for held in ["2026-10-12", "2026-09-21", "2026-10-05"] {
            let session = SessionProforma(heldOn: try #require(SchoolDay(iso: held)), kind: .preLesson, author: "SJO")
            _ = try store.addSession(session, cycle: cycle, by: technician)
        }
        let summary = try HomeSummary.load(store, for: "SJO")
        #expect(summary.cycles.map(\.lastSession) == [SchoolDay(iso: "2026-10-12")])
        let forms = try FormCatalog.load(directory: Repository.forms)
        let due = summary.due(today: try #require(SchoolDay(iso: "2026-11-09")), forms: forms)
        #expect(due.contains("No session logged for cycle \(cycle) since 12/10/2026 (4 weeks)."), "\(due)")
    }
}
