import ArgumentParser
import Coaching
import CoachingStore
import DemoSchool
import Foundation
import KioskConfiguration

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Make a demo school with fictional staff, cycles at every stage, and demo PINs.",
        discussion: """
            Writes a new database (it refuses to touch one that exists unless --replace is given). \
            The demo is made in a temporary file and moved into place only when complete.
            """
    )
    @OptionGroup var store: StoreOptions
    @Flag(help: "Delete an existing database at that path first.") var replace = false

    func run() throws {
        let path = try store.settings().database
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            guard replace else {
                throw CommandFailure(
                    "\(path) already exists; the demo never writes over real records. "
                        + "Give another --database, or --replace to delete it and start again.")
            }
        }
        let partial = path + ".demo-partial"
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: partial + suffix) }
        let summary: DemoSchool.Summary
        do {
            let demoStore = try CoachingStore(path: partial)
            summary = try DemoSchool.build(into: demoStore, today: SchoolDay(Date()), by: commandLineActor)
            try demoStore.close()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: partial + suffix) }
            throw error
        }
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
        try manager.moveItem(atPath: partial, toPath: path)

        print("Made the demo school \(summary.schoolName) in \(path):")
        print(
            "  \(summary.staff) staff, \(summary.priorities) development priorities, "
                + "\(summary.cyclesByStage.values.reduce(0, +)) coaching cycles, \(summary.sessions) session records, "
                + "\(summary.observations) observation notes, \(summary.impactStatements) impact statements, "
                + "\(summary.cpdActivities) CPD activities.")
        print(
            "  Cycles by stage: "
                + Stage.allCases.map { "\($0.rawValue) \(summary.cyclesByStage[$0] ?? 0)" }
                .joined(separator: ", ") + ".")
        print()
        print("Demo logins (fictional people; change every PIN before real use):")
        var listing = Listing(columns: [("code", "Code"), ("name", "Name"), ("roles", "Roles"), ("pin", "PIN")])
        for login in summary.logins {
            listing.rows.append([.text(login.code.rawValue), .text(login.name), .text(login.roles), .text(login.pin)])
        }
        print(listing.table, terminator: "")
        print()
        print("School name for the configuration: school_name: \"\(summary.schoolName)\"")
    }
}
