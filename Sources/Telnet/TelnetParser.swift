/// Splits the byte stream from a telnet peer into data, commands, negotiation
/// and subnegotiation, like libtelnet: it knows nothing of what the options mean.
///
/// State is kept across calls, so an `IAC`, a verb and its option, or a whole
/// subnegotiation may arrive split over any number of reads.
public struct TelnetParser: Sendable {
    private enum State: Sendable {
        case data
        case command
        case negotiation(TelnetVerb)
        case subnegotiationOption
        case subnegotiation
        case subnegotiationCommand
    }

    /// The most payload bytes a subnegotiation may carry; longer ones are dropped whole.
    public let subnegotiationLimit: Int

    private var state = State.data
    private var option: UInt8 = 0
    private var payload: [UInt8] = []
    private var overflowed = false

    public init(subnegotiationLimit: Int = 512) {
        self.subnegotiationLimit = max(0, subnegotiationLimit)
    }

    /// The events in `bytes`, in order; adjacent data is joined into one `.data` event.
    /// Whether the parser is between commands: bytes without IAC that come
    /// now are data, as they are.
    public var isBetweenCommands: Bool {
        if case .data = state { true } else { false }
    }

    public mutating func parse(_ bytes: some Sequence<UInt8>) -> [TelnetEvent] {
        var output = Output()
        for byte in bytes {
            step(byte, into: &output)
        }
        return output.finish()
    }

    private mutating func step(_ byte: UInt8, into output: inout Output) {
        switch state {
        case .data:
            if byte == TelnetByte.iac {
                state = .command
            } else {
                output.data.append(byte)
            }
        case .command:
            command(byte, into: &output)
        case .negotiation(let verb):
            state = .data
            switch verb {
            case .will: output.append(.will(byte))
            case .wont: output.append(.wont(byte))
            case .do: output.append(.do(byte))
            case .dont: output.append(.dont(byte))
            }
        case .subnegotiationOption:
            option = byte
            payload.removeAll(keepingCapacity: true)
            overflowed = false
            state = .subnegotiation
        case .subnegotiation:
            if byte == TelnetByte.iac {
                state = .subnegotiationCommand
            } else {
                appendPayload(byte)
            }
        case .subnegotiationCommand:
            if byte == TelnetByte.iac {
                appendPayload(byte)
                state = .subnegotiation
            } else {
                // A well-formed end, or a peer that forgot `SE`: either way the
                // subnegotiation is over and any other byte is a command.
                endSubnegotiation(into: &output)
                if byte != TelnetByte.se {
                    command(byte, into: &output)
                }
            }
        }
    }

    /// The byte after an `IAC` outside a subnegotiation.
    private mutating func command(_ byte: UInt8, into output: inout Output) {
        state = .data
        if byte == TelnetByte.iac {
            output.data.append(byte)
        } else if byte == TelnetByte.sb {
            state = .subnegotiationOption
        } else if let verb = TelnetVerb(rawValue: byte) {
            state = .negotiation(verb)
        } else if byte != TelnetByte.se, let command = TelnetCommand(rawValue: byte) {
            output.append(.command(command))
        }
    }

    private mutating func appendPayload(_ byte: UInt8) {
        guard !overflowed else { return }
        if payload.count < subnegotiationLimit {
            payload.append(byte)
        } else {
            overflowed = true
            payload = []
        }
    }

    private mutating func endSubnegotiation(into output: inout Output) {
        state = .data
        if !overflowed {
            output.append(.subnegotiation(option: option, payload: payload))
        }
        payload.removeAll(keepingCapacity: !overflowed)
        overflowed = false
    }
}

/// The events of one `parse` call, with pending data held back until something else comes.
private struct Output {
    var events: [TelnetEvent] = []
    var data: [UInt8] = []

    mutating func append(_ event: TelnetEvent) {
        flushData()
        events.append(event)
    }

    mutating func finish() -> [TelnetEvent] {
        flushData()
        return events
    }

    private mutating func flushData() {
        if !data.isEmpty {
            events.append(.data(data))
            data.removeAll()
        }
    }
}
