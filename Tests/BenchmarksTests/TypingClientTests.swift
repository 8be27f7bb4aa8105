import NIOCore
import NIOPosix
import Testing

@testable import Benchmarks

/// The bench's typing clients against a bare echo server on loopback: what
/// they count is what the bench's figures are made of.
@Suite("The bench's typing clients type only in their turns, and count only their turn's keys")
struct TypingClientTests {
    /// Many clients on one event loop, each ticking every millisecond: a
    /// tick falls due in the same turn of the loop as `stopTyping` often, so
    /// a tick that ran on after the stop would show within these turns.
    @Test("after stopTyping a client sends nothing until it is resumed, and a turn counts at most its ticks")
    func stoppedClientsStayQuiet() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await EchoHandler.serve(group: serverGroup)
        let port = try #require(server.localAddress?.port)
        var clients: [TypingClient] = []
        for _ in 0..<40 {
            clients.append(try await TypingClient.connect(port: port, mode: .echo, group: group))
        }
        let interval = TimeAmount.milliseconds(1)
        let turn = TimeAmount.milliseconds(50)
        for round in 0..<20 {
            let from = NIODeadline.now() + .milliseconds(5)
            let until = from + turn
            for (index, client) in clients.enumerated() {
                let firstStep = from + .microseconds(Int64(index) * 25)
                if round == 0 {
                    try await client.startTyping(
                        script: [.type(UInt8(ascii: "x"), field: nil)], repeatFrom: 0, firstStep: firstStep,
                        interval: interval, recordFrom: from, recordUntil: until)
                } else {
                    try await client.resumeTyping(
                        firstStep: firstStep, interval: interval, recordFrom: from, recordUntil: until)
                }
            }
            try await Task.sleep(until: until)
            for client in clients { try await client.stopTyping() }
            try await Task.sleep(for: .milliseconds(20))
            var turnTally = ClientTally()
            for client in clients { turnTally.merge(try await client.drain()) }
            // 50 ticks of 1 ms in a 50 ms turn, the first at or after `from`.
            #expect(turnTally.echo.count <= clients.count * 50, "round \(round)")
            #expect(turnTally.echo.count > 0, "round \(round): nothing was typed")
            try await Task.sleep(for: .milliseconds(30))
            var quiet = ClientTally()
            for client in clients { quiet.merge(try await client.drain()) }
            #expect(quiet.keysSent == 0, "round \(round): \(quiet.keysSent) keys sent while stopped")
        }
        for client in clients { await client.close() }
        try await server.close()
        try await group.shutdownGracefully()
        try await serverGroup.shutdownGracefully()
    }
}
