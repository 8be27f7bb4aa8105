/// Which rows of a list taller than its area to show.
enum Scrolling {
    /// The first line to show: `current` if `line` is in view from there
    /// and no rows go spare at the bottom, else the nearest that brings it
    /// into view.
    static func top(keeping line: Int, visible rows: Int, lineCount: Int, near current: Int)
        -> Int
    {
        var first = min(current, max(0, lineCount - rows))
        if line < first { first = line }
        if line >= first + rows { first = line - rows + 1 }
        return max(0, first)
    }
}
