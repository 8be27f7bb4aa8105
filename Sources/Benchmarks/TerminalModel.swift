import Foundation

/// Just enough of a VT100 to read the kiosk's screens: cursor moves,
/// clearing, UTF-8 text; styles are ignored. Every character is taken to be
/// one column wide (the kiosk's screens in the benchmark are).
struct TerminalScreen: Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Unicode.Scalar]
    private var row = 0
    private var column = 0

    private enum State: Sendable {
        case ground
        case escape
        case controlSequence
    }

    private var state = State.ground
    /// The numbers of the control sequence being read (nil where left out),
    /// parsed as the digits come: a terminal reads a frame without making a
    /// string of every sequence in it.
    private var numbers: [Int?] = []
    private var utf8Scalar: UInt32 = 0
    private var utf8Needed = 0

    init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        cells = Array(repeating: " ", count: width * height)
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            switch state {
            case .ground: ground(byte)
            case .escape:
                if byte == UInt8(ascii: "[") {
                    numbers.removeAll(keepingCapacity: true)
                    numbers.append(nil)
                    state = .controlSequence
                } else {
                    state = .ground
                }
            case .controlSequence:
                if (0x40...0x7E).contains(byte) {
                    controlSequence(final: byte)
                    state = .ground
                } else if byte == UInt8(ascii: ";") {
                    if numbers.count < 16 { numbers.append(nil) }
                } else if (0x30...0x39).contains(byte), let last = numbers.indices.last {
                    numbers[last] = min(9999, (numbers[last] ?? 0) * 10 + Int(byte - 0x30))
                }
            }
        }
    }

    private mutating func ground(_ byte: UInt8) {
        if utf8Needed > 0 {
            guard byte & 0xC0 == 0x80 else {
                utf8Needed = 0
                ground(byte)
                return
            }
            utf8Scalar = utf8Scalar << 6 | UInt32(byte & 0x3F)
            utf8Needed -= 1
            if utf8Needed == 0 { put(Unicode.Scalar(utf8Scalar) ?? "\u{FFFD}") }
            return
        }
        switch byte {
        case 0x1B: state = .escape
        case 0x0D: column = 0
        case 0x0A: lineFeed()
        case 0x08: column = max(0, column - 1)
        case 0x00..<0x20, 0x7F: break
        case 0x20..<0x80: put(Unicode.Scalar(byte))
        case 0xC0..<0xE0:
            utf8Scalar = UInt32(byte & 0x1F)
            utf8Needed = 1
        case 0xE0..<0xF0:
            utf8Scalar = UInt32(byte & 0x0F)
            utf8Needed = 2
        case 0xF0..<0xF8:
            utf8Scalar = UInt32(byte & 0x07)
            utf8Needed = 3
        default: break
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if column >= width {
            column = 0
            lineFeed()
        }
        cells[row * width + column] = scalar
        column += 1
    }

    private mutating func lineFeed() {
        if row < height - 1 {
            row += 1
        } else {
            cells.removeFirst(width)
            cells += Array(repeating: " ", count: width)
        }
    }

    private mutating func controlSequence(final: UInt8) {
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            let newRow = (numbers.first ?? nil) ?? 1
            let newColumn = (numbers.count > 1 ? numbers[1] : nil) ?? 1
            row = min(max(newRow - 1, 0), height - 1)
            column = min(max(newColumn - 1, 0), width - 1)
        case UInt8(ascii: "J"):
            if (numbers.first ?? nil) == 2 {
                cells = Array(repeating: " ", count: width * height)
            } else {
                for index in (row * width + column)..<cells.count { cells[index] = " " }
            }
        case UInt8(ascii: "K"):
            for index in (row * width + column)..<(row * width + width) { cells[index] = " " }
        default:
            break
        }
    }

    /// Row `index` as text, from `column` on.
    func text(row index: Int, from column: Int = 0) -> String {
        guard (0..<height).contains(index) else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: cells[(index * width + min(column, width))..<(index * width + width)])
        return String(scalars)
    }

    var rows: [String] { (0..<height).map { text(row: $0) } }

    func contains(_ text: String) -> Bool { rows.contains { $0.contains(text) } }

    /// The number in front of a menu line that reads `label` (" 3  Print a document").
    func menuNumber(of label: String) -> Int? {
        for line in rows {
            guard let range = line.range(of: label) else { continue }
            let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if let number = Int(before) { return number }
        }
        return nil
    }
}
