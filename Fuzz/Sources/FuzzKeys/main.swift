import FuzzSupport
import TextUI

// The key decoder and what its keys go into, against invariants:
//
// - the keys are the same whether the bytes arrive at once, a byte at a
//   time or in random pieces (with a pending Escape flushed at the end);
//   never more keys than bytes; a character key is one printable scalar;
//   Ctrl keys are letters and function keys F1–F12; a flush leaves nothing
//   pending; printable text typed (any scalars ≥ 0x20 but DEL, C1) comes
//   out as exactly those characters;
// - the sanitiser leaves no control, escape or bidi override, and is
//   idempotent; truncating never passes the width;
// - the notes area, the one-line field and the line editor, fed the keys,
//   stay within their limits, hold only clean text with no character over
//   32 scalars, and a paste (`insert`) gives what typing the same keys
//   gives; the line editor's echo and a rendered screen of any stored text
//   carry nothing a terminal would act on but the renderer's own CSI.

/// The fuzz target, under libFuzzer's name too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let keys = fuzzDecoder(input)
    fuzzSanitizer(input)
    fuzzWidgets(input, keys: keys)
    return 0
}

// MARK: - Decoder

/// A scalar no terminal acts on: not C0, DEL or C1.
func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)
}

func fuzzDecoder(_ input: [UInt8]) -> [Key] {
    var whole = KeyDecoder()
    let keys = whole.decode(input) + whole.flushPendingEscape()
    require(!whole.hasPendingEscape, "an Escape still pending after the flush", input: input)
    require(whole.flushPendingEscape().isEmpty, "a second flush gave keys", input: input)

    var single = KeyDecoder()
    var bytewise: [Key] = []
    for byte in input { bytewise += single.decode([byte]) }
    bytewise += single.flushPendingEscape()
    require(bytewise == keys, "byte by byte gives \(bytewise), whole gives \(keys)", input: input)

    var random = SplitMix64(hashing: input)
    var chunkedDecoder = KeyDecoder()
    var chunked: [Key] = []
    for piece in pieces(of: input, longest: 7, using: &random) { chunked += chunkedDecoder.decode(piece) }
    chunked += chunkedDecoder.flushPendingEscape()
    require(chunked == keys, "random pieces give \(chunked), whole gives \(keys)", input: input)

    require(keys.count <= input.count, "\(keys.count) keys from \(input.count) bytes", input: input)
    for key in keys {
        switch key {
        case let .character(character):
            require(character.unicodeScalars.count == 1, "a character key of several scalars", input: input)
            require(character.unicodeScalars.allSatisfy(isPrintable), "a control as a character key", input: input)
        case let .control(letter):
            require(("a"..."z").contains(letter), "Ctrl-\(letter)", input: input)
        case let .function(number):
            require((1...12).contains(number), "F\(number)", input: input)
        default:
            break
        }
    }

    // Printable text, typed, arrives as itself.
    let text = String(
        String.UnicodeScalarView(String(decoding: input, as: UTF8.self).unicodeScalars.filter(isPrintable)))
    var typing = KeyDecoder()
    let typed = typing.decode(Array(text.utf8)) + typing.flushPendingEscape()
    require(
        typed == text.unicodeScalars.map { .character(Character($0)) }, "typed text did not arrive as itself",
        input: input)
    return keys
}

// MARK: - Sanitizer

/// A scalar stored text must never carry to a terminal.
func isUnsafe(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    let value = scalar.value
    if value == 0x0A { return !newlines }
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value)
}

func fuzzSanitizer(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    for newlines in [false, true] {
        let clean = Sanitizer.clean(text, keepNewlines: newlines)
        require(
            !clean.unicodeScalars.contains { isUnsafe($0, newlines: newlines) },
            "unsafe scalar left in \(clean.debugDescription)",
            input: input)
        require(
            Sanitizer.clean(clean, keepNewlines: newlines) == clean, "cleaning twice changes the text", input: input)
        require(
            clean.unicodeScalars.count <= text.unicodeScalars.count, "cleaning made the text longer", input: input)
    }
    let width = input.isEmpty ? 0 : Int(input[0] % 50)
    let clean = Sanitizer.clean(text)
    let cut = Sanitizer.truncate(clean, toWidth: width)
    require(DisplayWidth.of(cut) <= max(width, 0), "truncated to \(DisplayWidth.of(cut)) past \(width)", input: input)
}

// MARK: - Widgets

func fuzzWidgets(_ input: [UInt8], keys allKeys: [Key]) {
    // Enough keys to fill the widgets (at most 64 characters) many times over, and no more:
    // laying out the notes after every key is what a long input would spend its time on.
    let keys = allKeys.prefix(300)
    let limit = input.isEmpty ? 1 : Int(input[0] % 64) + 1
    var notes = NotesArea(maxLength: limit, width: 12, height: 4)
    var field = TextField(maxLength: limit)
    var line = LineEditor(maxLength: limit)
    var screen = Screen(width: 30, height: 8)
    var renderer = ANSIRenderer()
    var rendered: [UInt8] = []
    var echoed: [UInt8] = []
    for (index, key) in keys.enumerated() {
        _ = notes.handle(key)
        _ = field.handle(key)
        let (echo, _) = line.handle(key)
        echoed += echo
        if index % 16 == 0 {
            notes.draw(into: &screen, at: Rect(row: 0, column: 0, width: 12, height: 4), focused: true)
            field.draw(into: &screen, at: Rect(row: 5, column: 0, width: 20, height: 1), focused: false)
            rendered += renderer.render(screen)
        }
    }
    for (name, text, newlines) in [("notes", notes.text, true), ("field", field.text, false)] {
        require(text.count <= limit, "\(name) holds \(text.count) characters, past \(limit)", input: input)
        require(
            Sanitizer.clean(text, keepNewlines: newlines) == text,
            "\(name) holds unclean text \(text.debugDescription)",
            input: input)
        require(text.allSatisfy { $0.unicodeScalars.count <= 32 }, "\(name) holds an overgrown character", input: input)
    }

    // A paste is the same as typing its keys one by one.
    let characters = keys.compactMap { key -> Character? in
        if case let .character(character) = key { return character }
        return nil
    }
    let pasted = String(characters.filter { Sanitizer.clean(String($0)) == String($0) })
    var typedNotes = NotesArea(maxLength: limit, width: 12, height: 4)
    var typedField = TextField(maxLength: limit)
    for character in characters {
        _ = typedNotes.handle(.character(character))
        _ = typedField.handle(.character(character))
    }
    var pastedNotes = NotesArea(maxLength: limit, width: 12, height: 4)
    var pastedField = TextField(maxLength: limit)
    _ = pastedNotes.insert(pasted)
    _ = pastedField.insert(pasted)
    require(
        pastedNotes.text == typedNotes.text,
        "notes: pasted \(pastedNotes.text.debugDescription), typed \(typedNotes.text.debugDescription)", input: input)
    require(
        pastedField.text == typedField.text,
        "field: pasted \(pastedField.text.debugDescription), typed \(typedField.text.debugDescription)", input: input)

    // The echo carries no escape, C1 or bidi: only text, CR LF, backspace and bell.
    let echo = String(decoding: echoed, as: UTF8.self)
    require(
        !echo.unicodeScalars.contains {
            isUnsafe($0, newlines: true) && ![0x07, 0x08, 0x0D].contains($0.value)
        }, "the line editor echoed \(echo.debugDescription)", input: input)

    // Stored text of any kind, drawn and rendered: only the renderer's own sequences go out.
    screen.put(String(decoding: input, as: UTF8.self), row: 7, column: 0)
    rendered += renderer.render(screen)
    checkRendered(rendered, input: input)
}

/// Only CSI sequences with the renderer's finals (m, H, J, h, l), and no other control.
func checkRendered(_ bytes: [UInt8], input: [UInt8]) {
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x1B {
            require(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "["), "ESC not CSI", input: input)
            var end = index + 2
            while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
            require(end < bytes.count, "an unfinished CSI", input: input)
            require(Array("mHJhl".utf8).contains(bytes[end]), "CSI ending \(bytes[end])", input: input)
            index = end + 1
            continue
        }
        require(byte >= 0x20 && byte != 0x7F, "control byte \(byte) rendered", input: input)
        index += 1
    }
    let text = String(decoding: bytes, as: UTF8.self)
    require(
        !text.unicodeScalars.contains {
            (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        },
        "C1 or bidi rendered", input: input)
}

// Last, after every global above is set up: libFuzzer takes over from here.
runLibFuzzer { data, count in fuzzKeys(data, count) }
