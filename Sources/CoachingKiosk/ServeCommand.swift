import ArgumentParser
import Coaching
import CoachingStore
import Documents
import Foundation
import Kiosk
import KioskConfiguration
import Logging
import NIOCore
import NIOPosix
import Printing
import Reports
import ServiceLifecycle
import Sheets
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the kiosk: telnet listeners and serial terminals for the staffroom.",
        discussion: """
            Staff connect with `telnet HOST PORT` (or a terminal on a serial line), log in with \
            their staff code and PIN, and fill in coaching proformas. SIGTERM or SIGINT closes \
            cleanly (drafts saved, sessions told); SIGHUP reads the forms again.
            """
    )
    @OptionGroup var store: StoreOptions
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Listen for telnet on HOST:PORT (repeatable; port 0 picks a free one). Default 127.0.0.1:2323.",
            valueName: "host:port"))
    var telnet: [String] = []
    @Flag(name: .long, help: "Do not listen for telnet (serial terminals only).") var noTelnet = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A terminal on a serial line, /dev/ttyX[:BAUD] (repeatable; default 9600 baud).", valueName: "device"))
    var serial: [String] = []
    @Option(help: "Serial flow control: none, rtscts or xonxoff.") var serialFlowControl = "none"
    @Option(help: "The terminal type of serial terminals (vt100 gets the full-screen interface; dumb the line mode).")
    var serialTerminal = "vt100"
    @Option(help: "Most sessions at once.") var maxSessions = 64
    @Option(help: "Most sessions from one address.") var maxPerAddress = 16
    @Option(help: "Seconds (or 5m) without a key before a session is logged out.") var idleTimeout: String?
    @Option(help: "Seconds to log in before the terminal is let go.") var loginTimeout = 60
    @Option(help: ArgumentHelp("The folder of proforma definitions.", valueName: "path")) var forms: String?
    @Option(help: ArgumentHelp("The folder of printed sheet layouts.", valueName: "path")) var layouts: String?
    @Option(
        help: ArgumentHelp(
            "Where prints go: a CUPS queue, an ipp:// printer, dir:FOLDER, or default.", valueName: "printer"))
    var printer: String?
    @Option(help: "Seconds (or 1m) before a print that could not be sent is tried again; it doubles each time.")
    var printRetry: String?
    @Option(help: "Log level: debug, info, notice, warning, error.") var logLevel = "info"

    func run() async throws {
        #if canImport(Glibc)
            // Each PIN check (scrypt) takes a 16 MiB working buffer. With glibc's
            // sliding mmap threshold, every buffer after the first comes from the
            // checking thread's malloc arena and stays there: the daemon's RSS
            // grew by up to 16 MiB for each thread that ever checked a PIN. A
            // fixed threshold gives such buffers back when the check ends.
            // (mallopt is in <malloc.h>, which the Glibc module leaves out.)
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
                let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
                _ = mallopt(-3, 1 << 20)  // M_MMAP_THRESHOLD, 1 MiB
            }
        #endif
        var settings = try store.settings()
        if !telnet.isEmpty {
            settings.telnet = try telnet.map { text in
                guard let listener = Listener(text) else {
                    throw ValidationError("--telnet \(text) should be HOST:PORT, e.g. 127.0.0.1:2323")
                }
                return listener
            }
        }
        if noTelnet { settings.telnet = [] }
        if !serial.isEmpty {
            settings.serial = try serial.map { text in
                guard let line = SerialLine(text) else {
                    throw ValidationError("--serial \(text) should be /dev/ttyX or /dev/ttyX:BAUD")
                }
                return line
            }
        }
        if let idleTimeout {
            guard let seconds = KioskSettings.seconds(idleTimeout), seconds >= 10 else {
                throw ValidationError("--idle-timeout \(idleTimeout) should be seconds (10 or more) or like 5m")
            }
            settings.idleTimeout = seconds
        }
        if let forms { settings.forms = forms }
        if let layouts { settings.layouts = layouts }
        if let printer {
            guard let target = PrinterTarget(printer) else {
                throw ValidationError(
                    "--printer \(printer) should be a CUPS queue name, ipp://HOST/PATH, dir:FOLDER or default")
            }
            settings.printer = target
        }
        if let printRetry {
            guard let seconds = KioskSettings.seconds(printRetry), (1...3_600).contains(seconds) else {
                throw ValidationError("--print-retry \(printRetry) should be seconds (1 to 3600) or like 1m")
            }
            settings.printRetry = seconds
        }
        guard let flow = SerialTerminal.FlowControl(rawValue: serialFlowControl) else {
            throw ValidationError("--serial-flow-control should be none, rtscts or xonxoff")
        }
        guard !settings.telnet.isEmpty || !settings.serial.isEmpty else {
            throw ValidationError("Nothing to serve: give --telnet HOST:PORT or --serial DEVICE.")
        }

        var logger = Logger(label: "coaching-kiosk")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let coachingStore = try CoachingStore(path: settings.database)
        let limits = SessionLimits(
            maximumSessions: maxSessions, maximumPerAddress: maxPerAddress, loginTimeout: .seconds(Int64(loginTimeout)),
            idleTimeout: .seconds(Int64(settings.idleTimeout)))
        let context: KioskContext
        do {
            context = try KioskContext(
                store: coachingStore, schoolName: settings.schoolName,
                formsDirectory: settings.forms, limits: limits, printer: settings.printer,
                reportSettings: ReportSettings(settings), logger: logger)
        } catch {
            throw CommandFailure("The forms cannot be used, so the kiosk will not start:\n\(error)")
        }
        let layoutCatalog: LayoutCatalog
        do {
            layoutCatalog = try LayoutCatalog.load(directory: settings.layouts, vocabularies: DocumentKind.vocabularies)
        } catch {
            throw CommandFailure("The layouts cannot be used, so the kiosk will not start:\n\(error)")
        }
        let worker = PrintWorker(
            store: coachingStore, settings: settings, layouts: layoutCatalog,
            connect: { CUPSPrinter.connection(to: $0) })
        let group = MultiThreadedEventLoopGroup.singleton
        var services: [any Service] = []
        if !settings.telnet.isEmpty {
            services.append(
                TelnetService(
                    context: context, listeners: settings.telnet.map { ($0.host, $0.port) }, group: group,
                    onListening: { addresses in
                        for address in addresses { say("Listening for telnet on \(address)") }
                    }))
        }
        for line in settings.serial {
            say("Serving the serial terminal on \(line.device) at \(line.baud) baud")
            services.append(
                SerialService(
                    context: context,
                    terminal: SerialTerminal(
                        device: line.device, baud: line.baud, flowControl: flow,
                        terminalType: serialTerminal),
                    group: group))
        }
        services.append(
            ReloadService(context: context, worker: worker, layoutsDirectory: settings.layouts, logger: logger))
        services.append(PrintWorkerService(worker: worker))
        say("Printing to \(settings.printer).")
        let serviceGroup = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        say("Coaching Kiosk for \(settings.schoolName) is running; the database is \(settings.database).")
        try await serviceGroup.run()
        await context.shutdown()
        print("Coaching Kiosk stopped.")
    }
}

/// Reads the forms and the layouts again on SIGHUP; a folder with a
/// mistake keeps what is in use and logs why.
struct ReloadService: Service {
    let context: KioskContext
    let worker: PrintWorker
    let layoutsDirectory: String
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            context.reloadForms()
            do {
                try worker.reloadLayouts(from: layoutsDirectory)
                logger.info("layouts reloaded")
            } catch {
                logger.error("layouts not reloaded; keeping the layouts in use", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// Follows the print outbox while the kiosk runs.
struct PrintWorkerService: Service {
    let worker: PrintWorker

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await worker.run()
        }
    }
}

/// Prints a line at once, even when standard output is a file or a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
