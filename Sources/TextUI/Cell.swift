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
