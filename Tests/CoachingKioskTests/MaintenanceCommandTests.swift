import Foundation
import Testing

@Suite("backup, purge, export and configuration")
struct MaintenanceCommandTests {
    @Test("a backup is a sound copy, and never overwrites")
    func backup() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        let output = try kiosk.succeed(["backup", kiosk.file("copy.sqlite")])
        #expect(output.contains("integrity check: ok"))
        let copied = try kiosk.run(["cycle", "list", "--format", "json", "--database", kiosk.file("copy.sqlite")])
        #expect(copied.status == 0)
        #expect(copied.output == (try kiosk.succeed(["cycle", "list", "--format", "json"])))
        let again = try kiosk.run(["backup", kiosk.file("copy.sqlite")])
        #expect(again.status != 0 && again.errors.contains("never overwrites"))
    }

    @Test("purge says what it would delete, deletes it, and then finds nothing")
    func purge() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        let before = try kiosk.rows(["cycle", "list"]).count
        let dry = try kiosk.succeed(["purge", "--dry-run"])
        #expect(dry.contains("Would delete 1 staff"))
        #expect(dry.contains("nothing was deleted"))
        #expect(try kiosk.rows(["cycle", "list"]).count == before)
        let real = try kiosk.succeed(["purge"])
        #expect(real.contains("Deleted 1 staff"))
        #expect(try kiosk.rows(["cycle", "list"]).count < before)
        #expect(try kiosk.succeed(["purge"]).contains("Nothing is past retention"))
        // In two years' time a one-year rule finds the demo's leaver of last year.
        let inTwoYears = Calendar(identifier: .gregorian).date(byAdding: .year, value: 2, to: Date()) ?? Date()
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        let later = try kiosk.succeed([
            "purge", "--dry-run", "--years-after-leaving", "1",
            "--as-of", format.string(from: inTwoYears), "--format", "json",
        ])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(later.utf8)) as? [String: Any])
        #expect((report["staff"] as? [String])?.count == 1)
        #expect(report["dryRun"] as? Bool == true)
    }

    @Test("an export is everything about one person as JSON")
    func export() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        let cycle = try #require(try kiosk.rows(["cycle", "list", "--stage", "post-lesson"]).first)
        let coachee = try #require((cycle["coachee"] as? String)?.split(separator: " ").first.map(String.init))
        _ = try kiosk.succeed(["export", "--staff", coachee, "--output", kiosk.file("sar.json")])
        let data = try Data(contentsOf: URL(fileURLWithPath: kiosk.file("sar.json")))
        let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((export["staff"] as? [String: Any])?["code"] as? String == coachee)
        #expect((export["cycles"] as? [Any])?.isEmpty == false)
        #expect(!String(decoding: data, as: UTF8.self).contains("scrypt"))
        let unknown = try kiosk.run(["export", "--staff", "NOBODY"])
        #expect(unknown.status != 0 && unknown.errors.contains("staff list"))
    }

    @Test("a configuration error names the file, line and key")
    func configurationErrors() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let bad = try kiosk.write("bad.yaml", "school_name: Ysgol Cae'r Onnen\n\nsuppresion_threshold: 3\n")
        let result = try kiosk.run(["staff", "list", "--config", bad])
        #expect(result.status != 0)
        #expect(result.errors.contains("bad.yaml:3: suppresion_threshold: unknown key"))
        let check = try kiosk.run(["config", "check", bad], useDatabase: false)
        #expect(check.status != 0 && check.errors.contains("bad.yaml:3"))
        let value = try kiosk.write("value.yaml", "retention:\n  years_after_leaving: six\n")
        let valueResult = try kiosk.run(["config", "check", value], useDatabase: false)
        #expect(valueResult.errors.contains("value.yaml:2: retention.years_after_leaving"))
    }

    @Test("a flag wins over the environment, which wins over the file")
    func precedence() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let config = try kiosk.write(
            "config.yaml", "school_name: From the file\ndatabase: file.sqlite\nidle_timeout: 10m\n")
        let fileOnly = try kiosk.run(["config", "show", "--config", config], useDatabase: false)
        #expect(fileOnly.output.contains("database: \"file.sqlite\""))
        #expect(fileOnly.output.contains("idle_timeout: 600"))
        let environment = try kiosk.run(
            ["config", "show", "--config", config],
            environment: ["COACHING_KIOSK_DB": "env.sqlite"], useDatabase: false)
        #expect(environment.output.contains("database: \"env.sqlite\""))
        let flag = try kiosk.run(
            [
                "config", "show", "--config", config, "--database", "flag.sqlite",
                "--school-name", "Ysgol y Faner",
            ], environment: ["COACHING_KIOSK_DB": "env.sqlite"], useDatabase: false)
        #expect(flag.output.contains("database: \"flag.sqlite\""))
        #expect(flag.output.contains("school_name: \"Ysgol y Faner\""))
    }

    @Test(
        "every command has --help",
        arguments: [
            [], ["staff"], ["staff", "import"], ["staff", "list"], ["staff", "set-pin"], ["staff", "deactivate"],
            ["priority"], ["priority", "add"], ["priority", "list"], ["cycle"], ["cycle", "start"], ["cycle", "list"],
            ["cycle", "advance"], ["cycle", "back"], ["export"], ["backup"], ["purge"], ["config"], ["config", "show"],
            ["config", "check"], ["demo"], ["print"], ["print", "agreement"], ["print", "session"],
            ["print", "observation"], ["print", "impact"], ["print", "trustee-pack"], ["print", "cpd"],
            ["print", "status"], ["report"], ["generate"],
        ])
    func help(command: [String]) throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let result = try kiosk.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: coaching-kiosk \(command.joined(separator: " "))"))
    }
}
