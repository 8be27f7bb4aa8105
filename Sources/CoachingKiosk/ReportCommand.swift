import ArgumentParser
import Coaching
import CoachingStore
import Foundation
import KioskConfiguration
import Reports

extension ReportKind: ExpressibleByArgument {}
extension ReportLevel: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Monitoring reports: coaching goals, cycle progression, impact and CPD.",
        discussion: """
            The command line reads as a lead coach outside every trio: stages, dates and counts, never the \
            text of a record, and never a session a coachee kept to themselves and their coach. Every count \
            under the suppression threshold reads "fewer than N". Levels: individual (cycles of one person, \
            with --staff), subject, school. The cycles report at school level lists every cycle, most stuck \
            first; the goals report at school level flags priorities with no coaching goal.
            """
    )
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Which report.", valueName: "report"))
    var kind: ReportKind
    @Option(help: ArgumentHelp("One person, by subject, or the whole school.", valueName: "level")) var level:
        ReportLevel = .school
    @Option(
        help: ArgumentHelp("First day of the period (default 1 September of this academic year).", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Last day of the period (default today).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("Only this subject (the staff member's, or a cycle's coachee's).", valueName: "subject"))
    var subject: String?
    @Option(
        help: ArgumentHelp("Only this development priority, by code (None for records with none).", valueName: "code"))
    var priority: String?
    @Option(help: ArgumentHelp("At the individual level: whose cycles.", valueName: "code")) var staff: String?
    @Option(
        help: ArgumentHelp(
            "Days expected between a cycle's sessions (default: the configuration's session_cadence, 7).",
            valueName: "days"))
    var sessionCadence: Int?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        if let sessionCadence, !(1...60).contains(sessionCadence) {
            throw ValidationError("--session-cadence \(sessionCadence) is out of range; give days from 1 to 60.")
        }
    }

    func run() throws {
        let kioskSettings = try store.settings()
        var settings = ReportSettings(kioskSettings)
        if let sessionCadence { settings.cadenceDays = sessionCadence }
        let today = SchoolDay(Date())
        let filter = ReportFilter(
            from: from == nil ? today.academicYearStart : try parseDay(from, option: "--from"),
            to: try parseDay(to, option: "--to"), subject: subject, priority: priority,
            staff: try staff.map { try parseStaffCode($0, option: "--staff") })
        let table: ReportTable
        do {
            table = try ReportBuilder(store: try store.openStore(), settings: settings, today: today)
                .report(kind, level: level, filter: filter, for: ReportReader(person: nil))
        } catch let error as ReportError {
            throw CommandFailure(error.description)
        }
        print(Self.render(table, format), terminator: "")
    }

    /// The table as a list command prints it: a title and notes around the table, or JSON or CSV rows
    /// whose keys are the columns', then `flag`.
    static func render(_ table: ReportTable, _ format: OutputFormat) -> String {
        let showsFlag =
            format != .table || (table.column("flags") == nil && table.rows.contains { !$0.flag.isEmpty })
        var listing = Listing(
            columns: table.columns.map { ($0.key, $0.heading) } + (showsFlag ? [("flag", "Flag")] : []),
            whenEmpty: "Nothing to report for this period and these filters.")
        listing.rows = table.rows.map { row in
            row.cells.map(Cell.init) + (showsFlag ? [row.flag.isEmpty ? .none : .text(row.flag)] : [])
        }
        guard format == .table else { return listing.render(format) }
        return table.title + "\n\n" + listing.table + "\n" + table.notes.map { $0 + "\n" }.joined()
    }
}

extension Cell {
    init(_ cell: ReportCell) {
        switch cell {
        case let .text(text): self = .text(text)
        case let .number(number): self = .number(number)
        case let .suppressed(words): self = .text(words)
        case .none: self = .none
        }
    }
}
