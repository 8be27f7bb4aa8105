import Foundation
import NIOCore
import NIOPosix

/// One minute of the soak.
struct SoakRow: Codable, Sendable {
    var minute: Int
    var rssKiB: Int
    var threads: Int
    var cpuPercent: Double
    var keys: Int
    var echoP50: Double?
    var echoP99: Double?
    var formsSubmitted: Int
    var disconnected: Int
}

/// The soak: the session load for a long time, memory sampled each minute.
struct SoakReport: Codable, Sendable {
    var sessions: Int
    var minutes: Int
    var keysPerSecond: Double
    var rssAfterLoginKiB: Int
    var rows: [SoakRow]
    /// Minutes left out as warm-up before growth is judged.
    var warmUpMinutes: Int
    /// RSS at the last sample less RSS at the end of the warm-up.
    var growthKiB: Int
    /// Least-squares slope of RSS after the warm-up.
    var slopeKiBPerMinute: Double
    /// Growth within 2 % of the RSS at the end of the warm-up (or 1 MiB, whichever is more).
    var steady: Bool
    var problems: [String]

    var table: String {
        let headings = [
            "minute", "RSS MiB", "Δ since warm-up MiB", "threads", "CPU %", "keys", "echo p50 ms", "echo p99 ms",
            "forms", "dropped",
        ]
        let base = rows.first { $0.minute == warmUpMinutes }?.rssKiB ?? rows.first?.rssKiB ?? 0
        let lines = rows.map { row in
            [
                "\(row.minute)", String(format: "%.1f", Double(row.rssKiB) / 1024),
                row.minute < warmUpMinutes ? "(warm-up)" : String(format: "%+.1f", Double(row.rssKiB - base) / 1024),
                "\(row.threads)", String(format: "%.0f", row.cpuPercent), "\(row.keys)",
                row.echoP50.map(Figure.format) ?? "—", row.echoP99.map(Figure.format) ?? "—",
                "\(row.formsSubmitted)", "\(row.disconnected)",
            ]
        }
        return Table.render(headings: headings, rows: lines)
    }

    static func slope(_ points: [(Double, Double)]) -> Double {
        guard points.count >= 2 else { return 0 }
        let n = Double(points.count)
        let meanX = points.map(\.0).reduce(0, +) / n
        let meanY = points.map(\.1).reduce(0, +) / n
        let covariance = points.map { ($0.0 - meanX) * ($0.1 - meanY) }.reduce(0, +)
        let variance = points.map { ($0.0 - meanX) * ($0.0 - meanX) }.reduce(0, +)
        return variance > 0 ? covariance / variance : 0
    }
}

extension SessionBench {
    /// `load.clients` sessions typing GROWTH forms for `minutes`, the
    /// daemon's RSS and the echo latency sampled each minute.
    func soak(_ load: SessionLoad, minutes: Int) async throws -> SoakReport {
        let database = workDirectory + "/soak.sqlite"
        say("soak: making the school (the demo school and \(load.clients) bench staff)")
        try BenchSchool.make(path: database, clients: load.clients)
        let daemon = try Daemon(
            binary: daemonBinary, arguments: daemonArguments(database, load.clients), environment: daemonEnvironment,
            logPath: workDirectory + "/daemon-soak.log")
        defer { daemon.stop() }
        return try await withEventLoopGroup { group in
            try await soak(daemon, load: load, minutes: minutes, group: group)
        }
    }

    private func soak(_ daemon: Daemon, load: SessionLoad, minutes: Int, group: any EventLoopGroup) async throws
        -> SoakReport
    {
        say("soak: logging in \(load.clients) sessions")
        let clients = try await connectAll(load.clients, width: 8) { index in
            let client = try await TypingClient.connect(port: daemon.port, mode: .kiosk, group: group)
            try await client.waitFor("the login screen") { $0.contains("Staff code") && $0.contains("PIN") }
            try await client.send(BenchSchool.code(index) + "\r\n" + BenchSchool.pin + "\r\n")
            try await client.waitFor("the home menu") { $0.menuNumber(of: TypingClientHandler.sessionMenuLabel) != nil }
            return client
        }
        let loggedIn = daemon.sample
        let interval = load.interval
        let start = NIODeadline.now() + .milliseconds(500)
        for (index, client) in clients.enumerated() {
            let (steps, repeatFrom) = BenchSchool.growthScript(
                charactersPerField: load.charactersPerField, client: index)
            try await client.startTyping(
                script: steps, repeatFrom: repeatFrom, firstStep: start + load.phase(of: index, among: clients.count),
                interval: interval, recordFrom: .now())
        }
        var rows: [SoakRow] = []
        var problems: [String] = []
        var last = daemon.sample
        say("soak: \(load.clients) sessions typing for \(minutes) minutes")
        say("minute  RSS MiB  threads  CPU %  keys  echo p50 ms  echo p99 ms")
        for minute in 1...max(1, minutes) {
            try await Task.sleep(for: .seconds(60))
            var tally = ClientTally()
            for client in clients { tally.merge(try await client.drain()) }
            guard let now = daemon.sample else {
                problems.append("the daemon stopped in minute \(minute):\n\(Daemon.tail(daemon.logPath))")
                break
            }
            let cpu = last.map { (now.cpuSeconds - $0.cpuSeconds) / 60 * 100 } ?? 0
            last = now
            let echo = Percentiles(tally.echo, scale: 1e-6)
            problems += tally.problems.prefix(3)
            let row = SoakRow(
                minute: minute, rssKiB: now.rssKiB, threads: now.threads, cpuPercent: cpu, keys: tally.keysSent,
                echoP50: echo?.p50, echoP99: echo?.p99, formsSubmitted: tally.formsSubmitted,
                disconnected: tally.disconnected)
            rows.append(row)
            let p50 = echo.map { Figure.format($0.p50) } ?? "—"
            let p99 = echo.map { Figure.format($0.p99) } ?? "—"
            say(
                String(
                    format: "%6d  %7.1f  %7d  %5.0f  %5d  ", minute, Double(now.rssKiB) / 1024, now.threads, cpu,
                    tally.keysSent) + pad(p50, 11) + "  " + pad(p99, 11))
        }
        for client in clients { try? await client.stopTyping() }
        for client in clients { await client.close() }
        let warmUp = min(5, max(1, minutes / 6))
        let judged = rows.filter { $0.minute >= warmUp }
        let base = judged.first?.rssKiB ?? 0
        let growth = (judged.last?.rssKiB ?? base) - base
        let slope = SoakReport.slope(judged.map { (Double($0.minute), Double($0.rssKiB)) })
        return SoakReport(
            sessions: load.clients, minutes: minutes, keysPerSecond: load.keysPerSecond,
            rssAfterLoginKiB: loggedIn?.rssKiB ?? 0, rows: rows, warmUpMinutes: warmUp, growthKiB: growth,
            slopeKiBPerMinute: slope, steady: Double(growth) <= max(1024, Double(base) * 0.02), problems: problems)
    }
}

/// `text` right-aligned in `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
