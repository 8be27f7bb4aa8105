import Coaching

/// The kind of record a form makes, as written after `record:` in a form file.
public enum FormRecord: String, CaseIterable, Hashable, Sendable {
    case session
    case observation
    case agreement
    case impact
    case cpd
    /// A new coaching cycle for a trio (the head or an administrator).
    case cycle
    /// One of the school's development priorities (the head or an administrator).
    case priority

    public static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// How the record is named in a sentence: "a session record".
    public var title: String {
        switch self {
        case .session: "GROWTH session record"
        case .observation: "set of observation notes"
        case .agreement: "coaching agreement"
        case .impact: "impact statement"
        case .cpd: "CPD activity"
        case .cycle: "coaching cycle"
        case .priority: "development priority"
        }
    }

    /// The kind the access policy rules on, for records that hold a cycle's
    /// private content; nil for the others.
    public var privateRecordKind: RecordKind? {
        switch self {
        case .session: .sessionProforma
        case .observation: .observationNotes
        case .agreement: .agreement
        case .impact: .impactStatement
        case .cpd, .cycle, .priority: nil
        }
    }
}

/// Who a form is offered to: trio positions in the cycle at hand, roles, or anyone.
///
/// In a form file, `coach` names the trio's coach on a form of a cycle's
/// private records (session, observation, agreement, impact) and the coach
/// role on any other form.
public struct FormAudience: Hashable, Sendable, CustomStringConvertible {
    public var anyone: Bool
    public var positions: Set<TrioPosition>
    public var roles: Set<Role>

    public init(anyone: Bool = false, positions: Set<TrioPosition> = [], roles: Set<Role> = []) {
        self.anyone = anyone
        self.positions = positions
        self.roles = roles
    }

    /// Whether a person holding `position` in the cycle at hand (nil when
    /// the form is not about a cycle they are in) and `roles` is offered the form.
    public func admits(position: TrioPosition?, roles: Set<Role>) -> Bool {
        if anyone { return true }
        if let position, positions.contains(position) { return true }
        return !self.roles.isDisjoint(with: roles)
    }

    /// The words a form file accepts after `for:`.
    public static var words: String {
        (["anyone"] + TrioPosition.allCases.map(\.rawValue)
            + Role.allCases.map(\.rawValue).filter { $0 != "coach" }).joined(separator: ", ")
    }

    public var description: String {
        if anyone { return "anyone" }
        let names =
            TrioPosition.allCases.filter(positions.contains).map(\.rawValue)
            + Role.allCases.filter(roles.contains).map(\.rawValue)
        return names.joined(separator: ", ")
    }
}
