import Coaching
import CoachingStore
import Foundation
import TestSupport
import Testing

/// The real `coaching-kiosk serve`, started on a loopback port picked at
/// run time, on a small school made for the test; stopped at the end.
final class KioskDaemon: @unchecked Sendable {
    let folder: String
    let database: String
    private(set) var port = 0
    private var process: ChildProcess?
    private var outputPath: String
    let extraArguments: [String]

    static var formsFolder: String { Repository.forms }
    static var layoutsFolder: String { Repository.layouts }

    private let ownsFolder: Bool

    init(arguments: [String] = []) throws {
        folder = NSTemporaryDirectory() + "kiosk-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = folder + "/coaching.sqlite"
        outputPath = folder + "/daemon.log"
        extraArguments = arguments
        ownsFolder = true
        try TestSchool.make(at: database)
    }

    private init(folder: String, arguments: [String]) {
        self.folder = folder
        database = folder + "/coaching.sqlite"
        outputPath = folder + "/daemon-\(UUID().uuidString).log"
        extraArguments = arguments
        ownsFolder = false
    }

    /// Another daemon on the same school and folder, with other arguments.
    static func reusing(_ other: KioskDaemon, arguments: [String]) throws -> KioskDaemon {
        KioskDaemon(folder: other.folder, arguments: arguments)
    }

    /// Starts the daemon and waits until it listens (or, with `--no-telnet`, until it runs).
    func start(telnet: Bool = true, environment: [String] = []) throws {
        var arguments = [
            Repository.kioskBinary, "serve", "--database", database, "--forms", Self.formsFolder, "--layouts",
            Self.layoutsFolder, "--school-name", "Ysgol Prawf",
        ]
        if telnet { arguments += ["--telnet", "127.0.0.1:0"] }
        try Data().write(to: URL(fileURLWithPath: outputPath))
        let process = try ChildProcess(arguments + extraArguments, outputPath: outputPath, environment: environment)
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = output
            if telnet, let range = text.range(of: "Listening for telnet on 127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) {
                    self.port = port
                    return
                }
            }
            if !telnet && text.contains("is running") { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the daemon did not start:\n\(output)")
    }

    /// What the daemon has written so far.
    var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    var isRunning: Bool { process?.isRunning ?? false }

    /// Stops the daemon with `signal` and waits for it; its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        process?.stop(signal: signal) ?? 0
    }

    func send(signal: Int32) {
        process?.send(signal: signal)
    }

    func store() throws -> CoachingStore { try CoachingStore(path: database) }

    deinit {
        stop(signal: SIGKILL)
        if ownsFolder { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// A small school with known PINs: one trio in a cycle at the pre-lesson
/// stage, a head, an office member.
enum TestSchool {
    static let pins: [StaffCode: String] = ["SJO": "2468", "DAP": "1357", "ZOB": "8642", "HED": "9753", "OFF": "5317"]

    static func make(at path: String) throws {
        let store = try CoachingStore(path: path)
        let technician = Actor.commandLine(user: "test")
        let staff = [
            StaffMember(code: "SJO", name: "Siân Jones", subject: "Maths"),
            StaffMember(code: "DAP", name: "Dafydd ap Rhys", subject: "Science", roles: [.coach]),
            StaffMember(code: "ZOB", name: "Zoë O'Brien", subject: "English"),
            StaffMember(code: "HED", name: "Ŵyn Hughes", subject: "Leadership", roles: [.head]),
            StaffMember(code: "OFF", name: "Mair Price", subject: "Office", roles: [.office]),
        ]
        for member in staff { try store.addStaff(member, by: technician) }
        for (code, pin) in pins { try store.setPIN(pin, for: code, by: technician) }
        try store.addPriority(Priority(code: "P1", title: "Oracy across the curriculum"), by: technician)
        var cycle = CoachingCycle(
            trio: try Trio(coachee: "SJO", coach: "DAP", observer: "ZOB"), priority: "P1",
            focus: "Talk partners in Year 7 maths", startedOn: store.today.adding(days: -14))
        try cycle.advance(on: store.today.adding(days: -7))
        try store.startCycle(cycle, by: technician)
        try store.close()
    }
}
