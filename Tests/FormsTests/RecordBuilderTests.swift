import Coaching
import Testing

@testable import Forms

@Suite("Form values become records and records become values again")
struct RecordBuilderTests {
    let author: StaffCode = "SJO"

    @Test("a session record round trips, agreed actions and sharing included")
    func session() throws {
        let values = [
            "held_on": "2026-11-24", "kind": "post-lesson", "goal": "Ask more open questions",
            "reality": "Most questions are closed", "options": "Wait time\nThink-pair-share",
            "will": "Try wait time in 9X", "tactics": "A sticky note on the desk",
            "habits": "Every lesson starter", "shared_with_observer": "yes",
            "actions": "Try wait time ; coachee ; by 05/12/2026\nFilm a starter ; coach",
        ]
        let record = try RecordBuilder.session(values, author: author)
        #expect(record.heldOn == SchoolDay(year: 2026, month: 11, day: 24))
        #expect(record.kind == .postLesson)
        #expect(record.author == author)
        #expect(record.sharedWithObserver)
        #expect(
            record.actions == [
                AgreedAction(
                    action: "Try wait time", who: "coachee",
                    byWhen: SchoolDay(year: 2026, month: 12, day: 5)),
                AgreedAction(action: "Film a starter", who: "coach"),
            ])
        #expect(RecordBuilder.values(from: record) == values)
        #expect(
            try RecordBuilder.session(RecordBuilder.values(from: record), author: author) == record)
    }

    @Test("a session record needs its date and kind, and says which is missing")
    func sessionMissing() {
        #expect(throws: FormProblem.missing(key: "held_on", meaning: "the date of the session")) {
            try RecordBuilder.session(["kind": "coaching"], author: author)
        }
        #expect(throws: FormProblem.self) {
            try RecordBuilder.session(["held_on": "2026-11-24", "kind": "chat"], author: author)
        }
        #expect(throws: FormProblem.self) {
            try RecordBuilder.session(["held_on": "today", "kind": "coaching"], author: author)
        }
    }

    @Test("observation notes round trip")
    func observation() throws {
        let values = [
            "held_on": "2026-11-20", "lesson_class": "8Y2", "subject": "Maths",
            "look_fors": "Wait time", "seen_and_heard": "09:10 T asks: why?",
            "questions": "What did you notice?",
        ]
        let record = try RecordBuilder.observation(values, author: author)
        #expect(record.lessonClass == "8Y2")
        #expect(RecordBuilder.values(from: record) == values)
    }

    @Test("an agreement round trips, its priority by code, and needs confidentiality understood")
    func agreement() throws {
        let values = [
            "goals": "Better questioning", "priority": "P1", "coachee_commitments": "Try things",
            "coach_commitments": "Listen", "meeting_pattern": "Fortnightly, an hour",
            "duration_weeks": "8", "confidentiality_understood": "yes",
        ]
        let record = try RecordBuilder.agreement(values)
        #expect(record.priority == "P1")
        #expect(record.durationWeeks == 8)
        #expect(RecordBuilder.values(from: record) == values)

        let usual = try RecordBuilder.agreement(["goals": "G", "confidentiality_understood": "y"])
        #expect(usual.meetingPattern == CoachingAgreement.usualMeetingPattern)
        #expect(usual.durationWeeks == 6)
        #expect(usual.priority == nil)
        #expect(RecordBuilder.values(from: usual)["priority"] == "")

        for answer in ["no", ""] {
            #expect(throws: FormProblem.self) {
                try RecordBuilder.agreement(["goals": "G", "confidentiality_understood": answer])
            }
        }
        #expect(throws: FormProblem.self) {
            try RecordBuilder.agreement(
                ["goals": "G", "confidentiality_understood": "yes", "duration_weeks": "0"])
        }
    }

    @Test("an impact statement round trips with its author and day")
    func impact() throws {
        let values = [
            "goal": "G", "practice": "P", "change_in_teaching": "C", "pupil_outcomes_before": "B",
            "pupil_outcomes_after": "A", "went_well": "W", "could_have_gone_better": "Time",
            "next_steps": "N",
        ]
        let record = try RecordBuilder.impact(values, author: author, submittedOn: schoolDay)
        #expect(record.submittedOn == schoolDay)
        #expect(record.couldHaveGoneBetter == "Time")
        #expect(RecordBuilder.values(from: record) == values)
    }

    @Test("a CPD activity round trips with quarter hours")
    func cpd() throws {
        let values = [
            "held_on": "2026-10-01", "title": "Retrieval practice twilight",
            "kind": "in-school-training", "hours": "1.75", "priority": "", "reflection": "Quizzes",
        ]
        let record = try RecordBuilder.cpd(values, owner: author)
        #expect(record.hours == 1.75)
        #expect(record.kind == .inSchoolTraining)
        #expect(record.priority == nil)
        #expect(RecordBuilder.values(from: record) == values)
    }

    @Test("a priority round trips, and its code has no spaces")
    func priority() throws {
        let values = ["code": "READ", "title": "Reading for pleasure", "detail": "KS2"]
        #expect(RecordBuilder.values(from: try RecordBuilder.priority(values)) == values)
        #expect(throws: FormProblem.self) {
            try RecordBuilder.priority(["code": "P 1", "title": "T"])
        }
    }

    @Test("a new cycle's trio is three different people")
    func cycle() throws {
        let values = [
            "coachee": "OBR", "coach": "SJO", "observer": "GWY", "priority": "P1",
            "focus": "Questions",
        ]
        let start = try RecordBuilder.cycle(values)
        #expect(start.trio.coach == "SJO")
        #expect(RecordBuilder.values(from: start) == values)
        do {
            _ = try RecordBuilder.cycle(["coachee": "OBR", "coach": "SJO", "observer": "SJO"])
            Issue.record("a trio of two people should be refused")
        } catch {
            #expect(error.key == "observer")
            #expect(error.description.contains("choose three different staff codes"))
        }
    }

    @Test("the values a form submits build the record it was made for")
    func fromTheShippedForm() throws {
        var state = FormState(
            form: try shippedForm("agreement"), today: schoolDay,
            lists: schoolLists)
        state["goals"] = "Use more open questions"
        state["priority"] = "2"
        state["confidentiality_understood"] = "Y"
        let values = try state.readyToSubmit(today: schoolDay).get()
        let record = try RecordBuilder.agreement(values)
        #expect(record.priority == "READ")
        #expect(record.meetingPattern == CoachingAgreement.usualMeetingPattern)
        #expect(record.durationWeeks == 6)
        let shown = FormState(
            form: try shippedForm("agreement"),
            draft: RecordBuilder.values(from: record), today: schoolDay)
        #expect(shown["goals"] == "Use more open questions")
        #expect(shown["priority"] == "READ")
    }
}
