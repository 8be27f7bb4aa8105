import NIOCore
import TextUI

/// The session's end of its terminal connection: what the terminal sends,
/// queued until the session asks for it, and the bytes the session writes.
///
/// A session waits on its connection's event loop (`SessionExecutor`),
/// and so does this handler: a key is handed to the waiting session by
/// resuming it, with no lock. (`NIOAsyncChannel` does the same job for any
/// channel, with a lock, a state machine and generic look-ups each way; the
/// session bench measured it at about 20 µs of CPU a key, as much as the
/// rest of the pipeline.) Called from off the loop, it hops onto it.
///
/// Back-pressure: while `highWatermark` inputs wait unread, the terminal's
/// bytes are not read; once the session has taken them down to
/// `lowWatermark`, reading goes on. A write waits while the channel is not
/// writable (the terminal reads slowly).
///
/// While the session waits for a key it may say how to echo plain
/// characters ahead of its frame (`EchoAhead`); this handler then writes
/// each echo in the read that brought the character. Where the plan
/// `holds`, the characters are kept here, echoed, and handed to the
/// session as one run with the next other input, or when the line ends:
/// typing a sentence costs the session one turn, not one a key.
final class TerminalLine: ChannelDuplexHandler, @unchecked Sendable {
    // Sendable by confinement: every mutable property is used only on
    // `channel.eventLoop`.
    typealias InboundIn = SessionInput
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let channel: any Channel
    private let lowWatermark: Int
    private let highWatermark: Int
    private var context: ChannelHandlerContext?
    private var inputs = CircularBuffer<SessionInput>()
    private var reader: CheckedContinuation<SessionInput?, Never>?
    private var writer: CheckedContinuation<Void, Never>?
    /// How to echo the next character, while the session waits for it.
    private var echoAhead: EchoAhead?
    /// Characters echoed ahead and not yet handed to the waiting session.
    private var held: [UInt8] = []
    /// A read the channel asked for while the queue was full.
    private var readHeld = false
    private var ended = false

    init(channel: any Channel, lowWatermark: Int = 2, highWatermark: Int = 16) {
        self.channel = channel
        self.lowWatermark = lowWatermark
        self.highWatermark = max(lowWatermark + 1, highWatermark)
    }

    // MARK: The session's side

    /// The next thing the terminal sent, or nil once the connection is closed
    /// and everything it sent has been taken.
    ///
    /// With `echoAhead`, a plain character that comes while the session
    /// waits for it is echoed at once, as `echoAhead` says, and handed on as
    /// `.echoedAhead` (with the others of its run, where the plan holds
    /// them): the terminal shows it without waiting for the session.
    func next(echoAhead: EchoAhead? = nil) async -> SessionInput? {
        if channel.eventLoop.inEventLoop, let input = take() { return input }
        return await withCheckedContinuation { continuation in
            onLoop { self.take(or: continuation, echoAhead: echoAhead) }
        }
    }

    /// Writes `bytes` to the terminal, then waits while the channel is not
    /// writable. Nothing is written once the connection is closed.
    func write(_ bytes: [UInt8]) async {
        guard !bytes.isEmpty else { return }
        if channel.eventLoop.inEventLoop {
            send(bytes)
            if ended || channel.isWritable { return }
        } else {
            channel.eventLoop.execute { self.send(bytes) }
            if channel.isWritable { return }
        }
        await withCheckedContinuation { continuation in
            onLoop { self.waitUntilWritable(continuation) }
        }
    }

    private func onLoop(_ body: @escaping @Sendable () -> Void) {
        if channel.eventLoop.inEventLoop {
            body()
        } else {
            channel.eventLoop.execute(body)
        }
    }

    private func take() -> SessionInput? {
        guard let input = inputs.popFirst() else { return nil }
        if readHeld, inputs.count <= lowWatermark, let context {
            readHeld = false
            context.read()
        }
        return input
    }

    private func take(or continuation: CheckedContinuation<SessionInput?, Never>, echoAhead: EchoAhead?) {
        if let input = take() {
            continuation.resume(returning: input)
        } else if ended {
            continuation.resume(returning: nil)
        } else {
            precondition(reader == nil, "a terminal line has one reader")
            reader = continuation
            self.echoAhead = echoAhead
        }
    }

    private func send(_ bytes: [UInt8]) {
        guard !ended, let context else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    private func waitUntilWritable(_ continuation: CheckedContinuation<Void, Never>) {
        if ended || channel.isWritable {
            continuation.resume()
        } else {
            let earlier = writer
            writer = continuation
            earlier?.resume()
        }
    }

    /// The run of characters echoed ahead and held, taken out; nil if none.
    private func takeHeld() -> SessionInput? {
        guard !held.isEmpty else { return nil }
        defer { held.removeAll(keepingCapacity: true) }
        return .echoedAhead(String(decoding: held, as: UTF8.self))
    }

    /// The connection is gone: the session hears so once it has read the
    /// rest, the characters held for it first.
    ///
    /// Each waiter is taken out before it is resumed: the session may run at
    /// once, inside the resume (see `SessionExecutor`), and wait again.
    private func end() {
        ended = true
        // A reader waits only while nothing is queued.
        let (waitingReader, waitingWriter, run) = (reader, writer, takeHeld())
        (reader, writer, echoAhead) = (nil, nil, nil)
        waitingReader?.resume(returning: run)
        waitingWriter?.resume()
    }

    // MARK: The channel's side

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        end()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let input = unwrapInboundIn(data)
        guard let reader else {
            inputs.append(input)
            return
        }
        if let ahead = echoAhead, held.count < ahead.room, case let .keys(keys) = input, keys.count == 1,
            case let .character(character) = keys[0], let byte = character.asciiValue, EchoAhead.echoes(byte)
        {
            send(ahead.echo(byte, at: held.count))
            held.append(byte)
            // The session takes the run with the next other input, or once the line is full.
            if ahead.holds, held.count < ahead.room { return }
            (self.reader, echoAhead) = (nil, nil)
            // The terminal has its echo. The edit and the frame can wait until the loop
            // has read (and echoed) what the other terminals sent in the same turn.
            let run = takeHeld()
            context.eventLoop.execute { reader.resume(returning: run) }
            return
        }
        (self.reader, echoAhead) = (nil, nil)
        if let run = takeHeld() {
            inputs.append(input)
            reader.resume(returning: run)
        } else {
            reader.resume(returning: input)
        }
    }

    func read(context: ChannelHandlerContext) {
        if inputs.count >= highWatermark {
            readHeld = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let writer {
            self.writer = nil
            writer.resume()
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        end()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
