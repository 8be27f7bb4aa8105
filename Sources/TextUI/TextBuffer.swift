/// Editable text as whole characters, with a cursor between them.
struct TextBuffer: Sendable {
    private(set) var characters: [Character] = []
    /// What laying out and drawing ask of each character, worked out once
    /// as it goes in: one for each of `characters`.
    private(set) var cells: [TextCell] = []
    /// The index of the character after the cursor.
    var cursor = 0 {
        didSet { cursor = min(max(cursor, 0), characters.count) }
    }
    var maxLength: Int
    /// How many characters at the start are the same as when
    /// `noteUnchanged()` was last called: what was laid out or drawn from
    /// them then still holds.
    private(set) var unchangedPrefix = 0

    /// The most Unicode scalars one character may hold. Combining marks join
    /// the character before them without counting towards the limit, so
    /// without a cap of their own a paste of a million marks would make one
    /// enormous character. Thirty-two is more than any real text needs (the
    /// flag of Wales is seven; Unicode's stream-safe format allows thirty
    /// marks in a row).
    static let maximumScalarsPerCharacter = 32

    init(text: String, maxLength: Int) {
        self.maxLength = max(0, maxLength)
        replace(with: text)
    }

    var text: String { String(characters) }

    /// Starts counting the unchanged characters afresh: all of them, now.
    mutating func noteUnchanged() {
        unchangedPrefix = characters.count
    }

    private mutating func changed(from index: Int) {
        unchangedPrefix = min(unchangedPrefix, index)
    }

    var limitMessage: String {
        "This field holds at most \(maxLength) character\(maxLength == 1 ? "" : "s")"
    }

    /// Replaces the text, keeping what fits, and puts the cursor at its end.
    mutating func replace(with text: String) {
        characters = Array(
            text.lazy.filter { $0.unicodeScalars.count <= Self.maximumScalarsPerCharacter }.prefix(maxLength))
        cells = characters.map(TextCell.init)
        cursor = characters.count
        unchangedPrefix = 0
    }

    /// Inserts at the cursor. A combining mark or joiner joins the character
    /// before it, and so does not count towards the limit; a character that
    /// would grow past ``maximumScalarsPerCharacter`` takes no more.
    mutating func insert(_ character: Character) -> FieldOutcome {
        let scalars = character.unicodeScalars.count
        guard scalars <= Self.maximumScalarsPerCharacter else { return .ignored }
        if cursor > 0, !Self.staysApart(characters[cursor - 1], character) {
            let previous = characters[cursor - 1]
            let joined = String(previous) + String(character)
            if joined.count == 1, let whole = joined.first {
                guard previous.unicodeScalars.count + scalars <= Self.maximumScalarsPerCharacter else {
                    return .ignored
                }
                characters[cursor - 1] = whole
                cells[cursor - 1] = TextCell(whole)
                changed(from: cursor - 1)
                return .handled
            }
        }
        guard character == "\n" || DisplayWidth.of(character) > 0 else { return .ignored }
        guard characters.count < maxLength else { return .rejected(limitMessage) }
        characters.insert(character, at: cursor)
        cells.insert(TextCell(character), at: cursor)
        changed(from: cursor)
        cursor += 1
        return .handled
    }

    /// True when `next` typed after `previous` is certainly a character of
    /// its own: both are printable ASCII (or `previous` a line break), which
    /// is most typing, and spares asking Unicode at every key.
    private static func staysApart(_ previous: Character, _ next: Character) -> Bool {
        guard let before = previous.asciiValue, let after = next.asciiValue else { return false }
        return (before == 0x0A || (0x20...0x7E).contains(before)) && (0x20...0x7E).contains(after)
    }

    /// Whether the text is empty or only spaces and line breaks.
    var isBlank: Bool { !characters.contains { !$0.isWhitespace } }

    /// The editing keys every text widget shares: Backspace, Delete, Ctrl-D
    /// (delete, or backspace at the end, for DOS clients), Left and Right.
    /// False for any other key.
    mutating func applySharedEdit(_ key: Key) -> Bool {
        switch key {
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .control("d"):
            if cursor == characters.count { deleteBackward() } else { deleteForward() }
        case .left: cursor -= 1
        case .right: cursor += 1
        default: return false
        }
        return true
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cells.remove(at: cursor - 1)
        changed(from: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        cells.remove(at: cursor)
        changed(from: cursor)
    }

    mutating func delete(_ range: Range<Int>) {
        let range = range.clamped(to: 0..<characters.count)
        characters.removeSubrange(range)
        cells.removeSubrange(range)
        changed(from: range.lowerBound)
        if cursor > range.upperBound {
            cursor -= range.count
        } else if cursor > range.lowerBound {
            cursor = range.lowerBound
        }
    }

    /// Deletes the word before the cursor and the spaces after it; at the
    /// start of a line, the line break.
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" {
            start -= 1
        }
        if start == cursor, start > 0 { start -= 1 }
        delete(start..<cursor)
    }
}

/// One character of a text as layout sees it: its columns and whether a
/// line may break after it.
struct TextCell: Equatable, Sendable {
    /// Columns on a terminal: 0, 1 or 2.
    var width: UInt8
    var isSpace: Bool
    var isLineBreak: Bool

    init(_ character: Character) {
        width = UInt8(DisplayWidth.of(character))
        isSpace = character == " "
        isLineBreak = character == "\n"
    }
}
