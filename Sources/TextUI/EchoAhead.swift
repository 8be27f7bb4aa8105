/// What plain characters typed at the end of a notes field will show,
/// worked out before they are typed: each character at the cursor, and the
/// count after it. The terminal's line can then echo a character the moment
/// it arrives, before the session has handled it; the session tells its
/// renderer (`ANSIRenderer.noteEchoedAhead`), so the frame it draws next
/// sends only what the echoes did not.
///
/// A plan covers a run of up to `room` characters, as long as they fit on
/// the cursor's line: while nothing but the text and the count changes,
/// the line may echo the run and hold it (`holds`), and the session takes
/// it all at once with the next other key (or when the line ends). The
/// first character of a field, or one typed under a message, changes more
/// (the field's mark, the message line): the session takes each at once.
public struct EchoAhead: Sendable, Equatable {
    /// Where the first character goes: the cursor, on the frame shown.
    public let row: Int
    public let column: Int
    /// The characters in the field before the first one typed, and the most it takes.
    public let characters: Int
    public let maxLength: Int
    /// The count's row, and the column just after it (it is right-aligned).
    public let countRow: Int
    public let countEnd: Int
    /// The most columns the count may take: the width of the notes area.
    public let countWidth: Int
    /// How many characters fit: each on the same line, none past the limit.
    public let room: Int
    /// Whether the line may hold the characters until another key comes.
    public let holds: Bool

    public init(
        row: Int, column: Int, characters: Int, maxLength: Int, countRow: Int, countEnd: Int, countWidth: Int,
        room: Int, holds: Bool = false
    ) {
        (self.row, self.column, self.characters, self.maxLength) = (row, column, characters, maxLength)
        (self.countRow, self.countEnd, self.countWidth) = (countRow, countEnd, countWidth)
        (self.room, self.holds) = (max(0, room), holds)
    }

    /// The same plan, held (or not) by the line.
    public func holding(_ holds: Bool) -> EchoAhead {
        EchoAhead(
            row: row, column: column, characters: characters, maxLength: maxLength, countRow: countRow,
            countEnd: countEnd, countWidth: countWidth, room: room, holds: holds)
    }

    /// The count a notes field shows with `characters` in it: `124/2000`.
    public static func countLabel(_ characters: Int, of maxLength: Int) -> [UInt8] {
        var label: [UInt8] = []
        label.append(decimal: characters)
        label.append(UInt8(ascii: "/"))
        label.append(decimal: maxLength)
        return label
    }

    /// The count after the character at `index` of the run, and the column it starts at.
    public func count(after index: Int) -> (text: String, column: Int) {
        let (label, column) = countBytes(after: index)
        return (String(decoding: label, as: UTF8.self), column)
    }

    /// The count after the character at `index` of the run, as bytes, and the column it starts at.
    private func countBytes(after index: Int) -> (label: [UInt8], column: Int) {
        let label = Self.countLabel(characters + index + 1, of: maxLength)
        return (label, countEnd - min(label.count, countWidth))
    }

    /// Whether the line may echo `byte` ahead: printable ASCII, one column wide.
    public static func echoes(_ byte: UInt8) -> Bool {
        (0x20...0x7E).contains(byte)
    }

    /// The bytes that echo `byte` as the run's character at `index` (the
    /// terminal's cursor is where it goes): the character, the count, and
    /// the cursor after the character. The terminal's style is plain
    /// between frames (`ANSIRenderer` ends each frame so).
    public func echo(_ byte: UInt8, at index: Int = 0) -> [UInt8] {
        let (label, countColumn) = countBytes(after: index)
        var bytes: [UInt8] = [byte]
        bytes.reserveCapacity(48)
        bytes += [0x1B, 0x5B, 0x3F, 0x32, 0x35, 0x6C]  // ESC[?25l: the cursor hidden
        bytes.appendCursorMove(row: countRow, column: countColumn)
        bytes += [0x1B, 0x5B, 0x30, 0x3B, 0x32, 0x6D]  // ESC[0;2m: dim
        bytes += label
        bytes += [0x1B, 0x5B, 0x30, 0x6D]  // ESC[0m
        bytes.appendCursorMove(row: row, column: column + index + 1)
        bytes += [0x1B, 0x5B, 0x3F, 0x32, 0x35, 0x68]  // ESC[?25h: the cursor shown
        return bytes
    }
}
