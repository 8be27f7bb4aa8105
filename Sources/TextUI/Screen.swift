/// What a terminal should show: a grid of cells and where the cursor is.
///
/// Everything written is sanitized and clipped, so no control character
/// reaches a cell and nothing is written outside the grid.
public struct Screen: Equatable, Sendable {
    private struct Position: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    public let width: Int
    public let height: Int
    /// Row by row, a `CellCode` each: a frame is made for every key, and
    /// codes cost a fill to make and nothing to free.
    private(set) var codes: [UInt32]
    /// The characters of more than one scalar, by cell index.
    private(set) var clusters: [Int: Character] = [:]
    private var cursorPosition: Position?
    /// The rows written since a renderer last drew this screen.
    private(set) var touchedRows: Range<Int> = 0..<0
    /// The drawing this screen was last rendered as: the renderer that made
    /// it compares only `touchedRows` against what the terminal shows.
    private(set) var drawing: ANSIRenderer.Drawing?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        codes = Array(repeating: CellCode.blank, count: self.width * self.height)
    }

    /// Two screens are the same when they show the same: what was last drawn of them is no matter.
    public static func == (left: Screen, right: Screen) -> Bool {
        left.width == right.width && left.height == right.height && left.cursorPosition == right.cursorPosition
            && left.codes == right.codes && left.clusters == right.clusters
    }

    /// Notes that `row` may have changed since the screen was drawn.
    private mutating func touch(_ row: Int) {
        touchedRows =
            touchedRows.isEmpty
            ? row..<(row + 1) : min(touchedRows.lowerBound, row)..<max(touchedRows.upperBound, row + 1)
    }

    /// The screen as the renderer left it: drawn as `drawing`, nothing touched since.
    mutating func markDrawn(as drawing: ANSIRenderer.Drawing) {
        self.drawing = drawing
        touchedRows = 0..<0
    }

    /// Where the cursor shows, or nil when it is hidden. A position off the
    /// screen is moved onto its nearest edge.
    public var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0.row, $0.column) } }
        set {
            guard let newValue, width > 0, height > 0 else {
                cursorPosition = nil
                return
            }
            cursorPosition = Position(
                row: min(max(newValue.row, 0), height - 1),
                column: min(max(newValue.column, 0), width - 1))
        }
    }

    /// The cell at a position; a blank one off the screen.
    public subscript(row: Int, column: Int) -> Cell {
        guard contains(row: row, column: column) else { return .blank }
        let index = row * width + column
        return CellCode.cell(codes[index], cluster: clusters[index])
    }

    /// Writes `text` from a position, sanitized and clipped at the screen's
    /// edge or after `width` columns, whichever comes first. A wide
    /// character that would not fit whole is left out. Returns the column
    /// after the last one written.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: Style = .plain, width: Int? = nil
    ) -> Int {
        let limit = min(self.width, width.map { column + max(0, $0) } ?? self.width)
        var next = column
        guard (0..<height).contains(row) else { return next }
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            // Printable ASCII, most of what a screen says: nothing to clean,
            // one column a character. The same cells as below, without the
            // grapheme and width look-ups (a frame is drawn for every key).
            for byte in text.utf8 {
                if next + 1 > limit { break }
                if next >= 0 { set(UInt32(byte), width: 1, style: style, row: row, column: next) }
                next += 1
            }
            return next
        }
        if text.unicodeScalars.allSatisfy(Self.standsAlone) {
            // Letters, punctuation, arrows, box drawing: every scalar a character of its own.
            for scalar in text.unicodeScalars {
                let characterWidth = DisplayWidth.of(scalar)
                if next + characterWidth > limit { break }
                if next >= 0 { set(scalar.value, width: characterWidth, style: style, row: row, column: next) }
                next += characterWidth
            }
            return next
        }
        return put(
            characters: Sanitizer.isClean(text) ? text : Sanitizer.clean(text), from: next, limit: limit, row: row,
            style: style)
    }

    /// Writes characters (a notes field's, already cleaned) as `put` writes
    /// text, without making a string of them first. A control character
    /// takes no column and is left out.
    @discardableResult
    public mutating func put(
        _ characters: some Collection<Character>, row: Int, column: Int, style: Style = .plain, width: Int? = nil
    ) -> Int {
        let limit = min(self.width, width.map { column + max(0, $0) } ?? self.width)
        guard (0..<height).contains(row) else { return column }
        return put(characters: characters, from: column, limit: limit, row: row, style: style)
    }

    private mutating func put(
        characters: some Sequence<Character>, from column: Int, limit: Int, row: Int, style: Style
    ) -> Int {
        var next = column
        for character in characters {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if next + characterWidth > limit { break }
            if next >= 0 {
                set(character, width: characterWidth, style: style, row: row, column: next)
            } else {
                for partial in max(0, next)..<max(0, next + characterWidth) {
                    set(0x20, width: 1, style: style, row: row, column: partial)
                }
            }
            next += characterWidth
        }
        return next
    }

    /// Blanks `width` cells of a row in `style`, clipped to the screen, or
    /// fills them with a character of one column (a rule: "─").
    public mutating func fill(
        row: Int, column: Int, width: Int, style: Style = .plain, with character: Character = " "
    ) {
        guard (0..<height).contains(row) else { return }
        var scalar: UInt32 = 0x20
        if character != " " {
            var scalars = character.unicodeScalars.makeIterator()
            scalar = scalars.next()?.value ?? 0x20
            if scalars.next() != nil || DisplayWidth.of(character) != 1 || !Sanitizer.isClean(String(character)) {
                scalar = 0x20
            }
        }
        let from = max(0, column)
        let to = max(from, min(self.width, column + width))
        guard from < to else { return }
        let start = row * self.width
        touch(row)
        // A wide character with one half in the run is blanked whole.
        if from > 0, CellCode.isContinuation(codes[start + from]) {
            store(CellCode.space(styled: codes[start + from - 1]), at: start + from - 1)
        }
        if to < self.width, CellCode.isContinuation(codes[start + to]) {
            store(CellCode.space(styled: codes[start + to]), at: start + to)
        }
        let run = (start + from)..<(start + to)
        if !clusters.isEmpty {
            for index in run where CellCode.isCluster(codes[index]) { clusters[index] = nil }
        }
        let code = UInt32(style.rawValue) << 21 | scalar
        codes.withUnsafeMutableBufferPointer { cells in
            for index in run { cells[index] = code }
        }
    }

    /// A printable scalar that is a character on its own, whatever is next to
    /// it, and takes one column: no control, combining mark, joiner, variation
    /// selector or emoji.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: true
        case 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x25FC, 0x2713, 0x2717: true
        default: false
        }
    }

    /// Blanks a rectangle in `style`, clipped to the screen.
    public mutating func fill(_ area: Rect, style: Style = .plain) {
        for row in area.row..<max(area.row, area.row + area.height) {
            fill(row: row, column: area.column, width: area.width, style: style)
        }
    }

    /// Blanks the whole screen and hides the cursor.
    public mutating func clear() {
        codes = Array(repeating: CellCode.blank, count: width * height)
        clusters = [:]
        cursorPosition = nil
        touchedRows = 0..<height
    }

    /// Whether a row shows the same as on `other`, a screen of the same
    /// size: most rows of a frame do, and comparing them whole is quicker
    /// than cell by cell.
    func sameRow(_ row: Int, as other: Screen) -> Bool {
        let range = (row * width)..<(row * width + width)
        let equal = codes.withUnsafeBufferPointer { mine in
            other.codes.withUnsafeBufferPointer { theirs in
                for index in range where mine[index] != theirs[index] { return false }
                return true
            }
        }
        guard equal else { return false }
        return clusters.isEmpty && other.clusters.isEmpty
            || range.allSatisfy { !CellCode.isCluster(codes[$0]) || clusters[$0] == other.clusters[$0] }
    }

    /// Whether cell `index` (row by row) shows the same as on `other`.
    func sameCell(_ index: Int, as other: Screen) -> Bool {
        let code = codes[index]
        guard code == other.codes[index] else { return false }
        return !CellCode.isCluster(code) || clusters[index] == other.clusters[index]
    }

    /// Takes a row as `other`, a screen of the same size, has it.
    mutating func copyRow(_ row: Int, from other: Screen) {
        let range = (row * width)..<(row * width + width)
        codes.replaceSubrange(range, with: other.codes[range])
        if !clusters.isEmpty || !other.clusters.isEmpty {
            for index in range { clusters[index] = other.clusters[index] }
        }
        touch(row)
    }

    /// A row's text with trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        guard (0..<height).contains(row) else { return "" }
        var text = ""
        for column in 0..<width where !self[row, column].isContinuation {
            text.append(self[row, column].character)
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row's text, one line each.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    private func contains(row: Int, column: Int) -> Bool {
        (0..<height).contains(row) && (0..<width).contains(column)
    }

    /// Writes one character, blanking what is left of any wide character it
    /// overwrites half of.
    private mutating func set(
        _ character: Character, width characterWidth: Int, style: Style, row: Int, column: Int
    ) {
        let (code, cluster) = CellCode.code(character, style: style)
        set(code: code, cluster: cluster, width: characterWidth, row: row, column: column)
    }

    /// Writes one character of one scalar.
    private mutating func set(_ scalar: UInt32, width characterWidth: Int, style: Style, row: Int, column: Int) {
        set(
            code: UInt32(style.rawValue) << 21 | scalar, cluster: nil, width: characterWidth, row: row,
            column: column)
    }

    private mutating func set(code: UInt32, cluster: Character?, width characterWidth: Int, row: Int, column: Int) {
        let start = row * width
        touch(row)
        for covered in column..<(column + characterWidth) {
            let index = start + covered
            if CellCode.isContinuation(codes[index]), covered > 0 {
                store(CellCode.space(styled: codes[index - 1]), at: index - 1)
            }
            if covered + 1 < width, CellCode.isContinuation(codes[index + 1]) {
                store(CellCode.space(styled: codes[index + 1]), at: index + 1)
            }
        }
        store(code, at: start + column, cluster: cluster)
        if characterWidth == 2 {
            store(CellCode.space(styled: code) | CellCode.continuation, at: start + column + 1)
        }
    }

    private mutating func store(_ code: UInt32, at index: Int, cluster: Character? = nil) {
        if CellCode.isCluster(codes[index]) || cluster != nil { clusters[index] = cluster }
        codes[index] = code
    }
}
