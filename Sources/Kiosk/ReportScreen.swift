import Coaching
import CoachingStore
import Foundation
import Reports
import TextUI

/// A report laid out as lines of text a terminal's width: columns sized to
/// fit, numbers on the right, long text cut with "…", rows in the chosen
/// order. Kept apart from the session so it can be tested as text.
struct ReportView: Sendable {
    var table: ReportTable
    /// The column rows are sorted by, or nil for the report's own order (most pressing first).
    var sortColumn: Int?
    var descending = false

    /// The rows in the order shown, with their index in the table.
    var orderedRows: [(index: Int, row: ReportRow)] {
        let rows = Array(table.rows.enumerated()).map { (index: $0.offset, row: $0.element) }
        guard let column = sortColumn, column < table.columns.count else { return rows }
        let sorted = rows.sorted { a, b in
            let left = Self.sortKey(a.row.cells[safe: column])
            let right = Self.sortKey(b.row.cells[safe: column])
            if left == right { return a.index < b.index }
            return descending ? right < left : left < right
        }
        return sorted
    }

    /// Numbers before words; a suppressed count sorts as the smallest number.
    private struct SortKey: Comparable {
        var number: Double?
        var text: String
        static func < (a: SortKey, b: SortKey) -> Bool {
            switch (a.number, b.number) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.text.localizedStandardCompare(b.text) == .orderedAscending
            }
        }
    }

    private static func sortKey(_ cell: ReportCell?) -> SortKey {
        switch cell {
        case let .number(number)?: SortKey(number: number, text: "")
        case .suppressed?: SortKey(number: -1, text: "")
        case let .text(text)?: SortKey(number: nil, text: text)
        default: SortKey(number: nil, text: "")
        }
    }

    /// Whether the rows' flags need a column of their own (the report has none).
    var hasFlags: Bool {
        table.rows.contains { !$0.flag.isEmpty } && !table.columns.contains { $0.key.lowercased() == "flags" }
    }

    /// The first of the columns after the first that is shown: ← and → move it,
    /// so a report wider than the terminal is read a few columns at a time.
    var firstScrolledColumn = 1

    private var headings: [String] {
        var headings = table.columns.map(\.heading)
        if hasFlags { headings.append("Flag") }
        if let sortColumn, sortColumn < headings.count {
            headings[sortColumn] += descending ? "↓" : "↑"
        }
        return headings
    }

    private var numeric: [Bool] {
        table.columns.map(\.isNumber) + (hasFlags ? [false] : [])
    }

    private func cells(_ row: ReportRow) -> [String] {
        row.cells.map { Sanitizer.clean($0.shown) } + (hasFlags ? [row.flag] : [])
    }

    /// Each column as wide as its widest cell, at most 32.
    private var naturalWidths: [Int] {
        var widths = headings.map { DisplayWidth.of($0) }
        for row in table.rows {
            for (column, text) in cells(row).enumerated() where column < widths.count {
                widths[column] = max(widths[column], min(DisplayWidth.of(text), 32))
            }
        }
        return widths
    }

    /// The columns shown in `width`: the first always, then from
    /// `firstScrolledColumn` as many as fit; the last one shown is narrowed
    /// (down to 8) rather than left out.
    func visibleColumns(fitting width: Int) -> [(column: Int, width: Int)] {
        let widths = naturalWidths
        guard !widths.isEmpty else { return [] }
        var shown = [(column: 0, width: min(widths[0], width))]
        var used = shown[0].width
        let start = min(max(1, firstScrolledColumn), max(1, widths.count - 1))
        for column in start..<widths.count {
            let room = width - used - 2
            if widths[column] <= room {
                shown.append((column, widths[column]))
                used += 2 + widths[column]
            } else {
                if room >= 8 { shown.append((column, room)) }
                break
            }
        }
        return shown
    }

    /// Whether columns are hidden to the right or the left.
    func hiddenColumns(fitting width: Int) -> (left: Bool, right: Bool) {
        let shown = visibleColumns(fitting: width)
        let last = shown.last?.column ?? 0
        return (firstScrolledColumn > 1, last < headings.count - 1 || shown.last?.width ?? 0 < naturalWidths[last])
    }

    func line(_ cells: [String], columns: [(column: Int, width: Int)], numeric: [Bool]) -> String {
        columns.map { column, width in
            let text = cells[safe: column] ?? ""
            let cut = Self.cut(text, to: width)
            let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
            return numeric[safe: column] == true ? pad + cut : cut + pad
        }.joined(separator: "  ")
    }

    /// The heading line and one line per row, in the order shown.
    func lines(width: Int) -> (heading: String, rows: [String]) {
        let columns = visibleColumns(fitting: width)
        let numeric = self.numeric
        let rows = orderedRows.map { line(cells($0.row), columns: columns, numeric: numeric) }
        return (line(headings, columns: columns, numeric: numeric), rows)
    }

    static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        for character in text {
            if DisplayWidth.of(out + String(character)) > width - 1 { break }
            out.append(character)
        }
        return out + "…"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension KioskSession {
    /// The reports the person may run, then the one they choose.
    func reportsMenu() async throws {
        guard let person else { return }
        let builder = ReportBuilder(store: context.store, settings: context.reportSettings, today: today)
        let reader = ReportReader(person: person)
        // The school's questions first: which cycles are stuck, which priorities have no goal.
        let order: [ReportLevel] = [.school, .subject, .individual]
        let kinds: [ReportKind] = [.cycles, .goals, .impact, .cpd]
        let offered = builder.offered(to: reader).flatMap { entry in
            entry.levels.map { (kind: entry.kind, level: $0) }
        }.sorted {
            (order.firstIndex(of: $0.level) ?? 9, kinds.firstIndex(of: $0.kind) ?? 9)
                < (order.firstIndex(of: $1.level) ?? 9, kinds.firstIndex(of: $1.kind) ?? 9)
        }
        guard !offered.isEmpty else { return }
        while true {
            guard
                let choice = try await choose(
                    title: "Reports",
                    intro: [
                        "This academic year so far. Counts under \(context.reportSettings.threshold) read "
                            + "\"fewer than \(context.reportSettings.threshold)\"; leaders see activity, not content."
                    ],
                    options: offered.map { Self.reportLabel($0.kind, $0.level) } + ["Back"])
            else { return }
            guard choice < offered.count else { return }
            let year = AcademicYear(containing: today)
            let filter = ReportFilter(from: year.firstDay, to: today)
            try await showReport(offered[choice].kind, level: offered[choice].level, filter: filter)
        }
    }

    static func reportLabel(_ kind: ReportKind, _ level: ReportLevel) -> String {
        switch (kind, level) {
        case (.cycles, .school): "Cycles: stages, and which are stuck"
        case (.cycles, .subject): "Cycles by subject"
        case (.cycles, .individual): "My cycles' progress"
        case (.goals, .school): "Goals by school priority"
        case (.goals, .subject): "Goals by subject"
        case (.goals, .individual): "My goals and my trios' goals"
        case (.impact, .school): "Impact by priority and term"
        case (.impact, .subject): "Impact by subject"
        case (.impact, .individual): "Impact statements of my cycles"
        case (.cpd, .school): "CPD hours across the school"
        case (.cpd, .subject): "CPD hours by subject"
        case (.cpd, .individual): "My CPD hours"
        }
    }

    /// One report: a paged table, sortable, whose rows open the next level down.
    func showReport(_ kind: ReportKind, level: ReportLevel, filter: ReportFilter) async throws {
        guard let person else { return }
        let reader = ReportReader(person: person)
        let settings = context.reportSettings
        let today = self.today
        let table: ReportTable
        do {
            table = try await context.withStore { store in
                try ReportBuilder(store: store, settings: settings, today: today)
                    .report(kind, level: level, filter: filter, for: reader)
            }
        } catch {
            message = "\(error)"
            return
        }
        // Impact statements read by name are audited, as in "My cycles, goals and records".
        if !table.auditLines.isEmpty {
            let actor = self.actor
            let lines = table.auditLines
            try await context.withStore { store in try store.audit(actor, lines: lines) }
        }
        var view = ReportView(table: table)
        var selected = 0
        var top = 0
        while true {
            let ordered = view.orderedRows
            if !fullScreen {
                guard let picked = try await reportLineByLine(view) else { return }
                if let drill = ordered[safe: picked]?.row.drill {
                    try await follow(drill, from: kind, filter: filter)
                }
                continue
            }
            let frame = { () -> Screen in self.reportFrame(view, selected: selected, top: &top) }
            await show(frame())
            let key = try await nextKey(redraw: frame)
            message = nil
            let count = ordered.count
            switch key {
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(max(0, count - 1), selected + 1)
            case .pageUp: selected = max(0, selected - max(1, height - 9))
            case .pageDown: selected = min(max(0, count - 1), selected + max(1, height - 9))
            case .home: selected = 0
            case .end: selected = max(0, count - 1)
            case .character("s"):
                let columns = table.columns.count
                view.sortColumn = view.sortColumn.map { ($0 + 1) % columns } ?? 0
                view.descending = table.columns[safe: view.sortColumn ?? 0]?.isNumber ?? false
            case .character("r"): view.descending.toggle()
            case .character("o"): view.sortColumn = nil
            case .right:
                if view.hiddenColumns(fitting: width - 2).right { view.firstScrolledColumn += 1 }
            case .left: view.firstScrolledColumn = max(1, view.firstScrolledColumn - 1)
            case .enter:
                if let drill = ordered[safe: selected]?.row.drill {
                    try await follow(drill, from: kind, filter: filter)
                } else {
                    message = "That row opens nothing further."
                }
            case .escape, .character("q"), .backTab: return
            default: break
            }
        }
    }

    /// The next level down: a subject's figures, a priority's cycles, or one cycle's progress.
    private func follow(_ drill: ReportDrill, from kind: ReportKind, filter: ReportFilter) async throws {
        var narrower = filter
        switch drill {
        case let .subject(subject):
            narrower.subject = subject
            try await showReport(kind, level: .subject, filter: narrower)
        case let .priority(priority):
            narrower.priority = priority
            try await showReport(.cycles, level: .school, filter: narrower)
        case let .cycle(id):
            try await showCycleProgress(id)
        }
    }

    /// A cycle's progress as leads may see it: its stages and their dates.
    private func showCycleProgress(_ id: Int64) async throws {
        guard let person else { return }
        let lines = try await context.withStore { store -> [String] in
            let stored = try store.cycle(id)
            let cycle = stored.cycle
            let relation = Relation(of: person.code, in: cycle.trio)
            guard
                AccessPolicy.decide(roles: person.roles, relation: relation, action: .read, on: .cycleProgress)
                    == .allowed
            else { return ["You may not see this cycle's progress."] }
            var lines = [
                "Cycle \(id) · \(cycle.stage.title) since \(cycle.inStageSince.british)",
                "Started \(cycle.startedOn.british)" + (cycle.priority.map { " · priority \($0)" } ?? ""),
                "",
                "Stages:",
            ]
            lines += cycle.history.map { "  \($0.on.british)  \($0.stage.title)" }
            return lines
        }
        try await page(title: "Cycle \(id)", lines: lines)
    }

    private func reportFrame(_ view: ReportView, selected: Int, top: inout Int) -> Screen {
        let hidden = view.hiddenColumns(fitting: width - 2)
        var (screen, body) = Layout.page(
            width: width, height: height, school: context.schoolName, person: person, today: today.british,
            title: view.table.title, message: message,
            keys: "↑↓ rows" + (hidden.left || hidden.right ? " · ←→ columns" : "")
                + " · Enter open · s sort · r reverse · o order · Esc back")
        let (heading, rows) = view.lines(width: body.width)
        var row = body.row
        screen.put(heading, row: row, column: body.column, style: .underline, width: body.width)
        row += 1
        let notes = view.table.notes.flatMap { Layout.wrap($0, width: body.width) }.prefix(2)
        let room = max(1, body.height - 1 - (notes.isEmpty ? 0 : notes.count + 1))
        if selected < top { top = selected }
        if selected >= top + room { top = selected - room + 1 }
        if rows.isEmpty {
            screen.put("Nothing to show for this period.", row: row, column: body.column, width: body.width)
        }
        for (offset, line) in rows.dropFirst(top).prefix(room).enumerated() {
            let isSelected = top + offset == selected
            screen.put(
                line, row: row + offset, column: body.column, style: isSelected ? .reverse : .plain,
                width: body.width)
        }
        if !notes.isEmpty {
            for (offset, note) in notes.enumerated() {
                screen.put(
                    note, row: body.row + body.height - notes.count + offset, column: body.column, style: .dim,
                    width: body.width)
            }
        }
        return screen
    }

    /// The report as numbered rows, every column written out; the number typed opens that row. Nil to go back.
    private func reportLineByLine(_ view: ReportView) async throws -> Int? {
        await writeLine("")
        await writeLine(view.table.title)
        let rows = view.orderedRows
        for (number, entry) in rows.enumerated() {
            let cells = zip(view.table.columns, entry.row.cells).compactMap { column, cell -> String? in
                cell.shown.isEmpty ? nil : "\(column.heading): \(Sanitizer.clean(cell.shown))"
            }
            let flag = entry.row.flag.isEmpty ? "" : " [\(entry.row.flag)]"
            await writeLine("\(number + 1). " + cells.joined(separator: " · ") + flag)
        }
        if rows.isEmpty { await writeLine("Nothing to show for this period.") }
        for note in view.table.notes { await writeLine(note) }
        while true {
            let answer = try await readLine(prompt: "Type a row's number to open it, or Enter to go back: ")
                .trimmingCharacters(in: .whitespaces)
            if answer.isEmpty || answer == "\u{1B}" || fullScreen { return nil }
            if let number = Int(answer), (1...rows.count).contains(number) { return number - 1 }
            await writeLine("Type a number from 1 to \(rows.count), or Enter to go back.")
        }
    }
}
