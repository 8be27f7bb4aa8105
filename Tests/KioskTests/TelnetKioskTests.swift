import Coaching
import CoachingStore
import Foundation
import Testing

/// The real daemon, driven by the real `telnet` client in tmux.
@Suite("The kiosk over telnet", .serialized)
struct TelnetKioskTests {
    func telnet(_ daemon: KioskDaemon) throws -> TerminalWindow {
        try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
    }

    @Test("a coachee logs in with telnet and submits a GROWTH proforma, which is then in the database")
    func submitSession() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let window = try telnet(daemon)
        try window.logIn(code: "sjo", pin: "2468")
        let home = try window.screen()
        #expect(home.contains("Siân"))
        #expect(home.contains("Record a coaching session (GROWTH)"))
        try window.type("1")
        try window.waitFor("Date of the session")
        try window.press("Tab")
        try window.waitFor("Pre-lesson discussion")
        try window.press("Up")  // from the usual "coaching session" to "post-lesson analysis"
        try window.press("Tab")
        try window.type("Every pupil explains a method aloud, in Welsh or English — Siân's goal")
        let fields = [
            "Most answers come from five pupils.", "Talk partners; mini-whiteboards.",
            "Try talk partners with 7B.", "Sentence stems on the board.", "Wait three seconds.",
        ]
        for text in fields {
            try window.press("Tab")
            try window.type(text)
        }
        try window.press("Tab")
        try window.type("Make stem cards ; Siân ; by 28/11/2030")
        try window.press("Tab")
        try window.type("n")
        try window.press("C-s")
        try window.waitFor("Saved: your GROWTH session record")

        let store = try daemon.store()
        let cycle = try #require(try store.cycles().first)
        let sessions = try store.sessions(cycle: cycle.id)
        let session = try #require(sessions.first)
        #expect(sessions.count == 1)
        #expect(session.record.goal == "Every pupil explains a method aloud, in Welsh or English — Siân's goal")
        #expect(session.record.reality == "Most answers come from five pupils.")
        #expect(session.record.habits == "Wait three seconds.")
        #expect(session.record.kind == .postLesson)
        #expect(session.record.author == "SJO")
        #expect(session.record.sharedWithObserver == false)
        #expect(
            session.record.actions == [
                AgreedAction(
                    action: "Make stem cards", who: "Siân",
                    byWhen: SchoolDay(iso: "2030-11-28"))
            ])
        #expect(try store.drafts(staff: "SJO").isEmpty, "submitting ends the draft")
        #expect(try store.auditEntries().contains { $0.action == "session submit" && $0.actor == "SJO" })
    }

    @Test("a connection dropped mid-form keeps its draft, and the next login resumes it")
    func droppedConnectionKeepsDraft() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        do {
            let window = try telnet(daemon)
            try window.logIn(code: "SJO", pin: "2468")
            try window.type("1")
            try window.waitFor("Date of the session")
            try window.press("Tab")
            try window.press("Tab")
            try window.type("Half-typed goal about questioning")
            try window.press("Tab")
            try window.type("Reality not yet left")
            try window.waitFor("Reality not yet left")
            window.close()
        }
        // The field left, and the one in hand, are in the draft once the daemon sees the line drop.
        let store = try daemon.store()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try store.drafts(staff: "SJO").first?.fields["reality"] == nil {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let draft = try #require(try store.drafts(staff: "SJO").first)
        #expect(draft.fields["goal"] == "Half-typed goal about questioning")
        #expect(
            draft.fields["reality"] == "Reality not yet left",
            "the field in hand is kept when the line drops:\n\(daemon.output)")

        let window = try telnet(daemon)
        try window.logIn(code: "SJO", pin: "2468")
        let home = try window.screen()
        #expect(home.contains("Finish your draft"))
        try window.type("1")
        // The draft opens at its first empty field, Options; the goal is two fields back.
        try window.waitFor("Options")
        try window.press("BTab")
        try window.waitFor("Reality not yet left")
        try window.press("BTab")
        try window.waitFor("Half-typed goal about questioning")
        #expect(try window.screen().contains("GROWTH session record"))
    }

    @Test("a second person cannot see the first person's private record")
    func privacyBetweenPeople() throws {
        let daemon = try KioskDaemon()
        let store = try daemon.store()
        let cycle = try #require(try store.cycles().first)
        try store.addSession(
            SessionProforma(
                heldOn: store.today, kind: .coaching, author: "SJO",
                goal: "PRIVATE-GOAL-TEXT kept between coachee and coach", sharedWithObserver: false),
            cycle: cycle.id, by: Actor(staff: "SJO", terminal: "test"))
        try store.addSession(
            SessionProforma(
                heldOn: store.today, kind: .coaching, author: "SJO",
                goal: "SHARED-GOAL-TEXT for the observer", sharedWithObserver: true),
            cycle: cycle.id, by: Actor(staff: "SJO", terminal: "test"))
        try daemon.start()

        // The observer reads the shared record, never the private one.
        let observer = try telnet(daemon)
        try observer.logIn(code: "ZOB", pin: "8642")
        let menu = try observer.screen()
        #expect(!menu.contains("Record a coaching session"), "the observer does not write session records")
        #expect(menu.contains("Write observation notes"))
        try observer.type("3")
        try observer.waitFor("My cycles, goals and records")
        var seen = try observer.screen()
        for _ in 0..<30 {
            try observer.press("PageDown")
            Thread.sleep(forTimeInterval: 0.05)
            seen += try observer.screen()
        }
        #expect(seen.contains("SHARED-GOAL-TEXT"))
        #expect(!seen.contains("PRIVATE-GOAL-TEXT"))

        // The head, outside the trio, is offered no form about the cycle's records.
        let head = try telnet(daemon)
        try head.logIn(code: "HED", pin: "9753")
        let headMenu = try head.screen()
        #expect(!headMenu.contains("Record a coaching session"))
        #expect(!headMenu.contains("observation notes"))
        #expect(headMenu.contains("Start a coaching cycle"))
        #expect(!headMenu.contains("PRIVATE-GOAL-TEXT"))
        let reads = try store.auditEntries().filter { $0.action == "read" && $0.recordKind == "session" }
        #expect(reads.allSatisfy { $0.actor == "ZOB" })
        #expect(!reads.isEmpty, "the observer's read of the shared record is audited")
    }

    @Test("the head starts a cycle for a new trio at the kiosk")
    func headStartsCycle() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let window = try telnet(daemon)
        try window.logIn(code: "HED", pin: "9753")
        let menu = try window.screen()
        let line = try #require(menu.split(separator: "\n").first { $0.contains("Start a coaching cycle") })
        let number = String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
        try window.type(number)
        try window.waitFor("Coachee")
        try window.type("z")  // Zoë O'Brien
        try window.press("Tab")
        try window.type("d")  // Dafydd ap Rhys, the only coach
        try window.press("Tab")
        try window.type("s")  // Siân Jones
        try window.press("Tab")
        try window.type("p")
        try window.press("Tab")
        try window.type("Questioning in Year 9 English")
        try window.press("C-s")
        try window.waitFor("Started cycle 2")
        let cycle = try daemon.store().cycle(2).cycle
        #expect(cycle.trio == (try Trio(coachee: "ZOB", coach: "DAP", observer: "SJO")))
        #expect(cycle.priority == "P1")
        #expect(cycle.focus == "Questioning in Year 9 English")
        #expect(cycle.stage == .agreement)
    }

    @Test("a person switches between full-screen and line-by-line mode with Ctrl-T")
    func switchMode() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let window = try telnet(daemon)
        try window.logIn(code: "ZOB", pin: "8642")
        #expect(try window.screen().contains("↑↓ choose"))
        try window.press("C-t")
        try window.waitFor("Choose 1–")
        try window.type("full")
        try window.press("Enter")
        try window.waitFor("↑↓ choose")
    }

    @Test("five wrong PINs lock the code, as the person is told")
    func lockoutAtTheTerminal() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let window = try telnet(daemon)
        try window.waitFor("Staff code")
        try window.type("SJO")
        try window.press("Enter")
        for attempt in 1...5 {
            try window.type("0000")
            try window.press("Enter")
            if attempt < 5 { try window.waitFor(attempt >= 3 ? "before this code is locked" : "do not match") }
        }
        try window.waitFor("This code is locked until")
        try window.type("2468")
        try window.press("Enter")
        try window.waitFor("This code is locked until")
        #expect(!(try window.screen()).contains("Log out"))
    }
}
