/// A telnet command that stands alone after `IAC` (RFC 854).
///
/// Option negotiation (`WILL`, `WONT`, `DO`, `DONT`) and subnegotiation (`SB`)
/// are not commands here: the parser reports them as their own events.
public enum TelnetCommand: UInt8, CaseIterable, Sendable {
    /// End of subnegotiation; never reported on its own.
    case se = 240
    case nop = 241
    case dataMark = 242
    case breakKey = 243
    case interruptProcess = 244
    case abortOutput = 245
    case areYouThere = 246
    case eraseCharacter = 247
    case eraseLine = 248
    case goAhead = 249
}

/// An option negotiation verb (RFC 854).
public enum TelnetVerb: UInt8, Sendable {
    case will = 251
    case wont = 252
    case `do` = 253
    case dont = 254
}

/// Telnet option codes, as assigned by IANA.
public enum TelnetOption {
    /// RFC 856: eight-bit data without stripping the top bit.
    public static let binary: UInt8 = 0
    /// RFC 857: the server echoes what the client types.
    public static let echo: UInt8 = 1
    /// RFC 858: no go-ahead after every line.
    public static let suppressGoAhead: UInt8 = 3
    /// RFC 859.
    public static let status: UInt8 = 5
    /// RFC 860.
    public static let timingMark: UInt8 = 6
    /// RFC 1091: the client names its terminal.
    public static let terminalType: UInt8 = 24
    /// RFC 1073 (NAWS): the client reports its window size.
    public static let windowSize: UInt8 = 31
    /// RFC 1079.
    public static let terminalSpeed: UInt8 = 32
    /// RFC 1372.
    public static let remoteFlowControl: UInt8 = 33
    /// RFC 1184: the client edits lines itself.
    public static let linemode: UInt8 = 34
    /// RFC 1096.
    public static let xDisplayLocation: UInt8 = 35
    /// RFC 1572.
    public static let newEnvironment: UInt8 = 39
    /// RFC 2066.
    public static let charset: UInt8 = 42
}

/// The protocol's reserved bytes.
public enum TelnetByte {
    public static let iac: UInt8 = 255
    public static let sb: UInt8 = 250
    public static let se: UInt8 = 240
    /// `IS` in a terminal-type subnegotiation (RFC 1091).
    public static let terminalTypeIs: UInt8 = 0
    /// `SEND` in a terminal-type subnegotiation (RFC 1091).
    public static let terminalTypeSend: UInt8 = 1
}
