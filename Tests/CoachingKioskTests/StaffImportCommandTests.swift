import Foundation
import Testing

@Suite("staff import, as the office runs it")
struct StaffImportCommandTests {
    /// An MIS export at its most awkward: BOM, CRLF, quotes, accents, Welsh letters, blank lines.
    static let awkwardCSV: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("Code,Name,Subject,Roles,Email\r\n"
                + "SJO,Siân Jones,Maths,coach;lead-coach,sian.jones@example.org\r\n"
                + "\r\n"
                + "OBR,\"O'Brien, Zoë\",\"English, Drama\",,\r\n"
                + "WYN,Ŵyn Ó Súilleabháin,Welsh,coach,\r\n"
                + "DAP,\"Dafydd \"\"Dai\"\" ap Gruffydd\",Science,impact-lead,\r\n"
                + "\r\n").utf8)

    @Test("an awkward staff CSV imports with every name intact, and twice without duplicates")
    func awkwardTwice() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let csv = try kiosk.write("staff.csv", bytes: Self.awkwardCSV)
        let first = try kiosk.succeed(["staff", "import", csv])
        #expect(first.contains("4 added, 0 updated, 0 unchanged"))
        let second = try kiosk.succeed(["staff", "import", csv])
        #expect(second.contains("0 added, 0 updated, 4 unchanged"))
        let staff = try kiosk.rows(["staff", "list"])
        #expect(staff.count == 4)
        let names = Set(staff.compactMap { $0["name"] as? String })
        #expect(names == ["Siân Jones", "O'Brien, Zoë", "Ŵyn Ó Súilleabháin", "Dafydd \"Dai\" ap Gruffydd"])
        let sian = try #require(staff.first { $0["code"] as? String == "SJO" })
        #expect(sian["roles"] as? String == "coach;lead-coach")
        #expect(sian["subject"] as? String == "Maths")
        #expect(staff.first { $0["code"] as? String == "OBR" }?["subject"] as? String == "English, Drama")
        // CSV output quotes what needs quoting, so it reads back the same.
        let csvOut = try kiosk.succeed(["staff", "list", "--format", "csv"])
        #expect(csvOut.contains("\"O'Brien, Zoë\""))
        #expect(csvOut.contains("\"Dafydd \"\"Dai\"\" ap Gruffydd\""))
    }

    @Test("a CSV with bad rows is refused whole, with every bad line named")
    func badRowsRefused() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let csv = try kiosk.write(
            "bad.csv",
            """
            code,name,subject,roles
            AAA,Alys Evans,Maths,
            BBB,,Science,
            CCC,Carys Lewis,English,caretaker
            AAA,Another Alys,Art,
            DDD,Deio Hughes,PE,coach

            """)
        let result = try kiosk.run(["staff", "import", csv])
        #expect(result.status != 0)
        #expect(result.errors.contains("3 problems; nothing was imported"))
        #expect(result.errors.contains("line 3, column name: the name is missing"))
        #expect(result.errors.contains("line 4, column roles: unknown role \"caretaker\""))
        #expect(result.errors.contains("line 5, column code: AAA is already on line 2"))
        #expect(!result.errors.contains("line 2,") && !result.errors.contains("line 6,"))
        let listed = try kiosk.succeed(["staff", "list"])
        #expect(listed.contains("No staff yet"), "nothing of a refused file is written")
    }

    @Test("a missing column and a file that is not there are reported plainly")
    func missingColumnAndFile() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let csv = try kiosk.write("nocol.csv", "code,name,roles\nAAA,Alys Evans,\n")
        let result = try kiosk.run(["staff", "import", csv])
        #expect(result.status != 0)
        #expect(result.errors.contains("line 1, column subject: the header has no \"subject\" column"))
        let missing = try kiosk.run(["staff", "import", kiosk.file("nowhere.csv")])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("Cannot read"))
    }

    @Test("a PIN is read from standard input, never the command line, and is not stored as itself")
    func setPIN() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        let csv = try kiosk.write("staff.csv", bytes: Self.awkwardCSV)
        _ = try kiosk.succeed(["staff", "import", csv])
        let output = try kiosk.succeed(["staff", "set-pin", "sjo"], input: "583920\n")
        #expect(output.contains("PIN set for SJO"))
        let weak = try kiosk.run(["staff", "set-pin", "SJO"], input: "12\n")
        #expect(weak.status != 0 && weak.errors.contains("4 to 12 digits"))
        let extra = try kiosk.run(["staff", "set-pin", "SJO", "583920"])
        #expect(extra.status != 0, "a PIN on the command line is refused")
        let export = try kiosk.succeed(["export", "--staff", "SJO"])
        #expect(!export.contains("583920") && !export.contains("scrypt"))
        #expect(export.contains("\"hasPIN\" : true"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: kiosk.database))
        #expect(bytes.range(of: Data("583920".utf8)) == nil)
    }

    @Test("deactivating someone hides them from the list and starts retention")
    func deactivate() throws {
        let kiosk = try KioskProgram()
        defer { kiosk.remove() }
        _ = try kiosk.succeed(["staff", "import", try kiosk.write("staff.csv", bytes: Self.awkwardCSV)])
        let output = try kiosk.succeed(["staff", "deactivate", "WYN", "--on", "20/07/2026"])
        #expect(output.contains("WYN deactivated as of 20/07/2026"))
        #expect(try kiosk.rows(["staff", "list"]).count == 3)
        let all = try kiosk.rows(["staff", "list", "--all"])
        #expect(all.first { $0["code"] as? String == "WYN" }?["left_on"] as? String == "2026-07-20")
    }
}
