/// What one more plain character typed at the end of a notes field will
/// show, worked out before it is typed: the character at the cursor, and the
/// count after it. The terminal's line can then echo the character the
/// moment it arrives, before the session has handled it; the session tells
/// its renderer (`ANSIRenderer.noteEchoedAhead`), so the frame it draws next
/// sends only what the echo did not.
public struct EchoAhead: Sendable, Equatable {
    /// Where the character goes: the cursor, on the frame shown.
    public let row: Int
    public let column: Int
    /// The count after the character (`124/2000`) and where it starts.
    public let count: String
    public let countRow: Int
    public let countColumn: Int
    /// What follows the character: the count, and the cursor after the
    /// character. Made with the plan, so the read that echoes only copies it.
    private let trailer: [UInt8]

    public init(row: Int, column: Int, count: String, countRow: Int, countColumn: Int) {
        (self.row, self.column, self.count, self.countRow, self.countColumn) = (
            row, column, count, countRow, countColumn
        )
        trailer = Array(
            "\u{1B}[?25l\u{1B}[\(countRow + 1);\(countColumn + 1)H\u{1B}[0;2m\(count)\u{1B}[0m\u{1B}[\(row + 1);\(column + 2)H\u{1B}[?25h"
                .utf8)
    }

    /// Whether the line may echo `byte` ahead: printable ASCII, one column wide.
    public static func echoes(_ byte: UInt8) -> Bool {
        (0x20...0x7E).contains(byte)
    }

    /// The bytes that echo `byte`: the character where the cursor is, the
    /// count, and the cursor after the character. The terminal's style is
    /// plain between frames (`ANSIRenderer` ends each frame so).
    public func echo(_ byte: UInt8) -> [UInt8] {
        [byte] + trailer
    }
}
