/// Makes stored text safe to send to a terminal.
public enum Sanitizer {
    /// `text` without anything a terminal would act on: C0 and C1 controls,
    /// DEL, whole escape sequences (CSI, OSC, DCS and the rest) and the bidi
    /// override and isolate characters. A tab becomes a space; a line break
    /// (LF, CR LF, CR, U+2028, U+2029) becomes `\n` when `keepNewlines` is
    /// true and a space otherwise.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            switch value {
            case 0x1B:
                index = endOfEscapeSequence(scalars, escape: index)
                continue
            case 0x9B:
                index = endOfControlSequence(scalars, parameters: index + 1)
                continue
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                index = endOfControlString(scalars, body: index + 1) ?? index + 1
                continue
            case 0x09:
                result.append(" ")
            case 0x0D where index + 1 < scalars.count && scalars[index + 1].value == 0x0A:
                break
            case 0x0A, 0x0D, 0x2028, 0x2029:
                result.append(keepNewlines ? "\n" : " ")
            case _ where actsOnTerminal(value):
                break
            default:
                result.append(scalars[index])
            }
            index += 1
        }
        return String(result)
    }

    /// True when `clean` would give `text` back unchanged (no newlines kept).
    public static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { actsOnTerminal($0.value) }
    }

    /// Whether a terminal would act on the scalar (controls, DEL, bidi
    /// overrides and isolates) or `clean` changes it (tab, line breaks).
    private static func actsOnTerminal(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// The index after the escape sequence starting at `escape`.
    private static func endOfEscapeSequence(_ scalars: [Unicode.Scalar], escape: Int) -> Int {
        let next = escape + 1
        guard next < scalars.count else { return next }
        switch scalars[next].value {
        case 0x5B:  // [
            return endOfControlSequence(scalars, parameters: next + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _
            return endOfControlString(scalars, body: next + 1) ?? next + 1
        case 0x20...0x2F:
            var index = next
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) {
                index += 1
            }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return index
        case 0x30...0x7E:
            return next + 1
        default:
            return next
        }
    }

    /// The index after a control sequence's parameters and final byte.
    private static func endOfControlSequence(_ scalars: [Unicode.Scalar], parameters: Int) -> Int {
        var index = parameters
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) {
            index += 1
        }
        if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) {
            index += 1
        }
        return index
    }

    /// The index after the terminator (BEL, ESC \ or ST) of an OSC, DCS,
    /// SOS, PM or APC string, or nil if it never ends.
    private static func endOfControlString(_ scalars: [Unicode.Scalar], body: Int) -> Int? {
        var index = body
        while index < scalars.count {
            switch scalars[index].value {
            case 0x07, 0x9C:
                return index + 1
            case 0x1B where index + 1 < scalars.count && scalars[index + 1].value == 0x5C:
                return index + 2
            default:
                index += 1
            }
        }
        return nil
    }
}
