import Coaching
import CoachingStore
import Forms
import Logging

/// Which forms a person is offered, and for which cycles: the form file's
/// audience narrows what the access policy allows; it never widens it.
enum FormAccess {
    /// The open cycles in which `person` may write the record `form` makes.
    static func cycles(for form: FormDefinition, person: StaffMember, among cycles: [HomeSummary.CycleLine])
        -> [HomeSummary.CycleLine]
    {
        guard let kind = form.record.privateRecordKind else { return [] }
        return cycles.filter { line in
            let relation = Relation(of: person.code, in: line.stored.cycle.trio)
            return form.audience.admits(position: line.position, roles: person.roles)
                && AccessPolicy.decide(roles: person.roles, relation: relation, action: .write, on: kind) == .allowed
        }
    }

    /// Whether the home menu offers `form` to `person`.
    static func mayOpen(_ form: FormDefinition, person: StaffMember, cycles: [HomeSummary.CycleLine]) -> Bool {
        switch form.record {
        case .session, .observation, .agreement, .impact:
            return !self.cycles(for: form, person: person, among: cycles).isEmpty
        case .cpd:
            return form.audience.admits(position: nil, roles: person.roles)
                && AccessPolicy.decide(roles: person.roles, relation: .owner, action: .write, on: .cpdActivity)
                    == .allowed
        case .cycle:
            return form.audience.admits(position: nil, roles: person.roles)
                && AccessPolicy.decide(roles: person.roles, relation: .none, action: .write, on: .cycleProgress)
                    == .allowed
        case .priority:
            return !form.audience.roles.isDisjoint(with: person.roles)
                && !person.roles.isDisjoint(with: [.head, .admin])
        }
    }
}

extension KioskSession {
    /// Writes the audit line for something the kiosk refused the person:
    /// `refused`, the kind of record, its id (when there is one) and why.
    /// A refusal that cannot be written down is logged instead; the person
    /// is refused either way.
    func refuse(_ kind: String, id: String?, detail: String) async {
        let actor = self.actor
        logger.notice("refused", metadata: ["kind": "\(kind)", "id": "\(id ?? "")", "detail": "\(detail)"])
        do {
            try await context.withStore { store in
                try store.audit(actor, "refused", kind: kind, id: id, detail: detail)
            }
        } catch {
            logger.error("the refusal was not audited", metadata: ["error": "\(error)"])
        }
    }
}
