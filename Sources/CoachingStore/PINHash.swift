import Crypto
import Foundation
import _CryptoExtras

/// A PIN kept as a salted scrypt hash: `scrypt$N$r$p$salt$hash`, base64.
///
/// A PIN is short, so the hash is deliberately slow (about 50 ms) to make
/// guessing a stolen database costly; the kiosk's lockout stops guessing
/// at the terminal.
enum PINHash {
    static let rounds = 16_384
    static let blockSize = 8
    static let parallelism = 1

    static func make(pin: String) throws -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let hash = try derive(pin: pin, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return [
            "scrypt", "\(rounds)", "\(blockSize)", "\(parallelism)",
            Data(salt).base64EncodedString(), hash.base64EncodedString(),
        ].joined(separator: "$")
    }

    static func verify(pin: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]),
            let p = Int(parts[3]), let salt = Data(base64Encoded: parts[4]),
            let expected = Data(base64Encoded: parts[5]),
            let actual = try? derive(pin: pin, salt: Array(salt), rounds: n, blockSize: r, parallelism: p)
        else { return false }
        // Constant-time comparison.
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(pin: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int)
        throws -> Data
    {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(pin.utf8), salt: salt, outputByteCount: 32, rounds: rounds,
            blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }

    /// Nil when the PIN is acceptable, else what is wrong with it.
    static func problem(with pin: String) -> String? {
        guard (4...12).contains(pin.count) else { return "a PIN is 4 to 12 digits" }
        guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { return "a PIN holds digits only" }
        guard Set(pin).count > 1 else { return "a PIN of one repeated digit is too easy to guess" }
        return nil
    }
}
