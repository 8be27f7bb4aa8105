import NIOConcurrencyHelpers
import NIOCore

/// How many terminals may be connected at once, in all and from one address.
///
/// A school LAN is not a friendly place: a flood of connections is refused
/// politely while the sessions already open stay responsive.
public struct SessionLimits: Sendable, Equatable {
    public var maximumSessions: Int
    public var maximumPerAddress: Int
    /// Time to log in before the terminal is let go.
    public var loginTimeout: TimeAmount
    /// Time without a key before a logged-in session ends (drafts are kept).
    public var idleTimeout: TimeAmount
    /// How long to wait for telnet answers before going on at 80×24.
    public var negotiationWait: TimeAmount
    /// The most bytes waiting to go out to one terminal; a client that reads
    /// nothing while it makes the kiosk write is disconnected past it.
    public var outboundLimit: Int

    public init(
        maximumSessions: Int = 64, maximumPerAddress: Int = 16, loginTimeout: TimeAmount = .seconds(60),
        idleTimeout: TimeAmount = .seconds(300), negotiationWait: TimeAmount = .seconds(3),
        outboundLimit: Int = 1 << 20
    ) {
        self.maximumSessions = maximumSessions
        self.maximumPerAddress = maximumPerAddress
        self.loginTimeout = loginTimeout
        self.idleTimeout = idleTimeout
        self.negotiationWait = negotiationWait
        self.outboundLimit = outboundLimit
    }
}

/// Closes a connection whose unsent output grows past a limit.
///
/// The session's own writes wait while the socket is full (the async
/// writer follows the channel's writability), but the telnet handler
/// answers negotiation straight from its reads: a client that sends
/// requests and reads nothing would make those answers pile up without
/// end. Sits next to the head of the pipeline: every byte written passes
/// it, so what the channel holds unsent is all it has let through.
final class OutboundLimitHandler: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limit: Int
    private let onExceeded: (Int) -> Void
    private var closing = false
    /// The channel's high-water mark: while the channel is writable, it holds no more than this unsent.
    private var highWater = Int.max

    /// - Parameter onExceeded: called once, with the bytes pending, before the connection is closed.
    init(limit: Int, onExceeded: @escaping (Int) -> Void = { _ in }) {
        self.limit = max(1, limit)
        self.onExceeded = onExceeded
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if let mark = try? context.channel.syncOptions?.getOption(.writeBufferWaterMark) { highWater = mark.high }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !closing else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        let size = unwrapOutboundIn(data).readableBytes
        // A writable channel holds at most its high-water mark: no need to ask
        // (asking, for every key, was a fiftieth of the loop's work).
        if context.channel.isWritable, highWater <= limit - size {
            context.write(data, promise: promise)
            return
        }
        // Asked of the channel, rather than counted with a promise a write.
        let buffered = (try? context.channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
        let pending = buffered + size
        if pending > limit {
            closing = true
            onExceeded(pending)
            promise?.fail(ChannelError.ioOnClosedChannel)
            context.close(promise: nil)
            return
        }
        context.write(data, promise: promise)
    }
}

/// The sessions open now, counted across every event loop.
final class SessionCount: Sendable {
    private struct State {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    enum Refusal: Sendable {
        case full, tooManyFromAddress
    }

    private let state = NIOLockedValueBox(State())
    let limits: SessionLimits

    init(limits: SessionLimits) {
        self.limits = limits
    }

    /// Takes a place for a terminal at `address`, or says why not.
    func admit(_ address: String) -> Refusal? {
        state.withLockedValue { state in
            if state.total >= limits.maximumSessions { return .full }
            if state.byAddress[address, default: 0] >= limits.maximumPerAddress { return .tooManyFromAddress }
            state.total += 1
            state.byAddress[address, default: 0] += 1
            return nil
        }
    }

    func release(_ address: String) {
        state.withLockedValue { state in
            state.total -= 1
            let left = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { state.withLockedValue { $0.total } }
}
