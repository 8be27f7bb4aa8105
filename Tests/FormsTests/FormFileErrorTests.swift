import Foundation
import KioskConfiguration
import Testing

@testable import Forms

/// A small valid form; each test spoils one line of it.
private let priorityForm = """
    form: note
    title: A note
    record: priority
    for: [head]
    fields:
      - key: code
        label: Code
        kind: text
        required: true
      - key: title
        label: Title
        kind: text
        required: true
    """

private let sessionForm = """
    form: session
    title: Session
    record: session
    for: [coachee, coach]
    fields:
      - key: held_on
        label: Date
        kind: date
        required: true
        default: today
      - key: kind
        label: Kind
        kind: choice
        required: true
        choices: session-kinds
    """

/// The only problem a folder holding `text` as `name` is refused for.
private func onlyProblem(_ text: String, name: String = "note.yaml") throws -> YAMLFileError {
    try withFormsFolder([name: text]) { folder in
        let error = try #require(refusal(folder))
        try #require(error.problems.count == 1, "\(error)")
        let problem = error.problems[0]
        #expect(problem.file == folder + "/" + name)
        return problem
    }
}

private func replacing(_ text: String, _ old: String, _ new: String) -> String {
    text.replacingOccurrences(of: old, with: new)
}

@Suite("A form file with a mistake is refused with its file, line and reason")
struct FormFileErrorTests {
    @Test("the small forms used here are themselves valid")
    func fixturesAreValid() throws {
        try withFormsFolder(["note.yaml": priorityForm, "session.yaml": sessionForm]) { folder in
            let catalog = try FormCatalog.load(directory: folder)
            #expect(catalog.forms.map(\.key) == ["note", "session"])
        }
    }

    @Test("an unknown top-level key names the key and the keys a form takes")
    func unknownTopKey() throws {
        let problem = try onlyProblem(replacing(priorityForm, "fields:", "colour: blue\nfields:"))
        #expect(problem.line == 5)
        #expect(problem.key == "colour")
        #expect(problem.reason.hasPrefix("unknown key; a form file takes form, title"))
    }

    @Test("an unknown field key suggests the one meant")
    func unknownFieldKey() throws {
        let problem = try onlyProblem(
            replacing(priorityForm, "    label: Title", "    lable: Title"))
        #expect(problem.line == 11)
        #expect(problem.key == "fields[2].lable")
        #expect(problem.reason.contains("unknown key (did you mean \"label\"?)"))
    }

    @Test("an unknown kind is reported in the documented form")
    func unknownKind() throws {
        let problem = try onlyProblem(
            replacing(
                priorityForm, "kind: text\n    required: true\n  - key: title",
                "kind: note\n    required: true\n  - key: title"))
        #expect(problem.line == 8)
        #expect(
            problem.description.hasSuffix(
                "note.yaml:8: fields[1].kind: unknown kind \"note\" (did you mean \"notes\"?); "
                    + "kinds are text, notes, choice, date, number, yes-no"))
    }

    @Test("a choice field without choices says how to give them")
    func choiceWithoutChoices() throws {
        let problem = try onlyProblem(
            replacing(sessionForm, "\n    choices: session-kinds", ""), name: "session.yaml")
        #expect(problem.line == 11)
        #expect(problem.key == "fields[2].choices")
        #expect(problem.reason.hasPrefix("a choice field needs `choices:`"))
    }

    @Test("an unknown named list of choices is named")
    func unknownChoices() throws {
        let problem = try onlyProblem(
            replacing(sessionForm, "choices: session-kinds", "choices: session-kind"),
            name: "session.yaml")
        #expect(problem.line == 15)
        #expect(
            problem.reason.contains(
                "unknown list \"session-kind\" (did you mean \"session-kinds\"?)"))
    }

    @Test("a field key used twice names the first")
    func duplicateFieldKey() throws {
        let problem = try onlyProblem(
            priorityForm + "\n  - key: code\n    label: Again\n    kind: text")
        #expect(problem.line == 14)
        #expect(problem.key == "fields[3].key")
        #expect(problem.reason.contains("already the key of fields[1] (line 6)"))
    }

    @Test("a form key used by two files names both files")
    func duplicateFormKey() throws {
        try withFormsFolder(["a.yaml": priorityForm, "b.yaml": priorityForm]) { folder in
            let error = try #require(refusal(folder))
            try #require(error.problems.count == 1)
            let problem = error.problems[0]
            #expect(problem.file == folder + "/b.yaml")
            #expect(problem.line == 1)
            #expect(problem.key == "form")
            #expect(problem.reason.contains("already the key of the form in \(folder)/a.yaml"))
        }
    }

    @Test("an unknown record lists the records")
    func unknownRecord() throws {
        let problem = try onlyProblem(replacing(priorityForm, "record: priority", "record: lesson"))
        #expect(problem.line == 3)
        #expect(problem.key == "record")
        #expect(problem.reason.hasPrefix("unknown record \"lesson\""))
        #expect(
            problem.reason.hasSuffix(
                "; records are session, observation, agreement, impact, "
                    + "cpd, cycle, priority"))
    }

    @Test("a field the record does not store lists what it stores")
    func keyNotStored() throws {
        let problem = try onlyProblem(
            priorityForm + "\n  - key: mood\n    label: Mood\n    kind: text")
        #expect(problem.line == 14)
        #expect(problem.key == "fields[3].key")
        #expect(problem.reason.contains("a priority form cannot store \"mood\""))
        #expect(problem.reason.hasSuffix("stores code, title and detail"))
    }

    @Test("a field of the wrong kind for its record says which kind")
    func wrongKindForRecord() throws {
        let problem = try onlyProblem(
            replacing(sessionForm, "kind: date", "kind: text"), name: "session.yaml")
        #expect(problem.line == 6)
        #expect(problem.key == "fields[1].kind")
        #expect(problem.reason.contains("make it kind: date"))
    }

    @Test("a session form without held_on is refused at its fields")
    func essentialKeyMissing() throws {
        let text = """
            form: session
            title: Session
            record: session
            for: [coachee, coach]
            fields:
              - key: kind
                label: Kind
                kind: choice
                required: true
                choices: session-kinds
            """
        let problem = try onlyProblem(text, name: "session.yaml")
        #expect(problem.line == 5)
        #expect(problem.key == "fields")
        #expect(problem.reason.contains("must ask for held_on (the date of the session)"))
    }

    @Test("a needed field that is not required says to make it required")
    func essentialKeyNotRequired() throws {
        let problem = try onlyProblem(
            replacing(
                priorityForm, "Code\n    kind: text\n    required: true",
                "Code\n    kind: text"))
        #expect(problem.line == 6)
        #expect(problem.key == "fields[1].required")
        #expect(problem.reason.hasSuffix("write required: true"))
    }

    @Test("a max_length that is not above 0 is refused")
    func maxLengthNotPositive() throws {
        for bad in ["0", "-5", "lots"] {
            let problem = try onlyProblem(
                replacing(
                    priorityForm, "kind: text\n    required: true\n  - key: title",
                    "kind: text\n    max_length: \(bad)\n    required: true\n  - key: title"))
            #expect(problem.line == 9)
            #expect(problem.key == "fields[1].max_length")
            #expect(problem.reason.contains("above 0"))
        }
    }

    @Test("a default that does not parse for its kind says why")
    func badDefaults() throws {
        let badDate = try onlyProblem(
            replacing(sessionForm, "default: today", "default: 31/02/2026"), name: "session.yaml")
        #expect(badDate.line == 10)
        #expect(badDate.key == "fields[1].default")
        #expect(badDate.reason.contains("Type a date as DD/MM/YYYY"))

        let badChoice = try onlyProblem(
            replacing(
                sessionForm, "choices: session-kinds", "choices: session-kinds\n    default: chat"),
            name: "session.yaml")
        #expect(badChoice.line == 16)
        #expect(badChoice.reason.contains("\"chat\" is not one of the choices"))

        let hours = """
            form: cpd
            title: CPD
            record: cpd
            for: anyone
            fields:
              - {key: held_on, label: Date, kind: date, required: true}
              - {key: title, label: Title, kind: text, required: true}
              - {key: kind, label: Kind, kind: choice, required: true, choices: cpd-kinds}
              - {key: hours, label: Hours, kind: number, required: true, max: 40, default: 41}
            """
        let badNumber = try onlyProblem(hours, name: "cpd.yaml")
        #expect(badNumber.line == 9)
        #expect(badNumber.key == "fields[4].default")
        #expect(badNumber.reason.contains("Type a number no bigger than 40"))
    }

    @Test("a private record offered to someone the access rules forbid is refused")
    func privacyOfTheTrio() throws {
        let observer = try onlyProblem(
            replacing(sessionForm, "for: [coachee, coach]", "for: [coachee, coach, observer]"),
            name: "session.yaml")
        #expect(observer.line == 4)
        #expect(observer.reason.contains("the observer may not write it"))
        #expect(observer.reason.hasSuffix("write for: [coachee, coach]"))

        let head = try onlyProblem(
            replacing(sessionForm, "for: [coachee, coach]", "for: [head]"), name: "session.yaml")
        #expect(head.reason.contains("the headteacher may not write it"))
    }

    @Test("a YAML syntax error names its line")
    func syntaxError() throws {
        let problem = try onlyProblem(
            replacing(priorityForm, "label: Code", "label: Code: the code"))
        #expect(problem.line == 7)
        #expect(problem.reason.hasPrefix("not valid YAML"))
    }

    @Test("options for another kind of field are refused")
    func optionsOfAnotherKind() throws {
        let problem = try onlyProblem(
            replacing(
                priorityForm, "kind: text\n    required: true\n  - key: title",
                "kind: text\n    min: 3\n    required: true\n  - key: title"))
        #expect(problem.line == 9)
        #expect(problem.key == "fields[1].min")
        #expect(problem.reason.hasPrefix("applies only to number fields"))
    }

    @Test("several bad files are reported together, every problem in one error")
    func severalFiles() throws {
        let files = [
            "a.yaml": replacing(priorityForm, "form: note", "form: a\ncolour: blue"),
            "b.yaml": replacing(
                replacing(priorityForm, "form: note", "form: b"),
                "kind: text\n    required: true\n  - key: title",
                "kind: note\n    required: true\n  - key: title"),
            "c.yaml": replacing(
                replacing(priorityForm, "form: note", "form: c"),
                "record: priority", "record: lesson"),
            "good.yaml": priorityForm,
        ]
        try withFormsFolder(files) { folder in
            let error = try #require(refusal(folder))
            #expect(error.problems.map(\.file) == ["a", "b", "c"].map { "\(folder)/\($0).yaml" })
            #expect(error.problems.map(\.line) == [2, 8, 3])
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("\(folder)/b.yaml:8: fields[1].kind: unknown kind \"note\""))
        }
    }

    @Test("one file with several mistakes reports each of them")
    func severalMistakesInOneFile() throws {
        let text = replacing(
            replacing(priorityForm, "    label: Title", "    lable: Title"),
            "kind: text\n    required: true\n  - key: title",
            "kind: note\n    required: true\n  - key: title")
        try withFormsFolder(["note.yaml": text]) { folder in
            let error = try #require(refusal(folder))
            #expect(error.problems.map(\.key) == ["fields[1].kind", "fields[2].lable"])
        }
    }

    @Test("a missing folder says which folder and what to do")
    func missingFolder() {
        let folder = "/nonexistent/coaching-forms"
        let error = refusal(folder)
        #expect(error?.problems.count == 1)
        #expect(error?.problems.first?.file == folder)
        #expect(error?.description.contains("no such folder") == true)
        #expect(error?.description.contains("`forms:` in the configuration file") == true)
    }

    @Test("an empty folder says it holds no form files and what to do")
    func emptyFolder() throws {
        try withFormsFolder(["README.md": "# notes\n"]) { folder in
            let error = try #require(refusal(folder))
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.file == folder)
            #expect(error.description.contains("holds no form files"))
            #expect(error.description.contains("copy the shipped forms"))
        }
    }
}
