import Coaching
import CoachingStore

// Impact: a statement's existence and date are cycle progress (the cycles report flags one
// missing), so whoever reads progress may count them; the text is read by the cycle's trio
// and the impact lead, by name, and each statement shown is handed back for the audit log.

extension SchoolTerm {
    var next: SchoolTerm { SchoolTerm(containing: lastDay.adding(days: 1)) }
    var previous: SchoolTerm { SchoolTerm(containing: firstDay.adding(days: -1)) }
}

extension ReportContext {
    func submitted(_ cycle: CycleActivity, in range: ClosedRange<SchoolDay>) -> Bool {
        cycle.impactSubmittedOn.map(range.contains) ?? false
    }

    func closed(_ cycle: CycleActivity, in range: ClosedRange<SchoolDay>) -> Bool {
        cycle.closedOn.map(range.contains) ?? false
    }

    // MARK: Individual

    /// The statements the reader may read, by name: the impact lead's every one,
    /// anyone else's those of their own trios.
    func individualImpact() throws(ReportError) -> ReportTable {
        guard let me = reading.code else {
            throw .notAllowed(
                reason: "impact statements are read by the trio and the impact lead; at the command line run "
                    + "`report impact --level subject` or `--level school` for counts")
        }
        if let whose = filter.staff, staff[whose] == nil { throw .unknownStaff(whose) }
        let everyone = reading.byRole(.impactStatement) == .allowed
        let member = filter.staff ?? (everyone ? nil : me)
        let range = filter.from...filter.to
        let withStatements = try cyclesInPeriod(member: member).filter { submitted($0, in: range) }
            .filter { filter.staff == nil || $0.trio.coachee == filter.staff }
        let readable = withStatements.filter {
            reading.decide(.impactStatement, reading.relation(to: $0.trio)) == .allowed
        }
        if let whose = filter.staff, whose != me, readable.isEmpty, !withStatements.isEmpty {
            throw .notAllowed(
                reason: "\(whose)'s impact statements are read by their trio and the impact lead; "
                    + "others see them counted in the subject and school reports")
        }
        var statements: [Int64: ImpactStatement] = [:]
        if everyone {
            statements = try load { () throws(StoreError) in
                try store.impactStatements(from: filter.from, to: filter.to)
            }
        } else {
            for cycle in readable {
                statements[cycle.id] = try load { () throws(StoreError) in try store.impact(cycle: cycle.id) }
            }
        }
        let shown = readable.compactMap { cycle in statements[cycle.id].map { (cycle, $0) } }
            .sorted { ($0.1.submittedOn, $0.0.id) < ($1.1.submittedOn, $1.0.id) }
        return ReportTable(
            kind: .impact, level: .individual,
            title: filter.staff.map { "Impact statements of \($0)'s cycles" }
                ?? (everyone ? "Impact statements" : "Impact statements of your cycles"),
            columns: [
                ReportColumn(key: "cycle", heading: "Cycle", isNumber: true),
                ReportColumn(key: "coachee", heading: "Coachee"), ReportColumn(key: "priority", heading: "Priority"),
                ReportColumn(key: "term", heading: "Term"), ReportColumn(key: "submitted", heading: "Submitted"),
                ReportColumn(key: "goal", heading: "Goal"),
                ReportColumn(key: "change_in_teaching", heading: "Change in teaching"),
                ReportColumn(key: "pupil_outcomes_before", heading: "Pupils before"),
                ReportColumn(key: "pupil_outcomes_after", heading: "Pupils after"),
                ReportColumn(key: "next_steps", heading: "Next steps"),
            ],
            rows: shown.map { cycle, statement in
                ReportRow(
                    cells: [
                        .number(Double(cycle.id)), person(cycle.trio.coachee), .text(priorityLabel(cycle.priority)),
                        .text(SchoolTerm(containing: statement.submittedOn).title), .text(statement.submittedOn.iso),
                        .text(statement.goal), .text(statement.changeInTeaching), .text(statement.pupilOutcomesBefore),
                        .text(statement.pupilOutcomesAfter), .text(statement.nextSteps),
                    ],
                    drill: .cycle(cycle.id))
            },
            notes: ["Statements submitted from \(period). Each one shown is written to the audit log."] + filterNotes,
            privateReads: shown.map { ReportRead(kind: .impactStatement, id: "\($0.0.id)") })
    }

    // MARK: Subject

    /// Statements and completed cycles by coachee's subject and priority, small subjects merged per priority.
    func impactBySubject() throws(ReportError) -> ReportTable {
        let range = filter.from...filter.to
        let cycles = try load { () throws(StoreError) in try store.cycleActivity(from: filter.from, to: filter.to) }
            .filter { reading.mayReadProgress(of: $0.trio) }
            .filter { submitted($0, in: range) || closed($0, in: range) }
        let tableRows = subjectRows(cycles, priority: \.priority, person: \.trio.coachee) { group in
            [group.filter { submitted($0, in: range) }.count, group.filter { closed($0, in: range) }.count]
        }
        return ReportTable(
            kind: .impact, level: .subject, title: "Impact by subject and priority",
            columns: [
                ReportColumn(key: "subject", heading: "Subject"), ReportColumn(key: "priority", heading: "Priority"),
                ReportColumn(key: "statements", heading: "Statements", isNumber: true),
                ReportColumn(key: "completed", heading: "Cycles completed", isNumber: true),
            ],
            rows: tableRows,
            notes: [
                "Impact statements submitted, and cycles completed, from \(period), by the coachee's subject.",
                smallCellNote,
                mergedSubjectsNote("coachees"),
            ] + filterNotes)
    }

    // MARK: School

    /// Per term and priority: statements submitted and cycles completed, and the
    /// change from the term before (shown only when both figures are).
    func impactByTerm() throws(ReportError) -> ReportTable {
        var terms: [SchoolTerm] = []
        var term = SchoolTerm(containing: filter.from)
        while term.firstDay <= filter.to {
            terms.append(term)
            term = term.next
        }
        let before = terms.first?.previous ?? SchoolTerm(containing: filter.from).previous
        let cycles = try load { () throws(StoreError) in try store.cycleActivity(from: before.firstDay, to: filter.to) }
            .filter { reading.mayReadProgress(of: $0.trio) }
        let labels = priorityLabels(including: cycles.map(\.priority))
        let breakdown = Breakdown(rule: rule, fewerStaffText: fewerStaffText)
        let allLabel = "All priorities"

        /// Each label's cells in one whole term.
        func figures(_ term: SchoolTerm) -> [String: [ReportCell]] {
            let range = term.firstDay...term.lastDay
            func counts(_ group: [CycleActivity]) -> [Int] {
                [group.filter { submitted($0, in: range) }.count, group.filter { closed($0, in: range) }.count]
            }
            func people(_ group: [CycleActivity]) -> Set<String> {
                Set(group.filter { submitted($0, in: range) || closed($0, in: range) }.map(\.trio.coachee.rawValue))
            }
            let rows = labels.map { label in
                let group = cycles.filter { priorityLabel($0.priority) == label }
                return SmallCells.Row(label, counts(group), people: people(group))
            }
            var cells: [String: [ReportCell]] = [:]
            for shown in breakdown.keeping(rows) { cells[shown.label] = shown.cells }
            cells[allLabel] = breakdown.total(counts(cycles), people: people(cycles)).cells
            return cells
        }
        func change(_ now: ReportCell?, _ then: ReportCell?) -> ReportCell {
            guard let now = now?.count, let then = then?.count else { return .suppressed(SmallCells.withheldText) }
            return .number(Double(now - then))
        }
        var previous = figures(before)
        var rows: [ReportRow] = []
        for term in terms {
            let current = figures(term)
            for label in [allLabel] + labels
            where filter.priority == nil || label == filter.priority || label == allLabel {
                let now = current[label] ?? []
                let then = previous[label] ?? []
                rows.append(
                    ReportRow(
                        cells: [
                            .text(term.contains(today) ? term.title + " (so far)" : term.title), .text(label),
                            now[safe: 0] ?? .none, change(now[safe: 0], then[safe: 0]),
                            now[safe: 1] ?? .none, change(now[safe: 1], then[safe: 1]),
                        ],
                        drill: label == allLabel || label == Self.noPriority ? nil : .priority(label)))
            }
            previous = current
        }
        return ReportTable(
            kind: .impact, level: .school, title: "Impact by term and priority",
            columns: [
                ReportColumn(key: "term", heading: "Term"), ReportColumn(key: "priority", heading: "Priority"),
                ReportColumn(key: "statements", heading: "Statements", isNumber: true),
                ReportColumn(key: "statements_change", heading: "Change", isNumber: true),
                ReportColumn(key: "completed", heading: "Completed", isNumber: true),
                ReportColumn(key: "completed_change", heading: "Change", isNumber: true),
            ],
            rows: rows,
            notes: [
                "Impact statements submitted and cycles completed in the terms from \(period) (autumn September "
                    + "to December, spring January to March, summer April to August), by the cycle's priority.",
                "Each term the period touches is counted whole; the term under way is counted so far. Change is "
                    + "from the term before (\(before.title) for the first), and is not given when either figure is "
                    + "hidden.",
                smallCellNote,
            ] + filterNotes)
    }
}
