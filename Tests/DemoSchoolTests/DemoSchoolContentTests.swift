import Coaching
import Testing

@testable import DemoSchool

/// Days the demo might be made on: term time, a Saturday, a Sunday, the last day of the
/// school year, the first of the next, and a leap day.
private let days = [
    "2026-03-18", "2026-11-28", "2026-11-29", "2027-08-31", "2027-09-01", "2028-02-29",
]

private func content(_ iso: String) throws -> (DemoSchoolContent, SchoolDay) {
    let today = try #require(SchoolDay(iso: iso))
    return (DemoSchoolContent.make(today: today), today)
}

/// Every date a cycle records, with what it is, for the messages.
private func datesIn(_ demo: DemoCycle) -> [(String, SchoolDay)] {
    var dates: [(String, SchoolDay)] = demo.cycle.history.map { ("stage \($0.stage)", $0.on) }
    dates += demo.goals.map { ("goal", $0.setOn) }
    dates += demo.sessions.map { ("session", $0.heldOn) }
    dates += demo.observations.map { ("observation", $0.heldOn) }
    if let impact = demo.impact { dates.append(("impact", impact.submittedOn)) }
    if let agreement = demo.agreement {
        dates += [agreement.coacheeConfirmedOn, agreement.coachConfirmedOn].compactMap { $0 }
            .map { ("agreement confirmed", $0) }
    }
    return dates
}

@Suite("Demo school content")
struct DemoSchoolContentTests {
    @Test("about thirty staff with unique codes in capitals, varied names, and each role")
    func staff() throws {
        let (school, _) = try content(days[0])
        #expect((28...34).contains(school.staff.count))
        let codes = school.staff.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.rawValue.count == 3 && code.rawValue.allSatisfy(\.isUppercase))
        }
        let active = school.staff.filter(\.isActive)
        func holders(_ role: Role) -> Int { active.filter { $0.roles.contains(role) }.count }
        #expect(holders(.head) == 1)
        #expect(holders(.admin) >= 1)
        #expect(holders(.office) >= 1)
        #expect((2...3).contains(holders(.leadCoach)))
        #expect(holders(.impactLead) >= 1)
        #expect(holders(.coach) >= 8)
        #expect(active.filter(\.roles.isEmpty).count > active.count / 2)
        // Names that test Unicode and quoting all the way to the printed page.
        let names = school.staff.map(\.name).joined(separator: " ")
        for needle in ["Siân", "Zoë", "Ŵyn", "O'Neill", "Ó Súilleabháin", "ap Rhys"] {
            #expect(names.contains(needle), "no \(needle) among the staff")
        }
        #expect(school.schoolName.contains("'"))
    }

    @Test("most subjects have at least three staff; early-career teachers in years 1 and 2")
    func subjectsAndECTs() throws {
        let (school, _) = try content(days[0])
        let active = school.staff.filter(\.isActive)
        let bySubject = Dictionary(grouping: active, by: \.subject).mapValues(\.count)
        #expect(bySubject.count >= 8)
        #expect(bySubject.values.filter { $0 >= 3 }.count > bySubject.count / 2)
        #expect(active.contains { $0.earlyCareerYear == 1 })
        #expect(active.contains { $0.earlyCareerYear == 2 })
    }

    @Test("one leaver past the six-year retention, one who left last year")
    func leavers() throws {
        let (school, today) = try content(days[0])
        let rule = RetentionRule()
        let leavers = school.staff.compactMap { member in member.leftOn.map { (member, $0) } }
        #expect(leavers.count == 2)
        let past = leavers.filter { rule.isPastRetention(leftOn: $0.1, today: today) }
        #expect(past.count == 1)
        #expect(leavers.contains { $0.1 > today.adding(years: -2) && $0.1 <= today })
        // The long-gone colleague has a closed cycle past retention, for the purge to find.
        let gone = try #require(past.first?.0.code)
        let theirs = school.cycles.filter { $0.cycle.trio.members.contains(gone) }
        #expect(!theirs.isEmpty)
        for demo in theirs {
            #expect(demo.cycle.stage == .closed)
            let closedOn = try #require(demo.cycle.stageDates[.closed])
            #expect(rule.isPastRetention(cycleClosedOn: closedOn, today: today))
        }
        #expect(school.cpd.contains { $0.owner == gone })
        // No one who has left is in a cycle still running.
        let left = Set(leavers.map(\.0.code))
        for demo in school.cycles where demo.cycle.stage != .closed {
            #expect(left.isDisjoint(with: demo.cycle.trio.members), "\(demo.cycle.focus)")
        }
    }

    @Test("at least two cycles at every stage")
    func stages() throws {
        let (school, _) = try content(days[0])
        #expect((12...16).contains(school.cycles.count))
        for stage in Stage.allCases {
            let count = school.cycles.filter { $0.cycle.stage == stage }.count
            #expect(count >= 2, "only \(count) cycles at \(stage)")
        }
    }

    @Test("every code named is a member of staff; writers hold the right trio position")
    func knownCodes() throws {
        let (school, _) = try content(days[0])
        let known = Set(school.staff.map(\.code))
        for demo in school.cycles {
            let trio = demo.cycle.trio
            let focus = demo.cycle.focus
            #expect(Set(trio.members).count == 3, "\(focus)")
            #expect(known.isSuperset(of: trio.members), "\(focus)")
            for move in demo.cycle.history {
                if let by = move.by { #expect(known.contains(by), "\(focus)") }
            }
            for goal in demo.goals { #expect(goal.owner == trio.coachee, "\(focus)") }
            for session in demo.sessions {
                #expect([trio.coachee, trio.coach].contains(session.author), "\(focus)")
            }
            for notes in demo.observations {
                #expect([trio.observer, trio.coach].contains(notes.author), "\(focus)")
            }
            if let impact = demo.impact {
                #expect([trio.coachee, trio.coach].contains(impact.author), "\(focus)")
            }
        }
        for activity in school.cpd { #expect(known.contains(activity.owner)) }
        #expect(known.isSuperset(of: school.pins.keys))
    }

    @Test("every coach holds the coach or lead-coach role")
    func coaches() throws {
        let (school, _) = try content(days[0])
        let byCode = Dictionary(uniqueKeysWithValues: school.staff.map { ($0.code, $0) })
        for demo in school.cycles {
            let coach = try #require(byCode[demo.cycle.trio.coach])
            #expect(!coach.roles.isDisjoint(with: [.coach, .leadCoach]), "\(demo.cycle.focus)")
        }
    }

    @Test("dates never go backwards and none is after today", arguments: days)
    func dates(iso: String) throws {
        let (school, today) = try content(iso)
        for demo in school.cycles {
            let history = demo.cycle.history.map(\.on)
            #expect(history == history.sorted(), "\(demo.cycle.focus)")
            for (what, day) in datesIn(demo) {
                #expect(day <= today, "\(demo.cycle.focus): \(what) on \(day) is after \(today)")
                #expect(day >= demo.cycle.startedOn, "\(demo.cycle.focus): \(what) before start")
            }
            let sessions = demo.sessions.map(\.heldOn)
            #expect(sessions == sessions.sorted(), "\(demo.cycle.focus)")
            // Nothing is dated at a weekend.
            for (what, day) in datesIn(demo) {
                #expect(((day.dayNumber + 3) % 7 + 7) % 7 < 5, "\(demo.cycle.focus): \(what)")
            }
        }
        for activity in school.cpd { #expect(activity.heldOn <= today) }
        for member in school.staff {
            if let leftOn = member.leftOn { #expect(leftOn <= today) }
        }
        // The school looks alive: something happened in the last fortnight.
        let latest = try #require(school.cycles.flatMap { datesIn($0).map(\.1) }.max())
        #expect(latest.days(until: today) <= 14)
    }

    @Test("some cycles step back a stage")
    func stepsBack() throws {
        let (school, _) = try content(days[0])
        let steppedBack = school.cycles.filter { demo in
            zip(demo.cycle.history, demo.cycle.history.dropFirst()).contains { $1.stage < $0.stage }
        }
        #expect(steppedBack.count >= 1)
        // Each move is one step forward or one step back, as the kiosk allows.
        for demo in school.cycles {
            #expect(demo.cycle.history.first?.stage == .agreement)
            for (a, b) in zip(demo.cycle.history, demo.cycle.history.dropFirst()) {
                #expect(b.stage == a.stage.next || b.stage == a.stage.previous)
            }
            #expect(demo.cycle.history.last?.stage == demo.cycle.stage)
        }
    }

    @Test("four or five priorities; every priority code named exists")
    func priorities() throws {
        let (school, _) = try content(days[0])
        #expect((4...5).contains(school.priorities.count))
        let codes = Set(school.priorities.map(\.code))
        #expect(codes.count == school.priorities.count)
        for priority in school.priorities { #expect(!priority.detail.isEmpty) }
        for demo in school.cycles {
            let priority = try #require(demo.cycle.priority)
            #expect(codes.contains(priority), "\(demo.cycle.focus)")
            if let linked = demo.agreement?.priority { #expect(codes.contains(linked)) }
            for goal in demo.goals {
                if let linked = goal.priority { #expect(codes.contains(linked)) }
            }
        }
        for activity in school.cpd {
            if let linked = activity.priority { #expect(codes.contains(linked)) }
        }
    }

    @Test("an early-career teacher in year 2 is a coachee")
    func ectCoachee() throws {
        let (school, _) = try content(days[0])
        let ects = Set(school.staff.filter { $0.earlyCareerYear == 2 }.map(\.code))
        #expect(school.cycles.contains { ects.contains($0.cycle.trio.coachee) })
        // ECTs join cycles in their second year: none in year 1 is in a trio.
        let firstYear = Set(school.staff.filter { $0.earlyCareerYear == 1 }.map(\.code))
        for demo in school.cycles { #expect(firstYear.isDisjoint(with: demo.cycle.trio.members)) }
    }

    @Test("the same day gives the same school", arguments: days)
    func deterministic(iso: String) throws {
        let (first, today) = try content(iso)
        let second = DemoSchoolContent.make(today: today)
        #expect(first.staff == second.staff)
        #expect(first.cycles.map(\.cycle.stage) == second.cycles.map(\.cycle.stage))
        #expect(first.cycles.map(\.cycle.history) == second.cycles.map(\.cycle.history))
        #expect(first == second)
    }

    @Test("a different day moves the dates with it")
    func relativeToToday() throws {
        let (early, _) = try content("2026-03-18")
        let (late, _) = try content("2029-03-21")
        #expect(early.staff.map(\.code) == late.staff.map(\.code))
        #expect(early.cycles.map(\.cycle.stage) == late.cycles.map(\.cycle.stage))
        #expect(early.cycles.map(\.cycle.startedOn) != late.cycles.map(\.cycle.startedOn))
    }

    @Test("a PIN of 4 to 6 digits for every active member of staff")
    func pins() throws {
        let (school, _) = try content(days[0])
        for member in school.staff {
            guard member.isActive else {
                #expect(school.pins[member.code] == nil, "\(member.code) has left")
                continue
            }
            let pin = try #require(school.pins[member.code], "no PIN for \(member.code)")
            #expect((4...6).contains(pin.count), "\(member.code)")
            #expect(pin.allSatisfy { $0.isASCII && $0.isNumber }, "\(member.code)")
            #expect(Set(pin).count > 1, "\(member.code)")
        }
        #expect(Set(school.pins.values).count == school.pins.count)
    }

    @Test("every cycle past the agreement has a confirmed agreement")
    func agreements() throws {
        let (school, _) = try content(days[0])
        for demo in school.cycles where demo.cycle.stage > .agreement {
            let agreement = try #require(demo.agreement, "\(demo.cycle.focus)")
            #expect(agreement.isConfirmed, "\(demo.cycle.focus)")
            #expect(!agreement.goals.isEmpty && agreement.durationWeeks > 0)
            if let confirmed = agreement.coachConfirmedOn,
                let pre = demo.cycle.stageDates[.preLesson]
            {
                #expect(confirmed <= pre, "\(demo.cycle.focus)")
            }
        }
        // Something for the agreement stage to show: one written, one overdue and empty.
        let atAgreement = school.cycles.filter { $0.cycle.stage == .agreement }
        #expect(atAgreement.contains { $0.agreement != nil && $0.agreement?.isConfirmed == false })
        #expect(atAgreement.contains { $0.agreement == nil })
    }

    @Test("impact statements exactly for cycles at impact or closed, with evidence")
    func impacts() throws {
        let (school, _) = try content(days[0])
        for demo in school.cycles {
            if demo.cycle.stage >= .impact {
                let impact = try #require(demo.impact, "\(demo.cycle.focus)")
                #expect(!impact.pupilOutcomesBefore.isEmpty && !impact.pupilOutcomesAfter.isEmpty)
                #expect(impact.pupilOutcomesBefore != impact.pupilOutcomesAfter)
                let entered = try #require(demo.cycle.stageDates[.impact])
                #expect(impact.submittedOn >= entered, "\(demo.cycle.focus)")
            } else {
                #expect(demo.impact == nil, "\(demo.cycle.focus)")
            }
        }
        // Some impact text names people, so the trustee pack's anonymiser has work to do.
        let firstNames = Set(school.staff.map(\.firstName))
        let named = school.cycles.compactMap(\.impact).filter { impact in
            let text = [impact.wentWell, impact.couldHaveGoneBetter, impact.nextSteps]
                .joined(separator: " ")
            return firstNames.contains { text.contains($0) }
        }
        #expect(named.count >= 2)
    }

    @Test("observed lessons have non-judgemental notes; records fit the stage")
    func recordsFitStage() throws {
        let (school, _) = try content(days[0])
        let grades = ["outstanding", "good", "requires improvement", "inadequate", "grade"]
        for demo in school.cycles {
            let focus = demo.cycle.focus
            if demo.cycle.stage >= .observedLesson {
                #expect(!demo.observations.isEmpty, "\(focus)")
            }
            if !demo.observations.isEmpty {
                #expect(demo.cycle.stageDates[.observedLesson] != nil, "\(focus)")
            }
            for notes in demo.observations {
                #expect(!notes.lookFors.isEmpty && !notes.seenAndHeard.isEmpty)
                let words = notes.seenAndHeard.lowercased()
                for grade in grades { #expect(!words.contains(grade), "\(focus): \(grade)") }
            }
            if demo.cycle.stage >= .postLesson {
                #expect(demo.sessions.contains { $0.kind == .postLesson }, "\(focus)")
            }
            for session in demo.sessions { #expect(session.actions.count <= 3) }
        }
        let sessions = school.cycles.flatMap(\.sessions)
        #expect(sessions.contains { $0.sharedWithObserver })
        #expect(sessions.contains { !$0.sharedWithObserver })
        #expect(Set(sessions.map(\.kind)) == Set(SessionKind.allCases))
    }

    @Test("goals at every status; CPD activities of every kind, with this year's INSET day")
    func goalsAndCPD() throws {
        let (school, _) = try content(days[0])
        let statuses = Set(school.cycles.flatMap(\.goals).map(\.status))
        #expect(statuses == Set(GoalStatus.allCases))
        #expect((35...120).contains(school.cpd.count))
        #expect(Set(school.cpd.map(\.kind)) == Set(CPDKind.allCases))
        for activity in school.cpd {
            #expect(activity.hours > 0 && !activity.title.isEmpty && !activity.reflection.isEmpty)
        }
    }
}
