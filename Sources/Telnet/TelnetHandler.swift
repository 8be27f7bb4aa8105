import NIOCore

/// Speaks telnet for one connection: negotiates the options the kiosk needs,
/// answers the peer, and passes the session only ``TerminalEvent``s.
///
/// Inbound, bytes become keystrokes, window sizes, the terminal type, the
/// interrupt and, exactly once, ``TerminalEvent/negotiationSettled``; that
/// event always comes after the window size or terminal type that settled it.
/// Outbound, the session writes UTF-8 text and every 0xFF in it is doubled.
///
/// Not `Sendable`: add it to a pipeline from its event loop
/// (`channel.pipeline.syncOperations.addHandler`).
public final class TelnetHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = TerminalEvent
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// What the handler asks for when the connection opens, in this order.
    static let opening: [(option: UInt8, side: TelnetNegotiation.Side)] = [
        (TelnetOption.echo, .us),
        (TelnetOption.suppressGoAhead, .us),
        (TelnetOption.binary, .us),
        (TelnetOption.binary, .him),
        (TelnetOption.terminalType, .him),
        (TelnetOption.windowSize, .him),
    ]

    /// Window sizes outside these bounds are ignored.
    static let smallestWindow = (width: 20, height: 10)
    static let largestWindow = (width: 500, height: 300)

    /// Longest terminal type passed on; the rest is cut off.
    static let terminalTypeLimit = 40

    private let negotiationWait: TimeAmount
    private let greetingName: String
    private var parser = TelnetParser()
    private var negotiation = TelnetNegotiation(policy: .kiosk)
    private var started = false
    private var settled = false
    private var settleTimer: Scheduled<Void>?
    private var terminalTypeRequested = false
    private var terminalTypeReceived = false
    private var windowSizeReceived = false
    /// Protocol bytes (answers to negotiation) gathered during a read, sent
    /// as one write at its end rather than a write for every answer.
    private var outgoing: [UInt8] = []
    /// An "are you there?" has been answered in this read: one answer a read is enough.
    private var answeredThisRead = false
    /// Keys of the current read not yet passed on, so that commands dropped
    /// between them do not split them into several events.
    private var pendingKeys: [UInt8] = []

    /// - Parameters:
    ///   - negotiationWait: How long to wait for the client's answers before
    ///     settling without them.
    ///   - greetingName: The name in the answer to `IAC AYT`.
    public init(
        negotiationWait: TimeAmount = .seconds(3),
        greetingName: String = "Coaching Kiosk"
    ) {
        self.negotiationWait = negotiationWait
        self.greetingName = greetingName
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            start(context: context)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
    }

    public func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        answeredThisRead = false
        if parser.isBetweenCommands, !buffer.readableBytesView.contains(TelnetByte.iac) {
            // Typing: data and nothing else, passed on without parsing.
            pendingKeys += buffer.readableBytesView
            fireKeys(context: context)
            flushIfNeeded(context: context)
            return
        }
        for event in parser.parse(buffer.readableBytesView) {
            handle(event, context: context)
            settleIfAnswered(context: context)
        }
        fireKeys(context: context)
        flushIfNeeded(context: context)
    }

    public func write(
        context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?
    ) {
        // Protocol bytes gathered before this write go first, in order.
        writeOutgoing(context: context)
        let buffer = unwrapOutboundIn(data)
        guard buffer.withUnsafeReadableBytes({ $0.contains(TelnetByte.iac) }) else {
            context.write(data, promise: promise)
            return
        }
        let escaped = context.channel.allocator.buffer(bytes: TelnetEncoding.escape(buffer.readableBytesView))
        context.write(wrapOutboundOut(escaped), promise: promise)
    }

    // MARK: - Negotiation

    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        var bytes: [UInt8] = []
        for (option, side) in Self.opening {
            if let verb = negotiation.request(option, at: side, enabled: true) {
                bytes += TelnetEncoding.negotiation(verb, option: option)
            }
        }
        send(bytes, context: context)
        flushIfNeeded(context: context)
        settleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: negotiationWait) {
            self.settleTimer = nil
            self.settle(context: context)
            // Outside a read, so end one: handlers that act at a read's end see it now.
            context.fireChannelReadComplete()
        }
    }

    private func handle(_ event: TelnetEvent, context: ChannelHandlerContext) {
        switch event {
        case .data(let bytes):
            pendingKeys += bytes
        case .command(.interruptProcess):
            fire(.interrupt, context: context)
        case .command(.areYouThere):
            // One answer a read, and none while the peer is not reading what
            // we sent: a flood of questions cannot pile answers up.
            if !answeredThisRead, context.channel.isWritable {
                answeredThisRead = true
                send(TelnetEncoding.escape("\r\n[\(greetingName): yes]\r\n".utf8), context: context)
            }
        case .command:
            break
        case .will(let option):
            receive(.will, option: option, context: context)
        case .wont(let option):
            receive(.wont, option: option, context: context)
        case .do(let option):
            receive(.do, option: option, context: context)
        case .dont(let option):
            receive(.dont, option: option, context: context)
        case .subnegotiation(let option, let payload):
            receiveSubnegotiation(option: option, payload: payload, context: context)
        }
    }

    private func receive(_ verb: TelnetVerb, option: UInt8, context: ChannelHandlerContext) {
        let terminalType = TelnetOption.terminalType
        let couldAskTerminalType = negotiation.isEnabled(terminalType, at: .him)
        if let reply = negotiation.receive(verb, option: option) {
            send(TelnetEncoding.negotiation(reply, option: option), context: context)
        }
        // Ask for the name only once the client has agreed to give it.
        if option == terminalType, !couldAskTerminalType, !terminalTypeReceived,
            negotiation.isEnabled(terminalType, at: .him)
        {
            terminalTypeRequested = true
            let request = TelnetEncoding.subnegotiation(
                option: terminalType, payload: [TelnetByte.terminalTypeSend])
            send(request, context: context)
        }
    }

    private func receiveSubnegotiation(
        option: UInt8, payload: [UInt8], context: ChannelHandlerContext
    ) {
        switch option {
        case TelnetOption.windowSize:
            guard negotiation.isEnabled(option, at: .him), payload.count == 4 else { return }
            windowSizeReceived = true
            let width = Int(payload[0]) << 8 | Int(payload[1])
            let height = Int(payload[2]) << 8 | Int(payload[3])
            if Self.isUsable(width: width, height: height) {
                fire(.windowSize(width: width, height: height), context: context)
            }
        case TelnetOption.terminalType:
            guard terminalTypeRequested, !terminalTypeReceived,
                payload.first == TelnetByte.terminalTypeIs
            else { return }
            terminalTypeReceived = true
            let name = Self.terminalTypeName(payload.dropFirst())
            if !name.isEmpty {
                fire(.terminalType(name), context: context)
            }
        default:
            break
        }
    }

    static func isUsable(width: Int, height: Int) -> Bool {
        (smallestWindow.width...largestWindow.width).contains(width)
            && (smallestWindow.height...largestWindow.height).contains(height)
    }

    /// Printable ASCII only, trimmed, at most ``terminalTypeLimit`` characters.
    static func terminalTypeName(_ bytes: some Sequence<UInt8>) -> String {
        let printable = bytes.filter { (0x20...0x7E).contains($0) }
        let trimmed = printable.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
        return String(decoding: trimmed.prefix(terminalTypeLimit), as: UTF8.self)
    }

    // MARK: - Settling

    /// Every option asked about has its answer, and a name or size has come for
    /// each of terminal type and window size that the client agreed to.
    private var isAnswered: Bool {
        for (option, side) in Self.opening where negotiation.isPending(option, at: side) {
            return false
        }
        if negotiation.isEnabled(TelnetOption.terminalType, at: .him), !terminalTypeReceived {
            return false
        }
        if negotiation.isEnabled(TelnetOption.windowSize, at: .him), !windowSizeReceived {
            return false
        }
        return true
    }

    private func settleIfAnswered(context: ChannelHandlerContext) {
        if started, !settled, isAnswered {
            settle(context: context)
        }
    }

    private func settle(context: ChannelHandlerContext) {
        guard !settled else { return }
        settled = true
        cancelTimer()
        fire(.negotiationSettled, context: context)
    }

    private func cancelTimer() {
        settleTimer?.cancel()
        settleTimer = nil
    }

    // MARK: - Plumbing

    private func fire(_ event: TerminalEvent, context: ChannelHandlerContext) {
        fireKeys(context: context)
        context.fireChannelRead(wrapInboundOut(event))
    }

    private func fireKeys(context: ChannelHandlerContext) {
        guard !pendingKeys.isEmpty else { return }
        let keys = pendingKeys
        pendingKeys = []
        context.fireChannelRead(wrapInboundOut(.bytes(keys)))
    }

    /// Queues protocol bytes for the wire, past this handler's escaping; they
    /// go out at the end of the read (or before the session's next write).
    private func send(_ bytes: [UInt8], context: ChannelHandlerContext) {
        outgoing += bytes
    }

    private func writeOutgoing(context: ChannelHandlerContext) {
        guard !outgoing.isEmpty else { return }
        let bytes = outgoing
        outgoing = []
        context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    private func flushIfNeeded(context: ChannelHandlerContext) {
        guard !outgoing.isEmpty else { return }
        writeOutgoing(context: context)
        context.flush()
    }
}

@available(*, unavailable)
extension TelnetHandler: Sendable {}
