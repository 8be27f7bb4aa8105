import Testing

@testable import TextUI

@Suite("Escape sequences from xterm, vt220, the Linux console, PuTTY, rxvt and tmux")
struct KeyDecoderSequenceTests {
    @Test("every sequence in the table makes its key")
    func everyTableEntry() {
        for entry in EscapeSequences.table {
            #expect(keys("\u{1B}" + entry.sequence) == [entry.key], "ESC \(entry.sequence)")
        }
    }

    @Test("every sequence in the table makes its key when split at any byte across two reads")
    func everyTableEntrySplit() {
        for entry in EscapeSequences.table {
            let bytes = Array(("\u{1B}" + entry.sequence).utf8)
            for split in 1..<bytes.count {
                #expect(
                    keys(bytes, splitAt: split) == [entry.key],
                    "ESC \(entry.sequence) split at \(split)")
            }
        }
    }

    @Test("the brief's keys come out as named")
    func namedKeys() {
        let expected: [(String, Key)] = [
            ("[A", .up), ("OB", .down), ("[C", .right), ("OD", .left),
            ("[H", .home), ("OF", .end), ("[1~", .home), ("[4~", .end), ("[7~", .home),
            ("[8~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp),
            ("[6~", .pageDown), ("[Z", .backTab), ("OP", .function(1)), ("OS", .function(4)),
            ("[11~", .function(1)), ("[14~", .function(4)), ("[[A", .function(1)),
            ("[[E", .function(5)), ("[15~", .function(5)), ("[17~", .function(6)),
            ("[18~", .function(7)), ("[19~", .function(8)), ("[20~", .function(9)),
            ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
        ]
        for (sequence, key) in expected {
            #expect(keys("\u{1B}" + sequence) == [key], "ESC \(sequence)")
        }
    }

    @Test("a key with Shift, Alt or Ctrl held reads as the plain key")
    func modifiers() {
        #expect(keys("\u{1B}[1;5A") == [.up])
        #expect(keys("\u{1B}[1;2D") == [.left])
        #expect(keys("\u{1B}[1;3H") == [.home])
        #expect(keys("\u{1B}[3;5~") == [.delete])
        #expect(keys("\u{1B}[6;2~") == [.pageDown])
        #expect(keys("\u{1B}[15;5~") == [.function(5)])
        #expect(keys("\u{1B}[1;2P") == [.function(1)])
        #expect(keys("\u{1B}O5C") == [.right])
        #expect(keys("\u{1B}[3$") == [.delete])
        #expect(keys("\u{1B}[5^") == [.pageUp])
        #expect(keys("\u{1B}[2@") == [.insert])
    }

    @Test("keys following one another in one read each come out")
    func severalInOneRead() {
        #expect(
            keys("\u{1B}[A\u{1B}OBx\u{1B}[3~y") == [
                .up, .down, .character("x"), .delete,
                .character("y"),
            ])
    }

    @Test("a well-formed sequence nobody names is one unknown key and leaks nothing")
    func unknownSequences() {
        #expect(keys("\u{1B}[200~") == [.unknown])
        #expect(keys("\u{1B}[?1;2c") == [.unknown])
        #expect(keys("\u{1B}[<0;12;5M") == [.unknown])
        #expect(keys("\u{1B}[99;99;99X") == [.unknown])
        #expect(keys("\u{1B}Ox") == [.unknown])
        #expect(keys("\u{1B}[27;5;9~a") == [.unknown, .character("a")])
        #expect(keys("\u{1B}[[Z") == [.unknown])
    }

    @Test("a control sequence longer than 32 bytes is abandoned, whole")
    func overlongSequence() {
        let parameters = String(repeating: "1;", count: 40)
        #expect(keys("\u{1B}[" + parameters + "Ab") == [.unknown, .character("b")])
        let longest = "\u{1B}[" + String(repeating: "1", count: 29) + "~"
        #expect(longest.utf8.count == 32)
        #expect(keys(longest) == [.unknown])
        var decoder = KeyDecoder()
        _ = decoder.decode(Array(("\u{1B}[" + parameters).utf8))
        #expect(decoder.bufferedByteCount <= KeyDecoder.maximumSequenceLength)
    }

    @Test("a sequence cut short by a control byte becomes unknown, and the byte still counts")
    func interruptedSequence() {
        #expect(keys("\u{1B}[1;5\r") == [.unknown, .enter])
        #expect(keys("\u{1B}[\r") == [.escape, .character("["), .enter])
        #expect(keys("\u{1B}O\u{7F}") == [.escape, .character("O"), .backspace])
        #expect(keys("\u{1B}[[\u{1B}[A") == [.unknown, .up])
    }
}
