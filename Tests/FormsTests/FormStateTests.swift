import Coaching
import Testing
import TextUI

@testable import Forms

@Suite("A form being filled in moves between fields and keeps everything typed")
struct FormStateTests {
    func session(draft: [String: String] = [:]) throws -> FormState {
        FormState(
            form: try shippedForm("session"), draft: draft, today: schoolDay,
            lists: schoolLists)
    }

    @Test("a new form starts from its defaults, with today as a date")
    func defaults() throws {
        let state = try session()
        #expect(state.index == 0)
        #expect(state.current?.key == "held_on")
        #expect(state["held_on"] == "24/11/2026")
        #expect(state["kind"] == "coaching")
        #expect(state["shared_with_observer"] == "no")
        #expect(state["goal"] == "")
        #expect(state.problems.isEmpty)
    }

    @Test("a draft fills the form over the defaults, dates shown as DD/MM/YYYY")
    func fromDraft() throws {
        let state = try session(draft: [
            "held_on": "2026-11-20", "goal": "Questions",
            "kind": "check-in", "retired_field": "kept",
        ])
        #expect(state["held_on"] == "20/11/2026")
        #expect(state["goal"] == "Questions")
        #expect(state["kind"] == "check-in")
        #expect(state.values["retired_field"] == "kept")
    }

    @Test("the revision moves with every change to values, problems or field, and not on reading")
    func revision() throws {
        var state = try session()
        var seen = state.revision
        func changed() -> Bool {
            defer { seen = state.revision }
            return state.revision != seen
        }
        _ = state["goal"]
        _ = state.check(state.fields[0], today: schoolDay)
        #expect(!changed())
        state["held_on"] = "31/02/2026"
        #expect(changed())
        _ = state.leaveField()
        #expect(changed())
        #expect(state.problems["held_on"] != nil)
        _ = state.next()
        #expect(changed())
        _ = state.currentValue
        _ = state.choices(for: state.fields[1])
        #expect(!changed())
    }

    @Test("next, previous and move stay within the form")
    func navigation() throws {
        var state = try session()
        state.previous()
        #expect(state.index == 0)
        state.next()
        state.next()
        #expect(state.current?.key == "goal")
        state.previous()
        #expect(state.current?.key == "kind")
        state.move(to: 99)
        #expect(state.current?.key == "shared_with_observer")
        #expect(state.isOnLastField)
        state.next()
        #expect(state.index == state.fields.count - 1)
        state.move(to: "reality")
        #expect(state.index == 3)
        state.move(to: "no_such_field")
        #expect(state.index == 3)
        state.move(to: -3)
        #expect(state.isOnFirstField)
    }

    @Test("Tab, Shift-Tab and Enter move; Enter in a notes field does not")
    func keys() throws {
        var state = try session()
        #expect(state.navigate(.tab).moved)
        #expect(state.current?.key == "kind")
        #expect(state.navigate(.enter).moved)
        #expect(state.current?.key == "goal")
        #expect(!state.navigate(.enter).moved)
        #expect(!state.navigate(.character("x")).moved)
        #expect(state.navigate(.backTab).moved)
        #expect(state.current?.key == "kind")
    }

    @Test("leaving a field returns its value for the draft, even when it is not valid")
    func leaveInvalid() throws {
        var state = try session()
        state.currentValue = "32/13/2026"
        let left = state.next()
        #expect(left?.key == "held_on")
        #expect(left?.value == "32/13/2026")
        #expect(state["held_on"] == "32/13/2026")
        #expect(state.problems["held_on"]?.message.contains("Type a date as DD/MM/YYYY") == true)
        #expect(state.current?.key == "kind")

        state.move(to: "held_on")
        state.currentValue = "today"
        let mended = state.leaveField()
        #expect(mended?.value == "24/11/2026")
        #expect(state.problems["held_on"] == nil)
    }

    @Test("leaving a field that has not changed gives nothing new to save")
    func leaveUnchanged() throws {
        var state = try session()
        #expect(state.leaveField() == nil)
        state.move(to: "goal")
        state.currentValue = "Questions"
        #expect(state.leaveField()?.value == "Questions")
        #expect(state.leaveField() == nil)
        state.currentValue = "Better questions"
        #expect(state.next()?.value == "Better questions")
    }

    @Test("a yes-no and a choice are shown in their usual form once left")
    func normalisedOnLeaving() throws {
        var state = try session()
        state.move(to: "kind")
        state.currentValue = "2"
        #expect(state.next()?.value == "post-lesson")
        state.move(to: "shared_with_observer")
        state.currentValue = "Y"
        #expect(state.leaveField()?.value == "yes")
    }

    @Test("a form is ready to submit only when every field is right")
    func readyToSubmit() throws {
        var state = try session()
        state["held_on"] = ""
        state["actions"] = "Plan ; coachee ; by 31/02/2027"
        guard case let .failure(problems) = state.readyToSubmit(today: schoolDay) else {
            Issue.record("the form should not be ready")
            return
        }
        #expect(problems.map(\.key) == ["held_on", "actions"])
        #expect(problems.first?.message == FieldDefinition.fillInMessage)
        #expect(problems[1].line == 1)
        state.move(to: problems[0].key)
        #expect(state.current?.key == "held_on")

        state["held_on"] = "today"
        state["actions"] = "Plan ; coachee ; by 28/02/2027"
        let values = try state.readyToSubmit(today: schoolDay).get()
        #expect(values["held_on"] == "2026-11-24")
        #expect(values["kind"] == "coaching")
        #expect(values["shared_with_observer"] == "no")
        #expect(values["actions"] == "Plan ; coachee ; by 28/02/2027")
        #expect(values["goal"] == "")
        let record = try RecordBuilder.session(values, author: "SJO")
        #expect(record.actions.first?.byWhen == SchoolDay(year: 2027, month: 2, day: 28))
    }

    @Test("choice fields list their own items or the school's")
    func choiceLists() throws {
        let state = FormState(
            form: try shippedForm("start-cycle"), today: schoolDay,
            lists: schoolLists)
        let coach = try #require(state.form.field("coach"))
        #expect(state.choices(for: coach).map(\.value) == ["SJO"])
        let observer = try #require(state.form.field("observer"))
        #expect(state.choices(for: observer).count == 3)
        let empty = FormState(form: try shippedForm("start-cycle"), today: schoolDay)
        #expect(empty.choices(for: coach).isEmpty)
    }
}
