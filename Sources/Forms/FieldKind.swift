import Coaching

/// What a field of a proforma takes, as written after `kind:` in a form file.
public enum FieldKind: String, CaseIterable, Hashable, Sendable {
    /// One line of text (200 characters unless `max_length` says otherwise).
    case text
    /// Several lines: a paragraph or a list (2000 characters unless `max_length` says otherwise).
    case notes
    /// One of a list of choices, named by `choices:`.
    case choice
    /// A day, typed DD/MM/YYYY or `today`, kept as ISO 8601.
    case date
    /// A number, whole unless `step` allows parts (0.25 for quarter hours).
    case number
    /// Yes or no, typed y, yes, n or no.
    case yesNo = "yes-no"

    /// The kinds as a school would read them in an error: `text, notes, choice, …`.
    public static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Whether a value of this kind is free text with a length limit.
    public var isText: Bool { self == .text || self == .notes }

    /// The length limit when a form file gives none.
    public var defaultMaxLength: Int? {
        switch self {
        case .text: 200
        case .notes: 2000
        default: nil
        }
    }
}

/// One item a choice field offers: the value stored and the label shown.
public struct Choice: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }

    /// The item as the pair `FieldDefinition.validate` takes.
    public var pair: (value: String, label: String) { (value, label) }
}

/// A list of choices the kiosk knows by name, written `choices: staff`.
public enum NamedChoices: String, CaseIterable, Hashable, Sendable {
    case sessionKinds = "session-kinds"
    case cpdKinds = "cpd-kinds"
    case priorities
    case goalStatuses = "goal-statuses"
    /// Every active member of staff, by code.
    case staff
    /// Staff who hold the coach or lead-coach role, by code.
    case coaches

    public static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The items of a list that never changes; nil for a list the school keeps
    /// (priorities, staff, coaches), which the kiosk reads from its database.
    public var fixedChoices: [Choice]? {
        switch self {
        case .sessionKinds:
            SessionKind.allCases.map { Choice(value: $0.rawValue, label: $0.title) }
        case .cpdKinds:
            CPDKind.allCases.map { Choice(value: $0.rawValue, label: $0.title) }
        case .goalStatuses:
            GoalStatus.allCases.map { Choice(value: $0.rawValue, label: Self.title(of: $0)) }
        case .priorities, .staff, .coaches:
            nil
        }
    }

    private static func title(of status: GoalStatus) -> String {
        switch status {
        case .open: "Open"
        case .inProgress: "In progress"
        case .achieved: "Achieved"
        case .dropped: "Dropped"
        }
    }
}

/// Where a choice field's items come from.
public enum ChoiceSource: Hashable, Sendable {
    /// A list the kiosk knows by name.
    case named(NamedChoices)
    /// A list written out in the form file as `{value, label}` items.
    case literal([Choice])

    /// The items when they do not depend on the school's database.
    public var fixedChoices: [Choice]? {
        switch self {
        case let .named(name): name.fixedChoices
        case let .literal(items): items
        }
    }
}
