import ArgumentParser
import Coaching
import CoachingStore
import DemoSchool
import Documents
import Foundation
import Sheets

#if canImport(Glibc)
    import Glibc
#endif

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coaching-kiosk-bench",
        abstract: "Measure the kiosk: sessions, documents, the store, reports and start-up.",
        discussion: """
            Runs the release daemon (coaching-kiosk beside this program, or --daemon) as a child \
            process and measures it from outside, each figure beside its target and, where there is \
            one, its physical floor (a bare TCP echo on loopback, plain sqlite3). Prints a table and \
            writes the figures as JSON. Build both in release first (make bench does).
            """)

    static let parts = ["sessions", "documents", "store", "reports", "start-up"]

    @Option(help: "Session counts, comma-separated (default 500,1000; 50 with --quick).")
    var sessions: String?
    @Flag(help: "A smoke run: 50 sessions, 10 s of typing, few iterations. Figures are indicative only.")
    var quick = false
    @Option(help: ArgumentHelp("Run the soak instead: the session load for this many minutes.", valueName: "minutes"))
    var soak: Int?
    @Option(
        help: ArgumentHelp("Where the figures go (default bench-results.json, soak-results.json).", valueName: "path"))
    var json: String?
    @Option(help: ArgumentHelp("The daemon binary. Default: coaching-kiosk beside this program.", valueName: "path"))
    var daemon: String?
    @Option(help: ArgumentHelp("The proforma folder. Default: forms/ of the repository.", valueName: "path"))
    var forms: String?
    @Option(help: ArgumentHelp("The layout folder. Default: layouts/ of the repository.", valueName: "path"))
    var layouts: String?
    @Option(help: "Parts to leave out: sessions, documents, store, reports, start-up (comma-separated).")
    var skip: String?
    @Option(help: "Parts to run, leaving out the rest (comma-separated).")
    var only: String?
    @Option(help: "Seconds of typing counted at each session count (default 60; 10 with --quick).")
    var typingSeconds: Double?
    @Option(
        help: ArgumentHelp(
            "The kiosk and its floor type in turns of this many seconds (default 5; 2 with --quick).",
            valueName: "seconds"))
    var turns: Double?
    @Option(help: "Keys a second each client types.")
    var keysPerSecond: Double = 5
    @Option(help: "Characters typed into each GROWTH field before Tab (default 40; 8 with --quick).")
    var charactersPerField: Int?
    @Option(
        help: ArgumentHelp(
            "The synthetic trust's database: used if it exists, else generated there (and kept).", valueName: "path"))
    var trust: String?
    @Option(help: ArgumentHelp("Where the bench's files go. Default: a new temporary folder.", valueName: "path"))
    var workDirectory: String?
    @Option(
        name: .customLong("daemon-env"),
        help: ArgumentHelp(
            "NAME=VALUE added to the daemon's environment, for experiments (repeatable), e.g. MALLOC_ARENA_MAX=2.",
            valueName: "name=value"))
    var daemonEnvironment: [String] = []
    @Flag(help: "Keep the work folder (databases, daemon logs, PDFs).")
    var keepWork = false

    func validate() throws {
        for name in (parts(skip) + parts(only)) where !Self.parts.contains(name) {
            throw ValidationError("unknown part \(name); the parts are \(Self.parts.joined(separator: ", "))")
        }
        if sessionCounts.isEmpty || sessionCounts.contains(where: { $0 < 1 }) {
            throw ValidationError("--sessions takes counts like 500,1000")
        }
        if let soak, soak < 1 { throw ValidationError("--soak takes a number of minutes, 1 or more") }
        if let turns, turns < 1 || turns > typingDuration {
            throw ValidationError(
                "--turns takes seconds from 1 to the typing time (\(Figure.format(typingDuration)) s)")
        }
        if keysPerSecond <= 0 || keysPerSecond > 1000 { throw ValidationError("--keys-per-second: 0 to 1000") }
    }

    private func parts(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    var sessionCounts: [Int] {
        guard let sessions else { return quick ? [50] : [500, 1000] }
        return sessions.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 }
    }

    func runs(_ part: String) -> Bool {
        let chosen = parts(only)
        return (chosen.isEmpty || chosen.contains(part)) && !parts(skip).contains(part)
    }

    func run() async throws {
        let files = raiseFileLimit()
        let binary = try daemonBinary()
        let formsDirectory = try Self.locate(forms, "forms", marker: "session.yaml")
        let layoutsDirectory = try Self.locate(layouts, "layouts", marker: "agreement.yaml")
        let work = workDirectory ?? (NSTemporaryDirectory() + "coaching-kiosk-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: work + "/printed", withIntermediateDirectories: true)
        defer { if !keepWork && workDirectory == nil { try? FileManager.default.removeItem(atPath: work) } }
        let jsonPath = json ?? (soak == nil ? "bench-results.json" : "soak-results.json")
        let format = ISO8601DateFormatter()
        var results = BenchResults(
            date: format.string(from: Date()), machine: .current(), quick: quick,
            options: [
                "sessions": sessionCounts.map(String.init).joined(separator: ","),
                "keysPerSecond": Figure.format(keysPerSecond), "typingSeconds": Figure.format(typingDuration),
                "turnSeconds": Figure.format(turnSeconds),
                "charactersPerField": "\(fieldLength)", "daemon": binary,
                "daemonEnvironment": daemonEnvironment.joined(separator: " "),
            ])
        let machine = results.machine
        say(
            "Coaching Kiosk benchmarks\(quick ? " (quick: indicative only)" : "") on \(machine.hostname): "
                + "\(machine.cpu), \(machine.cores) cores, \(machine.memoryMiB) MiB; load \(machine.loadAverage)")
        say("daemon \(binary); work folder \(work); open files up to \(files)")
        let daemonArguments: @Sendable (String, Int) -> [String] = { database, sessions in
            [
                "--database", database, "--forms", formsDirectory, "--layouts", layoutsDirectory,
                "--printer", "dir:\(work)/printed", "--school-name", "Ysgol Cae'r Onnen",
                "--max-sessions", "\(sessions + 16)", "--max-per-address", "\(sessions + 16)",
                "--idle-timeout", "7200",
            ]
        }

        if let soak {
            let clients = sessionCounts.first ?? 500
            try checkFiles(files, clients: clients)
            let bench = SessionBench(
                daemonBinary: binary, daemonArguments: daemonArguments, daemonEnvironment: daemonEnvironment,
                workDirectory: work)
            let report = try await bench.soak(sessionLoad(clients), minutes: soak)
            results.soak = report
            results.loadAverageAtEnd = Machine.loadAverage()
            try results.write(to: jsonPath)
            say("")
            say("Soak: \(clients) sessions at \(Figure.format(keysPerSecond)) keys/s each for \(soak) minutes")
            say(report.table)
            say(
                "RSS after warm-up (minute \(report.warmUpMinutes)) to the end: "
                    + String(
                        format: "%+.1f MiB, %+.1f KiB a minute: ", Double(report.growthKiB) / 1024,
                        report.slopeKiBPerMinute)
                    + (report.steady ? "steady" : "GROWING"))
            for problem in report.problems.prefix(5) { say("problem: \(problem)") }
            say("JSON: \(jsonPath)")
            return
        }

        func record(_ figures: [Figure]) {
            results.figures += figures
            for figure in figures {
                say("  \(figure.part): \(figure.name): \(figure.valueText) \(figure.result.rawValue)")
            }
            try? results.write(to: jsonPath)
        }
        func failed(_ part: String, _ error: any Error) {
            record([.notRun(part: part, name: "all", unit: "", because: "\(error)")])
        }

        // 1. Sessions.
        if runs("sessions") {
            do {
                let most = sessionCounts.max() ?? 0
                try checkFiles(files, clients: most)
                let bench = SessionBench(
                    daemonBinary: binary, daemonArguments: daemonArguments, daemonEnvironment: daemonEnvironment,
                    workDirectory: work)
                for count in sessionCounts {
                    let load = sessionLoad(count)
                    say(
                        "sessions: the daemon, \(count) clients logging in (a school of \(count + 35) staff), "
                            + "then typing in turns of \(Figure.format(turnSeconds)) s with \(count) clients "
                            + "of a bare TCP echo (the floor)")
                    let (kiosk, floor) = try await bench.compare(load, turnSeconds: turnSeconds)
                    record(SessionBench.figures(kiosk: kiosk, floor: floor, load: load))
                }
            } catch {
                failed("sessions", error)
            }
        }

        // The demo school, for documents and start-up; the synthetic trust, for the trustee pack and reports.
        var demo: String?
        if runs("documents") || runs("start-up") {
            do {
                let path = work + "/demo.sqlite"
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                let store = try CoachingStore(path: path)
                _ = try DemoSchool.build(into: store, today: store.today, by: .commandLine(user: "bench"))
                try store.close()
                demo = path
            } catch {
                failed("documents", error)
            }
        }
        var trustPath: String?
        var trustProblem = "not needed"
        if runs("documents") || runs("reports") {
            let made = synthesizeTrust(binary: binary, work: work)
            trustPath = made.path
            trustProblem = made.note
            if let seconds = made.seconds {
                record([
                    Figure(
                        part: "documents", name: "making the synthetic trust (not a target)", value: seconds,
                        unit: "s", note: made.note)
                ])
            }
        }

        // 2. Documents.
        if runs("documents"), let demo {
            do {
                let catalog = try LayoutCatalog.load(
                    directory: layoutsDirectory, vocabularies: DocumentKind.vocabularies)
                let documents = DocumentBench(
                    workDirectory: work, layouts: catalog, iterations: quick ? 20 : 200,
                    packIterations: quick ? 1 : 5, printIterations: quick ? 3 : 10)
                say("documents: the coaching agreement")
                record(try documents.agreement(demo: demo))
                say("documents: the trustee pack of the demo school")
                record(try documents.trusteePack(database: demo, label: "demo school", held: false))
                if let trustPath {
                    say("documents: the trustee pack of the synthetic trust")
                    record(try documents.trusteePack(database: trustPath, label: "synthetic trust", held: true))
                } else {
                    record([
                        .notRun(
                            part: "documents", name: "trustee pack, synthetic trust", unit: "ms",
                            target: .atMost(2000), because: trustProblem)
                    ])
                }
                say("documents: printing to ippeveprinter")
                do { record(try documents.printing(demo: demo)) } catch {
                    record([
                        .notRun(
                            part: "documents", name: "print request → accepted by ippeveprinter", unit: "ms",
                            because: "\(error)")
                    ])
                }
            } catch {
                failed("documents", error)
            }
        }

        // 3. Store.
        if runs("store") {
            say("store: GROWTH submissions, the store and plain sqlite3")
            do { record(try StoreBench.run(workDirectory: work, submissions: quick ? 200 : 2000)) } catch {
                failed("store", error)
            }
        }

        // 4. Reports.
        if runs("reports") {
            if let trustPath {
                say("reports: every report at every level on the synthetic trust")
                do { record(try ReportBench.run(trust: trustPath, iterations: quick ? 1 : 5)) } catch {
                    failed("reports", error)
                }
            } else {
                record([
                    .notRun(
                        part: "reports", name: "every report", unit: "ms", target: .atMost(200), because: trustProblem)
                ])
            }
        }

        // 5. Start-up.
        if runs("start-up"), let demo {
            say("start-up: exec to accepting connections")
            do {
                let copy = work + "/startup.sqlite"
                try BenchSchool.copy(demo, to: copy)
                record(
                    try StartupBench.run(
                        binary: binary, arguments: daemonArguments(copy, 64), environment: daemonEnvironment,
                        workDirectory: work,
                        runs: quick ? 3 : 10))
            } catch {
                failed("start-up", error)
            }
        }

        results.loadAverageAtEnd = Machine.loadAverage()
        try results.write(to: jsonPath)
        say("")
        say(
            "\(results.date) · \(machine.hostname) · \(machine.cpu), \(machine.cores) cores, \(machine.memoryMiB) MiB"
                + " · load at start \(machine.loadAverage), at end \(results.loadAverageAtEnd ?? "?")")
        say(Table.render(results.figures))
        say("JSON: \(jsonPath)")
    }

    var fieldLength: Int { charactersPerField ?? (quick ? 8 : 40) }

    var typingDuration: Double { typingSeconds ?? (quick ? 10 : 60) }
    var turnSeconds: Double { turns ?? (quick ? 2 : 5) }

    func sessionLoad(_ clients: Int) -> SessionLoad {
        SessionLoad(
            clients: clients, keysPerSecond: keysPerSecond, seconds: typingDuration,
            warmUpSeconds: quick ? 5 : 10, charactersPerField: fieldLength)
    }

    func checkFiles(_ limit: Int, clients: Int) throws {
        // Each client is one descriptor here and one in the daemon (or the echo server, here too).
        guard limit >= 2 * clients + 256 else {
            throw BenchFailure(
                "\(clients) sessions need about \(2 * clients + 256) open files, but the limit is \(limit): "
                    + "raise it (ulimit -n) or give fewer --sessions")
        }
    }

    /// The daemon binary: --daemon, or coaching-kiosk beside this program.
    func daemonBinary() throws -> String {
        if let daemon {
            guard FileManager.default.isExecutableFile(atPath: daemon) else {
                throw ValidationError("--daemon \(daemon) is not an executable file")
            }
            return daemon.hasPrefix("/") ? daemon : FileManager.default.currentDirectoryPath + "/" + daemon
        }
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let beside = (me as NSString).deletingLastPathComponent + "/coaching-kiosk"
        guard FileManager.default.isExecutableFile(atPath: beside) else {
            throw ValidationError(
                "there is no coaching-kiosk beside this program (\(beside)): build it in release with the same "
                    + "scratch path (swift build -c release --product coaching-kiosk), or give --daemon PATH")
        }
        return beside
    }

    /// A folder given, or `name` in the current folder, or in a folder above this program.
    static func locate(_ given: String?, _ name: String, marker: String) throws -> String {
        let manager = FileManager.default
        if let given {
            guard manager.fileExists(atPath: given + "/" + marker) else {
                throw ValidationError("\(given) has no \(marker)")
            }
            return given.hasPrefix("/") ? given : manager.currentDirectoryPath + "/" + given
        }
        var candidates = [manager.currentDirectoryPath]
        var folder = (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        while folder.count > 1 {
            folder = (folder as NSString).deletingLastPathComponent
            candidates.append(folder)
        }
        for candidate in candidates where manager.fileExists(atPath: "\(candidate)/\(name)/\(marker)") {
            return "\(candidate)/\(name)"
        }
        throw ValidationError("cannot find the \(name) folder: run from the repository or give --\(name) PATH")
    }

    /// The synthetic trust of the reports issue: 2,000 staff, 5,000 cycles,
    /// 20,000 sessions, made by `coaching-kiosk generate`.
    func synthesizeTrust(binary: String, work: String) -> (path: String?, seconds: Double?, note: String) {
        if let trust, FileManager.default.fileExists(atPath: trust) {
            return (trust, nil, "the trust in \(trust)")
        }
        let path = trust ?? (work + "/trust.sqlite")
        let argv = [
            binary, "generate", "--staff", "2000", "--cycles", "5000", "--sessions", "20000", "--database", path,
        ]
        say("making the synthetic trust: \(argv.dropFirst().joined(separator: " "))")
        let start = monotonicSeconds()
        do {
            let (status, output) = try runCommand(argv)
            let seconds = monotonicSeconds() - start
            guard status == 0 else {
                let first = output.split(separator: "\n").prefix(3).joined(separator: " ")
                return (nil, nil, "`coaching-kiosk generate` failed (status \(status)): \(first)")
            }
            return (path, seconds, "coaching-kiosk generate --staff 2000 --cycles 5000 --sessions 20000")
        } catch {
            return (nil, nil, "cannot run coaching-kiosk generate: \(error)")
        }
    }
}
