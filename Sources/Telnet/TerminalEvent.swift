/// What the terminal session receives from a telnet (or, without telnet, a serial) line.
public enum TerminalEvent: Equatable, Sendable {
    /// Keystrokes, raw: a CR arrives with whatever followed it (LF, NUL or nothing).
    case bytes([UInt8])
    /// The client's window, in columns and rows; sent again on every resize.
    case windowSize(width: Int, height: Int)
    /// The terminal type as the client named it, in printable ASCII.
    case terminalType(String)
    /// Sent exactly once: every option asked about has been answered, or the wait is over.
    case negotiationSettled
    /// The client sent `IAC IP`: the session should end.
    case interrupt
}
