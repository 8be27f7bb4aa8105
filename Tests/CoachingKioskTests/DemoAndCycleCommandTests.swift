import Foundation
import Testing

@Suite("demo, cycles and priorities")
struct DemoAndCycleCommandTests {
    static let stages = ["agreement", "pre-lesson", "observed-lesson", "post-lesson", "impact", "closed"]

    @Test("the demo school has cycles at every stage, and demo logins")
    func demo() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let made = try kiosk.succeed(["demo"])
        #expect(made.contains("Demo logins"))
        #expect(made.contains("PIN"))
        let cycles = try kiosk.rows(["cycle", "list"])
        let stages = Set(cycles.compactMap { $0["stage"] as? String })
        #expect(stages == Set(Self.stages))
        for stage in Self.stages {
            let only = try kiosk.rows(["cycle", "list", "--stage", stage])
            #expect(!only.isEmpty && only.allSatisfy { $0["stage"] as? String == stage })
        }
        let table = try kiosk.succeed(["cycle", "list"])
        for title in [
            "Coaching agreement", "Pre-lesson discussion", "Observed lesson", "Post-lesson analysis",
            "Impact statement", "Closed",
        ] {
            #expect(table.contains(title), "the table names the stage \(title)")
        }
        #expect(try kiosk.rows(["staff", "list"]).count >= 25)
        #expect(try kiosk.rows(["priority", "list"]).count >= 4)
    }

    @Test("the demo never writes over an existing database")
    func demoRefusesExisting() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["priority", "add", "P1", "Reading for pleasure"])
        let refused = try kiosk.run(["demo"])
        #expect(refused.status != 0 && refused.errors.contains("already exists"))
        #expect(try kiosk.rows(["priority", "list"]).count == 1)
        _ = try kiosk.succeed(["demo", "--replace"])
        #expect(try kiosk.rows(["priority", "list"]).count > 1)
    }

    @Test("a cycle is started, moved on and stepped back from the command line")
    func cycleLifecycle() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let csv = try kiosk.write(
            "staff.csv",
            """
            code,name,subject,roles
            SJO,Siân Jones,Maths,
            DAP,Dafydd ap Rhys,Science,coach
            ZOB,"Zoë O'Brien",English,
            """)
        _ = try kiosk.succeed(["staff", "import", csv])
        _ = try kiosk.succeed(["priority", "add", "P2", "Oracy, across the curriculum", "--detail", "Talk first"])
        let started = try kiosk.succeed([
            "cycle", "start", "--coachee", "SJO", "--coach", "DAP", "--observer", "ZOB",
            "--priority", "P2", "--focus", "Talk partners, sentence stems", "--on", "07/09/2026",
        ])
        #expect(started.contains("Started cycle 1"))
        #expect(try kiosk.succeed(["cycle", "advance", "1", "--on", "14/09/2026"]).contains("Pre-lesson discussion"))
        #expect(try kiosk.succeed(["cycle", "advance", "1", "--on", "21/09/2026"]).contains("Observed lesson"))
        #expect(try kiosk.succeed(["cycle", "back", "1", "--on", "22/09/2026"]).contains("back at: Pre-lesson"))
        let row = try #require(try kiosk.rows(["cycle", "list"]).first)
        #expect(row["id"] as? Int == 1)
        #expect(row["coachee"] as? String == "SJO Siân Jones")
        #expect(row["observer"] as? String == "ZOB Zoë O'Brien")
        #expect(row["stage"] as? String == "pre-lesson")
        #expect(row["since"] as? String == "2026-09-22")
        let csvOut = try kiosk.succeed(["cycle", "list", "--format", "csv"])
        #expect(csvOut.contains("\"Talk partners, sentence stems\""))

        let twice = try kiosk.run(["cycle", "start", "--coachee", "SJO", "--coach", "DAP", "--observer", "SJO"])
        #expect(twice.status != 0 && twice.errors.contains("three different"))
        let notCoach = try kiosk.run(["cycle", "start", "--coachee", "DAP", "--coach", "ZOB", "--observer", "SJO"])
        #expect(notCoach.status != 0 && notCoach.errors.contains("coach role"))
        let early = try kiosk.run(["cycle", "advance", "1", "--on", "01/09/2026"])
        #expect(early.status != 0 && early.errors.contains("give a later date"))
        let badDate = try kiosk.run(["cycle", "advance", "1", "--on", "31/02/2026"])
        #expect(badDate.status != 0 && badDate.errors.contains("DD/MM/YYYY"))
        let unknown = try kiosk.run(["cycle", "advance", "99"])
        #expect(unknown.status != 0 && unknown.errors.contains("cycle list"))
    }
}
