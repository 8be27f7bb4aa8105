import NIOCore
import NIOEmbedded
import Testing

@testable import Telnet

/// A peer that asks far more than it reads: the answers stay small.
@Suite("The telnet handler under a flood of requests")
struct TelnetFloodTests {
    @Test("a read full of IAC AYT is answered once, not once a question")
    func areYouThereFlood() throws {
        let connection = try TelnetConnection()
        try connection.receive(Array(repeating: [255, 246], count: 1000).flatMap { $0 })
        #expect(try connection.written() == Array("\r\n[Kiosk: yes]\r\n".utf8))
        try connection.receive([255, 246])
        #expect(try connection.written() == Array("\r\n[Kiosk: yes]\r\n".utf8), "the next read is answered again")
    }

    @Test("the answers to one read's negotiation go out as one write")
    func answersCoalesced() throws {
        let connection = try TelnetConnection()
        try connection.receive(Array(repeating: [255, 253, 99], count: 500).flatMap { $0 })
        var writes = 0
        var bytes: [UInt8] = []
        while let buffer = try connection.channel.readOutbound(as: ByteBuffer.self) {
            writes += 1
            bytes += buffer.readableBytesView
        }
        #expect(writes == 1)
        #expect(bytes == Array(repeating: [255, 252, 99], count: 500).flatMap { $0 }, "each refused, in order")
    }

    @Test("protocol answers still go out before the session's next write")
    func answersBeforeSessionOutput() throws {
        let connection = try TelnetConnection()
        try connection.receive([255, 253, 99])
        try connection.channel.writeOutbound(connection.channel.allocator.buffer(string: "screen"))
        #expect(try connection.written() == [255, 252, 99] + Array("screen".utf8))
    }
}
