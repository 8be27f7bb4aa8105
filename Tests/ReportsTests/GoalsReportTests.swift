import Coaching
import CoachingStore
import Reports
import Testing

@Suite("The goals report")
struct GoalsReportTests {
    /// A lead coach, five Maths and four Science teachers, three priorities.
    static func school() throws -> SchoolStore {
        let school = try SchoolStore()
        try school.staff("LEA", "Siân Jones", "Maths", roles: [.leadCoach])
        try school.staff("HED", "Ŵyn Hughes", "Leadership", roles: [.head])
        try school.staff("ADM", "Mair Price", "Office", roles: [.admin])
        for number in 1...5 { try school.staff(StaffCode("M\(number)") ?? "M", "Maths \(number)", "Maths") }
        for number in 1...4 { try school.staff(StaffCode("S\(number)") ?? "S", "Science \(number)", "Science") }
        try school.priority("P1", "Questioning")
        try school.priority("P2", "Reading")
        try school.priority("P3", "Behaviour")
        return school
    }

    @Test("school level: goals by priority and status, the share achieved, and a priority with no goal flagged")
    func schoolLevel() throws {
        let school = try Self.school()
        for code: StaffCode in ["M1", "M2", "M3"] { try school.goal(code, "P1", .achieved) }
        for code: StaffCode in ["M4", "M5", "S1"] { try school.goal(code, "P1", .inProgress) }
        for code: StaffCode in ["S2", "S3", "S4", "M1"] { try school.goal(code, "P2", .open) }
        // Set last year: one still in progress counts, one achieved then does not.
        try school.goal("M2", "P2", .inProgress, on: "2026-05-01")
        try school.goal("M3", "P2", .achieved, on: "2026-03-01")

        let table = try school.report(.goals, .school, as: school.person("LEA"))
        let p1 = try #require(table.row("priority", "P1"))
        #expect(table.cell(p1, "title") == "Questioning")
        #expect(table.cell(p1, "goals") == "6")
        #expect(table.cell(p1, "open") == "0")
        #expect(table.cell(p1, "achieved") == "3")
        #expect(table.cell(p1, "achieved_percent") == "50")
        #expect(p1.drill == .priority("P1"))
        let p2 = try #require(table.row("priority", "P2"))
        #expect(table.cell(p2, "goals") == "5")
        #expect(table.cell(p2, "open") == "4")
        // One in progress reads "fewer than 3"; P1's 3 is withheld, or the total would give it away.
        #expect(table.cell(p2, "in_progress") == "fewer than 3")
        #expect(table.cell(p1, "in_progress") == "withheld")
        let p3 = try #require(table.row("priority", "P3"))
        #expect(table.cell(p3, "goals") == "0")
        #expect(p3.flag == "no coaching goal")
        #expect(p1.flag == "" && p2.flag == "")
        let total = try #require(table.row("priority", "All priorities"))
        #expect(table.cell(total, "goals") == "11")
        #expect(table.cell(total, "in_progress") == "4")
        #expect(table.cell(total, "achieved_percent") == "27")
        #expect(table.notes.contains("School priorities with no coaching goal: P3."))
        expectNoSmallCounts(table, columns: ["goals", "open", "in_progress", "achieved", "dropped"])

        // A priority filter keeps that row as the whole table shows it.
        var onlyP2 = thisYear
        onlyP2.priority = "P2"
        let filtered = try school.report(.goals, .school, filter: onlyP2, as: school.person("LEA"))
        #expect(filtered.rows.count == 1)
        #expect(filtered.rows.first?.cells == p2.cells)
    }

    @Test("a count of N-1 reads fewer than N; N and N+1 are printed", arguments: [2, 3, 4])
    func suppressionEdges(count: Int) throws {
        let school = try Self.school()
        let owners: [StaffCode] = ["M1", "M2", "M3", "M4"]
        for owner in owners.prefix(count) { try school.goal(owner, "P1") }
        let table = try school.report(.goals, .school, as: school.person("LEA"))
        let p1 = try #require(table.row("priority", "P1"))
        let total = try #require(table.row("priority", "All priorities"))
        let expected = count < 3 ? "fewer than 3" : "\(count)"
        #expect(table.cell(p1, "goals") == expected)
        #expect(table.cell(p1, "in_progress") == expected)
        #expect(table.cell(total, "goals") == expected)
        expectNoSmallCounts(table, columns: ["goals", "open", "in_progress", "achieved", "dropped"])
    }

    @Test("three goals of one person are not a group: they read as from fewer than 3 staff")
    func onePersonIsNotAGroup() throws {
        let school = try Self.school()
        for _ in 1...3 { try school.goal("M1", "P1") }
        let table = try school.report(.goals, .school, as: school.person("LEA"))
        let p1 = try #require(table.row("priority", "P1"))
        #expect(table.cell(p1, "goals") == "from fewer than 3 staff")
        #expect(table.cell(p1, "achieved_percent") == "withheld")
        #expect(!table.everyCell.contains("3"))
    }

    @Test(
        "subject level: a subject with N-1 owners is merged into Other subjects, N and N+1 stand alone",
        arguments: [2, 3, 4])
    func subjectEdges(owners: Int) throws {
        let school = try Self.school()
        try school.staff("E1", "English 1", "English")
        try school.staff("E2", "English 2", "English")
        try school.staff("E3", "English 3", "English")
        try school.staff("E4", "English 4", "English")
        for code: StaffCode in ["M1", "M2", "M3"] { try school.goal(code, "P1") }
        for code: StaffCode in ["E1", "E2", "E3", "E4"] { try school.goal(code, "P1") }
        let science: [StaffCode] = ["S1", "S2", "S3", "S4"]
        for code in science.prefix(owners) { try school.goal(code, "P1") }

        let table = try school.report(.goals, .subject, as: school.person("LEA"))
        expectNoSmallCounts(table, columns: ["goals", "open", "in_progress", "achieved", "dropped"])
        #expect(table.cell(table.row("subject", "English"), "goals") == "4")
        if owners < 3 {
            // Science is small; Maths, the smallest that helps, joins it so the merged row is not small.
            #expect(table.row("subject", "Science") == nil)
            #expect(table.row("subject", "Maths") == nil)
            let other = try #require(table.row("subject", "Other subjects"))
            #expect(table.cell(other, "goals") == "\(3 + owners)")
            #expect(other.drill == nil)
        } else {
            #expect(table.cell(table.row("subject", "Science"), "goals") == "\(owners)")
            #expect(table.cell(table.row("subject", "Maths"), "goals") == "3")
            #expect(table.row("subject", "Other subjects") == nil)
            #expect(table.row("subject", "Science")?.drill == .subject("Science"))
        }
    }

    @Test("drilling into a small subject shows only what the whole table shows: its merged row")
    func drillKeepsSuppression() throws {
        let school = try Self.school()
        try school.staff("U1", "Music 1", "Music")
        try school.staff("U2", "Music 2", "Music")
        for code: StaffCode in ["M1", "M2", "M3", "M4"] { try school.goal(code, "P1") }
        for code: StaffCode in ["S1", "S2", "S3"] { try school.goal(code, "P1") }
        try school.goal("U1", "P1", .achieved)
        try school.goal("U2", "P1")
        let whole = try school.report(.goals, .subject, as: school.person("LEA"))
        let merged = try #require(whole.row("subject", "Other subjects"))

        var music = thisYear
        music.subject = "Music"
        let drilled = try school.report(.goals, .subject, filter: music, as: school.person("LEA"))
        #expect(drilled.rows.count == 1)
        #expect(drilled.rows.first?.cells == merged.cells)
        #expect(drilled.rows.first?.drill == nil)
        expectNoSmallCounts(drilled, columns: ["goals", "open", "in_progress", "achieved", "dropped"])

        // The same at school level with a subject: the subject's rows, never its figures counted afresh.
        let atSchool = try school.report(.goals, .school, filter: music, as: school.person("LEA"))
        #expect(atSchool.level == .subject)
        #expect(atSchool.rows.map(\.cells) == drilled.rows.map(\.cells))

        var maths = thisYear
        maths.subject = "Maths"
        let standing = try school.report(.goals, .subject, filter: maths, as: school.person("LEA"))
        #expect(standing.rows.count == 1)
        #expect(standing.cell(standing.rows.first, "goals") == "4")
        #expect(standing.rows.first?.drill == .priority("P1"))
    }

    @Test("individual level: one's own goals with their text, and one's trio's; a lead outside the trio is refused")
    func individualLevel() throws {
        let school = try Self.school()
        try school.staff("CO1", "Coach One", "Science", roles: [.coach])
        let cycle = try school.cycle("M1", coach: "CO1", observer: "S1", priority: "P1", [(.agreement, "2026-09-10")])
        try school.goal("M1", "P1", cycle: cycle, text: "Use wait time after every question")
        try school.goal("M1", "P2", text: "Read one research summary a month")
        try school.goal("M2", "P1", text: "Someone else's goal")

        let own = try school.report(.goals, .individual, as: school.person("M1"))
        #expect(own.rows.count == 2)
        #expect(own.everyCell.contains("Use wait time after every question"))
        #expect(own.everyCell.contains("Read one research summary a month"))
        #expect(!own.everyCell.contains("Someone else's goal"))
        #expect(own.rows.first?.drill == .cycle(cycle))

        // The coach reads the cycle's goal, not the coachee's goal outside the cycle.
        let coach = try school.report(.goals, .individual, as: school.person("CO1"))
        #expect(coach.everyCell.contains("Use wait time after every question"))
        #expect(!coach.everyCell.contains("Read one research summary a month"))

        var m1 = thisYear
        m1.staff = "M1"
        #expect(throws: ReportError.self) {
            try school.report(.goals, .individual, filter: m1, as: school.person("LEA"))
        }
        let byCoach = try school.report(.goals, .individual, filter: m1, as: school.person("CO1"))
        #expect(byCoach.rows.count == 1)
        #expect(throws: ReportError.self) { try school.report(.goals, .individual, as: ReportReader(person: nil)) }
        #expect(throws: ReportError.self) { try school.report(.goals, .school, as: school.person("M2")) }
        #expect(throws: ReportError.self) { try school.report(.goals, .school, as: school.person("ADM")) }
        #expect(throws: ReportError.unknownStaff("NOBODY")) {
            var nobody = thisYear
            nobody.staff = "NOBODY"
            return try school.report(.goals, .individual, filter: nobody, as: school.person("M1"))
        }
    }

    @Test("the head and the command line read the school's goals as counts")
    func headAndTechnician() throws {
        let school = try Self.school()
        for code: StaffCode in ["M1", "M2", "M3"] { try school.goal(code, "P1", text: "Private words") }
        for reader in [school.person("HED"), ReportReader(person: nil)] {
            for level in [ReportLevel.school, .subject] {
                let table = try school.report(.goals, level, as: reader)
                #expect(!table.everyCell.contains("Private words"))
                #expect(table.cell(table.row("priority", "P1"), "goals") == "3")
            }
        }
    }

    @Test("a goal set last year counts this year while its cycle is under way, or when it closed this year")
    func goalsOfCyclesUnderWay() throws {
        let school = try Self.school()
        try school.staff("CO1", "Coach One", "Science", roles: [.coach])
        let moves: [(Stage, String)] = [(.agreement, "2026-05-01"), (.postLesson, "2026-06-01")]
        for coachee: StaffCode in ["M1", "M2", "M3"] {
            let open = try school.cycle(coachee, coach: "CO1", observer: "S1", priority: "P1", moves)
            try school.goal(coachee, "P1", .achieved, on: "2026-05-01", cycle: open)
        }
        for coachee: StaffCode in ["S2", "S3", "S4"] {
            let closedLastYear = try school.cycle(
                coachee, coach: "CO1", observer: "S1", priority: "P2", moves + [(.closed, "2026-07-01")])
            try school.goal(coachee, "P2", .achieved, on: "2026-05-01", cycle: closedLastYear)
        }
        let table = try school.report(.goals, .school, as: school.person("LEA"))
        #expect(table.cell(table.row("priority", "P1"), "achieved") == "3")
        #expect(table.cell(table.row("priority", "P1"), "achieved_percent") == "100")
        #expect(table.cell(table.row("priority", "P2"), "goals") == "0")
    }

    @Test("a period that ends before it starts is refused")
    func badPeriod() throws {
        let school = try Self.school()
        let backwards = ReportFilter(from: day("2026-11-01"), to: day("2026-10-01"))
        #expect(throws: ReportError.badPeriod(from: day("2026-11-01"), to: day("2026-10-01"))) {
            try school.report(.goals, .school, filter: backwards, as: school.person("LEA"))
        }
    }
}
