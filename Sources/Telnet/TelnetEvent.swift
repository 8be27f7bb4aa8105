/// One thing a ``TelnetParser`` found in the byte stream from the peer.
public enum TelnetEvent: Equatable, Sendable {
    /// Application bytes, with `IAC IAC` already turned into 255 and nothing else changed.
    case data([UInt8])
    case command(TelnetCommand)
    case will(UInt8)
    case wont(UInt8)
    case `do`(UInt8)
    case dont(UInt8)
    /// `IAC SB option … IAC SE`, with the payload unescaped.
    case subnegotiation(option: UInt8, payload: [UInt8])
}
