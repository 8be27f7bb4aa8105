/// Builds the bytes sent to a telnet peer.
public enum TelnetEncoding {
    /// The bytes with every 0xFF doubled, so that data can never be read as a command.
    public static func escape(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            escaped.append(byte)
            if byte == TelnetByte.iac {
                escaped.append(TelnetByte.iac)
            }
        }
        return escaped
    }

    /// `IAC verb option`.
    public static func negotiation(_ verb: TelnetVerb, option: UInt8) -> [UInt8] {
        [TelnetByte.iac, verb.rawValue, option]
    }

    /// `IAC SB option payload IAC SE`, with the payload escaped.
    public static func subnegotiation(option: UInt8, payload: [UInt8]) -> [UInt8] {
        [TelnetByte.iac, TelnetByte.sb, option] + escape(payload) + [TelnetByte.iac, TelnetByte.se]
    }
}
