/// One field of a proforma, as a form file describes it.
public struct FieldDefinition: Hashable, Sendable {
    /// The key the value is stored under: `held_on`, `goal`.
    public var key: String
    public var label: String
    public var kind: FieldKind
    /// It must be filled in before the form can be saved (a draft may lack it).
    public var required: Bool
    /// The value a new form starts with, as a person would type it (`today`).
    public var defaultValue: String?
    /// `max_length` as written in the file; see `lengthLimit` for the one in force.
    public var maxLength: Int?
    /// A sentence or two shown under the label.
    public var help: String
    /// Where a choice field's items come from.
    public var choices: ChoiceSource?
    /// A number field's smallest and largest values.
    public var minimum: Double?
    public var maximum: Double?
    /// A number field's step: 1 (whole numbers) unless the file says otherwise.
    public var step: Double?
    /// A yes-no field that must be answered yes (a confirmation).
    public var mustBeYes: Bool
    /// A notes field whose lines are agreed actions: `what ; who ; by DD/MM/YYYY`.
    public var holdsAgreedActions: Bool
    /// The line of the form file the field starts on.
    public var line: Int?

    public init(
        key: String, label: String, kind: FieldKind, required: Bool = false,
        defaultValue: String? = nil, maxLength: Int? = nil, help: String = "",
        choices: ChoiceSource? = nil, minimum: Double? = nil, maximum: Double? = nil,
        step: Double? = nil, mustBeYes: Bool = false, holdsAgreedActions: Bool = false,
        line: Int? = nil
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.maxLength = maxLength
        self.help = help
        self.choices = choices
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.mustBeYes = mustBeYes
        self.holdsAgreedActions = holdsAgreedActions
        self.line = line
    }

    /// The most characters a text or notes field takes.
    public var lengthLimit: Int? { maxLength ?? kind.defaultMaxLength }

    /// The step in force for a number field.
    public var numberStep: Double { step ?? 1 }
}

/// A proforma: its fields and who fills it, read from one file in forms/.
public struct FormDefinition: Hashable, Sendable {
    /// The unique key: `session`.
    public var key: String
    public var title: String
    public var record: FormRecord
    public var audience: FormAudience
    /// A paragraph shown at the top; may be empty.
    public var intro: String
    public var fields: [FieldDefinition]
    /// The file it was read from, as named in errors.
    public var file: String

    public init(
        key: String, title: String, record: FormRecord, audience: FormAudience,
        intro: String = "", fields: [FieldDefinition], file: String = ""
    ) {
        self.key = key
        self.title = title
        self.record = record
        self.audience = audience
        self.intro = intro
        self.fields = fields
        self.file = file
    }

    /// The field stored under `key`.
    public func field(_ key: String) -> FieldDefinition? {
        fields.first { $0.key == key }
    }
}
