import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real IPP Everywhere printer for tests: `ippeveprinter` on a loopback
/// port picked at run time, keeping every document it receives as a file in
/// a fresh spool folder. Stopped by `stop()` or when released.
public final class TestPrinter: @unchecked Sendable {
    /// What the printer does with each job once the document has arrived.
    public enum Behaviour: Sendable {
        /// Completes the job at once.
        case prints
        /// Stays processing for `seconds`, then completes.
        case takes(seconds: Int)
        /// Aborts the job, saying `message` as the job's state message.
        case fails(message: String)
    }

    /// The printer's DNS-SD name, unique to this instance.
    public let name: String
    public let port: Int
    public let spoolDirectory: String
    private let folder: String
    private let logPath: String
    private var process: ChildProcess?

    /// `ipp://127.0.0.1:PORT/ipp/print`
    public var uri: String { "ipp://127.0.0.1:\(port)/ipp/print" }

    /// Starts the printer and waits until it answers Get-Printer-Attributes.
    public init(behaviour: Behaviour = .prints) throws {
        try PrintServices.ensureRunning()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        name = "Coaching Kiosk Test \(suffix)"
        folder = NSTemporaryDirectory() + "coaching-kiosk-printer-" + suffix
        spoolDirectory = folder + "/spool"
        logPath = folder + "/ippeveprinter.log"
        try FileManager.default.createDirectory(atPath: spoolDirectory, withIntermediateDirectories: true)
        let command = folder + "/print-command"
        try Self.script(for: behaviour).write(toFile: command, atomically: true, encoding: .utf8)
        chmod(command, 0o755)

        var lastLog = ""
        for _ in 0..<3 {
            let port = try LoopbackPort.free()
            let process = try ChildProcess(
                [
                    "ippeveprinter", "-d", spoolDirectory, "-k", "-p", String(port), "-c", command,
                    "-f", "application/pdf", name,
                ],
                outputPath: logPath)
            if try Self.waitUntilReady(process, uri: "ipp://127.0.0.1:\(port)/ipp/print") {
                self.port = port
                self.process = process
                return
            }
            process.stop(signal: SIGKILL, timeout: 2)
            lastLog = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw TestFailure("ippeveprinter did not start:\n\(lastLog)")
    }

    private static func script(for behaviour: Behaviour) -> String {
        switch behaviour {
        case .prints:
            "#!/bin/sh\nexit 0\n"
        case .takes(let seconds):
            "#!/bin/sh\nsleep \(seconds)\n"
        case .fails(let message):
            "#!/bin/sh\necho 'ERROR: \(message.replacingOccurrences(of: "'", with: "'\\''"))' >&2\nexit 1\n"
        }
    }

    /// True once the printer takes requests; false if it stopped first.
    private static func waitUntilReady(_ process: ChildProcess, uri: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard process.isRunning else { return false }
            let (status, _) = try Subprocess.run(["ipptool", "-T", "2", "-q", uri, "get-printer-attributes.test"])
            if status == 0 { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// What ippeveprinter has written so far.
    public var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// The documents received in full so far, as paths, in job order.
    public func receivedDocuments() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: spoolDirectory)) ?? []
        // ippeveprinter opens the print command's output (`N-title.prn`) only
        // once the document (`N-title.pdf`) is written and closed.
        let finished = Set(names.filter { $0.hasSuffix(".prn") }.map { $0.dropLast(4) })
        return names.filter { $0.hasSuffix(".pdf") && finished.contains($0.dropLast(4)) }
            .sorted { (Int($0.prefix { $0.isNumber }) ?? 0, $0) < (Int($1.prefix { $0.isNumber }) ?? 0, $1) }
            .map { spoolDirectory + "/" + $0 }
    }

    /// Waits until at least `count` documents have arrived, and gives them all.
    @discardableResult
    public func waitForDocuments(count: Int, timeout: TimeInterval = 15) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let documents = receivedDocuments()
            if documents.count >= count { return documents }
            guard Date() < deadline else {
                throw TestFailure(
                    "the printer received \(documents.count) of \(count) documents in \(Int(timeout)) s:\n\(log)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    public var isRunning: Bool { process?.isRunning ?? false }

    /// Stops the printer; its spool folder stays until the printer is released.
    public func stop() {
        process?.stop(signal: SIGTERM, timeout: 5)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
