import Coaching
import Foundation

extension FieldDefinition {
    /// The message for a required field left empty.
    public static let fillInMessage =
        "Fill this in before saving, or press Esc to come back to it later."

    /// Checks what a person typed into this field and returns it normalised
    /// for storing: a date as ISO 8601, a number without stray zeros, a
    /// yes-no as `yes` or `no`, a choice as its value, text trimmed. An
    /// empty optional field is valid and normalises to "".
    ///
    /// `choices` are the items of a choice field (from `FormState.choices(for:)`
    /// or the field's fixed list); a choice may be typed as its value, its
    /// label or its number in the list.
    public func validate(
        _ raw: String, today: SchoolDay, choices: [(value: String, label: String)]
    ) -> Result<String, FieldProblem> {
        let text = Self.trimmed(raw)
        if text.isEmpty {
            return required || mustBeYes ? .failure(problem(Self.fillInMessage)) : .success("")
        }
        switch kind {
        case .text, .notes:
            return checkText(text, today: today)
        case .date:
            guard let day = SchoolDay(typed: text, today: today) else {
                return .failure(
                    problem(
                        "\"\(text)\" is not a date we can read. "
                            + "Type a date as DD/MM/YYYY, or today."))
            }
            return .success(day.iso)
        case .number:
            return checkNumber(text)
        case .yesNo:
            guard let answer = Self.yesNo(text) else {
                return .failure(problem("Type y for yes or n for no."))
            }
            if mustBeYes && !answer {
                return .failure(
                    problem(
                        "This has to be yes before the form can be saved: read the text above, "
                            + "then type y once you agree. Press Esc to come back to it later."))
            }
            return .success(answer ? "yes" : "no")
        case .choice:
            return checkChoice(text, choices: choices)
        }
    }

    /// The value as a person should see it in the field: a date as DD/MM/YYYY.
    public func displayValue(ofNormalised value: String) -> String {
        if kind == .date, let day = SchoolDay(iso: value) { return day.british }
        return value
    }

    func problem(_ message: String, line: Int? = nil) -> FieldProblem {
        FieldProblem(key: key, label: label, message: message, line: line)
    }

    static func trimmed(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `y`, `yes`, `n`, `no` in any case.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "y", "yes": true
        case "n", "no": false
        default: nil
        }
    }

    private func checkText(_ text: String, today: SchoolDay) -> Result<String, FieldProblem> {
        if let limit = lengthLimit, text.count > limit {
            let over = text.count - limit
            return .failure(
                problem(
                    "This is \(Self.counted(text.count)) characters long and the limit is "
                        + "\(Self.counted(limit)): shorten it by \(Self.counted(over)) "
                        + (over == 1 ? "character." : "characters.")))
        }
        guard holdsAgreedActions else { return .success(text) }
        switch AgreedActions.parse(text, today: today, key: key, label: label) {
        case let .success(actions): return .success(AgreedActions.text(actions))
        case let .failure(problem): return .failure(problem)
        }
    }

    private func checkNumber(_ text: String) -> Result<String, FieldProblem> {
        let whole = numberStep == 1 && (minimum ?? 0).rounded() == (minimum ?? 0)
        let example = whole ? "6" : "1.5"
        guard let value = Self.number(text) else {
            return .failure(
                problem(
                    "\"\(text)\" is not a number. Type \(rangeWords), "
                        + "such as \(example)."))
        }
        if let minimum, value < minimum { return .failure(problem("Type \(rangeWords).")) }
        if let maximum, value > maximum { return .failure(problem("Type \(rangeWords).")) }
        let base = minimum ?? 0
        let steps = (value - base) / numberStep
        if abs(steps - steps.rounded()) > 1e-9 {
            if whole {
                return .failure(
                    problem("Type a whole number, such as \(Self.format(value.rounded()))."))
            }
            let lower = base + steps.rounded(.down) * numberStep
            return .failure(
                problem(
                    "Type a number in steps of \(Self.format(numberStep)): "
                        + "\(Self.format(lower)) or \(Self.format(lower + numberStep)) would do."))
        }
        return .success(Self.format(value))
    }

    /// "a number from 0 to 40", "a number of at least 1", "a number".
    var rangeWords: String {
        switch (minimum, maximum) {
        case let (min?, max?): "a number from \(Self.format(min)) to \(Self.format(max))"
        case let (min?, nil): "a number of at least \(Self.format(min))"
        case let (nil, max?): "a number no bigger than \(Self.format(max))"
        case (nil, nil): "a number"
        }
    }

    private func checkChoice(
        _ text: String, choices: [(value: String, label: String)]
    ) -> Result<String, FieldProblem> {
        if let exact = choices.first(where: { $0.value == text }) { return .success(exact.value) }
        let lower = text.lowercased()
        if let match = choices.first(where: {
            $0.value.lowercased() == lower || $0.label.lowercased() == lower
        }) {
            return .success(match.value)
        }
        if let number = Int(text), number >= 1, number <= choices.count {
            return .success(choices[number - 1].value)
        }
        guard !choices.isEmpty else {
            return .failure(
                problem(
                    "There is nothing to choose from here yet: leave it empty, or ask the head "
                        + "or an administrator to add some."))
        }
        let listed = choices.enumerated().map { "\($0.offset + 1) \($0.element.label)" }
        return .failure(
            problem(
                "\"\(text)\" is not one of the choices. Type the number or the name of one of: "
                    + listed.joined(separator: ", ") + "."))
    }

    /// Reads `6`, `1.5`, `-2`, `.25`; not `1e3`, `nan` or `1,5`.
    static func number(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !body.isEmpty, body != ".",
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text.hasPrefix("-.") ? "-0" + text.dropFirst() : text)
            .flatMap { $0.isFinite ? $0 : nil }
    }

    /// `6`, `1.25`: no trailing `.0`.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func counted(_ number: Int) -> String {
        number >= 1000 ? "\(number / 1000),\(String(format: "%03d", number % 1000))" : "\(number)"
    }
}
