import ArgumentParser
import Coaching
import CoachingStore
import Foundation
import KioskConfiguration

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything stored about one person, as JSON (a subject access request).",
        discussion: """
            Includes their staff record, the cycles they took part in with the records they may \
            read there, their goals, CPD log, drafts, print jobs and the audit lines about them. \
            Never a PIN. The export itself is audited.
            """
    )
    @OptionGroup var store: StoreOptions
    @Option(help: "The person's staff code.") var staff: String
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.json"))
    var output: String?

    func run() throws {
        let code = try parseStaffCode(staff, option: "--staff")
        let export = try store.openStore().exportPerson(code, by: commandLineActor)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(export)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data, attributes: [.posixPermissions: 0o600])
            else { throw CommandFailure("Cannot write \(output); check the folder exists and is writable.") }
            print("Wrote everything stored about \(code) to \(output).")
        } else {
            FileHandle.standardOutput.write(data)
            print()
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database, safe while the kiosk is running."
    )
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Where to write the copy (must not exist yet).", valueName: "path"))
    var path: String

    func run() throws {
        let coachingStore = try store.openStore()
        try coachingStore.backup(to: path)
        try coachingStore.audit(commandLineActor, "backup", kind: nil, id: nil, detail: path)
        let copy = try CoachingStore(path: path)
        let check = try copy.integrityCheck()
        guard check == "ok" else { throw CommandFailure("The copy at \(path) failed its integrity check: \(check)") }
        print("Backed up \(coachingStore.path) to \(path) (integrity check: ok).")
    }
}

struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete records past the school's retention rule, and say what was deleted.",
        discussion: """
            By default a person's records are kept six years after they were deactivated, and a \
            closed cycle six years after it closed (set retention in the configuration, or the \
            flags below). Purging a person deletes every cycle they took part in, their goals, \
            CPD log and drafts; audit lines that named them then name nobody. Run with \
            --dry-run first to see what would go.
            """
    )
    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "Say what would be deleted, and delete nothing.") var dryRun = false
    @Option(help: "Years to keep a person's records after they leave.") var yearsAfterLeaving: Int?
    @Option(help: "Years to keep a closed cycle.") var yearsAfterCycleClosed: Int?
    @Option(name: .customLong("as-of"), help: "Apply the rule as on this day (default today).") var day: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let settings = try store.settings()
        var rule = settings.retention
        if let yearsAfterLeaving { rule.yearsAfterLeaving = yearsAfterLeaving }
        if let yearsAfterCycleClosed { rule.yearsAfterCycleClosed = yearsAfterCycleClosed }
        guard rule.yearsAfterLeaving >= 1, rule.yearsAfterCycleClosed >= 1 else {
            throw ValidationError("Retention is at least one year.")
        }
        let report = try CoachingStore(path: settings.database).purge(
            rule, today: try parseDay(day, option: "--as-of"), dryRun: dryRun, by: commandLineActor)
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let verb = dryRun ? "Would delete" : "Deleted"
        print(
            "Retention: people who left on or before \(report.leftOnOrBefore.british); "
                + "cycles closed on or before \(report.closedOnOrBefore.british).")
        if report.isEmpty {
            print("Nothing is past retention; nothing \(dryRun ? "would be" : "was") deleted.")
            return
        }
        print(
            "\(verb) \(report.staff.count) staff: \(report.staff.isEmpty ? "none" : report.staff.joined(separator: ", "))."
        )
        print(
            "\(verb) \(report.cycles.count) cycle\(report.cycles.count == 1 ? "" : "s"): \(report.cycles.isEmpty ? "none" : report.cycles.map(String.init).joined(separator: ", "))."
        )
        let tables = report.rows.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        for (table, count) in tables {
            print("  \(table): \(count) row\(count == 1 ? "" : "s")")
        }
        print(
            "Audit lines that named them \(dryRun ? "would name" : "now name") nobody: \(report.auditLinesAnonymised).")
        if dryRun { print("This was a dry run: nothing was deleted. Run without --dry-run to purge.") }
    }
}
