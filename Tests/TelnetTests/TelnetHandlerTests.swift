import NIOCore
import NIOEmbedded
import TestSupport
import Testing

@testable import Telnet

@Suite("The telnet handler")
struct TelnetHandlerTests {
    // MARK: Opening

    @Test("a new connection is offered echo, no go-ahead, binary, and asked for its type and size")
    func openingSequence() throws {
        let connection = try TelnetConnection(keepOpening: true)
        #expect(try connection.written() == openingBytes)
        #expect(try connection.events() == [])
    }

    @Test("the opening is sent when the handler joins a channel that is already open")
    func addedToActiveChannel() throws {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 23)).wait()
        try channel.pipeline.syncOperations.addHandler(TelnetHandler())
        let written = try channel.readOutbound(as: ByteBuffer.self)
        #expect(written.map { Array($0.readableBytesView) } == openingBytes)
    }

    // MARK: Options

    @Test("DO ECHO gets no answer, because echo was already offered")
    func doEchoAfterOffer() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.do, TelnetOption.echo))
        #expect(try connection.written() == [])
    }

    @Test("a terminal that repeats DO ECHO is answered at most once")
    func repeatedDoEcho() throws {
        let connection = try TelnetConnection()
        let doEcho = negotiation(Byte.do, TelnetOption.echo)
        try connection.receive(doEcho + doEcho + doEcho)
        try connection.receive(doEcho)
        #expect(try connection.written() == [])

        try connection.receive(negotiation(Byte.dont, TelnetOption.echo))
        _ = try connection.written()
        try connection.receive(doEcho + doEcho)
        try connection.receive(doEcho)
        #expect(try connection.written() == negotiation(Byte.will, TelnetOption.echo))
    }

    @Test("DONT ECHO is answered WONT ECHO once, and DO ECHO after it WILL ECHO")
    func dontEchoThenDo() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.do, TelnetOption.echo))
        try connection.receive(negotiation(Byte.dont, TelnetOption.echo))
        try connection.receive(negotiation(Byte.dont, TelnetOption.echo))
        #expect(try connection.written() == negotiation(Byte.wont, TelnetOption.echo))
        try connection.receive(negotiation(Byte.do, TelnetOption.echo))
        #expect(try connection.written() == negotiation(Byte.will, TelnetOption.echo))
    }

    @Test("DO LINEMODE is refused with WONT LINEMODE")
    func doLinemode() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.do, Byte.linemode))
        #expect(try connection.written() == negotiation(Byte.wont, Byte.linemode))
    }

    @Test("WILL LINEMODE is refused with DONT LINEMODE")
    func willLinemode() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, Byte.linemode))
        #expect(try connection.written() == negotiation(Byte.dont, Byte.linemode))
    }

    @Test("WONT and DONT for an option that is off get no answer")
    func refusalsOfWhatIsOff() throws {
        let connection = try TelnetConnection()
        try connection.receive(
            negotiation(Byte.wont, Byte.linemode) + negotiation(Byte.dont, Byte.linemode))
        #expect(try connection.written() == [])
    }

    @Test("the client may offer to suppress go-ahead, and is told DO")
    func willSuppressGoAhead() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.suppressGoAhead))
        #expect(try connection.written() == negotiation(Byte.do, TelnetOption.suppressGoAhead))
        try connection.receive(negotiation(Byte.will, TelnetOption.suppressGoAhead))
        #expect(try connection.written() == [])
    }

    @Test("WILL ECHO from the client is refused: the kiosk echoes, not the terminal")
    func clientEchoRefused() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.echo))
        #expect(try connection.written() == negotiation(Byte.dont, TelnetOption.echo))
    }

    // MARK: Terminal type

    @Test("the terminal type is asked for only after the client says WILL TTYPE")
    func terminalTypeExchange() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.do, TelnetOption.echo))
        #expect(try connection.written() == [])
        try connection.receive(negotiation(Byte.will, TelnetOption.terminalType))
        #expect(try connection.written() == terminalTypeSend)
        try connection.receive(terminalTypeIs("XTERM-256color"))
        #expect(try connection.events() == [.terminalType("XTERM-256color")])
        try connection.receive(negotiation(Byte.will, TelnetOption.terminalType))
        #expect(try connection.written() == [])
    }

    @Test("a terminal type sent unasked is ignored")
    func unaskedTerminalType() throws {
        let connection = try TelnetConnection()
        try connection.receive(terminalTypeIs("vt100"))
        #expect(try connection.events() == [])
    }

    @Test("the terminal type is reported once, in printable ASCII, at most 40 characters")
    func terminalTypeSanitized() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.terminalType))
        let controls: [UInt8] = [27, 7, 0xC3, 0xA9, 255, 255]
        let hostile = [0] + Array(" xterm".utf8) + controls + Array(repeatElement(0x78, count: 50))
        try connection.receive(subnegotiation(TelnetOption.terminalType, hostile))
        try connection.receive(terminalTypeIs("vt100"))
        let expected = "xterm" + String(repeating: "x", count: 35)
        #expect(try connection.events() == [.terminalType(expected)])
    }

    @Test("WONT TTYPE ends the wait for a name without one")
    func terminalTypeRefused() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.wont, TelnetOption.terminalType))
        #expect(try connection.written() == [])
        try connection.receive(terminalTypeIs("vt100"))
        #expect(try connection.events() == [])
    }

    // MARK: Window size

    @Test("NAWS reports the window size, and every resize after it")
    func windowSizeAndResize() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.windowSize))
        #expect(try connection.written() == [])
        try connection.receive(windowSize(width: 80, height: 24))
        try connection.receive(windowSize(width: 120, height: 40))
        #expect(
            try connection.events() == [
                .windowSize(width: 80, height: 24), .windowSize(width: 120, height: 40),
            ])
    }

    @Test("a NAWS width of 255, doubled by PuTTY, is read as 255")
    func puttyWindowSize() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.windowSize))
        try connection.receive([255, 250, 31, 0, 255, 255, 0, 50, 255, 240])
        #expect(try connection.events() == [.windowSize(width: 255, height: 50)])
    }

    @Test(
        "window sizes under 20 by 10 or over 500 by 300 are ignored",
        arguments: [
            (19, 24, false), (80, 9, false), (20, 10, true), (500, 300, true),
            (501, 24, false), (80, 301, false), (0, 0, false), (65535, 65535, false),
        ])
    func windowSizeLimits(width: Int, height: Int, accepted: Bool) throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.windowSize))
        try connection.receive(windowSize(width: width, height: height))
        let expected: [TerminalEvent] = accepted ? [.windowSize(width: width, height: height)] : []
        #expect(try connection.events() == expected)
    }

    @Test("a NAWS of the wrong length, or before WILL NAWS, is ignored")
    func malformedWindowSize() throws {
        let connection = try TelnetConnection()
        try connection.receive(windowSize(width: 80, height: 24))
        try connection.receive(negotiation(Byte.will, TelnetOption.windowSize))
        try connection.receive(subnegotiation(TelnetOption.windowSize, [0, 80, 0]))
        #expect(try connection.events() == [])
    }

    // MARK: Settling

    @Test("a client that answers everything settles at once, after its size and type")
    func settledOnAllAnswers() throws {
        let connection = try TelnetConnection()
        try connection.receive(fullClientAnswer)
        #expect(try connection.written() == terminalTypeSend)
        #expect(try connection.events() == [.windowSize(width: 132, height: 43)])
        try connection.receive(terminalTypeIs("xterm") + Array("a".utf8))
        #expect(
            try connection.events() == [
                .terminalType("xterm"), .negotiationSettled, .bytes(Array("a".utf8)),
            ])
        connection.advanceTime(by: .seconds(10))
        #expect(try connection.events() == [])
    }

    @Test("the same client fed one byte per read gets the same events")
    func settledByteByByte() throws {
        let connection = try TelnetConnection()
        try connection.receiveByteByByte(fullClientAnswer + terminalTypeIs("xterm"))
        #expect(try connection.written() == terminalTypeSend)
        #expect(
            try connection.events() == [
                .windowSize(width: 132, height: 43), .terminalType("xterm"), .negotiationSettled,
            ])
    }

    @Test("the window size that settles negotiation comes before the settled event")
    func settledBySize() throws {
        let connection = try TelnetConnection()
        try connection.receive(
            negotiation(Byte.do, TelnetOption.echo)
                + negotiation(Byte.do, TelnetOption.suppressGoAhead)
                + negotiation(Byte.dont, TelnetOption.binary)
                + negotiation(Byte.wont, TelnetOption.binary)
                + negotiation(Byte.wont, TelnetOption.terminalType)
                + negotiation(Byte.will, TelnetOption.windowSize))
        #expect(try connection.events() == [])
        try connection.receive(windowSize(width: 80, height: 24))
        #expect(
            try connection.events() == [.windowSize(width: 80, height: 24), .negotiationSettled])
    }

    @Test("a client that refuses everything is settled by its refusals")
    func settledByRefusals() throws {
        let connection = try TelnetConnection()
        var refusals: [UInt8] = []
        for option in [TelnetOption.echo, TelnetOption.suppressGoAhead, TelnetOption.binary] {
            refusals += negotiation(Byte.dont, option)
        }
        for option in [TelnetOption.binary, TelnetOption.terminalType, TelnetOption.windowSize] {
            refusals += negotiation(Byte.wont, option)
        }
        try connection.receive(refusals)
        #expect(try connection.written() == [])
        #expect(try connection.events() == [.negotiationSettled])
    }

    @Test("a silent client, such as netcat, is settled after the wait, once")
    func settledOnTimeout() throws {
        let connection = try TelnetConnection()
        try connection.receive(Array("hi".utf8))
        connection.advanceTime(by: .milliseconds(2_999))
        #expect(try connection.events() == [.bytes(Array("hi".utf8))])
        connection.advanceTime(by: .milliseconds(1))
        #expect(try connection.events() == [.negotiationSettled])
        connection.advanceTime(by: .seconds(10))
        try connection.receive(fullClientAnswer + terminalTypeIs("xterm"))
        #expect(
            try connection.events() == [
                .windowSize(width: 132, height: 43), .terminalType("xterm"),
            ])
    }

    @Test("a client that agrees to NAWS but never sends a size is settled by the wait")
    func settledWhenSizeNeverComes() throws {
        let connection = try TelnetConnection(negotiationWait: .seconds(1))
        try connection.receive(
            negotiation(Byte.do, TelnetOption.echo)
                + negotiation(Byte.do, TelnetOption.suppressGoAhead)
                + negotiation(Byte.do, TelnetOption.binary)
                + negotiation(Byte.will, TelnetOption.binary)
                + negotiation(Byte.wont, TelnetOption.terminalType)
                + negotiation(Byte.will, TelnetOption.windowSize))
        #expect(try connection.events() == [])
        connection.advanceTime(by: .seconds(1))
        #expect(try connection.events() == [.negotiationSettled])
    }

    @Test("the wait is cancelled when the connection closes")
    func timerCancelledOnClose() throws {
        let recorder = EventRecorder()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([TelnetHandler(), recorder])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 23)).wait()
        channel.pipeline.fireChannelInactive()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(recorder.events == [])
        _ = try channel.finish()
    }

    // MARK: Commands

    @Test("IAC AYT is answered by the handler itself")
    func areYouThere() throws {
        let connection = try TelnetConnection()
        try connection.receive([255, 246])
        #expect(try connection.written() == Array("\r\n[Kiosk: yes]\r\n".utf8))
        #expect(try connection.events() == [])
    }

    @Test("IAC IP asks the session to end, in order with the keys around it")
    func interruptProcess() throws {
        let connection = try TelnetConnection()
        try connection.receive([0x61, 255, 244, 0x62])
        #expect(try connection.events() == [.bytes([0x61]), .interrupt, .bytes([0x62])])
    }

    @Test("other commands are ignored")
    func otherCommands() throws {
        let connection = try TelnetConnection()
        let ignored: [TelnetCommand] = [
            .se, .nop, .dataMark, .breakKey, .abortOutput, .eraseCharacter, .eraseLine, .goAhead,
        ]
        try connection.receive([0x61] + ignored.flatMap { [255, $0.rawValue] } + [0x62])
        #expect(try connection.written() == [])
        #expect(try connection.events() == [.bytes([0x61, 0x62])])
    }

    // MARK: Data

    @Test("the bytes of one read reach the session as one event, CR NUL and all")
    func coalescedKeys() throws {
        let connection = try TelnetConnection()
        let keys: [UInt8] = Array("abc".utf8) + [13, 0, 13, 10, 255, 255, 13]
        try connection.receive(keys)
        #expect(try connection.events() == [.bytes(Array("abc".utf8) + [13, 0, 13, 10, 255, 13])])
    }

    @Test("a command split across reads is read whole: plain typing after it is passed on as it is")
    func commandAcrossReads() throws {
        let connection = try TelnetConnection()
        try connection.receive(Array("ab".utf8) + [Byte.iac])
        try connection.receive([Byte.iac] + Array("c".utf8))
        try connection.receive([Byte.iac])
        try connection.receive([TelnetCommand.interruptProcess.rawValue] + Array("d".utf8))
        try connection.receive(Array("ef".utf8))
        #expect(
            try connection.events() == [
                .bytes(Array("ab".utf8)), .bytes([255] + Array("c".utf8)), .interrupt, .bytes(Array("d".utf8)),
                .bytes(Array("ef".utf8)),
            ])
    }

    @Test("an unknown subnegotiation is dropped and the keys after it still arrive")
    func unknownSubnegotiationDropped() throws {
        let connection = try TelnetConnection()
        try connection.receive(subnegotiation(TelnetOption.newEnvironment, [0, 1, 2]) + [0x61])
        #expect(try connection.written() == [])
        #expect(try connection.events() == [.bytes([0x61])])
    }

    @Test("an over-long subnegotiation is dropped and the connection recovers")
    func overLongSubnegotiationDropped() throws {
        let connection = try TelnetConnection()
        try connection.receive(negotiation(Byte.will, TelnetOption.windowSize))
        let tooLong = [UInt8](repeating: 1, count: 600)
        try connection.receive(subnegotiation(TelnetOption.windowSize, tooLong))
        try connection.receive(windowSize(width: 80, height: 24) + [0x61])
        #expect(
            try connection.events() == [.windowSize(width: 80, height: 24), .bytes([0x61])])
    }

    // MARK: Output

    @Test("every 0xFF the session writes is doubled, so text cannot inject a command")
    func outboundEscaping() throws {
        let connection = try TelnetConnection()
        try connection.send([0x61, 255, 244, 0x62])
        #expect(try connection.written() == [0x61, 255, 255, 244, 0x62])
        try connection.send(Array("héllo\r\n".utf8))
        #expect(try connection.written() == Array("héllo\r\n".utf8))
    }
}

/// Keeps what reaches the next handler, even after the channel has closed.
private final class EventRecorder: ChannelInboundHandler {
    typealias InboundIn = TerminalEvent

    private(set) var events: [TerminalEvent] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        events.append(unwrapInboundIn(data))
    }
}
