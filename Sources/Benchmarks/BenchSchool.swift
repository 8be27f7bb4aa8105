import Coaching
import CoachingStore
import DemoSchool
import Foundation
import GRDB

/// The school the session load logs in to: the demo school, plus one
/// member of staff for each client, paired into coaching cycles (coachee
/// and coach of one cycle each, so the GROWTH form is offered for exactly
/// one cycle and opens straight away), observed by the demo school's staff.
enum BenchSchool {
    static let pin = "2468"
    static let codePrefix = "BK"

    static func code(_ index: Int) -> String { codePrefix + String(format: "%04d", index + 1) }

    /// Writes the demo school and `clients` bench staff into a new store at `path`.
    ///
    /// PINs are hashed with scrypt (deliberately slow, tens of milliseconds
    /// each), so only the first bench member's PIN is set through the store;
    /// its hash is then copied to every other bench member with one SQL
    /// UPDATE. Every bench member's PIN is `pin`, and every one of them holds
    /// the same salted hash, which the daemon verifies (scrypt) as it would any.
    static func make(path: String, clients: Int) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try CoachingStore(path: path)
        let actor = Actor.commandLine(user: "bench")
        let today = store.today
        _ = try DemoSchool.build(into: store, today: today, by: actor)
        let demoStaff = try store.staff().map(\.code)
        let priority = try store.priorities().first?.code
        // An even number of bench staff: coachee and coach of each cycle.
        let count = clients + clients % 2
        let first = ["Alex", "Bethan", "Cai", "Dilys", "Emrys", "Ffion", "Gethin", "Heledd", "Iwan", "Jac"]
        let last = ["Evans", "Price", "Morgan", "Hughes", "Lloyd", "Rees", "Powell", "Owen", "Pugh", "Vaughan"]
        let subjects = ["Maths", "English", "Science", "Welsh", "History", "Geography", "Art", "Music", "PE", "RE"]
        let members = (0..<count).map { index in
            StaffMember(
                code: StaffCode(stringLiteral: code(index)),
                name: "\(first[index % first.count]) \(last[(index / first.count) % last.count]) \(index + 1)",
                subject: subjects[index % subjects.count], roles: index % 2 == 1 ? [.coach] : [])
        }
        _ = try store.importStaff(members, by: actor, file: "bench staff")
        try store.setPIN(pin, for: members[0].code, by: actor)
        for pair in stride(from: 0, to: count, by: 2) {
            let trio = try Trio(
                coachee: members[pair].code, coach: members[pair + 1].code,
                observer: demoStaff[(pair / 2) % demoStaff.count])
            let cycle = try CoachingCycle(
                trio: trio, priority: priority, focus: "questioning",
                history: [
                    StageMove(stage: .agreement, on: today.adding(days: -21)),
                    StageMove(stage: .preLesson, on: today.adding(days: -7)),
                ])
            try store.startCycle(cycle, by: actor)
        }
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE code = ?)
                    WHERE code LIKE 'BK%' AND code <> ?
                    """, arguments: [members[0].code.rawValue, members[0].code.rawValue])
        }
        try queue.close()
    }

    /// Copies a closed database file (and any WAL beside it).
    static func copy(_ source: String, to destination: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: destination + suffix)
            if FileManager.default.fileExists(atPath: source + suffix) {
                try FileManager.default.copyItem(atPath: source + suffix, toPath: destination + suffix)
            }
        }
    }

    /// Session records the bench staff wrote.
    static func sessionsWritten(in path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM session_proforma WHERE author LIKE 'BK%'") ?? 0
        }
    }

    /// What a client types into the GROWTH form, field by field: the field's
    /// label (checked on the screen before the first key) and its text.
    static let growthText: [(label: String, text: String)] = [
        ("Goal", "I want more pupils to explain their thinking aloud in maths lessons. "),
        ("Reality", "Three or four pupils answer most questions while the rest of the class waits. "),
        ("Options", "Mini whiteboards, think pair share, no hands up, wait time of five seconds. "),
        ("Will", "Try no hands up with wait time in every lesson with year eight next week. "),
        ("Tactics", "Write the question on the board first, count to five, then pick a name. "),
        ("Habits", "A sticky note on the desk; my coach asks about it at the start of each session. "),
    ]

    /// The keys a client types: GROWTH forms, one after another. A form is:
    /// open it from the home menu, Tab past the date and the kind of
    /// session, type into each of the six notes fields (Tab between them),
    /// and submit with Ctrl-S, which brings the home menu back.
    ///
    /// So that the clients' Tabs and submissions spread out as a
    /// staffroom's would, rather than every form being submitted in the same
    /// second, each client types its own amount into each field (half to one
    /// and a half times `charactersPerField`), and its first form has up to
    /// a whole form's worth more in its first field. The amounts come from
    /// the client's number: the same every run. The script repeats from
    /// `repeatFrom`.
    static func growthScript(charactersPerField: Int, client: Int) -> (steps: [ScriptStep], repeatFrom: Int) {
        var seed = UInt64(client) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(max(1, bound)))
        }
        let spread = max(1, charactersPerField)
        func form(extra: Int) -> [ScriptStep] {
            var steps: [ScriptStep] = [.openSessionForm, .tab(afterOpening: true), .tab(afterOpening: false)]
            for (index, field) in growthText.enumerated() {
                let count = max(1, spread / 2 + next(spread + 1)) + (index == 0 ? extra : 0)
                let text = Array(field.text.utf8)
                for position in 0..<count {
                    steps.append(.type(text[position % text.count], field: position == 0 ? field.label : nil))
                }
                steps.append(index == growthText.count - 1 ? .submit : .tab(afterOpening: false))
            }
            return steps
        }
        let first = form(extra: next(growthText.count * (spread + 1)))
        return (first + form(extra: 0), first.count)
    }
}
