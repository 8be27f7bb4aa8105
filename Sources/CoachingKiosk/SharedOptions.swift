import ArgumentParser
import Coaching
import CoachingStore
import Foundation
import KioskConfiguration

/// Options every command takes: where the configuration and the database are.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Configuration file (YAML).", discussion: "Default: \(KioskSettings.systemFile) when it exists.",
            valueName: "path"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database. Default: COACHING_KIOSK_DB, then the configuration, then ./coaching.sqlite.",
            valueName: "path"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("The school's name, printed on every sheet.", valueName: "name"))
    var schoolName: String?

    /// The settings in force: defaults, then the file, then the
    /// environment, then flags (a flag wins).
    func settings() throws -> KioskSettings {
        var settings = KioskSettings()
        if let config {
            settings = try KioskSettings.load(file: config)
        } else if FileManager.default.fileExists(atPath: KioskSettings.systemFile) {
            settings = try KioskSettings.load(file: KioskSettings.systemFile)
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["COACHING_KIOSK_DB"], !fromEnvironment.isEmpty {
            settings.database = fromEnvironment
        }
        if let database { settings.database = database }
        if let schoolName { settings.schoolName = schoolName }
        return settings
    }

    func openStore() throws -> CoachingStore {
        try CoachingStore(path: settings().database)
    }
}

/// The person at the shell, as the audit log names them.
var commandLineActor: Actor {
    let environment = ProcessInfo.processInfo.environment
    return Actor.commandLine(user: environment["SUDO_USER"] ?? environment["USER"] ?? "unknown")
}

/// Reads a day given on the command line: `2026-11-24`, `24/11/2026` or `today`.
func parseDay(_ text: String?, option: String) throws -> SchoolDay {
    let today = SchoolDay(Date())
    guard let text else { return today }
    guard let day = SchoolDay(typed: text, today: today) else {
        throw ValidationError("\(option) \"\(text)\" is not a date; write DD/MM/YYYY, YYYY-MM-DD or today.")
    }
    return day
}

func parseStaffCode(_ text: String, option: String) throws -> StaffCode {
    guard let code = StaffCode(text) else {
        throw ValidationError("\(option) \"\(text)\" is not a staff code (letters, digits, - or _).")
    }
    return code
}

/// An error at the command line that says what to do; printed as it is.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
