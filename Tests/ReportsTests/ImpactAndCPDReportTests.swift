import Coaching
import CoachingStore
import Reports
import Testing

@Suite("The impact report")
struct ImpactReportTests {
    static let summerMoves: [(Stage, String)] = [
        (.agreement, "2026-04-10"), (.preLesson, "2026-04-20"), (.observedLesson, "2026-05-01"),
        (.postLesson, "2026-05-15"), (.impact, "2026-06-01"), (.closed, "2026-07-10"),
    ]
    static let autumnMoves: [(Stage, String)] = [
        (.agreement, "2026-09-05"), (.preLesson, "2026-09-15"), (.observedLesson, "2026-09-30"),
        (.postLesson, "2026-10-10"), (.impact, "2026-10-20"), (.closed, "2026-11-10"),
    ]

    /// Summer 2026: three P1 cycles completed with statements. Autumn 2026: four P1 (two
    /// Maths, two English coachees) and three P2 (English), T8's statement on 25 October.
    static func school() throws -> (school: SchoolStore, autumn: [Int64]) {
        let school = try SchoolStore()
        try school.staff("IMP", "Ifan Morgan", "English", roles: [.impactLead])
        try school.staff("LEA", "Siân Jones", "Maths", roles: [.leadCoach])
        try school.staff("CO1", "Coach One", "Science", roles: [.coach])
        try school.staff("OBS", "Olwen Bowen", "Science")
        for number in 1...5 { try school.staff(StaffCode("T\(number)") ?? "T", "Maths \(number)", "Maths") }
        for number in 6...10 { try school.staff(StaffCode("T\(number)") ?? "T", "English \(number)", "English") }
        try school.priority("P1", "Questioning")
        try school.priority("P2", "Reading")
        for coachee: StaffCode in ["T1", "T2", "T3"] {
            let id = try school.cycle(coachee, coach: "CO1", observer: "OBS", priority: "P1", summerMoves)
            try school.impact(id, "2026-07-05", author: coachee)
        }
        var autumn: [Int64] = []
        for (coachee, priority) in [
            ("T4", "P1"), ("T5", "P1"), ("T6", "P1"), ("T7", "P1"), ("T8", "P2"), ("T9", "P2"), ("T10", "P2"),
        ] {
            let code = StaffCode(coachee) ?? "T"
            let id = try school.cycle(code, coach: "CO1", observer: "OBS", priority: priority, autumnMoves)
            try school.impact(
                id, coachee == "T8" ? "2026-10-25" : "2026-11-05", author: code, text: "Impact of \(coachee)")
            autumn.append(id)
        }
        return (school, autumn)
    }

    @Test("school level: statements and completed cycles per term and priority, and the change from the term before")
    func byTerm() throws {
        let (school, _) = try Self.school()
        let table = try school.report(.impact, .school, as: school.person("LEA"))
        #expect(table.rows.count == 3)
        #expect(table.rows.allSatisfy { $0.cells.first?.shown == "Autumn term 2026 (so far)" })
        let all = table.row("priority", "All priorities")
        #expect(table.cell(all, "statements") == "7")
        #expect(table.cell(all, "statements_change") == "4")
        #expect(table.cell(all, "completed") == "7")
        #expect(table.cell(all, "completed_change") == "4")
        let p1 = table.row("priority", "P1")
        #expect(table.cell(p1, "statements") == "4")
        #expect(table.cell(p1, "statements_change") == "1")
        #expect(p1?.drill == .priority("P1"))
        #expect(table.cell(table.row("priority", "P2"), "statements_change") == "3")

        let twoTerms = try school.report(
            .impact, .school, filter: ReportFilter(from: day("2026-04-01"), to: today), as: school.person("LEA"))
        #expect(
            twoTerms.rows.map { $0.cells[0].shown + " " + $0.cells[1].shown + " " + $0.cells[2].shown } == [
                "Summer term 2026 All priorities 3", "Summer term 2026 P1 3", "Summer term 2026 P2 0",
                "Autumn term 2026 (so far) All priorities 7", "Autumn term 2026 (so far) P1 4",
                "Autumn term 2026 (so far) P2 3",
            ])
        #expect(twoTerms.cell(twoTerms.rows.first, "statements_change") == "3")
    }

    @Test("a small term reads fewer than 3, and its change is not given; a term is counted whole")
    func smallTerm() throws {
        let (school, _) = try Self.school()
        try school.staff("S1", "Science 1", "Science")
        let spring = try school.cycle(
            "S1", coach: "CO1", observer: "OBS", priority: "P2",
            [(.agreement, "2026-01-10"), (.preLesson, "2026-01-20"), (.impact, "2026-02-20"), (.closed, "2026-03-20")])
        try school.impact(spring, "2026-03-01", author: "S1")
        let february = ReportFilter(from: day("2026-02-01"), to: day("2026-02-28"))
        let table = try school.report(.impact, .school, filter: february, as: school.person("LEA"))
        #expect(table.rows.allSatisfy { $0.cells.first?.shown == "Spring term 2026" })
        let all = table.row("priority", "All priorities")
        #expect(table.cell(all, "statements") == "fewer than 3")
        #expect(table.cell(all, "statements_change") == "withheld")
        #expect(table.cell(all, "completed") == "fewer than 3")
        #expect(table.cell(table.row("priority", "P2"), "statements") == "fewer than 3")
        #expect(table.cell(table.row("priority", "P1"), "statements") == "0")
        expectNoSmallCounts(table, columns: ["statements", "statements_change", "completed", "completed_change"])
    }

    @Test("subject level: small subjects merged within each priority")
    func bySubject() throws {
        let (school, _) = try Self.school()
        let table = try school.report(.impact, .subject, as: ReportReader(person: nil))
        #expect(
            table.rows.map { $0.cells.map(\.shown) } == [
                ["English", "P2", "3", "3"], ["Other subjects", "P1", "4", "4"],
            ])
        #expect(table.rows.first?.drill == .subject("English"))
    }

    @Test("the impact lead reads every statement by name, each handed back for the audit log; a lead reads none")
    func statements() throws {
        let (school, autumn) = try Self.school()
        let impactLead = try school.report(.impact, .individual, as: school.person("IMP"))
        #expect(impactLead.rows.count == 7)
        #expect(impactLead.everyCell.contains("Impact of T4"))
        #expect(impactLead.cell(impactLead.row("cycle", "\(autumn[0])"), "coachee") == "T4 Maths 4")
        #expect(Set(impactLead.privateReads) == Set(autumn.map { ReportRead(kind: .impactStatement, id: "\($0)") }))
        #expect(impactLead.auditLines.first?.action == "read")

        let coach = try school.report(.impact, .individual, as: school.person("CO1"))
        #expect(coach.rows.count == 7)

        let lead = try school.report(.impact, .individual, as: school.person("LEA"))
        #expect(lead.rows.isEmpty && lead.privateReads.isEmpty)
        var t4 = thisYear
        t4.staff = "T4"
        #expect(throws: ReportError.self) {
            try school.report(.impact, .individual, filter: t4, as: school.person("LEA"))
        }
        let oneCoachee = try school.report(.impact, .individual, filter: t4, as: school.person("IMP"))
        #expect(oneCoachee.rows.count == 1)
        #expect(throws: ReportError.self) { try school.report(.impact, .individual, as: ReportReader(person: nil)) }
        for level in [ReportLevel.subject, .school] {
            let counts = try school.report(.impact, level, as: school.person("LEA"))
            #expect(!counts.everyCell.contains { $0.contains("Impact of") })
            #expect(counts.privateReads.isEmpty)
        }
    }
}

@Suite("The CPD report")
struct CPDReportTests {
    /// Course (P1) by C1–C3, 2 hours each; reading (P2) by C4 and C5, 1.5 hours each;
    /// lesson study (no priority) by C1–C4, an hour each.
    static func school() throws -> SchoolStore {
        let school = try SchoolStore()
        try school.staff("LEA", "Siân Jones", "Maths", roles: [.leadCoach])
        for number in 1...5 { try school.staff(StaffCode("C\(number)") ?? "C", "Teacher \(number)", "Maths") }
        try school.priority("P1")
        try school.priority("P2")
        for code: StaffCode in ["C1", "C2", "C3"] { try school.cpd(code, .course, hours: 2, priority: "P1") }
        for code: StaffCode in ["C4", "C5"] { try school.cpd(code, .reading, hours: 1.5, priority: "P2") }
        for code: StaffCode in ["C1", "C2", "C3", "C4"] { try school.cpd(code, .lessonStudy, hours: 1) }
        try school.cpd("C1", .course, hours: 6, priority: "P1", on: "2026-06-01")
        return school
    }

    @Test("school level: hours by kind and priority only where enough staff logged them")
    func schoolLevel() throws {
        let school = try Self.school()
        let table = try school.report(.cpd, .school, as: school.person("LEA"))
        let lessonStudy = table.row("name", "Lesson study")
        #expect(table.cell(lessonStudy, "staff") == "4")
        #expect(table.cell(lessonStudy, "hours") == "4")
        // Reading (two people) is merged into Other, with the course, the smallest kind that makes it a group.
        #expect(table.row("name", "Reading") == nil)
        let other = table.row("name", "Other")
        #expect(table.cell(other, "staff") == "5")
        #expect(table.cell(other, "activities") == "5")
        #expect(table.cell(other, "hours") == "9")
        #expect(table.cell(table.row("name", "P1"), "hours") == "6")
        let p2 = table.row("name", "P2")
        #expect(table.cell(p2, "staff") == "fewer than 3")
        #expect(table.cell(p2, "hours") == "from fewer than 3 staff")
        #expect(table.cell(p2, "activities") == "fewer than 3")
        let all = table.row("name", "All CPD")
        #expect(table.cell(all, "staff") == "5")
        #expect(table.cell(all, "activities") == "9")
        #expect(table.cell(all, "hours") == "13")
        expectNoSmallCounts(table, columns: ["staff", "activities"])
    }

    @Test("individual level: one's own hours by kind and by priority; nobody else's")
    func individualLevel() throws {
        let school = try Self.school()
        let own = try school.report(.cpd, .individual, as: school.person("C1"))
        #expect(
            own.rows.map { $0.cells.map(\.shown) } == [
                ["Kind", "Course", "1", "2"], ["Kind", "Lesson study", "1", "1"], ["Priority", "P1", "1", "2"],
                ["Priority", "None", "1", "1"], ["All", "All CPD", "2", "3"],
            ])
        var c1 = thisYear
        c1.staff = "C1"
        #expect(throws: ReportError.self) { try school.report(.cpd, .individual, filter: c1, as: school.person("LEA")) }
        #expect(throws: ReportError.self) { try school.report(.cpd, .individual, as: ReportReader(person: nil)) }
        #expect(throws: ReportError.self) { try school.report(.cpd, .school, as: school.person("C2")) }
    }
}
