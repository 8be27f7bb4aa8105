/// What a field did with a key.
public enum FieldOutcome: Equatable, Sendable {
    /// The key changed the field or moved within it.
    case handled
    /// Not the field's key (Tab, Esc, Ctrl-S…): the form decides.
    case ignored
    /// The key was refused; the reason is for the person at the terminal.
    case rejected(String)
}
