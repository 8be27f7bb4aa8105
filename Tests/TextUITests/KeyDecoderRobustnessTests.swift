import Testing

@testable import TextUI

@Suite("Random bytes through the key decoder")
struct KeyDecoderRobustnessTests {
    /// Bytes that matter to the decoder, drawn more often than the rest.
    static let interesting: [UInt8] =
        Array(
            "\u{1B}\u{1B}\u{1B}[[[OO0123456789;;~~ABCDHFPZ$^@\r\r\n\n\u{0}\u{7F}\u{8}\t".utf8)
        + [
            0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4,
            0xF5, 0xFF,
        ]

    static func randomBytes(using generator: inout SplitMix64) -> [UInt8] {
        let count = Int.random(in: 0...40, using: &generator)
        return (0..<count).map { _ in
            if Bool.random(using: &generator),
                let byte = interesting.randomElement(using: &generator)
            {
                return byte
            }
            return UInt8.random(in: 0...255, using: &generator)
        }
    }

    @Test("100,000 random inputs read in random chunks decode as they do whole, within bounds")
    func randomChunks() {
        var generator = SplitMix64(seed: 0x5EED_C0AC_4100)
        for _ in 0..<100_000 {
            let bytes = Self.randomBytes(using: &generator)
            var whole = KeyDecoder()
            let expected = whole.decode(bytes) + whole.flushPendingEscape()

            var chunked = KeyDecoder()
            var result: [Key] = []
            var start = 0
            var largestBuffer = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...8, using: &generator))
                result += chunked.decode(bytes[start..<end])
                largestBuffer = max(largestBuffer, chunked.bufferedByteCount)
                start = end
            }
            result += chunked.flushPendingEscape()
            guard result == expected, largestBuffer <= 64, result.allSatisfy(Self.isSafe) else {
                Issue.record("\(bytes): \(result) read in chunks, \(expected) whole")
                return
            }
        }
    }

    @Test("flushing after reads that end mid-sequence never crashes or grows the buffer")
    func flushingEveryPause() {
        var generator = SplitMix64(seed: 42)
        var decoder = KeyDecoder()
        for _ in 0..<20_000 {
            let bytes = Self.randomBytes(using: &generator)
            let keys = decoder.decode(bytes)
            if decoder.isInsideSequence, Bool.random(using: &generator) {
                _ = decoder.flushPendingEscape()
                if decoder.isInsideSequence { Issue.record("still inside a sequence") }
            }
            guard keys.allSatisfy(Self.isSafe), decoder.bufferedByteCount <= 64 else {
                Issue.record("\(bytes) gave \(keys)")
                return
            }
        }
    }

    /// No key carries a control character to the form.
    static func isSafe(_ key: Key) -> Bool {
        guard case let .character(character) = key else { return true }
        return character.unicodeScalars.allSatisfy {
            $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value)
        }
    }
}
