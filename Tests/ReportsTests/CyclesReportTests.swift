import Coaching
import CoachingStore
import Reports
import Testing

@Suite("The cycle progression report")
struct CyclesReportTests {
    static let secret = "SECRET-PRIVATE-REFLECTION"

    /// Seven cycles whose flags are known on 24 November 2026 at a weekly cadence.
    struct Cycles {
        let school: SchoolStore
        /// Pre-lesson since 1 October; a shared session on 5 October, a private one on 20 November.
        let quietToLeads: Int64
        /// Agreement stage since 20 November, no agreement yet: nothing to flag.
        let fresh: Int64
        /// Observed lesson since 10 November, no session: due soon.
        let dueSoon: Int64
        /// Impact stage since 1 November with no statement.
        let impactMissing: Int64
        /// Closed on 15 November with its statement.
        let closed: Int64
        /// Post-lesson, agreement confirmed by the coachee only, an ECT in their second year.
        let unconfirmed: Int64
        /// Closed in June: outside this year.
        let lastYear: Int64
    }

    static func cycles() throws -> Cycles {
        let school = try SchoolStore()
        try school.staff("LEA", "Siân Jones", "Maths", roles: [.leadCoach])
        try school.staff("IMP", "Ifan Morgan", "English", roles: [.impactLead])
        try school.staff("HED", "Ŵyn Hughes", "Leadership", roles: [.head])
        try school.staff("TCH", "Tomos Hill", "History")
        try school.staff("CO1", "Coach One", "Science", roles: [.coach])
        try school.staff("CO2", "Coach Two", "Science", roles: [.coach])
        try school.staff("OBS", "Olwen Bowen", "English")
        for number in 1...3 { try school.staff(StaffCode("A\(number)") ?? "A", "Maths \(number)", "Maths") }
        for number in 4...6 { try school.staff(StaffCode("A\(number)") ?? "A", "English \(number)", "English") }
        try school.staff("E2", "Zoë O'Brien", "Science", earlyCareerYear: 2)
        try school.priority("P1")
        try school.priority("P2")

        let quiet = try school.cycle(
            "A1", coach: "CO1", observer: "OBS", priority: "P1",
            [(.agreement, "2026-09-15"), (.preLesson, "2026-10-01")])
        try school.agreement(quiet, confirmed: true)
        try school.session(quiet, "2026-10-05", by: "CO1", shared: true)
        try school.session(quiet, "2026-11-20", by: "A1", shared: false, text: secret)

        let fresh = try school.cycle("A2", coach: "CO2", observer: "OBS", priority: "P2", [(.agreement, "2026-11-20")])

        let dueSoon = try school.cycle(
            "A3", coach: "CO1", observer: "A4", priority: "P1",
            [(.agreement, "2026-10-20"), (.preLesson, "2026-10-27"), (.observedLesson, "2026-11-10")])
        try school.agreement(dueSoon, confirmed: true)

        let impactMissing = try school.cycle(
            "A4", coach: "CO2", observer: "A5", priority: "P2",
            [
                (.agreement, "2026-09-05"), (.preLesson, "2026-09-20"), (.observedLesson, "2026-10-05"),
                (.postLesson, "2026-10-20"), (.impact, "2026-11-01"),
            ])
        try school.agreement(impactMissing, confirmed: true)

        let closed = try school.cycle(
            "A5", coach: "CO1", observer: "A6", priority: "P1",
            [
                (.agreement, "2026-09-02"), (.preLesson, "2026-09-20"), (.observedLesson, "2026-10-05"),
                (.postLesson, "2026-10-20"), (.impact, "2026-11-01"), (.closed, "2026-11-15"),
            ])
        try school.agreement(closed, confirmed: true)
        try school.impact(closed, "2026-11-14", author: "A5")

        let unconfirmed = try school.cycle(
            "E2", coach: "CO2", observer: "A1", priority: "P1",
            [
                (.agreement, "2026-10-01"), (.preLesson, "2026-10-15"), (.observedLesson, "2026-11-01"),
                (.postLesson, "2026-11-18"),
            ])
        try school.agreement(unconfirmed, confirmed: false)
        try school.session(unconfirmed, "2026-11-22", by: "CO2", shared: true)

        let lastYear = try school.cycle(
            "A6", coach: "CO1", observer: "A2",
            [
                (.agreement, "2026-04-01"), (.preLesson, "2026-04-20"), (.observedLesson, "2026-05-05"),
                (.postLesson, "2026-05-20"), (.impact, "2026-06-01"), (.closed, "2026-06-30"),
            ])
        return Cycles(
            school: school, quietToLeads: quiet, fresh: fresh, dueSoon: dueSoon, impactMissing: impactMissing,
            closed: closed, unconfirmed: unconfirmed, lastYear: lastYear)
    }

    @Test("a lead sees every cycle of the year, most stuck first, with its stage, days in it and flags")
    func leadList() throws {
        let cycles = try Self.cycles()
        let table = try cycles.school.report(.cycles, .school, as: cycles.school.person("LEA"))
        #expect(
            table.rows.map(\.drill)
                == [
                    cycles.quietToLeads, cycles.impactMissing, cycles.unconfirmed, cycles.dueSoon, cycles.fresh,
                    cycles.closed,
                ].map { .cycle($0) })
        #expect(
            table.rows.map(\.flag) == [
                "overdue", "impact statement missing", "agreement not confirmed", "due soon", "", "",
            ])
        let quiet = table.row("cycle", "\(cycles.quietToLeads)")
        #expect(table.cell(quiet, "coachee") == "A1 Maths 1")
        #expect(table.cell(quiet, "coach") == "CO1 Coach One")
        #expect(table.cell(quiet, "stage") == "Pre-lesson discussion")
        #expect(table.cell(quiet, "days_in_stage") == "54")
        #expect(table.cell(table.row("cycle", "\(cycles.dueSoon)"), "days_in_stage") == "14")
        let unconfirmed = table.row("cycle", "\(cycles.unconfirmed)")
        #expect(table.cell(unconfirmed, "flags") == "agreement not confirmed; ECT year 2")
        #expect(table.cell(unconfirmed, "subject") == "Science")
        #expect(table.cell(table.row("cycle", "\(cycles.closed)"), "stage") == "Closed")
        #expect(table.row("cycle", "\(cycles.lastYear)") == nil)
    }

    @Test("a session the coachee kept private is counted for coachee and coach, never for a lead or the observer")
    func privateSessionNotCountedForOthers() throws {
        let cycles = try Self.cycles()
        let school = cycles.school
        let lead = try school.report(.cycles, .school, as: school.person("LEA"))
        let seenByLead = lead.row("cycle", "\(cycles.quietToLeads)")
        #expect(lead.cell(seenByLead, "last_session") == "2026-10-05")
        #expect(lead.cell(seenByLead, "sessions") == "1")
        #expect(seenByLead?.flag == "overdue")

        let coach = try school.report(.cycles, .individual, as: school.person("CO1"))
        let seenByCoach = coach.row("cycle", "\(cycles.quietToLeads)")
        #expect(coach.cell(seenByCoach, "last_session") == "2026-11-20")
        #expect(coach.cell(seenByCoach, "sessions") == "2")
        #expect(seenByCoach?.flag == "")
        #expect(coach.rows.count == 3)

        let coachee = try school.report(.cycles, .individual, as: school.person("A1"))
        #expect(coachee.cell(coachee.row("cycle", "\(cycles.quietToLeads)"), "sessions") == "2")

        let observer = try school.report(.cycles, .individual, as: school.person("OBS"))
        let seenByObserver = observer.row("cycle", "\(cycles.quietToLeads)")
        #expect(observer.cell(seenByObserver, "last_session") == "2026-10-05")
        #expect(observer.cell(seenByObserver, "sessions") == "1")
    }

    @Test("no report shows the private session's text to a lead, the impact lead, the head or the command line")
    func noPrivateText() throws {
        let cycles = try Self.cycles()
        let school = cycles.school
        let readers = [
            school.person("LEA"), school.person("IMP"), school.person("HED"), ReportReader(person: nil),
            school.person("CO1"), school.person("A1"),
        ]
        let builder = ReportBuilder(store: school.store, settings: ReportSettings(), today: today)
        var tables = 0
        for reader in readers {
            for (kind, levels) in builder.offered(to: reader) {
                for level in levels {
                    let table = try builder.report(kind, level: level, filter: thisYear, for: reader)
                    tables += 1
                    for cell in table.everyCell { #expect(!cell.contains("SECRET"), "\(kind) \(level)") }
                }
            }
        }
        #expect(tables > 20)
    }

    @Test("a subject filter lists that subject's cycles, each opening its progress")
    func subjectDrill() throws {
        let cycles = try Self.cycles()
        let school = cycles.school
        let bySubject = try school.report(.cycles, .subject, as: school.person("LEA"))
        expectNoSmallCounts(bySubject, columns: ["cycles", "under_way", "closed", "overdue", "due_soon", "coachees"])
        var maths = thisYear
        maths.subject = "Maths"
        let drilled = try school.report(.cycles, .subject, filter: maths, as: school.person("LEA"))
        #expect(
            Set(drilled.rows.compactMap(\.drill))
                == Set([cycles.quietToLeads, cycles.fresh, cycles.dueSoon].map { .cycle($0) }))
        var p2 = thisYear
        p2.priority = "P2"
        let byPriority = try school.report(.cycles, .school, filter: p2, as: school.person("LEA"))
        #expect(byPriority.rows.map(\.drill) == [.cycle(cycles.impactMissing), .cycle(cycles.fresh)])
    }

    @Test("the cadence is configurable: at four days the cycle quiet for two weeks is overdue")
    func cadence() throws {
        let cycles = try Self.cycles()
        let school = cycles.school
        let weekly = try school.report(.cycles, .school, as: school.person("LEA"))
        #expect(weekly.row("cycle", "\(cycles.dueSoon)")?.flag == "due soon")
        let fourDays = try school.report(.cycles, .school, as: school.person("LEA"), cadence: 4)
        #expect(fourDays.row("cycle", "\(cycles.dueSoon)")?.flag == "overdue")
        let fresh = fourDays.row("cycle", "\(cycles.fresh)")
        #expect(fresh?.flag == "agreement not confirmed")
        #expect(fourDays.cell(fresh, "flags") == "due soon; agreement not confirmed")
        let fortnightly = try school.report(.cycles, .school, as: school.person("LEA"), cadence: 15)
        #expect(fortnightly.row("cycle", "\(cycles.dueSoon)")?.flag == "")
    }

    @Test("who may run what: leads all three levels, a teacher their own, the technician the school's")
    func offered() throws {
        let cycles = try Self.cycles()
        let school = cycles.school
        let builder = ReportBuilder(store: school.store, settings: ReportSettings(), today: today)
        func offer(_ reader: ReportReader) -> [String] {
            builder.offered(to: reader).map {
                "\($0.kind.rawValue): " + $0.levels.map(\.rawValue).joined(separator: " ")
            }
        }
        #expect(
            offer(school.person("LEA")) == [
                "goals: individual subject school", "cycles: individual subject school",
                "impact: individual subject school", "cpd: individual school",
            ])
        #expect(
            offer(school.person("TCH")) == [
                "goals: individual", "cycles: individual", "impact: individual", "cpd: individual",
            ])
        #expect(
            offer(ReportReader(person: nil)) == [
                "goals: subject school", "cycles: subject school", "impact: subject school", "cpd: school",
            ])
        #expect(throws: ReportError.self) { try school.report(.cycles, .school, as: school.person("TCH")) }
        #expect(throws: ReportError.levelNotOffered(kind: .cpd, level: .subject)) {
            try school.report(.cpd, .subject, as: school.person("LEA"))
        }
        // The command line names whose cycles it wants.
        var a1 = thisYear
        a1.staff = "A1"
        let technician = try school.report(.cycles, .individual, filter: a1, as: ReportReader(person: nil))
        #expect(Set(technician.rows.compactMap(\.drill)) == [.cycle(cycles.quietToLeads), .cycle(cycles.unconfirmed)])
        #expect(throws: ReportError.self) { try school.report(.cycles, .individual, as: ReportReader(person: nil)) }
    }
}
