import Coaching
import CoachingStore

/// The reader as the access policy sees them. The technician at the command
/// line holds no staff code and reads as a lead coach outside every trio.
struct Reading: Sendable {
    let code: StaffCode?
    let roles: Set<Role>

    init(_ reader: ReportReader) {
        code = reader.person?.code
        roles = reader.person?.roles ?? [.leadCoach]
    }

    func relation(to trio: Trio) -> Relation {
        code.map { Relation(of: $0, in: trio) } ?? .none
    }

    func relation(toRecordOf owner: StaffCode) -> Relation {
        code.map { Relation(of: $0, ownedBy: owner) } ?? .none
    }

    func decide(_ kind: RecordKind, _ relation: Relation) -> AccessDecision {
        AccessPolicy.decide(roles: roles, relation: relation, action: .read, on: kind)
    }

    /// What their roles allow outside any trio: what a school or subject report may show them.
    func byRole(_ kind: RecordKind) -> AccessDecision { decide(kind, .none) }

    func mayReadProgress(of trio: Trio) -> Bool { decide(.cycleProgress, relation(to: trio)) == .allowed }

    /// The sessions of a cycle this reader may count. Coachee and coach count
    /// every one; anyone else only those the coachee shared with the observer,
    /// since a session kept private is never counted in what another reads.
    func sessions(of cycle: CycleActivity) -> SessionTally {
        decide(.sessionProforma, relation(to: cycle.trio)) == .allowed ? cycle.sessions : cycle.sharedSessions
    }
}

/// What one report is made from: the store, the rule, the reader, the filter and the staff.
struct ReportContext {
    let store: CoachingStore
    let settings: ReportSettings
    let today: SchoolDay
    let filter: ReportFilter
    let reading: Reading
    let staff: [StaffCode: StaffMember]
    let priorities: [Priority]

    var rule: SmallCells { SmallCells(threshold: settings.threshold) }

    static let otherSubjects = "Other subjects"
    static let noSubject = "No subject"
    static let noPriority = "None"

    func subject(of code: StaffCode) -> String {
        let subject = staff[code]?.subject ?? ""
        return subject.isEmpty ? Self.noSubject : subject
    }

    func person(_ code: StaffCode) -> ReportCell {
        .text(staff[code].map { "\(code) \($0.name)" } ?? code.rawValue)
    }

    /// The school's priorities in code order, then "None" when any record has no priority.
    func priorityLabels(including used: [String?]) -> [String] {
        var labels = priorities.map(\.code)
        let known = Set(labels)
        for code in Set(used.compactMap { $0 }).subtracting(known).sorted() { labels.append(code) }
        if used.contains(where: { $0 == nil }) { labels.append(Self.noPriority) }
        return labels
    }

    func priorityLabel(_ code: String?) -> String { code ?? Self.noPriority }

    func title(ofPriority label: String) -> String {
        priorities.first { $0.code == label }?.title ?? (label == Self.noPriority ? "No priority given" : "")
    }

    var period: String {
        "\(filter.from.longForm) to \(filter.to.longForm)"
    }

    /// What every table that counts says about small numbers.
    var smallCellNote: String {
        "A number under \(rule.threshold) reads \"\(rule.fewerThanText)\"; one that would let a hidden number be "
            + "worked out from a total reads \"\(SmallCells.withheldText)\"; a figure about fewer than "
            + "\(rule.threshold) staff reads \"\(fewerStaffText)\"."
    }

    var fewerStaffText: String { "from fewer than \(rule.threshold) staff" }

    /// What the filters chose, for the notes.
    var filterNotes: [String] {
        var notes: [String] = []
        if let subject = filter.subject { notes.append("Subject: \(subject).") }
        if let priority = filter.priority { notes.append("Priority: \(priority).") }
        return notes
    }

    func load<T>(_ body: () throws(StoreError) -> T) throws(ReportError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}

extension ReportCell {
    init(_ cell: SmallCells.Cell) {
        switch cell {
        case let .count(count): self = .number(Double(count))
        case .fewerThan, .withheld: self = .suppressed(cell.text)
        }
    }

    init(_ count: Int) { self = .number(Double(count)) }

    /// The count, when the cell shows one.
    var count: Int? {
        if case let .number(number) = self { Int(number) } else { nil }
    }
}

/// Breakdowns under the small-cell rule, as report cells.
struct Breakdown {
    let rule: SmallCells
    let fewerStaffText: String

    /// A row as shown: its cells, how many people it is about, and the labels behind it.
    struct Shown {
        var label: String
        var cells: [ReportCell]
        var people: ReportCell
        var sources: [String]
        /// Its people are too few: every figure of it is hidden.
        var fromFewStaff: Bool
    }

    /// Rows that must all stay (priorities, terms, kinds of record): a small
    /// cell reads "fewer than N" where it is, and a second cell reads "withheld"
    /// where a total would give the small one away. A row about fewer people
    /// than the threshold has every figure hidden.
    func keeping(_ rows: [SmallCells.Row<String>]) -> [Shown] {
        let few = rows.map { row in row.people.map { rule.isSmall($0.count) } ?? false }
        // A few-people row's figures count as small, so its column is protected from subtraction too.
        let ruled = zip(rows, few).map { row, few in
            SmallCells.Row(row.label, few ? row.counts.map { min($0, 1) } : row.counts)
        }
        let shown = rule.suppressing(ruled)
        return rows.indices.map { index in
            let people = rows[index].people?.count ?? 0
            let cells = shown[index].cells.enumerated().map { column, cell -> ReportCell in
                let count = rows[index].counts[column]
                if rule.isSmall(count) { return .suppressed(rule.fewerThanText) }
                if few[index], count > 0 { return .suppressed(fewerStaffText) }
                return ReportCell(cell)
            }
            return Shown(
                label: rows[index].label, cells: cells, people: ReportCell(rule.cell(people)),
                sources: [rows[index].label], fromFewStaff: few[index])
        }
    }

    /// Rows by something people are (a subject): every row with a small count
    /// or too few people is merged into `other`, placed last.
    func merging(_ rows: [SmallCells.Row<String>], into other: String) -> [Shown] {
        rule.merging(rows, into: other).map { row in
            Shown(
                label: row.label, cells: row.cells.map(ReportCell.init),
                people: row.people.map(ReportCell.init) ?? .none,
                sources: row.sources, fromFewStaff: false)
        }
    }

    /// A total row: a small total reads "fewer than N"; every figure is hidden when its people are few.
    func total(_ counts: [Int], people: Set<String>) -> Shown {
        let few = rule.isSmall(people.count)
        return Shown(
            label: "",
            cells: counts.map {
                few && !rule.isSmall($0) && $0 > 0 ? .suppressed(fewerStaffText) : ReportCell(rule.cell($0))
            },
            people: ReportCell(rule.cell(people.count)), sources: [], fromFewStaff: few)
    }
}

extension SmallCells {
    func cell(_ count: Int) -> Cell { isSmall(count) ? .fewerThan(threshold) : .count(count) }
}
