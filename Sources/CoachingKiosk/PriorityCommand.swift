import ArgumentParser
import Coaching
import CoachingStore
import Foundation

struct PriorityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority",
        abstract: "The school's development priorities, which coaching goals link to.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a development priority.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A short code, e.g. P1 or READ.") var code: String
        @Argument(help: "Its title, e.g. \"Reading for pleasure\".") var title: String
        @Option(help: "A sentence or two from the school improvement plan.") var detail = ""

        func run() throws {
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            guard (1...16).contains(trimmed.count), !trimmed.contains(" ") else {
                throw ValidationError("CODE should be 1 to 16 characters with no spaces, e.g. P1.")
            }
            try store.openStore().addPriority(
                Priority(code: trimmed, title: title, detail: detail), by: commandLineActor)
            print("Added priority \(trimmed): \(title).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the development priorities.")
        @OptionGroup var store: StoreOptions
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() throws {
            var listing = Listing(
                columns: [("code", "Code"), ("title", "Title"), ("detail", "Detail")],
                whenEmpty: "No priorities yet: add one with `coaching-kiosk priority add CODE TITLE`.")
            for priority in try store.openStore().priorities() {
                listing.rows.append([.text(priority.code), .text(priority.title), .text(priority.detail)])
            }
            print(listing.render(format), terminator: "")
        }
    }
}
