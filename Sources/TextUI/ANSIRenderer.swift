import Synchronization

/// Turns screens into the bytes an ANSI terminal (VT100 and later) needs.
///
/// The first frame, a frame after `invalidate()` and a frame of another size
/// repaint everything; later frames send only the cells that changed. The
/// bottom-right cell is never written, since writing it scrolls some
/// terminals: keep it blank.
///
/// What the terminal shows is kept as a screen of the renderer's own, 4
/// bytes a cell: every session keeps one for as long as it lasts. A screen the
/// renderer drew, changed in place and drawn again is compared only on the
/// rows written since.
public struct ANSIRenderer: Sendable {
    /// One frame a renderer sent. A screen rendered again by the renderer
    /// that last drew it is compared only on the rows written since.
    struct Drawing: Equatable, Sendable {
        var renderer: UInt64
        var number: Int
    }

    /// What the terminal shows, kept apart from the screens drawn so that a
    /// screen can be changed in place and drawn again without a copy.
    private var shown: Screen?
    private let identity = renderers.add(1, ordering: .relaxed).newValue
    private var lastDrawing: Drawing?
    /// Where the last frame (or an echo ahead) left the terminal's cursor.
    private var cursor: (row: Int, column: Int)?
    /// Rows an echo ahead wrote since the last frame: compared in the next.
    private var echoedRows: Range<Int>?

    public init() {}

    /// Makes the next frame a full repaint, for when something else has
    /// written to the terminal.
    public mutating func invalidate() {
        shown = nil
        cursor = nil
        echoedRows = nil
    }

    /// The terminal's line has echoed `text`, a run of plain characters, as
    /// `ahead` said: the terminal now shows them, the count after the last,
    /// and the cursor after it.
    public mutating func noteEchoedAhead(_ text: String, as ahead: EchoAhead) {
        guard !text.isEmpty, var terminal = shown.take() else { return }
        let count = ahead.count(after: text.count - 1)
        terminal.put(text, row: ahead.row, column: ahead.column)
        terminal.put(count.text, row: ahead.countRow, column: count.column, style: .dim)
        shown = terminal
        cursor = (ahead.row, ahead.column + text.count)
        let rows = min(ahead.row, ahead.countRow)..<(max(ahead.row, ahead.countRow) + 1)
        echoedRows = echoedRows.map { Self.spanning($0, rows) } ?? rows
    }

    /// The bytes that turn the last frame sent into `screen`.
    public mutating func render(_ screen: Screen) -> [UInt8] {
        var screen = screen
        return render(&screen)
    }

    /// The bytes that turn the last frame sent into `screen`, which is
    /// marked as drawn: if it is changed and rendered again, only the rows
    /// written since are compared.
    public mutating func render(_ screen: inout Screen) -> [UInt8] {
        var output = Output(width: screen.width)
        var changed = true
        if var terminal = shown.take(), terminal.width == screen.width, terminal.height == screen.height {
            var rows = screen.drawing != nil && screen.drawing == lastDrawing ? screen.touchedRows : 0..<screen.height
            if let echoed = echoedRows { rows = rows.isEmpty ? echoed : Self.spanning(rows, echoed) }
            changed = false
            for row in rows where !terminal.sameRow(row, as: screen) {
                if !changed {
                    output.append("\u{1B}[?25l")
                    changed = true
                }
                update(row: row, from: terminal, to: screen, into: &output)
                terminal.copyRow(row, from: screen)
            }
            shown = terminal
        } else {
            output.append("\u{1B}[0m\u{1B}[2J\u{1B}[H\u{1B}[?25l")
            output.position = (0, 0)
            let cleared = Screen(width: screen.width, height: screen.height)
            for row in 0..<screen.height {
                update(row: row, from: cleared, to: screen, into: &output)
            }
            shown = screen
        }
        echoedRows = nil
        if output.style != .plain {
            output.select(.plain)
        }
        let drawing = Drawing(renderer: identity, number: (lastDrawing?.number ?? 0) + 1)
        lastDrawing = drawing
        screen.markDrawn(as: drawing)
        if !changed, let cursor, let wanted = screen.cursor, cursor == wanted {
            // Nothing to send: an echo ahead already showed all of it.
            return []
        }
        cursor = screen.cursor
        if let cursor = screen.cursor {
            output.append("\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h")
        } else {
            output.append("\u{1B}[?25l")
        }
        return output.bytes
    }

    /// The rows from the first of `a` and `b` to the last of either.
    private static func spanning(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
        min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }

    /// The last column of `row` that may be written.
    private func lastWritableColumn(row: Int, of screen: Screen) -> Int {
        row == screen.height - 1 ? screen.width - 2 : screen.width - 1
    }

    private func update(row: Int, from old: Screen, to screen: Screen, into output: inout Output) {
        let last = lastWritableColumn(row: row, of: screen)
        let base = row * screen.width
        var column = 0
        while column <= last {
            guard !old.sameCell(base + column, as: screen) else {
                column += 1
                continue
            }
            let start = column
            var end = column
            var unchanged = 0
            column += 1
            // Unchanged cells in a short gap cost less to rewrite than to skip.
            while column <= last, unchanged < 4 {
                if !old.sameCell(base + column, as: screen) {
                    end = column
                    unchanged = 0
                } else {
                    unchanged += 1
                }
                column += 1
            }
            column = end + 1
            write(row: row, columns: start...end, of: screen, into: &output)
        }
    }

    /// Writes the characters covering `columns`, whole: a run that starts on
    /// the second half of a wide character starts at its first half.
    private func write(
        row: Int, columns: ClosedRange<Int>, of screen: Screen, into output: inout Output
    ) {
        var column = columns.lowerBound
        if screen[row, column].isContinuation, column > 0 { column -= 1 }
        let last = lastWritableColumn(row: row, of: screen)
        while column <= columns.upperBound {
            let cell = screen[row, column]
            guard !cell.isContinuation else {
                column += 1
                continue
            }
            let width = screen[row, column + 1].isContinuation ? 2 : 1
            guard column + width - 1 <= last else { return }
            output.move(row: row, column: column)
            if cell.style != output.style { output.select(cell.style) }
            output.put(cell.character, width: width)
            column += width
        }
    }
}

/// Numbers the renderers, so that a screen knows which one drew it.
private let renderers = Atomic<UInt64>(0)

/// The bytes of one frame and where they leave the terminal.
private struct Output {
    let width: Int
    var bytes: [UInt8] = []
    var style = Style.plain
    /// Where the terminal's cursor is, if known.
    var position: (row: Int, column: Int)?

    init(width: Int) {
        self.width = width
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func move(row: Int, column: Int) {
        if let position, position == (row, column) { return }
        bytes.appendCursorMove(row: row, column: column)
        position = (row, column)
    }

    mutating func select(_ newStyle: Style) {
        // ESC [ 0 ; parameters m: a reset, then the style's attributes.
        bytes.append(contentsOf: [0x1B, 0x5B, 0x30])
        for (attribute, parameter): (Style, UInt8) in [
            (.bold, 0x31), (.dim, 0x32), (.underline, 0x34), (.reverse, 0x37),
        ]
        where newStyle.contains(attribute) {
            bytes.append(contentsOf: [0x3B, parameter])
        }
        bytes.append(0x6D)
        style = newStyle
    }

    /// Writes a cell's character, or a space if it could hold anything a
    /// terminal would act on.
    mutating func put(_ character: Character, width: Int) {
        if let ascii = character.asciiValue, (0x20...0x7E).contains(ascii) {
            bytes.append(ascii)
        } else if Sanitizer.isClean(String(character)) {
            append(String(character))
        } else {
            append(String(repeating: " ", count: width))
        }
        if let position, position.column + width < self.width {
            self.position = (position.row, position.column + width)
        } else {
            position = nil
        }
    }
}
