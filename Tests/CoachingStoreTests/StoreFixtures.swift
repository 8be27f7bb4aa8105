import Coaching
import Foundation

@testable import CoachingStore

/// A temporary folder, removed when the test is done with it.
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "coaching-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { now = start }

    var date: Date { lock.withLock { now } }
    func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
}

let technician = Actor.commandLine(user: "tester")

func day(_ iso: String) -> SchoolDay {
    guard let day = SchoolDay(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return day
}

/// A small school: a coachee, a coach, an observer, a head, an office member, a leaver.
func smallSchool(_ store: CoachingStore) throws {
    let staff = [
        StaffMember(code: "SJO", name: "Siân Jones", subject: "Maths"),
        StaffMember(code: "DAP", name: "Dafydd ap Rhys", subject: "Science", roles: [.coach]),
        StaffMember(code: "ZOB", name: "Zoë O'Brien", subject: "English"),
        StaffMember(code: "HED", name: "Ŵyn Hughes", subject: "Leadership", roles: [.head]),
        StaffMember(code: "OFF", name: "Mair Price", subject: "Office", roles: [.office]),
    ]
    for member in staff { try store.addStaff(member, by: technician) }
    try store.addPriority(Priority(code: "P1", title: "Oracy across the curriculum"), by: technician)
}
