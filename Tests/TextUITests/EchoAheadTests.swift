import Testing

@testable import TextUI

/// A character typed at the end of notes is echoed before the session has
/// handled it; the frame drawn after must agree with the echo to the cell.
@Suite("Echoing a character ahead of its frame")
struct EchoAheadTests {
    static let area = Rect(row: 2, column: 10, width: 30, height: 5)

    static func frame(_ notes: inout NotesArea, on screen: inout Screen) {
        notes.redraw(into: &screen, at: area, focused: true)
    }

    /// With `framesPutOff`, no frame is drawn after an echo ahead (as the kiosk
    /// does once the field has text): the frame drawn before the next other
    /// key, covering every echo since the last, must send nothing.
    @Test(
        "typed at random, every echo ahead is what the next frame shows: that frame sends nothing",
        arguments: [false, true])
    func echoesAgreeWithFrames(framesPutOff: Bool) {
        var random = SplitMix64(seed: 11)
        var notes = NotesArea(maxLength: 120, width: Self.area.width, height: Self.area.height)
        var screen = Screen(width: 50, height: 10)
        var renderer = ANSIRenderer()
        Self.frame(&notes, on: &screen)
        _ = renderer.render(&screen)
        let pieces: [Key] = typing("abcdefghij klmnop, QRS.") + [.enter, .backspace, .left, .end, .character("é")]
        var echoed = 0
        for step in 0..<3000 {
            if notes.text.count >= 110 {
                notes.text = ""
                Self.frame(&notes, on: &screen)
                _ = renderer.render(&screen)
            }
            let key = pieces[Int.random(in: 0..<pieces.count, using: &random)]
            let ahead = notes.echoAhead(at: Self.area)
            if let ahead, case let .character(character) = key, let byte = character.asciiValue,
                EchoAhead.echoes(byte)
            {
                let echo = ahead.echo(byte)
                #expect(echo.first == byte, "the character goes first, where the cursor is")
                #expect(echo.text.hasSuffix("\u{1B}[\(ahead.row + 1);\(ahead.column + 2)H\u{1B}[?25h"))
                renderer.noteEchoedAhead(String(character), as: ahead)
                _ = notes.handle(key)
                if !framesPutOff {
                    Self.frame(&notes, on: &screen)
                    #expect(renderer.render(&screen).isEmpty, "step \(step): the echo showed the whole change")
                }
                echoed += 1
            } else {
                if framesPutOff {
                    Self.frame(&notes, on: &screen)
                    #expect(renderer.render(&screen).isEmpty, "step \(step): the echoes showed every change")
                }
                _ = notes.handle(key)
                Self.frame(&notes, on: &screen)
                _ = renderer.render(&screen)
            }
            // What the renderer takes the terminal to show is the notes drawn afresh,
            // compared whole: nothing to send.
            var fresh = Screen(width: 50, height: 10)
            notes.draw(into: &fresh, at: Self.area, focused: true)
            #expect(renderer.render(fresh).isEmpty, "step \(step)")
        }
        #expect(echoed > 500, "most characters typed at the end were echoed ahead (\(echoed))")
    }

    @Test("no echo ahead in the middle of the text, at the end of a full line, or in a full field")
    func onlyWhereNothingElseMoves() {
        var notes = NotesArea(maxLength: 40, width: Self.area.width, height: Self.area.height)
        _ = notes.handle(.character("a"))
        #expect(notes.echoAhead(at: Self.area) != nil)
        #expect(notes.echoAhead(at: Rect(row: 2, column: 10, width: 20, height: 5)) == nil, "another width")
        _ = notes.handle(.left)
        #expect(notes.echoAhead(at: Self.area) == nil, "the cursor is not at the end")
        notes.text = String(repeating: "x", count: 28)
        #expect(notes.echoAhead(at: Self.area) == nil, "the line has no room to spare")
        notes.text = String(repeating: "x ", count: 20)
        #expect(notes.text.count == 40)
        #expect(notes.echoAhead(at: Self.area) == nil, "the field is full")
        notes.text = "Goal"
        let ahead = notes.echoAhead(at: Self.area)
        #expect(
            ahead
                == EchoAhead(
                    row: 2, column: 14, characters: 4, maxLength: 40, countRow: 6, countEnd: 40, countWidth: 30,
                    room: 24),
            "after Goal, up to column 27: the text wraps a column short of the area's 30")
        #expect(ahead?.count(after: 0).text == "5/40", "the count after the character")
        #expect(ahead?.count(after: 0).column == 36, "right-aligned on the area's last row")
        #expect(ahead?.holds == false, "a plan is held only when the session says so")
        var wide = NotesArea(text: String(repeating: "x", count: 38), maxLength: 40, width: 60, height: 5)
        #expect(wide.echoAhead(at: Rect(row: 0, column: 0, width: 60, height: 5))?.room == 2, "two more fill it")
        _ = wide.handle(.character("x"))
        #expect(wide.echoAhead(at: Rect(row: 0, column: 0, width: 60, height: 5))?.room == 1)
    }

    @Test("a run: the plan's echo of its k-th character is the echo planned after k, until the line is full")
    func runsAgreeWithSingleEchoes() {
        var random = SplitMix64(seed: 29)
        let words: [String] = ["Ask", " more", " open", " questions.", " Wait", " time", "\n", " é"]
        for trial in 0..<200 {
            var notes = NotesArea(maxLength: 90, width: Self.area.width, height: Self.area.height)
            var text = ""
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                text += words[Int.random(in: 0..<words.count, using: &random)]
            }
            notes.text = text
            var screen = Screen(width: 50, height: 10)
            var renderer = ANSIRenderer()
            Self.frame(&notes, on: &screen)
            _ = renderer.render(&screen)
            guard let plan = notes.echoAhead(at: Self.area)?.holding(true) else { continue }
            var run = ""
            for index in 0..<plan.room {
                let byte = UInt8(ascii: "a") + UInt8(Int.random(in: 0..<26, using: &random))
                let single = notes.echoAhead(at: Self.area)
                #expect(single?.echo(byte) == plan.echo(byte, at: index), "trial \(trial), character \(index)")
                _ = notes.handle(.character(Character(Unicode.Scalar(byte))))
                run.append(Character(Unicode.Scalar(byte)))
            }
            #expect(notes.echoAhead(at: Self.area) == nil, "trial \(trial): the run filled the line or the field")
            renderer.noteEchoedAhead(run, as: plan)
            Self.frame(&notes, on: &screen)
            #expect(renderer.render(&screen).isEmpty, "trial \(trial): the echoes showed the whole run")
        }
    }

    @Test("an echo ahead that the frame does not bear out is put right by the next frame")
    func wrongEchoPutRight() {
        var notes = NotesArea(maxLength: 120, width: Self.area.width, height: Self.area.height)
        var screen = Screen(width: 50, height: 10)
        var renderer = ANSIRenderer()
        _ = notes.handle(.character("a"))
        Self.frame(&notes, on: &screen)
        _ = renderer.render(&screen)
        let ahead = try! #require(notes.echoAhead(at: Self.area))
        // The line echoed "z", but the session did not take it (say the field refused it).
        renderer.noteEchoedAhead("z", as: ahead)
        Self.frame(&notes, on: &screen)
        let repair = renderer.render(&screen).text
        #expect(repair.contains("\u{1B}[3;12H "), "the z is blanked out")
        #expect(repair.contains("\u{1B}[7;36H\u{1B}[0;2m1"), "the count's digit goes back from 2 to 1")
        #expect(repair.hasSuffix("\u{1B}[3;12H\u{1B}[?25h"), "the cursor goes back after the a")
    }

    @Test("a frame that changes nothing, with the cursor where it was, sends nothing")
    func unchangedFrameSendsNothing() {
        var renderer = ANSIRenderer()
        _ = renderer.render(ANSIRendererTests.sample())
        #expect(renderer.render(ANSIRendererTests.sample()).isEmpty)
    }
}
