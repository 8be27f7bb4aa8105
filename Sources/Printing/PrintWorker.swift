import Coaching
import CoachingStore
import Documents
import Foundation
import KioskConfiguration
import Sheets

#if canImport(Glibc)
    import Glibc
#endif

/// What became of one attempt to send a job.
public enum SendOutcome: Sendable, Equatable {
    /// CUPS accepted it with this job id.
    case sent(cupsJobID: Int)
    /// Saved as a PDF in the folder the school chose instead of a printer.
    case saved(path: String)
    /// The printer or cupsd could not take it; it waits in the outbox and is tried again.
    case willRetry(message: String, at: Date)
    /// It will never print as it stands (the record is gone, no such queue).
    case failed(message: String)
    /// Another process (the daemon, or a print command) is sending it.
    case inHandElsewhere
    /// Already sent, printed or finished before this attempt.
    case alreadyDone(PrintJobState)
}

/// Renders queued print jobs, hands them to CUPS, and follows each to
/// printed, aborted or cancelled. Every step is written to the outbox
/// first, so a crash loses nothing and prints nothing twice: a job is
/// claimed before it is sent, and a claim left by a process that is gone
/// is settled by asking CUPS whether it already has the job.
public final class PrintWorker: Sendable {
    let store: CoachingStore
    let settings: KioskSettings
    private let shelf: LayoutShelf
    let connect: @Sendable (PrinterTarget) -> any PrinterConnection
    /// `pid@host#token`: this process, unique even if a pid is reused.
    public let claimer: String

    public init(
        store: CoachingStore, settings: KioskSettings, layouts: LayoutCatalog,
        connect: @escaping @Sendable (PrinterTarget) -> any PrinterConnection
    ) {
        self.store = store
        self.settings = settings
        shelf = LayoutShelf(layouts)
        self.connect = connect
        claimer = "\(getpid())@\(ProcessInfo.processInfo.hostName)#\(UUID().uuidString.prefix(8))"
    }

    /// Reads the layouts again (SIGHUP); a folder with a mistake keeps the
    /// layouts in use and says why.
    public func reloadLayouts(from directory: String) throws(LayoutCatalogError) {
        shelf.catalog = try LayoutCatalog.load(directory: directory, vocabularies: DocumentKind.vocabularies)
    }

    /// The wait before attempt `attempts + 1`: the configured first wait,
    /// doubling, at most ten minutes.
    public func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(Double(settings.printRetry) * pow(2, Double(max(0, attempts))), 600)
    }

    /// One pass over the outbox: sends what is due, follows what is sent,
    /// settles claims left by processes that are gone. Returns whether any
    /// job is still unfinished.
    @discardableResult
    public func workOnce(now: Date = Date()) -> Bool {
        guard let jobs = try? store.printJobsToWorkOn(now: now) else { return true }
        for job in jobs {
            switch job.state {
            case .queued: _ = send(job.id)
            case .sent: follow(job)
            case .sending where isStale(job.claimedBy): _ = send(job.id, settling: job.claimedBy)
            default: break
            }
        }
        return (try? store.printJobs(states: [.queued, .sending, .sent]).isEmpty == false) ?? true
    }

    /// A claim made by another process that no longer runs on this machine.
    func isStale(_ claim: String?) -> Bool {
        guard let claim, claim != claimer else { return false }
        let parts = claim.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let pid = pid_t(parts[0]) else { return true }
        let host = parts[1].split(separator: "#").first.map(String.init) ?? ""
        guard host == ProcessInfo.processInfo.hostName else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == -1 && errno == ESRCH
    }

    /// The name CUPS knows the job by: unique, so a job can be found again after a crash.
    static func cupsTitle(_ job: PrintJob, title: String) -> String {
        let stamp = job.requestedAt.filter(\.isNumber)
        return "\(title) (coaching-kiosk job \(job.id)-\(stamp))"
    }

    /// Claims job `id`, renders it and hands it to its printer.
    public func send(_ id: Int64, settling staleClaim: String? = nil) -> SendOutcome {
        let claimed: PrintJob?
        do { claimed = try store.claimPrintJob(id, by: claimer, replacing: staleClaim) } catch {
            return .willRetry(message: error.description, at: Date())
        }
        guard let job = claimed else {
            let current = try? store.printJob(id)
            switch current?.state {
            case .sending?: return .inHandElsewhere
            case let state?: return .alreadyDone(state)
            case nil: return .failed(message: "There is no print job \(id).")
            }
        }
        let target: PrinterTarget
        do throws(PrinterTargetError) { target = try PrinterTarget(parsing: job.printer) } catch {
            return fail(job, error.description)
        }
        let rendered: (data: SheetData, pdf: String)
        do { rendered = try render(job) } catch { return fail(job, error.description) }
        defer { unlink(rendered.pdf) }
        if case let .directory(folder) = target {
            return save(job, pdf: rendered.pdf, in: folder, title: rendered.data.title)
        }
        let printer = connect(target)
        let title = Self.cupsTitle(job, title: rendered.data.title)
        do {
            // A job whose sender stopped mid-way may already be at the printer: follow it, do not send it again.
            if staleClaim != nil || job.attempts > 0, let existing = try printer.findJob(titled: title) {
                try store.markPrintJobSent(id, cupsJobID: Int(existing), detail: "found at \(job.printer)")
                return .sent(cupsJobID: Int(existing))
            }
            let cupsID = try printer.submit(pdfAt: rendered.pdf, title: title, user: job.requestedBy?.rawValue)
            try store.markPrintJobSent(id, cupsJobID: Int(cupsID), detail: "\(rendered.data.title) to \(job.printer)")
            return .sent(cupsJobID: Int(cupsID))
        } catch let error as PrintError {
            guard error.isTemporary else { return fail(job, error.message) }
            let next = Date().addingTimeInterval(retryDelay(afterAttempts: job.attempts))
            try? store.requeuePrintJob(id, error: error.message, nextAttemptAt: next)
            return .willRetry(message: error.message, at: next)
        } catch {
            let next = Date().addingTimeInterval(retryDelay(afterAttempts: job.attempts))
            try? store.requeuePrintJob(id, error: "\(error)", nextAttemptAt: next)
            return .willRetry(message: "\(error)", at: next)
        }
    }

    private func fail(_ job: PrintJob, _ message: String) -> SendOutcome {
        try? store.finishPrintJob(job.id, state: .failed, message: message)
        return .failed(message: message)
    }

    /// Makes the job's PDF in a temporary file.
    func render(_ job: PrintJob) throws(PrintError) -> (data: SheetData, pdf: String) {
        let request: DocumentRequest
        let data: SheetData
        do {
            request = try DocumentRequest(document: job.document, recordID: job.recordID, parameters: job.parameters)
            data = try DocumentSource(
                store: store, schoolName: settings.schoolName, suppressionThreshold: settings.suppressionThreshold,
                today: store.today
            ).data(for: request)
        } catch { throw PrintError(error.description, isTemporary: false) }
        guard let layout = shelf.catalog.layout(for: request.kind.rawValue) else {
            throw PrintError("There is no layout for the \(request.kind.rawValue) document.", isTemporary: false)
        }
        let path = NSTemporaryDirectory() + "coaching-kiosk-job-\(job.id)-\(UUID().uuidString).pdf"
        do throws(SheetError) {
            try PDFSheet(layout: layout, data: data, created: Date()).render(to: path)
        } catch { throw PrintError(error.description, isTemporary: true) }
        return (data, path)
    }

    /// Saves the PDF in the school's folder: written beside, then renamed, so a half file never appears.
    private func save(_ job: PrintJob, pdf: String, in folder: String, title: String) -> SendOutcome {
        let name =
            "\(job.requestedAt.prefix(10))-\(job.document)\(job.recordID.map { "-" + $0 } ?? "")-job\(job.id).pdf"
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let partial = path + ".part"
            unlink(partial)
            try FileManager.default.copyItem(atPath: pdf, toPath: partial)
            guard rename(partial, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            let message = "Cannot save \(title) in \(folder): \((error as NSError).localizedDescription)"
            let next = Date().addingTimeInterval(retryDelay(afterAttempts: job.attempts))
            try? store.requeuePrintJob(job.id, error: message, nextAttemptAt: next)
            return .willRetry(message: message, at: next)
        }
        try? store.finishPrintJob(job.id, state: .printed, message: "saved as \(path)")
        return .saved(path: path)
    }

    /// Asks the printer where a sent job has got to and records the end.
    func follow(_ job: PrintJob) {
        guard let cupsID = job.cupsJobID, let target = PrinterTarget(job.printer) else { return }
        let report: CUPSJobReport
        do throws(PrintError) { report = try connect(target).jobState(Int32(cupsID)) } catch {
            if error.isTemporary {
                try? store.notePrintJobProblem(job.id, error.message)
            } else {
                try? store.finishPrintJob(
                    job.id, state: .failed,
                    message: error.message + " Check the printer's tray before printing it again.")
            }
            return
        }
        switch report.state {
        case .completed: try? store.finishPrintJob(job.id, state: .printed, message: nil)
        case .aborted: try? store.finishPrintJob(job.id, state: .aborted, message: report.message)
        case .cancelled: try? store.finishPrintJob(job.id, state: .cancelled, message: report.message)
        case .stopped, .held: try? store.notePrintJobProblem(job.id, report.message ?? "The printer has stopped.")
        case .pending, .processing: try? store.notePrintJobProblem(job.id, nil)
        }
    }

    /// Works the outbox every `interval` until the task is cancelled.
    /// Blocking work (SQLite, cairo, CUPS) runs on its own thread, never on
    /// the tasks that serve terminals.
    public func run(interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    workOnce()
                    done.resume()
                }
                thread.start()
            }
            try? await Task.sleep(for: interval)
        }
    }
}

/// The layouts in use, swapped whole when they are read again.
private final class LayoutShelf: @unchecked Sendable {
    private let lock = NSLock()
    private var current: LayoutCatalog

    init(_ catalog: LayoutCatalog) {
        current = catalog
    }

    var catalog: LayoutCatalog {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
