import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP client for hostile tests: it can come from any loopback address,
/// answer the telnet negotiation as a named terminal (or not at all), send
/// without blocking, and stop reading on purpose. What the kiosk sends is
/// kept raw and with the telnet commands taken out.
final class HostileClient: @unchecked Sendable {
    /// How the client answers the kiosk's telnet negotiation.
    enum Terminal {
        /// Answers nothing, like netcat: the kiosk waits three seconds, then goes on line by line.
        case silent
        /// Agrees to the options and names itself `name` at `width`×`height`:
        /// "xterm" gets the full-screen interface, "dumb" the line-by-line one, with no wait.
        case named(String, width: Int, height: Int)

        static let xterm = Terminal.named("XTERM", width: 100, height: 30)
        static let dumb = Terminal.named("DUMB", width: 100, height: 30)
    }

    private let fd: Int32
    private let terminal: Terminal
    /// Everything received, telnet commands and all.
    private(set) var raw: [UInt8] = []
    /// What was received with the telnet commands taken out: what a terminal would show.
    private(set) var data: [UInt8] = []
    /// The server has closed the connection (or reset it).
    private(set) var isClosed = false
    /// What a terminal of the client's size would show now.
    private(set) var screen: VirtualScreen
    /// The telnet client, as `terminal` names itself; a silent client's answers are not sent.
    private var telnet: TelnetClientSide

    /// - Parameters:
    ///   - source: the loopback address to connect from (127.0.0.2, say), so one
    ///     machine can look like several.
    ///   - receiveBuffer: a small receive buffer makes a client that stops reading fill up sooner.
    init(port: Int, terminal: Terminal = .silent, from source: String? = nil, receiveBuffer: Int? = nil) throws {
        self.terminal = terminal
        switch terminal {
        case .silent:
            screen = VirtualScreen(width: 80, height: 24)
            telnet = TelnetClientSide()
        case let .named(name, width, height):
            screen = VirtualScreen(width: width, height: height)
            telnet = TelnetClientSide(terminalName: name, width: UInt16(width), height: UInt16(height))
        }
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: \(String(cString: strerror(errno)))") }
        if var size = receiveBuffer.map(Int32.init) {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        if let source {
            var local = Self.address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                close(fd)
                throw TestFailure("cannot bind to \(source): \(String(cString: strerror(errno)))")
            }
        }
        var remote = Self.address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw TestFailure("cannot connect to 127.0.0.1:\(port): \(reason)")
        }
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    private static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    // MARK: Sending

    /// Sends everything, reading (and answering) what comes back meanwhile,
    /// so that a kiosk that writes while we write never waits on us.
    func send(_ bytes: [UInt8], timeout: TimeInterval = 60) throws {
        var offset = 0
        let deadline = Date().addingTimeInterval(timeout)
        while offset < bytes.count {
            guard Date() < deadline else {
                throw TestFailure("sent only \(offset) of \(bytes.count) bytes in \(Int(timeout)) s")
            }
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, min($0.count, 65536), Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                throw TestFailure("send failed after \(offset) bytes: \(String(cString: strerror(errno)))")
            }
            pump(waitingUpTo: sent > 0 ? 0 : 10, forWriting: sent <= 0)
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends what the socket takes now without waiting and without reading;
    /// the number of bytes taken (0 when the kiosk has stopped reading), or nil once the connection is gone.
    func offer(_ bytes: [UInt8]) -> Int? {
        let sent = bytes.withUnsafeBytes {
            Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        if sent >= 0 { return sent }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
    }

    // MARK: Receiving

    /// What has been shown so far, as text (invalid bytes replaced).
    var text: String { String(decoding: data, as: UTF8.self) }

    /// The text shown since `mark` (a count of `data` bytes).
    func text(since mark: Int) -> String {
        String(decoding: data[min(mark, data.count)...], as: UTF8.self)
    }

    /// Reads what has arrived, waiting up to `milliseconds` for something; true if anything came.
    @discardableResult
    func pump(waitingUpTo milliseconds: Int32 = 0, forWriting: Bool = false) -> Bool {
        guard !isClosed else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLIN) | (forWriting ? Int16(POLLOUT) : 0), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0, poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 else {
            return false
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            isClosed = true
            return false
        }
        guard count > 0 else { return false }
        receive(buffer[0..<count])
        return true
    }

    /// Reads until `expected` is shown after `mark`, or throws with what was shown.
    @discardableResult
    func waitFor(_ expected: String, since mark: Int = 0, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = text(since: mark)
            if shown.contains(expected) { return shown }
            guard Date() < deadline, !isClosed else {
                throw TestFailure(
                    "never shown \"\(expected)\"\(isClosed ? " (the kiosk closed the connection)" : "");"
                        + " shown:\n\(Self.printable(shown.suffix(3000)))")
            }
            pump(waitingUpTo: 20)
        }
    }

    /// Reads until the screen shows `expected`, or throws with what it shows.
    @discardableResult
    func waitForScreen(_ expected: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = screen.text
            if shown.contains(expected) { return shown }
            guard Date() < deadline, !isClosed else {
                throw TestFailure(
                    "the screen never showed \"\(expected)\"\(isClosed ? " (the kiosk closed the connection)" : "");"
                        + " it shows:\n\(shown)")
            }
            pump(waitingUpTo: 20)
        }
    }

    /// Reads until the kiosk closes the connection; false if it is still open after `timeout`.
    func waitForClose(timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !isClosed, Date() < deadline { pump(waitingUpTo: 20) }
        return isClosed
    }

    /// `text` with control characters shown as `·`, for failure messages.
    static func printable(_ text: some StringProtocol) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F ? $0 : "·" }))
    }

    // MARK: Telnet

    private func receive(_ bytes: ArraySlice<UInt8>) {
        raw += bytes
        var answers: [UInt8] = []
        telnet.receive(bytes, data: &data, reply: &answers)
        if case .named = terminal, !answers.isEmpty { _ = offer(answers) }
        screen.feed(data)
    }
}

/// The kiosk's login and menus, as typed from a `HostileClient`.
extension HostileClient {
    /// Logs in at the line-by-line prompts and waits for the home menu.
    func logInLineByLine(code: String, pin: String) throws {
        try waitFor("Staff code: ")
        let mark = data.count
        try send(code + "\r")
        try waitFor("PIN: ", since: mark)
        try send(pin + "\r")
        try waitFor("Choose 1–", since: mark)
    }

    /// Logs in at the full-screen login screen and waits for the home menu.
    func logInFullScreen(code: String, pin: String) throws {
        try waitForScreen("Staff code")
        try send(code + "\r" + pin + "\r")
        try waitForScreen("Log out")
    }

    /// Logs in at the full-screen login screen, opens a GROWTH session record
    /// (the home menu's first item for SJO) and goes to its Goal field.
    func openGoalFullScreen(code: String, pin: String) throws {
        try logInFullScreen(code: code, pin: pin)
        try send("1")
        try waitForScreen("Date of the session")
        try send("\t\t")
        try waitForScreen("What would you like to achieve")
    }

    /// The number a line-by-line menu, shown since `mark`, gives the option containing `label`.
    func menuNumber(_ label: String, since mark: Int = 0) throws -> String {
        let lines = text(since: mark).replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        guard let line = lines.last(where: { $0.contains(label) }) else {
            throw TestFailure("no menu line \"\(label)\" in:\n\(Self.printable(text(since: mark)))")
        }
        return String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }
}

/// The daemon as the operating system sees it.
enum DaemonProcess {
    /// The pid of the `coaching-kiosk serve` using `database`.
    static func pid(using database: String) throws -> Int32 {
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        for entry in entries {
            guard let pid = Int32(entry),
                let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            let arguments = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.contains("serve"), arguments.contains(database) { return pid }
        }
        throw TestFailure("no coaching-kiosk serve process uses \(database)")
    }

    /// The resident set size of `pid`, in bytes (VmRSS in /proc/PID/status).
    static func residentBytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw TestFailure("no VmRSS for \(pid):\n\(status)") }
        return kilobytes * 1024
    }
}

/// A value shared with a helper thread.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withValue<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Runs `body` on its own thread; `wait()` returns once it has finished.
final class Worker: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let failure = Shared<(any Error)?>(nil)

    init(_ body: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [done, failure] in
            do { try body() } catch { failure.withValue { $0 = error } }
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the thread and rethrows what it threw.
    func wait() throws {
        done.wait()
        if let error = failure.withValue({ $0 }) { throw error }
    }
}

/// Just enough of a VT100 to read the kiosk's screens: text, CR, LF,
/// cursor moves, clearing; colours and cursor visibility are ignored. A
/// character (grapheme) takes one column.
struct VirtualScreen {
    let width: Int
    let height: Int
    private var cells: [[Character]]
    private var row = 0
    private var column = 0
    /// Bytes of `data` already drawn.
    private var consumed = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// Where the cursor is: row, column.
    var cursor: [Int] { [row, column] }

    /// The screen, one line a row, trailing spaces dropped.
    var text: String {
        cells.map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// Draws what `data` holds past what was drawn already (a UTF-8
    /// character or an escape sequence cut off at the end waits for the rest).
    mutating func feed(_ data: [UInt8]) {
        var end = data.count
        // Hold back an unfinished UTF-8 character.
        var back = end - 1
        while back >= consumed, back > end - 4, data[back] & 0xC0 == 0x80 { back -= 1 }
        if back >= consumed, data[back] >= 0xC0 {
            let needed = data[back] >= 0xF0 ? 4 : data[back] >= 0xE0 ? 3 : 2
            if end - back < needed { end = back }
        }
        // Hold back an unfinished escape sequence.
        if let escape = data[consumed..<end].lastIndex(of: 0x1B),
            !data[(escape + 1)..<end].contains(where: { (0x40...0x7E).contains($0) && $0 != UInt8(ascii: "[") })
        {
            end = escape
        }
        guard end > consumed else { return }
        let text = String(decoding: data[consumed..<end], as: UTF8.self)
        consumed = end
        var characters = text.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\u{1B}":
                guard characters.next() == "[" else { continue }
                var parameters = ""
                while let next = characters.next() {
                    if let ascii = next.asciiValue, (0x40...0x7E).contains(ascii) {
                        control(parameters, final: next)
                        break
                    }
                    parameters.append(next)
                }
            case "\r\n":
                column = 0
                lineFeed()
            case "\r": column = 0
            case "\n": lineFeed()
            case "\u{08}": column = max(0, column - 1)
            default:
                guard let scalar = character.unicodeScalars.first, scalar.value >= 0x20 else { continue }
                if column >= width {
                    column = 0
                    lineFeed()
                }
                cells[row][column] = character
                column += 1
            }
        }
    }

    private mutating func lineFeed() {
        if row == height - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: width))
        } else {
            row += 1
        }
    }

    private mutating func control(_ parameters: String, final: Character) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
        switch final {
        case "H":
            row = min(height - 1, max(0, (numbers.first ?? 1) - 1))
            column = min(width - 1, max(0, (numbers.count > 1 ? numbers[1] : 1) - 1))
        case "J" where parameters == "2":
            cells = Array(repeating: Array(repeating: " ", count: width), count: height)
        case "K":
            for index in column..<width { cells[row][index] = " " }
        default:
            break
        }
    }
}
