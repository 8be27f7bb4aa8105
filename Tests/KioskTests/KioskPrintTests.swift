import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

/// Printing from the kiosk: the real daemon, the real telnet client, a real
/// IPP printer (ippeveprinter) and a private cupsd.
@Suite("Printing at the kiosk", .serialized)
struct KioskPrintTests {
    /// The test school's cycle 1, with its coaching agreement written.
    func daemonWithAgreement(arguments: [String]) throws -> KioskDaemon {
        let daemon = try KioskDaemon(arguments: arguments)
        let store = try daemon.store()
        try store.saveAgreement(
            CoachingAgreement(
                goals: "Every pupil explains a method aloud — Siân's goal.", coacheeCommitments: "Try it with 7B.",
                coachCommitments: "Keep the Thursday slot.", durationWeeks: 6),
            cycle: 1, by: Actor.commandLine(user: "test"))
        try store.close()
        return daemon
    }

    /// Opens the print menu and picks the agreement; returns the window.
    func printAgreement(_ daemon: KioskDaemon) throws -> TerminalWindow {
        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        try window.logIn(code: "DAP", pin: "1357")
        try window.type(try Self.number(of: "Print a document", on: window.screen()))
        try window.waitFor("Coaching agreement · cycle 1")
        try window.type(try Self.number(of: "Coaching agreement · cycle 1", on: window.screen()))
        return window
    }

    /// The number a menu shows before `label`.
    static func number(of label: String, on screen: String) throws -> String {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(label) }),
            let number = line.split(separator: " ").first, Int(number) != nil
        else { throw TestFailure("no numbered \"\(label)\" on the screen:\n\(screen)") }
        return String(number)
    }

    @Test("a coach prints the agreement of their cycle to the configured cupsd queue; the screen follows it to printed")
    func coachPrintsAgreement() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: printer.uri)
        let daemon = try daemonWithAgreement(arguments: ["--printer", "staffroom"])
        try daemon.start(environment: ["CUPS_SERVER=\(cups.server)"])
        let window = try printAgreement(daemon)
        defer { window.close() }
        try window.waitFor("Press Enter to go back", timeout: 30)
        let screen = try window.screen()
        #expect(screen.contains("printed"), "\(screen)")
        #expect(screen.contains("queued") || screen.contains("sent to the printer"), "the steps are shown:\n\(screen)")
        let documents = try printer.waitForDocuments(count: 1)
        let text = try poppler("pdftotext", [documents[0], "-"])
        #expect(text.contains("Coaching agreement"))
        #expect(text.contains("Every pupil explains a method aloud — Siân's goal."))
        #expect(text.contains("Dafydd ap Rhys") && text.contains("Zoë O'Brien"))
        let store = try daemon.store()
        let job = try #require(try store.printJobs().first)
        #expect(job.state == .printed && job.requestedBy == "DAP" && job.printer == "staffroom")
        #expect(try store.auditEntries().contains { $0.action == "print request" && $0.actor == "DAP" })

        // Back at the print menu, the job is listed with how it ended.
        try window.press("Enter")
        try window.waitFor("Job 1, agreement: printed")
    }

    @Test("the daemon killed while the printer has the job: started again, it follows the job, which prints once")
    func killedAfterSending() throws {
        let printer = try TestPrinter(behaviour: .takes(seconds: 4))
        let daemon = try daemonWithAgreement(arguments: ["--printer", printer.uri, "--print-retry", "1"])
        try daemon.start()
        let window = try printAgreement(daemon)
        defer { window.close() }
        try window.waitFor("sent to the printer", timeout: 30)
        daemon.stop(signal: SIGKILL)
        let store = try daemon.store()
        #expect(try store.printJobs().first?.state == .sent)
        #expect(try printer.waitForDocuments(count: 1).count == 1)

        let again = try KioskDaemon.reusing(daemon, arguments: ["--printer", printer.uri, "--print-retry", "1"])
        try again.start()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try store.printJobs().first?.state != .printed {
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(try store.printJobs().first?.state == .printed, "\(again.output)")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.receivedDocuments().count == 1, "printed exactly once")
        again.stop()
    }

    @Test(
        "the office is offered the trustee pack and a coachee only their own CPD record; a layout error stops the daemon"
    )
    func whoIsOffered() throws {
        let daemon = try daemonWithAgreement(arguments: ["--printer", "dir:/nonexistent-unused"])
        try daemon.start()
        let office = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        defer { office.close() }
        try office.logIn(code: "OFF", pin: "5317")
        try office.type(try Self.number(of: "Print a document", on: office.screen()))
        try office.waitFor("Trustee pack")
        let offered = try office.screen()
        #expect(!offered.contains("Coaching agreement"))

        let observer = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        defer { observer.close() }
        try observer.logIn(code: "ZOB", pin: "8642")
        try observer.type(try Self.number(of: "Print a document", on: observer.screen()))
        try observer.waitFor("My CPD record")
        let menu = try observer.screen()
        #expect(!menu.contains("Coaching agreement") && !menu.contains("Trustee pack"))
        daemon.stop()

        let broken = daemon.folder + "/layouts"
        try FileManager.default.copyItem(atPath: KioskDaemon.layoutsFolder, toPath: broken)
        try "document: agreement\nblocks:\n  - paragraph: \"{{nobody}}\"\n"
            .write(toFile: broken + "/agreement.yaml", atomically: true, encoding: .utf8)
        let refused = try KioskDaemon.reusing(daemon, arguments: ["--layouts", broken])
        #expect(throws: (any Error).self) { try refused.start() }
        #expect(refused.output.contains("agreement.yaml:3: blocks[1].paragraph: {{nobody}} names nothing"))
    }

    @Test("SIGHUP reads the layouts again; a broken one keeps the layouts in use")
    func reloadLayouts() throws {
        let folder = NSTemporaryDirectory() + "kiosk-layouts-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: KioskDaemon.layoutsFolder, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let printed = folder + "/printed"
        let daemon = try daemonWithAgreement(arguments: ["--layouts", folder, "--printer", "dir:\(printed)"])
        try daemon.start()
        let agreement = folder + "/agreement.yaml"
        let original = try String(contentsOfFile: agreement, encoding: .utf8)
        try original.replacingOccurrences(
            of: "- heading: \"Coaching agreement\"", with: "- heading: \"Cytundeb hyfforddi\""
        )
        .write(toFile: agreement, atomically: true, encoding: .utf8)
        daemon.send(signal: SIGHUP)
        try waitUntil { daemon.output.contains("layouts reloaded") }

        let store = try daemon.store()
        let actor = Actor(staff: "DAP", terminal: "test")
        try store.enqueuePrint(document: "agreement", recordID: "1", printer: "dir:\(printed)", by: actor)
        try waitUntil { (try? FileManager.default.contentsOfDirectory(atPath: printed).count) == 1 }
        let first = try FileManager.default.contentsOfDirectory(atPath: printed)[0]
        #expect(try poppler("pdftotext", [printed + "/" + first, "-"]).contains("Cytundeb hyfforddi"))

        try "document: agreement\nblocks:\n  - paragraph: \"{{nobody}}\"\n"
            .write(toFile: agreement, atomically: true, encoding: .utf8)
        daemon.send(signal: SIGHUP)
        try waitUntil { daemon.output.contains("layouts not reloaded") }
        #expect(daemon.output.contains("{{nobody}} names nothing"))
        try store.enqueuePrint(document: "agreement", recordID: "1", printer: "dir:\(printed)", by: actor)
        try waitUntil { (try? FileManager.default.contentsOfDirectory(atPath: printed).count) == 2 }
        let second = try #require(try FileManager.default.contentsOfDirectory(atPath: printed).first { $0 != first })
        #expect(try poppler("pdftotext", [printed + "/" + second, "-"]).contains("Cytundeb hyfforddi"))
        daemon.stop()
    }

    func waitUntil(timeout: TimeInterval = 20, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw TestFailure("timed out") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
