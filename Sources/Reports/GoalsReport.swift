import Coaching
import CoachingStore

// Goals in a period: those set in it, those set earlier still open or in progress, and
// those of cycles under way at some time in it (a goal achieved this year counts this year).
// Leads, the impact lead and the head read goals as counts only (by subject and
// priority, under the small-cell rule); a goal's text is read by its cycle's trio,
// or by its owner when it belongs to no cycle.

extension ReportContext {
    func goalsInPeriod() throws(ReportError) -> [GoalActivity] {
        try load { () throws(StoreError) in try store.goalActivity(setBy: filter.to) }.filter { goal in
            goal.setOn >= filter.from || goal.status == .open || goal.status == .inProgress
                || (goal.cycleID != nil && (goal.cycleClosedOn.map { $0 >= filter.from } ?? true))
        }
    }

    var goalsNote: String {
        "Goals set from \(period), goals set earlier still open or in progress, and goals of cycles under way "
            + "at some time in the period."
    }

    static let statusColumns: [(status: GoalStatus, column: ReportColumn)] = [
        (.open, ReportColumn(key: "open", heading: "Open", isNumber: true)),
        (.inProgress, ReportColumn(key: "in_progress", heading: "In progress", isNumber: true)),
        (.achieved, ReportColumn(key: "achieved", heading: "Achieved", isNumber: true)),
        (.dropped, ReportColumn(key: "dropped", heading: "Dropped", isNumber: true)),
    ]

    /// Goals, then one count per status.
    static func goalCounts(_ goals: [GoalActivity]) -> [Int] {
        [goals.count] + statusColumns.map { entry in goals.filter { $0.status == entry.status }.count }
    }

    static func owners(_ goals: [GoalActivity]) -> Set<String> { Set(goals.map(\.owner.rawValue)) }

    // MARK: School

    /// Per development priority: goals by status and the share achieved; a
    /// priority no coaching goal works towards is flagged.
    func goalsBySchoolPriority() throws(ReportError) -> ReportTable {
        let goals = try goalsInPeriod()
        let labels = priorityLabels(including: goals.map(\.priority))
        let breakdown = Breakdown(rule: rule, fewerStaffText: fewerStaffText)
        let byLabel = Dictionary(grouping: goals) { priorityLabel($0.priority) }
        let rows = labels.map { label in
            SmallCells.Row(label, Self.goalCounts(byLabel[label] ?? []), people: Self.owners(byLabel[label] ?? []))
        }
        let shown = breakdown.keeping(rows)
        var total = breakdown.total(Self.goalCounts(goals), people: Self.owners(goals))
        total.label = "All priorities"
        let schoolCodes = Set(priorities.map(\.code))
        let withoutGoals = priorities.map(\.code).filter { (byLabel[$0] ?? []).isEmpty }
        var tableRows: [ReportRow] = []
        for row in shown.indices where filter.priority == nil || shown[row].label == filter.priority {
            let label = shown[row].label
            let noGoal = schoolCodes.contains(label) && (byLabel[label] ?? []).isEmpty
            tableRows.append(
                ReportRow(
                    cells: [.text(label), .text(title(ofPriority: label))] + shown[row].cells
                        + [Self.progress(shown[row].cells)],
                    drill: label == Self.noPriority ? nil : .priority(label), flag: noGoal ? "no coaching goal" : ""))
        }
        if filter.priority == nil {
            tableRows.append(
                ReportRow(cells: [.text(total.label), .text("")] + total.cells + [Self.progress(total.cells)]))
        }
        var notes = [goalsNote, smallCellNote]
        notes.append(
            withoutGoals.isEmpty
                ? "Every school priority has a coaching goal."
                : "School priorities with no coaching goal: \(withoutGoals.joined(separator: ", ")).")
        return ReportTable(
            kind: .goals, level: .school, title: "Coaching goals by school priority",
            columns: [
                ReportColumn(key: "priority", heading: "Priority"), ReportColumn(key: "title", heading: "Title"),
                ReportColumn(key: "goals", heading: "Goals", isNumber: true),
            ] + Self.statusColumns.map(\.column) + [
                ReportColumn(key: "achieved_percent", heading: "Achieved %", isNumber: true)
            ],
            rows: tableRows, notes: notes + filterNotes)
    }

    /// The share of goals achieved, when both figures are shown.
    static func progress(_ cells: [ReportCell]) -> ReportCell {
        guard let goals = cells.first?.count, let achieved = cells[safe: 3]?.count else {
            return .suppressed(SmallCells.withheldText)
        }
        guard goals > 0 else { return .none }
        return .number((Double(achieved) * 100 / Double(goals)).rounded())
    }

    // MARK: Subject

    /// Subject × priority × status, by the owner's subject.
    func goalsBySubject() throws(ReportError) -> ReportTable {
        let tableRows = subjectRows(
            try goalsInPeriod(), priority: \.priority, person: \.owner, counts: Self.goalCounts)
        return ReportTable(
            kind: .goals, level: .subject, title: "Coaching goals by subject and priority",
            columns: [
                ReportColumn(key: "subject", heading: "Subject"), ReportColumn(key: "priority", heading: "Priority"),
                ReportColumn(key: "goals", heading: "Goals", isNumber: true),
            ] + Self.statusColumns.map(\.column),
            rows: tableRows,
            notes: [
                goalsNote + " By the owner's subject.",
                smallCellNote,
                mergedSubjectsNote("staff"),
            ] + filterNotes)
    }

    // MARK: Individual

    /// One's own goals and those of the cycles one is in the trio of; or one
    /// person's, as far as the reader may read them.
    func individualGoals() throws(ReportError) -> ReportTable {
        guard let me = reading.code else {
            throw .notAllowed(
                reason: "goals are read by name only by their cycle's trio; at the command line run "
                    + "`report goals --level subject` or `--level school` for counts")
        }
        let whose = filter.staff ?? me
        guard staff[whose] != nil else { throw .unknownStaff(whose) }
        var stored: [Stored<Goal>] = try load { () throws(StoreError) in try store.goals(owner: whose) }
        var cycles: [Int64: StoredCycle] = [:]
        let trioCycles = try load { () throws(StoreError) in try store.cycles(member: me) }
        for cycle in trioCycles { cycles[cycle.id] = cycle }
        if filter.staff == nil {
            let mine = Set(stored.map(\.id))
            for cycle in trioCycles where cycle.cycle.trio.coachee != me {
                stored += try load { () throws(StoreError) in try store.goals(cycle: cycle.id) }
                    .filter { !mine.contains($0.id) }
            }
        }
        let readable = stored.filter { goal in
            let relation: Relation =
                if let id = goal.cycleID {
                    cycles[id].map { reading.relation(to: $0.cycle.trio) } ?? .none
                } else {
                    // A goal of no cycle is its owner's alone: they stand to it as a coachee to their cycle's.
                    goal.record.owner == reading.code ? .coachee : .none
                }
            return reading.decide(.goal, relation) == .allowed
        }
        if readable.isEmpty, !stored.isEmpty {
            throw .notAllowed(
                reason: "\(whose)'s goals are read by name only by the trio of their cycle; "
                    + "leads see goals as counts in the subject and school reports")
        }
        let inPeriod = readable.filter { goal in
            let cycle = goal.cycleID.flatMap { cycles[$0]?.cycle }
            let cycleUnderWay = cycle.map { $0.stage != .closed || $0.inStageSince >= filter.from } ?? false
            return goal.record.setOn <= filter.to
                && (goal.record.setOn >= filter.from || [.open, .inProgress].contains(goal.record.status)
                    || cycleUnderWay)
        }.filter { filter.priority == nil || $0.record.priority == filter.priority }
        let rows = inPeriod.sorted { ($0.record.owner == me ? 0 : 1, $0.id) < ($1.record.owner == me ? 0 : 1, $1.id) }
            .map { goal in
                ReportRow(
                    cells: [
                        goal.record.owner == me ? .text("You") : person(goal.record.owner),
                        goal.cycleID.map { .number(Double($0)) } ?? .none,
                        .text(priorityLabel(goal.record.priority)), .text(goal.record.status.words),
                        .text(goal.record.setOn.iso), .text(goal.record.text),
                    ],
                    drill: goal.cycleID.map { .cycle($0) })
            }
        return ReportTable(
            kind: .goals, level: .individual,
            title: whose == me ? "Your coaching goals and your trios'" : "Coaching goals of \(whose)",
            columns: [
                ReportColumn(key: "whose", heading: "Whose"),
                ReportColumn(key: "cycle", heading: "Cycle", isNumber: true),
                ReportColumn(key: "priority", heading: "Priority"), ReportColumn(key: "status", heading: "Status"),
                ReportColumn(key: "set_on", heading: "Set on"), ReportColumn(key: "goal", heading: "Goal"),
            ],
            rows: rows,
            notes: [goalsNote] + filterNotes)
    }
}

extension GoalStatus {
    var words: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .achieved: "Achieved"
        case .dropped: "Dropped"
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
