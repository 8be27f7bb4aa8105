import Testing

@testable import TextUI

@Suite("Line-by-line input on a dumb terminal")
struct LineEditorTests {
    static func press(_ keys: [Key], on editor: inout LineEditor) -> (String, String?) {
        var echo: [UInt8] = []
        var finished: String?
        for key in keys {
            let result = editor.handle(key)
            echo += result.echo
            finished = result.finished ?? finished
        }
        return (echo.text, finished)
    }

    @Test("typed characters are echoed and Enter finishes the line with CR LF")
    func typingAndEnter() {
        var editor = LineEditor()
        let (echo, finished) = Self.press(typing("Siân") + [.enter], on: &editor)
        #expect(echo == "Siân\r\n")
        #expect(finished == "Siân")
        #expect(editor.text == "")
    }

    @Test("Backspace erases one column, or two for a wide character")
    func backspace() {
        var editor = LineEditor()
        let (echo, _) = Self.press(
            typing("a中") + [.backspace, .backspace, .backspace], on: &editor)
        #expect(echo == "a中\u{8} \u{8}\u{8} \u{8}\u{8} \u{8}")
        #expect(editor.text == "")
    }

    @Test("Ctrl-D erases like Backspace, for DOS clients")
    func controlD() {
        var editor = LineEditor()
        let (echo, _) = Self.press(typing("ab") + [.control("d")], on: &editor)
        #expect(echo == "ab\u{8} \u{8}")
        #expect(editor.text == "a")
    }

    @Test("Ctrl-U erases the whole line, Ctrl-W the last word")
    func erasing() {
        var editor = LineEditor()
        _ = Self.press(typing("one two"), on: &editor)
        let (wordEcho, _) = Self.press([.control("w")], on: &editor)
        #expect(wordEcho == String(repeating: "\u{8} \u{8}", count: 3))
        #expect(editor.text == "one ")
        let (lineEcho, _) = Self.press([.control("u")], on: &editor)
        #expect(lineEcho == String(repeating: "\u{8} \u{8}", count: 4))
        #expect(editor.text == "")
    }

    @Test("a secret line echoes a star for each character and erases one column each")
    func secret() {
        var editor = LineEditor(isSecret: true)
        let (echo, finished) = Self.press(typing("1234") + [.backspace, .enter], on: &editor)
        #expect(echo == "****\u{8} \u{8}\r\n")
        #expect(finished == "123")
    }

    @Test("a combining mark joins the character before it")
    func combining() {
        var editor = LineEditor()
        let (echo, finished) = Self.press(
            typing("Zoe") + [.character("\u{308}"), .backspace, .enter], on: &editor)
        #expect(finished == "Zo")
        #expect(echo.hasPrefix("Zoe\u{8} \u{8}e\u{308}"))
    }

    @Test("past the limit, or a character not allowed, rings the bell")
    func bell() {
        var editor = LineEditor(maxLength: 2, allowed: { $0.isNumber })
        let (echo, _) = Self.press(typing("1a23"), on: &editor)
        #expect(echo == "1\u{7}2\u{7}")
        #expect(editor.text == "12")
    }

    @Test("keys with no meaning in a line echo nothing")
    func otherKeys() {
        var editor = LineEditor()
        let (echo, finished) = Self.press([.up, .tab, .function(1), .unknown], on: &editor)
        #expect(echo == "")
        #expect(finished == nil)
    }
}
