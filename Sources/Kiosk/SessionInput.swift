import NIOCore
import Telnet
import TextUI

/// What a terminal session reads: keys and the terminal's own news,
/// whatever line (telnet or serial) they came over.
public enum SessionInput: Sendable, Equatable {
    case keys([Key])
    /// Plain characters the line has already echoed, as the session's `EchoAhead` said.
    case echoedAhead(String)
    case windowSize(width: Int, height: Int)
    case terminalType(String)
    /// The telnet options are settled (or the wait is over): draw the first screen.
    case ready
    /// The person asked to end the session (telnet IAC IP).
    case interrupt
    /// A minute before the session would be logged out for idleness.
    case idleWarning
    /// No key for too long: log out (drafts are already saved).
    case idleTimeout
    /// The daemon is stopping: say so and end.
    case shutdown
}

/// What the session tells the handlers below it.
public enum SessionPhase: Sendable {
    /// The person has logged in: the idle limit replaces the login limit.
    case loggedIn
}

/// Turns terminal bytes into keys, delivering a lone Escape after a short
/// pause (an arrow key is ESC [ A in one packet; a lone ESC is the Esc key).
///
/// A big read (a paste, a flood) is passed on in batches of at most
/// ``maximumKeysPerEvent`` keys, so the session never holds more than one
/// batch of keys ahead and the inbound back-pressure counts real work.
final class KeyInputHandler: ChannelInboundHandler {
    typealias InboundIn = TerminalEvent
    typealias InboundOut = SessionInput

    /// The most keys in one `.keys` event.
    static let maximumKeysPerEvent = 256

    private var decoder = KeyDecoder()
    private var pendingEscape: Scheduled<Void>?
    private let escapeDelay: TimeAmount

    init(escapeDelay: TimeAmount = .milliseconds(60)) {
        self.escapeDelay = escapeDelay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .bytes(bytes):
            pendingEscape?.cancel()
            pendingEscape = nil
            let keys = decoder.decode(bytes)
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(keys.endIndex, start + Self.maximumKeysPerEvent)
                // A read of one batch (typing) goes on as it came, not copied.
                let batch = start == keys.startIndex && end == keys.endIndex ? keys : Array(keys[start..<end])
                context.fireChannelRead(wrapInboundOut(.keys(batch)))
                start = end
            }
            if decoder.hasPendingEscape {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                pendingEscape = context.eventLoop.scheduleTask(in: escapeDelay) {
                    let (handler, context) = loopBound.value
                    handler.pendingEscape = nil
                    let keys = handler.decoder.flushPendingEscape()
                    if !keys.isEmpty {
                        context.fireChannelRead(handler.wrapInboundOut(.keys(keys)))
                        context.fireChannelReadComplete()
                    }
                }
            }
        case let .windowSize(width, height):
            context.fireChannelRead(wrapInboundOut(.windowSize(width: width, height: height)))
        case let .terminalType(name):
            context.fireChannelRead(wrapInboundOut(.terminalType(name)))
        case .negotiationSettled:
            context.fireChannelRead(wrapInboundOut(.ready))
        case .interrupt:
            context.fireChannelRead(wrapInboundOut(.interrupt))
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pendingEscape?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        pendingEscape?.cancel()
        context.fireChannelInactive()
    }
}

/// Watches for a terminal left alone: 60 s to log in, then the idle limit
/// with a warning a minute before it.
///
/// The login limit runs from the connection, or from the first key for a
/// person who walks up to a terminal left open; later keys do not extend
/// it, so a client that sends a byte every few seconds and never logs in
/// (slowloris) is let go at the limit all the same. Once logged in, every
/// key starts the idle limit again: the key only notes the time, and a
/// timer that comes due finds the person active and sets itself for later,
/// rather than every key cancelling and setting two timers.
final class IdleWatchHandler: ChannelDuplexHandler {
    typealias InboundIn = SessionInput
    typealias InboundOut = SessionInput
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let loginLimit: TimeAmount
    private let idleLimit: TimeAmount
    private let warningBefore: TimeAmount
    private var loggedIn = false
    /// Whether a key has come before login (the login limit restarts once, then).
    private var keyBeforeLogin = false
    /// When the limit started running: the connection, the first key, or the last key once logged in.
    private var since = NIODeadline.now()
    private var warning: Scheduled<Void>?
    private var timeout: Scheduled<Void>?

    init(loginLimit: TimeAmount, idleLimit: TimeAmount, warningBefore: TimeAmount = .seconds(60)) {
        self.loginLimit = loginLimit
        self.idleLimit = idleLimit
        self.warningBefore = warningBefore
    }

    private var limit: TimeAmount { loggedIn ? idleLimit : loginLimit }

    /// A minute's warning, or half the limit when the limit is short; none before login.
    private var notice: TimeAmount {
        loggedIn ? min(warningBefore, TimeAmount.nanoseconds(idleLimit.nanoseconds / 2)) : .zero
    }

    func channelActive(context: ChannelHandlerContext) {
        restart(context: context)
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { restart(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .keys = unwrapInboundIn(data) {
            if loggedIn {
                since = .now()
                if warning == nil { scheduleWarning(context: context) }
            } else if !keyBeforeLogin {
                keyBeforeLogin = true
                restart(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if let phase = event as? SessionPhase, case .loggedIn = phase {
            loggedIn = true
            restart(context: context)
            promise?.succeed()
            return
        }
        context.triggerUserOutboundEvent(event, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is KioskShuttingDown {
            cancel()
            context.fireChannelRead(wrapInboundOut(.shutdown))
            context.fireChannelReadComplete()
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func handlerRemoved(context: ChannelHandlerContext) { cancel() }

    private func cancel() {
        warning?.cancel()
        timeout?.cancel()
        warning = nil
        timeout = nil
    }

    private func restart(context: ChannelHandlerContext) {
        cancel()
        since = .now()
        scheduleWarning(context: context)
        scheduleTimeout(context: context)
    }

    private func scheduleWarning(context: ChannelHandlerContext) {
        guard notice > .zero else { return }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        warning = context.eventLoop.scheduleTask(deadline: since + (limit - notice)) {
            let (handler, context) = loopBound.value
            handler.warning = nil
            if NIODeadline.now() < handler.since + (handler.limit - handler.notice) {
                handler.scheduleWarning(context: context)
            } else {
                context.fireChannelRead(handler.wrapInboundOut(.idleWarning))
                context.fireChannelReadComplete()
            }
        }
    }

    private func scheduleTimeout(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeout = context.eventLoop.scheduleTask(deadline: since + limit) {
            let (handler, context) = loopBound.value
            handler.timeout = nil
            if NIODeadline.now() < handler.since + handler.limit {
                handler.scheduleTimeout(context: context)
            } else {
                context.fireChannelRead(handler.wrapInboundOut(.idleTimeout))
                context.fireChannelReadComplete()
            }
        }
    }
}

/// A serial line has no telnet: its bytes are keys from the start, and its
/// terminal type is what the school configured.
final class SerialInputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = TerminalEvent

    private let terminalType: String

    init(terminalType: String) {
        self.terminalType = terminalType
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        context.fireChannelRead(wrapInboundOut(.terminalType(terminalType)))
        context.fireChannelRead(wrapInboundOut(.negotiationSettled))
        context.fireChannelReadComplete()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes), !bytes.isEmpty {
            context.fireChannelRead(wrapInboundOut(.bytes(bytes)))
        }
    }
}
