import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The daemon's life: stopping, reloading forms, idle sessions", .serialized)
struct DaemonLifecycleTests {

    /// A copy of the repository's forms that the test may change.
    func copyOfForms(in folder: String) throws -> String {
        let copy = folder + "/forms"
        try FileManager.default.copyItem(atPath: KioskDaemon.formsFolder, toPath: copy)
        return copy
    }

    @Test("SIGTERM tells every session, keeps what was typed, and stops cleanly")
    func terminate() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        try window.logIn(code: "SJO", pin: "2468")
        try window.type("1")
        try window.waitFor("Date of the session")
        try window.press("Tab")
        try window.press("Tab")
        try window.type("Typed before the kiosk closed")
        try window.press("Tab")
        try window.type("Still in the field when SIGTERM came")
        try window.waitFor("Still in the field when SIGTERM came")
        let status = daemon.stop(signal: SIGTERM)
        #expect(status == 0, "the daemon exits cleanly on SIGTERM:\n\(daemon.output)")
        try window.waitFor("closing for maintenance")
        #expect(daemon.output.contains("Coaching Kiosk stopped."))
        let draft = try daemon.store().drafts(staff: "SJO").first
        #expect(draft?.fields["goal"] == "Typed before the kiosk closed")
        #expect(draft?.fields["reality"] == "Still in the field when SIGTERM came")
    }

    @Test("SIGHUP reads the forms again; a broken form is refused and the old forms kept")
    func reloadForms() throws {
        let daemon0 = try KioskDaemon()
        let forms = try copyOfForms(in: daemon0.folder)
        let daemon = try KioskDaemon.reusing(daemon0, arguments: ["--forms", forms])
        try daemon.start()
        let cpd = forms + "/cpd.yaml"
        let original = try String(contentsOfFile: cpd, encoding: .utf8)
        let titleLine = try #require(original.split(separator: "\n").first { $0.hasPrefix("title:") })
        try original.replacingOccurrences(of: String(titleLine), with: "title: Professional learning log")
            .write(toFile: cpd, atomically: true, encoding: .utf8)
        daemon.send(signal: SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !daemon.output.contains("forms reloaded") { Thread.sleep(forTimeInterval: 0.05) }
        #expect(daemon.output.contains("forms reloaded"))

        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        try window.logIn(code: "ZOB", pin: "8642")
        try window.type("2")
        try window.waitFor("Professional learning log")

        try "form: cpd\ntitle: [unclosed\n".write(toFile: cpd, atomically: true, encoding: .utf8)
        daemon.send(signal: SIGHUP)
        let later = Date().addingTimeInterval(10)
        while Date() < later && !daemon.output.contains("forms not reloaded") { Thread.sleep(forTimeInterval: 0.05) }
        #expect(daemon.output.contains("forms not reloaded"))
        #expect(daemon.output.contains("cpd.yaml"))
        #expect(daemon.isRunning)
        withExtendedLifetime(daemon0) {}
    }

    @Test("a form with an error stops the daemon at start, naming the file and line")
    func brokenFormAtStart() throws {
        let daemon0 = try KioskDaemon()
        let forms = try copyOfForms(in: daemon0.folder)
        let session = forms + "/session.yaml"
        let text = try String(contentsOfFile: session, encoding: .utf8)
        try text.replacingOccurrences(of: "kind: notes", with: "kind: note")
            .write(toFile: session, atomically: true, encoding: .utf8)
        let daemon = try KioskDaemon.reusing(daemon0, arguments: ["--forms", forms])
        #expect(throws: TestFailure.self) { try daemon.start() }
        #expect(daemon.output.contains("session.yaml:"))
        #expect(daemon.output.contains("unknown kind \"note\""))
        #expect(!daemon.isRunning)
        withExtendedLifetime(daemon0) {}
    }

    @Test("an idle session is warned, then logged out with its draft kept")
    func idleLogout() throws {
        let daemon = try KioskDaemon(arguments: ["--idle-timeout", "10"])
        try daemon.start()
        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        try window.logIn(code: "SJO", pin: "2468")
        try window.waitFor("Still there?", timeout: 12)
        try window.waitFor("Logged out after 10 seconds without a key", timeout: 12)
        // The logout is audited once the person has been told.
        let deadline = Date().addingTimeInterval(5)
        var audited = false
        while !audited && Date() < deadline {
            audited = try daemon.store().auditEntries().contains { $0.action == "logout" && $0.actor == "SJO" }
            if !audited { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(audited)
    }
}
