import Coaching
import CoachingStore

// Cycle progression: each cycle as it stands today, among those under way at some
// time in the period. A cycle's trio, stage and dates are activity, not content: the
// access policy lets lead coaches, the impact lead, the head and admin read them for
// every cycle, so the list names the coachee and coach (whom to nudge). It shows no
// text of any record, and counts only sessions the reader may count (see
// `Reading.sessions(of:)`).

/// One cycle's progress as one reader may see it.
struct Progress {
    var cycle: CycleActivity
    var sessions: SessionTally
    var daysInStage: Int
    /// Days since its last counted session or its last stage move, while sessions are expected.
    var daysQuiet: Int?
    var flags: [String]

    static let overdue = "overdue"
    static let dueSoon = "due soon"
    static let agreementNotConfirmed = "agreement not confirmed"
    static let impactMissing = "impact statement missing"
    static let ectYear2 = "ECT year 2"

    /// Most pressing first; the marker for early-career teachers is not a problem.
    static let pressing = [overdue, impactMissing, agreementNotConfirmed, dueSoon]

    var flag: String { Self.pressing.first { flags.contains($0) } ?? "" }

    /// 0 for overdue … 4 for nothing pressing, 5 for a closed cycle with nothing missing.
    var severity: Int {
        if let index = Self.pressing.firstIndex(of: flag) { return index }
        return cycle.stage == .closed ? 5 : 4
    }
}

extension ReportContext {
    /// Stages in which sessions are expected at the cadence.
    static let sessionStages: Set<Stage> = [.agreement, .preLesson, .observedLesson, .postLesson]

    func progress(_ cycle: CycleActivity) -> Progress {
        let sessions = reading.sessions(of: cycle)
        let cadence = settings.cadenceDays
        let daysInStage = max(0, today.dayNumber - cycle.stageSince.dayNumber)
        var flags: [String] = []
        var daysQuiet: Int?
        if Self.sessionStages.contains(cycle.stage) {
            let since = max(sessions.latest ?? cycle.startedOn, cycle.stageSince)
            let quiet = max(0, today.dayNumber - since.dayNumber)
            daysQuiet = quiet
            if quiet >= 3 * cadence {
                flags.append(Progress.overdue)
            } else if quiet >= cadence {
                flags.append(Progress.dueSoon)
            }
        }
        if cycle.stage != .closed, cycle.agreementConfirmed != true,
            cycle.stage > .agreement || daysInStage >= cadence
        {
            flags.append(Progress.agreementNotConfirmed)
        }
        if cycle.stage >= .impact, cycle.impactSubmittedOn == nil { flags.append(Progress.impactMissing) }
        if staff[cycle.trio.coachee]?.earlyCareerYear == 2 { flags.append(Progress.ectYear2) }
        return Progress(cycle: cycle, sessions: sessions, daysInStage: daysInStage, daysQuiet: daysQuiet, flags: flags)
    }

    /// Cycles under way at some time in the period whose progress the reader may read, as the filters choose.
    func cyclesInPeriod(member: StaffCode? = nil) throws(ReportError) -> [CycleActivity] {
        try load { () throws(StoreError) in try store.cycleActivity(from: filter.from, to: filter.to) }.filter {
            cycle in
            (member.map { cycle.trio.position(of: $0) != nil } ?? true)
                && (filter.subject.map { subject(of: cycle.trio.coachee) == $0 } ?? true)
                && (filter.priority.map { priorityLabel(cycle.priority) == $0 } ?? true)
        }
    }

    var cadenceNote: String {
        let cadence = settings.cadenceDays
        return "Each cycle as it stands today (\(today.longForm)). Sessions are expected every \(cadence) "
            + "day\(cadence == 1 ? "" : "s"): \"due soon\" after \(cadence) without one, \"overdue\" after "
            + "\(3 * cadence); a stage move restarts the count."
    }

    var privateSessionNote: String {
        "A session record the coachee kept to themselves and the coach (not shared with the observer) is counted "
            + "only for the two of them; for anyone else the last session, the count and the flags use shared "
            + "sessions and stage moves."
    }

    // MARK: The list

    /// The cycles, most stuck first.
    func cycleList(_ cycles: [CycleActivity], level: ReportLevel, title: String, notes extra: [String] = [])
        -> ReportTable
    {
        let progress = cycles.filter { reading.mayReadProgress(of: $0.trio) }.map(progress).sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if (a.daysQuiet ?? -1) != (b.daysQuiet ?? -1) { return (a.daysQuiet ?? -1) > (b.daysQuiet ?? -1) }
            if a.daysInStage != b.daysInStage { return a.daysInStage > b.daysInStage }
            return a.cycle.id < b.cycle.id
        }
        let rows = progress.map { entry in
            ReportRow(
                // What is stuck comes first, so it is on a terminal's first screen.
                cells: [
                    .number(Double(entry.cycle.id)), .text(entry.cycle.stage.title),
                    .number(Double(entry.daysInStage)), .text(entry.flags.joined(separator: "; ")),
                    entry.sessions.latest.map { .text($0.iso) } ?? .none, .number(Double(entry.sessions.count)),
                    person(entry.cycle.trio.coachee), person(entry.cycle.trio.coach),
                    .text(subject(of: entry.cycle.trio.coachee)), .text(priorityLabel(entry.cycle.priority)),
                ],
                drill: .cycle(entry.cycle.id), flag: entry.flag)
        }
        let stuck = progress.filter { $0.flag == Progress.overdue }.count
        return ReportTable(
            kind: .cycles, level: level, title: title,
            columns: [
                ReportColumn(key: "cycle", heading: "Cycle", isNumber: true),
                ReportColumn(key: "stage", heading: "Stage"),
                ReportColumn(key: "days_in_stage", heading: "Days", isNumber: true),
                ReportColumn(key: "flags", heading: "Flags"),
                ReportColumn(key: "last_session", heading: "Last session"),
                ReportColumn(key: "sessions", heading: "Sessions", isNumber: true),
                ReportColumn(key: "coachee", heading: "Coachee"), ReportColumn(key: "coach", heading: "Coach"),
                ReportColumn(key: "subject", heading: "Subject"), ReportColumn(key: "priority", heading: "Priority"),
            ],
            rows: rows,
            notes: [
                "Cycles under way at some time from \(period), most stuck first; \(progress.count) listed, "
                    + "\(stuck) overdue.",
                cadenceNote, privateSessionNote,
            ] + extra + filterNotes)
    }

    func schoolCycles() throws(ReportError) -> ReportTable {
        cycleList(try cyclesInPeriod(), level: .school, title: "Coaching cycles: progression")
    }

    func individualCycles() throws(ReportError) -> ReportTable {
        guard let whose = filter.staff ?? reading.code else {
            throw .notAllowed(reason: "at the command line, name whose cycles with --staff CODE")
        }
        guard staff[whose] != nil else { throw .unknownStaff(whose) }
        let cycles = try cyclesInPeriod(member: whose)
        if !cycles.isEmpty, !cycles.contains(where: { reading.mayReadProgress(of: $0.trio) }) {
            throw .notAllowed(
                reason: "\(whose)'s cycles are read by their trios, lead coaches, the impact lead and the head")
        }
        return cycleList(
            cycles, level: .individual,
            title: whose == reading.code ? "Your coaching cycles" : "Coaching cycles of \(whose)")
    }

    // MARK: By subject

    static let subjectColumns = [
        ReportColumn(key: "cycles", heading: "Cycles", isNumber: true),
        ReportColumn(key: "under_way", heading: "Under way", isNumber: true),
        ReportColumn(key: "closed", heading: "Closed", isNumber: true),
        ReportColumn(key: "overdue", heading: "Overdue", isNumber: true),
        ReportColumn(key: "due_soon", heading: "Due soon", isNumber: true),
    ]

    /// Per coachee's subject, small subjects merged; with a subject filter, that subject's cycles.
    func cyclesBySubject() throws(ReportError) -> ReportTable {
        let cycles = try cyclesInPeriod()
        if let subject = filter.subject {
            return cycleList(cycles, level: .subject, title: "Coaching cycles in \(subject): progression")
        }
        let progress = cycles.filter { reading.mayReadProgress(of: $0.trio) }.map(progress)
        func counts(_ entries: [Progress]) -> [Int] {
            [
                entries.count, entries.filter { $0.cycle.stage != .closed }.count,
                entries.filter { $0.cycle.stage == .closed }.count,
                entries.filter { $0.flags.contains(Progress.overdue) }.count,
                entries.filter { $0.flags.contains(Progress.dueSoon) }.count,
            ]
        }
        func coachees(_ entries: [Progress]) -> Set<String> { Set(entries.map(\.cycle.trio.coachee.rawValue)) }
        let bySubject = Dictionary(grouping: progress) { subject(of: $0.cycle.trio.coachee) }
        let breakdown = Breakdown(rule: rule, fewerStaffText: fewerStaffText)
        let shown = breakdown.merging(
            bySubject.keys.sorted().map { name in
                SmallCells.Row(name, counts(bySubject[name] ?? []), people: coachees(bySubject[name] ?? []))
            }, into: Self.otherSubjects)
        var rows = shown.map { row in
            ReportRow(
                cells: [.text(row.label)] + row.cells + [row.people],
                drill: row.sources.count == 1 && row.label != Self.otherSubjects ? .subject(row.label) : nil)
        }
        let total = breakdown.total(counts(progress), people: coachees(progress))
        rows.append(ReportRow(cells: [.text("All subjects")] + total.cells + [total.people]))
        return ReportTable(
            kind: .cycles, level: .subject, title: "Coaching cycles by subject",
            columns: [ReportColumn(key: "subject", heading: "Subject")] + Self.subjectColumns + [
                ReportColumn(key: "coachees", heading: "Coachees", isNumber: true)
            ],
            rows: rows,
            notes: [
                "Cycles under way at some time from \(period), by their coachee's subject.", cadenceNote,
                privateSessionNote, smallCellNote,
                "Subjects with a small figure or fewer than \(rule.threshold) coachees are merged into "
                    + "\"\(Self.otherSubjects)\".",
            ] + filterNotes)
    }
}
