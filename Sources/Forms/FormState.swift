import Coaching
import TextUI

/// One proforma being filled in, without drawing: its fields, what has been
/// typed into each, which field is current and what is wrong so far.
///
/// Nothing typed is ever thrown away: a value that is not valid yet is kept
/// with its problem, returned by `leaveField()` for the person's draft, and
/// only `readyToSubmit(today:)` insists that every field is right.
public struct FormState: Sendable {
    public let form: FormDefinition
    /// The day "today" means, for dates typed and for date defaults.
    public let today: SchoolDay
    /// What is in each field, as typed (dates shown DD/MM/YYYY once left).
    public private(set) var values: [String: String] {
        didSet { revision += 1 }
    }
    /// The current field's position in `form.fields`.
    public private(set) var index: Int {
        didSet { revision += 1 }
    }
    /// The problem of each field left with a value that cannot be saved yet.
    public private(set) var problems: [String: FieldProblem] {
        didSet { revision += 1 }
    }
    /// The school's own lists (priorities, staff, coaches) for choice fields.
    public let lists: [NamedChoices: [Choice]]
    /// The values as last saved or loaded, so a field left unchanged is not saved again.
    private var saved: [String: String]
    /// Moves on at every change to the values, the problems or the current
    /// field (and at some writes that change nothing): while it stands,
    /// what is drawn from them can be kept.
    public private(set) var revision = 0

    /// A form filled from `draft` (a draft, or a record's values from
    /// `RecordBuilder.values(from:)`), and from the fields' defaults where
    /// the draft has nothing. A default of `today` becomes today's date.
    public init(
        form: FormDefinition, draft: [String: String] = [:], today: SchoolDay,
        lists: [NamedChoices: [Choice]] = [:]
    ) {
        self.form = form
        self.today = today
        self.lists = lists
        var values = draft
        for field in form.fields {
            if let value = draft[field.key] {
                values[field.key] = Self.shown(value, field: field, today: today)
            } else if let value = field.defaultValue {
                values[field.key] = Self.shown(value, field: field, today: today)
            } else {
                values[field.key] = ""
            }
        }
        self.values = values
        self.saved = values
        self.index = 0
        self.problems = [:]
    }

    public var fields: [FieldDefinition] { form.fields }

    /// The field being filled in; nil only for a form with no fields.
    public var current: FieldDefinition? {
        fields.indices.contains(index) ? fields[index] : nil
    }

    public var isOnFirstField: Bool { index == 0 }
    public var isOnLastField: Bool { index >= fields.count - 1 }

    /// The value of the field `key`, as typed.
    public subscript(key: String) -> String {
        get { values[key] ?? "" }
        set { values[key] = newValue }
    }

    /// The value of the current field, as typed.
    public var currentValue: String {
        get { current.map { self[$0.key] } ?? "" }
        set { if let key = current?.key { self[key] = newValue } }
    }

    /// The items of a choice field: its own list, or the school's list it names.
    public func choices(for field: FieldDefinition) -> [Choice] {
        switch field.choices {
        case let .literal(items): items
        case let .named(name): name.fixedChoices ?? lists[name] ?? []
        case nil: []
        }
    }

    /// Checks one field's value as it stands.
    public func check(_ field: FieldDefinition, today: SchoolDay) -> Result<String, FieldProblem> {
        field.validate(self[field.key], today: today, choices: choices(for: field).map(\.pair))
    }

    // MARK: Moving

    /// Leaves the current field: checks it, records or clears its problem,
    /// shows a valid date, number, yes-no or choice in its usual form, and
    /// returns the key and value to save in the person's draft. The value
    /// is returned even when it has a problem. Nil when the field holds
    /// what it held when last left or loaded, so there is nothing new to save.
    public mutating func leaveField() -> (key: String, value: String)? {
        guard let field = current else { return nil }
        switch check(field, today: today) {
        case let .success(normalised):
            problems[field.key] = nil
            if field.kind != .text && field.kind != .notes && !normalised.isEmpty {
                self[field.key] = field.displayValue(ofNormalised: normalised)
            }
        case let .failure(problem):
            problems[field.key] = problem
        }
        let value = self[field.key]
        guard saved[field.key] ?? "" != value else { return nil }
        saved[field.key] = value
        return (field.key, value)
    }

    /// Leaves the current field and goes to the next (staying on the last).
    /// Returns what `leaveField()` returns.
    @discardableResult
    public mutating func next() -> (key: String, value: String)? {
        move(to: index + 1)
    }

    /// Leaves the current field and goes to the one before (staying on the first).
    @discardableResult
    public mutating func previous() -> (key: String, value: String)? {
        move(to: index - 1)
    }

    /// Leaves the current field and goes to field `target`, kept within the form.
    @discardableResult
    public mutating func move(to target: Int) -> (key: String, value: String)? {
        let left = leaveField()
        index = max(0, min(target, fields.count - 1))
        return left
    }

    /// Leaves the current field and goes to the field stored under `key`
    /// (where a problem is, say); stays put if the form has no such field.
    @discardableResult
    public mutating func move(to key: String) -> (key: String, value: String)? {
        guard let target = fields.firstIndex(where: { $0.key == key }) else { return nil }
        return move(to: target)
    }

    /// Moves between fields for the keys that do so: Tab and Shift-Tab, and
    /// Enter outside a notes field (where Enter starts a new line). Returns
    /// whether the key moved; `left` holds what `leaveField()` returned.
    public mutating func navigate(_ key: Key) -> (moved: Bool, left: (key: String, value: String)?) {
        switch key {
        case .tab: (true, next())
        case .backTab: (true, previous())
        case .enter where current?.kind != .notes: (true, next())
        default: (false, nil)
        }
    }

    // MARK: Submitting

    /// Every field checked: the normalised values to build the record from
    /// (`RecordBuilder`), or every problem in the order of the form; go to
    /// the first with `move(to: problems[0].key)`.
    public func readyToSubmit(today: SchoolDay) -> Result<[String: String], FieldProblems> {
        var ready: [String: String] = [:]
        var found: [FieldProblem] = []
        for field in fields {
            switch check(field, today: today) {
            case let .success(value): ready[field.key] = value
            case let .failure(problem): found.append(problem)
            }
        }
        return found.isEmpty ? .success(ready) : .failure(FieldProblems(found))
    }

    /// A value as the field shows it: a stored ISO date, or `today`, as DD/MM/YYYY.
    private static func shown(_ value: String, field: FieldDefinition, today: SchoolDay) -> String {
        guard field.kind == .date,
            case let .success(iso) = field.validate(
                value, today: today, choices: [])
        else { return value }
        return field.displayValue(ofNormalised: iso)
    }
}
