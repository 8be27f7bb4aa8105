import Foundation
import TestSupport
import Testing

@Suite("print: the command line, with ippeveprinter and a private cupsd", .serialized)
struct PrintCommandTests {
    /// The demo school in the program's folder.
    func demo() throws -> KioskProgram {
        let kiosk = try KioskProgram()
        _ = try kiosk.succeed(["demo"])
        return kiosk
    }

    @Test("print agreement sends the cycle's agreement to a cupsd queue, waits until CUPS accepts it, and audits it")
    func agreementToQueue() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "staffroom", uri: printer.uri)
        let kiosk = try demo()
        defer { kiosk.remove() }
        let environment = ["CUPS_SERVER": cups.server]
        let result = try kiosk.run(
            ["print", "agreement", "--cycle", "4", "--printer", "staffroom", "--layouts", Repository.layouts],
            environment: environment)
        #expect(result.status == 0, "\(result.errors)\n\(cups.diagnosis)")
        #expect(result.output.contains("Print job 1 was accepted by staffroom as CUPS job"))
        let documents = try printer.waitForDocuments(count: 1)
        let text = try poppler("pdftotext", [documents[0], "-"])
        #expect(text.contains("Coaching agreement") && text.contains("Priya Raghunathan"))
        let jobs = try kiosk.rows(["print", "status"])
        #expect(jobs.count == 1)
        #expect(["sent", "printed"].contains(jobs.first?["state"] as? String ?? ""))
        #expect(jobs.first?["printer"] as? String == "staffroom")
        #expect(jobs.first?["document"] as? String == "agreement")
        let table = try kiosk.succeed(["print", "status"])
        #expect(table.contains("agreement") && table.contains("staffroom"))
    }

    @Test(
        "with cupsd down the command says CUPS's error, exits 75, and leaves the job for the daemon, which prints it once"
    )
    func cupsdDown() throws {
        let printer = try TestPrinter()
        let cups = try PrivateCUPS()
        try cups.addQueue(name: "office", uri: printer.uri)
        cups.stop()
        let kiosk = try demo()
        defer { kiosk.remove() }
        let environment = ["CUPS_SERVER": cups.server]
        // The first retry after a second, not the usual fifteen.
        let config = try kiosk.write("config.yaml", "print_retry: 1\n")
        let result = try kiosk.run(
            ["print", "trustee-pack", "--printer", "office", "--layouts", Repository.layouts, "--config", config],
            environment: environment)
        #expect(result.status == 75)
        #expect(result.errors.contains("CUPS could not take print job 1"), "\(result.errors)")
        #expect(result.errors.contains("The job stays in the outbox"))
        let waiting = try kiosk.rows(["print", "status", "--unfinished"])
        #expect(waiting.first?["state"] as? String == "queued")
        #expect((waiting.first?["message"] as? String)?.isEmpty == false)

        try cups.start()
        let log = kiosk.file("serve.log")
        let daemon = try ChildProcess(
            [
                Repository.kioskBinary, "serve", "--database", kiosk.database, "--telnet", "127.0.0.1:0",
                "--printer", "office", "--print-retry", "1", "--layouts", Repository.layouts,
                "--forms", Repository.forms,
            ],
            outputPath: log, environment: ["CUPS_SERVER=\(cups.server)"])
        defer { daemon.stop(signal: SIGTERM, timeout: 10) }
        let deadline = Date().addingTimeInterval(30)
        var state = ""
        while Date() < deadline {
            state = try kiosk.rows(["print", "status"]).first?["state"] as? String ?? ""
            if state == "printed" { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(state == "printed", "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")\n\(cups.diagnosis)")
        let documents = try printer.waitForDocuments(count: 1)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.receivedDocuments().count == 1, "printed exactly once")
        #expect(try poppler("pdftotext", [documents[0], "-"]).contains("Coaching and professional learning"))
    }

    @Test("print trustee-pack --output gives the office a PDF with no staff name or code, for this academic year")
    func trusteePackToFile() throws {
        let kiosk = try demo()
        defer { kiosk.remove() }
        let output = kiosk.file("pack.pdf")
        let said = try kiosk.succeed(["print", "trustee-pack", "--output", output, "--layouts", Repository.layouts])
        #expect(said.contains("Saved Coaching and professional learning"))
        let text = try poppler("pdftotext", [output, "-"])
        #expect(text.contains("1 September") && text.contains("31 August"))
        let staff = try kiosk.rows(["staff", "list", "--all"])
        #expect(staff.count >= 30)
        let words = Set(text.split { !($0.isLetter || $0.isNumber) }.map(String.init))
        for member in staff {
            let code = member["code"] as? String ?? ""
            #expect(!words.contains(code), "the code \(code) is in the pack")
            let name = member["name"] as? String ?? ""
            #expect(!text.contains(name), "\(name) is in the pack")
        }
        #expect(try kiosk.rows(["print", "status"]).isEmpty, "--output does not use the outbox")
    }

    @Test("a record that does not exist is refused before it reaches the outbox, saying what to do")
    func missingRecord() throws {
        let kiosk = try demo()
        defer { kiosk.remove() }
        let result = try kiosk.run([
            "print", "impact", "--cycle", "999", "--printer", "dir:\(kiosk.file("pdfs"))",
            "--layouts", Repository.layouts,
        ])
        #expect(result.status != 0)
        #expect(result.errors.contains("999"))
        #expect(try kiosk.rows(["print", "status"]).isEmpty)
        let both = try kiosk.run(["print", "cpd", "--staff", "PRA", "--printer", "x", "--output", "y.pdf"])
        #expect(both.status != 0 && both.errors.contains("--printer or --output, not both"))
        let bad = try kiosk.run(["print", "cpd", "--staff", "PRA", "--printer", "two words"])
        #expect(bad.status != 0 && bad.errors.contains("cannot be used: a CUPS queue name has no spaces"))
    }

    @Test("dir: saves each print as a PDF, and a broken layout stops the command with file and line")
    func folderAndBrokenLayout() throws {
        let kiosk = try demo()
        defer { kiosk.remove() }
        let folder = kiosk.file("pdfs")
        let said = try kiosk.succeed([
            "print", "cpd", "--staff", "PRA", "--printer", "dir:\(folder)", "--layouts", Repository.layouts,
        ])
        #expect(said.contains("was saved as \(folder)/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)

        let broken = kiosk.file("layouts")
        try FileManager.default.copyItem(atPath: Repository.layouts, toPath: broken)
        let agreement = broken + "/agreement.yaml"
        let text = try String(contentsOfFile: agreement, encoding: .utf8)
        try text.replacingOccurrences(of: "{{agreement.goals}}", with: "{{agreement.goal}}")
            .write(toFile: agreement, atomically: true, encoding: .utf8)
        let refused = try kiosk.run(["print", "agreement", "--cycle", "4", "--output", "a.pdf", "--layouts", broken])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("agreement.yaml:"), "\(refused.errors)")
        #expect(refused.errors.contains("{{agreement.goal}} names nothing"))
    }
}
