/// One key a person pressed at the terminal, whatever the terminal sent for it.
public enum Key: Hashable, Sendable {
    /// A printable character (a whole grapheme: `é`, `Ŵ`).
    case character(Character)
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case home, end
    case pageUp, pageDown
    case insert
    case escape
    /// Ctrl with a letter, lower case: `.control("k")` for Ctrl-K. Ctrl-I, Ctrl-M and
    /// Ctrl-H arrive as `.tab`, `.enter` and `.backspace`.
    case control(Character)
    /// A function key, 1–12.
    case function(Int)
    /// A sequence the decoder recognised as a key but does not name.
    case unknown
}
