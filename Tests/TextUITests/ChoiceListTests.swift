import Testing

@testable import TextUI

@Suite("Picking one of several options")
struct ChoiceListTests {
    static let kinds: [(value: String, label: String)] = [
        ("pre", "Pre-lesson discussion"), ("post", "Post-lesson analysis"),
        ("session", "Coaching session"), ("check", "Check-in"),
    ]

    @Test("Up, Down, Home and End move the selection")
    func moving() {
        var list = ChoiceList(options: Self.kinds, selected: "post")
        #expect(list.selectedValue == "post")
        #expect(list.handle(.down) == .handled)
        #expect(list.selectedValue == "session")
        _ = list.handle(.up)
        _ = list.handle(.up)
        #expect(list.selectedValue == "pre")
        #expect(list.handle(.up) == .ignored)
        _ = list.handle(.end)
        #expect(list.selectedValue == "check")
        #expect(list.handle(.down) == .ignored)
        _ = list.handle(.home)
        #expect(list.selectedValue == "pre")
        #expect(list.text == "Pre-lesson discussion")
    }

    @Test("with nothing chosen, the first move selects the first option")
    func nothingChosen() {
        var list = ChoiceList(options: Self.kinds, selected: nil)
        #expect(list.selectedValue == nil)
        #expect(list.text == "")
        _ = list.handle(.down)
        #expect(list.selectedValue == "pre")
        list.selectedValue = "nonsense"
        #expect(list.selectedValue == nil)
    }

    @Test("typing a letter jumps to the next option starting with it")
    func typeToJump() {
        var list = ChoiceList(options: Self.kinds, selected: "pre")
        _ = list.handle(.character("p"))
        #expect(list.selectedValue == "post")
        _ = list.handle(.character("P"))
        #expect(list.selectedValue == "pre")
        _ = list.handle(.character("c"))
        #expect(list.selectedValue == "session")
        _ = list.handle(.character("c"))
        #expect(list.selectedValue == "check")
        #expect(list.handle(.character("z")) == .handled)
        #expect(list.selectedValue == "check")
        var names = ChoiceList(
            options: [("1", "Ann"), ("2", "Ŵyn"), ("3", "Óisín")], selected: nil)
        _ = names.handle(.character("w"))
        #expect(names.selectedValue == "2")
        _ = names.handle(.character("o"))
        #expect(names.selectedValue == "3")
    }

    @Test("PgUp and PgDn move a page; form keys are ignored")
    func paging() {
        let options = (1...20).map { (value: "\($0)", label: "Option \($0)") }
        var list = ChoiceList(options: options, selected: "1", height: 5)
        _ = list.handle(.pageDown)
        #expect(list.selectedValue == "5")
        _ = list.handle(.pageDown)
        _ = list.handle(.pageDown)
        _ = list.handle(.pageDown)
        _ = list.handle(.pageDown)
        #expect(list.selectedValue == "20")
        _ = list.handle(.pageUp)
        #expect(list.selectedValue == "16")
        for key: Key in [.tab, .enter, .escape, .control("s")] {
            #expect(list.handle(key) == .ignored)
        }
    }

    @Test("the selection shows in reverse video and scrolls into view")
    func drawing() {
        let options = (1...20).map { (value: "\($0)", label: "Option \($0)") }
        var list = ChoiceList(options: options, selected: "1", height: 5)
        var screen = Screen(width: 30, height: 6)
        let area = Rect(row: 0, column: 0, width: 20, height: 5)
        list.draw(into: &screen, at: area, focused: true)
        #expect(screen.line(0) == "> Option 1")
        #expect(screen.line(1) == "  Option 2")
        #expect(screen[0, 0].style == .reverse)
        #expect(screen[0, 15].style == .reverse)
        #expect(screen[1, 2].style == .plain)
        #expect(screen.cursor?.row == 0)
        #expect(screen[4, 19].character == "↓")
        for _ in 0..<7 { _ = list.handle(.down) }
        screen = Screen(width: 30, height: 6)
        list.draw(into: &screen, at: area, focused: true)
        #expect(screen.line(4).hasPrefix("> Option 8 "))
        #expect(screen.line(0).hasPrefix("  Option 4"))
        #expect(screen[0, 19].character == "↑")
        screen = Screen(width: 30, height: 6)
        list.draw(into: &screen, at: area, focused: false)
        #expect(screen[4, 2].style == .bold)
        #expect(screen.cursor == nil)
    }

    @Test("a long label is cut to the area with an ellipsis")
    func longLabel() {
        let list = ChoiceList(
            options: [("x", "A very long label that cannot fit in the area")], selected: "x")
        var screen = Screen(width: 20, height: 1)
        list.draw(into: &screen, at: Rect(row: 0, column: 0, width: 15, height: 1), focused: true)
        #expect(screen.line(0) == "> A very long…")
    }
}
