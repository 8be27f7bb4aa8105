import Coaching
import CoachingStore
import Forms
import KioskConfiguration
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Reports
import ServiceLifecycle
import Telnet

/// Everything a terminal session shares with the others: the store, the
/// forms, the school's name and the limits. Safe to use from any session.
public final class KioskContext: Sendable {
    public let store: CoachingStore
    public let schoolName: String
    public let limits: SessionLimits
    /// Where the kiosk's prints go.
    public let printer: PrinterTarget
    /// The small-cell threshold and session cadence the reports use.
    public let reportSettings: ReportSettings
    let logger: Logger
    let threadPool: NIOThreadPool
    private let catalog: NIOLockedValueBox<FormCatalog>
    private let formsDirectory: String
    /// Today by the store's clock and until when that holds: every frame
    /// shows the date, and working it out takes a calendar, so all the
    /// sessions share one look a second.
    private let todayCache = NIOLockedValueBox<(until: NIODeadline, day: SchoolDay, british: String)?>(nil)

    /// - Parameter formsDirectory: where the proforma definitions are; loaded now and on SIGHUP.
    public init(
        store: CoachingStore, schoolName: String, formsDirectory: String, limits: SessionLimits,
        printer: PrinterTarget = .systemDefault, reportSettings: ReportSettings = ReportSettings(), logger: Logger
    ) throws(FormCatalogError) {
        self.store = store
        self.schoolName = schoolName
        self.limits = limits
        self.printer = printer
        self.reportSettings = reportSettings
        self.logger = logger
        self.formsDirectory = formsDirectory
        self.catalog = NIOLockedValueBox(try FormCatalog.load(directory: formsDirectory))
        threadPool = NIOThreadPool(numberOfThreads: Self.storeThreads)
        threadPool.start()
        let gaveWay = StoreThreads.giveWayToEventLoops(threadPool, count: Self.storeThreads)
        if gaveWay < Self.storeThreads {
            logger.notice(
                "the store's threads keep their priority: the system refused SCHED_IDLE",
                metadata: ["threads": "\(Self.storeThreads - gaveWay) of \(Self.storeThreads)"])
        }
    }

    /// Threads for the store's work (saves, reads, PIN checks), off the event loops.
    static let storeThreads = 2

    /// The forms in force now.
    var forms: FormCatalog { catalog.withLockedValue { $0 } }

    /// Reads the forms again; a form with an error keeps the ones we had.
    public func reloadForms() {
        do {
            let fresh = try FormCatalog.load(directory: formsDirectory)
            catalog.withLockedValue { $0 = fresh }
            logger.info("forms reloaded", metadata: ["forms": "\(fresh.forms.count)"])
        } catch {
            logger.error("forms not reloaded; keeping the forms in use", metadata: ["error": "\(error)"])
        }
    }

    /// Today by the store's clock, and as a frame shows it (`24/11/2026`).
    var today: (day: SchoolDay, british: String) {
        let now = NIODeadline.now()
        let store = store
        return todayCache.withLockedValue { cached in
            if let cached, now < cached.until { return (cached.day, cached.british) }
            let day = store.today
            cached = (now + .seconds(1), day, day.british)
            return (day, day.british)
        }
    }

    /// Runs blocking store work off the event loops.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (CoachingStore) throws -> T) async throws -> T {
        let store = self.store
        if StoreThreads.isStoreThread { return try body(store) }
        return try await threadPool.runIfActive { try body(store) }
    }

    public func shutdown() async {
        try? await threadPool.shutdownGracefully()
    }
}

/// Sent down every open session's pipeline when the daemon is stopping.
struct KioskShuttingDown: Sendable {}

/// The telnet listeners: accepts staffroom terminals and runs a session for each.
public final class TelnetService: Service, Sendable {
    public struct BoundAddress: Sendable, CustomStringConvertible {
        public var host: String
        public var port: Int
        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    private let context: KioskContext
    private let listeners: [(host: String, port: Int)]
    private let group: any EventLoopGroup
    private let counter: SessionCount
    private let onListening: @Sendable ([BoundAddress]) -> Void
    private let openChannels = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    public init(
        context: KioskContext, listeners: [(host: String, port: Int)], group: any EventLoopGroup,
        onListening: @escaping @Sendable ([BoundAddress]) -> Void = { _ in }
    ) {
        self.context = context
        self.listeners = listeners
        self.group = group
        self.counter = SessionCount(limits: context.limits)
        self.onListening = onListening
    }

    public func run() async throws {
        let limits = context.limits
        let counter = self.counter
        let logger = context.logger
        var servers: [NIOAsyncChannel<Admission, Never>] = []
        for listener in listeners {
            let server = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .serverChannelOption(.backlog, value: 256)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .bind(host: listener.host, port: listener.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let address = channel.remoteAddress?.ipAddress ?? "unknown"
                        if let refusal = counter.admit(address) {
                            return Admission.refused(channel, refusal)
                        }
                        channel.closeFuture.whenComplete { _ in counter.release(address) }
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(
                            OutboundLimitHandler(limit: limits.outboundLimit) { pending in
                                logger.warning(
                                    "terminal disconnected: it reads nothing and its output piles up",
                                    metadata: ["address": "\(address)", "pending": "\(pending)"])
                            })
                        try sync.addHandler(TelnetHandler(negotiationWait: limits.negotiationWait))
                        try sync.addHandler(KeyInputHandler())
                        try sync.addHandler(
                            IdleWatchHandler(loginLimit: limits.loginTimeout, idleLimit: limits.idleTimeout))
                        let line = TerminalLine(channel: channel)
                        try sync.addHandler(line)
                        return Admission.admitted(
                            line, origin: "telnet \(address):\(channel.remoteAddress?.port ?? 0)")
                    }
                }
            servers.append(server)
        }
        let listening = servers
        onListening(
            listening.compactMap { server in
                server.channel.localAddress.map { BoundAddress(host: $0.ipAddress ?? "?", port: $0.port ?? 0) }
            })
        for address in listening.compactMap({ $0.channel.localAddress }) {
            context.logger.info("listening for telnet", metadata: ["address": "\(address)"])
        }
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                for server in listening {
                    group.addTask { try await self.accept(on: server) }
                }
            }
        } onGracefulShutdown: {
            for server in listening { server.channel.close(promise: nil) }
            for channel in self.openChannels.withLockedValue({ Array($0.values) }) {
                channel.pipeline.fireUserInboundEventTriggered(KioskShuttingDown())
            }
        }
    }

    private func accept(on server: NIOAsyncChannel<Admission, Never>) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            do {
                try await server.executeThenClose { inbound in
                    for try await admission in inbound {
                        let executor = SessionExecutor(admission.eventLoop, storeThreads: context.threadPool)
                        group.addTask(executorPreference: executor) { await self.serve(admission, executor) }
                    }
                }
            } catch let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed {
                // The listener was closed for shutdown.
            }
        }
    }

    private func serve(_ admission: Admission, _ executor: SessionExecutor) async {
        switch admission {
        case let .refused(channel, refusal):
            let message =
                switch refusal {
                case .full: "Sorry: every kiosk place is in use just now. Please try again in a few minutes.\r\n"
                case .tooManyFromAddress:
                    "Sorry: too many kiosk sessions are open from this computer. Close one and try again.\r\n"
                }
            context.logger.notice("connection refused", metadata: ["reason": "\(refusal)"])
            try? await channel.writeAndFlush(ByteBuffer(string: message))
            try? await channel.close()
        case let .admitted(line, origin):
            let id = ObjectIdentifier(line.channel)
            openChannels.withLockedValue { $0[id] = line.channel }
            defer { openChannels.withLockedValue { _ = $0.removeValue(forKey: id) } }
            await KioskSession(context: context, line: line, origin: origin, executor: executor).run()
        }
    }
}

/// A connection, let in or turned away.
enum Admission: Sendable {
    case admitted(TerminalLine, origin: String)
    case refused(any Channel, SessionCount.Refusal)

    /// Where the connection's session runs: on the connection's own event loop.
    var eventLoop: any EventLoop {
        switch self {
        case let .admitted(line, _): line.channel.eventLoop
        case let .refused(channel, _): channel.eventLoop
        }
    }
}
