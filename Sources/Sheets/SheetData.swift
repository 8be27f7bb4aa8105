/// What one printed document says, for a layout to place: named values for
/// `{{placeholders}}` and named lists of rows for tables, charts and
/// repeated sections (`{{item.field}}` inside them).
public struct SheetData: Sendable, Equatable {
    /// The document's title, for the header and the PDF's metadata.
    public var title: String
    public var values: [String: String]
    public var lists: [String: [[String: String]]]

    public init(title: String, values: [String: String] = [:], lists: [String: [[String: String]]] = [:]) {
        self.title = title
        self.values = values
        self.lists = lists
    }
}

/// The placeholders one kind of document offers, so that a layout naming
/// anything else is refused when the layouts are loaded, not printed blank.
public struct SheetVocabulary: Sendable, Equatable {
    /// Names usable as `{{name}}` anywhere in the layout.
    public var values: Set<String>
    /// List name → the fields each row has, usable as `{{item.field}}`
    /// inside a table, chart or repeat over that list.
    public var lists: [String: Set<String>]

    public init(values: Set<String>, lists: [String: Set<String>] = [:]) {
        self.values = values
        self.lists = lists
    }
}
