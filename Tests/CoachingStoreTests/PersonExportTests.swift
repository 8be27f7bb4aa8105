import Coaching
import Foundation
import Testing

@testable import CoachingStore

@Suite("Subject access export")
struct PersonExportTests {
    @Test("an export holds a person's records as far as they may read them, and never a PIN")
    func export() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("e.sqlite"))
        try smallSchool(store)
        try store.setPIN("7351", for: "ZOB", by: technician)
        let id = try store.startCycle(
            CoachingCycle(
                trio: try Trio(coachee: "SJO", coach: "DAP", observer: "ZOB"),
                startedOn: day("2026-09-07")), by: technician)
        try store.addSession(
            SessionProforma(
                heldOn: day("2026-09-14"), kind: .coaching, author: "SJO",
                goal: "Kept between us", sharedWithObserver: false), cycle: id, by: technician)
        try store.addSession(
            SessionProforma(
                heldOn: day("2026-09-21"), kind: .coaching, author: "SJO",
                goal: "Shared with the observer", sharedWithObserver: true), cycle: id, by: technician)
        try store.addCPD(
            CPDActivity(
                owner: "ZOB", heldOn: day("2026-10-01"), title: "Oracy course", kind: .course,
                hours: 3), by: technician)

        let observer = try store.exportPerson("ZOB", by: technician)
        #expect(observer.hasPIN)
        #expect(observer.cycles.count == 1)
        #expect(observer.cycles[0].position == .observer)
        #expect(observer.cycles[0].sessions.map(\.record.goal) == ["Shared with the observer"])
        #expect(observer.cpd.map(\.record.title) == ["Oracy course"])
        let json = String(decoding: try JSONEncoder().encode(observer), as: UTF8.self)
        #expect(!json.contains("scrypt") && !json.contains("7351"))

        let coachee = try store.exportPerson("SJO", by: technician)
        #expect(coachee.cycles[0].sessions.count == 2)
        #expect(try store.auditEntries().first?.action == "export")
    }
}
