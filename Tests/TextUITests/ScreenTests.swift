import Testing

@testable import TextUI

@Suite("The screen model")
struct ScreenTests {
    @Test("text put on a row reads back, and the rest stays blank")
    func putAndRead() {
        var screen = Screen(width: 20, height: 3)
        screen.put("Siân Ŵyn", row: 1, column: 2)
        #expect(screen.line(0) == "")
        #expect(screen.line(1) == "  Siân Ŵyn")
        #expect(screen.text == "\n  Siân Ŵyn\n")
        #expect(screen[1, 2].character == "S")
        #expect(screen[1, 4].character == "â")
    }

    @Test("text is clipped at the screen edge and never written outside")
    func clipAtEdge() {
        var screen = Screen(width: 10, height: 2)
        let end = screen.put("abcdefghijklmnop", row: 0, column: 6)
        #expect(screen.line(0) == "      abcd")
        #expect(end == 10)
        screen.put("xyz", row: 5, column: 0)
        screen.put("xyz", row: -1, column: 0)
        screen.put("xyz", row: 1, column: -2)
        #expect(screen.line(1) == "z")
        #expect(screen.text == "      abcd\nz")
    }

    @Test("text is clipped at the given width")
    func clipAtWidth() {
        var screen = Screen(width: 20, height: 1)
        screen.put("Ó Súilleabháin", row: 0, column: 1, width: 5)
        #expect(screen.line(0) == " Ó Súi")
        screen.put("ignored", row: 0, column: 10, width: 0)
        #expect(screen.line(0) == " Ó Súi")
    }

    @Test("a wide character takes two cells, the second a continuation")
    func wideCharacters() {
        var screen = Screen(width: 6, height: 1)
        let end = screen.put("中a文", row: 0, column: 0)
        #expect(end == 5)
        #expect(screen[0, 0].character == "中")
        #expect(screen[0, 1].isContinuation)
        #expect(screen[0, 2].character == "a")
        #expect(screen[0, 3].character == "文")
        #expect(screen[0, 4].isContinuation)
        #expect(screen.line(0) == "中a文")
    }

    @Test("a wide character that does not fit whole is left out")
    func wideAtEdge() {
        var screen = Screen(width: 5, height: 1)
        screen.put("ab中文", row: 0, column: 0)
        #expect(screen.line(0) == "ab中")
        screen.put("😀", row: 0, column: 4)
        #expect(screen[0, 4] == .blank)
    }

    @Test("overwriting half of a wide character blanks its other half")
    func overwriteHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("中文", row: 0, column: 0)
        screen.put("x", row: 0, column: 1)
        #expect(screen.line(0) == " x文")
        #expect(!screen[0, 1].isContinuation)
        screen.put("y", row: 0, column: 2)
        #expect(screen.line(0) == " xy")
        #expect(!screen[0, 3].isContinuation)
        screen.put("中", row: 0, column: 3)
        screen.put("好", row: 0, column: 4)
        #expect(screen.line(0) == " xy 好")
    }

    @Test("control characters and escape sequences never reach a cell")
    func sanitized() {
        var screen = Screen(width: 30, height: 1)
        screen.put("a\u{1B}[2Jb\u{0}c\u{1B}]0;t\u{7}d\u{202E}e\nf\tg", row: 0, column: 0)
        #expect(screen.line(0) == "abcde f g")
    }

    @Test("fill blanks cells in a style, clipped to the screen")
    func fill() {
        var screen = Screen(width: 5, height: 2)
        screen.put("hello", row: 0, column: 0)
        screen.fill(row: 0, column: 3, width: 10, style: .reverse)
        #expect(screen.line(0) == "hel")
        #expect(screen[0, 4].style == .reverse)
        screen.fill(Rect(row: 1, column: -1, width: 3, height: 5), style: .underline)
        #expect(screen[1, 1].style == .underline)
        #expect(screen[1, 2].style == .plain)
    }

    @Test("a fill that covers half of a wide character blanks the other half, and takes clusters away")
    func fillOverWide() {
        var screen = Screen(width: 8, height: 1)
        screen.put("中文e\u{301}好", row: 0, column: 0)
        #expect(screen[0, 4].character == "e\u{301}")
        screen.fill(row: 0, column: 1, width: 2, style: .reverse)
        #expect(screen.line(0) == "    e\u{301}好")
        #expect(!screen[0, 0].isContinuation && !screen[0, 3].isContinuation)
        #expect(screen[0, 0].style == .plain && screen[0, 1].style == .reverse && screen[0, 3].style == .plain)
        screen.fill(row: 0, column: 4, width: 2)
        #expect(screen[0, 4].character == " ")
        #expect(screen[0, 5].isContinuation == false)
        #expect(screen.line(0) == "")
        screen.put("ab", row: 0, column: 4)
        screen.fill(row: 0, column: 0, width: 8, with: "─")
        #expect(screen.line(0) == "────────")
    }

    @Test("the cursor is hidden by default and kept on the screen")
    func cursor() {
        var screen = Screen(width: 10, height: 5)
        #expect(screen.cursor == nil)
        screen.cursor = (2, 3)
        #expect(screen.cursor?.row == 2)
        #expect(screen.cursor?.column == 3)
        screen.cursor = (9, 40)
        #expect(screen.cursor?.row == 4)
        #expect(screen.cursor?.column == 9)
        screen.cursor = nil
        #expect(screen.cursor == nil)
    }

    @Test("screens with the same cells and cursor are equal")
    func equality() {
        var a = Screen(width: 4, height: 1)
        var b = Screen(width: 4, height: 1)
        a.put("ab", row: 0, column: 0)
        b.put("ab", row: 0, column: 0)
        #expect(a == b)
        a.cursor = (0, 1)
        #expect(a != b)
    }
}
