import Testing

@testable import TextUI

@Suite("UTF-8 from the terminal")
struct KeyDecoderUTF8Tests {
    static let replacement = Key.character("\u{FFFD}")

    @Test("characters of 2, 3 and 4 bytes arrive whole when split at every byte")
    func splitCharacters() {
        for text in ["é", "Ŵ", "€", "中", "😀", "𝄞"] {
            let bytes = Array(text.utf8)
            #expect(keys(bytes) == typing(text))
            for split in 1..<bytes.count {
                #expect(keys(bytes, splitAt: split) == typing(text), "\(text) at \(split)")
            }
        }
    }

    @Test("a character read one byte at a time arrives whole")
    func byteAtATime() {
        var decoder = KeyDecoder()
        var result: [Key] = []
        for byte in "Siân Ŵyn 😀".utf8 {
            result += decoder.decode([byte])
        }
        #expect(result == typing("Siân Ŵyn 😀"))
    }

    @Test("a stray continuation byte is one replacement character")
    func strayContinuation() {
        #expect(keys([0x80]) == [Self.replacement])
        #expect(keys([0x61, 0xBF, 0x62]) == [.character("a"), Self.replacement, .character("b")])
        #expect(keys([0x80, 0x80, 0x80, 0x61]) == [Self.replacement, .character("a")])
    }

    @Test("an overlong encoding is one replacement character")
    func overlong() {
        #expect(keys([0xC0, 0xAF]) == [Self.replacement])
        #expect(keys([0xC1, 0xBF, 0x61]) == [Self.replacement, .character("a")])
        #expect(keys([0xE0, 0x80, 0xAF]) == [Self.replacement])
        #expect(keys([0xF0, 0x80, 0x80, 0xAF]) == [Self.replacement])
    }

    @Test("an encoded surrogate is one replacement character")
    func surrogate() {
        #expect(keys([0xED, 0xA0, 0x80]) == [Self.replacement])
        #expect(keys([0xED, 0xBF, 0xBF, 0x61]) == [Self.replacement, .character("a")])
    }

    @Test("a code point past U+10FFFF is one replacement character")
    func beyondUnicode() {
        #expect(keys([0xF4, 0x90, 0x80, 0x80]) == [Self.replacement])
        #expect(keys([0xF5, 0x80, 0x80, 0x80]) == [Self.replacement])
        #expect(keys([0xFF]) == [Self.replacement])
        #expect(keys([0xFE, 0x61]) == [Self.replacement, .character("a")])
    }

    @Test("a truncated character followed by ASCII is a replacement, then the ASCII")
    func truncated() {
        #expect(keys([0xE2, 0x82, 0x41]) == [Self.replacement, .character("A")])
        #expect(keys([0xF0, 0x9F, 0x98, 0x0D]) == [Self.replacement, .enter])
        #expect(keys([0xC3, 0x1B, 0x5B, 0x41]) == [Self.replacement, .up])
        #expect(keys([0xE2, 0x82, 0xC3, 0xA9]) == [Self.replacement, .character("é")])
        #expect(keys([0xE2, 0x82, 0x41], splitAt: 2) == [Self.replacement, .character("A")])
    }

    @Test("the largest code point and the last before the surrogates are accepted")
    func edges() {
        #expect(keys(Array("\u{10FFFF}".utf8)) == [.character("\u{10FFFF}")])
        #expect(keys(Array("\u{D7FF}".utf8)) == [.character("\u{D7FF}")])
        #expect(keys(Array("\u{E000}".utf8)) == [.character("\u{E000}")])
    }

    @Test("C1 control characters are dropped")
    func c1Controls() {
        #expect(keys([0xC2, 0x80]) == [])
        #expect(keys([0xC2, 0x9B, 0x41]) == [.character("A")])
        #expect(keys([0xC2, 0x9F]) == [])
        #expect(keys([0xC2, 0xA0]) == [.character("\u{A0}")])
    }
}
