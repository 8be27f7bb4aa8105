import Coaching
import CoachingStore
import Forms
import Foundation
import Logging
import TextUI

/// What a form is being filled for: a cycle the person is in, or nothing
/// (a CPD entry, a new cycle, a priority).
struct FormTarget: Sendable {
    var cycle: HomeSummary.CycleLine?

    /// How the draft is filed: `cycle 12`, or empty.
    var draftContext: String { cycle.map { "cycle \($0.stored.id)" } ?? "" }
}

/// How much of a notes field's limit the lines typed line by line have used.
struct NotesBudget {
    /// Characters so far, line breaks included.
    var used = 0
    /// The person has been told the field is full.
    var toldFull = false
}

/// The editor of the field in hand.
enum FieldEditor {
    case line(TextField)
    case notes(NotesArea)
    case choice(ChoiceList)

    var text: String {
        switch self {
        case let .line(field): field.text
        case let .notes(area): area.text
        case let .choice(list): list.selectedValue ?? ""
        }
    }

    mutating func handle(_ key: Key) -> FieldOutcome {
        switch self {
        case var .line(field):
            let outcome = field.handle(key)
            self = .line(field)
            return outcome
        case var .notes(area):
            let outcome = area.handle(key)
            self = .notes(area)
            return outcome
        case var .choice(list):
            let outcome = list.handle(key)
            self = .choice(list)
            return outcome
        }
    }

    /// Whether nothing but white space is in the field (a list: nothing chosen).
    var isBlank: Bool {
        switch self {
        case let .line(field): field.isBlank
        case let .notes(area): area.isBlank
        case let .choice(list): (list.selectedValue ?? "").allSatisfy(\.isWhitespace)
        }
    }

    /// Whether typed characters can be taken many at a time (a paste).
    var takesPastes: Bool {
        switch self {
        case .line, .notes: true
        case .choice: false
        }
    }

    /// Inserts a run of typed characters at once: the same as typing them
    /// one by one, at the cost of one layout.
    mutating func insert(_ text: String) -> FieldOutcome {
        switch self {
        case var .line(field):
            let outcome = field.insert(text)
            self = .line(field)
            return outcome
        case var .notes(area):
            let outcome = area.insert(text)
            self = .notes(area)
            return outcome
        case .choice:
            return .ignored
        }
    }

    /// What one more character at the end would show (notes only; see `EchoAhead`).
    func echoAhead(at area: Rect) -> EchoAhead? {
        guard case let .notes(notes) = self else { return nil }
        return notes.echoAhead(at: area)
    }

    /// Makes the next `redraw` draw the field whole.
    mutating func forgetDrawing() {
        guard case var .notes(notes) = self else { return }
        notes.forgetDrawing()
        self = .notes(notes)
    }

    /// Draws the field on a screen that still shows its last drawing (see
    /// `NotesArea.redraw`); a line or a list is drawn whole, a row or two.
    mutating func redraw(into screen: inout Screen, at area: Rect, focused: Bool) {
        switch self {
        case let .line(field): field.draw(into: &screen, at: area, focused: focused)
        case var .notes(notes):
            notes.redraw(into: &screen, at: area, focused: focused)
            self = .notes(notes)
        case let .choice(list): list.draw(into: &screen, at: area, focused: focused)
        }
    }
}

extension KioskSession {
    static let formKeys = "Tab next · Shift-Tab back · Ctrl-S or F2 save · Esc leave (draft kept)"

    /// Opens a form: chooses the cycle when there is more than one, offers
    /// to carry on with a draft, lets the person fill it in (each field saved
    /// to their draft as they leave it) and submits it in one transaction.
    func openForm(_ form: FormDefinition, summary: HomeSummary, resumeContext: String?) async throws {
        guard let person else { return }
        if form.record.privateRecordKind == nil,
            !FormAccess.mayOpen(form, person: person, cycles: summary.openCycles)
        {
            // A draft left from a role the person no longer holds, say: the form is not theirs now.
            message =
                "The \(form.title.lowercased()) form is not yours to fill in"
                + (resumeContext == nil ? "." : "; your draft is kept.")
            await refuse(form.record.rawValue, id: nil, detail: "form \(form.key): not offered to this person")
            return
        }
        guard let target = try await chooseTarget(for: form, summary: summary, resumeContext: resumeContext) else {
            return
        }
        let draftKey = DraftKey(staff: person.code, form: form.key, context: target.draftContext)
        let existing = try await context.withStore { store in
            try store.draft(staff: draftKey.staff, form: draftKey.form, context: draftKey.context)
        }
        var start: [String: String] = [:]
        if let existing {
            if resumeContext != nil {
                start = existing.fields
            } else {
                let day = SchoolDay(iso: String(existing.updatedAt.prefix(10)))?.british ?? ""
                guard
                    let answer = try await choose(
                        title: form.title, intro: ["You have a draft of this form, saved \(day)."],
                        options: ["Carry on with my draft", "Start again and throw the draft away"])
                else { return }
                if answer == 0 {
                    start = existing.fields
                } else {
                    try await context.withStore { store in
                        try store.discardDraft(staff: draftKey.staff, form: draftKey.form, context: draftKey.context)
                    }
                }
            }
        }
        if start.isEmpty, let cycle = target.cycle {
            start = try await context.withStore { store in
                switch form.record {
                case .agreement: try store.agreement(cycle: cycle.stored.id).map(RecordBuilder.values(from:)) ?? [:]
                case .impact: try store.impact(cycle: cycle.stored.id).map(RecordBuilder.values(from:)) ?? [:]
                default: [:]
                }
            }
            if form.record == .agreement, start["priority"] == nil, let priority = cycle.stored.cycle.priority {
                start["priority"] = priority
            }
        }
        let lists = try await context.withStore { store in try Self.choiceLists(store, for: form) }
        var shown = form
        if form.record == .session, target.cycle?.position != .coachee {
            // Sharing a session record with the observer is the coachee's choice alone.
            shown.fields.removeAll { $0.key == "shared_with_observer" }
        }
        let state = FormState(form: shown, draft: start, today: today, lists: lists)
        let heading = form.title + (target.cycle.map { " · cycle \($0.stored.id) (\(Self.describe($0)))" } ?? "")
        // The form submits from inside, so that when the disk will not take the
        // record the form stays on the screen, with what was typed, to try again.
        let submitting = { (values: [String: String]) async throws -> String in
            try await self.submit(form, values: values, target: target, draft: draftKey)
        }
        let finished: String?
        do {
            if fullScreen {
                finished = try await fillFullScreen(state, heading: heading, draft: draftKey, submit: submitting)
            } else {
                finished = try await fillLineByLine(state, heading: heading, draft: draftKey, submit: submitting)
            }
        } catch let problem as FormProblem {
            message = "Not saved: \(problem.description) Your draft is kept."
            return
        } catch let error as StoreError where error.storageFault == nil {
            message = "Not saved: \(error.description) Your draft is kept."
            return
        }
        if let finished {
            message = finished
        } else if let fault = unsavedWork {
            message =
                "The kiosk could not save your last changes: \(Self.diskTrouble(fault)). "
                + "The rest is in your draft; please tell the school office."
            unsavedWork = nil  // Told: what was lost is gone.
        } else {
            message = "Your draft is kept: finish it from the home screen whenever you like."
        }
    }

    static func describe(_ line: HomeSummary.CycleLine) -> String {
        switch line.position {
        case .coachee: "with your coach \(line.partnerNames[.coach] ?? "")"
        case .coach: "coaching \(line.partnerNames[.coachee] ?? "")"
        case .observer: "observing \(line.partnerNames[.coachee] ?? "")"
        }
    }

    private func chooseTarget(for form: FormDefinition, summary: HomeSummary, resumeContext: String?)
        async throws -> FormTarget?
    {
        guard let person, form.record.privateRecordKind != nil else { return FormTarget(cycle: nil) }
        let cycles = FormAccess.cycles(for: form, person: person, among: summary.openCycles)
        if let resumeContext {
            guard let line = cycles.first(where: { "cycle \($0.stored.id)" == resumeContext }) else {
                message = "That cycle is closed or no longer yours to write in; your draft is kept."
                let id = resumeContext.hasPrefix("cycle ") ? String(resumeContext.dropFirst(6)) : resumeContext
                let own = summary.cycles.contains { "cycle \($0.stored.id)" == resumeContext }
                await refuse(
                    form.record.rawValue, id: id,
                    detail: "form \(form.key), \(resumeContext): "
                        + (own ? "closed, or not the person's to write" : "not in the trio"))
                return nil
            }
            return FormTarget(cycle: line)
        }
        if cycles.count == 1 { return FormTarget(cycle: cycles[0]) }
        guard !cycles.isEmpty else {
            message = "You have no open cycle in which you write this."
            await refuse(form.record.rawValue, id: nil, detail: "form \(form.key): no open cycle to write in")
            return nil
        }
        let options = cycles.map { line in
            "Cycle \(line.stored.id) · \(Self.describe(line)) · \(line.stored.cycle.stage.title)"
        }
        guard let index = try await choose(title: form.title + ": which cycle?", options: options) else {
            return nil
        }
        return FormTarget(cycle: cycles[index])
    }

    /// The lists from the school's database that `form` asks for, and no
    /// others: a form stays open for as long as the person types, and the
    /// staff of a trust are thousands of names.
    static func choiceLists(_ store: CoachingStore, for form: FormDefinition) throws -> [NamedChoices: [Choice]] {
        let named = Set(
            form.fields.compactMap { field -> NamedChoices? in
                if case let .named(name) = field.choices { name } else { nil }
            })
        var lists: [NamedChoices: [Choice]] = [:]
        if named.contains(.priorities) {
            lists[.priorities] = try store.priorities().map { Choice(value: $0.code, label: "\($0.code) \($0.title)") }
        }
        if !named.isDisjoint(with: [.staff, .coaches]) {
            let staff = try store.staff()
            let choice = { (member: StaffMember) in
                Choice(value: member.code.rawValue, label: "\(member.name) (\(member.code), \(member.subject))")
            }
            if named.contains(.staff) { lists[.staff] = staff.map(choice) }
            if named.contains(.coaches) {
                lists[.coaches] = staff.filter { !$0.roles.isDisjoint(with: [.coach, .leadCoach]) }.map(choice)
            }
        }
        return lists
    }

    // MARK: Full screen

    private func editor(for field: FieldDefinition, state: FormState, area: Rect) -> FieldEditor {
        let value = state[field.key]
        switch field.kind {
        case .notes:
            return .notes(
                NotesArea(
                    text: value, maxLength: field.lengthLimit ?? 2000, width: area.width,
                    height: area.height))
        case .choice:
            let options = state.choices(for: field).map(\.pair)
            return .choice(ChoiceList(options: options, selected: value.isEmpty ? nil : value, height: area.height))
        case .yesNo:
            let selected = value.lowercased().hasPrefix("y") ? "yes" : value.lowercased().hasPrefix("n") ? "no" : nil
            return .choice(ChoiceList(options: [("yes", "Yes"), ("no", "No")], selected: selected, height: 2))
        case .date:
            return .line(TextField(text: value, maxLength: 10))
        case .number:
            return .line(TextField(text: value, maxLength: 8, allowed: { $0.isNumber || $0 == "." }))
        case .text:
            return .line(TextField(text: value, maxLength: field.lengthLimit ?? 200))
        }
    }

    /// The right-hand pane: where the current field's editor goes.
    private func editorArea(for field: FieldDefinition) -> Rect {
        let left = 26
        let top = 3 + 1 + 3 + 1
        let bottom = height - 4
        let width = max(20, self.width - left - 1)
        switch field.kind {
        case .notes, .choice: return Rect(row: top, column: left, width: width, height: max(3, bottom - top + 1))
        case .yesNo: return Rect(row: top, column: left, width: min(width, 20), height: 2)
        default: return Rect(row: top, column: left, width: min(width, max(12, field.lengthLimit ?? 40) + 1), height: 1)
        }
    }

    /// A form's way to submit its values: what to tell the person once saved.
    typealias Submitting = ([String: String]) async throws -> String

    /// Fills the form on the full screen; the message to show once submitted,
    /// or nil when the person leaves it. `unsaved` are fields left but not yet
    /// in the draft (the disk would not take them).
    private func fillFullScreen(
        _ start: FormState, heading: String, draft: DraftKey, submit: Submitting,
        unsaved pending: [String: String] = [:]
    ) async throws -> String? {
        var state = start
        var unsaved = pending
        var warnedLeaving = false
        defer { shownForm = nil }
        if state.values.contains(where: { !$0.value.isEmpty && state.form.field($0.key)?.defaultValue == nil }),
            let firstEmpty = state.fields.firstIndex(where: { state[$0.key].isEmpty })
        {
            // A draft carries on where it was left: at its first empty field.
            _ = state.move(to: firstEmpty)
        }
        guard let first = state.current else { return nil }
        var editor = editor(for: first, state: state, area: editorArea(for: first))
        message = nil

        /// Puts the editor's text into the form, leaves the field, saves it to the
        /// draft (with any the disk would not take before).
        func leave(_ move: (inout FormState) -> (key: String, value: String)?) async throws {
            if let field = state.current { state[field.key] = editor.text }
            if let left = move(&state) { unsaved[left.key] = left.value }
            if let said = try await saveDraftFields(&unsaved, draft: draft) { message = said }
            if unsaved.isEmpty, let field = state.current, let problem = state.problems[field.key] {
                message = problem.message
            }
            if let field = state.current {
                editor = self.editor(for: field, state: state, area: editorArea(for: field))
            }
        }

        /// False after a key that changed nothing on the screen (a paste past a full field): no frame to draw.
        var redraw = true
        /// The fields' marks as of a revision of the form's state.
        var marks: (revision: Int, marks: [Unicode.Scalar])?
        while true {
            if redraw { await showForm(state: state, editor: &editor, heading: heading, marks: &marks) }
            redraw = true
            let key: Key
            let input: Input
            do {
                // A character typed at the end of a notes field is echoed the moment it comes.
                // While nothing but the text and its count changes (not the field's mark, not
                // the message line), the line holds the characters until another key comes.
                let holds = message == nil && !editor.isBlank
                let ahead =
                    fullScreen
                    ? state.current.flatMap { editor.echoAhead(at: editorArea(for: $0))?.holding(holds) } : nil
                input = try await nextInput(typing: true, echoAhead: ahead)
            } catch {
                // The line dropped, the session timed out or the kiosk is closing:
                // keep what is in the field in hand too.
                do {
                    try await leave { $0.leaveField() }
                    if !unsaved.isEmpty {
                        logger.error(
                            "typed text lost: the disk would not take it", metadata: ["fields": "\(unsaved.count)"])
                    }
                } catch let saving {
                    logger.error("the field in hand was not saved", metadata: ["error": "\(saving)"])
                }
                logger.debug("form left", metadata: ["reason": "\(error)"])
                throw error
            }
            switch input {
            case .redraw:
                if !fullScreen {
                    if let field = state.current { state[field.key] = editor.text }
                    // The field in hand is saved with the next answer, with any the disk would not take.
                    if let left = state.leaveField() { unsaved[left.key] = left.value }
                    return try await fillLineByLine(
                        state, heading: heading, draft: draft, submit: submit, unsaved: Set(unsaved.keys))
                }
                if let field = state.current {
                    let text = editor.text
                    state[field.key] = text
                    editor = self.editor(for: field, state: state, area: editorArea(for: field))
                }
                continue
            case let .key(pressed): key = pressed
            }
            guard let field = state.current else { return nil }
            switch key {
            case .control("s"), .function(2):
                try await leave { $0.leaveField() }
                // The message says why; Ctrl-S tries again.
                guard unsaved.isEmpty else { continue }
                switch state.readyToSubmit(today: today) {
                case let .success(values):
                    if let said = try await submitting(values, with: submit) { return said }
                case let .failure(problems):
                    if let problem = problems.first {
                        try await leave { $0.move(to: problem.key) }
                        message =
                            (problems.count > 1 ? "\(problems.count) fields need attention. " : "")
                            + "\(problem.label): \(problem.message)"
                    }
                }
            case .escape:
                try await leave { $0.leaveField() }
                if !unsaved.isEmpty, !warnedLeaving, let fault = unsavedWork {
                    warnedLeaving = true
                    message = Self.leavingUnsaved(fault)
                    continue
                }
                // With everything in the draft, nothing is lost (only the record waits).
                if unsaved.isEmpty { unsavedWork = nil }
                return nil
            case .tab, .backTab:
                message = nil
                warnedLeaving = false
                try await leave { state in key == .tab ? state.next() : state.previous() }
            case .enter where field.kind != .notes:
                message = nil
                if field.kind == .choice || field.kind == .yesNo { _ = editor.handle(key) }
                try await leave { $0.next() }
            case .up where field.kind == .text || field.kind == .date || field.kind == .number:
                try await leave { $0.previous() }
            case .down where field.kind == .text || field.kind == .date || field.kind == .number:
                try await leave { $0.next() }
            default:
                var typed = key
                if field.kind == .yesNo, case let .character(character) = key {
                    typed = character.lowercased() == "y" ? .home : character.lowercased() == "n" ? .end : key
                }
                let messageBefore = message
                // The terminal already shows a character echoed ahead and its count; with text
                // in the field before it (its mark stays ✓) and no message, nothing else changes.
                let echoShowsAll = keyEchoedAhead && messageBefore == nil && !editor.isBlank
                // Before a paste, the text: a paste may be cut short with some of it in.
                // (A single key that is refused changes nothing.)
                var textBefore: String?
                let outcome: FieldOutcome
                if case let .character(first) = typed, editor.takesPastes, !pendingKeys.isEmpty,
                    Sanitizer.isClean(String(first))
                {
                    // Characters already read behind this one are a paste: take them all at once.
                    textBefore = editor.text
                    outcome = editor.insert(String(first) + takeTypedRun(newLines: field.kind == .notes))
                } else {
                    outcome = editor.handle(typed)
                }
                switch outcome {
                case let .rejected(reason):
                    message = reason
                    redraw = textBefore.map { editor.text != $0 } ?? false || message != messageBefore
                case .handled:
                    // A disk that will not take what was typed stays said until it does.
                    if message != nil && state.problems[field.key] == nil && unsaved.isEmpty { message = nil }
                    // The frame waits for a key that changes more, and draws them all then.
                    if echoShowsAll { redraw = false }
                case .ignored:
                    // Up from a list's top or a note's first line goes to the field before; Down likewise.
                    if key == .up { try await leave { $0.previous() } }
                    if key == .down { try await leave { $0.next() } }
                }
            }
        }
    }

    /// Takes the characters (and, in notes, the line breaks) waiting at the
    /// front of the keys already read, as text. A character the editors
    /// would ignore when typed (one the sanitiser changes) is left out, so
    /// the run goes in exactly as the keys would have.
    private func takeTypedRun(newLines: Bool) -> String {
        var text = ""
        var count = 0
        for key in pendingKeys {
            if case let .character(character) = key {
                let typed = String(character)
                if Sanitizer.isClean(typed) { text.append(character) }
            } else if newLines, key == .enter {
                text.append("\n")
            } else {
                break
            }
            count += 1
        }
        pendingKeys.removeFirst(count)
        return text
    }

    /// Shows the form: the backdrop (title, field list, help) with the field
    /// in hand drawn on it. While nothing on the backdrop changes, the field
    /// is redrawn in place on the frame last shown, and the renderer compares
    /// only the rows it wrote: a key typed costs the rows it changed, not
    /// the whole screen.
    private func showForm(
        state: FormState, editor: inout FieldEditor, heading: String,
        marks: inout (revision: Int, marks: [Unicode.Scalar])?
    ) async {
        // The fields' marks: › here, ✓ done, ! to mend, * required. Only the
        // field in hand's changes while the state stands.
        if marks?.revision != state.revision {
            marks = (
                state.revision,
                state.fields.map { field in
                    state.problems[field.key] != nil
                        ? "!" : !state[field.key].allSatisfy(\.isWhitespace) ? "✓" : field.required ? "*" : " "
                }
            )
        }
        var marks = marks?.marks ?? []
        if let field = state.current, state.problems[field.key] == nil, marks.indices.contains(state.index) {
            marks[state.index] = !editor.isBlank ? "✓" : field.required ? "*" : " "
        }
        let key = FormBackdrop(
            form: state.form.key, heading: heading, message: message, today: context.today.british, width: width,
            height: height, index: state.index, marks: marks)
        // Taken out while it is drawn on, so that the screen is changed in place, not copied.
        var shown: (key: FormBackdrop, screen: Screen)
        if let kept = shownForm.take(), kept.key.sameFrame(as: key) {
            shown = kept
            if shown.key.index != key.index || shown.key.marks != key.marks {
                // The rows of the list that change: a mark (the first character in a field,
                // or the last taken out), or on a Tab the field left and the field taken up.
                drawFieldList(key, state: state, over: shown.key, on: &shown.screen)
                if shown.key.index != key.index {
                    // Another field in hand: its label and help, and its editor.
                    drawFieldPane(state: state, on: &shown.screen)
                    shown.screen.cursor = nil
                    editor.forgetDrawing()
                }
                shown.key = key
            }
        } else {
            shown = (key, formBackdrop(key, state: state))
            editor.forgetDrawing()
        }
        if let field = state.current {
            editor.redraw(into: &shown.screen, at: editorArea(for: field), focused: true)
        }
        // Every test that fills a form checks the frame drawn in place against one drawn afresh.
        assert(
            drawnAfresh(key, state: state, editor: editor) == shown.screen,
            "the form drawn in place differs from the form drawn afresh")
        let bytes = renderer.render(&shown.screen)
        shownForm = shown
        await write(bytes)
    }

    private static let listWidth = 24

    /// The form's frame drawn from nothing, to check the one drawn in place.
    private func drawnAfresh(_ key: FormBackdrop, state: FormState, editor: FieldEditor) -> Screen {
        var screen = formBackdrop(key, state: state)
        var editor = editor
        editor.forgetDrawing()
        if let field = state.current {
            editor.redraw(into: &screen, at: editorArea(for: field), focused: true)
        }
        return screen
    }

    private func formBackdrop(_ key: FormBackdrop, state: FormState) -> Screen {
        var (screen, _) = Layout.page(
            width: width, height: height, school: context.schoolName, person: person, today: key.today,
            title: key.heading, message: message, keys: Self.formKeys)
        drawFieldList(key, state: state, on: &screen)
        for row in 3...(height - 4) { screen.put("│", row: row, column: Self.listWidth + 1, style: .dim) }
        if let message, DisplayWidth.of(message) > width - 2 {
            // A long message (the disk will not take what was typed) takes the rule above the message line too.
            for (offset, line) in Layout.wrap(message, width: width - 2).prefix(2).enumerated() {
                screen.fill(row: height - 3 + offset, column: 0, width: width)
                screen.put(line, row: height - 3 + offset, column: 1, style: .bold, width: width - 2)
            }
        }
        drawFieldPane(state: state, on: &screen)
        return screen
    }

    /// The list of fields left of the bar: each with its mark, the one in
    /// hand highlighted, scrolled to keep it in view. Given the list as
    /// `shown` and scrolled the same, only the rows that differ are drawn:
    /// on a Tab, the field left and the field taken up.
    private func drawFieldList(
        _ key: FormBackdrop, state: FormState, over shown: FormBackdrop? = nil, on screen: inout Screen
    ) {
        let bottom = height - 4
        let fields = state.fields
        let top = fieldListTop(index: key.index, count: fields.count)
        let unchanged =
            shown.map { $0.marks.count == key.marks.count && fieldListTop(index: $0.index, count: fields.count) == top }
            ?? false
        for row in 3...bottom {
            let offset = top + row - 3
            if unchanged, let shown, offset != shown.index, offset != key.index,
                !key.marks.indices.contains(offset) || shown.marks[offset] == key.marks[offset]
            {
                continue
            }
            screen.fill(row: row, column: 0, width: Self.listWidth)
            guard fields.indices.contains(offset), key.marks.indices.contains(offset) else { continue }
            let current = offset == key.index
            screen.put(
                (current ? "›" : " ") + String(Character(key.marks[offset])) + " " + fields[offset].label, row: row,
                column: 0, style: current ? .reverse : .plain, width: Self.listWidth)
        }
    }

    /// The first field the list shows: the list scrolls to keep the field in hand in view.
    private func fieldListTop(index: Int, count: Int) -> Int {
        let room = height - 4 - 3 + 1
        return max(0, min(index - room / 2, count - room))
    }

    /// The pane right of the bar: the field in hand's label and help, and
    /// blank below them for its editor.
    private func drawFieldPane(state: FormState, on screen: inout Screen) {
        let left = Self.listWidth + 2
        let paneWidth = width - left - 1
        screen.fill(Rect(row: 3, column: left, width: paneWidth, height: height - 4 - 3 + 1))
        guard let field = state.current else { return }
        screen.put(
            field.label + (field.required ? " (required)" : ""), row: 3, column: left, style: .bold,
            width: paneWidth)
        for (offset, line) in Layout.wrap(field.help, width: paneWidth).prefix(3).enumerated() {
            screen.put(line, row: 4 + offset, column: left, style: .dim, width: paneWidth)
        }
    }

    // MARK: Line by line

    /// Fills the form line by line; the message to show once submitted, or nil
    /// when the person leaves it. `unsaved` are fields not yet in the draft.
    private func fillLineByLine(
        _ start: FormState, heading: String, draft: DraftKey, submit: Submitting, unsaved: Set<String> = []
    ) async throws -> String? {
        var form = LineModeForm(state: start)
        var saved = start.values.filter { !unsaved.contains($0.key) }
        var warnedLeaving = false
        await writeLine("")
        await writeLine(heading)
        await writeLine("Press Enter to keep a value, type < to go back a field, Esc to leave (your draft is kept).")
        var needsPrompt = true
        var notes = NotesBudget()
        while true {
            if needsPrompt { await writeLine(form.prompt()) }
            let line = try await readLine(prompt: form.isTakingNotes ? "| " : "> ")
            if fullScreen {
                let unsaved = form.state.values.filter { saved[$0.key] != $0.value }
                return try await fillFullScreen(
                    form.state, heading: heading, draft: draft, submit: submit, unsaved: unsaved)
            }
            if line == "\u{1B}" {
                let allSaved = try await saveChanged(form.state.values, since: &saved, draft: draft)
                if !allSaved, !warnedLeaving, let fault = unsavedWork {
                    warnedLeaving = true
                    await writeLine("** " + Self.leavingUnsaved(fault))
                    needsPrompt = true
                    continue
                }
                if allSaved { unsavedWork = nil }
                return nil
            }
            warnedLeaving = false
            guard let answer = await fitted(line, form: form, notes: &notes) else { continue }
            let step = form.answer(answer)
            // A line added to a notes field leaves no field: nothing to save yet.
            let allSaved =
                step == .moreNotes ? true : try await saveChanged(form.state.values, since: &saved, draft: draft)
            switch step {
            case .next, .finishedNotes: needsPrompt = true
            case .moreNotes: needsPrompt = false
            case let .again(problem):
                await writeLine("** \(problem.message)")
                needsPrompt = true
            case let .done(values):
                if allSaved, let said = try await submitting(values, with: submit) { return said }
                needsPrompt = true
            }
        }
    }

    /// The most characters a line-by-line answer keeps: what the field holds
    /// on the full screen.
    static func lineLimit(for field: FieldDefinition) -> Int {
        switch field.kind {
        case .text: field.lengthLimit ?? 200
        case .notes: field.lengthLimit ?? 2000
        case .date: 10
        case .number: 8
        case .choice: 200
        case .yesNo: 10
        }
    }

    /// A line typed for the current field, cut to what the field holds (a
    /// notes field counts all its lines), saying so when anything is cut;
    /// nil when the notes field is full and the line is left out.
    private func fitted(_ line: String, form: LineModeForm, notes: inout NotesBudget) async -> String? {
        guard let field = form.state.current else { return line }
        let limit = Self.lineLimit(for: field)
        let word = line.trimmingCharacters(in: .whitespaces)
        guard field.kind == .notes else {
            guard line.count > limit else { return line }
            await writeLine("** This field holds at most \(limit) characters: only the first \(limit) were kept.")
            return String(line.prefix(limit))
        }
        if !form.isTakingNotes {
            notes = NotesBudget()
            if word == "." || word == "<" || word.isEmpty { return line }
        } else if word == "." || word == "<" {
            return line
        }
        // Each line after the first adds a line break.
        let lineBreak = form.isTakingNotes ? 1 : 0
        let room = limit - notes.used - lineBreak
        guard room >= 0 else {
            if !notes.toldFull {
                notes.toldFull = true
                await writeLine(
                    "** This field holds at most \(limit) characters and is full: what you type is left out. "
                        + "End the notes with a line holding only .")
            }
            return nil
        }
        var kept = line
        if line.count > room {
            kept = String(line.prefix(room))
            notes.toldFull = true
            await writeLine(
                "** This field holds at most \(limit) characters: only the first \(room) of that line were kept. "
                    + "End the notes with a line holding only .")
        }
        notes.used += lineBreak + kept.count
        return kept
    }

    /// Saves the fields changed since `saved` to the draft, saying so when the
    /// disk will not take them (they are tried again with the next answer).
    /// True when every field is in the draft.
    private func saveChanged(_ values: [String: String], since saved: inout [String: String], draft: DraftKey)
        async throws -> Bool
    {
        let changed = values.filter { saved[$0.key] != $0.value }
        var unsaved = changed
        if let said = try await saveDraftFields(&unsaved, draft: draft) { await writeLine("** " + said) }
        guard unsaved.isEmpty else { return false }
        saved.merge(changed) { $1 }
        return true
    }

    /// Saves `fields` to the person's draft and empties it. When the disk
    /// will not take them they stay in `fields`, kept to be saved next time,
    /// and the words for the person come back; so do the words when the disk
    /// takes them again after a fault.
    private func saveDraftFields(_ fields: inout [String: String], draft: DraftKey) async throws -> String? {
        guard !fields.isEmpty else { return nil }
        let pending = fields.sorted { $0.key < $1.key }
        do {
            try await context.withStore { store in
                for (field, value) in pending {
                    try store.saveDraftField(
                        staff: draft.staff, form: draft.form, context: draft.context, field: field, value: value)
                }
            }
        } catch let error as StoreError {
            guard let fault = error.storageFault else { throw error }
            return cannotSave(fault, error)
        }
        fields.removeAll()
        return savingAgain()
    }

    /// Submits the form's values; nil (with the person told why) when the
    /// disk will not take the record, so the form stays as it is.
    private func submitting(_ values: [String: String], with submit: Submitting) async throws -> String? {
        do {
            let said = try await submit(values)
            _ = savingAgain()
            return said
        } catch let error as StoreError {
            guard let fault = error.storageFault else { throw error }
            let said = cannotSave(fault, error)
            if fullScreen { message = said } else { await writeLine("** " + said) }
            return nil
        }
    }

    // MARK: Submitting

    /// Builds the record and writes it, the end of the draft and the audit
    /// line in one transaction. Returns what to tell the person.
    private func submit(_ form: FormDefinition, values: [String: String], target: FormTarget, draft: DraftKey)
        async throws -> String
    {
        guard let person else { return "" }
        let actor = self.actor
        let today = self.today
        let cycleID = target.cycle?.stored.id
        let position = target.cycle?.position
        switch form.record {
        case .session:
            let session = try RecordBuilder.session(values, author: person.code)
            guard let cycleID else { return "" }
            let id = try await context.withStore { store in
                try store.addSession(session, cycle: cycleID, by: actor, discarding: draft)
            }
            logger.info("session record submitted", metadata: ["record": "\(id)"])
            return "Saved: your GROWTH session record of \(session.heldOn.british) for cycle \(cycleID)."
                + (session.sharedWithObserver ? " It is shared with the observer." : "")
        case .observation:
            let notes = try RecordBuilder.observation(values, author: person.code)
            guard let cycleID else { return "" }
            try await context.withStore { store in
                _ = try store.addObservation(notes, cycle: cycleID, by: actor, discarding: draft)
            }
            return "Saved: your observation notes of \(notes.heldOn.british) for cycle \(cycleID)."
        case .agreement:
            let typed = try RecordBuilder.agreement(values)
            guard let cycleID, let position else { return "" }
            let saved = try await context.withStore { store in
                let agreement = typed.confirmed(by: position, on: today, replacing: try store.agreement(cycle: cycleID))
                try store.saveAgreement(agreement, cycle: cycleID, by: actor, discarding: draft)
                return agreement
            }
            return saved.isConfirmed
                ? "Saved: the coaching agreement of cycle \(cycleID) is confirmed by coachee and coach."
                : "Saved and confirmed by you; the agreement of cycle \(cycleID) now waits for "
                    + (position == .coachee ? "your coach" : "the coachee") + " to confirm it."
        case .impact:
            let impact = try RecordBuilder.impact(values, author: person.code, submittedOn: today)
            guard let cycleID else { return "" }
            try await context.withStore { store in
                try store.saveImpact(impact, cycle: cycleID, by: actor, discarding: draft)
            }
            return "Saved: the impact statement of cycle \(cycleID). Thank you."
        case .cpd:
            let activity = try RecordBuilder.cpd(values, owner: person.code)
            try await context.withStore { store in _ = try store.addCPD(activity, by: actor, discarding: draft) }
            return "Saved to your CPD log: \(activity.title), " + String(format: "%g", activity.hours) + " hours."
        case .cycle:
            let start = try RecordBuilder.cycle(values)
            let cycle = CoachingCycle(
                trio: start.trio, priority: start.priority, focus: start.focus, startedOn: today,
                by: person.code)
            let id = try await context.withStore { store in try store.startCycle(cycle, by: actor, discarding: draft) }
            return "Started cycle \(id): coachee \(start.trio.coachee), coach \(start.trio.coach), "
                + "observer \(start.trio.observer). It begins with the coaching agreement."
        case .priority:
            let priority = try RecordBuilder.priority(values)
            try await context.withStore { store in try store.addPriority(priority, by: actor, discarding: draft) }
            return "Added priority \(priority.code): \(priority.title)."
        }
    }
}
