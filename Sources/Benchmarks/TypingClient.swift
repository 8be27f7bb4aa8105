import Foundation
import NIOCore
import NIOPosix
import TestSupport

/// One thing a typing client does on a tick of its clock.
enum ScriptStep: Sendable, Equatable {
    /// On the home menu, types the number of "Record a coaching session (GROWTH)".
    case openSessionForm
    /// Tab to the next field (the draft of the field left is saved); when
    /// `afterOpening`, the form must be on the screen first.
    case tab(afterOpening: Bool)
    /// A typed character; when `field` is given, that field must be the one
    /// in hand first.
    case type(UInt8, field: String?)
    /// Ctrl-S: leaves the field and submits the form.
    case submit
}

/// What a key's answer is counted as.
enum Measure: Sendable {
    /// A typed character: the echo.
    case echo
    /// A key that changes the screen (a menu number, Tab, which saves the draft of the field left).
    case navigation
    /// Ctrl-S: the record is written with its audit line and the home screen drawn.
    case submit
}

/// What one or more clients measured, in nanoseconds.
struct ClientTally: Sendable {
    var echo: [Int64] = []
    /// The echoes of characters sent on their own tick: nothing was unanswered before them.
    var echoOnTime: [Int64] = []
    var navigation: [Int64] = []
    var submit: [Int64] = []
    var keysSent = 0
    /// Ticks that came while the previous key was still unanswered (the key went when the answer came).
    var deferredKeys = 0
    var formsSubmitted = 0
    var problems: [String] = []
    var disconnected = 0

    mutating func merge(_ other: ClientTally) {
        echo += other.echo
        echoOnTime += other.echoOnTime
        navigation += other.navigation
        submit += other.submit
        keysSent += other.keysSent
        deferredKeys += other.deferredKeys
        formsSubmitted += other.formsSubmitted
        problems += other.problems
        disconnected += other.disconnected
    }
}

/// A client of the kiosk (or of the bare echo server) on one connection.
///
/// Latency is the time from when a key was due (its tick) to the first
/// bytes that arrive after it was written. A client sends one key at a
/// time: a tick that comes while the last key is unanswered is owed, and its
/// key goes as soon as the answer arrives, still timed from its own tick,
/// so a slow server is not hidden by the client waiting for it.
final class TypingClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Mode: Sendable {
        /// Speaks telnet and reads the screen.
        case kiosk
        /// A bare socket: bytes out, bytes back.
        case echo
    }

    static let sessionMenuLabel = "Record a coaching session (GROWTH)"
    static let sessionFormTitle = "GROWTH session record"
    /// Where the kiosk's form puts the label of the field in hand (row, column).
    static let fieldLabelPosition = (row: 3, column: 26)

    private struct Pending {
        var measure: Measure
        var intended: NIODeadline
        var sent: NIODeadline
    }

    private struct Waiter {
        var id: Int
        var description: String
        var predicate: (TerminalScreen) -> Bool
        var promise: EventLoopPromise<Void>
        var timeout: Scheduled<Void>?
    }

    let mode: Mode
    private var context: ChannelHandlerContext?
    private var telnet = TelnetClientSide()
    private(set) var screen = TerminalScreen()
    private var unparsed: [UInt8] = []
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0
    private(set) var isClosed = false

    private var script: [ScriptStep] = []
    private var repeatFrom = 0
    private var position = 0
    private var ticker: Scheduled<Void>?
    /// Which start of the clock a tick belongs to. Cancelling `ticker` does
    /// not stop a tick the event loop has already taken to run in the same
    /// turn as `stopTyping`; that tick sees the clock has moved on.
    private var clock = 0
    private var tickInterval = TimeAmount.zero
    private var pending: Pending?
    private var owed: [NIODeadline] = []
    private var recordFrom = NIODeadline.distantFuture
    private var recordUntil = NIODeadline.distantFuture
    private var waitingTicks = 0
    private var toldStuck = false
    private var tally = ClientTally()

    init(mode: Mode) {
        self.mode = mode
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now()
        let buffer = unwrapInboundIn(data)
        if let answered = pending {
            pending = nil
            if answered.intended >= recordFrom, answered.intended < recordUntil {
                let latency = (now - answered.intended).nanoseconds
                switch answered.measure {
                case .echo:
                    tally.echo.append(latency)
                    if answered.sent - answered.intended < .milliseconds(1) { tally.echoOnTime.append(latency) }
                case .navigation: tally.navigation.append(latency)
                case .submit: tally.submit.append(latency)
                }
            }
        }
        if mode == .kiosk {
            var reply: [UInt8] = []
            buffer.withUnsafeReadableBytes { telnet.receive($0, data: &unparsed, reply: &reply) }
            if !reply.isEmpty {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply)), promise: nil)
            }
            // Read as it comes, as a terminal does: the screen kept for 64 KiB and
            // read in one go held this event loop for milliseconds, so that other
            // clients' keys went late and the daemon was blamed for the wait.
            parse()
            if !waiters.isEmpty { checkWaiters() }
        }
        if pending == nil, !owed.isEmpty {
            perform(intended: owed.removeFirst())
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isClosed = true
        ticker?.cancel()
        ticker = nil
        for waiter in waiters {
            waiter.timeout?.cancel()
            waiter.promise.fail(BenchFailure("the connection closed while waiting for \(waiter.description)"))
        }
        waiters = []
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: Screens

    private func parse() {
        guard !unparsed.isEmpty else { return }
        screen.feed(unparsed)
        unparsed.removeAll(keepingCapacity: true)
    }

    private func checkWaiters() {
        let ready = waiters.filter { $0.predicate(screen) }
        guard !ready.isEmpty else { return }
        let ids = Set(ready.map(\.id))
        waiters.removeAll { ids.contains($0.id) }
        for waiter in ready {
            waiter.timeout?.cancel()
            waiter.promise.succeed()
        }
    }

    /// Succeeds once the screen satisfies `predicate`; fails after `timeout`.
    func waitFor(
        _ description: String, timeout: TimeAmount, predicate: @escaping (TerminalScreen) -> Bool
    ) -> EventLoopFuture<Void> {
        guard let context else { return makeFailed(BenchFailure("the client is not connected")) }
        parse()
        if predicate(screen) { return context.eventLoop.makeSucceededFuture(()) }
        let promise = context.eventLoop.makePromise(of: Void.self)
        let id = nextWaiterID
        nextWaiterID += 1
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let timer = context.eventLoop.scheduleTask(in: timeout) {
            bound.value.expire(id)
        }
        waiters.append(
            Waiter(id: id, description: description, predicate: predicate, promise: promise, timeout: timer))
        return promise.futureResult
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        parse()
        waiter.promise.fail(
            BenchFailure(
                "never saw \(waiter.description); the screen was:\n" + screen.rows.joined(separator: "\n")))
    }

    private func makeFailed(_ error: BenchFailure) -> EventLoopFuture<Void> {
        MultiThreadedEventLoopGroup.singleton.next().makeFailedFuture(error)
    }

    func write(_ bytes: [UInt8]) {
        guard let context, !isClosed else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    // MARK: Typing

    /// Starts the clock: a step at `firstStep` and every `interval` after
    /// it; answers to keys due from `recordFrom` until `recordUntil` are
    /// counted.
    ///
    /// The clock keeps to its times, whenever a tick ran: with a delay
    /// counted from the end of each tick instead, clients whose ticks once
    /// ran together stay together, and over a run their keys come in
    /// bunches no typists make.
    func startTyping(
        script: [ScriptStep], repeatFrom: Int, firstStep: NIODeadline, interval: TimeAmount,
        recordFrom: NIODeadline, recordUntil: NIODeadline
    ) {
        guard context != nil, !script.isEmpty else { return }
        stopTyping()
        self.script = script
        self.recordUntil = recordUntil
        self.repeatFrom = min(max(0, repeatFrom), script.count - 1)
        self.recordFrom = recordFrom
        position = 0
        tickInterval = interval
        scheduleTick(at: firstStep)
    }

    /// Starts the clock again after `stopTyping`, where the script was left
    /// (the bench's clients type in turns with the floor's).
    func resumeTyping(firstStep: NIODeadline, interval: TimeAmount, recordFrom: NIODeadline, recordUntil: NIODeadline) {
        guard context != nil, !script.isEmpty else { return }
        stopTyping()
        self.recordFrom = recordFrom
        self.recordUntil = recordUntil
        tickInterval = interval
        scheduleTick(at: firstStep)
    }

    private func scheduleTick(at due: NIODeadline) {
        guard let context, !isClosed else { return }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let clock = self.clock
        ticker = context.eventLoop.scheduleTask(deadline: due) {
            guard bound.value.clock == clock else { return }
            bound.value.scheduleTick(at: due + bound.value.tickInterval)
            bound.value.tick()
        }
    }

    func stopTyping() {
        clock += 1
        ticker?.cancel()
        ticker = nil
        owed = []
    }

    /// What was measured since the last drain.
    func drain() -> ClientTally {
        var taken = tally
        tally = ClientTally()
        if let pending, NIODeadline.now() - pending.sent > .seconds(10) {
            taken.problems.append(
                "a key sent \((NIODeadline.now() - pending.sent).nanoseconds / 1_000_000_000) s ago has no answer")
        }
        if isClosed { taken.disconnected = 1 }
        return taken
    }

    private func tick() {
        let now = NIODeadline.now()
        if pending != nil {
            if owed.count < 10_000 { owed.append(now) }
            tally.deferredKeys += 1
            return
        }
        perform(intended: now)
    }

    private func perform(intended: NIODeadline) {
        guard !script.isEmpty, !isClosed else { return }
        switch script[position] {
        case .openSessionForm:
            parse()
            guard let number = screen.menuNumber(of: Self.sessionMenuLabel), (1...9).contains(number) else {
                return waitForScreen("the home menu")
            }
            send([UInt8(ascii: "0") + UInt8(number)], .navigation, intended: intended)
        case let .tab(afterOpening):
            if afterOpening {
                parse()
                guard screen.contains(Self.sessionFormTitle) else { return waitForScreen("the session form") }
            }
            send([0x09], .navigation, intended: intended)
        case let .type(byte, field):
            if let field {
                parse()
                let shown = screen.text(row: Self.fieldLabelPosition.row, from: Self.fieldLabelPosition.column)
                guard shown.hasPrefix(field) else { return waitForScreen("the \(field) field") }
            }
            send([byte], .echo, intended: intended)
        case .submit:
            send([0x13], .submit, intended: intended)
            tally.formsSubmitted += 1
        }
        waitingTicks = 0
        position += 1
        if position >= script.count { position = repeatFrom }
    }

    /// The screen is not yet what the next step needs: a person would look
    /// again in a moment. Said once if it takes more than 50 ticks.
    private func waitForScreen(_ what: String) {
        owed = []
        waitingTicks += 1
        if waitingTicks >= 50, !toldStuck {
            toldStuck = true
            tally.problems.append(
                "waited \(waitingTicks) ticks for \(what); the screen was:\n" + screen.rows.joined(separator: "\n"))
        }
    }

    private func send(_ bytes: [UInt8], _ measure: Measure, intended: NIODeadline) {
        guard context != nil, !isClosed else { return }
        pending = Pending(measure: measure, intended: intended, sent: .now())
        tally.keysSent += 1
        write(bytes)
    }
}

/// A connected client, usable from any task.
final class TypingClient: Sendable {
    let channel: any Channel
    private let handler: NIOLoopBound<TypingClientHandler>

    private init(channel: any Channel, handler: NIOLoopBound<TypingClientHandler>) {
        self.channel = channel
        self.handler = handler
    }

    static func connect(port: Int, mode: TypingClientHandler.Mode, group: any EventLoopGroup) async throws
        -> TypingClient
    {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TypingClientHandler(mode: mode))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(
                try channel.pipeline.syncOperations.handler(type: TypingClientHandler.self),
                eventLoop: channel.eventLoop)
        }.get()
        return TypingClient(channel: channel, handler: handler)
    }

    func waitFor(
        _ description: String, timeout: TimeAmount = .seconds(60),
        _ predicate: @escaping @Sendable (TerminalScreen) -> Bool
    ) async throws {
        let handler = self.handler
        try await channel.eventLoop.flatSubmit {
            handler.value.waitFor(description, timeout: timeout, predicate: predicate)
        }.get()
    }

    func send(_ text: String) async throws {
        let handler = self.handler
        try await channel.eventLoop.submit { handler.value.write(Array(text.utf8)) }.get()
    }

    func startTyping(
        script: [ScriptStep], repeatFrom: Int = 0, firstStep: NIODeadline, interval: TimeAmount,
        recordFrom: NIODeadline, recordUntil: NIODeadline = .distantFuture
    ) async throws {
        let handler = self.handler
        try await channel.eventLoop.submit {
            handler.value.startTyping(
                script: script, repeatFrom: repeatFrom, firstStep: firstStep, interval: interval,
                recordFrom: recordFrom, recordUntil: recordUntil)
        }.get()
    }

    func resumeTyping(firstStep: NIODeadline, interval: TimeAmount, recordFrom: NIODeadline, recordUntil: NIODeadline)
        async throws
    {
        let handler = self.handler
        try await channel.eventLoop.submit {
            handler.value.resumeTyping(
                firstStep: firstStep, interval: interval, recordFrom: recordFrom, recordUntil: recordUntil)
        }.get()
    }

    func stopTyping() async throws {
        let handler = self.handler
        try await channel.eventLoop.submit { handler.value.stopTyping() }.get()
    }

    func drain() async throws -> ClientTally {
        let handler = self.handler
        return try await channel.eventLoop.submit { handler.value.drain() }.get()
    }

    func close() async {
        try? await channel.close()
    }
}
