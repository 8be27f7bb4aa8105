import Foundation
import Testing

@Suite("report and generate, as the technician runs them")
struct ReportCommandTests {
    /// Reads CSV as RFC 4180 writes it: quoted fields with commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }

    @Test("every report the command line may run comes out as JSON that parses, with the table's figures")
    func json() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        for (kind, levels) in [
            ("goals", ["subject", "school"]), ("cycles", ["subject", "school"]), ("impact", ["subject", "school"]),
            ("cpd", ["school"]),
        ] {
            for level in levels {
                let rows = try kiosk.rows(["report", kind, "--level", level])
                // School levels have a row per priority or term, or every cycle, even when the counts are 0.
                #expect(level == "subject" || !rows.isEmpty, "\(kind) \(level)")
                #expect(rows.allSatisfy { $0["flag"] != nil }, "\(kind) \(level)")
            }
        }
        let goals = try kiosk.rows(["report", "goals"])
        let total = try #require(goals.first { $0["priority"] as? String == "All priorities" })
        let table = try kiosk.succeed(["report", "goals"])
        #expect(table.hasPrefix("Coaching goals by school priority\n"))
        if let count = total["goals"] as? Int {
            #expect(table.contains("All priorities"))
            #expect(count >= 3)
        } else {
            #expect(total["goals"] as? String == "fewer than 3")
        }
        let cycles = try kiosk.rows(["report", "cycles"])
        let demoCycles = try kiosk.rows(["cycle", "list"])
        #expect(
            Set(cycles.compactMap { $0["cycle"] as? Int }).isSubset(of: Set(demoCycles.compactMap { $0["id"] as? Int }))
        )
        #expect(cycles.allSatisfy { $0["stage"] is String && $0["days_in_stage"] is Int })
    }

    @Test("CSV quotes fields with commas and quotes, so every record reads back with the header's fields")
    func csv() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let staff = try kiosk.write(
            "staff.csv",
            """
            code,name,subject,roles
            OBR,"O'Brien, Zoë","English, Drama",
            DAP,"Dafydd ""Dai"" ap Gruffydd",Science,coach
            SJO,Siân Jones,Maths,lead-coach

            """)
        _ = try kiosk.succeed(["staff", "import", staff])
        _ = try kiosk.succeed(["priority", "add", "P1", "Oracy"])
        _ = try kiosk.succeed([
            "cycle", "start", "--coachee", "OBR", "--coach", "DAP", "--observer", "SJO", "--priority", "P1",
        ])
        let output = try kiosk.succeed(["report", "cycles", "--format", "csv"])
        #expect(output.contains("\"OBR O'Brien, Zoë\""))
        #expect(output.contains("\"DAP Dafydd \"\"Dai\"\" ap Gruffydd\""))
        #expect(output.contains("\"English, Drama\""))
        let records = Self.parseCSV(output)
        let header = try #require(records.first)
        #expect(header.first == "cycle" && header.last == "flag")
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.count == header.count })
        #expect(records.last?[header.firstIndex(of: "coachee") ?? 0] == "OBR O'Brien, Zoë")
    }

    @Test("what the command line may not read, or cannot, is refused saying what to do")
    func refusals() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        let individual = try kiosk.run(["report", "goals", "--level", "individual"])
        #expect(individual.status != 0 && individual.errors.contains("--level subject"))
        let cpd = try kiosk.run(["report", "cpd", "--level", "subject"])
        #expect(cpd.status != 0 && cpd.errors.contains("no subject level"))
        let backwards = try kiosk.run(["report", "cycles", "--from", "2026-11-01", "--to", "2026-10-01"])
        #expect(backwards.status != 0 && backwards.errors.contains("before it starts"))
        let cadence = try kiosk.run(["report", "cycles", "--session-cadence", "0"])
        #expect(cadence.status != 0 && cadence.errors.contains("1 to 60"))
        let nobody = try kiosk.run(["report", "cycles", "--level", "individual", "--staff", "NOBODY"])
        #expect(nobody.status != 0 && nobody.errors.contains("staff list"))
        let unknown = try kiosk.run(["report", "targets"])
        #expect(unknown.status != 0)
    }

    @Test("the cadence comes from the configuration, and a flag wins")
    func cadence() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["demo"])
        let config = try kiosk.write("config.yaml", "session_cadence: 14\n")
        let fromFile = try kiosk.succeed(["report", "cycles", "--config", config])
        #expect(fromFile.contains("Sessions are expected every 14 days"))
        let fromFlag = try kiosk.succeed(["report", "cycles", "--config", config, "--session-cadence", "3"])
        #expect(fromFlag.contains("Sessions are expected every 3 days"))
        #expect(try kiosk.succeed(["config", "show"]).contains("session_cadence: 7"))
    }

    @Test("generate makes the staff, cycles and sessions asked for, and never writes over a database")
    func generate() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let output = try kiosk.succeed([
            "generate", "--staff", "60", "--cycles", "120", "--sessions", "400", "--seed", "7",
        ])
        #expect(output.contains("60 staff, 8 priorities, 120 cycles, "))
        #expect(output.contains(" 400 sessions, "))
        #expect(try kiosk.rows(["staff", "list"]).count == 60)
        #expect(try kiosk.rows(["cycle", "list"]).count == 120)
        #expect(!(try kiosk.rows(["report", "cycles"])).isEmpty)
        let again = try kiosk.run(["generate", "--staff", "60"])
        #expect(again.status != 0 && again.errors.contains("already exists"))
        let tooFew = try kiosk.run(["generate", "--staff", "3", "--database", kiosk.file("small.sqlite")])
        #expect(tooFew.status != 0 && tooFew.errors.contains("--staff 10"))
    }
}
