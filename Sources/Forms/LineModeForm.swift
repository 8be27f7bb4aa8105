import Coaching

/// What the line-by-line form wants after an answer.
public enum LineModeStep: Hashable, Sendable {
    /// Another field is current (the next, or the one before after `<`): show `prompt()`.
    case next
    /// The answer cannot be used: say the problem (or just show `prompt()`
    /// again, which repeats it). What was typed is kept as the field's value.
    case again(FieldProblem)
    /// A line was added to a notes field: read the next line, with no prompt.
    case moreNotes
    /// A notes field was ended with "." and kept; the next field is current: show `prompt()`.
    case finishedNotes
    /// Every field is filled and valid: these are the values to save (as
    /// `FormState.readyToSubmit` gives them).
    case done([String: String])
}

/// A form asked one field at a time, for a dumb terminal that cannot draw a
/// screen: a prompt, a line typed, the next prompt.
///
/// An empty answer keeps the field's value; `<` goes back a field; a notes
/// field takes lines until one holding only `.`; a choice may be answered
/// by its number or its value. After the last field, any field with a
/// problem is asked again, the first first, until all are right.
public struct LineModeForm: Sendable {
    public private(set) var state: FormState
    /// The lines of a notes field typed so far; nil when not in a notes field's lines.
    public private(set) var notesLines: [String]?
    /// Set once the last field has been passed: from then on each answer
    /// goes to the next field with a problem.
    public private(set) var reviewing = false

    public init(state: FormState) {
        self.state = state
    }

    public init(
        form: FormDefinition, draft: [String: String] = [:], today: SchoolDay,
        lists: [NamedChoices: [Choice]] = [:]
    ) {
        self.init(state: FormState(form: form, draft: draft, today: today, lists: lists))
    }

    /// Whether the form is taking the lines of a notes field.
    public var isTakingNotes: Bool { notesLines != nil }

    /// The current field: its label, help, value and how to answer, one
    /// line each (joined by "\n").
    public func prompt() -> String {
        guard let field = state.current else { return "This form has no fields." }
        var lines: [String] = []
        let place = "\(state.index + 1) of \(state.fields.count)"
        lines.append("\(field.label) (\(place)\(field.required ? ", required" : ""))")
        if !field.help.isEmpty { lines.append(field.help) }
        if field.kind == .choice {
            for (number, choice) in state.choices(for: field).enumerated() {
                lines.append("  \(number + 1). \(choice.label)")
            }
        }
        let value = state.currentValue
        let shown =
            field.kind == .choice
            ? state.choices(for: field).first { $0.value == value }?.label ?? value : value
        if !value.isEmpty {
            if field.kind == .notes {
                lines.append("Now:")
                lines += value.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "  " + $0 }
            } else {
                lines.append("Now: \(shown)")
            }
        }
        if let problem = state.problems[field.key] { lines.append("Problem: \(problem.message)") }
        var ways: [String] = []
        let instruction: String
        switch field.kind {
        case .notes:
            instruction = "Type as many lines as you need, then end with a line holding only ."
            if !value.isEmpty { ways.append("Enter on the first line keeps what is there") }
            if !state.isOnFirstField { ways.append("< on the first line goes back") }
        case .choice: instruction = "Type a number or a name."
        case .yesNo: instruction = "Type y or n."
        case .date: instruction = "Type a date as DD/MM/YYYY, or today."
        case .number: instruction = "Type \(field.rangeWords)."
        case .text: instruction = "Type your answer."
        }
        if field.kind != .notes {
            if !value.isEmpty { ways.append("Enter keeps what is there") }
            if !state.isOnFirstField { ways.append("< goes back") }
        }
        if let first = ways.first {
            ways[0] = first.prefix(1).uppercased() + first.dropFirst()
            lines.append(instruction + " " + ways.joined(separator: "; ") + ".")
        } else {
            lines.append(instruction)
        }
        return lines.joined(separator: "\n")
    }

    /// Takes one line the person typed.
    public mutating func answer(_ line: String) -> LineModeStep {
        guard let field = state.current else { return finish() }
        let typed = line.trimmingTrailingReturn
        let word = typed.trimmed
        if var lines = notesLines {
            if word == "." {
                notesLines = nil
                state.currentValue = lines.joined(separator: "\n")
                return advance(after: field, endingNotes: true)
            }
            if word == "<" {
                notesLines = nil
                state.currentValue = lines.joined(separator: "\n")
                state.previous()
                return .next
            }
            lines.append(typed)
            notesLines = lines
            return .moreNotes
        }
        if word == "<" {
            state.previous()
            return .next
        }
        if word.isEmpty { return advance(after: field, endingNotes: false) }
        if field.kind == .notes {
            if word == "." {
                state.currentValue = ""
                return advance(after: field, endingNotes: true)
            }
            notesLines = [typed]
            return .moreNotes
        }
        state.currentValue = typed
        if case let .failure(problem) = state.check(field, today: state.today) {
            _ = state.leaveField()
            return .again(problem)
        }
        return advance(after: field, endingNotes: false)
    }

    /// Leaves `field` and goes on: to the next field, or once past the last,
    /// to the first field with a problem, or to the end.
    private mutating func advance(after field: FieldDefinition, endingNotes: Bool) -> LineModeStep {
        if endingNotes, case let .failure(problem) = state.check(field, today: state.today) {
            _ = state.leaveField()
            return .again(problem)
        }
        if state.isOnLastField { reviewing = true }
        guard reviewing else {
            state.next()
            return endingNotes ? .finishedNotes : .next
        }
        return finish()
    }

    private mutating func finish() -> LineModeStep {
        _ = state.leaveField()
        switch state.readyToSubmit(today: state.today) {
        case let .success(values):
            return .done(values)
        case let .failure(problems):
            guard let first = problems.first else { return .done([:]) }
            state.move(to: first.key)
            return .again(first)
        }
    }
}

extension String {
    fileprivate var trimmingTrailingReturn: String {
        var text = self
        while let last = text.last, last.isNewline { text.removeLast() }
        return text
    }

    fileprivate var trimmed: String {
        FieldDefinition.trimmed(self)
    }
}
