import Coaching
import Foundation
import Testing

@testable import CoachingStore

/// SQLite ends bound text at its first U+0000, so the store takes the
/// character out rather than lose what follows it.
@Suite("Text with a NUL character")
struct NulCharacterTests {
    @Test("observation notes with a NUL come back whole, without it")
    func observationNotes() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("nul.sqlite"))
        try smallSchool(store)
        let cycle = try store.startCycle(
            CoachingCycle(
                trio: Trio(coachee: "SJO", coach: "DAP", observer: "ZOB"), startedOn: day("2026-09-07")),
            by: technician)
        try store.addObservation(
            ObservationNotes(
                heldOn: day("2026-09-14"), author: "ZOB", lessonClass: "9X\u{0}2", subject: "Maths",
                seenAndHeard: "before\u{0}after", questions: "Cafe\u{0}\u{301}?"),
            cycle: cycle, by: technician)

        let notes = try #require(try store.observations(cycle: cycle).first).record
        #expect(notes.seenAndHeard == "beforeafter")
        #expect(notes.lessonClass == "9X2")
        #expect(notes.questions == "Café?")
    }

    @Test("a CPD reflection with a NUL comes back whole, without it")
    func cpdReflection() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("nul.sqlite"))
        try smallSchool(store)
        try store.addCPD(
            CPDActivity(
                owner: "SJO", heldOn: day("2026-10-01"), title: "Reading", kind: .reading, hours: 1,
                reflection: "before\u{0}after"),
            by: technician)

        #expect(try store.cpd(owner: "SJO").first?.record.reflection == "beforeafter")
    }

    @Test("a staff import with a NUL in a name keeps the whole name")
    func staffImport() throws {
        let folder = try TemporaryFolder()
        let store = try CoachingStore(path: folder.file("nul.sqlite"))
        try smallSchool(store)
        let summary = try store.importStaff(
            [
                StaffMember(code: "SJO", name: "Siân\u{0} Jones", subject: "Maths\u{0}s"),
                StaffMember(code: "NEW", name: "Nia\u{0} Evans", subject: "Welsh"),
            ], by: technician, file: "staff.csv")

        #expect(summary.added == ["NEW"])
        #expect(summary.updated == ["SJO"])
        #expect(try store.staffMember("SJO")?.name == "Siân Jones")
        #expect(try store.staffMember("SJO")?.subject == "Mathss")
        #expect(try store.staffMember("NEW")?.name == "Nia Evans")
    }
}
