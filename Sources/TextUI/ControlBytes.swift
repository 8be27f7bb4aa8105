/// Escape sequences written as bytes, without making strings: shared by the
/// renderer's frames and the line's echo ahead, both on the typing path.
extension Array where Element == UInt8 {
    /// A number in decimal digits.
    mutating func append(decimal number: Int) {
        if number >= 10 { append(decimal: number / 10) }
        append(0x30 + UInt8(Swift.max(0, number) % 10))
    }

    /// ESC [ row ; column H, from zero-based `row` and `column`.
    mutating func appendCursorMove(row: Int, column: Int) {
        append(contentsOf: [0x1B, 0x5B])
        append(decimal: row + 1)
        append(0x3B)
        append(decimal: column + 1)
        append(0x48)
    }
}
