import Coaching
import CoachingStore
import Sheets

// The trustee pack holds what governors' reports on coaching and CPD hold: activity against
// the school's improvement priorities, and evidence of its effect on teaching and on pupils.
// It names no one, and no figure in it stands for fewer people than the threshold:
//
// - cycles started, completed and under way, and staff coached go through the small-cell rule.
// - stages and priorities keep every row and hide small cells in place ("fewer than 3"), with
//   a second cell withheld where the total would give a hidden one away. A priority's CPD hours
//   are given only when at least the threshold of staff logged them; otherwise they are one or
//   two people's own log.
// - a priority's impact statements are counted exactly: each is listed, with its priority,
//   anyway; they are protected by the anonymiser and by being dated only by term.
// - CPD kinds logged by fewer staff than the threshold merge into "Other"; subjects with fewer
//   coachees, cycles or goals merge into "Other subjects".
// - every text from the database (impact statements, priority codes and titles, subject names)
//   goes through the anonymiser, and one the independent check still finds a name in is withheld
//   whole. What the code writes itself (dates, stage and kind names) is not a person's text.

/// What happened in a period, read from the store: the trustee pack's raw material.
struct CoachingPeriod {
    /// Cycles under way at any time in the period, at the stage they had reached by its end.
    var active: [(cycle: CoachingCycle, stage: Stage)] = []
    var started = 0
    /// Cycles that reached closed within the period.
    var completed = 0
    /// The goals of the cycles under way, by priority and by their coachee's subject.
    var goals: [(priority: String?, subject: String)] = []
    var impacts: [(statement: ImpactStatement, priority: String?)] = []
    /// CPD held in the period, as the reports read it: without titles or reflections.
    var activities: [CPDHours] = []
    var subjectOf: [StaffCode: String]

    init(_ period: ClosedRange<SchoolDay>, staff: [StaffMember], store: CoachingStore) throws(StoreError) {
        subjectOf = Dictionary(staff.map { ($0.code, $0.subject) }) { first, _ in first }
        var activeIDs: [Int64: CoachingCycle] = [:]
        for stored in try store.cycles().sorted(by: { $0.id < $1.id }) {
            let cycle = stored.cycle
            if let statement = try store.impact(cycle: stored.id), period.contains(statement.submittedOn) {
                impacts.append((statement, cycle.priority))
            }
            guard let last = cycle.history.last(where: { $0.on <= period.upperBound }),
                !(last.stage == .closed && last.on < period.lowerBound)
            else { continue }
            active.append((cycle, last.stage))
            activeIDs[stored.id] = cycle
            if period.contains(cycle.startedOn) { started += 1 }
            if cycle.history.contains(where: { $0.stage == .closed && period.contains($0.on) }) { completed += 1 }
        }
        for goal in try store.goals() {
            guard let cycle = goal.cycleID.flatMap({ activeIDs[$0] }) else { continue }
            goals.append((goal.record.priority ?? cycle.priority, subject(of: cycle)))
        }
        activities = try store.cpdHours(from: period.lowerBound, to: period.upperBound)
    }

    func subject(of cycle: CoachingCycle) -> String { subjectOf[cycle.trio.coachee] ?? "" }

    static func hours(_ activities: [CPDHours]) -> Double { activities.reduce(0) { $0 + $1.hours } }

    static func people(_ activities: [CPDHours]) -> Set<String> { Set(activities.map(\.owner.rawValue)) }
}

extension DocumentSource {
    static let otherSubjects = "Other subjects"
    /// What a text reads if a name survived the anonymiser.
    static let withheldText = "[text withheld: it may name a colleague]"

    func trusteePack(from: SchoolDay, to: SchoolDay) throws(DocumentError) -> SheetData {
        guard from <= to else { throw .periodBackwards(from: from, to: to) }
        let staff = try reading { () throws(StoreError) in try store.staff(includingLeavers: true) }
        let priorities = try reading { () throws(StoreError) in try store.priorities() }
        let period = try reading { () throws(StoreError) in try CoachingPeriod(from...to, staff: staff, store: store) }
        let pack = TrusteePack(
            period: period, schoolPriorities: priorities, rule: SmallCells(threshold: suppressionThreshold),
            anonymiser: Anonymiser(staff: staff))
        let rule = pack.rule
        let year = AcademicYear(containing: from)
        let cpdHidden = rule.isSmall(CoachingPeriod.people(period.activities).count)
        return SheetData(
            title: "",
            values: [
                "period.from": from.longForm,
                "period.to": to.longForm,
                "period.title": from == year.firstDay && to == year.lastDay
                    ? year.title : "\(from.longForm) to \(to.longForm)",
                "threshold": "\(rule.threshold)",
                "suppression.note": "No member of staff is named. A number under \(rule.threshold) reads "
                    + "\"\(rule.fewerThanText)\"; a number that would let one be worked out from a total reads "
                    + "\"\(SmallCells.withheldText)\"; hours logged by fewer than \(rule.threshold) staff are not given.",
                "cycles.started": rule.display(period.started),
                "cycles.completed": rule.display(period.completed),
                "cycles.active": rule.display(period.active.count),
                "staff.coached": rule.display(Set(period.active.map(\.cycle.trio.coachee)).count),
                "cpd.total_hours": cpdHidden
                    ? pack.fromFewerStaff : Self.hours(CoachingPeriod.hours(period.activities)),
                "cpd.activities": cpdHidden ? pack.fromFewerStaff : "\(period.activities.count)",
                "impact.count": "\(period.impacts.count)",
                "priorities.without_goals": pack.prioritiesWithoutGoals,
            ],
            lists: [
                "stages": pack.stages, "priorities": pack.priorities, "cpd_by_kind": pack.cpdByKind,
                "subjects": pack.subjects, "impact_statements": pack.impactStatements,
            ])
    }
}

/// The trustee pack's lists, from a period's activity.
private struct TrusteePack {
    let period: CoachingPeriod
    let schoolPriorities: [Priority]
    let rule: SmallCells
    let anonymiser: Anonymiser

    var fromFewerStaff: String { "from fewer than \(rule.threshold) staff" }

    /// A text from the database, anonymised; withheld whole if a name is still found in it.
    func clean(_ text: String) -> String {
        let anonymised = anonymiser.anonymise(text)
        return anonymiser.mentionsStaff(anonymised) ? DocumentSource.withheldText : anonymised
    }

    /// Hours, unless the people who logged them are too few to show.
    func hours(_ people: SmallCells.Cell?, _ hours: Double) -> String {
        switch people ?? .count(0) {
        case .count: DocumentSource.hours(hours)
        case .fewerThan: fromFewerStaff
        case .withheld: SmallCells.withheldText
        }
    }

    /// Cycles by stage, in stage order. A stage with fewer cycles than the threshold is joined
    /// to the stages next to it ("Pre-lesson discussion to post-lesson analysis"), so every
    /// figure stands for enough people and the chart still says where cycles are.
    var stages: [[String: String]] {
        var bands: [(stages: [Stage], count: Int)] = []
        var current: (stages: [Stage], count: Int) = ([], 0)
        for stage in Stage.allCases {
            current.stages.append(stage)
            current.count += period.active.filter { $0.stage == stage }.count
            if current.count == 0 || !rule.isSmall(current.count) {
                bands.append(current)
                current = ([], 0)
            }
        }
        if !current.stages.isEmpty { bands.append(current) }
        // What is left at the end is small: it joins the bands before it until it is not.
        while bands.count > 1, let last = bands.last, rule.isSmall(last.count) {
            bands.removeLast()
            bands[bands.count - 1].stages += last.stages
            bands[bands.count - 1].count += last.count
        }
        return bands.map { band in
            let first = band.stages.first?.title ?? ""
            let label =
                band.stages.count == 1 ? first : first + " to " + (band.stages.last?.title.lowercased() ?? "")
            return ["stage": label, "count": rule.display(band.count)]
        }
    }

    var priorities: [[String: String]] {
        let rows = schoolPriorities.map { priority in
            SmallCells.Row(
                priority.code,
                [
                    period.active.filter { $0.cycle.priority == priority.code }.count,
                    period.goals.filter { $0.priority == priority.code }.count,
                ],
                people: CoachingPeriod.people(period.activities.filter { $0.priority == priority.code }))
        }
        return zip(schoolPriorities, rule.suppressing(rows)).map { priority, row in
            [
                "code": clean(priority.code), "title": clean(priority.title), "cycles": row.cells[0].text,
                "goals": row.cells[1].text,
                "cpd_hours": hours(
                    row.people, CoachingPeriod.hours(period.activities.filter { $0.priority == priority.code })),
                "impact_statements": "\(period.impacts.filter { $0.priority == priority.code }.count)",
            ]
        }
    }

    var prioritiesWithoutGoals: String {
        let codes = schoolPriorities.filter { priority in !period.goals.contains { $0.priority == priority.code } }
        return codes.isEmpty ? "None" : codes.map { clean($0.code) }.joined(separator: ", ")
    }

    var cpdByKind: [[String: String]] {
        let rows = CPDKind.allCases.compactMap { kind -> SmallCells.Row<String>? in
            let logged = period.activities.filter { $0.kind == kind }
            return logged.isEmpty
                ? nil : SmallCells.Row(kind.title, [logged.count], people: CoachingPeriod.people(logged))
        }
        return rule.merging(rows, into: CPDKind.other.title).map { row in
            let logged = period.activities.filter { row.sources.contains($0.kind.title) }
            return [
                "kind": row.label, "hours": hours(row.people, CoachingPeriod.hours(logged)),
                "activities": row.cells[0].text,
            ]
        }
    }

    var subjects: [[String: String]] {
        let rows = Set(period.active.map { period.subject(of: $0.cycle) }).sorted().map { subject in
            let cycles = period.active.map(\.cycle).filter { period.subject(of: $0) == subject }
            return SmallCells.Row(
                subject, [cycles.count, period.goals.filter { $0.subject == subject }.count],
                people: Set(cycles.map(\.trio.coachee.rawValue)))
        }
        return rule.merging(rows, into: DocumentSource.otherSubjects).map { row in
            [
                "subject": row.label == DocumentSource.otherSubjects ? row.label : clean(row.label),
                "cycles": row.cells[0].text, "goals": row.cells[1].text,
            ]
        }
    }

    /// Each impact statement, anonymised, dated only by its term, in term and priority order.
    var impactStatements: [[String: String]] {
        let titleOf = Dictionary(schoolPriorities.map { ($0.code, $0.title) }) { first, _ in first }
        let statements = period.impacts.map { impact in
            (term: SchoolTerm(containing: impact.statement.submittedOn), impact.statement, impact.priority ?? "")
        }.sorted { ($0.term, $0.2, $0.1.goal) < ($1.term, $1.2, $1.1.goal) }
        return statements.map { term, statement, priority in
            [
                "priority": clean(priority), "priority_title": clean(titleOf[priority] ?? ""), "term": term.title,
                "goal": clean(statement.goal), "practice": clean(statement.practice),
                "change": clean(statement.changeInTeaching), "outcomes_before": clean(statement.pupilOutcomesBefore),
                "outcomes_after": clean(statement.pupilOutcomesAfter), "went_well": clean(statement.wentWell),
                "could_have_gone_better": clean(statement.couldHaveGoneBetter),
                "next_steps": clean(statement.nextSteps),
            ]
        }
    }
}
