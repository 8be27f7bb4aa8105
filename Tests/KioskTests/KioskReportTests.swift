import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

/// Reports at the kiosk: the real daemon and the real telnet client.
@Suite("Reports at the kiosk", .serialized)
struct KioskReportTests {
    @Test("the head finds the stuck cycles and the priorities with no coaching goal in a few keystrokes")
    func stuckCyclesAndPrioritiesWithoutGoals() throws {
        let daemon = try KioskDaemon()
        let store = try daemon.store()
        let technician = Actor.commandLine(user: "test")
        // A second priority nobody is working on, and a cycle left without a session for five weeks.
        try store.addPriority(Priority(code: "P2", title: "Attendance and punctuality"), by: technician)
        var stuck = CoachingCycle(
            trio: try Trio(coachee: "ZOB", coach: "DAP", observer: "SJO"), priority: "P1",
            focus: "Questioning in Year 9", startedOn: store.today.adding(days: -49))
        try stuck.advance(on: store.today.adding(days: -35))
        try store.startCycle(stuck, by: technician)
        try store.close()
        try daemon.start()
        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        defer { window.close() }
        try window.logIn(code: "HED", pin: "9753")
        try window.type(try KioskPrintTests.number(of: "Reports: goals, cycles, impact, CPD", on: window.screen()))
        try window.waitFor("Cycles: stages, and which are stuck")
        try window.type(try KioskPrintTests.number(of: "Cycles: stages, and which are stuck", on: window.screen()))
        try window.waitFor("Coaching cycles: progression")
        let cycles = try window.screen()
        let lines = cycles.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("Cycle") && $0.contains("Stage") })
        #expect(lines[first + 1].contains("overdue"), "the stuck cycle is listed first, flagged:\n\(cycles)")
        #expect(lines[first + 1].contains("Pre-lesson discussion") && lines[first + 1].contains("35"))
        #expect(!cycles.contains("Questioning in Year 9"), "a lead sees stages and dates, not the focus text")

        try window.press("Escape")
        try window.waitFor("Goals by school priority")
        try window.type(try KioskPrintTests.number(of: "Goals by school priority", on: window.screen()))
        try window.waitFor("Attendance and punctuality")
        let goals = try window.screen()
        let p2 = try #require(goals.split(separator: "\n").first { $0.contains("Attendance and punctuality") })
        #expect(p2.contains("no coaching goal") || p2.contains(" 0"), "\(goals)")
    }
}
