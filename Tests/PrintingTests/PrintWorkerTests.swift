import Coaching
import CoachingStore
import Documents
import Foundation
import KioskConfiguration
import Printing
import Sheets
import TestSupport
import Testing

/// A school of three in a temporary store: one cycle with its agreement.
final class PrintingSchool: @unchecked Sendable {
    let folder: String
    let store: CoachingStore
    let cycle: Int64
    let coach = Actor(staff: "SJO", terminal: "telnet 127.0.0.1:50000")

    init() throws {
        folder = NSTemporaryDirectory() + "print-worker-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try CoachingStore(path: folder + "/coaching.sqlite")
        let technician = Actor.commandLine(user: "tester")
        for member in [
            StaffMember(code: "PRA", name: "Priya Raghunathan", subject: "Maths"),
            StaffMember(code: "SJO", name: "Siân Joseph", subject: "Maths", roles: [.coach]),
            StaffMember(code: "TWR", name: "Tomasz Wróbel", subject: "Maths", roles: [.coach]),
        ] {
            try store.addStaff(member, by: technician)
        }
        let day = try #require(SchoolDay(iso: "2026-09-07"))
        cycle = try store.startCycle(
            CoachingCycle(
                trio: Trio(coachee: "PRA", coach: "SJO", observer: "TWR"), focus: "Adaptive scaffolds",
                startedOn: day),
            by: technician)
        try store.saveAgreement(
            CoachingAgreement(
                goals: "Zoë and Ŵyn reach the same final problem.", coacheeCommitments: "Plan with the five in mind.",
                coachCommitments: "Keep the Thursday slot.", durationWeeks: 8),
            cycle: cycle, by: technician)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func worker(printer: PrinterTarget, server: String?, retry: Int = 1) throws -> PrintWorker {
        var settings = KioskSettings()
        settings.schoolName = "Ysgol Cae'r Onnen"
        settings.printer = printer
        settings.printRetry = retry
        let layouts = try LayoutCatalog.load(directory: Repository.layouts, vocabularies: DocumentKind.vocabularies)
        return PrintWorker(
            store: store, settings: settings, layouts: layouts,
            connect: { CUPSPrinter.connection(to: $0, server: server) })
    }

    func enqueueAgreement(printer: PrinterTarget) throws -> Int64 {
        try store.enqueuePrint(.agreement(cycle: cycle), printer: printer.description, by: coach)
    }

    /// Works the outbox until job `id` is finished (or `timeout` passes); gives the job.
    func workUntilFinished(_ id: Int64, worker: PrintWorker, timeout: TimeInterval = 30) throws -> PrintJob {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            worker.workOnce()
            let job = try store.printJob(id)
            if job.isFinished || Date() > deadline { return job }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}

@Suite("The print worker, with ippeveprinter and a private cupsd", .serialized)
final class PrintWorkerTests {
    @Test(
        "an agreement goes through a cupsd queue to the printer: a valid PDF with the right text, followed to printed")
    func agreementPrints() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: printer.uri)
        let school = try PrintingSchool()
        let target = PrinterTarget.queue("staffroom")
        let worker = try school.worker(printer: target, server: cups.server)
        let id = try school.enqueueAgreement(printer: target)
        guard case .sent = worker.send(id) else {
            Issue.record("not sent: \(try school.store.printJob(id))\n\(cups.diagnosis)")
            return
        }
        let documents = try printer.waitForDocuments(count: 1)
        #expect(documents.count == 1)
        let text = try poppler("pdftotext", [documents[0], "-"])
        for expected in ["Coaching agreement", "Priya Raghunathan", "Siân Joseph", "Zoë and Ŵyn reach the same"] {
            #expect(text.contains(expected), "\(expected) is on the printed page")
        }
        #expect(try pdfInfo(documents[0])["Pages"].flatMap(Int.init) ?? 0 >= 1)
        let job = try school.workUntilFinished(id, worker: worker)
        #expect(job.state == .printed, "\(job)\n\(cups.diagnosis)")
        #expect(job.cupsJobID != nil)
        let actions = try school.store.auditEntries().map(\.action)
        #expect(
            actions.contains("print request") && actions.contains("print sent") && actions.contains("print printed"))
        worker.workOnce()
        #expect(printer.receivedDocuments().count == 1, "printed once")
    }

    @Test("with cupsd stopped the job waits with CUPS's message, and is printed once when cupsd returns")
    func cupsdDown() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "office", uri: printer.uri)
        cups.stop()
        let school = try PrintingSchool()
        let target = PrinterTarget.queue("office")
        let worker = try school.worker(printer: target, server: cups.server)
        let id = try school.enqueueAgreement(printer: target)
        guard case let .willRetry(message, _) = worker.send(id) else {
            Issue.record("expected to wait: \(try school.store.printJob(id))")
            return
        }
        #expect(!message.isEmpty)
        var job = try school.store.printJob(id)
        #expect(job.state == .queued && job.attempts == 1 && job.lastError == message)
        // Not due again for a second; a pass before then does nothing.
        worker.workOnce()
        #expect(try school.store.printJob(id).attempts == 1)
        try cups.start()
        Thread.sleep(forTimeInterval: 1.1)
        job = try school.workUntilFinished(id, worker: worker)
        #expect(job.state == .printed, "\(job)\n\(cups.diagnosis)")
        #expect(try printer.waitForDocuments(count: 1).count == 1)
        Thread.sleep(forTimeInterval: 0.5)
        worker.workOnce()
        #expect(printer.receivedDocuments().count == 1, "printed exactly once")
    }

    @Test("a job sent by a process that died before it could write that down is found at the printer, not sent again")
    func staleClaimIsSettled() throws {
        let printer = try TestPrinter()
        let school = try PrintingSchool()
        let target = PrinterTarget.ipp(printer.uri)
        let worker = try school.worker(printer: target, server: nil)
        let id = try school.enqueueAgreement(printer: target)
        // A process that has gone claimed the job and handed it to the printer, then died.
        let dead = "2147483000@\(ProcessInfo.processInfo.hostName)#gone"
        let job = try #require(try school.store.claimPrintJob(id, by: dead))
        let pdf = school.folder + "/sent.pdf"
        try SamplePDF.write(to: pdf, saying: "Sent before the crash")
        let title = "Coaching agreement (coaching-kiosk job \(job.id)-\(job.requestedAt.filter(\.isNumber)))"
        _ = try CUPSPrinter(destination: .ipp(printer.uri)).submit(pdfAt: pdf, title: title, user: "SJO")
        #expect(try printer.waitForDocuments(count: 1).count == 1)
        let finished = try school.workUntilFinished(id, worker: worker)
        #expect(finished.state == .printed)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(printer.receivedDocuments().count == 1, "the job was followed, not sent a second time")
    }

    @Test("a printer that aborts the job: the job ends aborted with the printer's own message")
    func printerAborts() throws {
        let printer = try TestPrinter(behaviour: .fails(message: "Paper jam in tray 2"))
        let school = try PrintingSchool()
        let target = PrinterTarget.ipp(printer.uri)
        let worker = try school.worker(printer: target, server: nil)
        let id = try school.enqueueAgreement(printer: target)
        let job = try school.workUntilFinished(id, worker: worker)
        #expect(job.state == .aborted)
        #expect(job.lastError?.contains("Paper jam in tray 2") == true, "\(job)")
        #expect(try school.store.auditEntries().contains { $0.action == "print aborted" })
    }

    @Test("a printer that is switched off: the job waits, and a queue that does not exist fails for good")
    func unreachable() throws {
        let school = try PrintingSchool()
        let port = try LoopbackPort.free()
        let off = PrinterTarget.ipp("ipp://127.0.0.1:\(port)/ipp/print")
        let worker = try school.worker(printer: off, server: nil, retry: 60)
        let id = try school.enqueueAgreement(printer: off)
        guard case .willRetry = worker.send(id) else {
            Issue.record("expected to wait: \(try school.store.printJob(id))")
            return
        }
        let waiting = try school.store.printJob(id)
        #expect(waiting.state == .queued && waiting.nextAttemptAt != nil)
        #expect(worker.retryDelay(afterAttempts: 0) == 60 && worker.retryDelay(afterAttempts: 3) == 480)
        #expect(worker.retryDelay(afterAttempts: 10) == 600, "at most ten minutes")

        let cups = try PrivateCUPS()
        let missing = PrinterTarget.queue("nowhere")
        let cupsWorker = try school.worker(printer: missing, server: cups.server)
        let lost = try school.enqueueAgreement(printer: missing)
        guard case let .failed(message) = cupsWorker.send(lost) else {
            Issue.record("expected to fail: \(try school.store.printJob(lost))")
            return
        }
        #expect(message.contains("nowhere"))
        #expect(try school.store.printJob(lost).state == .failed)
    }

    @Test("dir: saves the PDF in the folder, whole, named by date, document and job")
    func folder() throws {
        let school = try PrintingSchool()
        let out = school.folder + "/pdfs"
        let target = PrinterTarget.directory(out)
        let worker = try school.worker(printer: target, server: nil)
        let id = try school.enqueueAgreement(printer: target)
        guard case let .saved(path) = worker.send(id) else {
            Issue.record("not saved: \(try school.store.printJob(id))")
            return
        }
        #expect(path.hasPrefix(out + "/") && path.hasSuffix("-agreement-\(school.cycle)-job\(id).pdf"))
        #expect(try poppler("pdftotext", [path, "-"]).contains("Coaching agreement"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 1, "no partial file left")
        #expect(try school.store.printJob(id).state == .printed)
    }

    @Test("a print request for a record that is gone fails for good with what to do")
    func recordGone() throws {
        let school = try PrintingSchool()
        let target = PrinterTarget.directory(school.folder + "/pdfs")
        let worker = try school.worker(printer: target, server: nil)
        let id = try school.store.enqueuePrint(.agreement(cycle: 999), printer: target.description, by: school.coach)
        guard case let .failed(message) = worker.send(id) else {
            Issue.record("expected to fail: \(try school.store.printJob(id))")
            return
        }
        #expect(message.contains("999"))
    }
}
