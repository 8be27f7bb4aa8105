import ArgumentParser
import Coaching
import CoachingStore
import Foundation

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Import, list and look after staff.",
        subcommands: [Import.self, List.self, SetPIN.self, Deactivate.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add and update staff from a CSV exported from the school's MIS.",
            discussion: """
                The header names the columns code, name, subject and roles (separated by ;), \
                and optionally email and ect_year. Importing again updates people by code and \
                never duplicates them. A file with any bad row is refused whole, and every bad \
                row is listed with its line and column.
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("The staff CSV file.", valueName: "file.csv")) var file: String

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CommandFailure("Cannot read \(file): \((error as NSError).localizedDescription)")
            }
            let roster: StaffRoster
            do { roster = try StaffRoster(csv: data, file: file) } catch {
                throw CommandFailure(error.description)
            }
            let summary = try store.openStore().importStaff(roster.members, by: commandLineActor, file: file)
            print(
                "Imported \(file): \(summary.added.count) added, \(summary.updated.count) updated, "
                    + "\(summary.unchanged.count) unchanged.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff.")
        @OptionGroup var store: StoreOptions
        @Flag(name: .long, help: "Include staff who have left.") var all = false
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() throws {
            var listing = Listing(
                columns: [
                    ("code", "Code"), ("name", "Name"), ("subject", "Subject"), ("roles", "Roles"),
                    ("ect_year", "ECT"), ("email", "Email"), ("left_on", "Left"),
                ], whenEmpty: "No staff yet: import a CSV with `coaching-kiosk staff import FILE.csv`.")
            for member in try store.openStore().staff(includingLeavers: all) {
                listing.rows.append([
                    .text(member.code.rawValue), .text(member.name), .text(member.subject),
                    .text(member.rolesText), member.earlyCareerYear.map { .number(Double($0)) } ?? .none,
                    member.email.map(Cell.text) ?? .none, member.leftOn.map { .text($0.iso) } ?? .none,
                ])
            }
            print(listing.render(format), terminator: "")
        }
    }

    struct SetPIN: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-pin",
            abstract: "Set a member of staff's kiosk PIN, read from standard input.",
            discussion: """
                The PIN is never taken on the command line, where other users could see it. \
                At a terminal it is asked for twice without echo; otherwise the first line of \
                standard input is used (echo 4827 | coaching-kiosk staff set-pin SJO).
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The staff code.") var code: String

        func run() throws {
            let staffCode = try parseStaffCode(code, option: "CODE")
            let pin: String
            if isatty(STDIN_FILENO) == 1 {
                let first = try readSecret(prompt: "New PIN for \(staffCode): ")
                let second = try readSecret(prompt: "Type it again: ")
                guard first == second else { throw CommandFailure("The two PINs differ; nothing was changed.") }
                pin = first
            } else {
                guard let line = readLine(strippingNewline: true) else {
                    throw CommandFailure("No PIN on standard input; pipe one in or run at a terminal.")
                }
                pin = line.trimmingCharacters(in: .whitespaces)
            }
            try store.openStore().setPIN(pin, for: staffCode, by: commandLineActor)
            print("PIN set for \(staffCode).")
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark someone as having left: they can no longer log in, and retention starts."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The staff code.") var code: String
        @Option(name: .customLong("on"), help: "The day they left (default today).") var day: String?

        func run() throws {
            let staffCode = try parseStaffCode(code, option: "CODE")
            let leftOn = try parseDay(day, option: "--on")
            try store.openStore().deactivate(staffCode, on: leftOn, by: commandLineActor)
            print("\(staffCode) deactivated as of \(leftOn.british).")
        }
    }
}

/// Reads a line from the terminal with echo off.
func readSecret(prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    defer {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
    }
    guard let line = readLine(strippingNewline: true) else { throw CommandFailure("No PIN was typed.") }
    return line
}
