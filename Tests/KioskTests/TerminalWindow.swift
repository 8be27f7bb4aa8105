import Foundation
import TestSupport
import Testing

/// A real terminal program (telnet, picocom) in a private tmux server:
/// typed into with send-keys, read with capture-pane.
final class TerminalWindow: @unchecked Sendable {
    let socket: String
    let session = "kiosk"

    init(command: String, width: Int = 100, height: Int = 30) throws {
        socket = "kiosk-test-" + UUID().uuidString.prefix(8)
        try Self.tmux([
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y",
            "\(height)", command, ";", "set-option", "-g", "remain-on-exit", "on",
        ])
    }

    /// Types literal text (no key names).
    func type(_ text: String) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", session, "-l", text])
    }

    /// Presses named keys: Enter, Tab, BTab, Escape, C-s, F2, Up, Down, BSpace …
    func press(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", session] + keys)
    }

    /// The screen as text now.
    func screen() throws -> String {
        try Self.tmux(["-L", socket, "capture-pane", "-p", "-t", session])
    }

    /// Waits until the screen shows `text`, polling; fails with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the screen never showed \"\(text)\"; it shows:\n\(last)", sourceLocation: sourceLocation)
        throw TestFailure("timed out waiting for \(text)")
    }

    /// Waits until `text` is gone from the screen.
    func waitUntilGone(_ text: String, timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !(try screen()).contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("\(text) never went away:\n\(try screen())")
    }

    func close() {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
    }

    deinit { close() }

    @discardableResult
    static func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let (status, text) = try Subprocess.run(["tmux"] + arguments, environment: ["TERM=xterm-256color"])
        guard status == 0 else {
            throw TestFailure("tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}

extension TerminalWindow {
    /// Logs in at the full-screen login screen and waits for the home menu.
    func logIn(code: String, pin: String) throws {
        try waitFor("Staff code")
        try type(code)
        try press("Enter")
        try type(pin)
        try press("Enter")
        try waitFor("Log out")
    }
}
