import Foundation
import Reports
import Testing

@testable import Kiosk

@Suite("Reports laid out for a terminal")
struct ReportViewTests {
    let table = ReportTable(
        kind: .goals, level: .school, title: "Goals by school priority",
        columns: [
            ReportColumn(key: "priority", heading: "Priority"),
            ReportColumn(key: "title", heading: "Title"),
            ReportColumn(key: "goals", heading: "Goals", isNumber: true),
        ],
        rows: [
            ReportRow(cells: [.text("P1"), .text("Adaptive teaching for pupils with SEND"), .number(12)]),
            ReportRow(
                cells: [.text("P2"), .text(String(repeating: "Oracy across the curriculum ", count: 4)), .number(3)],
                drill: .priority("P2")),
            ReportRow(cells: [.text("P3"), .text("Reading"), .suppressed("fewer than 3")], flag: "few goals"),
            ReportRow(cells: [.text("P4"), .text("Retrieval"), .number(0)], flag: "no coaching goal"),
        ])

    @Test("every line fits the width; numbers line up on the right; long text is cut with an ellipsis")
    func fits() {
        let view = ReportView(table: table)
        let (heading, rows) = view.lines(width: 78)
        for line in [heading] + rows { #expect(line.count <= 78, "\(line)") }
        #expect(rows[1].contains("…"))
        let goals = rows.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows[0].contains("12") && rows[3].contains("no coaching goal"))
        #expect(heading.contains("Flag"))
        #expect(goals.count == 4)
        // "12" and "3" end in the same column.
        let twelve = rows[0].range(of: "12")!.upperBound
        let three = rows[1].range(of: " 3 ")!.lowerBound
        #expect(
            rows[0].distance(from: rows[0].startIndex, to: twelve) == rows[1].distance(
                from: rows[1].startIndex, to: three) + 2)
    }

    @Test("sorting by a number column puts the largest first; a suppressed count sorts as the smallest")
    func sorting() {
        var view = ReportView(table: table, sortColumn: 2, descending: true)
        #expect(view.orderedRows.map(\.index) == [0, 1, 3, 2])
        view.descending = false
        #expect(view.orderedRows.map(\.index) == [2, 3, 1, 0])
        view.sortColumn = nil
        #expect(view.orderedRows.map(\.index) == [0, 1, 2, 3], "the report's own order")
        #expect(view.lines(width: 78).heading.contains("Goals"))
    }
}
