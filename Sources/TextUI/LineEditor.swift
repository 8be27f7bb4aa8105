/// Reads a line on a terminal without cursor addressing, echoing as the
/// person types: the dumb-terminal and line-by-line mode.
///
/// Keys: characters are echoed (a `*` each when secret); Backspace and
/// Ctrl-D erase the last character with "\u{8} \u{8}" per column; Ctrl-U
/// erases the line and Ctrl-W the last word; Enter finishes the line and
/// echoes CR LF. A character not allowed echoes a bell; so does the first
/// character past the limit, and the rest of a paste that does not fit
/// echoes nothing until the line changes (a bell a key would send a
/// pasted megabyte straight back).
public struct LineEditor: Sendable {
    private var buffer: TextBuffer
    /// The line is full and the bell has rung for it.
    private var rangForLimit = false
    /// Echoes a `*` for each character, for a PIN.
    public var isSecret: Bool
    /// The characters the line takes; nil for any.
    public var allowed: (@Sendable (Character) -> Bool)?

    public init(
        isSecret: Bool = false, maxLength: Int = 2000,
        allowed: (@Sendable (Character) -> Bool)? = nil
    ) {
        buffer = TextBuffer(text: "", maxLength: maxLength)
        self.isSecret = isSecret
        self.allowed = allowed
    }

    /// The line typed so far.
    public var text: String { buffer.text }

    /// What to send back for a key, and the line when Enter ends it.
    public mutating func handle(_ key: Key) -> (echo: [UInt8], finished: String?) {
        let isCharacter: Bool = if case .character = key { true } else { false }
        if !isCharacter { rangForLimit = false }
        switch key {
        case let .character(character):
            return (type(character), nil)
        case .backspace, .control("d"):
            return (erase(from: buffer.characters.count - 1), nil)
        case .control("u"):
            return (erase(from: 0), nil)
        case .control("w"):
            let before = buffer.characters
            buffer.deleteWordBackward()
            let removed = before[buffer.characters.count...]
            return (rubOut(columns: removed.reduce(0) { $0 + columns(of: $1) }), nil)
        case .enter:
            let line = buffer.text
            buffer.replace(with: "")
            return (Array("\r\n".utf8), line)
        default:
            return ([], nil)
        }
    }

    private mutating func type(_ character: Character) -> [UInt8] {
        let bell: [UInt8] = [0x07]
        let text = String(character)
        guard Sanitizer.isClean(text) else { return [] }
        if let allowed, !allowed(character) { return bell }
        let count = buffer.characters.count
        let previous = buffer.characters.last
        switch buffer.insert(character) {
        case .handled:
            if isSecret { return buffer.characters.count > count ? Array("*".utf8) : [] }
            guard buffer.characters.count == count, let previous,
                let joined = buffer.characters.last
            else { return Array(text.utf8) }
            // A mark joined the character before: redraw that character whole.
            return rubOut(columns: DisplayWidth.of(previous)) + Array(String(joined).utf8)
        case .ignored:
            return []
        case .rejected:
            defer { rangForLimit = true }
            return rangForLimit ? [] : bell
        }
    }

    /// Erases the characters from `index` to the end, on screen too.
    private mutating func erase(from index: Int) -> [UInt8] {
        let start = max(0, index)
        let removed = buffer.characters[start...]
        let width = removed.reduce(0) { $0 + columns(of: $1) }
        buffer.delete(start..<buffer.characters.count)
        return rubOut(columns: width)
    }

    private func columns(of character: Character) -> Int {
        isSecret ? 1 : DisplayWidth.of(character)
    }

    private func rubOut(columns: Int) -> [UInt8] {
        Array(String(repeating: "\u{8} \u{8}", count: columns).utf8)
    }
}
