import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A cupsd of the test's own, run from a temporary folder with its own
/// configuration, listening on a loopback port picked at run time, with
/// every log in that folder. It can be stopped and started again on the
/// same port with the same queues; it is stopped when released.
public final class PrivateCUPS: @unchecked Sendable {
    public let folder: String
    public private(set) var port: Int
    private var process: ChildProcess?

    /// `127.0.0.1:PORT`, for `CUPS_SERVER`, `lpadmin -h` and libcups's `cupsSetServer`.
    public var server: String { "127.0.0.1:\(port)" }
    public var errorLogPath: String { folder + "/log/error_log" }
    private var configurationPath: String { folder + "/cupsd.conf" }
    private var filesPath: String { folder + "/cups-files.conf" }
    private var outputPath: String { folder + "/cupsd.out" }

    /// Writes the configuration and starts cupsd.
    public init() throws {
        folder = NSTemporaryDirectory() + "coaching-kiosk-cupsd-" + UUID().uuidString.prefix(8).lowercased()
        port = try LoopbackPort.free()
        var lastFailure: (any Error)?
        for attempt in 0..<3 {
            if attempt > 0 { port = try LoopbackPort.free() }
            try? FileManager.default.removeItem(atPath: folder)
            try writeConfiguration()
            do {
                try start()
                return
            } catch {
                lastFailure = error
            }
        }
        throw lastFailure ?? TestFailure("cupsd did not start")
    }

    private func writeConfiguration() throws {
        for directory in ["spool/tmp", "cache", "state", "log", "ssl", "ppd"] {
            try FileManager.default.createDirectory(
                atPath: folder + "/" + directory, withIntermediateDirectories: true)
        }
        // Open to anyone on the loopback interface, no authentication: it
        // lives for one test run. Job details are public so a test (and the
        // kiosk, as another user) can read every job's state and messages.
        let configuration = """
            Listen 127.0.0.1:\(port)
            Browsing Off
            LogLevel warn
            WebInterface No
            DefaultAuthType None
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Location /admin>
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              JobPrivateAccess all
              JobPrivateValues none
              SubscriptionPrivateAccess all
              SubscriptionPrivateValues none
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>

            """
        // Started as root, cupsd runs filters and backends as User lp and
        // hands its folders to group lp itself, so they need no chown. Every
        // file cupsd writes is in the folder (the printcap too, which would
        // otherwise go to /run/cups); ServerBin and DataDir stay the system's,
        // for its filters and backends.
        let files = """
            FileDevice yes
            User lp
            Group lp
            SystemGroup root
            ServerRoot \(folder)
            RequestRoot \(folder)/spool
            TempDir \(folder)/spool/tmp
            CacheDir \(folder)/cache
            StateDir \(folder)/state
            ServerKeychain \(folder)/ssl
            AccessLog \(folder)/log/access_log
            ErrorLog \(folder)/log/error_log
            PageLog \(folder)/log/page_log
            Printcap \(folder)/printcap

            """
        try configuration.write(toFile: configurationPath, atomically: true, encoding: .utf8)
        try files.write(toFile: filesPath, atomically: true, encoding: .utf8)
    }

    /// Starts cupsd (again) and waits until it answers.
    public func start() throws {
        guard !isRunning else { return }
        let process = try ChildProcess(
            ["cupsd", "-f", "-c", configurationPath, "-s", filesPath], outputPath: outputPath)
        self.process = process
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard process.isRunning else { break }
            if LoopbackPort.accepts(port),
                let (status, _) = try? Subprocess.run(["lpstat", "-h", server, "-r"]), status == 0
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.stop(signal: SIGKILL, timeout: 2)
        self.process = nil
        throw TestFailure("cupsd did not start on \(server):\n\(diagnosis)")
    }

    /// What cupsd says about itself: its output, the end of its error_log,
    /// its queues and jobs if it runs, its configuration check if not.
    public var diagnosis: String {
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorLogPath, encoding: .utf8)) ?? ""
        let tail = errors.split(separator: "\n", omittingEmptySubsequences: false).suffix(40).joined(separator: "\n")
        var text = "cupsd output:\n\(output)\nerror_log (end):\n\(tail)\n"
        if isRunning {
            let lpstat = try? Subprocess.run(["lpstat", "-h", server, "-l", "-p", "-W", "all", "-o"])
            text += "lpstat:\n\(lpstat?.output ?? "")"
        } else {
            // cupsd -t logs to the same error_log, so it comes after reading it.
            let check = try? Subprocess.run(["cupsd", "-t", "-c", configurationPath, "-s", filesPath])
            text += "cupsd is not running; cupsd -t:\n\(check?.output ?? "")"
        }
        return text
    }

    public var isRunning: Bool { process?.isRunning ?? false }

    /// Adds an enabled queue `name` that prints to `uri` with an IPP
    /// Everywhere driver made from the printer's answers (so the printer
    /// must be up), and waits until the queue can take a PDF.
    public func addQueue(name: String, uri: String) throws {
        var output = ""
        for attempt in 0..<5 {
            if attempt > 0 { Thread.sleep(forTimeInterval: 0.5) }
            let result = try Subprocess.run(["lpadmin", "-h", server, "-p", name, "-E", "-v", uri, "-m", "everywhere"])
            if result.status == 0 {
                try waitUntilReady(queue: name)
                return
            }
            output = result.output
        }
        throw TestFailure("lpadmin could not add the queue \(name) for \(uri):\n\(output)\n\(diagnosis)")
    }

    /// cupsd answers lpadmin before it has made the queue's driver: a job
    /// sent in between is aborted ("Unable to convert file 0 to printable
    /// format"). The queue is ready once it names its IPP Everywhere model
    /// and takes PDF.
    private func waitUntilReady(queue name: String) throws {
        let test = folder + "/queue-ready.test"
        try """
        {
            NAME "The queue has its IPP Everywhere driver"
            OPERATION Get-Printer-Attributes
            GROUP operation-attributes-tag
            ATTR charset attributes-charset utf-8
            ATTR naturalLanguage attributes-natural-language en
            ATTR uri printer-uri $uri
            ATTR keyword requested-attributes printer-make-and-model,document-format-supported
            STATUS successful-ok
            EXPECT printer-make-and-model WITH-VALUE "/IPP Everywhere/"
            EXPECT document-format-supported WITH-VALUE "application/pdf"
        }

        """.write(toFile: test, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            let result = try Subprocess.run(["ipptool", "-T", "2", "-t", "ipp://\(server)/printers/\(name)", test])
            if result.status == 0 { return }
            last = result.output
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the queue \(name) never got its driver:\n\(last)\n\(diagnosis)")
    }

    /// Makes `name` the queue that jobs for the default printer go to.
    public func setDefault(queue name: String) throws {
        let (status, output) = try Subprocess.run(["lpadmin", "-h", server, "-d", name])
        guard status == 0 else { throw TestFailure("lpadmin -d \(name) failed:\n\(output)") }
    }

    /// Stops cupsd; `start()` brings it back on the same port with the same queues and jobs.
    public func stop() {
        process?.stop(signal: SIGTERM, timeout: 10)
        process = nil
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
