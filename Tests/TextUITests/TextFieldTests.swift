import Testing

@testable import TextUI

@Suite("A one-line text field")
struct TextFieldTests {
    static func field(_ text: String = "", maxLength: Int = 200) -> TextField {
        TextField(text: text, maxLength: maxLength)
    }

    static func press(_ keys: [Key], on field: inout TextField) -> [FieldOutcome] {
        keys.map { field.handle($0) }
    }

    @Test("typed characters go in at the cursor")
    func typing() {
        var field = Self.field()
        _ = Self.press(
            TextUITests.typing("Siân") + [.left, .left] + TextUITests.typing("x"),
            on: &field)
        #expect(field.text == "Sixân")
        #expect(field.cursorIndex == 3)
    }

    @Test("Backspace and Delete remove whole characters, é and emoji included")
    func deleting() {
        var field = Self.field("Zoë 😀 Ŵyn")
        _ = Self.press(
            [.home, .delete, .end, .backspace, .backspace, .backspace, .backspace],
            on: &field)
        #expect(field.text == "oë 😀")
        _ = Self.press([.backspace], on: &field)
        #expect(field.text == "oë ")
        _ = Self.press([.left, .backspace], on: &field)
        #expect(field.text == "o ")
    }

    @Test("a combining mark typed after a letter joins it")
    func combining() {
        var field = Self.field(maxLength: 3)
        _ = Self.press(TextUITests.typing("Zoe") + [.character("\u{308}")], on: &field)
        #expect(field.text == "Zoë")
        #expect(field.text.count == 3)
    }

    @Test("Home, End, Ctrl-A and Ctrl-E jump to the ends")
    func jumping() {
        var field = Self.field("Ó Súilleabháin")
        #expect(field.cursorIndex == 14)
        _ = field.handle(.home)
        #expect(field.cursorIndex == 0)
        _ = field.handle(.end)
        #expect(field.cursorIndex == 14)
        _ = field.handle(.control("a"))
        #expect(field.cursorIndex == 0)
        _ = field.handle(.left)
        #expect(field.cursorIndex == 0)
        _ = field.handle(.control("e"))
        _ = field.handle(.right)
        #expect(field.cursorIndex == 14)
    }

    @Test("Ctrl-U clears, Ctrl-K deletes to the end, Ctrl-W deletes a word back")
    func killing() {
        var field = Self.field("agreed actions by Friday")
        _ = field.handle(.control("w"))
        #expect(field.text == "agreed actions by ")
        _ = field.handle(.control("w"))
        #expect(field.text == "agreed actions ")
        _ = Self.press([.home, .right, .right, .right, .control("k")], on: &field)
        #expect(field.text == "agr")
        _ = field.handle(.control("u"))
        #expect(field.text == "")
        #expect(field.cursorIndex == 0)
    }

    @Test("Ctrl-D deletes under the cursor, or the character before it at the end")
    func controlD() {
        var field = Self.field("abc")
        _ = field.handle(.control("d"))
        #expect(field.text == "ab")
        _ = Self.press([.home, .control("d")], on: &field)
        #expect(field.text == "b")
    }

    @Test("a full field rejects the next character and says why")
    func limit() {
        var field = Self.field(maxLength: 3)
        let outcomes = Self.press(TextUITests.typing("abcd"), on: &field)
        #expect(outcomes.prefix(3).allSatisfy { $0 == .handled })
        #expect(outcomes[3] == .rejected("This field holds at most 3 characters"))
        #expect(field.text == "abc")
    }

    @Test("pasting past the limit keeps what fits and reports it")
    func paste() {
        var field = Self.field("ab", maxLength: 5)
        #expect(field.insert("cdefg") == .rejected("This field holds at most 5 characters"))
        #expect(field.text == "abcde")
        var roomy = Self.field()
        #expect(roomy.insert("Siân\u{1B}[2J") == .handled)
        #expect(roomy.text == "Siân")
    }

    @Test("keys that belong to the form are ignored")
    func formKeys() {
        var field = Self.field("x")
        for key: Key in [.tab, .backTab, .enter, .escape, .up, .down, .control("s"), .function(1)] {
            #expect(field.handle(key) == .ignored)
        }
        #expect(field.text == "x")
    }

    @Test("a PIN field takes digits only and shows a star for each")
    func secret() {
        var pin = TextField(maxLength: 12, isSecret: true, allowed: { $0.isASCII && $0.isNumber })
        _ = Self.press(TextUITests.typing("12"), on: &pin)
        #expect(pin.handle(.character("a")) == .rejected(pin.disallowedMessage))
        _ = pin.handle(.character("3"))
        #expect(pin.text == "123")
        var screen = Screen(width: 20, height: 1)
        pin.draw(into: &screen, at: Rect(row: 0, column: 5, width: 8, height: 1), focused: true)
        #expect(screen.line(0) == "     ***")
        #expect(!screen.text.contains("1"))
        #expect(screen.cursor?.column == 8)
    }

    @Test("drawn focused, the field shows its text and puts the cursor at the cursor")
    func draw() {
        var field = Self.field("中文 ok")
        _ = field.handle(.home)
        _ = field.handle(.right)
        var screen = Screen(width: 20, height: 2)
        field.draw(into: &screen, at: Rect(row: 1, column: 2, width: 10, height: 1), focused: true)
        #expect(screen.line(1) == "  中文 ok")
        #expect(screen.cursor?.row == 1)
        #expect(screen.cursor?.column == 4)
        #expect(screen[1, 11].style == .underline)
        var unfocused = Screen(width: 20, height: 2)
        field.draw(
            into: &unfocused, at: Rect(row: 1, column: 2, width: 10, height: 1),
            focused: false)
        #expect(unfocused.cursor == nil)
    }

    @Test("a long text scrolls sideways so the cursor stays in view")
    func scrolling() {
        var field = Self.field("abcdefghijklmnopqrstuvwxyz")
        let area = Rect(row: 0, column: 0, width: 10, height: 1)
        var screen = Screen(width: 12, height: 1)
        field.draw(into: &screen, at: area, focused: true)
        #expect(screen.line(0) == "uvwxyz")
        #expect(screen.cursor?.column == 6)
        _ = field.handle(.home)
        screen = Screen(width: 12, height: 1)
        field.draw(into: &screen, at: area, focused: true)
        #expect(screen.line(0) == "abcdefghij")
        #expect(screen.cursor?.column == 0)
        for _ in 0..<12 { _ = field.handle(.right) }
        screen = Screen(width: 12, height: 1)
        field.draw(into: &screen, at: area, focused: true)
        let column = screen.cursor?.column ?? -1
        #expect((0..<10).contains(column))
        #expect(screen[0, column].character == "m")
    }

    @Test("setting the text sanitizes it and cuts it to the limit")
    func settingText() {
        var field = Self.field(maxLength: 5)
        field.text = "a\u{1B}]0;x\u{7}bcdefgh"
        #expect(field.text == "abcde")
    }
}
