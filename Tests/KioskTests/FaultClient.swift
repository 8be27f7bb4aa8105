import Coaching
import Foundation
import TestSupport

/// One member of staff at a raw terminal (line by line) filling in the CPD
/// form, who remembers what they typed into each field they left.
final class FaultClient: @unchecked Sendable {
    /// The CPD form's fields, in the order forms/cpd.yaml asks them: key and label.
    static let fields = [
        ("held_on", "Date"), ("title", "Title"), ("kind", "Kind of activity"), ("hours", "Hours"),
        ("priority", "School priority"), ("reflection", "Reflection"),
    ]

    let code: StaffCode
    let pin: String
    let number: Int
    let connection: RawClient
    /// What was typed into each field and left (Enter moved past it), by key.
    private(set) var left: [String: String] = [:]
    /// Fields answered so far.
    private(set) var answered = 0

    init(code: StaffCode, pin: String = FaultSchool.pin, number: Int, port: Int) throws {
        self.code = code
        self.pin = pin
        self.number = number
        connection = try RawClient(port: port)
    }

    /// What this person types into field `index` (a notes field: its lines).
    func answer(_ index: Int, today: SchoolDay) -> [String] {
        switch Self.fields[index].0 {
        case "held_on": [today.adding(days: -(1 + number % 20)).british]
        case "title": ["Twilight \(number): Siân's oracy routines — Zoë's notes"]
        case "kind": [CPDKind.allCases[number % CPDKind.allCases.count].rawValue]
        case "hours": ["\(1 + number % 6).5"]
        case "priority": ["P1"]
        default: ["Talk partners in 7B, try \(number).", "Ŵyn's class next — with sentence stems."]
        }
    }

    /// How the line-by-line form shows field `index`'s value after `Now: `
    /// (a choice by its label).
    func shown(_ index: Int, today: SchoolDay) -> String {
        let value = value(index, today: today)
        switch Self.fields[index].0 {
        case "kind": return CPDKind(rawValue: value)?.title ?? value
        default: return value
        }
    }

    /// The value the form keeps for field `index` once left.
    func value(_ index: Int, today: SchoolDay) -> String {
        answer(index, today: today).joined(separator: "\n")
    }

    func waitForLogin() throws { try connection.waitFor("Staff code: ") }

    func sendCode() { connection.send(code.rawValue + "\r\n") }

    func sendPIN() throws {
        try connection.waitFor("PIN: ")
        connection.send(pin + "\r\n")
    }

    /// Waits for the home menu (logins queue for the PIN hash: be patient).
    func waitForHome() throws { try connection.waitFor("Choose 1–", timeout: 180) }

    /// The number the home menu shows before `label`.
    func menuNumber(of label: String) throws -> String {
        let menu = connection.text.replacingOccurrences(of: "\r", with: "")
        guard let line = menu.split(separator: "\n").last(where: { $0.contains(label) }) else {
            throw TestFailure("no \"\(label)\" in the menu:\n\(connection.printable)")
        }
        return String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    /// The prompt that asks field `index` (0-based): `Title (2 of 6`.
    static func prompt(_ index: Int) -> String {
        "\(fields[index].1) (\(index + 1) of \(fields.count)"
    }

    /// Types the answer to the next field and presses Enter (a notes field
    /// ends with its line holding only `.`).
    func answerNext(today: SchoolDay) {
        let index = answered
        let lines = answer(index, today: today)
        let notes = Self.fields[index].0 == "reflection"
        connection.send(lines.map { $0 + "\r\n" }.joined() + (notes ? ".\r\n" : ""))
        left[Self.fields[index].0] = value(index, today: today)
        answered += 1
    }

    /// Starts on the next field without leaving it: a line typed with no
    /// Enter, or a notes field's lines with no closing `.`.
    func typeWithoutLeaving(today: SchoolDay) {
        let lines = answer(answered, today: today)
        if Self.fields[answered].0 == "reflection" {
            connection.send(lines.map { $0 + "\r\n" }.joined())
        } else {
            connection.send(lines.joined())
        }
    }

    /// Waits until `words` have arrived, reading lines wrapped at the
    /// terminal's width as one.
    func waitForWords(_ words: String, timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if connection.text.replacingOccurrences(of: "\r\n", with: " ").contains(words) { return }
            // Reads for a moment: the daemon never sends this.
            _ = try? connection.waitFor("\u{7F}\u{7F}\u{7F}", timeout: 0.1)
        }
        throw TestFailure("never received \"\(words)\"; received:\n\(connection.printable)")
    }

    /// Waits until the daemon has taken the last answer: the next field is
    /// asked, or the record is saved.
    func waitForNextPrompt() throws {
        if answered < Self.fields.count {
            try connection.waitFor(Self.prompt(answered), timeout: 60)
        } else {
            try connection.waitFor("Saved to your CPD log", timeout: 60)
        }
    }
}
