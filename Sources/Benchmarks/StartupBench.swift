import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark 5: from exec to the telnet port accepting a connection, on an
/// existing database, and the daemon's RSS once it is idle.
enum StartupBench {
    static let part = "start-up"

    static func run(
        binary: String, arguments: [String], environment: [String], workDirectory: String, runs: Int
    ) throws -> [Figure] {
        var times: [Double] = []
        var rss: [Double] = []
        // One start first, left out: it brings the binary and the libraries into the page cache.
        for round in 0..<(runs + 1) {
            let port = try LoopbackPort.free()
            let log = workDirectory + "/start-\(round).log"
            let start = monotonicSeconds()
            let child = try ChildProcess(
                [binary, "serve", "--telnet", "127.0.0.1:\(port)"] + arguments, outputPath: log,
                environment: environment)
            var accepted = false
            while monotonicSeconds() - start < 30 {
                if LoopbackPort.accepts(port) {
                    accepted = true
                    break
                }
                guard child.isRunning else { break }
                usleep(250)
            }
            let elapsed = (monotonicSeconds() - start) * 1000
            guard accepted else {
                child.stop(signal: SIGKILL, timeout: 2)
                throw BenchFailure("the daemon did not accept on port \(port):\n\(Daemon.tail(log))")
            }
            Thread.sleep(forTimeInterval: 1)
            let sample = ProcessSample.read(child.pid)
            let status = child.stop(signal: SIGTERM, timeout: 15)
            guard status == 0 else {
                throw BenchFailure("the daemon exited with status \(status) on SIGTERM:\n\(Daemon.tail(log))")
            }
            guard round >= 1 else { continue }
            times.append(elapsed)
            if let sample { rss.append(Double(sample.rssKiB) / 1024) }
        }
        let time = Percentiles(times)
        return [
            Figure(
                part: part, name: "exec → accepting telnet connections, p50", value: time?.p50, unit: "ms",
                target: .atMost(200),
                note: "\(runs) starts on the demo school's database; max \(Figure.format(time?.max ?? 0)) ms"),
            Figure(
                part: part, name: "idle RSS (1 s after start, no session)", value: Percentiles(rss)?.p50,
                unit: "MiB"),
        ]
    }
}
