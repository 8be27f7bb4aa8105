import Coaching
import CoachingStore

/// Refuses unless the access policy lets `person` print what `request`
/// names: the coach prints a cycle's agreement, session records and impact
/// statement; the coach or observer prints observation notes; a person
/// prints their own CPD log; the office prints the trustee pack. A record
/// that does not exist is reported as missing, whoever asks.
public func authorise(_ request: DocumentRequest, for person: StaffMember, store: CoachingStore)
    throws(DocumentError)
{
    let kind: RecordKind
    let relation: Relation
    switch request {
    case let .agreement(cycle):
        kind = .agreement
        relation = Relation(of: person.code, in: try DocumentSource.cycle(cycle, in: store).cycle.trio)
    case let .session(id):
        let session = try DocumentSource.session(id, in: store)
        kind = session.record.sharedWithObserver ? .sharedSessionProforma : .sessionProforma
        relation = Relation(of: person.code, in: try DocumentSource.cycle(session.cycleID, in: store).cycle.trio)
    case let .observation(id):
        let notes = try DocumentSource.observation(id, in: store)
        kind = .observationNotes
        relation = Relation(of: person.code, in: try DocumentSource.cycle(notes.cycleID, in: store).cycle.trio)
    case let .impact(cycle):
        kind = .impactStatement
        relation = Relation(of: person.code, in: try DocumentSource.cycle(cycle, in: store).cycle.trio)
    case .trusteePack:
        kind = .trusteePack
        relation = .none
    case let .cpd(owner):
        kind = .cpdActivity
        relation = Relation(of: person.code, ownedBy: owner)
    }
    guard AccessPolicy.decide(roles: person.roles, relation: relation, action: .print, on: kind) == .allowed else {
        throw .notAllowed(person: person.code, document: request.phrase, rule: whoMayPrint(kind))
    }
}

extension DocumentSource {
    /// Refuses unless `person` may print what `request` names; see `authorise(_:for:store:)`.
    public func authorise(_ request: DocumentRequest, for person: StaffMember) throws(DocumentError) {
        try Documents.authorise(request, for: person, store: store)
    }
}

/// Who may print a kind of record, in words, read from the access policy itself.
func whoMayPrint(_ kind: RecordKind) -> String {
    let positions: [(Relation, String)] = [(.coachee, "coachee"), (.coach, "coach"), (.observer, "observer")]
    let allowed = positions.filter {
        AccessPolicy.decide(roles: [], relation: $0.0, action: .print, on: kind) == .allowed
    }
    let roles = Role.allCases.filter {
        AccessPolicy.decide(roles: [$0], relation: .none, action: .print, on: kind) == .allowed
    }
    func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
    if kind == .cpdActivity { return "only the person a CPD log belongs to prints it" }
    if !allowed.isEmpty {
        return "only the cycle's \(list(allowed.map(\.1))) prints it; ask them to print it"
    }
    if !roles.isEmpty {
        return "only the \(list(roles.map { $0.title.lowercased() })) prints it; ask them to print it"
    }
    return "no one prints it"
}
