import ArgumentParser

/// `coaching-kiosk`: the staffroom coaching kiosk and its administration.
@main
struct CoachingKioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coaching-kiosk",
        abstract: "A staffroom kiosk and print service for instructional coaching.",
        discussion: """
            Staff fill coaching proformas at a shared terminal; the school's technician and \
            administrator run these commands on the kiosk's machine. Every command takes \
            --database (or COACHING_KIOSK_DB) and --config.
            """,
        subcommands: [
            ServeCommand.self, StaffCommand.self, PriorityCommand.self, CycleCommand.self, PrintCommand.self,
            ReportCommand.self, ExportCommand.self,
            BackupCommand.self, PurgeCommand.self, ConfigCommand.self, DemoCommand.self, GenerateCommand.self,
        ]
    )
}
