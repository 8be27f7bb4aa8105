import Coaching
import CoachingStore
import Foundation
import Testing

/// The real daemon echoes a character typed at the end of a notes field the
/// moment it arrives, before the session draws its frame; and what the
/// terminal then shows is what a full redraw shows.
@Suite("Typing at the end of notes is echoed at once")
struct EchoAheadKioskTests {
    @Test("the character comes back first, with the count; the screen agrees with a full redraw (Ctrl-L)")
    func echoedFirst() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let client = try HostileClient(port: daemon.port, terminal: .xterm)
        try client.openGoalFullScreen(code: "SJO", pin: "2468")
        let typing = "Ask more open questions"
        let echoedFirst = try Self.type(typing, into: client)
        #expect(echoedFirst * 3 >= typing.count * 2, "\(echoedFirst) of \(typing.count) echoed before their frames")
        let typed = try client.waitForScreen("Ask more open questions")
        #expect(typed.contains("23/2000"))
        #expect(typed.contains("✓ Goal"), "the field's mark turned to ✓ with the first character")
        // A full redraw shows the same screen, and the cursor after the text.
        let cursor = client.screen.cursor
        let mark = client.data.count
        try client.send("\u{0C}")  // Ctrl-L
        _ = try client.waitFor("\u{1B}[2J", since: mark)
        try client.waitForScreen("23/2000")
        #expect(client.screen.text == typed)
        #expect(client.screen.cursor == cursor)
        // In the middle of the text the frame does the echo, as before.
        try client.send("\u{1B}[D\u{1B}[D!")
        try client.waitForScreen("Ask more open questio!ns")
        try client.waitForScreen("24/2000")
    }

    @Test("characters echoed and held by the line reach the draft when the line drops")
    func heldCharactersKept() throws {
        let daemon = try KioskDaemon()
        try daemon.start()
        let typing = "Ask more open questions"
        do {
            let client = try HostileClient(port: daemon.port, terminal: .xterm)
            try client.openGoalFullScreen(code: "SJO", pin: "2468")
            let echoedFirst = try Self.type(typing, into: client)
            #expect(echoedFirst * 3 >= typing.count * 2, "\(echoedFirst) of \(typing.count) echoed at once")
        }  // The client goes: its connection closes with the characters after the first still held.
        let store = try daemon.store()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try store.drafts(staff: "SJO").first?.fields["goal"] == nil {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let draft = try #require(try store.drafts(staff: "SJO").first)
        #expect(draft.fields["goal"] == typing, "every character typed is in the draft:\n\(daemon.output)")
    }

    /// Types `text` into an empty Goal field, each character once the last
    /// one's count shows; how many came back as the first byte after their
    /// key. A key that comes while the session still handles the one before
    /// (a loaded machine) waits for its frame, as before; one that finds the
    /// session waiting is echoed at once.
    private static func type(_ text: String, into client: HostileClient) throws -> Int {
        var echoedFirst = 0
        for (index, character) in text.enumerated() {
            try client.waitForScreen("\(index)/2000")
            Thread.sleep(forTimeInterval: 0.02)
            let mark = client.data.count
            try client.send(String(character))
            try client.waitForScreen("\(index + 1)/2000")
            if client.data[mark] == character.asciiValue { echoedFirst += 1 }
        }
        return echoedFirst
    }
}
