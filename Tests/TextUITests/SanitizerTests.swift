import Testing

@testable import TextUI

@Suite("Sanitizing stored text for the terminal")
struct SanitizerTests {
    @Test("a clear-screen sequence is removed whole")
    func clearScreen() {
        #expect(Sanitizer.clean("before\u{1B}[2Jafter") == "beforeafter")
        #expect(Sanitizer.clean("\u{1B}[1;31mred\u{1B}[0m") == "red")
        #expect(Sanitizer.clean("\u{9B}2Jx") == "x")
    }

    @Test("an OSC title sequence is removed whole, ended by BEL or ST")
    func titles() {
        #expect(Sanitizer.clean("a\u{1B}]0;pwned\u{7}b") == "ab")
        #expect(Sanitizer.clean("a\u{1B}]2;pwned\u{1B}\\b") == "ab")
        #expect(Sanitizer.clean("a\u{9D}0;pwned\u{9C}b") == "ab")
        #expect(Sanitizer.clean("a\u{1B}P1$r\u{1B}\\b") == "ab")
    }

    @Test("an unfinished sequence loses its escape, so it cannot act")
    func unfinished() {
        let cleaned = Sanitizer.clean("a\u{1B}]0;never ended")
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 })
        #expect(Sanitizer.clean("a\u{1B}") == "a")
        #expect(Sanitizer.clean("a\u{1B}[") == "a")
        #expect(Sanitizer.clean("\u{1B}c\u{1B}(Bok") == "ok")
    }

    @Test("NUL, DEL, BEL and C1 controls are removed")
    func controls() {
        #expect(Sanitizer.clean("a\u{0}b\u{7F}c\u{7}d\u{85}e\u{9F}f") == "abcdef")
        #expect(Sanitizer.clean("\u{8}\u{8}x") == "x")
    }

    @Test("bidi overrides and isolates are removed")
    func bidi() {
        let text =
            "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{202E}f"
            + "\u{2066}g\u{2067}h\u{2068}i\u{2069}"
        #expect(Sanitizer.clean(text) == "abcdefghi")
    }

    @Test("a tab is a space, and line breaks are kept only when asked")
    func whitespace() {
        #expect(Sanitizer.clean("a\tb") == "a b")
        #expect(Sanitizer.clean("one\ntwo\r\nthree\rfour") == "one two three four")
        #expect(
            Sanitizer.clean("one\ntwo\r\nthree\rfour\u{2028}five", keepNewlines: true)
                == "one\ntwo\nthree\nfour\nfive")
    }

    @Test("ordinary text, names and emoji pass unchanged")
    func ordinaryText() {
        for text in ["Siân Ŵyn Zoë", "Ó Súilleabháin", "中文 😀 👩‍💻", "100% [sic] ~x~"] {
            #expect(Sanitizer.clean(text) == text)
        }
    }

    @Test("nothing a terminal acts on survives, whatever the input")
    func noControlsSurvive() {
        var generator = SplitMix64(seed: 7)
        let pieces = [
            "\u{1B}", "[", "]", "0;", "2J", "\u{7}", "\u{9B}", "\u{9D}", "\u{0}", "a",
            "é", "\n", "\r", "\u{202E}", "\\", "P", "\u{7F}", "\u{85}",
        ]
        for _ in 0..<2000 {
            let text = (0..<12).compactMap { _ in pieces.randomElement(using: &generator) }
                .joined()
            let cleaned = Sanitizer.clean(text)
            let unsafe = cleaned.unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                    || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
            #expect(!unsafe, "\(text.debugDescription)")
        }
    }

    @Test("truncating cuts by display width and ends in an ellipsis")
    func truncate() {
        #expect(Sanitizer.truncate("Ó Súilleabháin", toWidth: 20) == "Ó Súilleabháin")
        #expect(Sanitizer.truncate("Ó Súilleabháin", toWidth: 8) == "Ó Súill…")
        #expect(Sanitizer.truncate("中文中文", toWidth: 6) == "中文…")
        #expect(Sanitizer.truncate("中文中文", toWidth: 4) == "中…")
        #expect(Sanitizer.truncate("abc", toWidth: 3) == "abc")
        #expect(Sanitizer.truncate("abcd", toWidth: 1) == "…")
        #expect(Sanitizer.truncate("abcd", toWidth: 0) == "")
    }

    @Test("isClean says whether clean would change the text")
    func isClean() {
        let samples = [
            "", "plain", "Siân Llŷr ✓ │ …", "tab\there", "line\nbreak", "cr\rlf", "\u{1B}[2J", "\u{9B}31m",
            "bidi \u{202E}evil", "isolate \u{2066}x", "sep \u{2028}", "del \u{7F}", "nul \u{0}", "中文 👍🏽",
            "e\u{301}", "\u{85}next",
        ]
        for text in samples {
            #expect(Sanitizer.isClean(text) == (Sanitizer.clean(text) == text), "\(text.debugDescription)")
        }
    }
}
