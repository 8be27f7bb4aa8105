import Telnet

/// The protocol's bytes under short names, as the kiosk's own telnet module
/// numbers them, for tests and test clients that spell out byte sequences.
public enum TelnetBytes {
    public static let iac = TelnetByte.iac
    public static let dont = TelnetVerb.dont.rawValue
    public static let `do` = TelnetVerb.do.rawValue
    public static let wont = TelnetVerb.wont.rawValue
    public static let will = TelnetVerb.will.rawValue
    public static let sb = TelnetByte.sb
    public static let se = TelnetByte.se
    public static let linemode = TelnetOption.linemode
}
