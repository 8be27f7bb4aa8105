import NIOCore
import Testing

@testable import Telnet

@Suite("The telnet parser and handler against random input")
struct TelnetFuzzTests {
    /// Bytes that matter to the protocol, drawn often so that random input
    /// builds real commands, negotiations and subnegotiations.
    private static let protocolBytes: [UInt8] = [
        255, 255, 255, 255, 250, 250, 240, 240, 251, 252, 253, 254, 241, 244, 246, 249,
        0, 1, 3, 13, 10, 24, 31, 34, 0x61,
    ]

    private static func randomCase(using random: inout SplitMix64) -> [UInt8] {
        let count = Int.random(in: 0...48, using: &random)
        let iacHeavy = Bool.random(using: &random)
        return (0..<count).map { _ in
            if iacHeavy, Int.random(in: 0..<4, using: &random) != 0 {
                return protocolBytes.randomElement(using: &random) ?? 255
            }
            return UInt8.random(in: 0...255, using: &random)
        }
    }

    /// The data bytes joined, and the other events in order.
    private static func split(_ events: [TelnetEvent]) -> (data: [UInt8], other: [TelnetEvent]) {
        var data: [UInt8] = []
        var other: [TelnetEvent] = []
        for event in events {
            if case .data(let bytes) = event {
                data += bytes
            } else {
                other.append(event)
            }
        }
        return (data, other)
    }

    @Test("100,000 random streams: no crash, payloads within the limit, chunks parse as a whole")
    func parserFuzz() {
        var random = SplitMix64(seed: 0x7E1_E7)
        for _ in 0..<100_000 {
            let limit = Int.random(in: 0...12, using: &random)
            let bytes = Self.randomCase(using: &random)

            var wholeParser = TelnetParser(subnegotiationLimit: limit)
            let whole = wholeParser.parse(bytes)

            var chunkedParser = TelnetParser(subnegotiationLimit: limit)
            var chunked: [TelnetEvent] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...6, using: &random))
                chunked += chunkedParser.parse(bytes[start..<end])
                start = end
            }

            for event in whole {
                if case .subnegotiation(_, let payload) = event, payload.count > limit {
                    Issue.record("payload of \(payload.count) over the limit \(limit): \(bytes)")
                }
            }
            let (wholeData, wholeOther) = Self.split(whole)
            let (chunkedData, chunkedOther) = Self.split(chunked)
            if wholeData != chunkedData || wholeOther != chunkedOther {
                Issue.record("chunked parse differs for \(bytes)")
                return
            }
        }
    }

    @Test("2,000 random sessions: settled at most once, one name, sizes within bounds")
    func handlerFuzz() throws {
        var random = SplitMix64(seed: 854)
        for _ in 0..<2_000 {
            let connection = try TelnetConnection()
            var received = 0
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let bytes = Self.randomCase(using: &random)
                received += bytes.count
                try connection.receive(bytes)
            }
            connection.advanceTime(by: .seconds(3))
            let events = try connection.events()
            #expect(events.filter { $0 == .negotiationSettled }.count == 1)
            #expect(events.filter { if case .terminalType = $0 { true } else { false } }.count <= 1)
            for case .windowSize(let width, let height) in events {
                #expect(TelnetHandler.isUsable(width: width, height: height))
            }
            // Answers are never longer than what provoked them: no loop, no amplification.
            let written = try connection.written()
            #expect(written.count <= 3 * received + 32)
        }
    }
}
