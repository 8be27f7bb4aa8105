import Coaching
import CoachingStore
import Forms
import Foundation
import TextUI

/// What the home screen knows about the person: their cycles, drafts and what is due.
struct HomeSummary: Sendable {
    struct CycleLine: Sendable {
        var stored: StoredCycle
        var position: TrioPosition
        var partnerNames: [TrioPosition: String]
        var agreement: CoachingAgreement?
        var hasImpact: Bool
        var lastSession: SchoolDay?
    }

    var cycles: [CycleLine]
    var drafts: [Draft]

    /// Reads only the names of the person's trios: a session keeps its home
    /// screen for as long as it is open, and a trust may have thousands of staff.
    static func load(_ store: CoachingStore, for person: StaffCode) throws -> HomeSummary {
        var names: [StaffCode: String] = [:]
        var lines: [CycleLine] = []
        for stored in try store.cycles(member: person) {
            guard let position = stored.cycle.trio.position(of: person) else { continue }
            let trio = stored.cycle.trio
            for code in [trio.coachee, trio.coach, trio.observer] where names[code] == nil {
                names[code] = try store.staffMember(code)?.name
            }
            lines.append(
                CycleLine(
                    stored: stored, position: position,
                    partnerNames: [
                        .coachee: names[trio.coachee] ?? "\(trio.coachee)",
                        .coach: names[trio.coach] ?? "\(trio.coach)",
                        .observer: names[trio.observer] ?? "\(trio.observer)",
                    ],
                    agreement: try store.agreement(cycle: stored.id),
                    hasImpact: try store.impact(cycle: stored.id) != nil,
                    lastSession: try store.latestSessionDay(cycle: stored.id)))
        }
        return HomeSummary(cycles: lines, drafts: try store.drafts(staff: person))
    }

    var openCycles: [CycleLine] { cycles.filter { $0.stored.cycle.stage != .closed } }

    /// Plain sentences of what is waiting for the person.
    func due(today: SchoolDay, forms: FormCatalog) -> [String] {
        var items: [String] = []
        for draft in drafts {
            let title = forms.form(draft.form)?.title ?? draft.form
            let when = draft.updatedAt.prefix(10)
            let day = SchoolDay(iso: String(when))?.british ?? String(when)
            items.append(
                "A draft \(title.lowercased()) \(draft.context.isEmpty ? "" : "(\(draft.context)) ")to finish, saved \(day)."
            )
        }
        for line in openCycles where line.position != .observer {
            let id = line.stored.id
            let other = line.position == .coachee ? line.partnerNames[.coach] ?? "" : line.partnerNames[.coachee] ?? ""
            if let agreement = line.agreement {
                let mine = line.position == .coachee ? agreement.coacheeConfirmedOn : agreement.coachConfirmedOn
                if mine == nil { items.append("Confirm the coaching agreement of cycle \(id) with \(other).") }
            } else {
                items.append(
                    line.position == .coachee
                        ? "Write your coaching agreement for cycle \(id) with \(other)."
                        : "Cycle \(id) with \(other) has no coaching agreement yet.")
            }
            let stage = line.stored.cycle.stage
            if stage >= .postLesson && !line.hasImpact {
                items.append("The impact statement for cycle \(id) is due.")
            }
            if stage > .agreement && stage < .impact {
                let since = line.lastSession ?? line.stored.cycle.inStageSince
                let days = since.days(until: today)
                if days >= 14 {
                    items.append("No session logged for cycle \(id) since \(since.british) (\(days / 7) weeks).")
                }
            }
        }
        for line in openCycles where line.position == .observer && line.stored.cycle.stage == .observedLesson {
            items.append("You observe a lesson for cycle \(line.stored.id) (\(line.partnerNames[.coachee] ?? "")).")
        }
        return items
    }
}

/// One choice on the home menu.
enum HomeChoice: Equatable {
    case resume(form: String, context: String)
    case form(String)
    case myRecords
    case print
    case reports
    case switchMode
    case logOut
}

extension KioskSession {
    var greeting: String {
        let hour = Calendar.current.component(.hour, from: Date())
        let part = hour < 12 ? "Good morning" : hour < 17 ? "Good afternoon" : "Good evening"
        return "\(part), \(person?.firstName ?? "")."
    }

    /// The home screen: a greeting, what is due, and a menu built from the
    /// person's roles and trio positions, until they log out.
    func home() async throws {
        guard let person else { return }
        while true {
            let summary = try await context.withStore { store in try HomeSummary.load(store, for: person.code) }
            let forms = context.forms
            let menu = homeMenu(summary: summary, forms: forms)
            let due = summary.due(today: today, forms: forms)
            guard
                let choice = try await choose(
                    title: greeting, intro: due.isEmpty ? ["Nothing is waiting for you."] : due.map { "• " + $0 },
                    introHeading: due.isEmpty ? nil : "Waiting for you", options: menu.map(\.label), allowEscape: false)
            else { continue }
            switch menu[choice].choice {
            case .logOut: throw SessionEnd.loggedOut
            case .switchMode:
                toggleMode()
            case .myRecords:
                try await showMyRecords(summary: summary)
            case .print:
                try await printMenu(summary: summary)
            case .reports:
                try await reportsMenu()
            case let .form(key):
                guard let form = forms.form(key) else { continue }
                try await openForm(form, summary: summary, resumeContext: nil)
            case let .resume(key, draftContext):
                guard let form = forms.form(key) else {
                    message = "That form is no longer offered; your draft is kept."
                    continue
                }
                try await openForm(form, summary: summary, resumeContext: draftContext)
            }
        }
    }

    func homeMenu(summary: HomeSummary, forms: FormCatalog) -> [(label: String, choice: HomeChoice)] {
        guard let person else { return [] }
        var menu: [(label: String, choice: HomeChoice)] = []
        for draft in summary.drafts {
            guard let form = forms.form(draft.form) else { continue }
            menu.append(
                (
                    "Finish your draft: \(form.title)\(draft.context.isEmpty ? "" : " (\(draft.context))")",
                    .resume(form: draft.form, context: draft.context)
                ))
        }
        let offered = forms.forms.filter { FormAccess.mayOpen($0, person: person, cycles: summary.openCycles) }
        for form in offered.sorted(by: { Self.menuOrder($0.record) < Self.menuOrder($1.record) }) {
            menu.append((Self.menuLabel(form), .form(form.key)))
        }
        menu.append(("My cycles, goals and records", .myRecords))
        menu.append(("Print a document", .print))
        if Self.readsReports(person) { menu.append(("Reports: goals, cycles, impact, CPD", .reports)) }
        menu.append((fullScreen ? "Switch to line-by-line mode" : "Switch to full-screen mode", .switchMode))
        menu.append(("Log out", .logOut))
        return menu
    }

    /// Lead coaches, the impact lead and the head run the school's reports.
    static func readsReports(_ person: StaffMember) -> Bool {
        !person.roles.isDisjoint(with: [.leadCoach, .impactLead, .head])
    }

    static func menuOrder(_ record: FormRecord) -> Int {
        [FormRecord.session, .observation, .agreement, .impact, .cpd, .cycle, .priority].firstIndex(of: record) ?? 99
    }

    /// What the menu says: what the person does with the form.
    static func menuLabel(_ form: FormDefinition) -> String {
        switch form.record {
        case .session: "Record a coaching session (GROWTH)"
        case .observation: "Write observation notes"
        case .agreement: "Coaching agreement: write or confirm"
        case .impact: "Write the impact statement"
        case .cpd: "Log a CPD activity"
        case .cycle: "Start a coaching cycle for a trio"
        case .priority: "Add a school development priority"
        }
    }

    /// A menu: full-screen with arrows and numbers, or numbered lines. Nil on Esc.
    func choose(
        title: String, intro: [String] = [], introHeading: String? = nil, options: [String],
        allowEscape: Bool = true, keys: String? = nil
    ) async throws -> Int? {
        var selected = 0
        var top = 0
        while true {
            if !fullScreen {
                await writeLine("")
                await writeLine(title)
                if let introHeading { await writeLine(introHeading + ":") }
                for line in intro { await writeLine(line) }
                if let text = message { await writeLine("** " + text) }
                message = nil
                for (index, option) in options.enumerated() { await writeLine("  \(index + 1). \(option)") }
                let answer = try await readLine(
                    prompt: "Choose 1–\(options.count)\(allowEscape ? " (Enter to go back)" : ""): ")
                if fullScreen { continue }
                let trimmed = answer.trimmingCharacters(in: .whitespaces).lowercased()
                if trimmed.isEmpty || trimmed == "\u{1B}" {
                    if allowEscape { return nil }
                    continue
                }
                if trimmed == "full" {
                    toggleMode()
                    continue
                }
                if let number = Int(trimmed), (1...options.count).contains(number) { return number - 1 }
                message = "Type a number from 1 to \(options.count)."
                continue
            }
            let frame = { () -> Screen in
                self.menuFrame(
                    title: title, intro: intro, introHeading: introHeading, options: options,
                    selected: selected, top: &top,
                    keys: keys
                        ?? (allowEscape
                            ? "↑↓ choose · Enter open · Esc back · Ctrl-T line mode"
                            : "↑↓ choose · Enter open · a number jumps · Ctrl-T line mode"))
            }
            await show(frame())
            let key = try await nextKey(redraw: frame)
            message = nil
            switch key {
            case .up: selected = (selected + options.count - 1) % options.count
            case .down, .tab: selected = (selected + 1) % options.count
            case .home, .pageUp: selected = 0
            case .end, .pageDown: selected = options.count - 1
            case .enter: return selected
            case .escape, .backTab: if allowEscape { return nil }
            case let .character(character):
                if let digit = character.wholeNumberValue, (1...options.count).contains(digit) {
                    selected = digit - 1
                    return selected
                }
            default: break
            }
        }
    }

    private func menuFrame(
        title: String, intro: [String], introHeading: String?, options: [String],
        selected: Int, top: inout Int, keys: String
    ) -> Screen {
        var (screen, body) = Layout.page(
            width: width, height: height, school: context.schoolName, person: person, today: today.british,
            title: title, message: message, keys: keys)
        var row = body.row
        let introLines = intro.flatMap { Layout.wrap($0, width: body.width - 2) }
        let introRoom = max(0, min(introLines.count, body.height - options.count - 2, 8))
        if let introHeading, introRoom > 0 {
            screen.put(introHeading, row: row, column: body.column, style: .underline)
            row += 1
        }
        for line in introLines.prefix(introRoom) {
            screen.put(line, row: row, column: body.column + 1)
            row += 1
        }
        if introRoom > 0 { row += 1 }
        let room = max(1, body.row + body.height - row)
        if selected < top { top = selected }
        if selected >= top + room { top = selected - room + 1 }
        for index in top..<min(options.count, top + room) {
            let label = (index < 9 ? " \(index + 1)  " : "    ") + options[index]
            let style: Style = index == selected ? .reverse : .plain
            if index == selected { screen.fill(row: row, column: body.column, width: body.width, style: style) }
            screen.put(label, row: row, column: body.column, style: style, width: body.width)
            row += 1
        }
        return screen
    }
}
