import ArgumentParser
import Coaching
import CoachingStore
import Foundation
import KioskConfiguration
import Reports

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make a synthetic trust (fictional staff, cycles, sessions …) to measure the reports on.",
        discussion: """
            Writes a new database in one transaction, with one audit line; it refuses to touch one that \
            exists unless --replace is given. The same --seed on the same day makes the same trust. \
            Nobody in it has a PIN: it is for `coaching-kiosk report`, not for logging in.
            """
    )
    @OptionGroup var store: StoreOptions
    @Option(help: "Members of staff (10 or more).") var staff = 2000
    @Option(help: "Coaching cycles, at every stage.") var cycles = 5000
    @Option(help: "Session records, shared among the cycles.") var sessions = 20_000
    @Option(help: "Fixes the random choices.") var seed: UInt64 = 1
    @Flag(help: "Delete an existing database at that path first.") var replace = false

    func run() throws {
        let path = try store.settings().database
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !replace {
            throw CommandFailure(
                "\(path) already exists; the generator never writes over real records. "
                    + "Give another --database, or --replace to delete it and start again.")
        }
        let started = Date()
        let trust = SyntheticTrust(
            staff: staff, cycles: cycles, sessions: sessions, seed: seed, today: SchoolDay(Date()))
        let load: BulkLoad
        do { load = try trust.make() } catch { throw CommandFailure(error.description) }
        let partial = path + ".generate-partial"
        func remove(_ base: String) {
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: base + suffix) }
        }
        remove(partial)
        let summary: BulkLoadSummary
        do {
            let generated = try CoachingStore(path: partial)
            summary = try generated.bulkLoad(load, by: commandLineActor)
            try generated.close()
        } catch {
            remove(partial)
            throw error
        }
        remove(path)
        try manager.moveItem(atPath: partial, toPath: path)
        let seconds = Date().timeIntervalSince(started)
        print("Made a synthetic trust in \(path) in \(String(format: "%.1f", seconds)) s:")
        print("  \(summary.description).")
    }
}
