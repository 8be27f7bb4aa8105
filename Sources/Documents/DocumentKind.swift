/// The documents Coaching Kiosk prints; each has a layout in layouts/.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case agreement
    case session
    case observation
    case impact
    case trusteePack = "trustee-pack"
    case cpd
}
