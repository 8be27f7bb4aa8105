/// How one document is printed, read from a YAML file in layouts/: the
/// page, the header and footer, and the blocks from top to bottom.
public struct SheetLayout: Sendable, Equatable {
    /// The document this layout prints (`agreement`, `trustee-pack`, …).
    public var document: String
    public var file: String
    public var pageSize: PageSize
    /// Margins in points.
    public var margin: Double
    /// The colour of headings, rules and bars, as red, green, blue from 0 to 1.
    public var accent: RGB
    public var header: Band
    public var footer: Band
    public var blocks: [LayoutBlock]

    public init(
        document: String, file: String = "", pageSize: PageSize = .a4, margin: Double = 51,
        accent: RGB = .defaultAccent, header: Band = Band(), footer: Band = Band(), blocks: [LayoutBlock]
    ) {
        self.document = document
        self.file = file
        self.pageSize = pageSize
        self.margin = margin
        self.accent = accent
        self.header = header
        self.footer = footer
        self.blocks = blocks
    }

    /// A line of small text at the top or bottom of every page, in up to
    /// three places; `{{page}}` and `{{pages}}` are known here.
    public struct Band: Sendable, Equatable {
        public var left: Template
        public var centre: Template
        public var right: Template

        public init(
            left: Template = Template(parts: []), centre: Template = Template(parts: []),
            right: Template = Template(parts: [])
        ) {
            self.left = left
            self.centre = centre
            self.right = right
        }
    }
}

/// A colour.
public struct RGB: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A deep teal that prints well in colour and in grey.
    public static let defaultAccent = RGB(red: 0.09, green: 0.33, blue: 0.40)

    /// `#1f5566`.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(
            red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
            blue: Double(value & 0xFF) / 255)
    }
}

/// One block of a layout.
public indirect enum LayoutBlock: Sendable, Equatable {
    case heading(Template)
    case subheading(Template)
    case paragraph(Template)
    /// Small grey text: a note under a table, a statement of method.
    case smallPrint(Template)
    /// A label–value table: labels on the left, values wrapping on the right.
    case fields([LabelledValue])
    /// A labelled box whose text flows across pages.
    case notes(label: Template, text: Template)
    /// Lines to sign: one row each with the name printed, a signature line and a date line.
    case signatures([Signatory])
    /// Rows from a list; splits between pages with its header repeated.
    case table(TableSpec)
    /// Horizontal bars from a list, drawn as vector shapes.
    case chart(ChartSpec)
    /// The blocks once for each row of a list (`{{item.field}}`).
    case repeatEach(list: String, blocks: [LayoutBlock], empty: Template)
    /// Blocks that go on one page together when they fit on one.
    case keepTogether([LayoutBlock])
    case pageBreak
}

public struct LabelledValue: Sendable, Equatable {
    public var label: Template
    public var value: Template

    public init(label: Template, value: Template) {
        self.label = label
        self.value = value
    }
}

public struct Signatory: Sendable, Equatable {
    /// Coachee, Coach, Observer.
    public var role: Template
    public var name: Template

    public init(role: Template, name: Template) {
        self.role = role
        self.name = name
    }
}

public struct TableSpec: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: Template
        public var value: Template
        /// Share of the width, relative to the other columns.
        public var width: Double
        /// Numbers line up on the right.
        public var alignRight: Bool

        public init(title: Template, value: Template, width: Double = 1, alignRight: Bool = false) {
            self.title = title
            self.value = value
            self.width = width
            self.alignRight = alignRight
        }
    }

    public var list: String
    public var columns: [Column]
    /// Shown instead when the list is empty.
    public var empty: Template

    public init(list: String, columns: [Column], empty: Template) {
        self.list = list
        self.columns = columns
        self.empty = empty
    }
}

public struct ChartSpec: Sendable, Equatable {
    public var list: String
    public var title: Template
    public var label: Template
    /// A number; a row whose value is not a number ("fewer than 3") is shown as text, with no bar.
    public var value: Template
    /// Written after each figure: "hours".
    public var unit: String
    public var empty: Template

    public init(list: String, title: Template, label: Template, value: Template, unit: String, empty: Template) {
        self.list = list
        self.title = title
        self.label = label
        self.value = value
        self.unit = unit
        self.empty = empty
    }
}
