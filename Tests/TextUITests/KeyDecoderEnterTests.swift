import Testing

@testable import TextUI

@Suite("Enter, Backspace and control keys however the client sends them")
struct KeyDecoderEnterTests {
    @Test("CR, LF, CR LF and CR NUL each make one Enter")
    func enterForms() {
        #expect(keys([0x0D]) == [.enter])
        #expect(keys([0x0A]) == [.enter])
        #expect(keys([0x0D, 0x0A]) == [.enter])
        #expect(keys([0x0D, 0x00]) == [.enter])
    }

    @Test("a CR LF or CR NUL split across two reads is still one Enter")
    func enterSplit() {
        #expect(keys([0x0D, 0x0A], splitAt: 1) == [.enter])
        #expect(keys([0x0D, 0x00], splitAt: 1) == [.enter])
    }

    @Test("two lines typed one after the other make two Enters, in any mix")
    func enterMixes() {
        let forms: [[UInt8]] = [[0x0D], [0x0A], [0x0D, 0x0A], [0x0D, 0x00]]
        for first in forms {
            for second in forms {
                let bytes = [0x61] + first + [0x62] + second + [0x63]
                let expected: [Key] = [
                    .character("a"), .enter, .character("b"), .enter, .character("c"),
                ]
                #expect(keys(bytes) == expected)
                for split in 1..<bytes.count {
                    #expect(keys(bytes, splitAt: split) == expected, "\(bytes) at \(split)")
                }
            }
        }
        #expect(keys([0x0D, 0x0D]) == [.enter, .enter])
        #expect(keys([0x0A, 0x0A]) == [.enter, .enter])
        #expect(keys([0x0D, 0x0A, 0x0A]) == [.enter, .enter])
        #expect(keys([0x0D, 0x0A, 0x0D, 0x0A], splitAt: 2) == [.enter, .enter])
    }

    @Test("a NUL on its own is ignored")
    func nul() {
        #expect(keys([0x00]) == [])
        #expect(keys([0x61, 0x00, 0x62]) == [.character("a"), .character("b")])
    }

    @Test("DEL and BS are both Backspace; HT is Tab")
    func backspaceAndTab() {
        #expect(keys([0x7F]) == [.backspace])
        #expect(keys([0x08]) == [.backspace])
        #expect(keys([0x09]) == [.tab])
    }

    @Test("Ctrl with a letter comes out as that letter, lower case")
    func controlLetters() {
        let skipped: Set<UInt8> = [0x08, 0x09, 0x0A, 0x0D]
        for byte in UInt8(0x01)...0x1A where !skipped.contains(byte) {
            let letter = Character(Unicode.Scalar(byte + 0x60))
            #expect(keys([byte]) == [.control(letter)])
        }
        #expect(keys([0x0B]) == [.control("k")])
        #expect(keys([0x17]) == [.control("w")])
    }

    @Test("printable ASCII is itself")
    func printable() {
        for byte in UInt8(0x20)...0x7E {
            #expect(keys([byte]) == [.character(Character(Unicode.Scalar(byte)))])
        }
    }
}
