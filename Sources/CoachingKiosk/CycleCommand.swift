import ArgumentParser
import Coaching
import CoachingStore

extension Stage: ExpressibleByArgument {}

struct CycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle",
        abstract: "Start coaching cycles for trios and move them through their stages.",
        subcommands: [Start.self, List.self, Advance.self, Back.self]
    )

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a cycle: a coachee, a coach and an observer (three different people)."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "The coachee's staff code.") var coachee: String
        @Option(help: "The coach's staff code (holds the coach or lead-coach role).") var coach: String
        @Option(help: "The observer's staff code.") var observer: String
        @Option(help: "The development priority it links to, by code.") var priority: String?
        @Option(help: "The focus in a few words.") var focus = ""
        @Option(name: .customLong("on"), help: "The day it starts (default today).") var day: String?

        func run() throws {
            let trio: Trio
            do {
                trio = try Trio(
                    coachee: parseStaffCode(coachee, option: "--coachee"),
                    coach: parseStaffCode(coach, option: "--coach"),
                    observer: parseStaffCode(observer, option: "--observer"))
            } catch let error as CoachingError {
                throw CommandFailure(error.description)
            }
            let cycle = CoachingCycle(
                trio: trio, priority: priority, focus: focus,
                startedOn: try parseDay(day, option: "--on"))
            let id = try store.openStore().startCycle(cycle, by: commandLineActor)
            print(
                "Started cycle \(id): coachee \(trio.coachee), coach \(trio.coach), observer \(trio.observer); "
                    + "it is at the \(Stage.agreement.title.lowercased()) stage.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cycles, newest first.")
        @OptionGroup var store: StoreOptions
        @Option(
            help: ArgumentHelp(
                "Only cycles at this stage: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "stage"))
        var stage: Stage?
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() throws {
            let coachingStore = try store.openStore()
            var names: [StaffCode: String] = [:]
            for member in try coachingStore.staff(includingLeavers: true) { names[member.code] = member.name }
            func person(_ code: StaffCode) -> Cell { .text("\(code) \(names[code] ?? "")") }
            var listing = Listing(
                columns: [
                    ("id", "Id"), ("coachee", "Coachee"), ("coach", "Coach"), ("observer", "Observer"),
                    ("stage", "Stage"), ("since", "Since"), ("priority", "Priority"), ("focus", "Focus"),
                ],
                whenEmpty: stage == nil
                    ? "No cycles yet: start one with `coaching-kiosk cycle start`."
                    : "No cycles at the \(stage?.rawValue ?? "") stage.")
            for stored in try coachingStore.cycles(stage: stage) {
                let cycle = stored.cycle
                listing.rows.append([
                    .number(Double(stored.id)), person(cycle.trio.coachee), person(cycle.trio.coach),
                    person(cycle.trio.observer), .text(format == .table ? cycle.stage.title : cycle.stage.rawValue),
                    .text(cycle.inStageSince.iso), cycle.priority.map(Cell.text) ?? .none, .text(cycle.focus),
                ])
            }
            print(listing.render(format), terminator: "")
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a cycle on to its next stage.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The cycle's id (see `cycle list`).") var id: Int64
        @Option(name: .customLong("on"), help: "The day of the move (default today).") var day: String?

        func run() throws {
            let stored = try store.openStore().advanceCycle(
                id, on: try parseDay(day, option: "--on"), by: commandLineActor)
            print("Cycle \(id) is now at: \(stored.cycle.stage.title).")
        }
    }

    struct Back: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Step a cycle back to its previous stage.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The cycle's id (see `cycle list`).") var id: Int64
        @Option(name: .customLong("on"), help: "The day of the move (default today).") var day: String?

        func run() throws {
            let stored = try store.openStore().stepCycleBack(
                id, on: try parseDay(day, option: "--on"), by: commandLineActor)
            print("Cycle \(id) is back at: \(stored.cycle.stage.title).")
        }
    }
}
