import Coaching
import Testing

@testable import Forms

@Suite("A form asked a line at a time at a dumb terminal")
struct LineModeFormTests {
    @Test("a whole session form is walked: notes ended by '.', '<' to go back, a choice by number")
    func wholeSession() throws {
        var form = LineModeForm(form: try shippedForm("session"), today: schoolDay)

        let first = form.prompt()
        #expect(first.hasPrefix("Date of the session (1 of 10, required)"))
        #expect(first.contains("Now: 24/11/2026"))
        #expect(first.contains("Enter keeps what is there"))
        #expect(form.answer("") == .next)

        let kind = form.prompt()
        #expect(kind.contains("  1. Pre-lesson discussion\n  2. Post-lesson analysis"))
        #expect(kind.contains("Type a number or a name."))
        #expect(form.answer("2") == .next)
        #expect(form.state["kind"] == "post-lesson")

        #expect(form.prompt().contains("What would you like to achieve"))
        #expect(form.prompt().contains("end with a line holding only ."))
        #expect(form.answer("To ask more open questions") == .moreNotes)
        #expect(form.isTakingNotes)
        #expect(form.answer("  in Year 9 science") == .moreNotes)
        #expect(form.answer(".") == .finishedNotes)
        #expect(form.state["goal"] == "To ask more open questions\n  in Year 9 science")

        #expect(form.state.current?.key == "reality")
        #expect(form.answer("<") == .next)
        #expect(form.state.current?.key == "goal")
        #expect(form.prompt().contains("Now:\n  To ask more open questions"))
        #expect(form.answer("") == .next)
        #expect(form.state["goal"] == "To ask more open questions\n  in Year 9 science")

        #expect(form.answer("Pupils wait for one voice to answer.") == .moreNotes)
        #expect(form.answer(".") == .finishedNotes)
        for _ in ["options", "will", "tactics", "habits"] {
            #expect(form.answer("") == .next)
        }

        #expect(form.state.current?.key == "actions")
        #expect(form.answer("Try wait time ; coachee ; by 32/13/2026") == .moreNotes)
        guard case let .again(problem) = form.answer(".") else {
            Issue.record("a bad date in an action should be asked again")
            return
        }
        #expect(problem.line == 1)
        #expect(form.state["actions"] == "Try wait time ; coachee ; by 32/13/2026")
        #expect(form.prompt().contains("Problem: Line 1:"))
        #expect(form.answer("Try wait time ; coachee ; by 05/12/2026") == .moreNotes)
        #expect(form.answer("Film a starter ; coach") == .moreNotes)
        #expect(form.answer(" . ") == .finishedNotes)

        #expect(form.prompt().contains("Type y or n."))
        guard case .again = form.answer("maybe") else {
            Issue.record("maybe is not yes or no")
            return
        }
        guard case let .done(values) = form.answer("Y") else {
            Issue.record("the form should be done")
            return
        }
        #expect(values["held_on"] == "2026-11-24")
        #expect(values["shared_with_observer"] == "yes")
        #expect(values["options"] == "")
        let record = try RecordBuilder.session(values, author: "OBR")
        #expect(record.kind == .postLesson)
        #expect(record.reality == "Pupils wait for one voice to answer.")
        #expect(record.actions.count == 2)
        #expect(record.sharedWithObserver)
    }

    @Test("a required field skipped is asked again after the last, until it is filled")
    func review() throws {
        var form = LineModeForm(form: try shippedForm("observation"), today: schoolDay)
        #expect(form.answer("") == .next)  // the date keeps today
        #expect(form.answer("") == .next)  // the class skipped
        #expect(form.answer("Maths") == .next)
        #expect(form.answer("") == .next)
        #expect(form.answer("") == .next)
        guard case let .again(problem) = form.answer("") else {
            Issue.record("the skipped class should be asked for")
            return
        }
        #expect(problem.key == "lesson_class")
        #expect(problem.message == FieldDefinition.fillInMessage)
        #expect(form.state.current?.key == "lesson_class")
        #expect(form.reviewing)
        guard case .again = form.answer("") else {
            Issue.record("an empty required class cannot be saved")
            return
        }
        guard case let .done(values) = form.answer("8Y2") else {
            Issue.record("the form should be done once the class is given")
            return
        }
        #expect(values["lesson_class"] == "8Y2")
        #expect(values["subject"] == "Maths")
    }

    @Test("a choice is answered by its number or its value, and a wrong one is asked again")
    func choices() throws {
        var form = LineModeForm(
            form: try shippedForm("start-cycle"), today: schoolDay,
            lists: schoolLists)
        #expect(form.prompt().contains("  1. Siân Jones\n  2. Zoë O'Brien\n  3. Ŵyn Griffiths"))
        #expect(form.answer("2") == .next)
        #expect(form.answer("sjo") == .next)
        guard case let .again(problem) = form.answer("9") else {
            Issue.record("there is no ninth member of staff")
            return
        }
        #expect(problem.message.contains("1 Siân Jones, 2 Zoë O'Brien, 3 Ŵyn Griffiths"))
        #expect(form.state["observer"] == "9")
        #expect(form.answer("GWY") == .next)
        #expect(form.answer("") == .next)
        guard case let .done(values) = form.answer("Questioning in KS2 maths") else {
            Issue.record("the cycle form should be done")
            return
        }
        #expect(values["coachee"] == "OBR")
        #expect(values["coach"] == "SJO")
        #expect(values["observer"] == "GWY")
        #expect(try RecordBuilder.cycle(values).focus == "Questioning in KS2 maths")
    }

    @Test("a '.' alone empties a notes field, and '<' in the middle of notes keeps the lines")
    func notesEdges() throws {
        var form = LineModeForm(
            form: try shippedForm("impact"),
            draft: ["goal": "Old goal", "practice": "Old practice"], today: schoolDay)
        #expect(form.answer("New goal") == .moreNotes)
        #expect(form.answer(".") == .finishedNotes)
        #expect(form.state.current?.key == "practice")
        #expect(form.answer(".") == .finishedNotes)
        #expect(form.state["practice"] == "")
        #expect(form.answer("Half a thought") == .moreNotes)
        #expect(form.answer("<") == .next)
        #expect(form.state["change_in_teaching"] == "Half a thought")
        #expect(form.state.current?.key == "practice")
    }

    @Test("the first field's prompt offers no going back, and '<' there stays put")
    func firstField() throws {
        var form = LineModeForm(form: try shippedForm("priority"), today: schoolDay)
        #expect(!form.prompt().contains("<"))
        #expect(form.answer("<") == .next)
        #expect(form.state.index == 0)
        #expect(form.answer("P1") == .next)
        #expect(form.prompt().contains("< goes back."))
        #expect(form.answer("Questioning") == .next)
        guard case let .done(values) = form.answer("") else {
            Issue.record("the priority form should be done")
            return
        }
        #expect(try RecordBuilder.priority(values) == Priority(code: "P1", title: "Questioning"))
    }
}
