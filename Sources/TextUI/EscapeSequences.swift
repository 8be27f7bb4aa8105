/// The escape sequences terminals send for keys, after the ESC.
///
/// One table for xterm, vt100/vt220, the Linux console, PuTTY, rxvt and
/// screen/tmux. `KeyDecoder` looks a complete sequence up here as sent, then
/// without its modifier parameters (`ESC [ 1 ; 5 A` is Ctrl-Up, read as Up).
enum EscapeSequences {
    static let table: [(sequence: String, key: Key)] = [
        // Arrows: normal (CSI) and application (SS3) cursor mode.
        ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
        ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left),
        // rxvt sends Shift- and Ctrl-arrows with lower-case finals.
        ("[a", .up), ("[b", .down), ("[c", .right), ("[d", .left),
        ("Oa", .up), ("Ob", .down), ("Oc", .right), ("Od", .left),
        // Home and End: xterm, vt220 (Find/Select), rxvt, PuTTY and screen.
        ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end),
        ("[1~", .home), ("[4~", .end), ("[7~", .home), ("[8~", .end),
        ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
        ("[Z", .backTab),
        // The keypad's Enter in application keypad mode.
        ("OM", .enter),
        // F1–F4: vt100 PF keys, xterm with modifiers, PuTTY/rxvt, Linux console.
        ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
        ("[P", .function(1)), ("[Q", .function(2)), ("[R", .function(3)), ("[S", .function(4)),
        ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)),
        ("[14~", .function(4)),
        ("[[A", .function(1)), ("[[B", .function(2)), ("[[C", .function(3)),
        ("[[D", .function(4)), ("[[E", .function(5)),
        // F5–F12.
        ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)),
        ("[19~", .function(8)), ("[20~", .function(9)), ("[21~", .function(10)),
        ("[23~", .function(11)), ("[24~", .function(12)),
    ]

    static let keys: [[UInt8]: Key] = Dictionary(
        table.map { (Array($0.sequence.utf8), $0.key) },
        uniquingKeysWith: { first, _ in first })

    /// The key for a complete sequence (the bytes after ESC).
    static func key(for sequence: [UInt8]) -> Key {
        if let key = keys[sequence] { return key }
        guard let introducer = sequence.first, var final = sequence.last, sequence.count > 2
        else { return .unknown }
        let parameters = sequence.dropFirst().dropLast()
        guard parameters.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ";") }) else {
            return .unknown
        }
        // rxvt marks Shift, Ctrl and both with `$`, `^` and `@` in place of `~`.
        if [UInt8(ascii: "$"), UInt8(ascii: "^"), UInt8(ascii: "@")].contains(final) {
            final = UInt8(ascii: "~")
        }
        if final == UInt8(ascii: "~") {
            let number = parameters.prefix(while: isDigit)
            return keys[[introducer] + number + [final]] ?? .unknown
        }
        return keys[[introducer, final]] ?? .unknown
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
