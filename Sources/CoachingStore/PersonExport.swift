import Coaching
import Foundation
import GRDB

/// Everything the store holds about one person: the answer to a subject
/// access request. Records of their cycles are included as far as the
/// access policy lets the person read them; the PIN is never included.
public struct PersonExport: Sendable, Codable {
    public struct CycleRecords: Sendable, Codable {
        public var id: Int64
        public var position: TrioPosition
        public var cycle: CoachingCycle
        public var agreement: CoachingAgreement?
        public var goals: [Stored<Goal>]
        public var sessions: [Stored<SessionProforma>]
        public var observations: [Stored<ObservationNotes>]
        public var impact: ImpactStatement?
    }

    public var exportedAt: String
    public var staff: StaffMember
    public var hasPIN: Bool
    public var cycles: [CycleRecords]
    public var goals: [Stored<Goal>]
    public var cpd: [Stored<CPDActivity>]
    public var drafts: [Draft]
    public var printJobs: [PrintJob]
    public var auditLog: [AuditEntry]
}

extension CoachingStore {
    /// Gathers one person's data; audited as an export.
    public func exportPerson(_ code: StaffCode, by actor: Actor) throws(StoreError) -> PersonExport {
        guard let member = try staffMember(code) else { throw .unknownStaff(code) }
        let hasPIN = try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT pin_hash IS NOT NULL FROM staff WHERE code = ?",
                arguments: [code.rawValue]) ?? false
        }
        func may(_ kind: RecordKind, _ relation: Relation) -> Bool {
            AccessPolicy.decide(roles: member.roles, relation: relation, action: .read, on: kind) == .allowed
        }
        var cycles: [PersonExport.CycleRecords] = []
        for stored in try self.cycles(member: code) {
            guard let position = stored.cycle.trio.position(of: code) else { continue }
            let relation = Relation(of: code, in: stored.cycle.trio)
            let sessions = try self.sessions(cycle: stored.id).filter {
                may($0.record.sharedWithObserver ? .sharedSessionProforma : .sessionProforma, relation)
            }
            cycles.append(
                PersonExport.CycleRecords(
                    id: stored.id, position: position, cycle: stored.cycle,
                    agreement: may(.agreement, relation) ? try agreement(cycle: stored.id) : nil,
                    goals: may(.goal, relation) ? try goals(cycle: stored.id) : [],
                    sessions: sessions,
                    observations: may(.observationNotes, relation) ? try observations(cycle: stored.id) : [],
                    impact: may(.impactStatement, relation) ? try impact(cycle: stored.id) : nil))
        }
        let export = PersonExport(
            exportedAt: timestamp, staff: member, hasPIN: hasPIN, cycles: cycles,
            goals: try goals(owner: code), cpd: try cpd(owner: code), drafts: try drafts(staff: code),
            printJobs: try printJobs().filter { $0.requestedBy == code },
            auditLog: try auditEntries(about: code, limit: 100_000))
        try audit(actor, "export", kind: "staff", id: code.rawValue, detail: "subject access request")
        return export
    }
}
