/// One character cell of a screen.
///
/// A wide character fills its own cell and the next one, which is marked a
/// continuation and shows nothing of its own.
public struct Cell: Hashable, Sendable {
    /// A space in a blank cell or a continuation.
    public internal(set) var character: Character
    public internal(set) var style: Style
    /// True for the second cell of a wide character.
    public internal(set) var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A cell as one number, as `Screen` keeps it and the renderer compares it.
///
/// A code holds the character's Unicode scalar (bits 0–20) when the
/// character is a single scalar, the style (bits 21–28) and whether the
/// cell continues a wide character (bit 29). A character of several scalars
/// (an accent added to a letter, a flag) sets bit 30 and is kept whole
/// beside the codes, so two cells are the same exactly when their `Cell`s are.
enum CellCode {
    static let continuation: UInt32 = 1 << 29
    static let cluster: UInt32 = 1 << 30
    static let blank: UInt32 = 0x20
    private static let scalarBits: UInt32 = (1 << 21) - 1
    private static let styleBits: UInt32 = 0xFF << 21

    static func isContinuation(_ code: UInt32) -> Bool { code & continuation != 0 }
    static func isCluster(_ code: UInt32) -> Bool { code & cluster != 0 }

    /// A space in the style of `code`.
    static func space(styled code: UInt32) -> UInt32 { code & styleBits | 0x20 }

    /// The code of a character in a style, and the character itself when it is more than one scalar.
    static func code(_ character: Character, style: Style) -> (code: UInt32, cluster: Character?) {
        let styled = UInt32(style.rawValue) << 21
        if let ascii = character.asciiValue, ascii >= 0x20 { return (styled | UInt32(ascii), nil) }
        var scalars = character.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil {
            return (styled | first.value, nil)
        }
        return (styled | cluster, character)
    }

    static func cell(_ code: UInt32, cluster: Character?) -> Cell {
        let character: Character =
            isCluster(code) ? cluster ?? " " : Unicode.Scalar(code & scalarBits).map(Character.init) ?? " "
        return Cell(
            character: character, style: Style(rawValue: UInt8((code & styleBits) >> 21)),
            isContinuation: isContinuation(code))
    }
}
