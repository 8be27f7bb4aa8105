import FuzzSupport
import NIOCore
import NIOEmbedded
import Telnet

// One input, three things fuzzed, each against invariants rather than
// "does not crash":
//
// - the parser: whole, byte by byte and in random pieces give the same
//   events; never more data out than bytes in; payloads within the limit;
//   re-encoding the events and parsing them again gives them back; any
//   bytes escaped with `TelnetEncoding.escape` parse back as exactly those
//   bytes (IAC in data round-trips);
// - the negotiation: two RFC 1143 machines (the kiosk and a client whose
//   policy and requests come from the input) never loop, end agreeing on
//   every option, and the kiosk never enables what its policy refuses;
// - the handler, in an EmbeddedChannel: the keys it passes on are the
//   parser's data, it settles exactly once, window sizes and terminal
//   types are within bounds, and what it writes is well-formed telnet that
//   asks only for what the kiosk supports, with data written through it
//   arriving IAC-doubled and intact.

/// The fuzz target, under libFuzzer's name too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTelnet(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    fuzzParser(input)
    fuzzNegotiation(input)
    fuzzHandler(input)
    return 0
}

// MARK: - Parser

/// Adjacent data events joined, so that events from different splits compare.
func merged(_ events: [TelnetEvent]) -> [TelnetEvent] {
    var result: [TelnetEvent] = []
    for event in events {
        if case let .data(bytes) = event, case let .data(before)? = result.last {
            result[result.count - 1] = .data(before + bytes)
        } else {
            result.append(event)
        }
    }
    return result
}

/// The bytes that make `events` again.
func encoded(_ events: [TelnetEvent]) -> [UInt8] {
    var bytes: [UInt8] = []
    for event in events {
        switch event {
        case let .data(data): bytes += TelnetEncoding.escape(data)
        case let .command(command): bytes += [255, command.rawValue]
        case let .will(option): bytes += TelnetEncoding.negotiation(.will, option: option)
        case let .wont(option): bytes += TelnetEncoding.negotiation(.wont, option: option)
        case let .do(option): bytes += TelnetEncoding.negotiation(.do, option: option)
        case let .dont(option): bytes += TelnetEncoding.negotiation(.dont, option: option)
        case let .subnegotiation(option, payload):
            bytes += TelnetEncoding.subnegotiation(option: option, payload: payload)
        }
    }
    return bytes
}

func fuzzParser(_ input: [UInt8]) {
    let limit = input.isEmpty ? 0 : Int(input[0] % 40)
    var wholeParser = TelnetParser(subnegotiationLimit: limit)
    let whole = wholeParser.parse(input)

    var dataOut = 0
    var previousWasData = false
    for event in whole {
        switch event {
        case let .data(bytes):
            require(!bytes.isEmpty, "an empty data event", input: input)
            require(!previousWasData, "two data events in a row from one parse", input: input)
            dataOut += bytes.count
            previousWasData = true
        case let .subnegotiation(_, payload):
            require(payload.count <= limit, "payload of \(payload.count) past the limit \(limit)", input: input)
            previousWasData = false
        case let .command(command):
            require(command != .se, "SE reported as a command", input: input)
            previousWasData = false
        default:
            previousWasData = false
        }
    }
    require(dataOut <= input.count, "\(dataOut) data bytes out of \(input.count) in", input: input)
    let iacsIn = input.filter { $0 == 255 }.count
    let iacsOut = whole.reduce(0) { total, event in
        if case let .data(bytes) = event { return total + bytes.filter { $0 == 255 }.count }
        return total
    }
    require(iacsOut * 2 <= iacsIn, "\(iacsOut) data 255s from only \(iacsIn) IACs", input: input)

    // Byte by byte, and in random pieces: the same events.
    var single = TelnetParser(subnegotiationLimit: limit)
    var bytewise: [TelnetEvent] = []
    for byte in input { bytewise += single.parse([byte]) }
    require(merged(bytewise) == merged(whole), "byte by byte differs from whole", input: input)
    var random = SplitMix64(hashing: input)
    var chunkedParser = TelnetParser(subnegotiationLimit: limit)
    var chunked: [TelnetEvent] = []
    for piece in pieces(of: input, longest: 9, using: &random) { chunked += chunkedParser.parse(piece) }
    require(merged(chunked) == merged(whole), "random pieces differ from whole", input: input)

    // What was understood, written out again, is understood the same way.
    var again = TelnetParser(subnegotiationLimit: limit)
    let reparsed = again.parse(encoded(whole))
    require(merged(reparsed) == merged(whole), "re-encoded events parse differently", input: input)

    // Any bytes at all, escaped, are data and nothing else: IAC IAC round-trips.
    var escapedParser = TelnetParser(subnegotiationLimit: limit)
    let escaped = escapedParser.parse(TelnetEncoding.escape(input))
    require(
        escaped == (input.isEmpty ? [] : [.data(input)]), "escaped bytes did not come back as themselves",
        input: input)
}

// MARK: - Negotiation

/// The options the fuzzer plays with: the kiosk's, some it refuses, and the extremes.
let options: [UInt8] = [0, 1, 3, 5, 24, 31, 34, 39, 99, 255]

func fuzzNegotiation(_ input: [UInt8]) {
    var bytes = input.makeIterator()
    // The client's policy: which options it would enable at each end.
    let usMask = UInt16(bytes.next() ?? 0) | UInt16(bytes.next() ?? 0) << 8
    let himMask = UInt16(bytes.next() ?? 0) | UInt16(bytes.next() ?? 0) << 8
    let clientPolicy = TelnetNegotiation.Policy(
        options.enumerated().map { index, option in
            .init(option, us: usMask & (1 << index) != 0, him: himMask & (1 << index) != 0)
        })
    var kiosk = TelnetNegotiation(policy: .kiosk)
    var client = TelnetNegotiation(policy: clientPolicy)
    var toClient: [(TelnetVerb, UInt8)] = []
    var toKiosk: [(TelnetVerb, UInt8)] = []
    var delivered = 0

    func deliver(
        _ message: (TelnetVerb, UInt8), to receiver: inout TelnetNegotiation, replies: inout [(TelnetVerb, UInt8)]
    ) {
        delivered += 1
        if let reply = receiver.receive(message.0, option: message.1) { replies.append((reply, message.1)) }
    }

    while let operation = bytes.next() {
        let option = options[Int(bytes.next() ?? 0) % options.count]
        let side: TelnetNegotiation.Side = operation & 0x10 != 0 ? .us : .him
        let enabled = operation & 0x20 != 0
        switch operation % 5 {
        case 0:
            if let verb = kiosk.request(option, at: side, enabled: enabled) { toClient.append((verb, option)) }
        case 1:
            if let verb = client.request(option, at: side, enabled: enabled) { toKiosk.append((verb, option)) }
        case 2:
            if !toClient.isEmpty { deliver(toClient.removeFirst(), to: &client, replies: &toKiosk) }
        case 3:
            if !toKiosk.isEmpty { deliver(toKiosk.removeFirst(), to: &kiosk, replies: &toClient) }
        default:
            // The same request twice, as some clients send it, to a copy of the kiosk:
            // once an option is settled, the repeat is answered with nothing new.
            let verb: TelnetVerb = side == .us ? (enabled ? .do : .dont) : (enabled ? .will : .wont)
            var copy = kiosk
            let before = copy.state(of: option, at: side)
            _ = copy.receive(verb, option: option)
            let second = copy.receive(verb, option: option)
            if (before == .no || before == .yes) && (copy.policy.allows(option, at: side) || !enabled) {
                require(second == nil, "answered \(verb) \(option) twice", input: input)
            }
        }
        require(delivered < 100_000, "negotiation runs away", input: input)
    }
    // Deliver everything still in flight: it must die down, with both ends agreeing.
    var rounds = 0
    while !toClient.isEmpty || !toKiosk.isEmpty {
        rounds += 1
        require(rounds < 10_000, "negotiation never settles: it loops", input: input)
        if !toClient.isEmpty { deliver(toClient.removeFirst(), to: &client, replies: &toKiosk) }
        if !toKiosk.isEmpty { deliver(toKiosk.removeFirst(), to: &kiosk, replies: &toClient) }
    }
    for option in options {
        for side in [TelnetNegotiation.Side.us, .him] {
            let other: TelnetNegotiation.Side = side == .us ? .him : .us
            require(!kiosk.isPending(option, at: side), "kiosk still waits on \(option)", input: input)
            require(!client.isPending(option, at: side), "client still waits on \(option)", input: input)
            require(
                kiosk.isEnabled(option, at: side) == client.isEnabled(option, at: other),
                "the ends disagree on option \(option) at the kiosk's \(side)", input: input)
            if kiosk.isEnabled(option, at: side) {
                require(kiosk.policy.allows(option, at: side), "kiosk enabled refused option \(option)", input: input)
            }
        }
    }
}

// MARK: - Handler

func fuzzHandler(_ input: [UInt8]) {
    let channel = EmbeddedChannel()
    defer { _ = try? channel.finish() }
    do {
        try channel.pipeline.syncOperations.addHandler(TelnetHandler(negotiationWait: .seconds(3)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 23)).wait()
    } catch {
        require(false, "the handler did not start: \(error)", input: input)
    }
    var random = SplitMix64(hashing: input)
    var keys: [UInt8] = []
    var settled = 0
    var terminalTypes = 0
    var written: [UInt8] = []

    func collect() {
        while let event = try? channel.readInbound(as: TerminalEvent.self) {
            switch event {
            case let .bytes(bytes):
                require(!bytes.isEmpty, "empty keystrokes", input: input)
                keys += bytes
            case let .windowSize(width, height):
                require(
                    (20...500).contains(width) && (10...300).contains(height), "window \(width)×\(height) passed on",
                    input: input)
            case let .terminalType(name):
                terminalTypes += 1
                require(!name.isEmpty && name.count <= 40, "terminal type \"\(name)\"", input: input)
                require(name.utf8.allSatisfy { (0x20...0x7E).contains($0) }, "unprintable terminal type", input: input)
            case .negotiationSettled:
                settled += 1
            case .interrupt:
                break
            }
        }
        while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
            written += buffer.readableBytesView
        }
    }

    for piece in pieces(of: input, longest: 16, using: &random) {
        do {
            try channel.writeInbound(channel.allocator.buffer(bytes: piece))
        } catch {
            require(false, "the handler failed on input: \(error)", input: input)
        }
        collect()
    }
    channel.embeddedEventLoop.advanceTime(by: .seconds(4))
    collect()

    require(settled == 1, "settled \(settled) times", input: input)
    require(terminalTypes <= 1, "\(terminalTypes) terminal types passed on", input: input)
    var parser = TelnetParser()
    let sent = parser.parse(input)
    let data = sent.reduce(into: [UInt8]()) { all, event in
        if case let .data(bytes) = event { all += bytes }
    }
    require(keys == data, "the keys passed on are not the data sent", input: input)

    // What the kiosk said: well-formed, asking only for what it supports.
    var check = TelnetParser()
    let greeting = Array("\r\n[Coaching Kiosk: yes]\r\n".utf8)
    for event in check.parse(written) {
        switch event {
        case let .will(option):
            require(TelnetNegotiation.Policy.kiosk.allows(option, at: .us), "kiosk offered \(option)", input: input)
        case let .do(option):
            require(TelnetNegotiation.Policy.kiosk.allows(option, at: .him), "kiosk asked for \(option)", input: input)
        case let .subnegotiation(option, payload):
            require(option == 24 && payload == [1], "kiosk sent SB \(option) \(payload)", input: input)
            require(sent.contains(.will(24)), "asked for the terminal type before the client agreed", input: input)
        case let .data(bytes):
            require(
                bytes.count % greeting.count == 0
                    && stride(from: 0, to: bytes.count, by: greeting.count).allSatisfy {
                        Array(bytes[$0..<($0 + greeting.count)]) == greeting
                    },
                "kiosk sent data of its own: \(bytes)", input: input)
        case .command:
            require(false, "kiosk sent a command", input: input)
        case .wont, .dont:
            break
        }
    }

    // Data written through the handler reaches the wire with every 0xFF doubled.
    do {
        try channel.writeOutbound(channel.allocator.buffer(bytes: input))
    } catch {
        require(false, "writing through the handler failed: \(error)", input: input)
    }
    var out: [UInt8] = []
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) { out += buffer.readableBytesView }
    require(out == TelnetEncoding.escape(input), "data written was not escaped exactly", input: input)
    var back = TelnetParser()
    require(back.parse(out) == (input.isEmpty ? [] : [.data(input)]), "written data does not round-trip", input: input)
}

// Last, after every global above is set up: libFuzzer takes over from here.
runLibFuzzer { data, count in fuzzTelnet(data, count) }
