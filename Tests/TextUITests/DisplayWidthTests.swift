import Foundation
import Testing

@testable import TextUI

@Suite("Display widths")
struct DisplayWidthTests {
    @Test("Welsh and Irish names take one column a letter, composed or decomposed")
    func names() {
        for name in ["Siân", "Zoë", "Ŵyn", "Ó Súilleabháin"] {
            #expect(DisplayWidth.of(name) == name.count)
            let decomposed = name.decomposedStringWithCanonicalMapping
            #expect(decomposed.unicodeScalars.count > name.unicodeScalars.count)
            #expect(DisplayWidth.of(decomposed) == name.count, "\(name) decomposed")
        }
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)
        #expect(DisplayWidth.of("W\u{302}yn") == 3)
    }

    @Test("combining marks, zero-width and format characters take no columns")
    func zeroWidth() {
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
        #expect(DisplayWidth.of(Character("\u{FEFF}")) == 0)
        #expect(DisplayWidth.of(Character("\u{2060}")) == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test("East Asian wide and fullwidth characters take two columns")
    func wide() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of(Character("Ａ")) == 2)
        #expect(DisplayWidth.of(Character("\u{3000}")) == 2)
        #expect(DisplayWidth.of(Character("\u{20000}")) == 2)
    }

    @Test("emoji shown as pictures take two columns, whole sequences too")
    func emoji() {
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2)
        #expect(DisplayWidth.of(Character("🇬🇧")) == 2)
        #expect(DisplayWidth.of(Character("❤️")) == 2)
        #expect(DisplayWidth.of(Character("❤")) == 1)
    }

    @Test("ASCII, Latin, Greek, Cyrillic and symbols take one column")
    func narrow() {
        #expect(DisplayWidth.of("abc XYZ 123") == 11)
        #expect(DisplayWidth.of("αβγ") == 3)
        #expect(DisplayWidth.of("Жж") == 2)
        #expect(DisplayWidth.of("…·─") == 3)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("control characters take no columns")
    func controls() {
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
    }

    @Test("the table of widths below U+3000 agrees with the Unicode properties, scalar by scalar")
    func table() {
        var disagreements: [String] = []
        for value in UInt32(0x300)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.of(scalar) != DisplayWidth.measured(scalar) {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements.isEmpty)
        #expect(DisplayWidth.of(Character("\u{2713}")) == 1)  // ✓
        #expect(DisplayWidth.of(Character("\u{2614}")) == 2)  // ☔
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)  // zero width space
        #expect(DisplayWidth.of(Character("\u{2028}")) == 0)
    }
}
