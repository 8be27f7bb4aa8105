import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

@Suite("The kiosk for clients without telnet, and on a serial line", .serialized)
struct LineAndSerialKioskTests {
    @Test("a raw client that negotiates nothing gets a working line-by-line session")
    func rawClient() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let client = try RawClient(port: daemon.port)
        try client.waitFor("Staff code: ")
        client.send("zob\r\n")
        try client.waitFor("PIN: ")
        client.send("8642\r")  // a bare CR, as PuTTY sends
        try client.waitFor("Choose 1–")
        #expect(client.text.contains("Good"))
        #expect(!client.text.contains("8642"), "the PIN is not echoed")
        #expect(client.text.contains("****"))
        // A CPD activity, line by line.
        let menu = client.text.replacingOccurrences(of: "\r", with: "")
        let line = try #require(menu.split(separator: "\n").first { $0.contains("Log a CPD activity") })
        let number = String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
        client.send(number + "\n")
        try client.waitFor("> ")
        let answers = [
            "today", "Oracy conference, Cardiff", "1", "5.5", "P1",
            "Heard how talk routines work in KS3.", "Try it with 8C.", ".",
        ]
        for answer in answers { client.send(answer + "\r\n") }
        try client.waitFor("Saved to your CPD log")
        let activities = try daemon.store().cpd(owner: "ZOB")
        #expect(activities.count == 1)
        #expect(activities.first?.record.title == "Oracy conference, Cardiff")
        #expect(activities.first?.record.hours == 5.5)
        #expect(activities.first?.record.reflection == "Heard how talk routines work in KS3.\nTry it with 8C.")
    }

    @Test("connections past the limit are refused politely while the open one goes on")
    func sessionLimit() throws {
        let daemon = try KioskDaemon(arguments: ["--max-sessions", "1"])
        try daemon.start()
        let first = try RawClient(port: daemon.port)
        try first.waitFor("Staff code: ")
        let second = try RawClient(port: daemon.port)
        try second.waitFor("every kiosk place is in use")
        #expect(second.waitForClose())
        first.send("SJO\r\n")
        try first.waitFor("PIN: ")
    }

    @Test("too many sessions from one address are refused politely")
    func perAddressLimit() throws {
        let daemon = try KioskDaemon(arguments: ["--max-per-address", "2"])
        try daemon.start()
        let first = try RawClient(port: daemon.port)
        let second = try RawClient(port: daemon.port)
        try first.waitFor("Staff code: ")
        try second.waitFor("Staff code: ")
        let third = try RawClient(port: daemon.port)
        try third.waitFor("too many kiosk sessions are open from this computer")
        #expect(third.waitForClose())
    }

    @Test("no login within the limit frees the terminal")
    func loginTimeout() throws {
        let daemon = try KioskDaemon(arguments: ["--login-timeout", "5"])
        try daemon.start()
        let client = try RawClient(port: daemon.port)
        try client.waitFor("Staff code: ")
        try client.waitFor("No login within 5 seconds", timeout: 15)
        #expect(client.waitForClose())
    }

    @Test("a terminal on a serial line (a socat pty pair) logs in and submits a GROWTH proforma")
    func serialLine() throws {
        let daemon = try KioskDaemon()
        let kioskSide = daemon.folder + "/kiosk"
        let terminalSide = daemon.folder + "/term"
        let socat = try ChildProcess(
            ["socat", "pty,raw,echo=0,link=\(kioskSide)", "pty,raw,echo=0,link=\(terminalSide)"],
            outputPath: daemon.folder + "/socat.log")
        defer { socat.stop() }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline
            && !(FileManager.default.fileExists(atPath: kioskSide)
                && FileManager.default.fileExists(atPath: terminalSide))
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let serialDaemon = try KioskDaemon.reusing(
            daemon, arguments: ["--no-telnet", "--serial", kioskSide + ":19200"])
        try serialDaemon.start(telnet: false)
        let window = try TerminalWindow(command: "picocom -q -b 19200 \(terminalSide)")
        // The login screen was drawn before picocom opened the line: Ctrl-L draws it again.
        for _ in 0..<40 where !(try window.screen()).contains("Staff code") {
            try window.press("C-l")
            Thread.sleep(forTimeInterval: 0.25)
        }
        try window.waitFor("Staff code")
        try window.type("DAP")
        try window.press("Enter")
        try window.type("1357")
        try window.press("Enter")
        try window.waitFor("Log out")
        try window.type("1")
        try window.waitFor("Date of the session")
        try window.press("Tab")
        try window.press("Tab")
        try window.type("Over the serial line: Zoë's questions")
        try window.press("C-s")
        try window.waitFor("Saved: your GROWTH session record")
        let store = try serialDaemon.store()
        let cycle = try #require(try store.cycles().first)
        let session = try #require(try store.sessions(cycle: cycle.id).first)
        #expect(session.record.goal == "Over the serial line: Zoë's questions")
        #expect(session.record.author == "DAP")
        #expect(try store.auditEntries().contains { $0.terminal == "serial \(kioskSide)" })
        withExtendedLifetime(daemon) {}
    }

    @Test("a serial line that goes away is watched for, and served again when it returns")
    func serialLineReturns() throws {
        let daemon = try KioskDaemon()
        let kioskSide = daemon.folder + "/kiosk"
        let terminalSide = daemon.folder + "/term"
        func pair() throws -> ChildProcess {
            let socat = try ChildProcess(
                ["socat", "pty,raw,echo=0,link=\(kioskSide)", "pty,raw,echo=0,link=\(terminalSide)"],
                outputPath: daemon.folder + "/socat.log")
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline && !FileManager.default.fileExists(atPath: kioskSide) {
                Thread.sleep(forTimeInterval: 0.05)
            }
            return socat
        }
        func loginScreen() throws {
            let window = try TerminalWindow(command: "picocom -q -b 9600 \(terminalSide)")
            for _ in 0..<40 where !(try window.screen()).contains("Staff code") {
                try window.press("C-l")
                Thread.sleep(forTimeInterval: 0.25)
            }
            try window.waitFor("Staff code")
            window.close()
        }
        let first = try pair()
        let serialDaemon = try KioskDaemon.reusing(daemon, arguments: ["--no-telnet", "--serial", kioskSide])
        try serialDaemon.start(telnet: false)
        try loginScreen()
        first.stop()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && !serialDaemon.output.contains("watching for it to return") {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(serialDaemon.output.contains("watching for it to return"))
        #expect(serialDaemon.isRunning, "the daemon keeps running while the line is away")
        let second = try pair()
        defer { second.stop() }
        try loginScreen()
        #expect(serialDaemon.output.contains("serial line is back"))
        withExtendedLifetime(daemon) {}
    }
}
