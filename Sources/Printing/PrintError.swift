/// Why a print did not happen, in words for the person at the kiosk or the
/// technician, and whether trying again later may work.
public struct PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public var message: String
    /// True when the printer or cupsd could not be reached or was busy, so the
    /// same job may print later; false when it never will as it stands (no
    /// such queue, the document refused).
    public var isTemporary: Bool

    public init(_ message: String, isTemporary: Bool) {
        self.message = message
        self.isTemporary = isTemporary
    }

    public var description: String { message }
}
