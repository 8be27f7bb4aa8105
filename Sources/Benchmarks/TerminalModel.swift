import Foundation

/// The client side of telnet, as a real client (PuTTY, netkit telnet) does
/// it: agrees to the server's ECHO, SUPPRESS-GO-AHEAD and BINARY, offers its
/// terminal type ("xterm") and window size (80×24) when asked, and refuses
/// anything else, answering each request once.
struct TelnetClientSide {
    static let iac: UInt8 = 255
    static let dont: UInt8 = 254
    static let `do`: UInt8 = 253
    static let wont: UInt8 = 252
    static let will: UInt8 = 251
    static let sb: UInt8 = 250
    static let se: UInt8 = 240

    static let binary: UInt8 = 0
    static let echo: UInt8 = 1
    static let suppressGoAhead: UInt8 = 3
    static let terminalType: UInt8 = 24
    static let windowSize: UInt8 = 31

    let terminalName: String
    let width: UInt16
    let height: UInt16

    private enum State {
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

    init(terminalName: String = "xterm", width: UInt16 = 80, height: UInt16 = 24) {
        self.terminalName = terminalName
        self.width = width
        self.height = height
    }

    /// Splits what the server sent into the data for the screen and the answers to send back.
    mutating func receive(_ bytes: some Sequence<UInt8>, data: inout [UInt8], reply: inout [UInt8]) {
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

/// Just enough of a VT100 to read the kiosk's screens: cursor moves,
/// clearing, UTF-8 text; styles are ignored. Every character is taken to be
/// one column wide (the kiosk's screens in the benchmark are).
struct TerminalScreen: Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Unicode.Scalar]
    private var row = 0
    private var column = 0

    private enum State: Sendable {
        case ground
        case escape
        case controlSequence
    }

    private var state = State.ground
    private var parameters: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        cells = Array(repeating: " ", count: width * height)
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            switch state {
            case .ground: ground(byte)
            case .escape:
                if byte == UInt8(ascii: "[") {
                    parameters = []
                    state = .controlSequence
                } else {
                    state = .ground
                }
            case .controlSequence:
                if (0x40...0x7E).contains(byte) {
                    controlSequence(final: byte)
                    state = .ground
                } else if parameters.count < 32 {
                    parameters.append(byte)
                }
            }
        }
    }

    private mutating func ground(_ byte: UInt8) {
        if utf8Needed > 0 {
            guard byte & 0xC0 == 0x80 else {
                utf8Needed = 0
                utf8 = []
                ground(byte)
                return
            }
            utf8.append(byte)
            utf8Needed -= 1
            if utf8Needed == 0 {
                let text = String(decoding: utf8, as: UTF8.self)
                utf8 = []
                for scalar in text.unicodeScalars { put(scalar) }
            }
            return
        }
        switch byte {
        case 0x1B: state = .escape
        case 0x0D: column = 0
        case 0x0A: lineFeed()
        case 0x08: column = max(0, column - 1)
        case 0x00..<0x20, 0x7F: break
        case 0x20..<0x80: put(Unicode.Scalar(byte))
        case 0xC0..<0xE0:
            utf8 = [byte]
            utf8Needed = 1
        case 0xE0..<0xF0:
            utf8 = [byte]
            utf8Needed = 2
        case 0xF0..<0xF8:
            utf8 = [byte]
            utf8Needed = 3
        default: break
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if column >= width {
            column = 0
            lineFeed()
        }
        cells[row * width + column] = scalar
        column += 1
    }

    private mutating func lineFeed() {
        if row < height - 1 {
            row += 1
        } else {
            cells.removeFirst(width)
            cells += Array(repeating: " ", count: width)
        }
    }

    private mutating func controlSequence(final: UInt8) {
        let text = String(decoding: parameters, as: UTF8.self)
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            let newRow = (numbers.first ?? nil) ?? 1
            let newColumn = (numbers.count > 1 ? numbers[1] : nil) ?? 1
            row = min(max(newRow - 1, 0), height - 1)
            column = min(max(newColumn - 1, 0), width - 1)
        case UInt8(ascii: "J"):
            if (numbers.first ?? nil) == 2 {
                cells = Array(repeating: " ", count: width * height)
            } else {
                for index in (row * width + column)..<cells.count { cells[index] = " " }
            }
        case UInt8(ascii: "K"):
            for index in (row * width + column)..<(row * width + width) { cells[index] = " " }
        default:
            break
        }
    }

    /// Row `index` as text, from `column` on.
    func text(row index: Int, from column: Int = 0) -> String {
        guard (0..<height).contains(index) else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: cells[(index * width + min(column, width))..<(index * width + width)])
        return String(scalars)
    }

    var rows: [String] { (0..<height).map { text(row: $0) } }

    func contains(_ text: String) -> Bool { rows.contains { $0.contains(text) } }

    /// The number in front of a menu line that reads `label` (" 3  Print a document").
    func menuNumber(of label: String) -> Int? {
        for line in rows {
            guard let range = line.range(of: label) else { continue }
            let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if let number = Int(before) { return number }
        }
        return nil
    }
}
