import Foundation

/// A staff member's code, as the school's MIS knows them (`JSM`, `T042`).
///
/// Codes are case-insensitive and kept in capitals, so `jsm` at the kiosk
/// finds `JSM`.
public struct StaffCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    /// Nil unless the code is 1–16 letters, digits, `-` or `_`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...16).contains(trimmed.count),
            trimmed.unicodeScalars.allSatisfy({ StaffCode.allowed.contains($0) })
        else { return nil }
        rawValue = trimmed
    }

    public init(stringLiteral value: String) {
        guard let code = StaffCode(value) else { preconditionFailure("bad staff code literal \(value)") }
        self = code
    }

    public var description: String { rawValue }

    public static func < (a: StaffCode, b: StaffCode) -> Bool { a.rawValue < b.rawValue }

    static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".unicodeScalars)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = StaffCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a staff code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a person does in the school's coaching programme beyond being staff.
///
/// Every member of staff can be coached and can keep a CPD log; a role adds
/// to that. Trio positions (coachee, coach, observer) are not roles: they
/// belong to one cycle.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case coach
    case leadCoach = "lead-coach"
    case impactLead = "impact-lead"
    case head
    case admin
    case office

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// Reads a role as written in a staff CSV: `lead-coach`, `Lead Coach`, `lead_coach`.
    public init?(typed text: String) {
        let normal = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch normal {
        case "headteacher", "head-teacher": self = .head
        default: self.init(rawValue: normal)
        }
    }

    public var title: String {
        switch self {
        case .coach: "Coach"
        case .leadCoach: "Lead coach"
        case .impactLead: "Impact lead"
        case .head: "Headteacher"
        case .admin: "Administrator"
        case .office: "Office"
        }
    }
}

/// A member of staff as the coaching programme knows them.
public struct StaffMember: Hashable, Sendable, Codable {
    public var code: StaffCode
    public var name: String
    /// Subject or department: `Maths`, `Year 2`, `SEND`.
    public var subject: String
    public var roles: Set<Role>
    public var email: String?
    /// 1 or 2 for an early-career teacher (ECTs join coaching cycles in their second year).
    public var earlyCareerYear: Int?
    /// The day they were deactivated (left the school); nil while they work here.
    public var leftOn: SchoolDay?

    public init(
        code: StaffCode, name: String, subject: String, roles: Set<Role> = [],
        email: String? = nil, earlyCareerYear: Int? = nil, leftOn: SchoolDay? = nil
    ) {
        self.code = code
        self.name = name
        self.subject = subject
        self.roles = roles
        self.email = email
        self.earlyCareerYear = earlyCareerYear
        self.leftOn = leftOn
    }

    public var isActive: Bool { leftOn == nil }

    /// Roles as written in a CSV or a table: `coach;lead-coach`.
    public var rolesText: String {
        roles.sorted().map(\.rawValue).joined(separator: ";")
    }

    /// The first name, for greetings ("Good morning, Siân").
    public var firstName: String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}
