import NIOCore
import NIOEmbedded
import TestSupport

@testable import Telnet

/// Bytes of the protocol, named for tests.
typealias Byte = TelnetBytes

/// What a kiosk sends the moment a client connects.
let openingBytes: [UInt8] = [
    255, 251, 1, 255, 251, 3, 255, 251, 0, 255, 253, 0, 255, 253, 24, 255, 253, 31,
]

/// A deterministic generator (SplitMix64), so that every run sees the same cases.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A ``TelnetHandler`` on a connected `EmbeddedChannel`.
struct TelnetConnection {
    let channel: EmbeddedChannel

    init(negotiationWait: TimeAmount = .seconds(3), keepOpening: Bool = false) throws {
        channel = EmbeddedChannel(
            handler: TelnetHandler(negotiationWait: negotiationWait, greetingName: "Kiosk"))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 23)).wait()
        if !keepOpening {
            _ = try written()
        }
    }

    /// Sends bytes from the client in one read.
    func receive(_ bytes: [UInt8]) throws {
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes))
    }

    /// Sends bytes from the client, one read per byte.
    func receiveByteByByte(_ bytes: [UInt8]) throws {
        for byte in bytes {
            try receive([byte])
        }
    }

    /// Everything the handler has sent to the client since the last call.
    func written() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            bytes += buffer.readableBytesView
        }
        return bytes
    }

    /// Everything the handler has passed to the session since the last call.
    func events() throws -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        while let event = try channel.readInbound(as: TerminalEvent.self) {
            events.append(event)
        }
        return events
    }

    /// Writes application text through the handler, as the session does.
    func send(_ bytes: [UInt8]) throws {
        try channel.writeOutbound(channel.allocator.buffer(bytes: bytes))
    }

    func advanceTime(by amount: TimeAmount) {
        channel.embeddedEventLoop.advanceTime(by: amount)
    }
}

func negotiation(_ verb: UInt8, _ option: UInt8) -> [UInt8] {
    [Byte.iac, verb, option]
}

func subnegotiation(_ option: UInt8, _ payload: [UInt8]) -> [UInt8] {
    [Byte.iac, Byte.sb, option] + payload + [Byte.iac, Byte.se]
}

func windowSize(width: Int, height: Int) -> [UInt8] {
    let raw = [UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)]
    return subnegotiation(TelnetOption.windowSize, TelnetEncoding.escape(raw))
}

func terminalTypeIs(_ name: String) -> [UInt8] {
    subnegotiation(TelnetOption.terminalType, [0] + Array(name.utf8))
}

let terminalTypeSend: [UInt8] = [255, 250, 24, 1, 255, 240]

/// Every answer a well-behaved client such as PuTTY gives to the opening.
let fullClientAnswer: [UInt8] =
    negotiation(Byte.do, TelnetOption.echo)
    + negotiation(Byte.do, TelnetOption.suppressGoAhead)
    + negotiation(Byte.do, TelnetOption.binary)
    + negotiation(Byte.will, TelnetOption.binary)
    + negotiation(Byte.will, TelnetOption.terminalType)
    + negotiation(Byte.will, TelnetOption.windowSize)
    + windowSize(width: 132, height: 43)
