import Testing

@testable import TextUI

@Suite("The Escape key and Alt")
struct KeyDecoderEscapeTests {
    @Test("a lone ESC waits: no key until the session flushes it")
    func loneEscapeWaits() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.hasPendingEscape)
        #expect(decoder.flushPendingEscape() == [.escape])
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.flushPendingEscape() == [])
        #expect(decoder.decode(Array("a".utf8)) == [.character("a")])
    }

    @Test("a lone ESC not flushed joins the next read as the start of a sequence")
    func loneEscapeWithoutFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.decode(Array("[A".utf8)) == [.up])
        #expect(!decoder.hasPendingEscape)
    }

    @Test("ESC followed by a printable is Alt with that key: Escape, then the character")
    func altKey() {
        #expect(keys("\u{1B}x") == [.escape, .character("x")])
        #expect(keys("\u{1B}\u{1B}") == [.escape])
        #expect(keys("\u{1B}\u{1B}[A") == [.escape, .up])
        #expect(keys("\u{1B}\r") == [.escape, .enter])
        #expect(keys("\u{1B}é") == [.escape, .character("é")])
    }

    @Test("a sequence under way waits for its remaining bytes rather than asking for a flush")
    func sequenceUnderWay() {
        var decoder = KeyDecoder()
        _ = decoder.decode(Array("\u{1B}[1;".utf8))
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.decode(Array("5A".utf8)) == [.up])
        _ = decoder.decode(Array("\u{1B}O".utf8))
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.decode(Array("P".utf8)) == [.function(1)])
    }

    @Test("flushing ESC [ or ESC O gives Alt-[ or Alt-O; a longer part is unknown")
    func flushingPartialSequences() {
        var decoder = KeyDecoder()
        _ = decoder.decode(Array("\u{1B}[".utf8))
        #expect(decoder.flushPendingEscape() == [.escape, .character("[")])
        _ = decoder.decode(Array("\u{1B}O".utf8))
        #expect(decoder.flushPendingEscape() == [.escape, .character("O")])
        _ = decoder.decode(Array("\u{1B}[1;5".utf8))
        #expect(decoder.flushPendingEscape() == [.unknown])
        #expect(decoder.decode(Array("A".utf8)) == [.character("A")])
    }

    @Test("nothing is pending after whole keys, a character or a half-read character")
    func notPending() {
        var decoder = KeyDecoder()
        _ = decoder.decode(Array("\u{1B}[Aab".utf8))
        #expect(!decoder.hasPendingEscape)
        _ = decoder.decode([0xC3])
        #expect(!decoder.hasPendingEscape)
        #expect(decoder.flushPendingEscape() == [])
        #expect(decoder.decode([0xA9]) == [.character("é")])
    }
}
