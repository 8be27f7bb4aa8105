/// A one-line field: a name, a class, a PIN.
///
/// Keys: characters insert at the cursor; Backspace and Delete; Left and
/// Right; Home/Ctrl-A and End/Ctrl-E; Ctrl-U clears the field, Ctrl-K
/// deletes to the end, Ctrl-W deletes the word before the cursor. Ctrl-D
/// deletes the character under the cursor, or the one before it at the end
/// (some DOS clients send Ctrl-D for Backspace). The text scrolls sideways
/// to keep the cursor in view.
public struct TextField: Sendable {
    private var buffer: TextBuffer
    /// Shows a `*` for each character, for a PIN.
    public var isSecret: Bool
    /// The characters the field takes; nil for any.
    public var allowed: (@Sendable (Character) -> Bool)?
    /// Shown when a character is not allowed.
    public var disallowedMessage = "That character cannot go in this field"
    /// How the field's cells are drawn, so its length shows.
    public var style = Style.underline

    public init(
        text: String = "", maxLength: Int = 200, isSecret: Bool = false,
        allowed: (@Sendable (Character) -> Bool)? = nil
    ) {
        buffer = TextBuffer(text: "", maxLength: maxLength)
        self.isSecret = isSecret
        self.allowed = allowed
        self.text = text
    }

    /// The field's text. Setting it sanitizes it, cuts it to the limit and
    /// puts the cursor at the end.
    public var text: String {
        get { buffer.text }
        set { buffer.replace(with: Sanitizer.clean(newValue)) }
    }

    /// The most characters the field holds.
    public var maxLength: Int { buffer.maxLength }

    /// Whether the text is empty or only white space, without making a string of it.
    public var isBlank: Bool { buffer.isBlank }

    /// The cursor's position, in characters from the start.
    public var cursorIndex: Int { buffer.cursor }

    /// Edits the text for a key, or leaves the key to the form.
    public mutating func handle(_ key: Key) -> FieldOutcome {
        switch key {
        case let .character(character):
            return insert(character)
        case .backspace, .delete, .control("d"), .left, .right:
            _ = buffer.applySharedEdit(key)
        case .home, .control("a"):
            buffer.cursor = 0
        case .end, .control("e"):
            buffer.cursor = buffer.characters.count
        case .control("u"):
            buffer.replace(with: "")
        case .control("k"):
            buffer.delete(buffer.cursor..<buffer.characters.count)
        case .control("w"):
            buffer.deleteWordBackward()
        default:
            return .ignored
        }
        return .handled
    }

    /// Inserts pasted text at the cursor, keeping what fits and saying
    /// what did not. The text goes in a scalar at a time, exactly as if it
    /// had been typed key by key (the key decoder gives one key a scalar).
    public mutating func insert(_ text: String) -> FieldOutcome {
        var outcome = FieldOutcome.handled
        for scalar in Sanitizer.clean(text).unicodeScalars {
            let result = insert(Character(scalar))
            if case .rejected = result { outcome = result }
        }
        return outcome
    }

    private mutating func insert(_ character: Character) -> FieldOutcome {
        let text = String(character)
        guard Sanitizer.isClean(text) else { return .ignored }
        if let allowed, !allowed(character) { return .rejected(disallowedMessage) }
        return buffer.insert(character)
    }

    /// Draws the field on the first row of `area`; focused, it shows the
    /// cursor.
    public func draw(into screen: inout Screen, at area: Rect, focused: Bool) {
        screen.fill(row: area.row, column: area.column, width: area.width, style: style)
        let widths = buffer.characters.map { isSecret ? 1 : DisplayWidth.of($0) }
        let cursorColumn = widths[..<buffer.cursor].reduce(0, +)
        let offset = Self.scrollOffset(cursorColumn: cursorColumn, width: area.width)
        var column = 0
        var visible = ""
        var firstColumn: Int?
        for (character, width) in zip(buffer.characters, widths) {
            defer { column += width }
            guard column >= offset else { continue }
            if column + width > offset + area.width { break }
            firstColumn = firstColumn ?? column
            visible.append(isSecret ? "*" : character)
        }
        if let firstColumn {
            screen.put(
                visible, row: area.row, column: area.column + firstColumn - offset, style: style,
                width: area.width - (firstColumn - offset))
        }
        if focused {
            screen.cursor = (area.row, area.column + cursorColumn - offset)
        }
    }

    /// The first column shown: 0 while the cursor fits, then in steps of
    /// half the width so the text does not shift at every key.
    static func scrollOffset(cursorColumn: Int, width: Int) -> Int {
        guard width > 0, cursorColumn >= width else { return 0 }
        let step = max(1, width / 2)
        return (cursorColumn - width + step) / step * step
    }
}
