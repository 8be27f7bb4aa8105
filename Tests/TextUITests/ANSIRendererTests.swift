import Testing

@testable import TextUI

@Suite("Rendering screens for an ANSI terminal")
struct ANSIRendererTests {
    static func sample() -> Screen {
        var screen = Screen(width: 20, height: 4)
        screen.put("Coaching Kiosk", row: 0, column: 0, style: .reverse)
        screen.put("Siân", row: 2, column: 3, style: [.bold, .underline])
        screen.put("中文", row: 3, column: 5, style: .dim)
        screen.cursor = (2, 7)
        return screen
    }

    @Test("the first frame clears the screen and paints every row")
    func firstFrame() {
        var renderer = ANSIRenderer()
        let output = renderer.render(Self.sample()).text
        #expect(output.hasPrefix("\u{1B}[0m\u{1B}[2J\u{1B}[H"))
        #expect(output.contains("\u{1B}[0;7mCoaching Kiosk"))
        #expect(output.contains("\u{1B}[3;4H\u{1B}[0;1;4mSiân"))
        #expect(output.contains("\u{1B}[4;6H\u{1B}[0;2m中文"))
        #expect(output.hasSuffix("\u{1B}[3;8H\u{1B}[?25h"))
    }

    @Test("an unchanged frame sends nothing, or only the cursor when it moved or hid")
    func unchangedFrame() {
        var renderer = ANSIRenderer()
        _ = renderer.render(Self.sample())
        #expect(renderer.render(Self.sample()).isEmpty)
        var moved = Self.sample()
        moved.cursor = (1, 2)
        #expect(renderer.render(moved).text == "\u{1B}[2;3H\u{1B}[?25h")
        var hidden = Self.sample()
        hidden.cursor = nil
        #expect(renderer.render(hidden).text == "\u{1B}[?25l")
    }

    @Test("a one-cell change sends a short update")
    func oneCell() {
        var renderer = ANSIRenderer()
        _ = renderer.render(Self.sample())
        var changed = Self.sample()
        changed.put("x", row: 1, column: 10)
        let output = renderer.render(changed).text
        #expect(output == "\u{1B}[?25l\u{1B}[2;11Hx\u{1B}[3;8H\u{1B}[?25h")
    }

    @Test("a changed cell is written in its style, and the style is reset after")
    func styledChange() {
        var renderer = ANSIRenderer()
        _ = renderer.render(Self.sample())
        var changed = Self.sample()
        changed.put("Zoë", row: 2, column: 3, style: .bold)
        let output = renderer.render(changed).text
        #expect(output == "\u{1B}[?25l\u{1B}[3;4H\u{1B}[0;1mZoë\u{1B}[0m\u{1B}[3;8H\u{1B}[?25h")
        #expect(output.count < 50)
    }

    @Test("changing half a wide character rewrites the whole character")
    func wideChange() {
        var renderer = ANSIRenderer()
        var screen = Screen(width: 10, height: 3)
        screen.put("中文", row: 1, column: 0)
        _ = renderer.render(screen)
        screen.put("x", row: 1, column: 1)
        let output = renderer.render(screen).text
        #expect(output.contains("\u{1B}[2;1H x"))
    }

    @Test("a new size, or invalidate(), repaints everything")
    func repaint() {
        var renderer = ANSIRenderer()
        _ = renderer.render(Self.sample())
        renderer.invalidate()
        #expect(renderer.render(Self.sample()).text.hasPrefix("\u{1B}[0m\u{1B}[2J\u{1B}[H"))
        var bigger = Screen(width: 30, height: 5)
        bigger.put("x", row: 0, column: 0)
        #expect(renderer.render(bigger).text.hasPrefix("\u{1B}[0m\u{1B}[2J\u{1B}[H"))
    }

    @Test("a screen changed in place and drawn again sends what comparing it whole would send")
    func drawnInPlace() {
        var random = SplitMix64(seed: 5)
        var incremental = ANSIRenderer()
        var whole = ANSIRenderer()
        var screen = Self.sample()
        _ = whole.render(screen)
        _ = incremental.render(&screen)
        let words = ["a", "Siân", "中文", "e\u{301}", "GROWTH", " ", "✓"]
        for step in 0..<2000 {
            let row = Int.random(in: 0..<4, using: &random)
            let column = Int.random(in: -1..<20, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0: screen.fill(row: row, column: column, width: Int.random(in: 0..<8, using: &random))
            case 1: screen.cursor = Bool.random(using: &random) ? nil : (row, max(0, column))
            case 2: screen.clear()
            default:
                screen.put(
                    words[Int.random(in: 0..<words.count, using: &random)], row: row, column: column,
                    style: Bool.random(using: &random) ? .plain : .bold)
            }
            guard Int.random(in: 0..<3, using: &random) == 0 else { continue }
            // A copy carries no drawing of `whole`'s: it is compared row by row, all of it.
            let expected = whole.render(screen)
            #expect(incremental.render(&screen) == expected, "step \(step)")
        }
    }

    @Test("a screen from an older drawing is compared whole: the terminal has moved on since")
    func olderDrawing() {
        var renderer = ANSIRenderer()
        var screen = Self.sample()
        _ = renderer.render(&screen)
        var older = screen
        screen.put("new", row: 1, column: 0)
        _ = renderer.render(&screen)
        older.put("!", row: 3, column: 0)
        let output = renderer.render(&older).text
        // Row 2 (the first row) goes back to blank, though only row 4 was written since `older` was drawn.
        #expect(output.contains("\u{1B}[2;1H   "))
        #expect(output.contains("\u{1B}[4;1H!"))
    }

    @Test("the bottom-right cell is never written")
    func bottomRight() {
        var renderer = ANSIRenderer()
        var screen = Screen(width: 5, height: 2)
        screen.put("abcde", row: 1, column: 0)
        let first = renderer.render(screen).text
        #expect(first.contains("abcd"))
        #expect(!first.contains("e"))
        screen.put("xyzzy", row: 1, column: 0)
        let second = renderer.render(screen).text
        #expect(second.contains("xyzz"))
        #expect(!second.contains("zzy"))
    }

    @Test("the output carries no control bytes but its own escape sequences")
    func noStrayControls() {
        var renderer = ANSIRenderer()
        var screen = Screen(width: 40, height: 6)
        let hostile = [
            "\u{1B}[2J\u{1B}]0;title\u{7}", "a\u{0}b\u{7F}c\u{85}d", "\u{202E}evil\u{2066}",
            "\u{9B}31mred", "line\r\nbreak\tand tab", "Siân 中文 😀",
        ]
        for (row, text) in hostile.enumerated() {
            screen.put(text, row: row, column: 0)
        }
        screen.cursor = (5, 2)
        var frames = [renderer.render(screen)]
        screen.put(hostile.reversed().joined(), row: 2, column: 1, style: .reverse)
        frames.append(renderer.render(screen))
        for frame in frames {
            #expect(
                Self.controlsOutsideOwnSequences(frame).isEmpty, "\(frame.text.debugDescription)")
        }
    }

    /// The control characters in `bytes` that are not part of an escape
    /// sequence the renderer writes (cursor moves, SGR, clear, show/hide).
    static func controlsOutsideOwnSequences(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        let scalars = Array(bytes.text.unicodeScalars)
        var found: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x1B {
                guard index + 1 < scalars.count, scalars[index + 1] == "[" else {
                    found.append(scalars[index])
                    index += 1
                    continue
                }
                var end = index + 2
                while end < scalars.count, "0123456789;?".unicodeScalars.contains(scalars[end]) {
                    end += 1
                }
                guard end < scalars.count, "HJmhl".unicodeScalars.contains(scalars[end]) else {
                    found.append(scalars[index])
                    index += 1
                    continue
                }
                index = end + 1
                continue
            }
            let isControl =
                value < 0x20 || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if isControl, value != 0x0D, value != 0x0A { found.append(scalars[index]) }
            index += 1
        }
        return found
    }
}
