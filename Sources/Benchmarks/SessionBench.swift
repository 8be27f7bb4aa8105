import Foundation
import NIOCore
import NIOPosix

/// The physical floor: a bare TCP echo server in this process, on loopback.
final class EchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// How the session load runs.
struct SessionLoad: Sendable {
    var clients: Int
    var keysPerSecond: Double
    /// How long latency is measured for, after the warm-up.
    var seconds: Double
    /// From the first key to the first one counted.
    var warmUpSeconds: Double
    var charactersPerField: Int

    var interval: TimeAmount { .nanoseconds(Int64((1e9 / keysPerSecond).rounded())) }

    /// When in each interval client `index` types: the clients' clocks
    /// are spread evenly over one interval.
    func phase(of index: Int, among count: Int) -> TimeAmount {
        .nanoseconds(interval.nanoseconds * Int64(index) / Int64(max(1, count)))
    }
}

/// What one run of the load measured.
struct LoadOutcome: Sendable {
    var tally: ClientTally
    var seconds: Double
    var daemon: DaemonFigures?
}

/// The daemon's memory and CPU through a run.
struct DaemonFigures: Sendable {
    /// Just started.
    var rssFreshKiB: Int
    /// After two logins (and logouts): the baseline.
    var rssStartKiB: Int
    /// With half the sessions logged in.
    var rssHalfwayKiB: Int
    var rssLoggedInKiB: Int
    var rssTypingKiB: Int
    var rssAfterKiB: Int
    var cpuSecondsTyping: Double
    var loginSeconds: Double
    var threads: Int
    var exitStatus: Int32
    var logProblems: [String]
    var sessionsWritten: Int?
}

/// Benchmark 1: N telnet clients against the real daemon, and the same
/// clients against a bare echo server.
struct SessionBench {
    let daemonBinary: String
    let daemonArguments: (_ database: String, _ sessions: Int) -> [String]
    /// NAME=VALUE settings added to the daemon's environment (MALLOC_ARENA_MAX=2, say).
    let daemonEnvironment: [String]
    let workDirectory: String

    /// The bare echo floor for `load`.
    func floor(_ load: SessionLoad) async throws -> LoadOutcome {
        try await withEventLoopGroup { serverGroup in
            try await withEventLoopGroup { clientGroup in
                let server = try await ServerBootstrap(group: serverGroup)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .serverChannelOption(.backlog, value: 256)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(EchoHandler())
                        }
                    }
                    .bind(host: "127.0.0.1", port: 0).get()
                guard let port = server.localAddress?.port else { throw BenchFailure("the echo server has no port") }
                do {
                    let clients = try await connectAll(load.clients, width: 32) { _ in
                        try await TypingClient.connect(port: port, mode: .echo, group: clientGroup)
                    }
                    let outcome = try await type(
                        clients, script: { _ in ([.type(UInt8(ascii: "x"), field: nil)], 0) }, load: load, daemon: nil)
                    for client in clients { await client.close() }
                    try? await server.close()
                    return outcome
                } catch {
                    try? await server.close()
                    throw error
                }
            }
        }
    }

    /// The daemon with `load.clients` sessions logged in and typing.
    func kiosk(_ load: SessionLoad) async throws -> LoadOutcome {
        let database = workDirectory + "/sessions-\(load.clients).sqlite"
        // A school the size of the load: what a session holds may grow with the staff list.
        // Two more staff log in and out before the count starts.
        try BenchSchool.make(path: database, clients: load.clients + 2)
        let daemon = try Daemon(
            binary: daemonBinary, arguments: daemonArguments(database, load.clients), environment: daemonEnvironment,
            logPath: workDirectory + "/daemon-\(load.clients).log")
        var stopped = false
        defer { if !stopped { daemon.stop() } }
        try await Task.sleep(for: .seconds(1))
        guard let fresh = daemon.sample else { throw BenchFailure("cannot read /proc for the daemon") }
        var outcome = try await withEventLoopGroup { group in
            try await drive(daemon, load: load, fresh: fresh, group: group)
        }
        let exitStatus = daemon.stop()
        stopped = true
        let problems = daemon.log.split(separator: "\n")
            .filter { $0.contains("error") || $0.contains("critical") || $0.contains("warning") }.map(String.init)
        outcome.daemon?.exitStatus = exitStatus
        outcome.daemon?.logProblems = problems
        outcome.daemon?.sessionsWritten = try? BenchSchool.sessionsWritten(in: database)
        return outcome
    }

    /// Logs every client in, has them type, lets them go; the daemon's figures.
    ///
    /// Two sessions log in and leave first: checking a PIN takes scrypt's
    /// 16 MiB working buffer on each of the store's two threads, which the
    /// allocator may keep. The RSS after that is the baseline, so the figure
    /// per session is what each session costs, not that one-off.
    private func drive(_ daemon: Daemon, load: SessionLoad, fresh: ProcessSample, group: any EventLoopGroup)
        async throws -> LoadOutcome
    {
        let logIn: @Sendable (Int) async throws -> TypingClient = { index in
            let client = try await TypingClient.connect(port: daemon.port, mode: .kiosk, group: group)
            try await client.waitFor("the login screen") { $0.contains("Staff code") && $0.contains("PIN") }
            try await client.send(BenchSchool.code(index) + "\r\n" + BenchSchool.pin + "\r\n")
            try await client.waitFor("the home menu after logging in as \(BenchSchool.code(index))") {
                $0.menuNumber(of: TypingClientHandler.sessionMenuLabel) != nil
            }
            return client
        }
        let warmUp = try await connectAll(2, width: 2) { try await logIn(load.clients + $0) }
        for client in warmUp { await client.close() }
        try await Task.sleep(for: .seconds(2))
        let start = daemon.sample ?? fresh

        let loginStart = monotonicSeconds()
        let half = load.clients / 2
        var clients = try await connectAll(half, width: 8, logIn)
        try await Task.sleep(for: .seconds(1))
        let halfway = daemon.sample ?? start
        clients += try await connectAll(load.clients - half, width: 8) { try await logIn(half + $0) }
        let loginSeconds = monotonicSeconds() - loginStart - 1
        try await Task.sleep(for: .seconds(2))
        let loggedIn = daemon.sample ?? start

        var outcome = try await type(
            clients, script: { BenchSchool.growthScript(charactersPerField: load.charactersPerField, client: $0) },
            load: load, daemon: daemon)
        let typing = outcome.daemon
        for client in clients { await client.close() }
        try await Task.sleep(for: .seconds(2))
        let after = daemon.sample ?? loggedIn
        outcome.daemon = DaemonFigures(
            rssFreshKiB: fresh.rssKiB, rssStartKiB: start.rssKiB, rssHalfwayKiB: halfway.rssKiB,
            rssLoggedInKiB: loggedIn.rssKiB, rssTypingKiB: typing?.rssTypingKiB ?? 0, rssAfterKiB: after.rssKiB,
            cpuSecondsTyping: typing?.cpuSecondsTyping ?? 0, loginSeconds: loginSeconds, threads: loggedIn.threads,
            exitStatus: 0, logProblems: [], sessionsWritten: nil)
        return outcome
    }

    /// Connects `count` clients, `width` at a time (the daemon checks each
    /// PIN with scrypt on a two-thread pool, so logins are staggered).
    func connectAll(
        _ count: Int, width: Int, _ connect: @escaping @Sendable (Int) async throws -> TypingClient
    ) async throws -> [TypingClient] {
        try await withThrowingTaskGroup(of: (Int, TypingClient).self) { group in
            var clients: [TypingClient?] = Array(repeating: nil, count: count)
            var next = 0
            while next < min(width, count) {
                let index = next
                group.addTask { (index, try await connect(index)) }
                next += 1
            }
            while let (index, client) = try await group.next() {
                clients[index] = client
                if next < count {
                    let index = next
                    group.addTask { (index, try await connect(index)) }
                    next += 1
                }
            }
            return clients.compactMap { $0 }
        }
    }

    /// Every client types its script at the load's rate, their clocks
    /// spread evenly over one interval; counts from the end of the warm-up
    /// for `load.seconds`.
    func type(
        _ clients: [TypingClient], script: (Int) -> (steps: [ScriptStep], repeatFrom: Int), load: SessionLoad,
        daemon: Daemon?
    ) async throws -> LoadOutcome {
        let interval = load.interval
        let recordFrom = NIODeadline.now() + .nanoseconds(Int64(load.warmUpSeconds * 1e9))
        let recordUntil = recordFrom + .nanoseconds(Int64(load.seconds * 1e9))
        let start = NIODeadline.now() + .milliseconds(500)
        for (index, client) in clients.enumerated() {
            let (steps, repeatFrom) = script(index)
            try await client.startTyping(
                script: steps, repeatFrom: repeatFrom, firstStep: start + load.phase(of: index, among: clients.count),
                interval: interval, recordFrom: recordFrom, recordUntil: recordUntil)
        }
        try await Task.sleep(until: recordFrom)
        let before = daemon?.sample
        let started = monotonicSeconds()
        try await Task.sleep(until: recordUntil)
        let after = daemon?.sample
        let seconds = monotonicSeconds() - started
        for client in clients { try await client.stopTyping() }
        // The answers to the last keys.
        try await Task.sleep(for: .seconds(1))
        var tally = ClientTally()
        for client in clients { tally.merge(try await client.drain()) }
        var figures: DaemonFigures?
        if let before, let after {
            figures = DaemonFigures(
                rssFreshKiB: 0, rssStartKiB: 0, rssHalfwayKiB: 0, rssLoggedInKiB: 0, rssTypingKiB: after.rssKiB,
                rssAfterKiB: 0,
                cpuSecondsTyping: after.cpuSeconds - before.cpuSeconds, loginSeconds: 0, threads: after.threads,
                exitStatus: 0, logProblems: [], sessionsWritten: nil)
        }
        return LoadOutcome(tally: tally, seconds: seconds, daemon: figures)
    }

    /// The figures of one session count: the kiosk against the floor.
    static func figures(kiosk: LoadOutcome, floor: LoadOutcome, load: SessionLoad) -> [Figure] {
        let part = "sessions"
        let n = load.clients
        let held = n == 500
        let echo = Percentiles(kiosk.tally.echo, scale: 1e-6)
        let bare = Percentiles(floor.tally.echo, scale: 1e-6)
        var figures: [Figure] = []
        let scope = "\(n) sessions"
        var echoNote =
            "\(echo?.count ?? 0) keys counted in \(Figure.format(kiosk.seconds)) s; "
            + "\(kiosk.tally.deferredKeys) ticks came before the previous key was answered"
        if !held { echoNote += "; the targets are set at 500 sessions" }
        figures.append(
            Figure(
                part: part, name: "echo p50, \(scope)", value: echo?.p50, unit: "ms", floor: bare?.p50))
        figures.append(
            Figure(
                part: part, name: "echo p99, \(scope)", value: echo?.p99, unit: "ms",
                target: held ? .atMost(2) : nil, floor: bare?.p99, ratioTarget: held ? .atMost(1.5) : nil,
                note: echoNote))
        figures.append(Figure(part: part, name: "echo max, \(scope)", value: echo?.max, unit: "ms", floor: bare?.max))
        if let onTime = Percentiles(kiosk.tally.echoOnTime, scale: 1e-6) {
            figures.append(
                Figure(
                    part: part, name: "echo p99 of keys sent on their tick, \(scope)", value: onTime.p99, unit: "ms",
                    floor: Percentiles(floor.tally.echoOnTime, scale: 1e-6)?.p99,
                    note: "\(onTime.count) keys; leaves out keys typed while an earlier key (often a Tab saving the "
                        + "draft, or Ctrl-S) was still unanswered, which wait for it as a typist's would"))
        }
        let answered = kiosk.tally.echo.count + kiosk.tally.navigation.count + kiosk.tally.submit.count
        figures.append(
            Figure(
                part: part, name: "keys answered per second, \(scope)", value: Double(answered) / kiosk.seconds,
                unit: "keys/s", floor: Double(bare?.count ?? 0) / max(floor.seconds, 0.001),
                note: "asked for \(Figure.format(Double(n) * load.keysPerSecond)) keys/s; the kiosk's clients "
                    + "also wait a tick where a person would read the screen"))
        if let navigation = Percentiles(kiosk.tally.navigation, scale: 1e-6) {
            figures.append(
                Figure(
                    part: part, name: "menu and Tab (draft saved) p99, \(scope)", value: navigation.p99, unit: "ms",
                    note: "\(navigation.count) keys; p50 \(Figure.format(navigation.p50)) ms"))
        }
        if let submit = Percentiles(kiosk.tally.submit, scale: 1e-6) {
            figures.append(
                Figure(
                    part: part, name: "submit (Ctrl-S) p99, \(scope)", value: submit.p99, unit: "ms",
                    note: "\(submit.count) forms; p50 \(Figure.format(submit.p50)) ms"))
        }
        if let daemon = kiosk.daemon {
            let perIdle = Double(daemon.rssLoggedInKiB - daemon.rssStartKiB) / Double(max(1, n))
            let marginal =
                Double(daemon.rssLoggedInKiB - daemon.rssHalfwayKiB) / Double(max(1, n - n / 2))
            let perTyping = Double(daemon.rssTypingKiB - daemon.rssStartKiB) / Double(max(1, n))
            figures.append(
                Figure(
                    part: part, name: "RSS per idle session, \(scope)", value: perIdle, unit: "KiB",
                    target: .atMost(64),
                    note: "logged in, on the home screen: daemon RSS \(mib(daemon.rssFreshKiB)) just started, "
                        + "\(mib(daemon.rssStartKiB)) after two logins and logouts (the baseline), "
                        + "\(mib(daemon.rssHalfwayKiB)) with \(n / 2), \(mib(daemon.rssLoggedInKiB)) with \(n) "
                        + "(\(daemon.threads) threads); the second half cost \(Figure.format(marginal)) KiB each"))
            figures.append(
                Figure(
                    part: part, name: "RSS per typing session, \(scope)", value: perTyping, unit: "KiB",
                    note: "daemon RSS \(mib(daemon.rssTypingKiB)) at the end of typing, "
                        + "\(mib(daemon.rssAfterKiB)) 2 s after every client left"))
            figures.append(
                Figure(
                    part: part, name: "daemon CPU while typing, \(scope)",
                    value: daemon.cpuSecondsTyping / max(kiosk.seconds, 0.001) * 100, unit: "% of a core",
                    note: "\(Figure.format(daemon.cpuSecondsTyping / Double(max(1, kiosk.tally.keysSent)) * 1e6)) µs "
                        + "of CPU a key, of \(ProcessInfo.processInfo.activeProcessorCount) cores"))
            figures.append(
                Figure(
                    part: part, name: "logins per second, \(scope)",
                    value: Double(n) / max(daemon.loginSeconds, 0.001), unit: "logins/s",
                    note: "scrypt PIN checks on the daemon's two-thread store pool; "
                        + "\(Figure.format(daemon.loginSeconds)) s for \(n)"))
            var problems: [String] = []
            if daemon.exitStatus != 0 { problems.append("the daemon exited with status \(daemon.exitStatus)") }
            if !daemon.logProblems.isEmpty {
                problems.append(
                    "\(daemon.logProblems.count) warnings/errors in its log, first: \(daemon.logProblems[0])")
            }
            if kiosk.tally.disconnected > 0 { problems.append("\(kiosk.tally.disconnected) clients were disconnected") }
            if !kiosk.tally.problems.isEmpty {
                problems.append(
                    "\(kiosk.tally.problems.count) client problems, first: \(kiosk.tally.problems[0])")
            }
            figures.append(
                Figure(
                    part: part, name: "GROWTH forms submitted, \(scope)",
                    value: daemon.sessionsWritten.map(Double.init), unit: "forms",
                    note: (["clients pressed Ctrl-S \(kiosk.tally.formsSubmitted) times"] + problems)
                        .joined(separator: "; ")))
        }
        return figures
    }
}

/// Runs `body` with a fresh event loop group (a thread a core), shut down after.
func withEventLoopGroup<T>(_ body: (MultiThreadedEventLoopGroup) async throws -> T) async throws -> T {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
    do {
        let result = try await body(group)
        try? await group.shutdownGracefully()
        return result
    } catch {
        try? await group.shutdownGracefully()
        throw error
    }
}

/// KiB as `48.2 MiB`.
func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }

extension Task where Success == Never, Failure == Never {
    /// Sleeps until a point of NIO's monotonic clock.
    static func sleep(until deadline: NIODeadline) async throws {
        let left = (deadline - .now()).nanoseconds
        if left > 0 { try await sleep(nanoseconds: UInt64(left)) }
    }
}
