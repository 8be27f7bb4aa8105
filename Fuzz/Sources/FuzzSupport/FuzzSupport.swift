import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer's driver with this program's arguments, calling
/// `testOneInput` with each input, and exits with its status.
public func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// Stops the fuzzer with what went wrong: libFuzzer then saves the input
/// that did it (`crash-…`) and the run fails.
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, input: [UInt8],
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    let bytes = input.prefix(256).map { String($0) }.joined(separator: ",")
    let report = Array(
        "invariant broken at \(file):\(line): \(message())\ninput (\(input.count) bytes): [\(bytes)]\n".utf8)
    _ = report.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// A small deterministic random generator, seeded from the input, so that
/// a saved crash input always splits the same way again.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeded by the FNV-1a hash of `bytes`.
    public init(hashing bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// `bytes` cut into pieces of 1 to `longest` bytes, at places `random` picks.
public func pieces(of bytes: [UInt8], longest: Int, using random: inout SplitMix64) -> [ArraySlice<UInt8>] {
    var result: [ArraySlice<UInt8>] = []
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + Int.random(in: 1...max(1, longest), using: &random))
        result.append(bytes[start..<end])
        start = end
    }
    return result
}
