import Coaching
import CoachingStore
import Forms
import Foundation
import TextUI

/// A person's own cycles, goals and records, as far as the access policy
/// lets them read, laid out as lines of text for the pager.
struct MyRecords: Sendable {
    var lines: [String]
    /// The private records shown, for the audit log.
    var reads: [(action: String, kind: String, id: String)]

    static func load(_ store: CoachingStore, person: StaffMember, summary: HomeSummary) throws -> MyRecords {
        var lines: [String] = []
        var reads: [(action: String, kind: String, id: String)] = []
        let priorities = Dictionary(try store.priorities().map { ($0.code, $0.title) }) { first, _ in first }
        func may(_ kind: RecordKind, _ relation: Relation) -> Bool {
            AccessPolicy.decide(roles: person.roles, relation: relation, action: .read, on: kind) == .allowed
        }
        func field(_ label: String, _ text: String) {
            let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !clean.isEmpty else { return }
            lines.append("  \(label):")
            for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("    " + line)
            }
        }
        if summary.cycles.isEmpty { lines.append("You are not in a coaching cycle yet.") }
        // Open cycles first, the most recently started first.
        let ordered = summary.cycles.sorted {
            ($0.stored.cycle.stage == .closed ? 1 : 0, -$0.stored.cycle.startedOn.dayNumber)
                < ($1.stored.cycle.stage == .closed ? 1 : 0, -$1.stored.cycle.startedOn.dayNumber)
        }
        for line in ordered {
            let cycle = line.stored.cycle
            let id = line.stored.id
            let relation = Relation(of: person.code, in: cycle.trio)
            guard relation != .none else {
                // Never the case for a summary loaded for this person; refused and audited all the same.
                reads.append(("refused", "cycle", "\(id)"))
                continue
            }
            lines.append(
                "Cycle \(id) · \(cycle.stage.title) since \(cycle.inStageSince.british) · you are the \(line.position.rawValue)"
            )
            lines.append(
                "  Coachee \(line.partnerNames[.coachee] ?? ""), coach \(line.partnerNames[.coach] ?? ""), "
                    + "observer \(line.partnerNames[.observer] ?? "")")
            if let priority = cycle.priority {
                lines.append("  Priority \(priority): \(priorities[priority] ?? "")")
            }
            if !cycle.focus.isEmpty { lines.append("  Focus: \(cycle.focus)") }
            lines.append(
                "  Stages: " + cycle.history.map { "\($0.stage.title) \($0.on.british)" }.joined(separator: " → "))
            if may(.agreement, relation), let agreement = line.agreement {
                reads.append(("read", "agreement", "\(id)"))
                lines.append(
                    "  Coaching agreement (coachee "
                        + (agreement.coacheeConfirmedOn.map { "confirmed \($0.british)" } ?? "not yet confirmed")
                        + ", coach "
                        + (agreement.coachConfirmedOn.map { "confirmed \($0.british)" } ?? "not yet confirmed") + ")")
                field("Goals", agreement.goals)
                field("Meeting pattern", agreement.meetingPattern)
            }
            if may(.goal, relation) {
                for stored in try store.goals(cycle: id) {
                    let goal = stored.record
                    lines.append(
                        "  Goal (\(goal.status.rawValue)\(goal.priority.map { ", \($0)" } ?? "")): \(goal.text)")
                }
            }
            for stored in try store.sessions(cycle: id) {
                let session = stored.record
                guard may(session.sharedWithObserver ? .sharedSessionProforma : .sessionProforma, relation) else {
                    continue
                }
                reads.append(("read", "session", "\(stored.id)"))
                lines.append(
                    "  Session \(session.heldOn.british) · \(session.kind.title)"
                        + (session.sharedWithObserver ? " · shared with the observer" : ""))
                field("Goal", session.goal)
                field("Reality", session.reality)
                field("Options", session.options)
                field("Will", session.will)
                field("Tactics", session.tactics)
                field("Habits", session.habits)
                if !session.actions.isEmpty { field("Agreed actions", AgreedActions.text(session.actions)) }
            }
            if may(.observationNotes, relation) {
                for stored in try store.observations(cycle: id) {
                    let notes = stored.record
                    reads.append(("read", "observation", "\(stored.id)"))
                    lines.append("  Observation \(notes.heldOn.british) · \(notes.lessonClass) \(notes.subject)")
                    field("Look-fors", notes.lookFors)
                    field("Seen and heard", notes.seenAndHeard)
                    field("Questions", notes.questions)
                }
            }
            if may(.impactStatement, relation), let impact = try store.impact(cycle: id) {
                reads.append(("read", "impact", "\(id)"))
                lines.append("  Impact statement \(impact.submittedOn.british)")
                field("Goal", impact.goal)
                field("What changed in teaching", impact.changeInTeaching)
                field("Pupil outcomes before", impact.pupilOutcomesBefore)
                field("Pupil outcomes after", impact.pupilOutcomesAfter)
                field("Next steps", impact.nextSteps)
            }
            lines.append("")
        }
        let cpd = try store.cpd(owner: person.code)
        lines.append(
            "My CPD log: \(cpd.count) activit\(cpd.count == 1 ? "y" : "ies"), "
                + String(format: "%g", cpd.reduce(0) { $0 + $1.record.hours }) + " hours")
        for stored in cpd.reversed() {
            let activity = stored.record
            lines.append(
                "  \(activity.heldOn.british) · \(activity.title) · \(activity.kind.title) · "
                    + String(format: "%g", activity.hours) + " h" + (activity.priority.map { " · \($0)" } ?? ""))
        }
        return MyRecords(lines: lines, reads: reads)
    }
}

extension KioskSession {
    func showMyRecords(summary: HomeSummary) async throws {
        guard let person else { return }
        let records = try await context.withStore { store in
            try MyRecords.load(store, person: person, summary: summary)
        }
        let actor = self.actor
        try await context.withStore { store in try store.audit(actor, lines: records.reads) }
        try await page(title: "My cycles, goals and records", lines: records.lines)
    }

    /// Shows lines a screen at a time: PgUp/PgDn, arrows, Home/End; Esc or q goes back.
    func page(title: String, lines source: [String]) async throws {
        var top = 0
        while true {
            if !fullScreen { return try await pageLineByLine(title: title, lines: source) }
            let wrapped = source.flatMap { line -> [String] in
                let indent = String(line.prefix { $0 == " " })
                return Layout.wrap(String(line.dropFirst(indent.count)), width: max(10, width - 3 - indent.count))
                    .map { indent + $0 }
            }
            let room = max(1, height - 6)
            top = max(0, min(top, wrapped.count - room))
            let frame = { () -> Screen in
                var (screen, body) = Layout.page(
                    width: self.width, height: self.height, school: self.context.schoolName, person: self.person,
                    today: self.today.british, title: title, message: self.message,
                    keys: "↑↓ PgUp PgDn scroll · Home/End · Esc back"
                        + "   lines \(min(top + 1, wrapped.count))–\(min(top + room, wrapped.count)) of \(wrapped.count)"
                )
                for (offset, line) in wrapped.dropFirst(top).prefix(body.height).enumerated() {
                    screen.put(line, row: body.row + offset, column: body.column, width: body.width)
                }
                return screen
            }
            await show(frame())
            let key = try await nextKey(redraw: frame)
            message = nil
            switch key {
            case .down, .enter: top += 1
            case .up: top -= 1
            case .pageDown, .character(" "): top += room
            case .pageUp: top -= room
            case .home: top = 0
            case .end: top = wrapped.count
            case .escape, .character("q"), .backTab: return
            default: break
            }
        }
    }

    /// The same lines a terminal-height page at a time, for line-by-line mode.
    private func pageLineByLine(title: String, lines source: [String]) async throws {
        await writeLine("")
        await writeLine(title)
        let pageSize = max(5, height - 2)
        var index = 0
        while index < source.count {
            for line in source[index..<min(source.count, index + pageSize)] { await writeLine(line) }
            index += pageSize
            if index < source.count {
                let answer = try await readLine(prompt: "-- more: Enter for the next page, q to stop -- ")
                if fullScreen { return try await page(title: title, lines: source) }
                if answer.lowercased().hasPrefix("q") || answer == "\u{1B}" { return }
            }
        }
    }
}
