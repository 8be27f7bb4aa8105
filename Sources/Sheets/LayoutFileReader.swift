import Foundation
import KioskConfiguration
import Yams

/// Reads one layout file, collecting every problem rather than stopping at
/// the first, and checks each placeholder against what the document offers.
struct LayoutFileReader {
    let yaml: YAMLFile
    let vocabularies: [String: SheetVocabulary]
    private(set) var problems: [YAMLFileError] = []
    private var vocabulary = SheetVocabulary(values: [])

    static let topKeys = ["document", "page", "header", "footer", "blocks"]
    static let blockKinds = [
        "heading", "subheading", "paragraph", "small_print", "fields", "notes", "signatures", "table", "chart",
        "repeat", "keep_together", "page_break",
    ]

    init(yaml: YAMLFile, vocabularies: [String: SheetVocabulary]) {
        self.yaml = yaml
        self.vocabularies = vocabularies
    }

    typealias Pair = (key: String, value: Node, line: Int?)

    private mutating func report(at node: Node?, _ key: String?, _ reason: String) {
        problems.append(yaml.error(at: node, key: key, reason))
    }

    private mutating func pairs(_ node: Node?, key: String?) -> [Pair]? {
        do throws(YAMLFileError) { return try yaml.mapping(node, key: key) } catch {
            problems.append(error)
            return nil
        }
    }

    private mutating func scalar(_ node: Node, _ key: String) -> String? {
        guard node.scalar != nil, let text = node.string else {
            report(at: node, key, "should be a single value, not a list or a set of keys")
            return nil
        }
        return text
    }

    /// Where a template is: inside a list's rows, or in the header and footer.
    private enum Scope {
        case document
        case list(String)
        case band
    }

    private mutating func template(_ node: Node, _ key: String, scope: Scope) -> Template {
        guard let text = scalar(node, key) else { return Template(parts: []) }
        switch Template.parse(text) {
        case let .failure(problem):
            report(at: node, key, problem.reason)
            return Template(parts: [])
        case let .success(template):
            for name in template.names { check(name, at: node, key, scope: scope) }
            return template
        }
    }

    private mutating func check(_ name: String, at node: Node, _ key: String, scope: Scope) {
        if vocabulary.values.contains(name) { return }
        if case .band = scope, name == "page" || name == "pages" { return }
        if name.hasPrefix("item.") {
            let field = String(name.dropFirst(5))
            guard case let .list(list) = scope else {
                report(at: node, key, "{{\(name)}} is only known inside a table, chart or repeat over a list")
                return
            }
            let fields = vocabulary.lists[list] ?? []
            if fields.contains(field) { return }
            report(
                at: node, key,
                "{{\(name)}} names nothing: rows of \"\(list)\" have " + Self.listing(fields.map { "item." + $0 }))
            return
        }
        let near = vocabulary.values.filter { $0.hasPrefix(name.split(separator: ".").first.map(String.init) ?? "") }
        report(
            at: node, key,
            "{{\(name)}} names nothing in this document; "
                + (near.isEmpty ? "it offers " + Self.listing(vocabulary.values) : "did you mean " + Self.listing(near))
        )
    }

    static func listing(_ names: some Collection<String>) -> String {
        let sorted = names.sorted()
        guard !sorted.isEmpty else { return "none" }
        return sorted.map { "{{\($0)}}" }.joined(separator: ", ")
    }

    /// The layout, or nil when there were problems.
    mutating func read() -> SheetLayout? {
        guard let top = pairs(nil, key: nil) else { return nil }
        var document: String?
        var layout = SheetLayout(document: "", file: yaml.file, blocks: [])
        // The document decides the vocabulary, so read it first.
        if let entry = top.first(where: { $0.key == "document" }), let name = scalar(entry.value, "document") {
            if let known = vocabularies[name] {
                document = name
                vocabulary = known
            } else {
                report(
                    at: entry.value, "document",
                    "unknown document \"\(name)\"; use one of \(vocabularies.keys.sorted().joined(separator: ", "))")
            }
        } else if !top.contains(where: { $0.key == "document" }) {
            report(
                at: yaml.root, nil, "missing `document:` (one of \(vocabularies.keys.sorted().joined(separator: ", ")))"
            )
        }
        var sawBlocks = false
        for (key, value, _) in top {
            switch key {
            case "document": break
            case "page": readPage(value, into: &layout)
            case "header": layout.header = band(value, "header")
            case "footer": layout.footer = band(value, "footer")
            case "blocks":
                sawBlocks = true
                layout.blocks = blocks(value, "blocks", scope: .document)
            default:
                report(at: value, key, "unknown key; a layout has " + Self.topKeys.joined(separator: ", "))
            }
        }
        if !sawBlocks { report(at: yaml.root, "blocks", "missing: a layout needs at least one block") }
        guard let document, problems.isEmpty else { return nil }
        layout.document = document
        return layout
    }

    private mutating func readPage(_ node: Node, into layout: inout SheetLayout) {
        for (key, value, _) in pairs(node, key: "page") ?? [] {
            let path = "page." + key
            guard let text = scalar(value, path) else { continue }
            switch key {
            case "size":
                if let size = PageSize.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
                    layout.pageSize = size
                } else {
                    report(at: value, path, "should be A4 or Letter, not \"\(text)\"")
                }
            case "margin":
                if let points = Self.length(text), points >= 14, points <= 144 {
                    layout.margin = points
                } else {
                    report(at: value, path, "should be a length between 5mm and 50mm (like 18mm, 0.75in or 51pt)")
                }
            case "accent":
                if let colour = RGB(hex: text) {
                    layout.accent = colour
                } else {
                    report(at: value, path, "should be a colour like \"#17545f\"")
                }
            default:
                report(at: value, path, "unknown key; page has size, margin, accent")
            }
        }
    }

    /// `18mm`, `0.75in`, `51pt` or a bare number of points.
    static func length(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (unit, scale) in [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72.0), ("pt", 1.0)]
        where trimmed.hasSuffix(unit) {
            return Double(trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)).map { $0 * scale }
        }
        return Double(trimmed)
    }

    private mutating func band(_ node: Node, _ key: String) -> SheetLayout.Band {
        var band = SheetLayout.Band()
        for (place, value, _) in pairs(node, key: key) ?? [] {
            let path = key + "." + place
            switch place {
            case "left": band.left = template(value, path, scope: .band)
            case "centre", "center": band.centre = template(value, path, scope: .band)
            case "right": band.right = template(value, path, scope: .band)
            default: report(at: value, path, "unknown key; \(key) has left, centre, right")
            }
        }
        return band
    }

    private mutating func blocks(_ node: Node, _ key: String, scope: Scope) -> [LayoutBlock] {
        guard let items = node.sequence else {
            report(at: node, key, "should be a list of blocks, each line starting with \"- \"")
            return []
        }
        var result: [LayoutBlock] = []
        for (index, item) in items.enumerated() {
            let path = "\(key)[\(index + 1)]"
            if item.scalar != nil, item.string == "page_break" {
                result.append(.pageBreak)
                continue
            }
            guard let entries = pairs(item, key: path) else { continue }
            guard entries.count == 1, let (kind, value, _) = entries.first else {
                report(
                    at: item, path,
                    "each block has one kind (\(entries.map(\.key).joined(separator: ", ")) given); "
                        + "start another block with \"- \"")
                continue
            }
            if let block = block(kind, value, path + "." + kind, scope: scope) { result.append(block) }
        }
        return result
    }

    private mutating func block(_ kind: String, _ value: Node, _ path: String, scope: Scope) -> LayoutBlock? {
        switch kind {
        case "heading": return .heading(template(value, path, scope: scope))
        case "subheading": return .subheading(template(value, path, scope: scope))
        case "paragraph": return .paragraph(template(value, path, scope: scope))
        case "small_print": return .smallPrint(template(value, path, scope: scope))
        case "page_break": return .pageBreak
        case "keep_together": return .keepTogether(blocks(value, path, scope: scope))
        case "fields":
            return .fields(
                rows(value, path, keys: ["label", "value"]).map { row in
                    LabelledValue(
                        label: template(row.node("label"), path + ".label", scope: scope),
                        value: template(row.node("value"), path + ".value", scope: scope))
                })
        case "signatures":
            return .signatures(
                rows(value, path, keys: ["role", "name"]).map { row in
                    Signatory(
                        role: template(row.node("role"), path + ".role", scope: scope),
                        name: template(row.node("name"), path + ".name", scope: scope))
                })
        case "notes":
            let entries = settings(value, path, required: ["label", "text"], optional: [])
            guard let label = entries["label"], let text = entries["text"] else { return nil }
            return .notes(
                label: template(label, path + ".label", scope: scope),
                text: template(text, path + ".text", scope: scope))
        case "table":
            let entries = settings(value, path, required: ["list", "columns"], optional: ["empty"])
            guard let list = listName(entries["list"], path), let columnsNode = entries["columns"] else { return nil }
            let inner = Scope.list(list)
            let columns = rows(columnsNode, path + ".columns", keys: ["title", "value"], optional: ["width", "align"])
                .map { row in
                    var column = TableSpec.Column(
                        title: template(row.node("title"), path + ".title", scope: scope),
                        value: template(row.node("value"), path + ".value", scope: inner))
                    if let width = row.entries["width"], let text = scalar(width, path + ".width") {
                        if let share = Double(text), share > 0, share <= 20 {
                            column.width = share
                        } else {
                            report(
                                at: width, path + ".width", "should be a number from 0.1 to 20 (a share of the width)")
                        }
                    }
                    if let align = row.entries["align"], let text = scalar(align, path + ".align") {
                        if text == "right" || text == "left" {
                            column.alignRight = text == "right"
                        } else {
                            report(at: align, path + ".align", "should be left or right")
                        }
                    }
                    return column
                }
            if columns.isEmpty { report(at: columnsNode, path + ".columns", "a table needs at least one column") }
            let empty = entries["empty"].map { template($0, path + ".empty", scope: scope) }
            return .table(TableSpec(list: list, columns: columns, empty: empty ?? Self.nothingRecorded))
        case "chart":
            let entries = settings(
                value, path, required: ["list", "label", "value"], optional: ["title", "unit", "empty"])
            guard let list = listName(entries["list"], path), let label = entries["label"],
                let figure = entries["value"]
            else { return nil }
            let inner = Scope.list(list)
            return .chart(
                ChartSpec(
                    list: list,
                    title: entries["title"].map { template($0, path + ".title", scope: scope) } ?? Template(parts: []),
                    label: template(label, path + ".label", scope: inner),
                    value: template(figure, path + ".value", scope: inner),
                    unit: entries["unit"].flatMap { scalar($0, path + ".unit") } ?? "",
                    empty: entries["empty"].map { template($0, path + ".empty", scope: scope) }
                        ?? Self.nothingRecorded))
        case "repeat":
            let entries = settings(value, path, required: ["list", "blocks"], optional: ["empty"])
            guard let list = listName(entries["list"], path), let inner = entries["blocks"] else { return nil }
            return .repeatEach(
                list: list, blocks: blocks(inner, path + ".blocks", scope: .list(list)),
                empty: entries["empty"].map { template($0, path + ".empty", scope: scope) } ?? Self.nothingRecorded)
        default:
            report(at: value, path, "unknown block; use one of " + Self.blockKinds.joined(separator: ", "))
            return nil
        }
    }

    static let nothingRecorded = Template(parts: [.text("Nothing recorded.")])

    private mutating func listName(_ node: Node?, _ path: String) -> String? {
        guard let node, let name = scalar(node, path + ".list") else { return nil }
        guard vocabulary.lists[name] != nil else {
            report(at: node, path + ".list", "unknown list \"\(name)\"; this document has " + listNames)
            return nil
        }
        return name
    }

    private var listNames: String {
        vocabulary.lists.isEmpty ? "no lists" : vocabulary.lists.keys.sorted().joined(separator: ", ")
    }

    /// A block's settings, checked for missing and unknown keys.
    private mutating func settings(_ node: Node, _ path: String, required: [String], optional: [String])
        -> [String: Node]
    {
        guard let entries = pairs(node, key: path) else { return [:] }
        var found: [String: Node] = [:]
        for (key, value, _) in entries {
            if required.contains(key) || optional.contains(key) {
                found[key] = value
            } else {
                report(at: value, path + "." + key, "unknown key; use " + (required + optional).joined(separator: ", "))
            }
        }
        for key in required where found[key] == nil { report(at: node, path, "missing `\(key):`") }
        return found
    }

    private struct Row {
        var entries: [String: Node]
        var fallback: Node
        func node(_ key: String) -> Node { entries[key] ?? fallback }
    }

    /// A list of small mappings, each with `keys` (and maybe `optional`).
    private mutating func rows(_ node: Node, _ path: String, keys: [String], optional: [String] = []) -> [Row] {
        guard let items = node.sequence else {
            report(at: node, path, "should be a list, each item starting with \"- \"")
            return []
        }
        var rows: [Row] = []
        for (index, item) in items.enumerated() {
            let entries = settings(item, "\(path)[\(index + 1)]", required: keys, optional: optional)
            if keys.allSatisfy({ entries[$0] != nil }) { rows.append(Row(entries: entries, fallback: item)) }
        }
        return rows
    }
}
