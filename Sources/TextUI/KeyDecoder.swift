/// Turns the bytes a terminal sends into keys, keeping its place across reads.
///
/// An escape sequence, a UTF-8 character or a CR LF pair may be split over
/// two reads; the decoder waits for the rest. A lone ESC cannot be told
/// from the start of a sequence, so it stays pending until the next byte or
/// until the session calls `flushPendingEscape()` after a short pause
/// (about 50 ms) with nothing more read.
public struct KeyDecoder: Sendable {
    private enum State: Sendable, Equatable {
        case ground
        /// After ESC.
        case escape
        /// After ESC [.
        case controlSequence
        /// After ESC [ [ (Linux console F1–F5).
        case linuxFunction
        /// After ESC O.
        case singleShift
        /// Inside a control sequence too long to keep, up to its final byte.
        case discarding
        /// Inside a UTF-8 character: the bytes still to come and the range
        /// the next one must fall in.
        case utf8(remaining: Int, lower: UInt8, upper: UInt8)
        /// After an invalid UTF-8 byte: its continuation bytes belong to it.
        case invalidUTF8
    }

    /// The longest control sequence kept, ESC included.
    static let maximumSequenceLength = 32

    private var state = State.ground
    /// The bytes of the escape sequence so far, after the ESC.
    private var sequence: [UInt8] = []
    private var scalar: UInt32 = 0
    private var afterCarriageReturn = false

    public init() {}

    /// True when the input so far ends in a lone ESC, which is the Escape
    /// key if nothing follows shortly: then call `flushPendingEscape()`.
    /// A sequence already under way (ESC [ 1 ;) waits for its remaining
    /// bytes instead, so it never leaks them as characters.
    public var hasPendingEscape: Bool {
        state == .escape
    }

    /// True inside an unfinished escape sequence, a lone ESC included.
    var isInsideSequence: Bool {
        switch state {
        case .escape, .controlSequence, .linuxFunction, .singleShift, .discarding: true
        case .ground, .utf8, .invalidUTF8: false
        }
    }

    /// The bytes held for an unfinished escape sequence.
    var bufferedByteCount: Int {
        isInsideSequence ? sequence.count + 1 : 0
    }

    /// The keys these bytes complete.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [Key] {
        var keys: [Key] = []
        for byte in bytes {
            feed(byte, into: &keys)
        }
        return keys
    }

    /// Ends an unfinished escape sequence as what a person typed: a lone ESC
    /// is the Escape key, ESC [ or ESC O is Alt-[ or Alt-O, and a longer
    /// one is `.unknown`.
    public mutating func flushPendingEscape() -> [Key] {
        defer {
            if isInsideSequence {
                state = .ground
                sequence = []
            }
        }
        switch state {
        case .escape:
            return [.escape]
        case .controlSequence, .singleShift:
            if sequence.count == 1, let byte = sequence.first {
                return [.escape, .character(Character(Unicode.Scalar(byte)))]
            }
            return [.unknown]
        case .linuxFunction:
            return [.unknown]
        case .discarding, .ground, .utf8, .invalidUTF8:
            return []
        }
    }

    private mutating func feed(_ byte: UInt8, into keys: inout [Key]) {
        switch state {
        case .ground:
            ground(byte, into: &keys)
        case .escape:
            escape(byte, into: &keys)
        case .controlSequence:
            controlSequence(byte, into: &keys)
        case .linuxFunction:
            if (0x40...0x7E).contains(byte) {
                sequence.append(byte)
                finishSequence(into: &keys)
            } else {
                abandonSequence(reprocessing: byte, into: &keys)
            }
        case .singleShift:
            singleShift(byte, into: &keys)
        case .discarding:
            switch byte {
            case 0x20...0x3F:
                break
            case 0x40...0x7E:
                state = .ground
            default:
                state = .ground
                ground(byte, into: &keys)
            }
        case let .utf8(remaining, lower, upper):
            continueCharacter(byte, remaining: remaining, range: lower...upper, into: &keys)
        case .invalidUTF8:
            if !isContinuation(byte) {
                state = .ground
                ground(byte, into: &keys)
            }
        }
    }

    private mutating func ground(_ byte: UInt8, into keys: inout [Key]) {
        if afterCarriageReturn {
            afterCarriageReturn = false
            if byte == 0x0A || byte == 0x00 { return }
        }
        switch byte {
        case 0x1B:
            state = .escape
            sequence = []
        case 0x0D:
            keys.append(.enter)
            afterCarriageReturn = true
        case 0x0A:
            keys.append(.enter)
        case 0x08, 0x7F:
            keys.append(.backspace)
        case 0x09:
            keys.append(.tab)
        case 0x01...0x1A:
            keys.append(.control(Character(Unicode.Scalar(byte + 0x60))))
        case 0x20...0x7E:
            keys.append(.character(Character(Unicode.Scalar(byte))))
        case 0x80...0xFF:
            startCharacter(byte, into: &keys)
        default:
            break
        }
    }

    private mutating func escape(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case UInt8(ascii: "["):
            state = .controlSequence
            sequence = [byte]
        case UInt8(ascii: "O"):
            state = .singleShift
            sequence = [byte]
        case 0x1B:
            keys.append(.escape)
        case 0x20...0x7E:
            keys.append(.escape)
            keys.append(.character(Character(Unicode.Scalar(byte))))
            state = .ground
        default:
            keys.append(.escape)
            state = .ground
            ground(byte, into: &keys)
        }
    }

    private mutating func controlSequence(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case UInt8(ascii: "[") where sequence.count == 1:
            sequence.append(byte)
            state = .linuxFunction
        case UInt8(ascii: "$"), 0x40...0x7E:
            sequence.append(byte)
            finishSequence(into: &keys)
        case 0x20...0x3F:
            appendParameter(byte, into: &keys)
        default:
            abandonSequence(reprocessing: byte, into: &keys)
        }
    }

    private mutating func singleShift(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case 0x40...0x7E:
            sequence.append(byte)
            finishSequence(into: &keys)
        case 0x30...0x3F:
            appendParameter(byte, into: &keys)
        default:
            abandonSequence(reprocessing: byte, into: &keys)
        }
    }

    /// Keeps a parameter byte; a sequence grown too long is given up as `.unknown`.
    private mutating func appendParameter(_ byte: UInt8, into keys: inout [Key]) {
        sequence.append(byte)
        if sequence.count + 1 >= Self.maximumSequenceLength {
            keys.append(.unknown)
            sequence = []
            state = .discarding
        }
    }

    private mutating func finishSequence(into keys: inout [Key]) {
        keys.append(EscapeSequences.key(for: sequence))
        sequence = []
        state = .ground
    }

    /// A sequence cut short by a byte that cannot belong to it: ESC [ or ESC O
    /// alone were Alt-[ and Alt-O; anything longer is an unknown key.
    private mutating func abandonSequence(reprocessing byte: UInt8, into keys: inout [Key]) {
        if sequence.count == 1, let first = sequence.first {
            keys.append(.escape)
            keys.append(.character(Character(Unicode.Scalar(first))))
        } else {
            keys.append(.unknown)
        }
        sequence = []
        state = .ground
        ground(byte, into: &keys)
    }

    // MARK: UTF-8

    private mutating func startCharacter(_ byte: UInt8, into keys: inout [Key]) {
        let (remaining, lower, upper): (Int, UInt8, UInt8)
        switch byte {
        case 0xC2...0xDF: (remaining, lower, upper) = (1, 0x80, 0xBF)
        case 0xE0: (remaining, lower, upper) = (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (remaining, lower, upper) = (2, 0x80, 0xBF)
        case 0xED: (remaining, lower, upper) = (2, 0x80, 0x9F)
        case 0xF0: (remaining, lower, upper) = (3, 0x90, 0xBF)
        case 0xF1...0xF3: (remaining, lower, upper) = (3, 0x80, 0xBF)
        case 0xF4: (remaining, lower, upper) = (3, 0x80, 0x8F)
        default:
            keys.append(.character("\u{FFFD}"))
            state = .invalidUTF8
            return
        }
        let payloadMask: UInt8 = remaining == 1 ? 0x1F : remaining == 2 ? 0x0F : 0x07
        scalar = UInt32(byte & payloadMask)
        state = .utf8(remaining: remaining, lower: lower, upper: upper)
    }

    private mutating func continueCharacter(
        _ byte: UInt8, remaining: Int, range: ClosedRange<UInt8>, into keys: inout [Key]
    ) {
        guard range.contains(byte) else {
            keys.append(.character("\u{FFFD}"))
            if isContinuation(byte) {
                state = .invalidUTF8
            } else {
                state = .ground
                ground(byte, into: &keys)
            }
            return
        }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
        if remaining > 1 {
            state = .utf8(remaining: remaining - 1, lower: 0x80, upper: 0xBF)
            return
        }
        state = .ground
        let isC1Control = (0x80...0x9F).contains(scalar)
        if !isC1Control, let decoded = Unicode.Scalar(scalar) {
            keys.append(.character(Character(decoded)))
        }
    }

    private func isContinuation(_ byte: UInt8) -> Bool {
        (0x80...0xBF).contains(byte)
    }
}
