import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

/// The real daemon against a hostile LAN: floods, slow and deaf clients,
/// huge pastes, escape sequences, PIN guessing and a trio member looking
/// for another trio's records.
@Suite("Hostile input is refused", .serialized)
struct HostileInputTests {
    static let full = "Sorry: every kiosk place is in use just now. Please try again in a few minutes.\r\n"
    static let tooManyFromAddress =
        "Sorry: too many kiosk sessions are open from this computer. Close one and try again.\r\n"
    static let megabyte = 1 << 20
    /// An echo slower than this is not prompt (it takes milliseconds; the
    /// margin is for a CI machine running other suites' daemons at once).
    static let prompt: TimeInterval = 2

    /// How long the kiosk takes to echo one typed character to `client` (at a line-by-line prompt).
    static func echoTime(_ client: HostileClient, character: String = "x") throws -> TimeInterval {
        let mark = client.data.count
        let started = Date()
        try client.send(character)
        try client.waitFor(character, since: mark, timeout: 10)
        return Date().timeIntervalSince(started)
    }

    // MARK: Flood

    @Test("a connection flood past the limits is refused politely; a logged-in session keeps echoing promptly")
    func connectionFlood() throws {
        let daemon = try KioskDaemon(arguments: ["--max-sessions", "6", "--max-per-address", "3"])
        try daemon.start()
        let person = try HostileClient(port: daemon.port, terminal: .dumb)
        try person.logInLineByLine(code: "ZOB", pin: "8642")

        // Three places for one computer, the most it may have; its fourth is refused for its address.
        var admitted: [HostileClient] = []
        for _ in 0..<3 {
            let client = try HostileClient(port: daemon.port, terminal: .dumb, from: "127.0.0.2")
            try client.waitFor("Staff code: ")
            admitted.append(client)
        }
        let fourth = try HostileClient(port: daemon.port, terminal: .dumb, from: "127.0.0.2")
        #expect(fourth.waitForClose())
        #expect(fourth.text == Self.tooManyFromAddress)
        // Two more from another computer fill the six places.
        for _ in 0..<2 {
            let client = try HostileClient(port: daemon.port, terminal: .dumb, from: "127.0.0.3")
            try client.waitFor("Staff code: ")
            admitted.append(client)
        }

        // The flood: 3 computers × 100 connections, as fast as they are answered.
        let refusals = Shared<[String]>([])
        let floods = ["127.0.0.3", "127.0.0.4", "127.0.0.5"].map { source in
            Worker {
                for _ in 0..<100 {
                    let client = try HostileClient(port: daemon.port, from: source)
                    let closed = client.waitForClose(timeout: 10)
                    refusals.withValue { $0.append(closed ? client.text : "(still open) " + client.text) }
                }
            }
        }
        // Meanwhile the person logged in types, and each key comes back at once.
        // (A key every 5 ms: the whole flood may be turned away in a tenth of a second.)
        var echoes: [TimeInterval] = []
        while refusals.withValue({ $0.count }) < 300, echoes.count < 1000 {
            echoes.append(try Self.echoTime(person))
            Thread.sleep(forTimeInterval: 0.005)
        }
        for flood in floods { try flood.wait() }

        let answers = refusals.withValue { $0 }
        #expect(answers.count == 300)
        #expect(
            answers.allSatisfy { $0 == Self.full }, "every refused connection is told why, politely, and closed")
        #expect(echoes.count >= 5, "the person typed during the flood")
        #expect(
            (echoes.max() ?? 0) < Self.prompt,
            "the logged-in session echoed every key at once; slowest \(echoes.max() ?? 0) s")
        for client in admitted { #expect(!client.isClosed, "the sessions already open stay open") }

        // The person's session works on: log out.
        let mark = person.data.count
        try person.send("\u{15}" + (try person.menuNumber("Log out")) + "\r")
        try person.waitFor("Logged out", since: mark)

        // Once the flood has gone, places free up again.
        admitted = []
        let deadline = Date().addingTimeInterval(10)
        var again: HostileClient?
        while Date() < deadline {
            let client = try HostileClient(port: daemon.port, terminal: .dumb, from: "127.0.0.4")
            if (try? client.waitFor("Staff code: ", timeout: 2)) != nil {
                again = client
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(again != nil, "a place is free once the flood's connections are closed")
    }

    // MARK: Slow and deaf clients

    @Test("a client that never finishes logging in, sending a byte every two seconds, is let go at the login limit")
    func slowloris() throws {
        let daemon = try KioskDaemon(arguments: ["--login-timeout", "5"])
        try daemon.start()
        let connected = Date()
        let client = try HostileClient(port: daemon.port, terminal: .dumb)
        try client.waitFor("Staff code: ")
        var sent = 0
        while !client.isClosed, Date().timeIntervalSince(connected) < 20 {
            if client.offer(Array("S".utf8)) == nil { break }
            sent += 1
            let next = Date().addingTimeInterval(2)
            while !client.isClosed, Date() < next { client.pump(waitingUpTo: 20) }
        }
        let held = Date().timeIntervalSince(connected)
        #expect(client.isClosed, "the kiosk let the client go")
        #expect(sent >= 3, "the client kept sending bytes, which did not buy it more time")
        #expect(held < 9, "let go about 5 s after its first byte, not kept for \(held) s")
        #expect(client.text.contains("No login within 5 seconds"))
    }

    @Test("clients that read nothing while the kiosk writes: memory stays bounded, other sessions responsive")
    func backPressure() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let pid = try DaemonProcess.pid(using: daemon.database)
        let person = try HostileClient(port: daemon.port, terminal: .dumb)
        try person.logInLineByLine(code: "ZOB", pin: "8642")
        // Warm up what a full-screen session allocates, so it is not counted as growth.
        do {
            let warm = try HostileClient(port: daemon.port, terminal: .xterm)
            try warm.waitFor("Staff code")
        }
        Thread.sleep(forTimeInterval: 0.5)
        let before = try DaemonProcess.residentBytes(pid)

        // One redraws the screen again and again (Ctrl-L: one byte in, a screenful out); another
        // asks "are you there?" and for an option the kiosk refuses (each answered from the telnet
        // handler itself). Neither reads a byte of the answers.
        let redraw = try HostileClient(port: daemon.port, terminal: .xterm, receiveBuffer: 4096)
        try redraw.waitFor("Staff code")
        let asker = try HostileClient(port: daemon.port, terminal: .xterm, receiveBuffer: 4096)
        try asker.waitFor("Staff code")
        let offered = Shared<(redraw: Int, asker: Int, askerCut: Bool)>((0, 0, false))
        let stop = Shared(false)
        let redrawing = Worker {
            let chunk = [UInt8](repeating: 0x0C, count: 4096)
            while !stop.withValue({ $0 }) {
                guard let taken = redraw.offer(chunk) else { return }
                offered.withValue { $0.redraw += taken }
                if taken == 0 { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        let asking = Worker {
            let areYouThere: [UInt8] = [255, 246]
            let doOption99: [UInt8] = [255, 253, 99]
            let chunk =
                Array(repeating: areYouThere, count: 1024).flatMap { $0 }
                + Array(repeating: doOption99, count: 4096).flatMap { $0 }
            while !stop.withValue({ $0 }) {
                guard let taken = asker.offer(chunk) else {
                    offered.withValue { $0.askerCut = true }
                    return
                }
                offered.withValue { $0.asker += taken }
                if taken == 0 { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        var echoes: [TimeInterval] = []
        var largest = before
        // At least 6 s of both, and until the asker is cut off (most of a megabyte of answers has
        // to wait behind the kernel's own buffers first), or 30 s.
        let started = Date()
        while Date().timeIntervalSince(started) < 6
            || (!offered.withValue { $0.askerCut } && Date().timeIntervalSince(started) < 30)
        {
            echoes.append(try Self.echoTime(person))
            largest = max(largest, try DaemonProcess.residentBytes(pid))
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop.withValue { $0 = true }
        try redrawing.wait()
        try asking.wait()
        largest = max(largest, try DaemonProcess.residentBytes(pid))
        let sent = offered.withValue { $0 }

        let growth = largest - before
        #expect(sent.asker > 4 * Self.megabyte, "the asker sent \(sent.asker) bytes")
        #expect(
            growth < 50 * Self.megabyte,
            "the daemon grew by \(growth / Self.megabyte) MB (from \(before / Self.megabyte) MB)")
        #expect(
            (echoes.max() ?? 0) < Self.prompt, "the logged-in session echoed at once; slowest \(echoes.max() ?? 0) s")
        #expect(
            sent.askerCut || asker.waitForClose(timeout: 5),
            "the client whose answers piled up past the limit was disconnected")
        #expect(daemon.output.contains("it reads nothing and its output piles up"))
        #expect(sent.redraw < 16 * Self.megabyte, "the kiosk stopped reading the deaf redrawer (\(sent.redraw) bytes)")

        // Both go; the person's session carries on.
        let mark = person.data.count
        try person.send("\u{15}" + (try person.menuNumber("Log out")) + "\r")
        try person.waitFor("Logged out", since: mark)
        withExtendedLifetime((redraw, asker)) {}
    }

    // MARK: A megabyte pasted

    /// A paste of about a megabyte: a character with hundreds of combining
    /// marks (which join it without counting towards the limit), then lines.
    static var pastedMegabyte: [UInt8] {
        var text = "Z" + String(repeating: "\u{0301}", count: 400)
        var line = 0
        while text.utf8.count < megabyte {
            line += 1
            text += "Pasted line \(line): what was seen and heard, pasted again and again by accident.\r"
        }
        return Array(text.utf8)
    }

    @Test("1 MB pasted into a full-screen notes field is capped with a message; the session and memory are fine")
    func megabytePastedFullScreen() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let pid = try DaemonProcess.pid(using: daemon.database)
        let client = try HostileClient(port: daemon.port, terminal: .xterm)
        try client.logInFullScreen(code: "SJO", pin: "2468")
        let before = try DaemonProcess.residentBytes(pid)
        try client.send("1")
        try client.waitForScreen("Date of the session")
        try client.send("\t\t")
        try client.waitForScreen("What would you like to achieve")

        let started = Date()
        try client.send(Self.pastedMegabyte, timeout: 90)
        try client.waitForScreen("2000/2000", timeout: 90)
        try client.waitForScreen("This field holds at most 2000 characters")
        let took = Date().timeIntervalSince(started)
        let growth = try DaemonProcess.residentBytes(pid) - before

        // Tab leaves the field, which saves it to the draft.
        try client.send("\t")
        try client.waitForScreen("What is happening now?")
        let store = try daemon.store()
        let draft = try #require(try store.drafts(staff: "SJO").first)
        let goal = try #require(draft.fields["goal"])
        #expect(goal.count == 2000, "the draft holds the field's limit, not the paste")
        #expect(goal.unicodeScalars.count < 3000)
        #expect(goal.unicodeScalars.starts(with: "Z\u{0301}\u{0301}".unicodeScalars))
        #expect(goal.first?.unicodeScalars.count == 32, "the marks stop at 32 scalars to a character")
        #expect(goal.allSatisfy { $0.unicodeScalars.count <= 32 }, "no character grows without bound")
        #expect(growth < 50 * Self.megabyte, "the daemon grew by \(growth / Self.megabyte) MB")
        #expect(took < 90, "the paste took \(took) s")

        // Nothing else is harmed: the next field takes typing and the form saves.
        try client.send("Reality typed after the paste")
        try client.send("\u{13}")  // Ctrl-S
        try client.waitForScreen("Saved: your GROWTH session record")
        let cycle = try #require(try store.cycles().first)
        let session = try #require(try store.sessions(cycle: cycle.id).first)
        #expect(session.record.goal.count == 2000)
        #expect(session.record.reality == "Reality typed after the paste")
    }

    @Test("1 MB pasted line by line into a text field and a notes field is capped with a message")
    func megabytePastedLineByLine() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let pid = try DaemonProcess.pid(using: daemon.database)
        let client = try HostileClient(port: daemon.port, terminal: .dumb)
        try client.logInLineByLine(code: "ZOB", pin: "8642")
        let before = try DaemonProcess.residentBytes(pid)
        var mark = client.data.count
        try client.send(try client.menuNumber("Log a CPD activity") + "\r")
        try client.waitFor("> ", since: mark)
        mark = client.data.count
        try client.send("today\r")
        try client.waitFor("Title", since: mark)

        // A megabyte on one line into the title (at most 120 characters).
        mark = client.data.count
        try client.send(
            Array(String(repeating: "Oracy conference ", count: Self.megabyte / 17).utf8) + [13], timeout: 90)
        try client.waitFor("This field holds at most 120 characters", since: mark, timeout: 90)
        // Course, 5 hours, no priority, then a megabyte on one line into the reflection
        // (at most 2000), and another line after it.
        for answer in ["1", "5", ""] {
            mark = client.data.count
            try client.send(answer + "\r")
            try client.waitFor("> ", since: mark)
        }
        mark = client.data.count
        let reflection = String(repeating: "A reflection pasted far too many times over. ", count: Self.megabyte / 45)
        try client.send(Array((reflection + "\r").utf8), timeout: 90)
        try client.waitFor("| ", since: mark, timeout: 90)
        mark = client.data.count
        try client.send("And one more line.\r")
        try client.waitFor("is full", since: mark)
        mark = client.data.count
        try client.send(".\r")
        try client.waitFor("Saved to your CPD log", since: mark, timeout: 30)
        let growth = try DaemonProcess.residentBytes(pid) - before

        let activity = try #require(try daemon.store().cpd(owner: "ZOB").first)
        #expect(activity.record.title.count <= 120)
        #expect(activity.record.title.hasPrefix("Oracy conference"))
        #expect(activity.record.reflection.count <= 2000)
        #expect(activity.record.reflection.hasPrefix("A reflection pasted"))
        #expect(growth < 50 * Self.megabyte, "the daemon grew by \(growth / Self.megabyte) MB")
    }

    // MARK: Escape sequences

    /// What a hostile person types into a notes field: colour and screen
    /// sequences, a NUL, invalid UTF-8 (0xFF sent as telnet's IAC IAC), a C1
    /// CSI, a bidi override and a bell.
    static let typedHostile: [UInt8] =
        Array("TYPED-START red:".utf8) + [0x1B] + Array("[31mRED".utf8) + [0x1B] + Array("[0m nul:".utf8) + [0]
        + Array(" bad:".utf8) + [0xC3, 0x28, 0xFF, 0xFF, 0x80] + Array(" c1:".utf8) + [0xC2, 0x9B]
        + Array("2J bidi:".utf8) + Array("\u{202E}".utf8) + Array("evil bell:".utf8) + [0x07]
        + Array(" clear:".utf8) + [0x1B] + Array("[2J TYPED-END".utf8)

    /// Stored text that did not come through the kiosk's keys (an older
    /// version, a database edited by hand): a title-setting OSC, a cursor
    /// report request, the alternate screen, a C1 CSI, DEL, bidi, a DCS, a
    /// hyperlink. (No NUL: SQLite text read back ends at one.)
    static let plantedHostile =
        "PLANTED-START \u{1B}]0;PWNED-TITLE\u{07} \u{1B}[6n \u{1B}[?1049h \u{9B}2J \u{7F}\u{08} \u{202E}gnirts "
        + "\u{1B}P1$rPWNED-DCS\u{1B}\\ \u{1B}]8;;http://evil.example/\u{1B}\\link PLANTED-END"

    /// What a terminal must never receive from stored text, in the bytes the kiosk sent.
    static func problems(in bytes: [UInt8], fullScreen: Bool) -> [String] {
        var found: [String] = []
        let text = String(decoding: bytes, as: UTF8.self)
        for marker in ["PWNED", "evil.example", "\u{202E}", "\u{9B}", "\u{7F}", "\u{0}", "\u{07}"]
        where text.contains(marker) {
            found.append("\(marker.unicodeScalars.map { "U+" + String($0.value, radix: 16) }) reached the terminal")
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x0D, byte != 0x0A, byte != 0x1B {
                found.append("control byte \(byte) at \(index)")
            }
            if byte == 0x1B {
                guard fullScreen else {
                    found.append("ESC at \(index) in line-by-line mode")
                    index += 1
                    continue
                }
                // The renderer's own sequences are CSI with these finals only.
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else {
                    found.append("ESC not followed by [ at \(index)")
                    index += 1
                    continue
                }
                var end = index + 2
                while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
                let parameters = String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self)
                let final = end < bytes.count ? Character(Unicode.Scalar(bytes[end])) : "?"
                let allowed =
                    switch final {
                    case "m", "H": parameters.allSatisfy { $0.isNumber || $0 == ";" }
                    case "J": parameters == "2"
                    case "h", "l": parameters == "?25"
                    default: false
                    }
                if !allowed { found.append("ESC [\(parameters)\(final) at \(index)") }
                index = end + 1
                continue
            }
            index += 1
        }
        return found
    }

    @Test("escape sequences, NULs and invalid UTF-8 typed into notes are stored sanitised and never replayed raw")
    func escapeSequencesStoredSanitised() throws {
        let daemon = try KioskDaemon()
        do {
            let store = try daemon.store()
            let cycle = try #require(try store.cycles().first)
            try store.addSession(
                SessionProforma(
                    heldOn: store.today.adding(days: -1), kind: .coaching, author: "SJO", goal: Self.plantedHostile,
                    reality: "line one\u{1B}[1A\u{1B}[2Kline two"),
                cycle: cycle.id, by: Actor(staff: "SJO", terminal: "test"))
        }
        try daemon.start()

        // The coachee types the hostile bytes into the Goal of a session record, full screen.
        let coachee = try HostileClient(port: daemon.port, terminal: .xterm)
        try coachee.openGoalFullScreen(code: "SJO", pin: "2468")
        try coachee.send(Self.typedHostile)
        try coachee.waitForScreen("TYPED-END")
        try coachee.send("\u{13}")
        try coachee.waitForScreen("Saved: your GROWTH session record")

        let store = try daemon.store()
        let cycle = try #require(try store.cycles().first)
        let typed = try #require(try store.sessions(cycle: cycle.id).first { $0.record.goal.contains("TYPED-START") })
        let goal = typed.record.goal
        let unsafe = goal.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
        #expect(unsafe.isEmpty, "stored with \(unsafe.map { $0.value }) in it: \(goal.debugDescription)")
        #expect(goal.contains("red:RED"))
        #expect(goal.contains("bad:\u{FFFD}("), "invalid UTF-8 is stored as U+FFFD")
        #expect(goal.hasSuffix("TYPED-END"))

        // The coach reads the records, line by line: not one control byte or escape from stored text.
        let coach = try HostileClient(port: daemon.port, terminal: .dumb)
        try coach.logInLineByLine(code: "DAP", pin: "1357")
        var mark = coach.data.count
        try coach.send(try coach.menuNumber("My cycles, goals and records") + "\r")
        try Self.pageThrough(coach, since: mark)
        let shown = Array(coach.data[mark...])
        let read = String(decoding: shown, as: UTF8.self)
        #expect(read.contains("TYPED-START"))
        #expect(read.contains("PLANTED-START"))
        #expect(read.contains("PLANTED-END"))
        let lineProblems = Self.problems(in: shown, fullScreen: false)
        #expect(lineProblems.isEmpty, "line by line: \(lineProblems)")

        // And on the full screen, paging to the end.
        let screen = try HostileClient(port: daemon.port, terminal: .xterm)
        try screen.logInFullScreen(code: "DAP", pin: "1357")
        mark = screen.data.count
        let number = try Self.fullScreenMenuNumber("My cycles, goals and records", in: screen.screen.text)
        try screen.send(number)
        try screen.waitForScreen("lines 1–")
        var pages = screen.screen.text
        for _ in 0..<12 {
            try screen.send("\u{1B}[6~")  // PgDn
            Thread.sleep(forTimeInterval: 0.1)
            screen.pump(waitingUpTo: 50)
            pages += screen.screen.text
        }
        let fullScreenProblems = Self.problems(in: Array(screen.data[mark...]), fullScreen: true)
        #expect(fullScreenProblems.isEmpty, "full screen: \(fullScreenProblems)")
        #expect(pages.contains("PLANTED-START"))
        #expect(pages.contains("TYPED-START"))
    }

    /// Pages through line-by-line records (Enter at each "-- more" prompt) until the home menu is back.
    static func pageThrough(_ client: HostileClient, since mark: Int) throws {
        var prompts = 0
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let shown = client.text(since: mark)
            if shown.contains("Choose 1–") { return }
            if shown.components(separatedBy: "-- more").count - 1 > prompts {
                prompts += 1
                try client.send("\r")
            }
            client.pump(waitingUpTo: 20)
        }
        throw TestFailure("the records never ended:\n\(HostileClient.printable(client.text(since: mark).suffix(2000)))")
    }

    /// The number of a full-screen menu option: " 3  My cycles…" on its row.
    static func fullScreenMenuNumber(_ label: String, in text: String) throws -> String {
        guard let range = text.range(of: label, options: .backwards) else {
            throw TestFailure("no \"\(label)\" on the screen")
        }
        let before = text[..<range.lowerBound].reversed().drop { $0 == " " }
        let digits = String(before.prefix { $0.isNumber }.reversed())
        guard !digits.isEmpty else { throw TestFailure("no number before \"\(label)\"") }
        return digits
    }

    // MARK: PIN guessing

    @Test("PIN guessing over several connections at once: the lockout holds and every failure is audited")
    func pinGuessing() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let answers = Shared<[String]>([])
        let guessers = (0..<4).map { guesser in
            Worker {
                let client = try HostileClient(port: daemon.port, terminal: .dumb, from: "127.0.0.\(2 + guesser)")
                try client.waitFor("Staff code: ")
                for attempt in 0..<3 {
                    let mark = client.data.count
                    try client.send("SJO\r")
                    try client.waitFor("PIN: ", since: mark)
                    let typed = client.data.count
                    try client.send(String(format: "%04d", 1000 + guesser * 10 + attempt) + "\r")
                    let shown = try client.waitFor("Staff code: ", since: typed)
                    answers.withValue {
                        $0.append(
                            shown.contains("This code is locked until")
                                ? "locked" : shown.contains("do not match") ? "wrong" : "?\(shown)")
                    }
                }
            }
        }
        for guesser in guessers { try guesser.wait() }
        let replies = answers.withValue { $0 }
        #expect(replies.count == 12)
        #expect(replies.filter { $0 == "wrong" }.count == 4, "four wrong PINs are told so: \(replies)")
        #expect(replies.filter { $0 == "locked" }.count == 8, "the fifth locks the code, and the rest: \(replies)")

        // The right PIN, from yet another connection, is refused while the code is locked.
        let owner = try HostileClient(port: daemon.port, terminal: .dumb)
        try owner.waitFor("Staff code: ")
        var mark = owner.data.count
        try owner.send("SJO\r")
        try owner.waitFor("PIN: ", since: mark)
        mark = owner.data.count
        try owner.send("2468\r")
        try owner.waitFor("This code is locked until", since: mark)
        #expect(!owner.text.contains("Choose 1–"))

        let audit = try daemon.store().auditEntries().filter { $0.recordID == "SJO" }
        let refused = audit.filter { $0.action == "login refused" }
        let locked = audit.filter { $0.action == "login locked" }
        #expect(locked.count == 1, "one line says the code was locked")
        #expect(refused.filter { $0.detail == "wrong PIN" }.count == 4)
        #expect(refused.filter { $0.detail == "locked" }.count == 7 + 1, "every try while locked is audited")
        #expect(refused.count + locked.count == 12 + 1, "each of the 13 tries has its audit line")
        #expect(!audit.contains { $0.action == "login" }, "no one got in")
        #expect(Set(refused.map(\.terminal)).count == 5, "from five connections: \(Set(refused.map(\.terminal)))")

        // Locked for fifteen minutes from the fifth failure.
        let outcome = try daemon.store().logIn("SJO", pin: "2468", at: "test")
        guard case let .locked(until) = outcome else {
            Issue.record("the right PIN got in: \(outcome)")
            return
        }
        let left = until.timeIntervalSinceNow
        #expect(left > 14 * 60 && left <= 15 * 60, "locked for another \(left) s")
    }

    // MARK: Another trio's records

    /// Trio B (cycle 2: BEN coachee, ALW coach, CAI observer) with a record
    /// of every kind; Siân (SJO) of trio A is to find none of it.
    static func addTrioB(to database: String) throws {
        let store = try CoachingStore(path: database)
        let technician = Actor.commandLine(user: "test")
        for member in [
            StaffMember(code: "ALW", name: "Alwen Lewis", subject: "History", roles: [.coach]),
            StaffMember(code: "BEN", name: "Bethan Evans", subject: "Welsh"),
            StaffMember(code: "CAI", name: "Cai Morgan", subject: "Music"),
        ] {
            try store.addStaff(member, by: technician)
        }
        let cycle = CoachingCycle(
            trio: try Trio(coachee: "BEN", coach: "ALW", observer: "CAI"), priority: "P1",
            focus: "TRIO-B-FOCUS", startedOn: store.today.adding(days: -20))
        let id = try store.startCycle(cycle, by: technician)
        let ben = Actor(staff: "BEN", terminal: "test")
        try store.saveAgreement(
            CoachingAgreement(goals: "TRIO-B-SECRET agreement goals", coacheeConfirmedOn: store.today), cycle: id,
            by: ben)
        try store.addSession(
            SessionProforma(
                heldOn: store.today, kind: .coaching, author: "BEN", goal: "TRIO-B-SECRET session goal",
                sharedWithObserver: true), cycle: id, by: ben)
        try store.addObservation(
            ObservationNotes(
                heldOn: store.today, author: "CAI", lessonClass: "9X", subject: "Welsh",
                seenAndHeard: "TRIO-B-SECRET observation"), cycle: id, by: Actor(staff: "CAI", terminal: "test"))
        try store.saveImpact(
            ImpactStatement(
                goal: "TRIO-B-SECRET impact", practice: "p", changeInTeaching: "c", pupilOutcomesBefore: "b",
                pupilOutcomesAfter: "a", wentWell: "w", couldHaveGoneBetter: "g", nextSteps: "n", author: "BEN",
                submittedOn: store.today), cycle: id, by: ben)
        // Siân's own trio has a record too, which she does read.
        try store.addSession(
            SessionProforma(heldOn: store.today, kind: .coaching, author: "SJO", goal: "TRIO-A-OWN session goal"),
            cycle: 1, by: Actor(staff: "SJO", terminal: "test"))
        // Drafts a person could be left with after a trio or a role changed: one for
        // trio B's cycle, one for notes she does not write in her own, one for a head's form.
        try store.saveDraftField(staff: "SJO", form: "session", context: "cycle \(id)", field: "goal", value: "x")
        try store.saveDraftField(staff: "SJO", form: "observation", context: "cycle 1", field: "subject", value: "x")
        try store.saveDraftField(staff: "SJO", form: "start-cycle", field: "focus", value: "x")
        try store.close()
    }

    @Test("a trio member who tries every menu path to another trio's records is refused every time, and audited")
    func anotherTriosRecords() throws {
        let daemon = try KioskDaemon()
        try Self.addTrioB(to: daemon.database)
        try daemon.start()
        let client = try HostileClient(port: daemon.port, terminal: .dumb)
        try client.logInLineByLine(code: "SJO", pin: "2468")

        /// Chooses the home option `label`, sends each answer and waits for what
        /// it should bring, and returns what the kiosk said until the home menu came back.
        func choose(_ label: String, then answers: [(send: String, expect: String)] = []) throws -> String {
            let home = client.data.count
            let number = try client.menuNumber(label, since: max(0, home - 4000))
            try client.send(number + "\r")
            for answer in answers {
                let before = client.data.count
                try client.send(answer.send)
                try client.waitFor(answer.expect, since: before)
            }
            try client.waitFor("Good ", since: home + 1)
            try client.waitFor("Choose 1–", since: home + 1)
            return client.text(since: home)
        }

        var seen = client.text
        // Every draft on the home menu: refused, the draft kept.
        for draft in ["GROWTH session record (cycle 2)", "Observation notes (cycle 1)", "Start a coaching cycle"] {
            let menu = client.text
            guard menu.contains(draft) else {
                Issue.record("the home menu does not offer the draft \(draft):\n\(HostileClient.printable(menu))")
                continue
            }
            let said = try choose("Finish your draft: " + String(draft.prefix(12)))
            #expect(said.contains("no longer yours") || said.contains("not yours to fill in"), "\(said)")
            seen += said
        }
        // Every form on the home menu is about her own cycle only.
        for form in [
            "Record a coaching session", "Coaching agreement", "Write the impact statement", "Log a CPD activity",
        ]
        where client.text.contains(form) {
            let said = try choose(form, then: [("\u{1B}", "draft is kept")])
            let asked = said.components(separatedBy: "Good ").first ?? said
            #expect(!asked.contains("cycle 2"), "\(form) offered trio B's cycle:\n\(HostileClient.printable(asked))")
            seen += said
        }
        #expect(!client.text.contains("Write observation notes"), "a coachee does not write observation notes")
        // Numbers that are not on the menu.
        for number in ["99", "0", "-1", "2 2"] {
            let mark = client.data.count
            try client.send(number + "\r")
            let said = try client.waitFor("Choose 1–", since: mark)
            #expect(said.contains("Type a number from 1 to"))
        }
        // Her records, every page.
        do {
            let home = client.data.count
            try client.send(try client.menuNumber("My cycles, goals and records", since: max(0, home - 4000)) + "\r")
            try Self.pageThrough(client, since: home)
            let records = client.text(since: home)
            #expect(records.contains("TRIO-A-OWN"), "her own trio's record is shown")
            seen += records
        }
        // The print menu, and numbers past its end.
        seen += try choose(
            "Print a document",
            then: [("99\r", "Type a number from 1 to"), ("0\r", "Type a number from 1 to"), ("\r", "Choose 1–")])

        #expect(!seen.contains("TRIO-B"), "trio B's records reached her:\n\(HostileClient.printable(seen))")
        #expect(!seen.contains("Bethan"), "trio B's people were named to her")

        let store = try daemon.store()
        let mine = try store.auditEntries().filter { $0.actor == "SJO" }
        let refusals = mine.filter { $0.action == "refused" }
        #expect(refusals.contains { $0.recordKind == "session" && $0.recordID == "2" }, "\(refusals)")
        #expect(refusals.contains { $0.recordKind == "observation" && $0.recordID == "1" }, "\(refusals)")
        #expect(refusals.contains { $0.recordKind == "cycle" && $0.recordID == nil }, "\(refusals)")
        let trioBSessions = Set(try store.sessions(cycle: 2).map { "\($0.id)" })
        let trioBObservations = Set(try store.observations(cycle: 2).map { "\($0.id)" })
        for entry in mine where entry.action == "read" {
            let aboutTrioB =
                switch entry.recordKind {
                case "session": trioBSessions.contains(entry.recordID ?? "")
                case "observation": trioBObservations.contains(entry.recordID ?? "")
                default: entry.recordID == "2"
                }
            #expect(!aboutTrioB, "she read trio B's \(entry.recordKind ?? "") \(entry.recordID ?? "")")
        }
        #expect(mine.contains { $0.action == "read" && $0.recordKind == "session" }, "her own reads are audited")
        #expect(try store.printJobs().allSatisfy { $0.requestedBy != "SJO" })
        #expect(try store.drafts(staff: "SJO").count == 3, "the refused drafts are kept")
    }
}
