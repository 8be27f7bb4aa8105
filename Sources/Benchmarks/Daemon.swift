import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What /proc says about a process: its resident memory and CPU time.
struct ProcessSample: Sendable {
    /// VmRSS, in KiB.
    var rssKiB: Int
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double
    /// Threads.
    var threads: Int

    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    static func read(_ pid: pid_t) -> ProcessSample? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        else { return nil }
        func field(_ name: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return ProcessSample(
            rssKiB: field("VmRSS") ?? 0, cpuSeconds: (user + system) / ticksPerSecond, threads: field("Threads") ?? 0)
    }
}

/// The release daemon, started as a child process for a benchmark.
final class Daemon: @unchecked Sendable {
    let process: ChildProcess
    let logPath: String
    /// The telnet port it listens on.
    let port: Int

    var pid: pid_t { process.pid }

    /// Starts `coaching-kiosk serve` on 127.0.0.1 with a port the kernel
    /// picks, and waits for its "Listening for telnet on HOST:PORT" line.
    init(
        binary: String, arguments: [String], environment: [String] = [], logPath: String, timeout: TimeInterval = 60
    ) throws {
        self.logPath = logPath
        try? FileManager.default.removeItem(atPath: logPath)
        process = try ChildProcess(
            [binary, "serve", "--telnet", "127.0.0.1:0"] + arguments, outputPath: logPath, environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let port = Self.listeningPort(in: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "") {
                self.port = port
                return
            }
            guard process.isRunning else {
                throw BenchFailure("the daemon stopped before it listened:\n\(Self.tail(logPath))")
            }
            guard Date() < deadline else {
                process.stop(signal: SIGKILL, timeout: 2)
                throw BenchFailure("the daemon did not listen within \(Int(timeout)) s:\n\(Self.tail(logPath))")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    static func listeningPort(in log: String) -> Int? {
        let marker = "Listening for telnet on "
        guard let range = log.range(of: marker) else { return nil }
        let line = log[range.upperBound...].prefix { $0 != "\n" }
        guard line.count < log.count, let colon = line.lastIndex(of: ":") else { return nil }
        return Int(line[line.index(after: colon)...])
    }

    var sample: ProcessSample? { ProcessSample.read(pid) }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, as systemd stops it; the exit status.
    @discardableResult
    func stop() -> Int32 {
        process.stop(signal: SIGTERM, timeout: 30)
    }

    static func tail(_ path: String, lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

/// A benchmark that could not run, with what it saw.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Raises this process's open-file limit to its hard limit (the children inherit it).
func raiseFileLimit() -> Int {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    limit.rlim_cur = limit.rlim_max
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    return Int(limit.rlim_cur)
}

/// Runs a command to its end; its status and output.
func runCommand(_ argv: [String]) throws -> (status: Int32, output: String) {
    try Subprocess.run(argv)
}

/// The filesystem type (ext4, tmpfs, overlay …) that holds `path`, from /proc/mounts.
func filesystemType(of path: String) -> String {
    let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
    var best = (point: "", type: "unknown")
    for line in mounts.split(separator: "\n") {
        let fields = line.split(separator: " ")
        guard fields.count > 2 else { continue }
        let point = String(fields[1])
        let inside = path == point || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
        if inside, point.count >= best.point.count { best = (point, String(fields[2])) }
    }
    return best.type
}
