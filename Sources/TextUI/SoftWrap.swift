/// One line as shown: characters `start..<end` of the text.
struct VisualLine: Equatable, Sendable {
    var start: Int
    var end: Int
    /// True for the last visual line of a line the person ended with Enter
    /// (or of the text): the cursor may sit at `end`. Otherwise `end` is the
    /// start of the next visual line, and the cursor there shows on it.
    var endsLine: Bool
}

/// Breaks text into visual lines by display width, at spaces when it can.
enum SoftWrap {
    /// The visual lines of `characters` in `width` columns. A space that
    /// does not fit hangs past the last column rather than starting the
    /// next line; a word wider than a line is broken.
    static func lines(_ characters: [Character], width: Int) -> [VisualLine] {
        var lines: [VisualLine] = []
        append(characters.map(TextCell.init), from: 0, width: width, to: &lines)
        return lines
    }

    /// Adds the visual lines of `characters` from `start`, the start of a
    /// line the person began (0, or just after a line break), to `lines`.
    static func append(_ characters: [TextCell], from start: Int, width: Int, to lines: inout [VisualLine]) {
        let width = max(1, width)
        var lineStart = start
        while true {
            let lineEnd = characters[lineStart...].firstIndex { $0.isLineBreak } ?? characters.count
            wrap(characters, from: lineStart, to: lineEnd, width: width, into: &lines)
            guard lineEnd < characters.count else { break }
            lineStart = lineEnd + 1
        }
    }

    private static func wrap(
        _ characters: [TextCell], from lineStart: Int, to lineEnd: Int, width: Int,
        into lines: inout [VisualLine]
    ) {
        var start = lineStart
        while true {
            var used = 0
            var index = start
            var lastBreak: Int?
            while index < lineEnd {
                let characterWidth = Int(characters[index].width)
                if used + characterWidth > width { break }
                used += characterWidth
                index += 1
                if characters[index - 1].isSpace { lastBreak = index }
            }
            if index == lineEnd {
                lines.append(VisualLine(start: start, end: lineEnd, endsLine: true))
                return
            }
            let end: Int
            if characters[index].isSpace {
                end = index + 1
            } else if let lastBreak, lastBreak > start {
                end = lastBreak
            } else {
                end = max(index, start + 1)
            }
            lines.append(VisualLine(start: start, end: end, endsLine: false))
            start = end
        }
    }
}
