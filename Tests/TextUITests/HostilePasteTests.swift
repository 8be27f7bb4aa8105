import Testing

@testable import TextUI

/// Pastes and floods of keys: fields stay within their limits, a paste is
/// the same as typing, and nothing grows without bound.
@Suite("Hostile pastes into text widgets")
struct HostilePasteTests {
    static let marks = String(repeating: "\u{0301}", count: 1000)

    @Test("a thousand combining marks stop at 32 scalars to a character, typed or pasted")
    func combiningMarksCapped() {
        var notes = NotesArea(maxLength: 10)
        var field = TextField(maxLength: 10)
        var line = LineEditor(maxLength: 10)
        for scalar in ("e" + Self.marks).unicodeScalars {
            _ = notes.handle(.character(Character(scalar)))
            _ = field.handle(.character(Character(scalar)))
            _ = line.handle(.character(Character(scalar)))
        }
        #expect(notes.text.unicodeScalars.count == TextBuffer.maximumScalarsPerCharacter)
        #expect(field.text.unicodeScalars.count == TextBuffer.maximumScalarsPerCharacter)
        #expect(line.text.unicodeScalars.count == TextBuffer.maximumScalarsPerCharacter)
        var pasted = NotesArea(maxLength: 10)
        _ = pasted.insert("e" + Self.marks + "x")
        #expect(pasted.text.count == 2)
        #expect(pasted.text.unicodeScalars.count == TextBuffer.maximumScalarsPerCharacter + 1)
        #expect(TextField(text: "e" + Self.marks, maxLength: 10).text.isEmpty, "an overgrown character is not kept")
        #expect(
            TextField(text: "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}", maxLength: 10).text.count == 1)
    }

    @Test("a paste past the limit keeps what fits, says so, and still joins marks as typing does")
    func pasteMatchesTyping() {
        let text = "abcd\u{2028}ef\u{0301}gh\u{0301}\u{202E}ij"
        var typedNotes = NotesArea(maxLength: 5)
        var typedField = TextField(maxLength: 5)
        for scalar in text.unicodeScalars {
            _ = typedNotes.handle(.character(Character(scalar)))
            _ = typedField.handle(.character(Character(scalar)))
        }
        let clean = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { Sanitizer.clean(String($0)) == String($0) }))
        var pastedNotes = NotesArea(maxLength: 5)
        var pastedField = TextField(maxLength: 5)
        #expect(pastedNotes.insert(clean) == .rejected("This field holds at most 5 characters"))
        #expect(pastedField.insert(clean) == .rejected("This field holds at most 5 characters"))
        #expect(pastedNotes.text == typedNotes.text)
        #expect(pastedField.text == typedField.text)
        #expect(pastedField.text == "abcde\u{0301}\u{0301}")
    }

    @Test("a line past its limit rings the bell once, not once a key")
    func oneBell() {
        var line = LineEditor(maxLength: 3)
        var echo: [UInt8] = []
        for character in "abcdefghijklmnop" { echo += line.handle(.character(character)).echo }
        #expect(echo == Array("abc".utf8) + [0x07])
        _ = line.handle(.backspace)
        echo = []
        for character in "xyz" { echo += line.handle(.character(character)).echo }
        #expect(echo == Array("x".utf8) + [0x07], "after an edit, a new overflow rings again")
    }
}
