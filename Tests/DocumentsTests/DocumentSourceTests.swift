import Coaching
import CoachingStore
import Documents
import Sheets
import Testing

/// Every value and list `data` holds is one its kind's vocabulary names, and every name is filled.
func expectFitsVocabulary(
    _ data: SheetData, _ kind: DocumentKind, sourceLocation: SourceLocation = #_sourceLocation
) {
    let vocabulary = kind.vocabulary
    #expect(Set(data.values.keys) == vocabulary.values, sourceLocation: sourceLocation)
    #expect(Set(data.lists.keys) == Set(vocabulary.lists.keys), sourceLocation: sourceLocation)
    for (name, rows) in data.lists {
        #expect(!rows.isEmpty, "the \(name) list is empty, so its fields go unchecked", sourceLocation: sourceLocation)
        for row in rows {
            #expect(Set(row.keys) == vocabulary.lists[name], "\(name): \(row)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("What each document says")
struct DocumentSourceTests {
    let temporary: TemporaryStore
    let school: SmallSchool
    let source: DocumentSource

    init() throws {
        temporary = try TemporaryStore()
        school = try SmallSchool(temporary.store)
        source = DocumentSource(store: temporary.store, schoolName: "Ysgol Cae'r Onnen", today: SmallSchool.today)
    }

    @Test("the coaching agreement: trio, priority, goals, commitments and confirmations")
    func agreement() throws {
        let data = try source.data(for: .agreement(cycle: school.cycle))
        #expect(data.title == "Coaching agreement")
        #expect(
            data.values == [
                "school.name": "Ysgol Cae'r Onnen", "printed.on": "18 March 2027",
                "document.title": "Coaching agreement",
                "cycle.id": "\(school.cycle)", "cycle.focus": "Adaptive scaffolds in Year 7 maths",
                "cycle.started": "7 September 2026", "cycle.stage": "Impact statement",
                "coachee.name": "Priya Raghunathan", "coachee.subject": "Maths", "coach.name": "Siân Joseph",
                "coach.subject": "Maths", "observer.name": "Tomasz Wróbel", "observer.subject": "Maths",
                "priority.code": "P1", "priority.title": "Adaptive teaching for pupils with SEND",
                "agreement.goals": "Pupils with ALN reach the same final problem.",
                "agreement.coachee_commitments": "Plan with the five in mind.",
                "agreement.coach_commitments": "Keep the Thursday slot.",
                "agreement.meeting_pattern": CoachingAgreement.usualMeetingPattern,
                "agreement.duration_weeks": "8", "agreement.coachee_confirmed": "10 September 2026",
                "agreement.coach_confirmed": "Not yet confirmed",
            ])
        #expect(
            data.lists["trio"] == [
                ["position": "Coachee", "name": "Priya Raghunathan", "subject": "Maths"],
                ["position": "Coach", "name": "Siân Joseph", "subject": "Maths"],
                ["position": "Observer", "name": "Tomasz Wróbel", "subject": "Maths"],
            ])
        expectFitsVocabulary(data, .agreement)
    }

    @Test("a cycle with no agreement, or no such cycle, says what to do")
    func agreementMissing() {
        #expect(throws: DocumentError.noAgreement(cycle: school.bareCycle)) {
            try source.data(for: .agreement(cycle: school.bareCycle))
        }
        #expect(
            DocumentError.noAgreement(cycle: 12).description
                == "Cycle 12 has no coaching agreement yet; the coach saves one at the kiosk first.")
        #expect(throws: DocumentError.noSuchCycle(99)) { try source.data(for: .agreement(cycle: 99)) }
        #expect(throws: DocumentError.noSuchCycle(99)) { try source.data(for: .impact(cycle: 99)) }
    }

    @Test("a session record: GROWTH, agreed actions, and whether it is shared")
    func session() throws {
        let data = try source.data(for: .session(id: school.sharedSession))
        #expect(data.values["session.id"] == "\(school.sharedSession)")
        #expect(data.values["session.kind"] == "Pre-lesson discussion")
        #expect(data.values["session.held_on"] == "21 September 2026")
        #expect(data.values["session.author"] == "Priya Raghunathan")
        #expect(data.values["session.goal"] == "Everyone reaches the last problem.")
        #expect(data.values["session.habits"] == "Ask what the five do at minute twenty.")
        #expect(data.values["session.shared"] == "Shared with the observer")
        #expect(data.values["coach.name"] == "Siân Joseph")
        #expect(
            data.lists["actions"] == [
                ["action": "Make the sheet", "who": "Priya", "by_when": "28 September 2026"],
                ["action": "Arrange cover", "who": "Siân", "by_when": ""],
            ])
        expectFitsVocabulary(data, .session)

        let kept = try source.data(for: .session(id: school.privateSession))
        #expect(kept.values["session.shared"] == "Kept between coachee and coach")
        #expect(kept.values["session.reality"] == "")
        #expect(kept.lists["actions"] == [])
        #expect(throws: DocumentError.noSuchSession(99)) { try source.data(for: .session(id: 99)) }
    }

    @Test("observation notes")
    func observation() throws {
        let data = try source.data(for: .observation(id: school.observation))
        #expect(data.title == "Observation notes")
        #expect(data.values["observation.id"] == "\(school.observation)")
        #expect(data.values["observation.held_on"] == "12 October 2026")
        #expect(data.values["observation.author"] == "Tomasz Wróbel")
        #expect(data.values["observation.class"] == "7M4")
        #expect(data.values["observation.subject"] == "Maths")
        #expect(data.values["observation.look_fors"] == "When the five start writing.")
        #expect(data.values["observation.seen_and_heard"] == "09:05 All writing by 09:08.")
        #expect(data.values["observation.questions"] == "What did the hint cards change?")
        expectFitsVocabulary(data, .observation)
        #expect(throws: DocumentError.noSuchObservation(99)) { try source.data(for: .observation(id: 99)) }
    }

    @Test("the impact sheet: the statement and the cycle's goals")
    func impact() throws {
        let data = try source.data(for: .impact(cycle: school.cycle))
        #expect(data.values["impact.goal"] == "Pupils with ALN reach the same final problem.")
        #expect(data.values["impact.change_in_teaching"] == "One sheet for everyone.")
        #expect(data.values["impact.pupil_outcomes_after"] == "Five of five finished.")
        #expect(data.values["impact.went_well"] == "Tomasz's notes helped.")
        #expect(data.values["impact.author"] == "Priya Raghunathan")
        #expect(data.values["impact.submitted_on"] == "2 December 2026")
        #expect(
            data.lists["goals"] == [
                [
                    "text": "Pupils with ALN reach the same final problem.", "priority": "P1", "status": "In progress",
                    "set_on": "10 September 2026",
                ],
                [
                    "text": "Pre-teach key vocabulary with the TA", "priority": "P2", "status": "Achieved",
                    "set_on": "21 September 2026",
                ],
            ])
        expectFitsVocabulary(data, .impact)
        #expect(throws: DocumentError.noImpactStatement(cycle: school.bareCycle)) {
            try source.data(for: .impact(cycle: school.bareCycle))
        }
    }

    @Test("a CPD log: newest first, hours to one decimal place, hours by kind")
    func cpd() throws {
        let data = try source.data(for: .cpd(staff: "PRA"))
        #expect(data.title == "CPD log")
        #expect(data.values["person.name"] == "Priya Raghunathan")
        #expect(data.values["person.code"] == "PRA")
        #expect(data.values["person.subject"] == "Maths")
        #expect(data.values["cpd.total_hours"] == "4.75")
        #expect(data.values["cpd.count"] == "3")
        #expect(
            data.lists["activities"]?.map { $0["date"] } == ["3 February 2027", "20 January 2027", "1 October 2026"])
        #expect(
            data.lists["activities"]?.first == [
                "date": "3 February 2027", "title": "Maths hub course", "kind": "Course", "hours": "2.25",
                "priority": "P1", "reflection": "Bar models.",
            ])
        #expect(
            data.lists["hours_by_kind"] == [
                ["kind": "Course", "hours": "2.25"], ["kind": "In-school training", "hours": "1.5"],
                ["kind": "Reading", "hours": "1.0"],
            ])
        expectFitsVocabulary(data, .cpd)

        let empty = try source.data(for: .cpd(staff: "BKE"))
        #expect(empty.values["cpd.total_hours"] == "0.0")
        #expect(empty.values["cpd.count"] == "0")
        #expect(throws: DocumentError.noSuchStaff("NOB")) { try source.data(for: .cpd(staff: "NOB")) }
    }

    @Test("every vocabulary offers the common names, and the kinds are keyed by their names")
    func vocabularies() {
        for kind in DocumentKind.allCases {
            #expect(kind.vocabulary.values.isSuperset(of: ["school.name", "printed.on", "document.title"]))
            #expect(DocumentKind.vocabularies[kind.rawValue] == kind.vocabulary)
        }
        #expect(DocumentKind.vocabularies.count == DocumentKind.allCases.count)
    }
}
