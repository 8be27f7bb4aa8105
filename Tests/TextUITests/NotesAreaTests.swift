import Testing

@testable import TextUI

@Suite("A notes area")
struct NotesAreaTests {
    static func press(_ keys: [Key], on notes: inout NotesArea) -> [FieldOutcome] {
        keys.map { notes.handle($0) }
    }

    static func screen(of notes: NotesArea, focused: Bool = true) -> Screen {
        var screen = Screen(width: notes.width + 2, height: notes.height + 1)
        notes.draw(
            into: &screen, at: Rect(row: 0, column: 0, width: notes.width, height: notes.height),
            focused: focused)
        return screen
    }

    @Test("Enter starts a new line and Tab is left to the form")
    func enterAndTab() {
        var notes = NotesArea()
        _ = Self.press(typing("Goal") + [.enter] + typing("Reality"), on: &notes)
        #expect(notes.text == "Goal\nReality")
        #expect(notes.handle(.tab) == .ignored)
        #expect(notes.handle(.backTab) == .ignored)
        #expect(notes.handle(.escape) == .ignored)
        #expect(notes.text == "Goal\nReality")
        #expect(notes.cursorPosition.line == 1)
        #expect(notes.cursorPosition.column == 7)
    }

    @Test("a long paragraph wraps at 30 columns in a 31-column area")
    func wrapsOnScreen() {
        let notes = NotesArea(text: SoftWrapTests.paragraph, width: 31, height: 8)
        let screen = Self.screen(of: notes)
        #expect(screen.line(0) == "The coachee wants pupils in")
        #expect(screen.line(1) == "year nine to ask more of their")
        #expect(screen.line(2) == "own questions during practical")
        #expect(screen.line(3) == "work, and will try")
        #expect(screen.line(4) == "think-pair-share before each")
        #expect(screen.line(5) == "experiment.")
        #expect(notes.visualLines.count == 6)
        #expect(screen.cursor?.row == 5)
        #expect(screen.cursor?.column == 11)
    }

    @Test("a new width lays the notes out again, and drawing follows it")
    func newWidth() {
        var notes = NotesArea(text: SoftWrapTests.paragraph, width: 31, height: 8)
        notes.width = 16
        #expect(notes.visualLines.first == "The coachee ")
        #expect(
            notes.visualLines
                == SoftWrap.lines(Array(SoftWrapTests.paragraph), width: 15).map {
                    String(Array(SoftWrapTests.paragraph)[$0.start..<$0.end])
                })
        // Seven rows of text above the count, scrolled to the cursor at the end.
        let lines = notes.visualLines
        let screen = Self.screen(of: notes)
        for row in 0..<7 {
            var shown = lines[lines.count - 7 + row]
            while shown.last == " " { shown.removeLast() }
            #expect(screen.line(row) == shown)
        }
        #expect(notes.handle(.up) == .handled)
        #expect(notes.cursorPosition.line == notes.visualLines.count - 2)
    }

    /// Keys a person might press in notes: words, spaces, line breaks,
    /// wide and combining characters, deletions, moves and pastes.
    static func someKey(_ random: inout SplitMix64) -> (key: Key?, paste: String?) {
        let pick = Int(random.next() % 100)
        switch pick {
        case 0..<50: return (.character(Character(UnicodeScalar(UInt8(0x61 + random.next() % 26)))), nil)
        case 50..<62: return (.character(" "), nil)
        case 62..<66: return (.enter, nil)
        case 66..<68: return (.character("日"), nil)
        case 68..<69: return (.character("\u{301}"), nil)
        case 69..<77: return (.backspace, nil)
        case 77..<79: return (.delete, nil)
        case 79..<84:
            return ([.left, .right, .up, .down, .home, .end, .pageUp, .pageDown][Int(random.next() % 8)], nil)
        case 84..<86: return (.control("w"), nil)
        case 86..<87: return (.control("k"), nil)
        case 87..<88: return (.control("u"), nil)
        default:
            let pastes = ["a longer run of words to wrap ", "line one\nline two\n", "abcdefghijklmnopqrstuvwxyzabcdef"]
            return (nil, pastes[Int(random.next() % UInt64(pastes.count))])
        }
    }

    @Test("after any edit the lines are those of the whole text laid out afresh")
    func incrementalLayout() {
        var random = SplitMix64(seed: 7)
        var notes = NotesArea(maxLength: 400, width: 17, height: 6)
        for step in 0..<3000 {
            let (key, paste) = Self.someKey(&random)
            if let key { _ = notes.handle(key) } else if let paste { _ = notes.insert(paste) }
            if step % 700 == 699 { notes.width = notes.width == 17 ? 23 : 17 }
            let fresh = NotesArea(text: notes.text, maxLength: 400, width: notes.width, height: 6)
            #expect(notes.visualLines == fresh.visualLines, "step \(step)")
            if notes.visualLines != fresh.visualLines { return }
        }
    }

    @Test("redrawing over the last drawing leaves the same screen as drawing afresh")
    func redrawOverLast() {
        var random = SplitMix64(seed: 11)
        var notes = NotesArea(maxLength: 300, width: 15, height: 5)
        let area = Rect(row: 1, column: 2, width: 15, height: 5)
        var kept = Screen(width: 20, height: 8)
        kept.put("backdrop", row: 0, column: 0)
        for step in 0..<3000 {
            let (key, paste) = Self.someKey(&random)
            if let key { _ = notes.handle(key) } else if let paste { _ = notes.insert(paste) }
            if step % 500 == 499 { notes.forgetDrawing() }
            notes.redraw(into: &kept, at: area, focused: true)
            var fresh = Screen(width: 20, height: 8)
            fresh.put("backdrop", row: 0, column: 0)
            notes.draw(into: &fresh, at: area, focused: true)
            #expect(kept == fresh, "step \(step): \(notes.text.debugDescription)")
            if kept != fresh { return }
        }
    }

    @Test("a key typed rewrites its own row and the count, and leaves the other rows be")
    func redrawTouchesLittle() {
        var notes = NotesArea(text: "Goal: questions\nReality: few", width: 20, height: 4)
        let area = Rect(row: 0, column: 0, width: 20, height: 4)
        var screen = Screen(width: 20, height: 4)
        notes.redraw(into: &screen, at: area, focused: true)
        // A mark on the first row: redrawn, it would be gone.
        screen.put("#", row: 0, column: 19)
        _ = notes.handle(.character("!"))
        notes.redraw(into: &screen, at: area, focused: true)
        #expect(screen.line(0) == "Goal: questions    #")
        #expect(screen.line(1) == "Reality: few!")
        #expect(screen.line(3) == String(repeating: " ", count: 13) + "29/2000")
        notes.forgetDrawing()
        notes.redraw(into: &screen, at: area, focused: true)
        #expect(screen.line(0) == "Goal: questions")
    }

    @Test("blank notes are empty or white space only")
    func blank() {
        var notes = NotesArea()
        #expect(notes.isBlank)
        _ = Self.press([.character(" "), .enter, .character(" ")], on: &notes)
        #expect(notes.isBlank)
        _ = notes.handle(.character("a"))
        #expect(!notes.isBlank)
    }

    @Test("Up and Down move by visual line, keeping the column across short lines")
    func upAndDown() {
        var notes = NotesArea(text: SoftWrapTests.paragraph, width: 31, height: 8)
        _ = Self.press([.up, .up, .up], on: &notes)
        #expect(notes.cursorPosition == (2, 11))
        _ = notes.handle(.end)
        #expect(notes.cursorPosition == (2, 30))
        _ = notes.handle(.down)
        #expect(notes.cursorPosition == (3, 18))
        _ = notes.handle(.down)
        #expect(notes.cursorPosition == (4, 28))
        _ = notes.handle(.up)
        #expect(notes.cursorPosition == (3, 18))
        _ = notes.handle(.up)
        #expect(notes.cursorPosition == (2, 30))
        _ = notes.handle(.left)
        _ = notes.handle(.up)
        #expect(notes.cursorPosition == (1, 29))
    }

    @Test("Up on the first line and Down on the last are left to the form")
    func edges() {
        var notes = NotesArea(text: "one\ntwo")
        #expect(notes.handle(.down) == .ignored)
        #expect(notes.handle(.up) == .handled)
        #expect(notes.handle(.up) == .ignored)
        #expect(notes.cursorPosition == (0, 3))
    }

    @Test("Home, End, Ctrl-A and Ctrl-E go to the visual line's ends")
    func homeAndEnd() {
        var notes = NotesArea(text: SoftWrapTests.paragraph, width: 31, height: 8)
        _ = Self.press([.up, .up, .up, .up], on: &notes)
        _ = notes.handle(.home)
        #expect(notes.cursorPosition == (1, 0))
        #expect(notes.cursorIndex == 28)
        _ = notes.handle(.control("e"))
        #expect(notes.cursorPosition == (1, 30))
        _ = notes.handle(.control("a"))
        #expect(notes.cursorIndex == 28)
        _ = notes.handle(.end)
        _ = notes.handle(.right)
        #expect(notes.cursorPosition == (2, 0))
    }

    @Test("Ctrl-K deletes to the end of the line, then joins the next")
    func controlK() {
        var notes = NotesArea(text: "first line\nsecond")
        _ = notes.handle(.up)
        #expect(notes.cursorIndex == 6)
        _ = notes.handle(.control("k"))
        #expect(notes.text == "first \nsecond")
        _ = notes.handle(.control("k"))
        #expect(notes.text == "first second")
    }

    @Test("Ctrl-W deletes a word back, and at a line's start the line break")
    func controlW() {
        var notes = NotesArea(text: "one two three")
        _ = notes.handle(.control("w"))
        #expect(notes.text == "one two ")
        _ = notes.handle(.control("w"))
        #expect(notes.text == "one ")
        notes.text = "one\n"
        _ = notes.handle(.control("w"))
        #expect(notes.text == "one")
    }

    @Test("Ctrl-U deletes back to the start of the line")
    func controlU() {
        var notes = NotesArea(text: "keep\nremove this")
        _ = notes.handle(.control("u"))
        #expect(notes.text == "keep\n")
    }

    @Test("the count and limit show dim in the bottom-right corner")
    func limitShown() {
        var notes = NotesArea(maxLength: 2000, width: 30, height: 5)
        _ = Self.press(typing("Siân’s goal 😀"), on: &notes)
        let screen = Self.screen(of: notes)
        #expect(screen.line(4) == String(repeating: " ", count: 23) + "13/2000")
        #expect(screen[4, 29].character == "0")
        #expect(screen[4, 29].style == .dim)
        #expect(screen[4, 23].style == .dim)
        #expect(screen[4, 22].style == .plain)
    }

    @Test("typing past the limit is rejected with a reason")
    func limitEnforced() {
        var notes = NotesArea(maxLength: 10, width: 20, height: 4)
        let outcomes = Self.press(typing("0123456789") + [.character("x"), .enter], on: &notes)
        #expect(outcomes.prefix(10).allSatisfy { $0 == .handled })
        #expect(outcomes[10] == .rejected("This field holds at most 10 characters"))
        #expect(outcomes[11] == .rejected("This field holds at most 10 characters"))
        #expect(notes.text == "0123456789")
        #expect(Self.screen(of: notes).line(3).hasSuffix("10/10"))
        var long = NotesArea(text: String(repeating: "a", count: 50), maxLength: 20)
        #expect(long.text.count == 20)
        #expect(long.handle(.backspace) == .handled)
    }

    @Test("pasting past the limit keeps what fits, line breaks included")
    func paste() {
        var notes = NotesArea(maxLength: 8)
        #expect(
            notes.insert("ab\r\ncd\u{1B}[2Jefgh")
                == .rejected("This field holds at most 8 characters"))
        #expect(notes.text == "ab\ncdefg")
    }

    @Test("the view scrolls to keep the cursor visible, and PgUp/PgDn move a page")
    func scrolling() {
        let text = (1...10).map(String.init).joined(separator: "\n")
        var notes = NotesArea(text: text, width: 20, height: 4)
        var screen = Self.screen(of: notes)
        #expect(screen.line(0) == "8")
        #expect(screen.line(2) == "10")
        #expect(screen.cursor?.row == 2)
        _ = notes.handle(.pageUp)
        #expect(notes.cursorPosition.line == 7)
        _ = Self.press([.pageUp, .pageUp, .pageUp], on: &notes)
        #expect(notes.cursorPosition.line == 1)
        screen = Self.screen(of: notes)
        let cursorRow = screen.cursor?.row ?? -1
        #expect(screen.line(cursorRow).hasPrefix("2"))
        _ = notes.handle(.pageUp)
        _ = notes.handle(.pageUp)
        #expect(notes.cursorIndex == 0)
        screen = Self.screen(of: notes)
        #expect(screen.line(0) == "1")
        #expect(screen.cursor?.row == 0)
        _ = Self.press([.pageDown, .pageDown], on: &notes)
        #expect(notes.cursorPosition.line == 4)
        screen = Self.screen(of: notes)
        let row = screen.cursor?.row ?? -1
        #expect((0..<3).contains(row))
        #expect(screen.line(row) == "5")
    }

    @Test("editing works on whole characters: accents, Welsh letters and emoji")
    func wholeCharacters() {
        var notes = NotesArea(text: "Ŵyn 😀 é")
        _ = Self.press([.left, .left, .backspace], on: &notes)
        #expect(notes.text == "Ŵyn  é")
        _ = Self.press([.home, .delete], on: &notes)
        #expect(notes.text == "yn  é")
        _ = Self.press(typing("e") + [.character("\u{301}")], on: &notes)
        #expect(notes.text == "éyn  é")
        #expect(notes.cursorPosition == (0, 1))
    }

    @Test("stored text with controls is cleaned, keeping its line breaks")
    func sanitizedText() {
        let notes = NotesArea(text: "a\u{1B}[2Jb\r\nc\u{202E}d")
        #expect(notes.text == "ab\ncd")
    }
}
