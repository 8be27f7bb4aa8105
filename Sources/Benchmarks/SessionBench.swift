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

    /// A bare echo server on loopback, on a port picked at run time.
    static func serve(group: any EventLoopGroup) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(EchoHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
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

    /// The daemon with `load.clients` sessions logged in and typing, and its
    /// floor: a bare echo server on loopback with as many clients.
    ///
    /// The two type in turns of `turnSeconds` (the floor first, then the
    /// kiosk, then the kiosk first, and so on), each counted for `load.seconds`
    /// in all, so that both are measured over the same minutes of the
    /// machine's life: the floor's p99 alone moved by half between runs an
    /// hour apart, measured in a minute of its own.
    func compare(_ load: SessionLoad, turnSeconds: Double) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome) {
        try await withEventLoopGroup { serverGroup in
            try await withEventLoopGroup { clientGroup in
                let server = try await EchoHandler.serve(group: serverGroup)
                guard let port = server.localAddress?.port else { throw BenchFailure("the echo server has no port") }
                do {
                    let floorClients = try await connectAll(load.clients, width: 32) { _ in
                        try await TypingClient.connect(port: port, mode: .echo, group: clientGroup)
                    }
                    let outcomes = try await kiosk(load, group: clientGroup) { kioskClients, daemon in
                        try await typeInTurns(
                            kiosk: kioskClients, floor: floorClients, load: load, daemon: daemon,
                            turnSeconds: turnSeconds)
                    }
                    for client in floorClients { await client.close() }
                    try? await server.close()
                    return outcomes
                } catch {
                    try? await server.close()
                    throw error
                }
            }
        }
    }

    /// The daemon with `load.clients` sessions logged in; `typing` has them
    /// type, and gives the kiosk's outcome and the floor's.
    private func kiosk(
        _ load: SessionLoad, group: any EventLoopGroup,
        typing: ([TypingClient], Daemon) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome)
    ) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome) {
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
        var outcomes = try await drive(daemon, load: load, fresh: fresh, group: group, typing: typing)
        let exitStatus = daemon.stop()
        stopped = true
        let problems = daemon.log.split(separator: "\n")
            .filter { $0.contains("error") || $0.contains("critical") || $0.contains("warning") }.map(String.init)
        outcomes.kiosk.daemon?.exitStatus = exitStatus
        outcomes.kiosk.daemon?.logProblems = problems
        outcomes.kiosk.daemon?.sessionsWritten = try? BenchSchool.sessionsWritten(in: database)
        return outcomes
    }

    /// Logs every client in, has them type, lets them go; the daemon's figures.
    ///
    /// Two sessions log in and leave first: checking a PIN takes scrypt's
    /// 16 MiB working buffer on each of the store's two threads, which the
    /// allocator may keep. The RSS after that is the baseline, so the figure
    /// per session is what each session costs, not that one-off.
    private func drive(
        _ daemon: Daemon, load: SessionLoad, fresh: ProcessSample, group: any EventLoopGroup,
        typing: ([TypingClient], Daemon) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome)
    ) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome) {
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

        var outcomes = try await typing(clients, daemon)
        let typed = outcomes.kiosk.daemon
        for client in clients { await client.close() }
        try await Task.sleep(for: .seconds(2))
        let after = daemon.sample ?? loggedIn
        outcomes.kiosk.daemon = DaemonFigures(
            rssFreshKiB: fresh.rssKiB, rssStartKiB: start.rssKiB, rssHalfwayKiB: halfway.rssKiB,
            rssLoggedInKiB: loggedIn.rssKiB, rssTypingKiB: typed?.rssTypingKiB ?? 0, rssAfterKiB: after.rssKiB,
            cpuSecondsTyping: typed?.cpuSecondsTyping ?? 0, loginSeconds: loginSeconds, threads: loggedIn.threads,
            exitStatus: 0, logProblems: [], sessionsWritten: nil)
        return outcomes
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

    /// The kiosk's clients (typing GROWTH forms) and the floor's (typing
    /// "x") take turns: each set types for `load.warmUpSeconds` uncounted,
    /// then for `turnSeconds` at a time, counted, while the other set waits,
    /// until each has typed `load.seconds`. In each turn every client types
    /// at the load's rate, their clocks spread evenly over one interval.
    func typeInTurns(
        kiosk: [TypingClient], floor: [TypingClient], load: SessionLoad, daemon: Daemon, turnSeconds: Double
    ) async throws -> (kiosk: LoadOutcome, floor: LoadOutcome) {
        let interval = load.interval
        let turns = max(1, Int((load.seconds / turnSeconds).rounded(.up)))
        let turn = TimeAmount.nanoseconds(Int64(turnSeconds * 1e9))
        // Time for the answers to a turn's last keys (a submission takes a few ms) before the next turn.
        let settle = Duration.milliseconds(300)
        var cpuSeconds = 0.0
        var rssTypingKiB = 0
        var kioskTally = ClientTally()
        var floorTally = ClientTally()

        /// One turn of `clients`; counted unless `counted` is false.
        func typeTurn(_ clients: [TypingClient], isKiosk: Bool, length: TimeAmount, counted: Bool, first: Bool)
            async throws
        {
            // Telling 500 clients takes a few ms: the first key of the turn comes after that.
            let from = NIODeadline.now() + .milliseconds(200)
            let until = from + length
            let recordFrom = counted ? from : .distantFuture
            for (index, client) in clients.enumerated() {
                let firstStep = from + load.phase(of: index, among: clients.count)
                if first {
                    let (steps, repeatFrom) =
                        isKiosk
                        ? BenchSchool.growthScript(charactersPerField: load.charactersPerField, client: index)
                        : ([.type(UInt8(ascii: "x"), field: nil)], 0)
                    try await client.startTyping(
                        script: steps, repeatFrom: repeatFrom, firstStep: firstStep, interval: interval,
                        recordFrom: recordFrom, recordUntil: until)
                } else {
                    try await client.resumeTyping(
                        firstStep: firstStep, interval: interval, recordFrom: recordFrom, recordUntil: until)
                }
            }
            try await Task.sleep(until: from)
            let before = isKiosk && counted ? daemon.sample : nil
            try await Task.sleep(until: until)
            if let before, let after = daemon.sample {
                cpuSeconds += after.cpuSeconds - before.cpuSeconds
                rssTypingKiB = after.rssKiB
            }
            for client in clients { try await client.stopTyping() }
            try await Task.sleep(for: settle)
            // Drained after every turn, so that the keys of the warm-up (sent, not timed) count
            // nowhere, and each answer is judged against the turn of its key.
            // A client that has closed says so at every drain: that is counted once, at the end.
            for client in clients {
                var tally = try await client.drain()
                tally.disconnected = 0
                if !counted { tally = ClientTally(problems: tally.problems) }
                if isKiosk { kioskTally.merge(tally) } else { floorTally.merge(tally) }
            }
        }

        let warmUp = TimeAmount.nanoseconds(Int64(load.warmUpSeconds * 1e9))
        try await typeTurn(floor, isKiosk: false, length: warmUp, counted: false, first: true)
        try await typeTurn(kiosk, isKiosk: true, length: warmUp, counted: false, first: true)
        for index in 0..<turns {
            // Floor, kiosk; kiosk, floor; …: neither always follows the other.
            let order = index.isMultiple(of: 2) ? [false, true] : [true, false]
            for isKiosk in order {
                try await typeTurn(isKiosk ? kiosk : floor, isKiosk: isKiosk, length: turn, counted: true, first: false)
            }
        }
        for client in kiosk { kioskTally.merge(try await client.drain()) }
        for client in floor { floorTally.merge(try await client.drain()) }
        let seconds = Double(turns) * turnSeconds
        let figures = DaemonFigures(
            rssFreshKiB: 0, rssStartKiB: 0, rssHalfwayKiB: 0, rssLoggedInKiB: 0, rssTypingKiB: rssTypingKiB,
            rssAfterKiB: 0, cpuSecondsTyping: cpuSeconds, loginSeconds: 0, threads: 0, exitStatus: 0,
            logProblems: [], sessionsWritten: nil)
        return (
            LoadOutcome(tally: kioskTally, seconds: seconds, daemon: figures),
            LoadOutcome(tally: floorTally, seconds: seconds, daemon: nil)
        )
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
