import Coaching
import Foundation
import KioskConfiguration
import Yams

/// Reads one form file, collecting every problem rather than stopping at the first.
struct FormFileReader {
    let yaml: YAMLFile
    private(set) var problems: [YAMLFileError] = []
    /// The form's key and the line of `form:`, for a key used by two
    /// files, even when the file has other problems.
    private(set) var formKey: String?
    private(set) var formKeyLine: Int?

    static let topKeys = ["form", "title", "record", "for", "intro", "fields"]
    static let fieldKeys = [
        "key", "label", "kind", "required", "default", "max_length", "help", "choices", "min",
        "max", "step", "must_be_yes",
    ]

    init(yaml: YAMLFile) {
        self.yaml = yaml
    }

    private mutating func report(_ line: Int?, _ key: String?, _ reason: String) {
        problems.append(YAMLFileError(file: yaml.file, line: line, key: key, reason: reason))
    }

    private mutating func report(at node: Node?, _ key: String?, _ reason: String) {
        report(node?.mark?.line, key, reason)
    }

    typealias Pair = (key: String, value: Node, line: Int?)

    private mutating func pairs(_ node: Node?, key: String?) -> [Pair]? {
        do throws(YAMLFileError) { return try yaml.mapping(node, key: key) } catch {
            problems.append(error)
            return nil
        }
    }

    /// A single value, or a problem saying it should be one.
    private mutating func scalar(_ node: Node, _ key: String) -> String? {
        guard node.scalar != nil, let text = node.string else {
            report(at: node, key, "should be a single value, not a list or a set of keys")
            return nil
        }
        return text
    }

    private mutating func flag(_ node: Node, _ key: String) -> Bool? {
        guard let text = scalar(node, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(at: node, key, "should be true or false, not \"\(text)\"")
            return nil
        }
    }

    private mutating func decimal(_ node: Node, _ key: String) -> Double? {
        guard let text = scalar(node, key) else { return nil }
        guard let value = FieldDefinition.number(text) else {
            report(at: node, key, "should be a number, such as 40 or 0.25, not \"\(text)\"")
            return nil
        }
        return value
    }

    // MARK: The form

    mutating func read() -> FormDefinition? {
        let rootLine = yaml.root.mark?.line ?? 1
        guard let top = pairs(nil, key: nil) else { return nil }
        var nodes: [String: (value: Node, line: Int?)] = [:]
        for (key, value, line) in top {
            guard Self.topKeys.contains(key) else {
                report(
                    line, key,
                    "unknown key" + Self.suggestion(key, Self.topKeys)
                        + "; a form file takes " + Self.listed(Self.topKeys))
                continue
            }
            nodes[key] = (value, line)
        }
        func missing(_ key: String, _ example: String) -> String {
            "missing; add `\(key): …` (\(example))"
        }

        var key: String?
        if let (node, line) = nodes["form"] {
            formKeyLine = line
            if let text = scalar(node, "form") {
                if Self.isFormKey(text) {
                    key = text
                    formKey = text
                } else {
                    report(
                        at: node, "form",
                        "\"\(text)\" should be lower-case letters, digits "
                            + "and hyphens, such as session or start-cycle")
                }
            }
        } else {
            report(rootLine, "form", missing("form", "a short unique name, such as session"))
        }

        var title: String?
        if let (node, _) = nodes["title"] {
            title = scalar(node, "title")
            if title?.isEmpty == true {
                report(at: node, "title", "should not be empty; write the title shown at the top")
                title = nil
            }
        } else {
            report(rootLine, "title", missing("title", "the title shown at the top of the form"))
        }

        var record: FormRecord?
        if let (node, _) = nodes["record"] {
            if let text = scalar(node, "record") {
                record = FormRecord(rawValue: text)
                if record == nil {
                    report(
                        at: node, "record",
                        "unknown record \"\(text)\""
                            + Self.suggestion(text, FormRecord.allCases.map(\.rawValue))
                            + "; records are \(FormRecord.listed)")
                }
            }
        } else {
            report(
                rootLine, "record", missing("record", "what the form makes: \(FormRecord.listed)"))
        }

        var intro = ""
        if let (node, _) = nodes["intro"] { intro = scalar(node, "intro") ?? "" }

        var audience: FormAudience?
        if let (node, _) = nodes["for"] {
            audience = readAudience(node, record: record)
        } else {
            report(rootLine, "for", missing("for", "who fills it, such as [coachee, coach]"))
        }

        var fields: [FieldDefinition] = []
        if let (node, line) = nodes["fields"] {
            fields = readFields(node, line: line, record: record)
        } else {
            report(rootLine, "fields", missing("fields", "the list of the form's fields"))
        }

        guard problems.isEmpty, let key, let title, let record, let audience else { return nil }
        return FormDefinition(
            key: key, title: title, record: record, audience: audience,
            intro: intro, fields: fields, file: yaml.file)
    }

    private mutating func readAudience(_ node: Node, record: FormRecord?) -> FormAudience? {
        var items: [(text: String, node: Node)] = []
        if node.scalar != nil, let text = node.string {
            items = [(text, node)]
        } else if let sequence = node.sequence {
            for item in sequence {
                if let text = scalar(item, "for") { items.append((text, item)) }
            }
        } else {
            report(at: node, "for", "should be a list such as [coachee, coach], or anyone")
            return nil
        }
        guard !items.isEmpty else {
            report(
                at: node, "for", "names nobody; write who fills the form, such as [coachee, coach]")
            return nil
        }
        let isPrivate = record?.privateRecordKind != nil
        var audience = FormAudience()
        for (text, item) in items {
            let word = text.lowercased()
            if word == "anyone" {
                audience.anyone = true
            } else if let position = TrioPosition(rawValue: word), isPrivate || position != .coach {
                audience.positions.insert(position)
            } else if let role = Role(typed: word) {
                audience.roles.insert(role)
            } else {
                let words = FormAudience.words.components(separatedBy: ", ")
                report(
                    at: item, "for",
                    "unknown person \"\(text)\""
                        + Self.suggestion(word, words + ["coach"])
                        + "; write anyone, trio positions (coachee, coach, observer) or roles "
                        + "(coach, lead-coach, impact-lead, head, admin, office)")
            }
        }
        if let record, let kind = record.privateRecordKind {
            checkPrivacy(audience, record: record, kind: kind, node: node)
        }
        return audience
    }

    /// The private records of a cycle may be written only by whom the
    /// access policy allows: a form must not offer them to anyone else.
    private mutating func checkPrivacy(
        _ audience: FormAudience, record: FormRecord, kind: RecordKind, node: Node
    ) {
        let writers = TrioPosition.allCases.filter {
            AccessPolicy.decide(roles: [], relation: Self.relation($0), action: .write, on: kind)
                == .allowed
        }
        let names = writers.map(\.rawValue)
        let advice =
            "; a \(record.title) is private to the trio and is written by the "
            + names.joined(separator: " and ") + " only (see \"Who may read what\"): "
            + "write for: [" + names.joined(separator: ", ") + "]"
        if audience.anyone {
            report(at: node, "for", "anyone may not fill this form" + advice)
        }
        for position in TrioPosition.allCases where audience.positions.contains(position) {
            if !writers.contains(position) {
                report(at: node, "for", "the \(position.rawValue) may not write it" + advice)
            }
        }
        for role in Role.allCases where audience.roles.contains(role) {
            if AccessPolicy.decide(roles: [role], relation: .none, action: .write, on: kind)
                != .allowed
            {
                report(at: node, "for", "the \(role.title.lowercased()) may not write it" + advice)
            }
        }
    }

    private static func relation(_ position: TrioPosition) -> Relation {
        switch position {
        case .coachee: .coachee
        case .coach: .coach
        case .observer: .observer
        }
    }

    // MARK: The fields

    private mutating func readFields(_ node: Node, line: Int?, record: FormRecord?)
        -> [FieldDefinition]
    {
        guard let sequence = node.sequence else {
            report(at: node, "fields", "should be a list of fields, each starting `- key: …`")
            return []
        }
        if sequence.isEmpty {
            report(at: node, "fields", "has no fields; add at least one, each starting `- key: …`")
        }
        var fields: [FieldDefinition] = []
        var firstAt: [String: (index: Int, line: Int?)] = [:]
        for (offset, item) in sequence.enumerated() {
            let path = "fields[\(offset + 1)]"
            guard let (read, complete) = readField(item, path: path) else { continue }
            var field = read
            if field.key.isEmpty { continue }
            if let earlier = firstAt[field.key] {
                report(
                    field.line, "\(path).key",
                    "\"\(field.key)\" is already the key of "
                        + "fields[\(earlier.index)]" + (earlier.line.map { " (line \($0))" } ?? "")
                        + "; give each field its own key")
                continue
            }
            firstAt[field.key] = (offset + 1, field.line)
            guard complete else { continue }
            if let record {
                checkAgainstRecord(&field, record: record, path: path)
            }
            fields.append(field)
        }
        if let record {
            for entry in RecordFields.entries(for: record) where entry.essential {
                guard firstAt[entry.key] == nil else { continue }
                report(
                    line, "fields",
                    "a \(record.rawValue) form must ask for \(entry.key) "
                        + "(\(entry.meaning)): add a field with key: \(entry.key) "
                        + "and required: true")
            }
        }
        return fields
    }

    /// The field as far as it could be read, and whether it was read without a problem.
    private mutating func readField(_ node: Node, path: String)
        -> (field: FieldDefinition, complete: Bool)?
    {
        guard let pairs = pairs(node, key: path) else { return nil }
        var nodes: [String: Node] = [:]
        /// Known keys an unknown one looks like a slip for: not reported missing as well.
        var misspelt: Set<String> = []
        for (key, value, line) in pairs {
            guard Self.fieldKeys.contains(key) else {
                if let meant = Self.closest(key, Self.fieldKeys) { misspelt.insert(meant) }
                report(
                    line, "\(path).\(key)",
                    "unknown key" + Self.suggestion(key, Self.fieldKeys)
                        + "; a field takes " + Self.listed(Self.fieldKeys))
                continue
            }
            nodes[key] = value
        }
        let before = problems.count
        let line = node.mark?.line

        var key = ""
        if let value = nodes["key"] {
            key = scalar(value, "\(path).key") ?? ""
            if !key.isEmpty, !Self.isFieldKey(key) {
                report(
                    at: value, "\(path).key",
                    "\"\(key)\" should be lower-case letters, "
                        + "digits and underscores, such as held_on")
            }
        } else if !misspelt.contains("key") {
            report(
                line, "\(path).key",
                "missing; every field needs `key:`, the name its value "
                    + "is stored under, such as held_on")
        }
        var label = ""
        if let value = nodes["label"] {
            label = scalar(value, "\(path).label") ?? ""
            if label.isEmpty { report(at: value, "\(path).label", "should not be empty") }
        } else if !misspelt.contains("label") {
            report(
                line, "\(path).label",
                "missing; every field needs `label:`, the words "
                    + "shown beside it")
        }

        var kind: FieldKind?
        if let value = nodes["kind"] {
            if let text = scalar(value, "\(path).kind") {
                kind = FieldKind(rawValue: text)
                if kind == nil {
                    report(
                        at: value, "\(path).kind",
                        "unknown kind \"\(text)\""
                            + Self.suggestion(text, FieldKind.allCases.map(\.rawValue))
                            + "; kinds are \(FieldKind.listed)")
                }
            }
        } else if !misspelt.contains("kind") {
            report(
                line, "\(path).kind",
                "missing; every field needs `kind:`, one of "
                    + FieldKind.listed)
        }

        var field = FieldDefinition(key: key, label: label, kind: kind ?? .text, line: line)
        if let value = nodes["required"] {
            field.required = flag(value, "\(path).required") ?? false
        }
        if let value = nodes["help"] { field.help = scalar(value, "\(path).help") ?? "" }

        if let value = nodes["max_length"] {
            let place = "\(path).max_length"
            if let kind, !kind.isText {
                report(at: value, place, "applies only to text and notes fields; take it out")
            } else if let text = scalar(value, place) {
                if let number = Int(text), number > 0 {
                    field.maxLength = number
                } else {
                    report(
                        at: value, place,
                        "should be a whole number of characters above 0, "
                            + "such as 200, not \"\(text)\"")
                }
            }
        }

        if let value = nodes["choices"] {
            if let kind, kind != .choice {
                report(
                    at: value, "\(path).choices",
                    "applies only to choice fields; take it "
                        + "out or make the field kind: choice")
            } else {
                field.choices = readChoices(value, path: "\(path).choices")
            }
        } else if kind == .choice {
            report(
                line, "\(path).choices",
                "a choice field needs `choices:`, a named list ("
                    + NamedChoices.listed + ") or a list of items, each `- {value: …, label: …}`")
        }

        for (name, store) in [
            ("min", \FieldDefinition.minimum), ("max", \.maximum),
            ("step", \.step),
        ] as [(String, WritableKeyPath<FieldDefinition, Double?>)] {
            guard let value = nodes[name] else { continue }
            if let kind, kind != .number {
                report(at: value, "\(path).\(name)", "applies only to number fields; take it out")
                continue
            }
            field[keyPath: store] = decimal(value, "\(path).\(name)")
        }
        if let step = field.step, step <= 0, let node = nodes["step"] {
            report(at: node, "\(path).step", "should be above 0, such as 1 or 0.25")
            field.step = nil
        }
        if let min = field.minimum, let max = field.maximum, min > max, let node = nodes["min"] {
            report(at: node, "\(path).min", "is larger than max; swap them round")
        }

        if let value = nodes["must_be_yes"] {
            if let kind, kind != .yesNo {
                report(
                    at: value, "\(path).must_be_yes", "applies only to yes-no fields; take it out")
            } else {
                field.mustBeYes = flag(value, "\(path).must_be_yes") ?? false
            }
        }

        if let value = nodes["default"], let text = scalar(value, "\(path).default") {
            field.defaultValue = text
            if problems.count == before, kind != nil {
                checkDefault(text, of: field, node: value, path: "\(path).default")
            }
        }

        return (field, problems.count == before && kind != nil)
    }

    private mutating func readChoices(_ node: Node, path: String) -> ChoiceSource? {
        if node.scalar != nil, let text = node.string {
            guard let named = NamedChoices(rawValue: text) else {
                report(
                    at: node, path,
                    "unknown list \"\(text)\""
                        + Self.suggestion(text, NamedChoices.allCases.map(\.rawValue))
                        + "; the named lists are \(NamedChoices.listed), or write the items out")
                return nil
            }
            return .named(named)
        }
        guard let sequence = node.sequence else {
            report(
                at: node, path,
                "should be a named list (\(NamedChoices.listed)) or a list "
                    + "of items, each `- {value: …, label: …}`")
            return nil
        }
        guard !sequence.isEmpty else {
            report(at: node, path, "has no items; add at least two, each `- {value: …, label: …}`")
            return nil
        }
        var items: [Choice] = []
        for (offset, item) in sequence.enumerated() {
            let itemPath = "\(path)[\(offset + 1)]"
            var choice: Choice?
            if item.scalar != nil, let text = item.string {
                choice = Choice(value: text, label: text)
            } else if let pairs = pairs(item, key: itemPath) {
                var value: String?
                var label: String?
                for (key, inner, line) in pairs {
                    switch key {
                    case "value": value = scalar(inner, "\(itemPath).value")
                    case "label": label = scalar(inner, "\(itemPath).label")
                    default:
                        report(
                            line, "\(itemPath).\(key)", "unknown key; an item takes value and label"
                        )
                    }
                }
                if let value, !value.isEmpty {
                    choice = Choice(value: value, label: label ?? value)
                } else {
                    report(at: item, itemPath, "needs `value:`, what is stored when it is chosen")
                }
            }
            guard let choice else { continue }
            if items.contains(where: { $0.value == choice.value }) {
                report(
                    at: item, itemPath,
                    "the value \"\(choice.value)\" is listed twice; "
                        + "give each item its own value")
                continue
            }
            items.append(choice)
        }
        return .literal(items)
    }

    private mutating func checkDefault(
        _ text: String, of field: FieldDefinition, node: Node, path: String
    ) {
        if field.mustBeYes, FieldDefinition.yesNo(text) == true {
            report(
                at: node, path,
                "a confirmation cannot be answered yes in advance: the "
                    + "person must type it; take the default out")
            return
        }
        var check = field
        check.required = false
        check.mustBeYes = false
        guard let choices = field.choices.map({ $0.fixedChoices }) ?? [] else { return }
        let anyDay = SchoolDay(dayNumber: 20_000)
        if case let .failure(problem) = check.validate(
            text, today: anyDay,
            choices: choices.map(\.pair))
        {
            report(at: node, path, "\"\(text)\" is not a possible value: \(problem.message)")
        }
    }

    /// The checks that need the record: is the key stored, with a kind
    /// and list that suit it, and required when the record needs it?
    private mutating func checkAgainstRecord(
        _ field: inout FieldDefinition, record: FormRecord, path: String
    ) {
        guard let entry = RecordFields.entry(field.key, in: record) else {
            let keys = RecordFields.keys(of: record)
            report(
                field.line, "\(path).key",
                "a \(record.rawValue) form cannot store \""
                    + "\(field.key)\"" + Self.suggestion(field.key, keys) + "; a \(record.title) "
                    + "stores " + Self.listed(keys))
            return
        }
        field.holdsAgreedActions = entry.agreedActions
        guard entry.kinds.contains(field.kind) else {
            let kinds = FieldKind.allCases.filter(entry.kinds.contains).map(\.rawValue)
            report(
                field.line, "\(path).kind",
                "\(field.key) is \(entry.meaning) and is stored "
                    + "as \(kinds.joined(separator: " or ")); make it kind: "
                    + kinds.joined(separator: " or kind: "))
            return
        }
        if entry.essential, !field.required {
            report(
                field.line, "\(path).required",
                "a \(record.title) cannot be saved "
                    + "without \(field.key) (\(entry.meaning)); write required: true")
        }
        guard field.kind == .choice, let source = field.choices, let expected = entry.sources.first
        else { return }
        let names = entry.sources.map(\.rawValue).joined(separator: " or ")
        switch source {
        case let .named(name):
            if !entry.sources.contains(name) {
                report(
                    field.line, "\(path).choices",
                    "\(field.key) takes its items from "
                        + "\(names), not \(name.rawValue); write choices: \(expected.rawValue)")
            }
        case let .literal(items):
            guard let allowed = expected.fixedChoices else {
                report(
                    field.line, "\(path).choices",
                    "\(field.key) takes its items from the kiosk's own list of "
                        + "\(expected.rawValue); write choices: \(expected.rawValue)")
                return
            }
            let values = allowed.map(\.value)
            for item in items where !values.contains(item.value) {
                report(
                    field.line, "\(path).choices",
                    "\"\(item.value)\" is not one of the "
                        + "values of \(expected.rawValue) (" + values.joined(separator: ", ")
                        + "); relabel those values, or write choices: \(expected.rawValue)")
            }
        }
    }

    // MARK: Words

    static func isFormKey(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func isFieldKey(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// `a, b and c`.
    static func listed(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }

    /// ` (did you mean "label"?)` when a word is a slip away from a known one.
    static func suggestion(_ word: String, _ known: [String]) -> String {
        closest(word, known).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// The known word `word` is a slip away from, if any.
    static func closest(_ word: String, _ known: [String]) -> String? {
        let scored = known.map { ($0, distance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 > 0,
            best.1 <= max(1, min(2, best.0.count / 3))
        else { return nil }
        return best.0
    }

    /// Edits from one word to the other (a swap of neighbours counts as
    /// one), for suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(
                    table[i - 1][j] + 1, table[i][j - 1] + 1,
                    table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
