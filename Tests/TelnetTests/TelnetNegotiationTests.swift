import Testing

@testable import Telnet

@Suite("RFC 1143 option negotiation")
struct TelnetNegotiationTests {
    private let echo = TelnetOption.echo
    private let terminalType = TelnetOption.terminalType

    @Test("asking for an option sends one request and waits for the answer")
    func request() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.request(terminalType, at: .him, enabled: true) == .do)
        #expect(negotiation.state(of: terminalType, at: .him) == .wantYes)
        #expect(negotiation.request(terminalType, at: .him, enabled: true) == nil)
        #expect(negotiation.receive(.will, option: terminalType) == nil)
        #expect(negotiation.isEnabled(terminalType, at: .him))
        #expect(negotiation.receive(.will, option: terminalType) == nil)
    }

    @Test("a refusal of what we asked for is not answered")
    func refusedRequest() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.request(echo, at: .us, enabled: true) == .will)
        #expect(negotiation.receive(.dont, option: echo) == nil)
        #expect(negotiation.state(of: echo, at: .us) == .no)
        #expect(negotiation.receive(.dont, option: echo) == nil)
    }

    @Test("the peer may enable a supported option and disable it again")
    func peerChanges() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.receive(.do, option: echo) == .will)
        #expect(negotiation.receive(.do, option: echo) == nil)
        #expect(negotiation.receive(.dont, option: echo) == .wont)
        #expect(negotiation.receive(.dont, option: echo) == nil)
        #expect(negotiation.receive(.do, option: echo) == .will)
    }

    @Test("unsupported options are refused on each side, and never asked for")
    func unsupported() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.receive(.will, option: echo) == .dont)
        #expect(negotiation.receive(.do, option: terminalType) == .wont)
        #expect(negotiation.receive(.wont, option: 99) == nil)
        #expect(negotiation.receive(.dont, option: 99) == nil)
        #expect(negotiation.request(99, at: .us, enabled: true) == nil)
        #expect(negotiation.state(of: 99, at: .us) == .no)
    }

    @Test("a change of mind while waiting is queued, then asked for after the answer")
    func oppositeQueue() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.request(terminalType, at: .him, enabled: true) == .do)
        #expect(negotiation.request(terminalType, at: .him, enabled: false) == nil)
        #expect(negotiation.receive(.will, option: terminalType) == .dont)
        #expect(negotiation.state(of: terminalType, at: .him) == .wantNo)
        #expect(negotiation.receive(.wont, option: terminalType) == nil)
        #expect(negotiation.state(of: terminalType, at: .him) == .no)
    }

    @Test("a queued enable after a disable is sent once the disable is answered")
    func oppositeQueueAfterDisable() {
        var negotiation = TelnetNegotiation()
        _ = negotiation.receive(.do, option: echo)
        #expect(negotiation.request(echo, at: .us, enabled: false) == .wont)
        #expect(negotiation.request(echo, at: .us, enabled: true) == nil)
        #expect(negotiation.receive(.dont, option: echo) == .will)
        #expect(negotiation.state(of: echo, at: .us) == .wantYes)
        #expect(negotiation.receive(.do, option: echo) == nil)
        #expect(negotiation.isEnabled(echo, at: .us))
    }

    @Test("a queued change cancelled before the answer is forgotten")
    func cancelledQueue() {
        var negotiation = TelnetNegotiation()
        #expect(negotiation.request(echo, at: .us, enabled: true) == .will)
        #expect(negotiation.request(echo, at: .us, enabled: false) == nil)
        #expect(negotiation.request(echo, at: .us, enabled: true) == nil)
        #expect(negotiation.receive(.do, option: echo) == nil)
        #expect(negotiation.isEnabled(echo, at: .us))
    }

    @Test("two Q-method peers asking at random always settle in agreement, without a loop")
    func twoPeersAgree() {
        let everything = TelnetNegotiation.Policy(
            (0..<4).map { TelnetNegotiation.Policy.Entry($0, us: true, him: true) })
        var random = SplitMix64(seed: 1143)
        for _ in 0..<2_000 {
            var peers = [
                TelnetNegotiation(policy: everything), TelnetNegotiation(policy: everything),
            ]
            // Messages in flight, in order, to peer 0 and to peer 1.
            var inFlight: [[(TelnetVerb, UInt8)]] = [[], []]
            for _ in 0..<40 {
                let peer = Int.random(in: 0...1, using: &random)
                if Bool.random(using: &random) {
                    let option = UInt8.random(in: 0..<4, using: &random)
                    let side: TelnetNegotiation.Side = Bool.random(using: &random) ? .us : .him
                    let enabled = Bool.random(using: &random)
                    if let verb = peers[peer].request(option, at: side, enabled: enabled) {
                        inFlight[1 - peer].append((verb, option))
                    }
                } else if let (verb, option) = inFlight[peer].first {
                    inFlight[peer].removeFirst()
                    if let reply = peers[peer].receive(verb, option: option) {
                        inFlight[1 - peer].append((reply, option))
                    }
                }
            }
            var steps = 0
            while !inFlight[0].isEmpty || !inFlight[1].isEmpty {
                steps += 1
                for peer in 0...1 where !inFlight[peer].isEmpty {
                    let (verb, option) = inFlight[peer].removeFirst()
                    if let reply = peers[peer].receive(verb, option: option) {
                        inFlight[1 - peer].append((reply, option))
                    }
                }
            }
            #expect(steps < 100)
            for option in UInt8(0)..<4 {
                #expect(!peers[0].isPending(option, at: .us))
                #expect(!peers[0].isPending(option, at: .him))
                #expect(peers[0].isEnabled(option, at: .us) == peers[1].isEnabled(option, at: .him))
                #expect(peers[0].isEnabled(option, at: .him) == peers[1].isEnabled(option, at: .us))
            }
        }
    }
}
