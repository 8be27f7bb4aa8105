/// A multi-line notes field, soft-wrapped, with its length limit in view.
///
/// Keys: Enter starts a new line; Tab, Shift-Tab and Esc are left to the
/// form. Up and Down move by visual line keeping the column, and are left to
/// the form on the first and last line; PgUp and PgDn move a page. Home/Ctrl-A
/// and End/Ctrl-E go to the start and end of the visual line. Ctrl-K deletes
/// to the end of the line (or joins the next line at its end), Ctrl-U to its
/// start, Ctrl-W the word before the cursor.
///
/// The text wraps at one column less than the area, keeping the last column
/// for the cursor; the area's bottom row shows the count, like `123/2000`.
/// `width` and `height` are the area's size, which moving up, down and by
/// page needs: keep them equal to the area drawn into.
public struct NotesArea: Sendable {
    private var buffer: TextBuffer
    public var width: Int {
        didSet { scrollToCursor() }
    }
    public var height: Int
    /// The visual lines at `width`, laid out again after every edit (and
    /// only then), from the start of the first line the edit changed.
    private var lines: [VisualLine] = []
    /// The width and character count `lines` were laid out for.
    private var laidOut = (width: 0, count: -1)
    /// What `redraw` last drew.
    private var drawing: Drawing?
    /// How many characters at the start of the text are the same as when
    /// `redraw` last drew.
    private var undrawnFrom = 0
    /// The column Up and Down keep to, across short lines.
    private var goalColumn: Int?
    /// The first visual line shown.
    private var top = 0

    public init(text: String = "", maxLength: Int = 2000, width: Int = 60, height: Int = 8) {
        buffer = TextBuffer(text: "", maxLength: maxLength)
        self.width = width
        self.height = height
        self.text = text
    }

    /// The notes. Setting them sanitizes them (keeping line breaks), cuts
    /// them to the limit and puts the cursor at the end.
    public var text: String {
        get { buffer.text }
        set {
            buffer.replace(with: Sanitizer.clean(newValue, keepNewlines: true))
            goalColumn = nil
            scrollToCursor()
        }
    }

    /// The most characters the field holds.
    public var maxLength: Int { buffer.maxLength }

    /// Whether the text is empty or only white space, without making a string of it.
    public var isBlank: Bool { buffer.isBlank }

    /// The cursor's position, in characters from the start.
    public var cursorIndex: Int { buffer.cursor }

    /// The cursor's visual line and column, wrapped at `width`.
    public var cursorPosition: (line: Int, column: Int) {
        Self.position(of: buffer.cursor, in: buffer.cells, lines: lines)
    }

    /// The text of each visual line, wrapped at `width`.
    public var visualLines: [String] {
        lines.map { String(buffer.characters[$0.start..<$0.end]) }
    }

    /// Edits the text for a key, or leaves the key to the form.
    public mutating func handle(_ key: Key) -> FieldOutcome {
        var outcome = FieldOutcome.handled
        var keepsGoal = false
        switch key {
        case let .character(character):
            guard Sanitizer.isClean(String(character)) else { return .ignored }
            outcome = buffer.insert(character)
        case .enter:
            outcome = buffer.insert("\n")
        case .backspace, .delete, .control("d"), .left, .right:
            _ = buffer.applySharedEdit(key)
        case .up, .down:
            guard moveVertically(by: key == .up ? -1 : 1, pastEdge: false) else { return .ignored }
            keepsGoal = true
        case .pageUp, .pageDown:
            let page = max(1, textRows(height: height) - 1)
            _ = moveVertically(by: key == .pageUp ? -page : page, pastEdge: true)
            keepsGoal = true
        case .home, .control("a"):
            buffer.cursor = currentLine.start
        case .end, .control("e"):
            let line = currentLine
            buffer.cursor = line.endsLine ? line.end : max(line.start, line.end - 1)
        case .control("k"):
            let end = lineEnd(from: buffer.cursor)
            buffer.delete(buffer.cursor..<(end == buffer.cursor ? end + 1 : end))
        case .control("u"):
            buffer.delete(lineStart(from: buffer.cursor)..<buffer.cursor)
        case .control("w"):
            buffer.deleteWordBackward()
        default:
            return .ignored
        }
        if !keepsGoal { goalColumn = nil }
        scrollToCursor()
        return outcome
    }

    /// What plain characters typed next would show, drawn focused in `area`:
    /// nil unless they go at the end of the text, on a line with room to
    /// spare, in a field that is not full, so that nothing else moves. The
    /// plan's `room` is how many fit so; it does not hold them (`holding`).
    public func echoAhead(at area: Rect) -> EchoAhead? {
        let count = buffer.characters.count
        guard area.width == width, area.height > 1, buffer.cursor == count, count < buffer.maxLength,
            laidOut == (width, count), !lines.isEmpty
        else { return nil }
        let cursor = Self.position(of: buffer.cursor, in: buffer.cells, lines: lines)
        // The text wraps one column short of the area: a character in the last
        // column but one would wrap, and may take its word with it.
        guard cursor.column + 2 < area.width else { return nil }
        let first = Scrolling.top(
            keeping: cursor.line, visible: textRows(height: area.height), lineCount: lines.count, near: top)
        return EchoAhead(
            row: area.row + cursor.line - first, column: area.column + cursor.column, characters: count,
            maxLength: buffer.maxLength, countRow: area.row + area.height - 1, countEnd: area.column + area.width,
            countWidth: area.width, room: min(area.width - 2 - cursor.column, buffer.maxLength - count))
    }

    /// The count as the area's bottom row shows it (`123/2000`), and the column it starts at, right-aligned.
    private func countLabel(_ count: Int, in area: Rect) -> (text: String, column: Int) {
        let text = String(decoding: EchoAhead.countLabel(count, of: buffer.maxLength), as: UTF8.self)
        return (text, area.column + area.width - min(DisplayWidth.of(text), area.width))
    }

    /// Draws the visible lines and the count; focused, it shows the cursor.
    public func draw(into screen: inout Screen, at area: Rect, focused: Bool) {
        _ = paint(into: &screen, at: area, focused: focused, over: nil)
    }

    /// Draws the notes on a screen that still shows what the last `redraw`
    /// drew in `area`, rewriting only the rows that changed since: drawing a
    /// key typed costs a row and the count, however long the notes. The first
    /// time, in another area or after `forgetDrawing()` it draws them whole.
    public mutating func redraw(into screen: inout Screen, at area: Rect, focused: Bool) {
        let previous = drawing.flatMap { $0.area == area ? ($0, undrawnFrom) : nil }
        drawing = paint(into: &screen, at: area, focused: focused, over: previous)
        undrawnFrom = buffer.characters.count
    }

    /// Makes the next `redraw` draw the notes whole: the screen it draws on
    /// no longer shows the last drawing.
    public mutating func forgetDrawing() {
        drawing = nil
    }

    /// What `redraw` drew: the area, the visual line on each row, the count.
    private struct Drawing: Sendable {
        var area: Rect
        var shown: [VisualLine]
        var count: String
    }

    /// Draws the notes into `area`; over an earlier drawing (and the number
    /// of characters unchanged since it), only the rows that differ.
    private func paint(
        into screen: inout Screen, at area: Rect, focused: Bool, over previous: (Drawing, unchanged: Int)?
    ) -> Drawing? {
        guard area.width > 0, area.height > 0 else { return nil }
        if previous == nil { screen.fill(area) }
        let lines = area.width == width ? lines : layout(width: area.width)
        let rows = textRows(height: area.height)
        let cursor = Self.position(of: buffer.cursor, in: buffer.cells, lines: lines)
        let first = Scrolling.top(
            keeping: cursor.line, visible: rows, lineCount: lines.count, near: top)
        let shown = Array(lines[min(first, lines.count)..<min(first + rows, lines.count)])
        for row in 0..<rows {
            let line = row < shown.count ? shown[row] : nil
            if let (drawn, unchanged) = previous {
                // A row showing the same characters as before, none of them edited, stays.
                let old = row < drawn.shown.count ? drawn.shown[row] : nil
                if old == line, (line?.end ?? 0) <= unchanged { continue }
                screen.fill(row: area.row + row, column: area.column, width: area.width)
            }
            if let line {
                screen.put(
                    buffer.characters[line.start..<line.end], row: area.row + row, column: area.column,
                    width: area.width)
            }
        }
        var count = ""
        if area.height > 1 {
            let label = countLabel(buffer.characters.count, in: area)
            count = label.text
            if let (drawn, _) = previous, drawn.count != count {
                screen.fill(row: area.row + area.height - 1, column: area.column, width: area.width)
            }
            if previous?.0.count != count {
                screen.put(count, row: area.row + area.height - 1, column: label.column, style: .dim)
            }
        }
        if focused {
            screen.cursor = (area.row + cursor.line - first, area.column + cursor.column)
        }
        return Drawing(area: area, shown: shown, count: count)
    }

    /// Inserts pasted text at the cursor, line breaks included, keeping
    /// what fits and saying what did not. The text goes in a scalar at a
    /// time, exactly as if it had been typed key by key, and is laid out
    /// once at the end, so a long paste costs one layout, not one a key.
    public mutating func insert(_ text: String) -> FieldOutcome {
        var outcome = FieldOutcome.handled
        for scalar in Sanitizer.clean(text, keepNewlines: true).unicodeScalars {
            if case .rejected = buffer.insert(Character(scalar)) { outcome = .rejected(buffer.limitMessage) }
        }
        goalColumn = nil
        scrollToCursor()
        return outcome
    }

    // MARK: Layout

    private func layout(width: Int) -> [VisualLine] {
        var lines: [VisualLine] = []
        SoftWrap.append(buffer.cells, from: 0, width: width - 1, to: &lines)
        return lines
    }

    /// Lays out the lines again at `width`: the lines of the person's lines
    /// (paragraphs) before the first changed character are kept, the rest
    /// are wrapped afresh.
    private mutating func layOut() {
        let count = buffer.characters.count
        let unchanged = min(buffer.unchangedPrefix, count)
        buffer.noteUnchanged()
        undrawnFrom = min(undrawnFrom, unchanged)
        if laidOut.width != width {
            lines = layout(width: width)
        } else if unchanged < count || laidOut.count != count {
            let paragraph = buffer.cells[..<unchanged].lastIndex { $0.isLineBreak }.map { $0 + 1 } ?? 0
            lines.removeSubrange(lines.prefix { $0.end < paragraph }.count...)
            SoftWrap.append(buffer.cells, from: paragraph, width: width - 1, to: &lines)
        }
        laidOut = (width, count)
    }

    private func textRows(height: Int) -> Int {
        height > 1 ? height - 1 : 1
    }

    private var currentLine: VisualLine {
        lines[Self.lineIndex(of: buffer.cursor, in: lines)]
    }

    static func lineIndex(of index: Int, in lines: [VisualLine]) -> Int {
        lines.firstIndex {
            $0.start <= index && (index < $0.end || ($0.endsLine && index == $0.end))
        } ?? max(0, lines.count - 1)
    }

    static func position(
        of index: Int, in cells: [TextCell], lines: [VisualLine]
    ) -> (line: Int, column: Int) {
        let line = lineIndex(of: index, in: lines)
        let start = lines[line].start
        let column = cells[start..<max(start, index)].reduce(0) { $0 + Int($1.width) }
        return (line, column)
    }

    /// Lays the text out again and scrolls to keep the cursor in view:
    /// every edit ends here.
    private mutating func scrollToCursor() {
        layOut()
        top = Scrolling.top(
            keeping: cursorPosition.line, visible: textRows(height: height), lineCount: lines.count, near: top)
    }

    /// Moves the cursor `delta` visual lines, keeping the goal column. At
    /// the first or last line it stays put and returns false, unless
    /// `pastEdge`, when it goes to the start or end of the text.
    private mutating func moveVertically(by delta: Int, pastEdge: Bool) -> Bool {
        let here = Self.position(of: buffer.cursor, in: buffer.cells, lines: lines)
        let goal = goalColumn ?? here.column
        let target = min(max(here.line + delta, 0), lines.count - 1)
        guard target != here.line else {
            guard pastEdge else { return false }
            buffer.cursor = delta < 0 ? 0 : buffer.characters.count
            return true
        }
        goalColumn = goal
        let line = lines[target]
        let last = line.endsLine ? line.end : max(line.start, line.end - 1)
        var index = line.start
        var column = 0
        while index < last {
            let characterWidth = Int(buffer.cells[index].width)
            if column + characterWidth > goal { break }
            column += characterWidth
            index += 1
        }
        buffer.cursor = index
        return true
    }

    private func lineStart(from index: Int) -> Int {
        buffer.cells[..<index].lastIndex { $0.isLineBreak }.map { $0 + 1 } ?? 0
    }

    private func lineEnd(from index: Int) -> Int {
        buffer.cells[index...].firstIndex { $0.isLineBreak } ?? buffer.cells.count
    }
}
