@testable import TextUI

/// A small deterministic random generator (SplitMix64), so a failing random
/// test fails the same way every time.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The keys for `bytes` read in one go.
func keys(_ bytes: [UInt8]) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.decode(bytes)
}

func keys(_ text: String) -> [Key] {
    keys(Array(text.utf8))
}

/// The keys for `bytes` read in two reads, split before `split`.
func keys(_ bytes: [UInt8], splitAt split: Int) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.decode(bytes[..<split]) + decoder.decode(bytes[split...])
}

/// Characters as keys, one each.
func typing(_ text: String) -> [Key] {
    text.map { .character($0) }
}

extension Array where Element == UInt8 {
    /// The bytes as text, for reading what a renderer or editor sent.
    var text: String { String(decoding: self, as: UTF8.self) }
}
