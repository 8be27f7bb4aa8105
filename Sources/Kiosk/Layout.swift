import Coaching
import Foundation
import TextUI

/// The frame every full-screen page shares: a title bar, a body, a message
/// line and a line of keys.
enum Layout {
    /// Word-wraps `text` to `width` columns by display width, breaking long words.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    line += (gap == 1 ? " " : "") + word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let w = DisplayWidth.of(character)
                        if headWidth + w > width { break }
                        head.append(character)
                        headWidth += w
                    }
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// A page: title bar with the school and the person, `title` under it,
    /// and the message and key lines at the bottom. Returns the screen and
    /// the body's rows.
    static func page(
        width: Int, height: Int, school: String, person: StaffMember?, today: String,
        title: String, message: String?, keys: String
    ) -> (Screen, body: Rect) {
        var screen = Screen(width: width, height: height)
        screen.fill(row: 0, column: 0, width: width, style: .reverse)
        screen.put(" Coaching Kiosk · " + school, row: 0, column: 0, style: .reverse, width: width - 2)
        let right = (person.map { $0.name + "  " } ?? "") + today + " "
        let rightWidth = DisplayWidth.of(right)
        if rightWidth < width / 2 {
            screen.put(right, row: 0, column: width - rightWidth, style: .reverse)
        }
        screen.put(title, row: 1, column: 1, style: .bold, width: width - 2)
        screen.fill(row: 2, column: 0, width: width, style: .dim, with: "─")
        screen.fill(row: height - 3, column: 0, width: width, style: .dim, with: "─")
        if let message {
            screen.put(message, row: height - 2, column: 1, style: .bold, width: width - 2)
        }
        screen.fill(row: height - 1, column: 0, width: width - 1, style: .reverse)
        screen.put(" " + keys, row: height - 1, column: 0, style: .reverse, width: width - 1)
        screen.cursor = nil
        return (screen, Rect(row: 3, column: 1, width: width - 2, height: height - 6))
    }
}
