import Reports
import Testing

@Suite struct ReportTableTests {
    @Test func cellsShowNumbersWithoutNeedlessDecimals() {
        #expect(ReportCell.number(12).shown == "12")
        #expect(ReportCell.number(1.25).shown == "1.3")
        #expect(ReportCell.suppressed("fewer than 3").shown == "fewer than 3")
        #expect(ReportCell.none.shown == "")
    }
}
