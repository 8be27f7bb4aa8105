import Telnet

/// The client side of telnet, as a real client (PuTTY, netkit telnet) does
/// it: agrees to the server's ECHO, SUPPRESS-GO-AHEAD and BINARY, offers its
/// terminal type ("xterm") and window size (80×24) when asked, and refuses
/// anything else, answering each request once. The benchmark's typing
/// clients and the hostile tests' clients both speak through it.
public struct TelnetClientSide: Sendable {
    // The options, as the kiosk's own telnet module numbers them.
    static let binary = TelnetOption.binary
    static let echo = TelnetOption.echo
    static let suppressGoAhead = TelnetOption.suppressGoAhead
    static let terminalType = TelnetOption.terminalType
    static let windowSize = TelnetOption.windowSize

    let terminalName: String
    let width: UInt16
    let height: UInt16

    private enum State: Sendable {
        case data
        case command
        case option(verb: UInt8)
        case subnegotiation
        case subnegotiationCommand
    }

    private var state = State.data
    private var payload: [UInt8] = []
    /// Options the server does that we agreed to.
    private var serverOptions: Set<UInt8> = []
    /// Options we do that the server agreed to.
    private var clientOptions: Set<UInt8> = []
    /// Requests already refused, so a repeated one is not answered again.
    private var refused: Set<[UInt8]> = []

    public init(terminalName: String = "xterm", width: UInt16 = 80, height: UInt16 = 24) {
        self.terminalName = terminalName
        self.width = width
        self.height = height
    }

    /// Splits what the server sent into the data for the screen and the answers to send back.
    public mutating func receive(_ bytes: some Sequence<UInt8>, data: inout [UInt8], reply: inout [UInt8]) {
        Array(bytes).withUnsafeBytes { receive($0, data: &data, reply: &reply) }
    }

    /// As `receive(_:data:reply:)`, for bytes in place: plain data, the most
    /// of what a server sends, is taken whole. (The benchmark's clients read
    /// a form's frames this way; byte by byte through a generic sequence, a
    /// Tab's frame held their event loop long enough to delay other clients'
    /// echoes.)
    public mutating func receive(_ bytes: UnsafeRawBufferPointer, data: inout [UInt8], reply: inout [UInt8]) {
        if case .data = state, !bytes.contains(TelnetBytes.iac) {
            data.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch state {
            case .data:
                if byte == TelnetBytes.iac { state = .command } else { data.append(byte) }
            case .command:
                switch byte {
                case TelnetBytes.iac:
                    data.append(TelnetBytes.iac)
                    state = .data
                case TelnetBytes.will, TelnetBytes.wont, TelnetBytes.do, TelnetBytes.dont:
                    state = .option(verb: byte)
                case TelnetBytes.sb:
                    payload = []
                    state = .subnegotiation
                default:
                    state = .data
                }
            case let .option(verb):
                answer(verb, byte, reply: &reply)
                state = .data
            case .subnegotiation:
                if byte == TelnetBytes.iac {
                    state = .subnegotiationCommand
                } else if payload.count < 256 {
                    payload.append(byte)
                }
            case .subnegotiationCommand:
                if byte == TelnetBytes.se {
                    subnegotiation(reply: &reply)
                    state = .data
                } else {
                    if byte == TelnetBytes.iac, payload.count < 256 { payload.append(byte) }
                    state = .subnegotiation
                }
            }
        }
    }

    private mutating func answer(_ verb: UInt8, _ option: UInt8, reply: inout [UInt8]) {
        switch verb {
        case TelnetBytes.will:
            if [Self.echo, Self.suppressGoAhead, Self.binary].contains(option) {
                if serverOptions.insert(option).inserted { reply += [TelnetBytes.iac, TelnetBytes.do, option] }
            } else if refused.insert([verb, option]).inserted {
                reply += [TelnetBytes.iac, TelnetBytes.dont, option]
            }
        case TelnetBytes.wont:
            if serverOptions.remove(option) != nil { reply += [TelnetBytes.iac, TelnetBytes.dont, option] }
        case TelnetBytes.do:
            if [Self.binary, Self.terminalType, Self.windowSize].contains(option) {
                if clientOptions.insert(option).inserted {
                    reply += [TelnetBytes.iac, TelnetBytes.will, option]
                    if option == Self.windowSize { reply += windowSizeReport }
                }
            } else if refused.insert([verb, option]).inserted {
                reply += [TelnetBytes.iac, TelnetBytes.wont, option]
            }
        case TelnetBytes.dont:
            if clientOptions.remove(option) != nil { reply += [TelnetBytes.iac, TelnetBytes.wont, option] }
        default:
            break
        }
    }

    private var windowSizeReport: [UInt8] {
        let numbers = [UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)]
        return [TelnetBytes.iac, TelnetBytes.sb, Self.windowSize]
            + numbers.flatMap { $0 == TelnetBytes.iac ? [$0, $0] : [$0] }
            + [TelnetBytes.iac, TelnetBytes.se]
    }

    private mutating func subnegotiation(reply: inout [UInt8]) {
        // IAC SB TERMINAL-TYPE SEND IAC SE: answer IS "xterm".
        if payload == [Self.terminalType, 1], clientOptions.contains(Self.terminalType) {
            reply +=
                [TelnetBytes.iac, TelnetBytes.sb, Self.terminalType, 0] + Array(terminalName.utf8) + [
                    TelnetBytes.iac, TelnetBytes.se,
                ]
        }
    }
}
