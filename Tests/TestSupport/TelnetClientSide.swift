import Telnet

/// The client side of telnet, as a real client (PuTTY, netkit telnet) does
/// it: agrees to the server's ECHO, SUPPRESS-GO-AHEAD and BINARY, offers its
/// terminal type ("xterm") and window size (80×24) when asked, and refuses
/// anything else, answering each request once. The benchmark's typing
/// clients and the hostile tests' clients both speak through it.
public struct TelnetClientSide: Sendable {
    // The protocol's numbers, as the kiosk's own telnet module names them.
    static let iac = TelnetByte.iac
    static let dont = TelnetVerb.dont.rawValue
    static let `do` = TelnetVerb.do.rawValue
    static let wont = TelnetVerb.wont.rawValue
    static let will = TelnetVerb.will.rawValue
    static let sb = TelnetByte.sb
    static let se = TelnetByte.se

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
        for byte in bytes {
            switch state {
            case .data:
                if byte == Self.iac { state = .command } else { data.append(byte) }
            case .command:
                switch byte {
                case Self.iac:
                    data.append(Self.iac)
                    state = .data
                case Self.will, Self.wont, Self.do, Self.dont:
                    state = .option(verb: byte)
                case Self.sb:
                    payload = []
                    state = .subnegotiation
                default:
                    state = .data
                }
            case let .option(verb):
                answer(verb, byte, reply: &reply)
                state = .data
            case .subnegotiation:
                if byte == Self.iac {
                    state = .subnegotiationCommand
                } else if payload.count < 256 {
                    payload.append(byte)
                }
            case .subnegotiationCommand:
                if byte == Self.se {
                    subnegotiation(reply: &reply)
                    state = .data
                } else {
                    if byte == Self.iac, payload.count < 256 { payload.append(byte) }
                    state = .subnegotiation
                }
            }
        }
    }

    private mutating func answer(_ verb: UInt8, _ option: UInt8, reply: inout [UInt8]) {
        switch verb {
        case Self.will:
            if [Self.echo, Self.suppressGoAhead, Self.binary].contains(option) {
                if serverOptions.insert(option).inserted { reply += [Self.iac, Self.do, option] }
            } else if refused.insert([verb, option]).inserted {
                reply += [Self.iac, Self.dont, option]
            }
        case Self.wont:
            if serverOptions.remove(option) != nil { reply += [Self.iac, Self.dont, option] }
        case Self.do:
            if [Self.binary, Self.terminalType, Self.windowSize].contains(option) {
                if clientOptions.insert(option).inserted {
                    reply += [Self.iac, Self.will, option]
                    if option == Self.windowSize { reply += windowSizeReport }
                }
            } else if refused.insert([verb, option]).inserted {
                reply += [Self.iac, Self.wont, option]
            }
        case Self.dont:
            if clientOptions.remove(option) != nil { reply += [Self.iac, Self.wont, option] }
        default:
            break
        }
    }

    private var windowSizeReport: [UInt8] {
        let numbers = [UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)]
        return [Self.iac, Self.sb, Self.windowSize] + numbers.flatMap { $0 == Self.iac ? [$0, $0] : [$0] }
            + [Self.iac, Self.se]
    }

    private mutating func subnegotiation(reply: inout [UInt8]) {
        // IAC SB TERMINAL-TYPE SEND IAC SE: answer IS "xterm".
        if payload == [Self.terminalType, 1], clientOptions.contains(Self.terminalType) {
            reply += [Self.iac, Self.sb, Self.terminalType, 0] + Array(terminalName.utf8) + [Self.iac, Self.se]
        }
    }
}
