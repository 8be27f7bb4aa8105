import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults survived, nothing lost: the real daemon killed with a hundred
/// sessions mid-form, its disk filling up or turning read-only under it, and
/// cupsd away for a while with jobs waiting.
@Suite("Faults survived, nothing lost", .serialized)
struct FaultTests {
    static var today: SchoolDay { SchoolDay(Date()) }

    /// The test school on `disk`, with a record written before the fault, and
    /// a daemon serving it (`home` holds its folder, forms and layouts).
    static func startDaemon(on disk: FaultDisk) throws -> (
        home: KioskDaemon, daemon: KioskDaemon, database: String, earlier: CPDActivity
    ) {
        let database = disk.path + "/coaching.sqlite"
        try TestSchool.make(at: database)
        let earlier = try earlierRecord(in: database)
        let home = try KioskDaemon()
        let daemon = try KioskDaemon.reusing(home, arguments: ["--database", database])
        try daemon.start()
        return (home, daemon, database, earlier)
    }

    /// A CPD record written before the fault, to find intact after it.
    static func earlierRecord(in database: String) throws -> CPDActivity {
        let activity = CPDActivity(
            owner: "ZOB", heldOn: today.adding(days: -30), title: "Written before the fault: Siân's twilight",
            kind: .inSchoolTraining, hours: 1.5, priority: "P1", reflection: "Zoë's notes, kept whole.")
        let store = try CoachingStore(path: database)
        _ = try store.addCPD(activity, by: Actor.commandLine(user: "test"))
        try store.close()
        return activity
    }

    /// Everything written before the fault is still there.
    static func expectEarlierRecordsIntact(_ store: CoachingStore, earlier: CPDActivity) throws {
        #expect(try store.cpd(owner: "ZOB").contains { $0.record == earlier })
        let cycle = try store.cycle(1)
        #expect(cycle.cycle.trio.coachee == "SJO" && cycle.cycle.focus == "Talk partners in Year 7 maths")
        #expect(try store.staff().count == TestSchool.pins.count)
    }

    /// Waits until the screen shows `words`, its lines read as one (a long
    /// message wraps over two); gives that text.
    @discardableResult
    static func waitForWords(_ window: TerminalWindow, _ words: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline {
            text = try window.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            if text.contains(words) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the screen never showed \"\(words)\"; it shows:\n\(try window.screen())")
    }

    static func waitUntil(timeout: TimeInterval = 20, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !(try condition()) {
            guard Date() < deadline else { throw TestFailure("timed out waiting until \(what)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @Test(
        "kill -9 with 100 sessions mid-form: records and every field left kept, file sound, the draft offered at once"
    )
    func killedWithSessionsMidForm() throws {
        let limits = ["--max-sessions", "128", "--max-per-address", "128", "--login-timeout", "300"]
        let daemon = try KioskDaemon(arguments: limits)
        let codes = try FaultSchool.addStaff(count: 100, to: daemon.database)
        try daemon.start()
        let today = Self.today
        let clients = try codes.enumerated().map { index, code in
            try FaultClient(code: code, number: index + 1, port: daemon.port)
        }
        // One in five submits the form; the others leave one to five of its six fields.
        func fieldsToLeave(_ client: FaultClient) -> Int {
            client.number % 5 == 0 ? FaultClient.fields.count : (client.number / 5) % 5 + 1
        }
        for client in clients { try client.waitForLogin() }
        for client in clients { client.sendCode() }
        for client in clients { try client.sendPIN() }
        for client in clients { try client.waitForHome() }
        let cpd = try clients[0].menuNumber(of: "Log a CPD activity")
        for client in clients { client.connection.send(cpd + "\r\n") }
        for client in clients { try client.connection.waitFor(FaultClient.prompt(0)) }
        for _ in FaultClient.fields {
            let going = clients.filter { $0.answered < fieldsToLeave($0) }
            for client in going { client.answerNext(today: today) }
            for client in going { try client.waitForNextPrompt() }
        }
        // Some are part-way through the next field when the daemon dies: that field was not left.
        for client in clients where fieldsToLeave(client) < FaultClient.fields.count && client.number % 3 == 0 {
            client.typeWithoutLeaving(today: today)
        }
        daemon.stop(signal: SIGKILL)
        #expect(!daemon.isRunning)

        let store = try daemon.store()
        #expect(try store.integrityCheck() == "ok")
        var submitted = 0
        for client in clients {
            if fieldsToLeave(client) == FaultClient.fields.count {
                let records = try store.cpd(owner: client.code)
                #expect(records.count == 1, "\(client.code) submitted one record")
                let record = try #require(records.first?.record)
                #expect(record.heldOn.british == client.left["held_on"])
                #expect(record.title == client.left["title"])
                #expect(record.kind.rawValue == client.left["kind"])
                #expect(record.hours == client.left["hours"].flatMap(Double.init))
                #expect(record.priority == client.left["priority"])
                #expect(record.reflection == client.left["reflection"])
                #expect(try store.drafts(staff: client.code).isEmpty, "the draft ended with the record")
                submitted += 1
            } else {
                let draft = try store.draft(staff: client.code, form: "cpd")
                #expect(draft?.fields == client.left, "\(client.code)'s draft holds every field left, as typed")
            }
        }
        #expect(submitted == 20)

        // Started again at once on the same file: a person whose form was cut short is offered it.
        let started = Date()
        let again = try KioskDaemon.reusing(daemon, arguments: limits)
        try again.start()
        #expect(Date().timeIntervalSince(started) < 10, "the daemon starts again at once")
        defer { again.stop() }
        let person = try #require(clients.first { fieldsToLeave($0) == 5 })
        let returning = try FaultClient(code: person.code, number: person.number, port: again.port)
        try returning.waitForLogin()
        returning.sendCode()
        try returning.sendPIN()
        try returning.waitForHome()
        #expect(returning.connection.text.contains("draft cpd activity to finish"))
        returning.connection.send(try returning.menuNumber(of: "Finish your draft: CPD activity") + "\r\n")
        for index in 0..<5 {
            try returning.connection.waitFor(FaultClient.prompt(index))
            try returning.connection.waitFor("Now: " + person.shown(index, today: today))
            returning.connection.send("\r\n")  // Enter keeps what the draft holds.
        }
        try returning.connection.waitFor(FaultClient.prompt(5))
        returning.connection.send("Finished after the restart.\r\n.\r\n")
        try returning.connection.waitFor("Saved to your CPD log")
        let record = try #require(try store.cpd(owner: person.code).first?.record)
        #expect(record.title == person.left["title"] && record.reflection == "Finished after the restart.")
        #expect(try store.integrityCheck() == "ok")
        withExtendedLifetime(daemon) {}
    }

    @Test(
        "a full disk: told plainly, what was typed stays on screen, nothing damaged, the same session saves later",
        .enabled(if: FaultDisk.canMountTmpfs, "needs root to mount a small tmpfs")
    )
    func fullDisk() throws {
        let disk = try FaultDisk(tmpfsMegabytes: 8)
        defer { disk.remove() }
        let (home, daemon, database, earlier) = try Self.startDaemon(on: disk)
        defer {
            daemon.stop()
            withExtendedLifetime(home) {}
        }
        let store = try CoachingStore(path: database)
        defer { try? store.close() }

        let window = try TerminalWindow(command: "telnet 127.0.0.1 \(daemon.port)")
        defer { window.close() }
        try window.logIn(code: "ZOB", pin: "8642")
        try window.type(try KioskPrintTests.number(of: "Log a CPD activity", on: window.screen()))
        try window.waitFor("Kind of activity")
        try window.press("Tab")
        try window.type("Before the disk filled: retrieval practice")
        try window.press("Tab")
        try Self.waitUntil("the title is in the draft") {
            try store.draft(staff: "ZOB", form: "cpd")?.fields["title"] == "Before the disk filled: retrieval practice"
        }

        try disk.fill()
        try window.press("Down")  // Course, the first kind.
        try window.press("Tab")  // Leaving the field saves it, or tries to.
        try Self.waitForWords(
            window,
            "The kiosk cannot save right now: its disk is full. What you typed is still on the screen; "
                + "tell the school office. Ctrl-S tries again.")
        try window.type("1.5")
        try window.press("Tab")
        try window.press("Tab")
        try window.type("Typed while the disk was full.")
        try window.press("C-s")
        Thread.sleep(forTimeInterval: 0.5)  // The screen looks the same after it: give the daemon a moment.
        let screen = try Self.waitForWords(window, "its disk is full")
        #expect(screen.contains("Typed while the disk was full."), "what was typed is still on the screen:\n\(screen)")
        #expect(screen.contains("CPD activity"), "the form is still on the screen:\n\(screen)")
        #expect(daemon.isRunning)
        #expect(try store.integrityCheck() == "ok")
        let draft = try #require(try store.draft(staff: "ZOB", form: "cpd"))
        #expect(draft.fields["title"] == "Before the disk filled: retrieval practice")
        #expect(draft.fields["hours"] == nil, "nothing was written while the disk was full")
        #expect(try store.cpd(owner: "ZOB").count == 1)
        // Leaving now would lose what was typed: the person is asked to press Esc again.
        try window.press("Escape")
        try Self.waitForWords(window, "Not saved: its disk is full. Leaving now loses what you typed since")
        #expect(try window.screen().contains("Typed while the disk was full."))

        disk.makeRoom()
        try window.press("C-s")
        try window.waitFor("Saved to your CPD log")
        let records = try store.cpd(owner: "ZOB").map(\.record).filter { $0 != earlier }
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.title == "Before the disk filled: retrieval practice")
        #expect(record.kind == .course && record.hours == 1.5)
        #expect(record.reflection == "Typed while the disk was full.")
        #expect(try store.drafts(staff: "ZOB").isEmpty)
        #expect(try store.integrityCheck() == "ok")
        try Self.expectEarlierRecordsIntact(store, earlier: earlier)
        #expect(daemon.output.contains("is full, so nothing was written"), "the log tells the technician")
    }

    @Test(
        "a disk that turns read-only: told plainly; once checked, the file is sound and the saved draft offered",
        .enabled(if: FaultDisk.canMountExt4, "needs root, loop devices and ext4")
    )
    func readOnlyDisk() throws {
        let disk = try FaultDisk(ext4Megabytes: 32)
        defer { disk.remove() }
        let (home, daemon, database, earlier) = try Self.startDaemon(on: disk)
        defer { daemon.stop(signal: SIGKILL) }
        let today = Self.today

        let client = try FaultClient(code: "ZOB", pin: "8642", number: 7, port: daemon.port)
        try client.waitForLogin()
        client.sendCode()
        try client.sendPIN()
        try client.waitForHome()
        client.connection.send(try client.menuNumber(of: "Log a CPD activity") + "\r\n")
        try client.connection.waitFor(FaultClient.prompt(0))
        for _ in 0..<2 {
            client.answerNext(today: today)
            try client.waitForNextPrompt()
        }
        let savedBefore = client.left
        do {
            let store = try CoachingStore(path: database)
            #expect(try store.draft(staff: "ZOB", form: "cpd")?.fields == savedBefore)
            try store.close()
        }

        try disk.turnReadOnly()
        client.answerNext(today: today)
        try client.waitForWords(
            "** The kiosk cannot save right now: its disk has become read-only. What you typed is kept here; "
                + "tell the school office. Your next answer tries again.")
        for _ in 3..<FaultClient.fields.count { client.answerNext(today: today) }
        // The last answer would submit: it is refused in words, and the form is asked again.
        try client.waitForWords("Now: " + client.answer(5, today: today)[0])
        #expect(!client.connection.text.contains("Saved to your CPD log"))
        #expect(daemon.isRunning)

        // The technician stops the kiosk, checks the disk and mounts it again.
        daemon.stop(signal: SIGTERM)
        try client.waitForWords(
            "The kiosk is closing for maintenance. The kiosk could not save your last changes (its disk has "
                + "become read-only); please tell the school office.")
        try disk.checkAndRemount()
        let store = try CoachingStore(path: database)
        defer { try? store.close() }
        #expect(try store.integrityCheck() == "ok")
        try Self.expectEarlierRecordsIntact(store, earlier: earlier)
        #expect(try store.draft(staff: "ZOB", form: "cpd")?.fields == savedBefore)

        let again = try KioskDaemon.reusing(home, arguments: ["--database", database])
        try again.start()
        defer { again.stop() }
        let returning = try FaultClient(code: "ZOB", pin: "8642", number: 7, port: again.port)
        try returning.waitForLogin()
        returning.sendCode()
        try returning.sendPIN()
        try returning.waitForHome()
        returning.connection.send(try returning.menuNumber(of: "Finish your draft: CPD activity") + "\r\n")
        try returning.connection.waitFor("Now: " + client.value(0, today: today))
        returning.connection.send("\r\n")
        try returning.connection.waitFor("Now: " + client.value(1, today: today))
    }

    @Test(
        "cupsd away for a while: jobs wait, retried on the backoff the configuration shortens, each printed once"
    )
    func cupsdAwayForAWhile() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: printer.uri)
        cups.stop()
        let school = try KioskPrintTests().daemonWithAgreement(arguments: [])
        let configuration = school.folder + "/config.yaml"
        try "printer: staffroom\nprint_retry: 1\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        let daemon = try KioskDaemon.reusing(school, arguments: ["--config", configuration])
        try daemon.start(environment: ["CUPS_SERVER=\(cups.server)"])
        defer { daemon.stop() }

        let store = try daemon.store()
        let requests: [(document: String, record: String, by: StaffCode)] = [
            ("agreement", "1", "DAP"), ("cpd", "ZOB", "ZOB"), ("cpd", "SJO", "SJO"),
        ]
        let ids = try requests.map {
            try store.enqueuePrint(
                document: $0.document, recordID: $0.record, printer: "staffroom",
                by: Actor(staff: $0.by, terminal: "telnet 127.0.0.1:50000"))
        }
        // Tried, refused, and tried again: each job waits with CUPS's message.
        try Self.waitUntil("every job has been tried twice") {
            try ids.allSatisfy { try store.printJob($0).attempts >= 2 }
        }
        for id in ids {
            let job = try store.printJob(id)
            #expect(job.state == .queued && job.lastError?.isEmpty == false, "\(job)")
        }
        #expect(printer.receivedDocuments().isEmpty)

        try cups.start()
        try Self.waitUntil(timeout: 40, "every job is printed") {
            try ids.allSatisfy { try store.printJob($0).state == .printed }
        }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.receivedDocuments().count == ids.count, "each job printed once")
        let cupsJobs = try ids.compactMap { try store.printJob($0).cupsJobID }
        #expect(Set(cupsJobs).count == ids.count)
        withExtendedLifetime(school) {}
    }
}
