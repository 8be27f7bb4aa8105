import ArgumentParser
import KioskConfiguration

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file and show the settings in force.",
        subcommands: [Show.self, Check.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the settings in force (file, then environment, then flags) as YAML."
        )
        @OptionGroup var store: StoreOptions

        func run() throws {
            print(try store.settings().yaml, terminator: "")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file; an error names its file, line and key."
        )
        @Argument(help: ArgumentHelp("The file (default \(KioskSettings.systemFile)).", valueName: "path"))
        var path: String = KioskSettings.systemFile

        func run() throws {
            do {
                _ = try KioskSettings.load(file: path)
            } catch {
                throw CommandFailure(error.description)
            }
            print("\(path): ok")
        }
    }
}
