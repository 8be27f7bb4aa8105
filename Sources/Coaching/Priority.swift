/// One of the school's development priorities (from the school improvement plan).
public struct Priority: Hashable, Sendable, Codable {
    /// A short code the school uses for it: `P1`, `READ`, `SEND-2`.
    public var code: String
    public var title: String
    public var detail: String

    public init(code: String, title: String, detail: String = "") {
        self.code = code
        self.title = title
        self.detail = detail
    }
}
