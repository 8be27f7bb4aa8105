import ArgumentParser
import Coaching
import CoachingStore
import Documents
import Foundation
import KioskConfiguration
import Printing
import Sheets

struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a document through CUPS, or save it as a PDF; list the print outbox.",
        discussion: """
            Works with or without the daemon running. The request is written to the print outbox \
            first; the command then sends it and waits until CUPS has accepted it. If CUPS or the \
            printer cannot take it, CUPS's message is shown and the job stays in the outbox for the \
            daemon to try again, so nothing is lost and nothing prints twice. --output saves a PDF \
            instead and does not use the outbox. Every print is audited.
            """,
        subcommands: [
            PrintAgreement.self, PrintSession.self, PrintObservation.self, PrintImpact.self, PrintTrusteePack.self,
            PrintCPD.self, PrintStatus.self,
        ]
    )
}

/// Where a print command sends its document.
struct PrintOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(
        help: ArgumentHelp(
            "A CUPS queue, an ipp:// printer, dir:FOLDER, or default. Default: the configuration's printer.",
            valueName: "printer"))
    var printer: String?
    @Option(help: ArgumentHelp("Save the PDF as this file instead of printing it.", valueName: "file.pdf"))
    var output: String?
    @Option(help: ArgumentHelp("The folder of layout files. Default: the configuration's layouts.", valueName: "path"))
    var layouts: String?

    func validate() throws {
        if printer != nil && output != nil {
            throw ValidationError("Give --printer or --output, not both.")
        }
        if let printer {
            do { _ = try PrinterTarget(parsing: printer) } catch { throw ValidationError("--printer: \(error)") }
        }
    }

    /// Prints `request`: to a file with --output, else through the outbox.
    func print(_ request: DocumentRequest) throws {
        var settings = try store.settings()
        if let layouts { settings.layouts = layouts }
        if let printer, let target = PrinterTarget(printer) { settings.printer = target }
        let coachingStore = try CoachingStore(path: settings.database)
        let catalog: LayoutCatalog
        do {
            catalog = try LayoutCatalog.load(directory: settings.layouts, vocabularies: DocumentKind.vocabularies)
        } catch {
            throw CommandFailure("The layouts cannot be used:\n\(error)")
        }
        let source = DocumentSource(
            store: coachingStore, schoolName: settings.schoolName,
            suppressionThreshold: settings.suppressionThreshold, today: coachingStore.today)
        if let output {
            let data: SheetData
            do { data = try source.data(for: request) } catch { throw CommandFailure(error.description) }
            guard let layout = catalog.layout(for: request.kind.rawValue) else {
                throw CommandFailure("There is no layout for the \(request.kind.rawValue) document.")
            }
            let pages: Int
            do { pages = try PDFSheet(layout: layout, data: data, created: Date()).render(to: output) } catch {
                throw CommandFailure(error.description)
            }
            let row = request.outboxRow
            try coachingStore.audit(
                commandLineActor, "print saved", kind: row.document, id: row.recordID, detail: "to \(output)")
            say("Saved \(data.title) as \(output) (\(pages) page\(pages == 1 ? "" : "s")).")
            return
        }
        // Refuse what can never print (no such record) before it reaches the outbox.
        do { _ = try source.data(for: request) } catch { throw CommandFailure(error.description) }
        let row = request.outboxRow
        let id = try coachingStore.enqueuePrint(
            document: row.document, recordID: row.recordID, parameters: row.parameters,
            printer: settings.printer.description, by: commandLineActor)
        let worker = PrintWorker(
            store: coachingStore, settings: settings, layouts: catalog, connect: { CUPSPrinter.connection(to: $0) })
        var outcome = worker.send(id)
        // The daemon may have taken it first: wait for it to be accepted.
        var waited = 0
        while outcome == .inHandElsewhere, waited < 60 {
            Thread.sleep(forTimeInterval: 0.5)
            waited += 1
            let job = try coachingStore.printJob(id)
            switch job.state {
            case .sent: outcome = .sent(cupsJobID: job.cupsJobID ?? 0)
            case .printed: outcome = .alreadyDone(.printed)
            case .failed, .aborted, .cancelled: outcome = .failed(message: job.lastError ?? job.state.rawValue)
            case .queued: outcome = .willRetry(message: job.lastError ?? "waiting", at: Date())
            case .sending: break
            }
        }
        switch outcome {
        case let .sent(cupsJobID):
            say("Print job \(id) was accepted by \(settings.printer) as CUPS job \(cupsJobID).")
        case let .saved(path):
            say("Print job \(id) was saved as \(path).")
        case let .alreadyDone(state):
            say("Print job \(id) is \(state.rawValue).")
        case let .willRetry(message, at):
            let time = DateFormatter.localizedString(from: at, dateStyle: .none, timeStyle: .medium)
            throw Self.waiting(
                "CUPS could not take print job \(id): \(message)\n"
                    + "The job stays in the outbox; the kiosk daemon tries again from \(time) "
                    + "(see `coaching-kiosk print status`).")
        case let .failed(message):
            throw CommandFailure("Print job \(id) cannot be printed: \(message)")
        case .inHandElsewhere:
            throw Self.waiting(
                "Print job \(id) is being sent by the kiosk daemon; see `coaching-kiosk print status`.")
        }
    }

    /// Says why the job waits in the outbox, and exits 75 (EX_TEMPFAIL: try again later).
    static func waiting(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("Error: " + message + "\n").utf8))
        return ExitCode(75)
    }
}

struct PrintAgreement: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "The coaching agreement of a cycle, with signature lines for the trio.")
    @OptionGroup var options: PrintOptions
    @Option(help: "The cycle's number (see `cycle list`).") var cycle: Int64

    func run() throws { try options.print(.agreement(cycle: cycle)) }
}

struct PrintSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "A GROWTH session record.")
    @OptionGroup var options: PrintOptions
    @Option(help: "The session record's number.") var id: Int64

    func run() throws { try options.print(.session(id: id)) }
}

struct PrintObservation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observation", abstract: "The notes of an observed lesson.")
    @OptionGroup var options: PrintOptions
    @Option(help: "The observation's number.") var id: Int64

    func run() throws { try options.print(.observation(id: id)) }
}

struct PrintImpact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact", abstract: "The impact sheet of a cycle: goals, impact statement, evidence, next steps.")
    @OptionGroup var options: PrintOptions
    @Option(help: "The cycle's number (see `cycle list`).") var cycle: Int64

    func run() throws { try options.print(.impact(cycle: cycle)) }
}

struct PrintTrusteePack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustee-pack",
        abstract: "The anonymised trustee pack for a period (default: this academic year, September to August).")
    @OptionGroup var options: PrintOptions
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD or DD/MM/YYYY).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD or DD/MM/YYYY).", valueName: "date")) var to: String?

    func run() throws {
        let year = AcademicYear(containing: SchoolDay(Date()))
        let first = from == nil ? year.firstDay : try parseDay(from, option: "--from")
        let last = to == nil ? year.lastDay : try parseDay(to, option: "--to")
        guard first <= last else {
            throw ValidationError("--from \(first) is after --to \(last); give the earlier day first.")
        }
        try options.print(.trusteePack(from: first, to: last))
    }
}

struct PrintCPD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpd", abstract: "A person's own record of professional learning.")
    @OptionGroup var options: PrintOptions
    @Option(help: "The person's staff code.") var staff: String

    func run() throws { try options.print(.cpd(staff: try parseStaffCode(staff, option: "--staff"))) }
}

struct PrintStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "The print outbox: every job, newest first, and where it has got to.")
    @OptionGroup var store: StoreOptions
    @Option(help: "table, json or csv.") var format = OutputFormat.table
    @Flag(help: "Only jobs still waiting, being sent or being followed.") var unfinished = false

    func run() throws {
        let states: Set<PrintJobState>? = unfinished ? [.queued, .sending, .sent] : nil
        let jobs = try store.openStore().printJobs(states: states)
        var listing = Listing(
            columns: [
                ("id", "Job"), ("requested_at", "Requested"), ("requested_by", "By"), ("document", "Document"),
                ("record", "Record"), ("printer", "Printer"), ("state", "State"), ("cups_job", "CUPS job"),
                ("attempts", "Tries"), ("message", "Message"),
            ], whenEmpty: "The print outbox is empty.")
        listing.rows = jobs.map { job in
            [
                .number(Double(job.id)), .text(job.requestedAt), job.requestedBy.map { .text($0.rawValue) } ?? .none,
                .text(job.document), job.recordID.map { .text($0) } ?? .none, .text(job.printer),
                .text(job.state.rawValue), job.cupsJobID.map { .number(Double($0)) } ?? .none,
                .number(Double(job.attempts)), job.lastError.map { .text($0) } ?? .none,
            ]
        }
        FileHandle.standardOutput.write(Data(listing.render(format).utf8))
    }
}
