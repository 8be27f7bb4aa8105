import Coaching
import CoachingStore
import Reports
import Testing

@Suite("The synthetic trust")
struct SyntheticTrustTests {
    @Test("it makes the staff, cycles and sessions asked for, with one audit line")
    func requestedCounts() throws {
        let school = try SchoolStore()
        let load = try SyntheticTrust(staff: 40, cycles: 60, sessions: 250, seed: 3, today: today).make()
        let summary = try school.store.bulkLoad(load, by: technician)
        #expect(summary.staff == 40 && summary.cycles == 60 && summary.sessions == 250)
        #expect(try school.store.staff().count == 40)
        let cycles = try school.store.cycles()
        #expect(cycles.count == 60)
        #expect(try cycles.reduce(0) { $0 + (try school.store.sessions(cycle: $1.id).count) } == 250)
        #expect(Set(cycles.map(\.cycle.stage)) == Set(Stage.allCases))
        #expect(cycles.allSatisfy { $0.cycle.history.allSatisfy { $0.on <= today } })
        let audit = try school.store.auditEntries()
        #expect(audit.count == 1)
        #expect(audit.first?.action == "generated synthetic data")
        #expect(audit.first?.detail.contains("60 cycles, ") == true)
    }

    @Test("the same seed makes the same trust")
    func repeatable() throws {
        let first = try SyntheticTrust(staff: 30, cycles: 20, sessions: 50, seed: 9, today: today).make()
        let again = try SyntheticTrust(staff: 30, cycles: 20, sessions: 50, seed: 9, today: today).make()
        let other = try SyntheticTrust(staff: 30, cycles: 20, sessions: 50, seed: 10, today: today).make()
        #expect(first.staff == again.staff)
        #expect(first.cycles.map(\.cycle) == again.cycles.map(\.cycle))
        #expect(first.cycles.map(\.cycle) != other.cycles.map(\.cycle))
    }

    @Test("a trust too small to make trios, or sessions with no cycle, is refused saying what to give")
    func refusals() {
        #expect(throws: SyntheticTrustError.tooFewStaff(5)) { try SyntheticTrust(staff: 5, today: today).make() }
        #expect(throws: SyntheticTrustError.sessionsWithoutCycles(10)) {
            try SyntheticTrust(staff: 20, cycles: 0, sessions: 10, today: today).make()
        }
        #expect(SyntheticTrustError.tooFewStaff(5).description.contains("--staff 10"))
    }

    @Test("every report runs on it, for every reader who may run it, with no small count")
    func everyReport() throws {
        let school = try SchoolStore()
        let load = try SyntheticTrust(staff: 300, cycles: 500, sessions: 2000, seed: 5, today: today).make()
        try school.store.bulkLoad(load, by: technician)
        let staff = try school.store.staff()
        let readers =
            [ReportReader(person: nil)]
            + [Role.head, .impactLead, .leadCoach, .coach].compactMap { role in
                staff.first { $0.roles.contains(role) }.map { ReportReader(person: $0) }
            }
        let builder = ReportBuilder(store: school.store, settings: ReportSettings(), today: today)
        let counts = [
            "goals", "open", "in_progress", "achieved", "dropped", "cycles", "under_way", "closed", "overdue",
            "due_soon", "coachees", "statements", "completed", "staff", "activities",
        ]
        for reader in readers {
            for (kind, levels) in builder.offered(to: reader) {
                for level in levels {
                    let table = try builder.report(kind, level: level, filter: thisYear, for: reader)
                    if level != .individual {
                        expectNoSmallCounts(table, columns: counts.filter { table.column($0) != nil })
                    }
                }
            }
        }
        let goals = try builder.report(.goals, level: .school, filter: thisYear, for: ReportReader(person: nil))
        #expect(goals.row("priority", "P8")?.flag == "no coaching goal")
        let cycles = try builder.report(.cycles, level: .school, filter: thisYear, for: ReportReader(person: nil))
        #expect(cycles.rows.first?.flag == "overdue")
    }

    @Test("the reports' queries stand on indexes")
    func queryPlans() throws {
        let school = try SchoolStore()
        let plans = try school.store.reportQueryPlans()
        #expect(plans.count == 7)
        for (query, plan) in plans {
            for step in plan where step.hasPrefix("SCAN") || step.hasPrefix("SEARCH") {
                #expect(step.contains("INDEX") || step.contains("PRIMARY KEY"), "\(query): \(step)")
            }
        }
        let text = plans.flatMap(\.plan).joined(separator: "\n")
        for index in [
            "cycle_report", "session_proforma_report", "agreement_report", "impact_statement_report", "goal_report",
            "cpd_activity_report",
        ] {
            #expect(text.contains(index), "\(index) unused:\n\(text)")
        }
    }
}
