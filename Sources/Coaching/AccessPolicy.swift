/// The kinds of record the access policy rules on.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case agreement
    /// A GROWTH session proforma the coachee has kept between coachee and coach.
    case sessionProforma = "session"
    /// A GROWTH session proforma the coachee chose to share with the observer.
    case sharedSessionProforma = "shared-session"
    case observationNotes = "observation"
    case impactStatement = "impact"
    /// A coaching goal's text, priority and status.
    case goal
    /// A cycle's trio, stage and dates: activity, not content.
    case cycleProgress = "cycle"
    case cpdActivity = "cpd"
    /// The anonymised pack for trustees.
    case trusteePack = "trustee-pack"

    /// Records that belong to a cycle, so a trio position decides them.
    public var belongsToCycle: Bool {
        switch self {
        case .cpdActivity, .trusteePack: false
        default: true
        }
    }
}

/// What someone wants to do with a record.
public enum RecordAction: String, CaseIterable, Sendable, Codable {
    case read, write, print
}

/// How a person stands to one record.
public enum Relation: String, CaseIterable, Sendable, Codable {
    case coachee, coach, observer
    /// The person a CPD log belongs to.
    case owner
    /// No part in the record.
    case none

    /// The relation of `person` to a record of `trio`'s cycle.
    public init(of person: StaffCode, in trio: Trio) {
        switch trio.position(of: person) {
        case .coachee: self = .coachee
        case .coach: self = .coach
        case .observer: self = .observer
        case nil: self = .none
        }
    }

    /// The relation of `person` to a record that belongs to `owner`.
    public init(of person: StaffCode, ownedBy owner: StaffCode) {
        self = person == owner ? .owner : .none
    }
}

/// The policy's answer.
public enum AccessDecision: Int, Comparable, Sendable, Codable, CustomStringConvertible {
    /// No: not the record, not its existence in a count.
    case denied = 0
    /// Only as counts by subject or priority, never the text, never one person.
    case countsOnly = 1
    case allowed = 2

    public static func < (a: AccessDecision, b: AccessDecision) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .denied: "denied"
        case .countsOnly: "counts only"
        case .allowed: "allowed"
        }
    }
}

/// Who may read, write and print what: the product's core rule, in one place.
///
/// Coaching is confidential and separate from performance management. The
/// trio reads its own cycle's records (the observer sees a session record
/// only when the coachee shares it); leads see activity and counts, not
/// content; the impact lead reads impact statements; the head, admin and
/// office never read a session record or an observation; the office prints
/// the anonymised trustee pack. Every read, write and print in the product
/// asks `decide`.
public enum AccessPolicy {
    /// May a person with `roles`, standing in `relation` to a record of
    /// `kind`, do `action` on it? The most generous of what their trio
    /// position (or ownership) and each of their roles allow.
    public static func decide(
        roles: Set<Role>, relation: Relation, action: RecordAction, on kind: RecordKind
    ) -> AccessDecision {
        var decision = byRelation(relation, action, kind)
        for role in roles {
            decision = max(decision, byRole(role, action, kind))
        }
        return decision
    }

    private static func byRelation(_ relation: Relation, _ action: RecordAction, _ kind: RecordKind)
        -> AccessDecision
    {
        let trio: Set<Relation> = [.coachee, .coach, .observer]
        let allowedRelations: Set<Relation>
        switch (kind, action) {
        case (.agreement, .read): allowedRelations = trio
        case (.agreement, .write): allowedRelations = [.coachee, .coach]
        case (.agreement, .print): allowedRelations = [.coach]
        case (.sessionProforma, .read), (.sessionProforma, .write): allowedRelations = [.coachee, .coach]
        case (.sessionProforma, .print): allowedRelations = [.coach]
        case (.sharedSessionProforma, .read): allowedRelations = trio
        case (.sharedSessionProforma, .write): allowedRelations = [.coachee, .coach]
        case (.sharedSessionProforma, .print): allowedRelations = [.coach]
        case (.observationNotes, .read): allowedRelations = trio
        case (.observationNotes, .write), (.observationNotes, .print): allowedRelations = [.coach, .observer]
        case (.impactStatement, .read): allowedRelations = trio
        case (.impactStatement, .write): allowedRelations = [.coachee, .coach]
        case (.impactStatement, .print): allowedRelations = [.coach]
        case (.goal, .read), (.goal, .write): allowedRelations = trio
        case (.cycleProgress, .read), (.cycleProgress, .write): allowedRelations = trio
        case (.cpdActivity, _): allowedRelations = [.owner]
        case (.goal, .print), (.cycleProgress, .print), (.trusteePack, _): allowedRelations = []
        }
        return allowedRelations.contains(relation) ? .allowed : .denied
    }

    private static func byRole(_ role: Role, _ action: RecordAction, _ kind: RecordKind) -> AccessDecision {
        switch (role, action, kind) {
        case (.leadCoach, .read, .goal), (.impactLead, .read, .goal), (.head, .read, .goal):
            .countsOnly
        case (.leadCoach, .read, .cpdActivity), (.impactLead, .read, .cpdActivity),
            (.head, .read, .cpdActivity):
            .countsOnly
        case (.leadCoach, .read, .cycleProgress), (.impactLead, .read, .cycleProgress),
            (.head, .read, .cycleProgress), (.admin, .read, .cycleProgress):
            .allowed
        case (.head, .write, .cycleProgress), (.admin, .write, .cycleProgress):
            .allowed
        case (.impactLead, .read, .impactStatement):
            .allowed
        case (.office, .read, .trusteePack), (.office, .print, .trusteePack):
            .allowed
        default:
            .denied
        }
    }
}
