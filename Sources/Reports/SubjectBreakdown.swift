import Coaching
import CoachingStore

// Subject × priority, as the goals and impact reports count it: records by the subject of
// the member of staff they are about, small subjects merged within each priority.

extension ReportContext {
    /// A subject row for each priority: the subject, the priority, then `counts` of its records.
    /// Within each priority, subjects with a small figure or fewer staff than the threshold are
    /// merged into "Other subjects"; a subject filter keeps the rows that subject stands in, as
    /// the whole table shows them. A subject standing alone drills to itself, or, once chosen,
    /// to its priority.
    func subjectRows<Record>(
        _ records: [Record], priority: (Record) -> String?, person: (Record) -> StaffCode,
        counts: ([Record]) -> [Int]
    ) -> [ReportRow] {
        let labels = priorityLabels(including: records.map(priority))
        let breakdown = Breakdown(rule: rule, fewerStaffText: fewerStaffText)
        var rows: [SubjectRow] = []
        for label in labels where filter.priority == nil || label == filter.priority {
            let bySubject = Dictionary(grouping: records.filter { priorityLabel(priority($0)) == label }) {
                subject(of: person($0))
            }
            let subjectRows = bySubject.keys.sorted().map { name in
                let group = bySubject[name] ?? []
                return SmallCells.Row(name, counts(group), people: Set(group.map { person($0).rawValue }))
            }
            for shown in breakdown.merging(subjectRows, into: Self.otherSubjects) {
                rows.append(SubjectRow(subject: shown.label, priority: label, shown: shown))
            }
        }
        return subjectOrder(rows).compactMap { row -> ReportRow? in
            if let subject = filter.subject, !row.shown.sources.contains(subject) { return nil }
            let alone = row.shown.sources.count == 1 && row.subject != Self.otherSubjects
            let drill: ReportDrill? =
                !alone
                ? nil
                : filter.subject == nil
                    ? .subject(row.subject) : row.priority == Self.noPriority ? nil : .priority(row.priority)
            return ReportRow(cells: [.text(row.subject), .text(row.priority)] + row.shown.cells, drill: drill)
        }
    }

    /// The note on merged subjects; `people` are who the figures are about ("staff", "coachees").
    func mergedSubjectsNote(_ people: String) -> String {
        "Within each priority, subjects with a small figure or fewer than \(rule.threshold) \(people) are merged "
            + "into \"\(Self.otherSubjects)\"."
    }

    private struct SubjectRow {
        var subject: String
        var priority: String
        var shown: Breakdown.Shown
    }

    /// Subjects in alphabetical order, "Other subjects" last, each with its priorities in order.
    private func subjectOrder(_ rows: [SubjectRow]) -> [SubjectRow] {
        let priorityOrder = Dictionary(
            priorityLabels(including: rows.map { Optional($0.priority) }).enumerated().map { ($1, $0) }
        ) { first, _ in first }
        return rows.enumerated().sorted { a, b in
            let aOther = a.element.subject == Self.otherSubjects
            let bOther = b.element.subject == Self.otherSubjects
            if aOther != bOther { return !aOther }
            if a.element.subject != b.element.subject { return a.element.subject < b.element.subject }
            let (pa, pb) = (priorityOrder[a.element.priority] ?? 0, priorityOrder[b.element.priority] ?? 0)
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }
}
