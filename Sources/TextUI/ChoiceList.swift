import Foundation

/// Pick one of several labelled options, such as the kind of a session.
///
/// Keys: Up and Down (left to the form at the first and last option), Home,
/// End, PgUp and PgDn; typing a letter or digit jumps to the next option
/// whose label starts with it. The selection shows in reverse video when
/// focused. `height` is the number of rows shown, which paging needs: keep
/// it equal to the area drawn into.
public struct ChoiceList: Sendable {
    public let options: [(value: String, label: String)]
    /// The selected option's position in `options`.
    public private(set) var selectedIndex: Int?
    public var height: Int
    /// The first option shown.
    private var top = 0

    public init(options: [(value: String, label: String)], selected: String?, height: Int = 8) {
        self.options = options
        self.height = height
        selectedIndex = selected.flatMap { value in options.firstIndex { $0.value == value } }
        scrollToSelection()
    }

    /// The selected option's value; setting an unknown value selects nothing.
    public var selectedValue: String? {
        get { selectedIndex.map { options[$0].value } }
        set {
            selectedIndex = newValue.flatMap { value in options.firstIndex { $0.value == value } }
            scrollToSelection()
        }
    }

    /// The selected option's label, or "".
    public var text: String {
        selectedIndex.map { options[$0].label } ?? ""
    }

    /// Moves the selection for a key, or leaves the key to the form.
    public mutating func handle(_ key: Key) -> FieldOutcome {
        guard !options.isEmpty else { return .ignored }
        let last = options.count - 1
        let page = max(1, height - 1)
        switch key {
        case .up:
            guard let index = selectedIndex else { return select(0) }
            guard index > 0 else { return .ignored }
            return select(index - 1)
        case .down:
            guard let index = selectedIndex else { return select(0) }
            guard index < last else { return .ignored }
            return select(index + 1)
        case .home:
            return select(0)
        case .end:
            return select(last)
        case .pageUp:
            return select(max(0, (selectedIndex ?? 0) - page))
        case .pageDown:
            return select(min(last, (selectedIndex ?? -1) + page))
        case let .character(character) where character.isLetter || character.isNumber:
            let start = (selectedIndex ?? -1) + 1
            for offset in 0..<options.count {
                let index = (start + offset) % options.count
                if Self.folded(options[index].label.first) == Self.folded(character) {
                    return select(index)
                }
            }
            return .handled
        default:
            return .ignored
        }
    }

    /// Draws the options that fit in `area`, with arrows at the right edge
    /// when there are more above or below; focused, it shows the cursor on
    /// the selection.
    public func draw(into screen: inout Screen, at area: Rect, focused: Bool) {
        guard area.width > 0, area.height > 0 else { return }
        screen.fill(area)
        let first = Scrolling.top(
            keeping: selectedIndex ?? 0, visible: area.height, lineCount: options.count, near: top)
        for row in 0..<area.height where first + row < options.count {
            let index = first + row
            let isSelected = index == selectedIndex
            let style: Style = isSelected ? (focused ? .reverse : .bold) : .plain
            let label = Sanitizer.truncate(
                Sanitizer.clean(options[index].label), toWidth: max(0, area.width - 3))
            if isSelected {
                screen.fill(
                    row: area.row + row, column: area.column, width: area.width - 1,
                    style: style)
            }
            screen.put(
                (isSelected ? "> " : "  ") + label, row: area.row + row, column: area.column,
                style: style, width: area.width - 1)
            if isSelected, focused {
                screen.cursor = (area.row + row, area.column)
            }
        }
        let hintColumn = area.column + area.width - 1
        if first > 0 {
            screen.put("↑", row: area.row, column: hintColumn, style: .dim)
        }
        if first + area.height < options.count {
            screen.put("↓", row: area.row + area.height - 1, column: hintColumn, style: .dim)
        }
    }

    private mutating func select(_ index: Int) -> FieldOutcome {
        selectedIndex = index
        scrollToSelection()
        return .handled
    }

    private mutating func scrollToSelection() {
        top = Scrolling.top(
            keeping: selectedIndex ?? 0, visible: max(1, height), lineCount: options.count,
            near: top)
    }

    private static func folded(_ character: Character?) -> String {
        guard let character else { return "" }
        return String(character).folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
