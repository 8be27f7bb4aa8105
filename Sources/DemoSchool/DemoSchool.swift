import Coaching
import CoachingStore

/// Writes the demo school into a store, so a newcomer meets a living system.
public enum DemoSchool {
    /// What the demo made, for the `demo` command to report.
    public struct Summary: Sendable {
        public var schoolName: String
        public var staff: Int
        public var priorities: Int
        public var cyclesByStage: [Stage: Int]
        public var sessions: Int
        public var observations: Int
        public var impactStatements: Int
        public var cpdActivities: Int
        /// Demo logins: code, name, what they can try, PIN.
        public var logins: [(code: StaffCode, name: String, roles: String, pin: String)]
    }

    /// Fills an empty store with the demo school as it stands on `today`.
    public static func build(into store: CoachingStore, today: SchoolDay, by actor: Actor) throws(StoreError)
        -> Summary
    {
        let content = DemoSchoolContent.make(today: today)
        for member in content.staff { try store.addStaff(member, by: actor) }
        for member in content.staff where member.isActive {
            if let pin = content.pins[member.code] { try store.setPIN(pin, for: member.code, by: actor) }
        }
        for priority in content.priorities { try store.addPriority(priority, by: actor) }
        var summary = Summary(
            schoolName: content.schoolName, staff: content.staff.count, priorities: content.priorities.count,
            cyclesByStage: [:], sessions: 0, observations: 0, impactStatements: 0,
            cpdActivities: content.cpd.count, logins: [])
        for demo in content.cycles {
            let id = try store.startCycle(demo.cycle, by: actor)
            summary.cyclesByStage[demo.cycle.stage, default: 0] += 1
            for goal in demo.goals { try store.addGoal(goal, cycle: id, by: actor) }
            if let agreement = demo.agreement { try store.saveAgreement(agreement, cycle: id, by: actor) }
            for session in demo.sessions { try store.addSession(session, cycle: id, by: actor) }
            for notes in demo.observations { try store.addObservation(notes, cycle: id, by: actor) }
            if let impact = demo.impact {
                try store.saveImpact(impact, cycle: id, by: actor)
                summary.impactStatements += 1
            }
            summary.sessions += demo.sessions.count
            summary.observations += demo.observations.count
        }
        for activity in content.cpd { try store.addCPD(activity, by: actor) }
        summary.logins = content.staff.filter(\.isActive).compactMap { member in
            content.pins[member.code].map {
                (member.code, member.name, member.roles.isEmpty ? "staff" : member.rolesText, $0)
            }
        }.sorted { $0.code < $1.code }
        return summary
    }
}
