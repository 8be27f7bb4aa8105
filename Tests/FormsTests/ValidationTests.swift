import Coaching
import Testing

@testable import Forms

private func field(
    _ kind: FieldKind, required: Bool = false, maxLength: Int? = nil, choices: ChoiceSource? = nil,
    minimum: Double? = nil, maximum: Double? = nil, step: Double? = nil, mustBeYes: Bool = false,
    actions: Bool = false
) -> FieldDefinition {
    FieldDefinition(
        key: "k", label: "Label", kind: kind, required: required, maxLength: maxLength,
        choices: choices, minimum: minimum, maximum: maximum, step: step, mustBeYes: mustBeYes,
        holdsAgreedActions: actions)
}

private func value(
    _ field: FieldDefinition, _ raw: String, choices: [(value: String, label: String)] = []
) -> String? {
    try? field.validate(raw, today: schoolDay, choices: choices).get()
}

private func message(
    _ field: FieldDefinition, _ raw: String, choices: [(value: String, label: String)] = []
) -> String? {
    if case let .failure(problem) = field.validate(raw, today: schoolDay, choices: choices) {
        return problem.message
    }
    return nil
}

@Suite("Values typed into a field are checked and normalised")
struct ValidationTests {
    @Test("a required field left empty asks to be filled in, or left for later")
    func requiredEmpty() {
        let required = field(.text, required: true)
        for blank in ["", "   ", "\n\n"] {
            #expect(
                message(required, blank)
                    == "Fill this in before saving, or press Esc to come back to it later.")
        }
        #expect(value(field(.text), "") == "")
        #expect(value(field(.date), "  ") == "")
    }

    @Test("dates are typed as DD/MM/YYYY, DD/MM/YY, ISO or today, and kept as ISO")
    func dates() {
        let date = field(.date)
        #expect(value(date, "24/11/2026") == "2026-11-24")
        #expect(value(date, "1/9/26") == "2026-09-01")
        #expect(value(date, "2026-11-24") == "2026-11-24")
        #expect(value(date, "Today") == "2026-11-24")
        #expect(value(date, "29/02/2028") == "2028-02-29")
        for bad in ["29/02/2027", "31/04/2026", "24-11-2026", "tomorrow", "24/11", "00/01/2026"] {
            let text = message(date, bad)
            #expect(text?.hasSuffix("Type a date as DD/MM/YYYY, or today.") == true, "\(bad)")
            #expect(text?.contains("\"\(bad)\"") == true)
        }
    }

    @Test("numbers keep to their range and step")
    func numbers() {
        let hours = field(.number, minimum: 0, maximum: 40, step: 0.25)
        #expect(value(hours, "0") == "0")
        #expect(value(hours, "40") == "40")
        #expect(value(hours, "1.5") == "1.5")
        #expect(value(hours, "1.50") == "1.5")
        #expect(value(hours, ".25") == "0.25")
        #expect(value(hours, "2.0") == "2")
        #expect(message(hours, "40.25") == "Type a number from 0 to 40.")
        #expect(message(hours, "-1") == "Type a number from 0 to 40.")
        #expect(message(hours, "1.3") == "Type a number in steps of 0.25: 1.25 or 1.5 would do.")
        #expect(
            message(hours, "one")
                == "\"one\" is not a number. Type a number from 0 to 40, such as 1.5.")
        for bad in ["1e3", "nan", "inf", "1,5", "1.2.3", "-", "."] {
            #expect(message(hours, bad) != nil, "\(bad)")
        }
        let weeks = field(.number, minimum: 1, maximum: 52)
        #expect(value(weeks, "6") == "6")
        #expect(message(weeks, "6.5") == "Type a whole number, such as 7.")
        #expect(message(field(.number, minimum: 1), "0") == "Type a number of at least 1.")
        #expect(message(field(.number), "x")?.contains("Type a number, such as 6.") == true)
    }

    @Test("yes-no takes y, yes, n and no in any case")
    func yesNo() {
        let answer = field(.yesNo)
        for yes in ["y", "Y", "yes", "YES", " Yes "] { #expect(value(answer, yes) == "yes") }
        for no in ["n", "N", "no", "No"] { #expect(value(answer, no) == "no") }
        #expect(message(answer, "maybe") == "Type y for yes or n for no.")
        #expect(message(answer, "true") == "Type y for yes or n for no.")
    }

    @Test("a confirmation must be answered yes, and says what to type")
    func mustBeYes() {
        let confirm = field(.yesNo, required: true, mustBeYes: true)
        #expect(value(confirm, "y") == "yes")
        #expect(message(confirm, "n")?.contains("then type y once you agree") == true)
        #expect(message(confirm, "") == FieldDefinition.fillInMessage)
    }

    @Test("text and notes keep to their length, counting letters as people see them")
    func lengths() {
        let text = field(.text)
        #expect(text.lengthLimit == 200)
        #expect(field(.notes).lengthLimit == 2000)
        #expect(value(text, String(repeating: "a", count: 200))?.count == 200)
        #expect(
            message(text, String(repeating: "a", count: 201))
                == "This is 201 characters long and the limit is 200: shorten it by 1 character.")
        #expect(value(text, String(repeating: "ŵ", count: 200)) != nil)
        #expect(
            message(field(.notes), String(repeating: "b", count: 2145))
                == "This is 2,145 characters long and the limit is 2,000: "
                + "shorten it by 145 characters.")
        #expect(value(field(.text, maxLength: 5), "Siân ") == "Siân")
        #expect(message(field(.text, maxLength: 5), "Siân J") != nil)
        #expect(value(field(.notes), "  first\r\nsecond  \n") == "first\nsecond")
    }

    @Test("a choice is one of the values, typed as value, label or number")
    func choices() {
        let kind = field(.choice, choices: .named(.sessionKinds))
        let items = NamedChoices.sessionKinds.fixedChoices?.map(\.pair) ?? []
        #expect(value(kind, "post-lesson", choices: items) == "post-lesson")
        #expect(value(kind, "Check-in", choices: items) == "check-in")
        #expect(value(kind, "coaching session", choices: items) == "coaching")
        #expect(value(kind, "1", choices: items) == "pre-lesson")
        #expect(value(kind, "4", choices: items) == "check-in")
        let wrong = message(kind, "5", choices: items)
        #expect(
            wrong?.hasPrefix("\"5\" is not one of the choices. Type the number or the name") == true
        )
        #expect(wrong?.contains("1 Pre-lesson discussion, 2 Post-lesson analysis") == true)
        #expect(
            message(kind, "chat", choices: []) == "There is nothing to choose from here yet: "
                + "leave it empty, or ask the head or an administrator to add some.")
        let staff = field(.choice, choices: .named(.staff))
        #expect(value(staff, "sjo", choices: schoolLists[.staff]?.map(\.pair) ?? []) == "SJO")
        #expect(
            value(staff, "zoë o'brien", choices: schoolLists[.staff]?.map(\.pair) ?? []) == "OBR")
    }

    @Test("agreed actions are read a line at a time as what ; who ; by DD/MM/YYYY")
    func actionLines() {
        let actions = field(.notes, actions: true)
        let typed = """
            Try mini whiteboards with 8Y2;coachee;by 5/12/26

            Film a starter ; coach
            Share the plan ; coachee ; today
            """
        #expect(
            value(actions, typed) == """
                Try mini whiteboards with 8Y2 ; coachee ; by 05/12/2026
                Film a starter ; coach
                Share the plan ; coachee ; by 24/11/2026
                """)
        let badDate = message(
            actions, "Plan ; coachee ; by 05/12/2026\nFilm ; coach ; by 32/13/2026")
        #expect(badDate?.hasPrefix("Line 2: \"32/13/2026\" is not a date we can read") == true)
        #expect(
            badDate?.hasSuffix(
                "Write each action as what ; who ; by DD/MM/YYYY "
                    + "(the \"by\" part may be left out).") == true)
        #expect(message(actions, "Plan a lesson")?.hasPrefix("Line 1: say who will do") == true)
        #expect(message(actions, " ; coach")?.hasPrefix("Line 1: say what will be done") == true)
        #expect(
            message(actions, "a ; b ; c ; d")?.hasPrefix("Line 1: there are 3 semicolons") == true)
        if case let .failure(problem) = actions.validate(
            "ok ; me\nbad ; me ; 1/13/26",
            today: schoolDay, choices: [])
        {
            #expect(problem.line == 2)
            #expect(problem.key == "k")
        } else {
            Issue.record("a bad date in an action line should be a problem")
        }
    }

    @Test("a date is shown back as DD/MM/YYYY")
    func displayValue() {
        #expect(field(.date).displayValue(ofNormalised: "2026-11-24") == "24/11/2026")
        #expect(field(.text).displayValue(ofNormalised: "2026-11-24") == "2026-11-24")
    }
}
