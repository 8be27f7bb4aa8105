import Foundation
import KioskConfiguration
import Printing
import TestSupport
import Testing

@Suite("Printing through libcups to a real IPP printer and a private cupsd", .serialized)
final class CUPSClientTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "cups-client-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// What libcups 2.4 says when nothing listens on a port: the strerror of
    /// whatever errno its connect loop ended with (EHOSTDOWN here, not
    /// ECONNREFUSED).
    static func saysRefused(_ error: PrintError?) -> Bool {
        guard let message = error?.message else { return false }
        return message.contains("Host is down") || message.contains("Connection refused")
    }

    func pdf(saying text: String) throws -> String {
        let path = folder + "/" + UUID().uuidString + ".pdf"
        try SamplePDF.write(to: path, saying: text)
        return path
    }

    /// Asks about `job` until it is completed, cancelled or aborted.
    func finalReport(of job: Int32, from printer: CUPSPrinter, timeout: TimeInterval = 20) throws -> CUPSJobReport {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let report = try printer.jobState(job)
            if report.state.isFinal || Date() > deadline { return report }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Expects `job` to complete, telling what cupsd says if it does not.
    func expectCompleted(
        _ job: Int32, on printer: CUPSPrinter, through cups: PrivateCUPS? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let report = try finalReport(of: job, from: printer)
        #expect(
            report.state == .completed, "\(report)\n\(cups?.diagnosis ?? "")", sourceLocation: sourceLocation)
    }

    func run(_ arguments: [String]) throws -> String {
        let (status, output) = try Subprocess.run(arguments)
        guard status == 0 else {
            throw TestFailure("\(arguments.joined(separator: " ")) failed (\(status)):\n\(output)")
        }
        return output
    }

    /// The printer's documents once there are `count`, or cupsd's own account of why not.
    @discardableResult
    func documents(_ count: Int, at testPrinter: TestPrinter, through cups: PrivateCUPS) throws -> [String] {
        do {
            return try testPrinter.waitForDocuments(count: count)
        } catch {
            throw TestFailure("\(error)\n\(cups.diagnosis)")
        }
    }

    @Test("a PDF sent straight to an IPP printer by its URI arrives byte for byte, and the job completes")
    func straightToPrinter() throws {
        let testPrinter = try TestPrinter()
        let path = try pdf(saying: "Coaching agreement for the trio")
        let printer = CUPSPrinter(destination: .ipp(testPrinter.uri))

        let job = try printer.submit(pdfAt: path, title: "Coaching agreement", user: "sjo")

        #expect(job > 0)
        let documents = try testPrinter.waitForDocuments(count: 1)
        #expect(documents.count == 1)
        #expect(FileManager.default.contents(atPath: documents[0]) == FileManager.default.contents(atPath: path))
        try expectCompleted(job, on: printer)
        let jobs = try run(["ipptool", "-c", testPrinter.uri, "get-completed-jobs.test"])
        #expect(jobs.contains("\(job),completed,Coaching agreement,sjo"), "the job carries its title and user")
    }

    @Test("through a private cupsd's queue the PDF arrives readable with its text, and the job completes")
    func throughQueue() throws {
        let testPrinter = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: testPrinter.uri)
        let printer = CUPSPrinter(destination: .queue("staffroom"), server: cups.server)

        let job = try printer.submit(pdfAt: try pdf(saying: "Impact statement"), title: "Impact", user: "dap")

        let documents = try documents(1, at: testPrinter, through: cups)
        #expect(try run(["pdfinfo", documents[0]]).contains("Pages:"))
        #expect(try run(["pdftotext", documents[0], "-"]).contains("Impact statement"))
        try expectCompleted(job, on: printer, through: cups)
    }

    @Test("a queue that does not exist is refused for good, naming it in CUPS's words")
    func missingQueue() throws {
        let cups = try PrivateCUPS()
        let printer = CUPSPrinter(destination: .queue("nosuchqueue"), server: cups.server)

        #expect {
            _ = try printer.submit(pdfAt: try pdf(saying: "Lost"), title: "Lost", user: nil)
        } throws: { error in
            guard let error = error as? PrintError else { return false }
            return !error.isTemporary && error.message.contains("\"nosuchqueue\"")
                && error.message.contains("The printer or class does not exist.")
                && error.message.contains("lpstat -p")
        }
    }

    @Test("a stopped cupsd is a temporary error; started again, it still knows its jobs and the queue prints")
    func cupsdStopped() throws {
        let testPrinter = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "office", uri: testPrinter.uri)
        let printer = CUPSPrinter(destination: .queue("office"), server: cups.server)
        let first = try printer.submit(pdfAt: try pdf(saying: "Agreement"), title: "Agreement", user: nil)
        try expectCompleted(first, on: printer, through: cups)

        cups.stop()

        let refused = #expect(throws: PrintError.self) {
            _ = try printer.submit(pdfAt: try pdf(saying: "Trustee pack"), title: "Trustee pack", user: nil)
        }
        #expect(refused?.isTemporary == true)
        #expect(refused?.message.contains(cups.server) == true, "\(refused?.message ?? "")")
        #expect(Self.saysRefused(refused), "\(refused?.message ?? "")")
        let unanswered = #expect(throws: PrintError.self) { try printer.jobState(first) }
        #expect(unanswered?.isTemporary == true)

        try cups.start()

        #expect(try printer.jobState(first).state == .completed)
        let second = try printer.submit(pdfAt: try pdf(saying: "Trustee pack"), title: "Trustee pack", user: nil)
        try documents(2, at: testPrinter, through: cups)
        try expectCompleted(second, on: printer, through: cups)
    }

    @Test("the default queue is cupsd's default; with none set, the error says how to set one")
    func defaultQueue() throws {
        let testPrinter = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: testPrinter.uri)
        let printer = CUPSPrinter(destination: .systemDefault, server: cups.server)

        let error = #expect(throws: PrintError.self) {
            _ = try printer.submit(pdfAt: try pdf(saying: "Nowhere"), title: "Nowhere", user: nil)
        }
        #expect(error?.isTemporary == false)
        #expect(error?.message.contains("lpadmin -d") == true, "\(error?.message ?? "")")

        try cups.setDefault(queue: "staffroom")
        let job = try printer.submit(pdfAt: try pdf(saying: "Default"), title: "Default", user: nil)
        try documents(1, at: testPrinter, through: cups)
        try expectCompleted(job, on: printer, through: cups)
    }

    @Test("a printer that does not answer is a temporary error in libcups's words")
    func printerAway() throws {
        let uri = "ipp://127.0.0.1:\(try LoopbackPort.free())/ipp/print"
        let printer = CUPSPrinter(destination: .ipp(uri))

        let error = #expect(throws: PrintError.self) {
            _ = try printer.submit(pdfAt: try pdf(saying: "Away"), title: "Away", user: nil)
        }
        #expect(error?.isTemporary == true)
        #expect(error?.message.contains(uri) == true, "\(error?.message ?? "")")
        #expect(Self.saysRefused(error), "\(error?.message ?? "")")
    }

    @Test("a printer that takes the connection and never answers is a temporary error after the timeout")
    func printerWedged() throws {
        let silent = try SilentPrinter()
        let printer = CUPSPrinter(destination: .ipp(silent.uri), timeout: .seconds(1))
        let started = Date()

        let error = #expect(throws: PrintError.self) {
            _ = try printer.submit(pdfAt: try pdf(saying: "Wedged"), title: "Wedged", user: nil)
        }
        #expect(error?.isTemporary == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("timed out") == true, "\(error?.message ?? "")")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("an aborted job reports the printer's reason")
    func abortedJob() throws {
        let testPrinter = try TestPrinter(behaviour: .fails(message: "The paper tray is empty."))
        let printer = CUPSPrinter(destination: .ipp(testPrinter.uri))

        let job = try printer.submit(pdfAt: try pdf(saying: "Observation notes"), title: "Notes", user: nil)

        let report = try finalReport(of: job, from: printer)
        #expect(report.state == .aborted)
        #expect(report.message?.contains("The paper tray is empty.") == true, "\(report.message ?? "no message")")
    }

    @Test("a job the printer or cupsd does not know is an error for good, in their words")
    func unknownJob() throws {
        let testPrinter = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: testPrinter.uri)

        let direct = #expect(throws: PrintError.self) {
            try CUPSPrinter(destination: .ipp(testPrinter.uri)).jobState(4242)
        }
        let queued = #expect(throws: PrintError.self) {
            try CUPSPrinter(destination: .queue("staffroom"), server: cups.server).jobState(4242)
        }

        #expect(direct?.isTemporary == false)
        #expect(direct?.message.contains("about job 4242: Job not found.") == true, "\(direct?.message ?? "")")
        #expect(queued?.isTemporary == false)
        #expect(queued?.message.contains("Job #4242 does not exist.") == true, "\(queued?.message ?? "")")
    }

    @Test("a PDF that is not there is an error for good, before anything is sent")
    func missingFile() throws {
        let testPrinter = try TestPrinter()
        let printer = CUPSPrinter(destination: .ipp(testPrinter.uri))

        let error = #expect(throws: PrintError.self) {
            _ = try printer.submit(pdfAt: folder + "/missing.pdf", title: "Missing", user: nil)
        }
        #expect(error?.isTemporary == false)
        #expect(testPrinter.receivedDocuments().isEmpty)
    }

    @Test("jobs on several threads at once each reach their own cupsd (libcups's server is per thread)")
    func serverPerThread() throws {
        let printers = try (0..<2).map { _ in try TestPrinter() }
        let servers = try (0..<2).map { _ in try PrivateCUPS() }
        for (cups, testPrinter) in zip(servers, printers) {
            try cups.addQueue(name: "staffroom", uri: testPrinter.uri)
        }
        let clients = servers.map { CUPSPrinter(destination: .queue("staffroom"), server: $0.server) }
        let paths = try (0..<6).map { try pdf(saying: "Sheet \($0)") }
        let failures = Failures()

        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do {
                _ = try clients[index % 2].submit(pdfAt: paths[index], title: "Sheet \(index)", user: nil)
            } catch {
                failures.append("\(error)")
            }
        }

        #expect(failures.all.isEmpty)
        for testPrinter in printers {
            #expect(try testPrinter.waitForDocuments(count: 3).count == 3)
        }
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
