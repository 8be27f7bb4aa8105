import Coaching
import Testing

private typealias Row = SmallCells.Row<String>

/// Each shown row as `label: cell, cell`.
private func lines(_ rows: [SmallCells.Shown<String>]) -> [String] {
    rows.map { "\($0.label): " + $0.cells.map(\.text).joined(separator: ", ") }
}

@Suite("Small cells")
struct SmallCellsTests {
    @Test(
        "a single count is shown from the threshold up; zero is shown",
        arguments: [
            (3, 0, "0"), (3, 1, "fewer than 3"), (3, 2, "fewer than 3"), (3, 3, "3"), (3, 4, "4"),
            (5, 4, "fewer than 5"), (5, 5, "5"), (5, 6, "6"), (1, 1, "1"),
        ])
    func display(threshold: Int, count: Int, expected: String) {
        #expect(SmallCells(threshold: threshold).display(count) == expected)
    }

    @Test("rows at N−1 are merged, rows at N and N+1 are not")
    func mergeEdges() {
        let rule = SmallCells()
        let rows = [Row("Maths", [4]), Row("English", [3]), Row("Science", [2]), Row("PE", [2])]
        let shown = rule.merging(rows, into: "Other subjects", totalsShown: false)
        #expect(lines(shown) == ["Maths: 4", "English: 3", "Other subjects: 4"])
        #expect(shown.last?.sources == ["Science", "PE"])
    }

    @Test("a merged row still under N reads \"fewer than N\" when no total is shown")
    func mergedStillSmall() {
        let rule = SmallCells()
        let rows = [Row("Maths", [5]), Row("English", [4]), Row("Science", [2])]
        #expect(
            lines(rule.merging(rows, into: "Other subjects", totalsShown: false))
                == ["Maths: 5", "English: 4", "Other subjects: fewer than 3"])
    }

    @Test("with a total shown, the next smallest row is merged too, so nothing is found by subtraction")
    func mergeAgainstTotal() {
        let rule = SmallCells()
        let rows = [Row("Maths", [5]), Row("English", [4]), Row("Science", [2])]
        let shown = rule.merging(rows, into: "Other subjects")
        #expect(lines(shown) == ["Maths: 5", "Other subjects: 6"])
        #expect(shown.last?.sources == ["English", "Science"])
    }

    @Test("a row is merged if any of its columns is under N; zero does not count as small")
    func severalColumns() {
        let rule = SmallCells()
        let rows = [
            Row("Maths", [3, 5]), Row("English", [4, 2]), Row("Welsh", [3, 0]), Row("Science", [6, 7]),
            Row("PE", [1, 1]),
        ]
        let shown = rule.merging(rows, into: "Other")
        #expect(lines(shown) == ["Maths: 3, 5", "Welsh: 3, 0", "Science: 6, 7", "Other: 5, 3"])
    }

    @Test("a row already called by the merged row's name is folded into it")
    func otherRowJoins() {
        let rule = SmallCells()
        let rows = [Row("Course", [4]), Row("Other", [3]), Row("Reading", [1]), Row("Lesson study", [5])]
        let shown = rule.merging(rows, into: "Other")
        #expect(lines(shown) == ["Course: 4", "Lesson study: 5", "Other: 4"])
        #expect(shown.last?.sources == ["Other", "Reading"])
    }

    @Test("when everything is small, one row stands for all and reads \"fewer than N\"")
    func allSmall() {
        let rule = SmallCells()
        #expect(lines(rule.merging([Row("A", [1]), Row("B", [1])], into: "Other")) == ["Other: fewer than 3"])
        #expect(rule.merging([Row("A", [3])], into: "Other").map(\.label) == ["A"])
        #expect(rule.merging([Row](), into: "Other").isEmpty)
    }

    @Test("the people behind rows are counted once when the rows merge")
    func people() {
        let rule = SmallCells()
        let rows = [
            Row("Course", [4], people: ["PRA"]), Row("Reading", [2], people: ["PRA", "SJO"]),
            Row("Lesson study", [6], people: ["SJO", "TWR", "OEL"]),
        ]
        let separate = rule.merging(rows, into: "Other", totalsShown: false)
        #expect(separate.map(\.label) == ["Lesson study", "Other"])
        #expect(separate.map(\.people) == [.count(3), .fewerThan(3)], "PRA and SJO are two people, not three")
        #expect(separate.map(\.cells) == [[.count(6)], [.count(6)]])
        let together = rule.merging(rows, into: "Other")
        #expect(together.map(\.label) == ["Other"])
        #expect(together.first?.people == .count(4))
        #expect(together.first?.cells == [.count(12)])
        #expect(rule.merging([Row("A", [5])], into: "Other").first?.people == nil)
    }

    @Test("suppressing in place rules on the number of people as on any column")
    func suppressPeople() {
        let rule = SmallCells()
        let rows = [
            Row("P1", [4], people: ["A"]), Row("P2", [5], people: ["A", "B", "C", "D"]), Row("P3", [0], people: []),
        ]
        let shown = rule.suppressing(rows)
        #expect(shown.map(\.cells) == [[.count(4)], [.count(5)], [.count(0)]])
        #expect(shown.map(\.people) == [.withheld, .withheld, .count(0)])
        #expect(rule.suppressing(rows, totalsShown: false).map(\.people) == [.fewerThan(3), .count(4), .count(0)])
    }

    @Test("suppressing in place keeps every row and hides N−1, not N or N+1")
    func suppressEdges() {
        let rule = SmallCells()
        let rows = [
            Row("Agreement", [2]), Row("Pre-lesson", [3]), Row("Observed", [4]), Row("Closed", [0]),
            Row("Impact", [1]),
        ]
        #expect(
            lines(rule.suppressing(rows))
                == ["Agreement: fewer than 3", "Pre-lesson: 3", "Observed: 4", "Closed: 0", "Impact: fewer than 3"])
    }

    @Test("one small cell and a total: the next smallest is withheld and both read \"withheld\"")
    func suppressAgainstTotal() {
        let rule = SmallCells()
        let rows = [Row("P1", [5, 3]), Row("P2", [1, 4]), Row("P3", [3, 6]), Row("P4", [0, 0])]
        #expect(
            lines(rule.suppressing(rows)) == ["P1: 5, 3", "P2: withheld, 4", "P3: withheld, 6", "P4: 0, 0"])
        #expect(
            lines(rule.suppressing(rows, totalsShown: false))
                == ["P1: 5, 3", "P2: fewer than 3, 4", "P3: 3, 6", "P4: 0, 0"])
    }

    @Test("several small cells that must all be 1 (or all N−1) are protected from their total too")
    func pinnedSmallCells() {
        let rule = SmallCells()
        #expect(
            lines(rule.suppressing([Row("A", [1]), Row("B", [1]), Row("C", [4]), Row("D", [5])]))
                == ["A: withheld", "B: withheld", "C: withheld", "D: 5"])
        #expect(
            lines(rule.suppressing([Row("A", [1]), Row("B", [2]), Row("C", [4])]))
                == ["A: fewer than 3", "B: fewer than 3", "C: 4"])
    }

    @Test("in 5,000 random breakdowns no small number is ever shown, and merged rows are safe from totals")
    func property() {
        var seed: UInt64 = 7
        func next(_ range: ClosedRange<Int>) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((seed >> 33) % UInt64(range.count))
        }
        for _ in 0..<5000 {
            let rule = SmallCells(threshold: next(2...5))
            let width = next(1...3)
            let rows = (0..<next(0...8)).map { Row("r\($0)", (0..<width).map { _ in next(0...8) }) }
            for shown in [rule.merging(rows, into: "Other"), rule.suppressing(rows)] {
                for row in shown {
                    for cell in row.cells {
                        if let count = cell.count { #expect(!rule.isSmall(count)) }
                    }
                }
            }
            // A merged row may stay small only in a column where it is the whole total.
            let merged = rule.merging(rows, into: "Other")
            if let other = merged.last, other.label == "Other" {
                for (column, cell) in other.cells.enumerated() where cell.count == nil {
                    #expect(merged.dropLast().allSatisfy { $0.cells[column].count == 0 }, "\(rows) → \(merged)")
                }
            }
        }
    }
}
