import Coaching
import CoachingStore

// CPD: a person reads their own log's hours by kind and by priority; leads, the impact
// lead and the head read the school's as counts, where hours are given only when at
// least the threshold of staff logged them (otherwise they are one or two people's log).

extension ReportContext {
    static let cpdColumns = [
        ReportColumn(key: "by", heading: "By"), ReportColumn(key: "name", heading: "Name"),
    ]

    /// Kinds in their order, then priorities, each with activities and hours.
    func individualCPD() throws(ReportError) -> ReportTable {
        guard let me = reading.code else {
            throw .notAllowed(
                reason: "a CPD log is read only by its owner; at the command line run `report cpd --level school`")
        }
        let whose = filter.staff ?? me
        guard staff[whose] != nil else { throw .unknownStaff(whose) }
        guard reading.decide(.cpdActivity, reading.relation(toRecordOf: whose)) == .allowed else {
            throw .notAllowed(
                reason: "\(whose)'s CPD log is read only by them; leads see CPD as counts in the school report")
        }
        let activities = try load { () throws(StoreError) in try store.cpd(owner: whose) }.map(\.record)
            .filter { (filter.from...filter.to).contains($0.heldOn) }
            .filter { filter.priority == nil || priorityLabel($0.priority) == filter.priority }
        func row(_ by: String, _ name: String, _ group: [CPDActivity]) -> ReportRow {
            ReportRow(cells: [.text(by), .text(name), ReportCell(group.count), .number(Self.hours(group.map(\.hours)))])
        }
        var rows: [ReportRow] = []
        for kind in CPDKind.allCases {
            let group = activities.filter { $0.kind == kind }
            if !group.isEmpty { rows.append(row("Kind", kind.title, group)) }
        }
        for label in priorityLabels(including: activities.map(\.priority)) {
            let group = activities.filter { priorityLabel($0.priority) == label }
            if !group.isEmpty { rows.append(row("Priority", label, group)) }
        }
        rows.append(row("All", "All CPD", activities))
        return ReportTable(
            kind: .cpd, level: .individual, title: whose == me ? "Your CPD" : "CPD of \(whose)",
            columns: Self.cpdColumns + [
                ReportColumn(key: "activities", heading: "Activities", isNumber: true),
                ReportColumn(key: "hours", heading: "Hours", isNumber: true),
            ],
            rows: rows, notes: ["CPD held from \(period)."] + filterNotes)
    }

    /// Kinds (a kind logged by few staff merged into "Other") and priorities, with staff, activities and hours.
    func schoolCPD() throws(ReportError) -> ReportTable {
        let activities = try load { () throws(StoreError) in try store.cpdHours(from: filter.from, to: filter.to) }
            .filter { filter.subject == nil || subject(of: $0.owner) == filter.subject }
        let breakdown = Breakdown(rule: rule, fewerStaffText: fewerStaffText)
        func owners(_ group: [CPDHours]) -> Set<String> { Set(group.map(\.owner.rawValue)) }
        func hours(_ shown: Breakdown.Shown, _ group: [CPDHours]) -> ReportCell {
            guard !shown.fromFewStaff, case .number = shown.people else {
                return group.isEmpty ? .number(0) : .suppressed(fewerStaffText)
            }
            return .number(Self.hours(group.map(\.hours)))
        }
        var rows: [ReportRow] = []
        let kindRows = CPDKind.allCases.compactMap { kind -> SmallCells.Row<String>? in
            let group = activities.filter { $0.kind == kind }
            return group.isEmpty ? nil : SmallCells.Row(kind.title, [group.count], people: owners(group))
        }
        if filter.priority == nil {
            for shown in breakdown.merging(kindRows, into: CPDKind.other.title) {
                let group = activities.filter { shown.sources.contains($0.kind.title) }
                rows.append(
                    ReportRow(
                        cells: [.text("Kind"), .text(shown.label), shown.people] + shown.cells + [hours(shown, group)]))
            }
        }
        let labels = priorityLabels(including: activities.map(\.priority))
        let priorityRows = labels.map { label in
            let group = activities.filter { priorityLabel($0.priority) == label }
            return SmallCells.Row(label, [group.count], people: owners(group))
        }
        for shown in breakdown.keeping(priorityRows) where filter.priority == nil || shown.label == filter.priority {
            let group = activities.filter { priorityLabel($0.priority) == shown.label }
            rows.append(
                ReportRow(
                    cells: [.text("Priority"), .text(shown.label), shown.people] + shown.cells + [hours(shown, group)],
                    drill: shown.label == Self.noPriority ? nil : .priority(shown.label)))
        }
        if filter.priority == nil {
            var total = breakdown.total([activities.count], people: owners(activities))
            total.label = "All CPD"
            rows.append(
                ReportRow(
                    cells: [.text("All"), .text(total.label), total.people] + total.cells + [hours(total, activities)]))
        }
        return ReportTable(
            kind: .cpd, level: .school, title: "CPD by kind and by priority",
            columns: Self.cpdColumns + [
                ReportColumn(key: "staff", heading: "Staff", isNumber: true),
                ReportColumn(key: "activities", heading: "Activities", isNumber: true),
                ReportColumn(key: "hours", heading: "Hours", isNumber: true),
            ],
            rows: rows,
            notes: [
                "CPD held from \(period).", smallCellNote,
                "Kinds logged by fewer than \(rule.threshold) staff are merged into \"\(CPDKind.other.title)\"; "
                    + "hours are given only where at least \(rule.threshold) staff logged them.",
            ] + filterNotes)
    }

    /// Hours to the tenth.
    static func hours(_ hours: [Double]) -> Double { (hours.reduce(0, +) * 10).rounded() / 10 }
}
