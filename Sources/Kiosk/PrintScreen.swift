import Coaching
import CoachingStore
import Documents
import Foundation
import KioskConfiguration
import TextUI

/// One document a person may print from the kiosk.
struct PrintChoice: Sendable {
    var label: String
    var request: DocumentRequest
}

/// What a person may print: every record of their cycles and their own CPD
/// record, offered only where the access policy says yes (the same
/// `authorise` the print worker's requests pass), and the trustee pack
/// for the office.
enum PrintMenu {
    static func choices(_ store: CoachingStore, person: StaffMember, summary: HomeSummary, today: SchoolDay) throws
        -> [PrintChoice]
    {
        var candidates: [PrintChoice] = []
        // Open cycles first, the most recently started first.
        let ordered = summary.cycles.sorted {
            ($0.stored.cycle.stage == .closed ? 1 : 0, -$0.stored.cycle.startedOn.dayNumber, -$0.stored.id)
                < ($1.stored.cycle.stage == .closed ? 1 : 0, -$1.stored.cycle.startedOn.dayNumber, -$1.stored.id)
        }
        for line in ordered {
            let id = line.stored.id
            let coachee = line.partnerNames[.coachee] ?? ""
            if line.agreement != nil {
                candidates.append(
                    PrintChoice(label: "Coaching agreement · cycle \(id), \(coachee)", request: .agreement(cycle: id)))
            }
            for session in try store.sessions(cycle: id) {
                candidates.append(
                    PrintChoice(
                        label: "\(session.record.kind.title) \(session.record.heldOn.british) · cycle \(id)",
                        request: .session(id: session.id)))
            }
            for notes in try store.observations(cycle: id) {
                candidates.append(
                    PrintChoice(
                        label: "Observation notes \(notes.record.heldOn.british) · cycle \(id)",
                        request: .observation(id: notes.id)))
            }
            if line.hasImpact {
                candidates.append(
                    PrintChoice(label: "Impact sheet · cycle \(id), \(coachee)", request: .impact(cycle: id)))
            }
        }
        candidates.append(PrintChoice(label: "My CPD record", request: .cpd(staff: person.code)))
        let year = AcademicYear(containing: today)
        candidates.append(
            PrintChoice(
                label: "Trustee pack, \(year.title.lowercased()) (anonymised)",
                request: .trusteePack(from: year.firstDay, to: year.lastDay)))
        return candidates.filter { (try? authorise($0.request, for: person, store: store)) != nil }
    }

    /// Where prints go, as the person at the kiosk would say it.
    static func whereTo(_ printer: PrinterTarget) -> String {
        switch printer {
        case .systemDefault: "Prints go to the school's default printer."
        case let .queue(name): "Prints go to the printer \(name)."
        case let .ipp(uri): "Prints go to the printer at \(uri)."
        case let .directory(folder): "Prints are saved as PDF files in \(folder)."
        }
    }

    /// How a job stands, in a few words for the screen.
    static func describe(_ job: PrintJob) -> String {
        switch job.state {
        case .queued:
            job.lastError.map { "waiting to be sent (\($0))" } ?? "queued"
        case .sending: "being sent"
        case .sent: "sent to the printer" + (job.lastError.map { " (\($0))" } ?? "")
        case .printed: job.lastError?.hasPrefix("saved as ") == true ? job.lastError ?? "saved" : "printed"
        case .aborted: "not printed: " + (job.lastError ?? "the printer gave up on it")
        case .cancelled: "cancelled" + (job.lastError.map { ": \($0)" } ?? "")
        case .failed: "not printed: " + (job.lastError ?? "it cannot be printed")
        }
    }
}

extension KioskSession {
    /// The print menu: what the person may print, and their last few prints.
    func printMenu(summary: HomeSummary) async throws {
        guard let person else { return }
        while true {
            let today = self.today
            let (choices, recent) = try await context.withStore { store in
                (
                    try PrintMenu.choices(store, person: person, summary: summary, today: today),
                    Array(try store.printJobs().filter { $0.requestedBy == person.code }.prefix(4))
                )
            }
            let intro =
                [PrintMenu.whereTo(context.printer)]
                + (recent.isEmpty
                    ? ["Nothing printed from here yet."]
                    : ["Your last prints:"] + recent.map { "• Job \($0.id), \($0.document): \(PrintMenu.describe($0))" })
            guard
                let choice = try await choose(
                    title: "Print", intro: intro, options: choices.map(\.label) + ["Back"])
            else { return }
            guard choice < choices.count else { return }
            let picked = choices[choice]
            let actor = self.actor
            let printer = context.printer.description
            let id: Int64
            do {
                id = try await context.withStore { store in
                    try authorise(picked.request, for: person, store: store)
                    return try store.enqueuePrint(picked.request, printer: printer, by: actor)
                }
            } catch {
                let row = picked.request.outboxRow
                await refuse(row.document, id: row.recordID, detail: "print: \(error)")
                message = "\(error)"
                continue
            }
            try await followPrint(id, label: picked.label)
        }
    }

    /// Shows a job going from queued to sent to printed, or its error, for
    /// up to a minute; the job carries on in the outbox after that.
    func followPrint(_ id: Int64, label: String) async throws {
        var steps: [String] = []
        var job: PrintJob?
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        for _ in 0..<120 {
            job = try await context.withStore { store in try store.printJob(id) }
            guard let job else { break }
            let now = PrintMenu.describe(job)
            if steps.last?.hasSuffix(now) != true {
                let step = clock.string(from: Date()) + "  " + now
                steps.append(step)
                if fullScreen {
                    await show(printFrame(label: label, id: id, steps: steps, finished: job.isFinished))
                } else {
                    await writeLine("Print job \(id): \(now).")
                }
            }
            if job.isFinished { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let finished = job?.isFinished ?? true
        let closing =
            finished
            ? "Press Enter to go back."
            : "It carries on without you: the Print menu shows how it is going. Press Enter to go back."
        if fullScreen {
            let frame = { self.printFrame(label: label, id: id, steps: steps, finished: true, closing: closing) }
            await show(frame())
            while true {
                let key = try await nextKey(redraw: frame)
                if key == .enter || key == .escape || key == .unknown { return }
            }
        } else {
            _ = try await readLine(prompt: closing + " ")
        }
    }

    private func printFrame(label: String, id: Int64, steps: [String], finished: Bool, closing: String? = nil)
        -> Screen
    {
        var (screen, body) = Layout.page(
            width: width, height: height, school: context.schoolName, person: person, today: today.british,
            title: "Print", message: nil, keys: finished ? "Enter back" : "following the job…")
        var row = body.row
        for line in Layout.wrap(label, width: body.width) {
            screen.put(line, row: row, column: body.column, width: body.width)
            row += 1
        }
        row += 1
        screen.put(
            "Print job \(id). " + PrintMenu.whereTo(context.printer), row: row, column: body.column, width: body.width)
        row += 1
        for step in steps {
            for line in Layout.wrap(step, width: body.width - 2) {
                screen.put("  " + line, row: row, column: body.column, width: body.width)
                row += 1
            }
        }
        if let closing {
            row += 1
            for line in Layout.wrap(closing, width: body.width) {
                screen.put(line, row: row, column: body.column, width: body.width)
                row += 1
            }
        }
        return screen
    }
}
