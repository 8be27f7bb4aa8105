import Testing

@testable import TextUI

@Suite("Soft wrapping notes")
struct SoftWrapTests {
    static let paragraph = """
        The coachee wants pupils in year nine to ask more of their own questions during \
        practical work, and will try think-pair-share before each experiment.
        """

    static func wrapped(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return SoftWrap.lines(characters, width: width).map {
            String(characters[$0.start..<$0.end])
        }
    }

    @Test("a long paragraph wraps at 30 columns on word boundaries")
    func paragraphAt30() {
        let lines = Self.wrapped(Self.paragraph, width: 30)
        #expect(
            lines == [
                "The coachee wants pupils in ",
                "year nine to ask more of their ",
                "own questions during practical ",
                "work, and will try ",
                "think-pair-share before each ",
                "experiment.",
            ])
        for line in lines {
            #expect(DisplayWidth.of(line.dropLast(line.hasSuffix(" ") ? 1 : 0)) <= 30)
        }
        #expect(lines.joined() == Self.paragraph)
    }

    @Test("a word longer than the line is broken")
    func longWord() {
        #expect(Self.wrapped("abcdefghij klm", width: 4) == ["abcd", "efgh", "ij ", "klm"])
    }

    @Test("wide characters wrap by display width")
    func wide() {
        #expect(Self.wrapped("中文中文中", width: 4) == ["中文", "中文", "中"])
        #expect(Self.wrapped("a中文", width: 4) == ["a中", "文"])
    }

    @Test("hard line breaks start new lines; empty lines stay")
    func hardBreaks() {
        let characters = Array("one\n\ntwo")
        let lines = SoftWrap.lines(characters, width: 10)
        #expect(
            lines == [
                VisualLine(start: 0, end: 3, endsLine: true),
                VisualLine(start: 4, end: 4, endsLine: true),
                VisualLine(start: 5, end: 8, endsLine: true),
            ])
        #expect(SoftWrap.lines([], width: 10) == [VisualLine(start: 0, end: 0, endsLine: true)])
    }

    @Test("a space that does not fit hangs at the end of the line")
    func hangingSpace() {
        #expect(Self.wrapped("abcd efgh", width: 4) == ["abcd ", "efgh"])
        #expect(Self.wrapped("abcd ", width: 4) == ["abcd ", ""])
    }
}
