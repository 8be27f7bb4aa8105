import Coaching
import CoachingStore
import Foundation
import Logging
import NIOCore
import TextUI

/// Why a session ended, so it can say goodbye properly.
enum SessionEnd: Error {
    case disconnected
    case idle
    case interrupted
    case shuttingDown
    case loggedOut
    /// The disk would not take a login or a change the session needed.
    case cannotSave(StorageFault)
}

/// What a screen reads next.
enum Input {
    case key(Key)
    /// The window changed size or the mode changed: draw again.
    case redraw
}

/// One terminal session: login → home → forms, reports, records. Lives in
/// its own task; all its state is here, and it is small.
final class KioskSession {
    let context: KioskContext
    let line: TerminalLine
    let origin: String
    var logger: Logger

    var width = 80
    var height = 24
    var terminalType = "unknown"
    var fullScreen = false
    /// Said on the message line of the next frame.
    var message: String?
    var renderer = ANSIRenderer()
    var person: StaffMember?
    /// Keys read but not yet handled (a paste arrives as many at once).
    var pendingKeys = CircularBuffer<Key>()
    /// Since when the session has handled keys without once waiting for
    /// one; see `restIfBusy`.
    private var busySince: NIODeadline?
    /// Whether the key `nextInput` last returned is one the terminal's line
    /// echoed ahead: the terminal already shows it, with the count after it.
    private(set) var keyEchoedAhead = false
    /// The form being filled as last shown: what its backdrop shows, and
    /// the frame, with the field in hand drawn on the backdrop.
    var shownForm: (key: FormBackdrop, screen: Screen)?
    /// Set while something the person typed is only in memory because the
    /// disk would not take it; cleared once it is saved.
    var unsavedWork: StorageFault?

    /// Where the session's task runs: the task must prefer it.
    let executor: SessionExecutor

    init(context: KioskContext, line: TerminalLine, origin: String, executor: SessionExecutor) {
        self.context = context
        self.line = line
        self.origin = origin
        self.executor = executor
        var logger = context.logger
        logger[metadataKey: "terminal"] = "\(origin)"
        self.logger = logger
    }

    var actor: Actor { Actor(staff: person?.code, terminal: origin) }

    /// Today by the store's clock (looked at once a second for every session).
    var today: SchoolDay { context.today.day }

    func run() async {
        await converse()
        do {
            try await line.channel.close()
        } catch {
            logger.debug("terminal closed", metadata: ["error": "\(error)"])
        }
    }

    private func converse() async {
        do {
            try await waitUntilReady()
            logger.info("terminal connected", metadata: ["type": "\(terminalType)", "size": "\(width)x\(height)"])
            guard let member = try await logIn() else { return }
            person = member
            logger[metadataKey: "staff"] = "\(member.code)"
            line.channel.pipeline.triggerUserOutboundEvent(SessionPhase.loggedIn, promise: nil)
            try await home()
        } catch let end as SessionEnd {
            await sayGoodbye(end)
        } catch let error as StoreError where error.storageFault != nil {
            logger.error("session ended: the disk would not take a change", metadata: ["error": "\(error)"])
            await sayGoodbye(.cannotSave(error.storageFault ?? .failing))
        } catch {
            logger.error("session failed", metadata: ["error": "\(error)"])
            await sayGoodbye(.interrupted)
        }
        if let person {
            try? await context.withStore { [actor] store in
                try store.audit(actor, "logout", kind: "staff", id: person.code.rawValue)
            }
        }
    }

    private func sayGoodbye(_ end: SessionEnd) async {
        // Honest about a draft the disk would not take.
        let kept =
            unsavedWork.map {
                "The kiosk could not save your last changes (\(Self.diskTrouble($0))); please tell the school office."
            } ?? "Anything you typed is saved in your drafts."
        let text: String? =
            switch end {
            case .disconnected: nil
            case .idle:
                person == nil
                    ? "No login within \(Self.spoken(context.limits.loginTimeout)): this terminal is free for someone else."
                    : "Logged out after \(Self.spoken(context.limits.idleTimeout)) without a key. " + kept
            case .interrupted: "Session ended. " + kept
            case .shuttingDown:
                "The kiosk is closing for maintenance. " + kept
                    + (unsavedWork == nil ? " Please log in again in a few minutes." : "")
            case .loggedOut: "Logged out. Thank you" + (person.map { ", \($0.firstName)" } ?? "") + "."
            case let .cannotSave(fault):
                "The kiosk cannot save right now: \(Self.diskTrouble(fault)), so it cannot carry on. "
                    + "Please tell the school office."
            }
        guard let text else { return }
        if fullScreen { await write(Array("\u{1B}[0m\u{1B}[2J\u{1B}[H\u{1B}[?25h".utf8)) }
        await write(Array(("\r\n" + Sanitizer.clean(text) + "\r\n").utf8))
    }

    // MARK: A disk that will not take what was typed

    /// Why the kiosk cannot save, in words for the person at the terminal.
    static func diskTrouble(_ fault: StorageFault) -> String {
        switch fault {
        case .full: "its disk is full"
        case .readOnly: "its disk has become read-only"
        case .failing: "its disk reported a fault"
        }
    }

    /// Notes that the disk would not take what was typed (logged for the
    /// technician, with the store's words) and gives the person's words.
    func cannotSave(_ fault: StorageFault, _ error: StoreError) -> String {
        if unsavedWork == nil {
            logger.error("cannot save: what was typed is kept in the session", metadata: ["error": "\(error)"])
        }
        unsavedWork = fault
        return "The kiosk cannot save right now: \(Self.diskTrouble(fault)). "
            + (fullScreen
                ? "What you typed is still on the screen; tell the school office. Ctrl-S tries again."
                : "What you typed is kept here; tell the school office. Your next answer tries again.")
    }

    /// After a fault, the disk took what was typed: the words to say so.
    func savingAgain() -> String? {
        guard unsavedWork != nil else { return nil }
        unsavedWork = nil
        logger.notice("saving again: the disk takes changes once more")
        return "The kiosk can save again: what you typed is in your draft."
    }

    /// The warning before leaving a form whose last changes are not saved.
    static func leavingUnsaved(_ fault: StorageFault) -> String {
        "Not saved: \(diskTrouble(fault)). Leaving now loses what you typed since; "
            + "Esc again leaves anyway, or stay and try again."
    }

    /// `5 minutes`, `1 minute`, `45 seconds`.
    static func spoken(_ time: TimeAmount) -> String {
        let seconds = Int(time.nanoseconds / 1_000_000_000)
        if seconds % 60 == 0 { return seconds == 60 ? "a minute" : "\(seconds / 60) minutes" }
        return "\(seconds) seconds"
    }

    /// Waits for the telnet options (or the end of the wait), noting the
    /// window size and the terminal type, then picks the display mode.
    private func waitUntilReady() async throws {
        while true {
            guard let event = await line.next() else { throw SessionEnd.disconnected }
            switch event {
            case let .windowSize(w, h):
                width = w
                height = h
            case let .terminalType(name):
                terminalType = name
            case .ready:
                fullScreen = DisplayChoice.fullScreen(terminalType: terminalType, width: width, height: height)
                return
            case let .keys(keys):
                pendingKeys.append(contentsOf: keys)
            case let .echoedAhead(text):
                // Never before the first frame: nothing was asked.
                pendingKeys.append(contentsOf: text.map(Key.character))
            case .interrupt: throw SessionEnd.interrupted
            case .idleTimeout: throw SessionEnd.idle
            case .idleWarning: break
            case .shutdown: throw SessionEnd.shuttingDown
            }
        }
    }

    /// The next key, or `.redraw` when the screen must be drawn again.
    ///
    /// The session waits for it on its connection's event loop. A key typed
    /// into a field (`typing`) is handled there too, as an echo server would
    /// answer it; anything else (a run of characters the line held, a Tab
    /// that saves the draft and draws the next field, a menu, a redraw) is
    /// handled on the store's threads, which give way to the loops, so the
    /// other terminals' typing never waits behind it.
    ///
    /// Keys typed together in one read (a staff code and Enter, a paste)
    /// stay on the loop, as one key does: the store's threads give way to
    /// everything else on the machine, and a login prompt must not wait for
    /// a busy machine to leave them a turn.
    func nextInput(typing: Bool = false, echoAhead: EchoAhead? = nil) async throws -> Input {
        keyEchoedAhead = false
        let input = try await waitForInput(echoAhead: echoAhead)
        // A run the line held: its first character here, the rest pending, a sentence's worth of work.
        let heldRun = keyEchoedAhead && !pendingKeys.isEmpty
        if case let .key(key) = input, typing, key.isTyping, !heldRun { return input }
        await executor.stepOffLoop()
        return input
    }

    private func waitForInput(echoAhead: EchoAhead?) async throws -> Input {
        if !pendingKeys.isEmpty {
            try await restIfBusy()
            return .key(pendingKeys.removeFirst())
        }
        executor.stayOnLoop()
        while true {
            let asked = NIODeadline.now()
            guard let event = await line.next(echoAhead: echoAhead) else { throw SessionEnd.disconnected }
            if NIODeadline.now() - asked > .microseconds(50) {
                busySince = nil  // It waited: the event loop was free meanwhile.
            } else {
                try await restIfBusy()
            }
            switch event {
            case let .echoedAhead(text):
                guard let first = text.first else { continue }
                if let echoAhead {
                    renderer.noteEchoedAhead(text, as: echoAhead)
                    keyEchoedAhead = true
                }
                // The rest of a run held by the line are handled with the first, as a paste is.
                pendingKeys.append(contentsOf: text.dropFirst().map(Key.character))
                return .key(.character(first))
            case let .keys(keys):
                guard let first = keys.first else { continue }
                pendingKeys.append(contentsOf: keys.dropFirst())
                if first == .control("t") || first == .function(3) {
                    toggleMode()
                    return .redraw
                }
                if first == .control("l") {
                    renderer.invalidate()
                    return .redraw
                }
                return .key(first)
            case let .windowSize(w, h):
                width = w
                height = h
                if fullScreen && (w < DisplayChoice.minimumWidth || h < DisplayChoice.minimumHeight) {
                    fullScreen = false
                    message = "The window is smaller than 80×24, so the kiosk switched to line-by-line mode."
                }
                renderer.invalidate()
                if fullScreen { return .redraw }
            case .terminalType, .ready: continue
            case .interrupt: throw SessionEnd.interrupted
            case .idleWarning:
                message = "Still there? You will be logged out soon unless you press a key; your draft is safe."
                if fullScreen { return .redraw }
                await writeLine("")
                await writeLine("** " + (message ?? ""))
            case .idleTimeout: throw SessionEnd.idle
            case .shutdown: throw SessionEnd.shuttingDown
            }
        }
    }

    /// Lets the connection's event loop serve the other terminals on it.
    ///
    /// The session runs on its connection's event loop, which runs every
    /// job it is given before it reads or writes again; a terminal that
    /// sends keys faster than they are handled (a flood, Ctrl-L held down)
    /// would otherwise keep the loop from everyone else. After 2 ms of keys
    /// without a wait, the session steps off the loop for a moment.
    private func restIfBusy() async throws {
        let now = NIODeadline.now()
        guard let since = busySince else {
            busySince = now
            return
        }
        if now - since > .milliseconds(2) {
            try await Task.sleep(for: .microseconds(500))
            busySince = nil
        }
    }

    /// The next key, drawing `frame` whenever the screen needs it. When
    /// the person leaves full-screen mode it returns `.unknown`, so the
    /// caller's loop can carry on line by line.
    func nextKey(redraw frame: () -> Screen) async throws -> Key {
        while true {
            switch try await nextInput() {
            case let .key(key): return key
            case .redraw:
                guard fullScreen else { return .unknown }
                await show(frame())
            }
        }
    }

    func toggleMode() {
        if fullScreen {
            fullScreen = false
            message = nil
        } else if width >= DisplayChoice.minimumWidth && height >= DisplayChoice.minimumHeight {
            fullScreen = true
            renderer.invalidate()
        } else {
            message = "Full-screen mode needs a window of at least 80×24."
        }
    }

    // MARK: Output

    func write(_ bytes: [UInt8]) async {
        await line.write(bytes)
    }

    func show(_ screen: Screen) async {
        await write(renderer.render(screen))
    }

    /// A line of text in line-by-line mode: sanitised, wrapped at the width, CR LF.
    func writeLine(_ text: String) async {
        var out = ""
        for line in Sanitizer.clean(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            for piece in Layout.wrap(String(line), width: max(20, width - 1)) {
                out += piece + "\r\n"
            }
        }
        await write(Array(out.utf8))
    }

    /// Asks for a line in line-by-line mode, echoing as the person types.
    /// The echo of keys already read (a paste) goes out in one write.
    func readLine(prompt: String, secret: Bool = false) async throws -> String {
        await write(Array(Sanitizer.clean(prompt).utf8))
        var editor = LineEditor(isSecret: secret)
        var echoed: [UInt8] = []
        while true {
            if pendingKeys.isEmpty, !echoed.isEmpty {
                await write(echoed)
                echoed.removeAll(keepingCapacity: true)
            }
            switch try await nextInput(typing: true) {
            case .redraw:
                if fullScreen {
                    await write(echoed)
                    return ""
                }
            case let .key(key):
                if key == .escape {
                    await write(echoed + Array("\r\n".utf8))
                    return "\u{1B}"
                }
                let (echo, finished) = editor.handle(key)
                echoed += echo
                if let finished {
                    await write(echoed)
                    return finished
                }
            }
        }
    }
}

extension Key {
    /// A key that edits the field in hand, and nothing else: handled where it was read.
    var isTyping: Bool {
        switch self {
        case .character, .backspace, .delete, .left, .right, .home, .end: true
        default: false
        }
    }
}

/// Which terminals get the full-screen interface.
enum DisplayChoice {
    static let minimumWidth = 80
    static let minimumHeight = 24
    static let fullScreenTypes = [
        "xterm", "vt100", "vt102", "vt220", "vt320", "vt420", "ansi", "linux", "screen", "tmux", "putty",
        "rxvt", "konsole", "gnome", "alacritty", "kitty", "st", "cygwin", "scoansi", "iterm", "foot", "wezterm",
    ]

    static func fullScreen(terminalType: String, width: Int, height: Int) -> Bool {
        let type = terminalType.lowercased()
        guard width >= minimumWidth, height >= minimumHeight else { return false }
        return fullScreenTypes.contains { type == $0 || type.hasPrefix($0 + "-") || type.hasPrefix($0) }
    }
}

/// What a form's backdrop shows: while none of it changes, the backdrop is
/// drawn once and only the field in hand is drawn for each key; when only
/// the field in hand and the marks change (a Tab), only the list and the
/// pane are drawn again.
struct FormBackdrop: Equatable {
    var form: String
    var heading: String
    var message: String?
    var today: String
    var width: Int
    var height: Int
    var index: Int
    /// One scalar a field (compared for every key: scalars compare as numbers, characters as text).
    var marks: [Unicode.Scalar]

    /// Whether a frame drawn for `other` differs from one for this only in
    /// the field list and the field in hand, which a Tab redraws in place.
    func sameFrame(as other: FormBackdrop) -> Bool {
        width == other.width && height == other.height && form == other.form && heading == other.heading
            && message == other.message && today == other.today && marks.count == other.marks.count
    }
}
