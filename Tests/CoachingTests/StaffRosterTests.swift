import Coaching
import Foundation
import Testing

/// Where a roster problem was found: the line a row starts on and the column.
private struct Spot: Hashable, CustomStringConvertible {
    var line: Int
    var column: String?

    init(_ line: Int, _ column: String? = nil) {
        self.line = line
        self.column = column
    }

    var description: String { "line \(line)" + (column.map { ", column \($0)" } ?? "") }
}

private func roster(_ text: String) throws(StaffRosterError) -> StaffRoster {
    try StaffRoster(csv: Data(text.utf8), file: "staff.csv")
}

private func spots(_ error: StaffRosterError) -> [Spot] {
    error.problems.map { Spot($0.line, $0.column) }
}

/// The refusal of a file, or a recorded issue if it was accepted.
private func refusal(
    _ data: Data, sourceLocation: SourceLocation = #_sourceLocation
) throws -> StaffRosterError {
    try #require(throws: StaffRosterError.self, sourceLocation: sourceLocation) {
        try StaffRoster(csv: data, file: "staff.csv")
    }
}

private func refusal(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> StaffRosterError {
    try refusal(Data(text.utf8), sourceLocation: sourceLocation)
}

/// Names from a Welsh, Irish and English staffroom, as the MIS exports them.
private let awkwardNames = [
    "Niamh O'Brien", "Siân Jones", "Zoë Ellis", "Ŵyn Ó Súilleabháin", "Dafydd ap Gruffydd",
]

private let awkwardRows = [
    "code,name,subject,roles",
    "OBR,Niamh O'Brien,English,coach",
    "SJ,Siân Jones,Welsh,lead-coach;coach",
    "ZOE,Zoë Ellis,Science,",
    "WOS,Ŵyn Ó Súilleabháin,Music,impact-lead",
    "DAP,Dafydd ap Gruffydd,History,head",
]

/// The same rows as files are really saved: BOMs, CRLF, blank lines.
private let awkwardFiles: [(name: String, text: String)] = [
    ("LF", awkwardRows.joined(separator: "\n") + "\n"),
    ("LF without a final line end", awkwardRows.joined(separator: "\n")),
    ("CRLF", awkwardRows.joined(separator: "\r\n") + "\r\n"),
    ("CR (old Mac)", awkwardRows.joined(separator: "\r") + "\r"),
    ("BOM and LF", "\u{FEFF}" + awkwardRows.joined(separator: "\n") + "\n"),
    ("BOM and CRLF (Excel's CSV UTF-8)", "\u{FEFF}" + awkwardRows.joined(separator: "\r\n")),
    (
        "blank lines between rows and at the end",
        awkwardRows.joined(separator: "\n\n") + "\n\n  \n\n"
    ),
    (
        "blank CRLF lines and lines of bare commas",
        awkwardRows.joined(separator: "\r\n\r\n,,,\r\n") + "\r\n\r\n"
    ),
]

@Suite("Importing the staff list from the MIS")
struct StaffRosterTests {
    @Test(
        "apostrophes, accents and Welsh letters come out exactly as written",
        arguments: awkwardFiles.map(\.name))
    func awkwardNamesComeOutIntact(fileName: String) throws {
        let text = try #require(awkwardFiles.first { $0.name == fileName }).text
        let members = try roster(text).members
        #expect(members.map(\.name) == awkwardNames)
        // Not only equal as Swift strings: the same scalars, nothing normalised.
        #expect(
            members.map { Array($0.name.unicodeScalars) }
                == awkwardNames.map { Array($0.unicodeScalars) })
        #expect(members.map(\.code.rawValue) == ["OBR", "SJ", "ZOE", "WOS", "DAP"])
        #expect(members.map(\.subject) == ["English", "Welsh", "Science", "Music", "History"])
        #expect(
            members.map(\.roles) == [[.coach], [.leadCoach, .coach], [], [.impactLead], [.head]])
        #expect(members.allSatisfy { $0.email == nil && $0.earlyCareerYear == nil && $0.isActive })
    }

    @Test("a name in decomposed Unicode keeps its combining accents")
    func decomposedNamesAreKeptAsTheyAre() throws {
        let name = "Sia\u{0302}n Zoe\u{0308} O\u{0301} Su\u{0301}illeabha\u{0301}in"
        let members = try roster("code,name,subject,roles\nSJ,\(name),Welsh,\n").members
        #expect(members.map { Array($0.name.unicodeScalars) } == [Array(name.unicodeScalars)])
    }

    @Test("the first name greets Siân by her name")
    func firstNameOfAWelshName() throws {
        let members = try roster(awkwardRows.joined(separator: "\n")).members
        #expect(members.map(\.firstName) == ["Niamh", "Siân", "Zoë", "Ŵyn", "Dafydd"])
    }

    @Test(
        "quoted commas, doubled quotes and a line break inside quotes are read as one field",
        arguments: ["\n", "\r\n"])
    func quotedFields(lineEnd: String) throws {
        let text =
            [
                "code,name,subject,roles",
                "MPR,\"Price, Maryann\",Maths,\"coach;lead-coach\"",
                "TW,\"Tabitha \"\"Tabby\"\" Wren\",English,",
                "GA,Graham André,\"Design and\(lineEnd)Technology\",coach",
                "RG,\"Ruth Gangonells\",\"\",\"\"",
            ].joined(separator: lineEnd) + lineEnd
        let members = try roster(text).members
        #expect(
            members.map(\.name)
                == ["Price, Maryann", "Tabitha \"Tabby\" Wren", "Graham André", "Ruth Gangonells"])
        #expect(members.map(\.subject) == ["Maths", "English", "Design and\nTechnology", ""])
        #expect(members.map(\.roles) == [[.coach, .leadCoach], [], [.coach], []])
    }

    @Test("columns may come in any order, in any case, with the optional email and ect_year")
    func shuffledColumnsAndOptionalOnes() throws {
        let text = [
            "Roles,NAME, ECT Year ,Code,Subject,EMAIL",
            "Lead Coach;Headteacher,Siân Jones,,sj,Welsh,sian.jones@school.example",
            ",Zoë Ellis,2,zoe,Science,",
            "lead_coach,\"O'Brien, Niamh\",1,OBR,English,  niamh@school.example  ",
        ].joined(separator: "\n")
        let members = try roster(text).members
        #expect(members.map(\.code.rawValue) == ["SJ", "ZOE", "OBR"])
        #expect(members.map(\.name) == ["Siân Jones", "Zoë Ellis", "O'Brien, Niamh"])
        #expect(members.map(\.subject) == ["Welsh", "Science", "English"])
        #expect(members.map(\.roles) == [[.leadCoach, .head], [], [.leadCoach]])
        #expect(members.map(\.email) == ["sian.jones@school.example", nil, "niamh@school.example"])
        #expect(members.map(\.earlyCareerYear) == [nil, 2, 1])
    }

    @Test("staff codes are kept in capitals, without the spaces around them")
    func codesInCapitals() throws {
        let members = try roster("code,name,subject,roles\n  jsm ,Jo Smith,Maths,\n").members
        #expect(members.map(\.code) == [StaffCode("JSM")])
    }

    @Test("every bad row is listed in one report, each with its line and column")
    func everyBadRowInOneReport() throws {
        let text = """
            code,name,subject,roles,email,ect_year
            JSM,Jo Smith,Maths,coach,,
            ,No Code,Maths,,,
            ABC,,Maths,,,
            DEF,Dee Eff,Maths,governor,,
            jsm,Jo Smith Again,Maths,,,
            BAD CODE!,Bad Code,Maths,,,
            GHI,Gee,Maths
            JKL,Jay,Maths,coach,,,extra
            MNO,Em,Maths,,not-an-address,
            PQR,Pee,Maths,,,3
            STU,Siân Tudur,Welsh,coach,,
            VWX,,Maths,wizard,,
            """
        let error = try refusal(text)
        #expect(
            spots(error) == [
                Spot(3, "code"), Spot(4, "name"), Spot(5, "roles"), Spot(6, "code"),
                Spot(7, "code"), Spot(8), Spot(9), Spot(10, "email"), Spot(11, "ect_year"),
                Spot(13, "name"), Spot(13, "roles"),
            ])
        let duplicate = try #require(error.problems.first { $0.line == 6 })
        #expect(duplicate.reason.contains("line 2"))
        let unknownRole = try #require(error.problems.first { $0.line == 5 })
        #expect(unknownRole.reason.contains("governor"))
        #expect(error.file == "staff.csv")
    }

    @Test("the report says nothing was imported and names the file and each line")
    func reportDescription() throws {
        let error = try refusal("code,name,subject,roles\nJSM,,Maths,\nABC,Ann,Art,wizard\n")
        let text = error.description
        #expect(text.hasPrefix("staff.csv: 2 problems; nothing was imported."))
        #expect(text.contains("staff.csv: line 2, column name: the name is missing"))
        #expect(text.contains("staff.csv: line 3, column roles: unknown role \"wizard\""))
    }

    @Test(
        "line numbers stay right after quoted line breaks, CRLF and blank lines",
        arguments: ["\n", "\r\n", "\r"])
    func lineNumbersCountPhysicalLines(lineEnd: String) throws {
        let lines = [
            "code,name,subject,roles",  // 1
            "GA,Graham André,\"Design and",  // 2
            "Technology\",coach",  // 3
            "",  // 4
            "BAD,Bea Dee,Maths,wizard",  // 5
            "CC,\"Cee, Sea\",\"Art",  // 6
            "and",  // 7
            "Craft\",",  // 8
            ",No Code,Maths,",  // 9
            "   ",  // 10
            "ZZ,Zed,\"\"\"Quoted\"\"",  // 11
            "Subject\",nobody",  // 12
        ]
        let error = try refusal(lines.joined(separator: lineEnd) + lineEnd)
        #expect(spots(error) == [Spot(5, "roles"), Spot(9, "code"), Spot(11, "roles")])
    }

    @Test("a name with a line break in it is refused on the line its row starts")
    func nameWithALineBreak() throws {
        let error = try refusal("code,name,subject,roles\nOBR,\"Niamh\nO'Brien\",English,\n")
        #expect(spots(error) == [Spot(2, "name")])
    }

    @Test(
        "a header without a required column is refused, naming the column",
        arguments: [
            ("code,name,roles", [Spot(1, "subject")]),
            ("name,subject", [Spot(1, "code"), Spot(1, "roles")]),
            ("Code,Subject,Roles,Email", [Spot(1, "name")]),
        ])
    fileprivate func missingRequiredColumn(header: String, expected: [Spot]) throws {
        let error = try refusal(header + "\nJSM,Jo Smith,Maths,coach\n")
        #expect(spots(error) == expected)
    }

    @Test("a header found after blank lines is reported on its own line")
    func headerAfterBlankLines() throws {
        let error = try refusal("\n\ncode,name,roles\nJSM,Jo Smith,coach\n")
        #expect(spots(error) == [Spot(3, "subject")])
    }

    @Test("an unknown column is refused by the name the file gives it")
    func unknownColumn() throws {
        let error = try refusal("code,name,subject,roles,Phone\nJSM,Jo Smith,Maths,,0123\n")
        #expect(spots(error) == [Spot(1, "Phone")])
    }

    @Test(
        "one bad field in a row is refused with its column",
        arguments: [
            ("JSM,,Maths,coach", "name"),
            ("JSM,Jo Smith,Maths,coach;governor", "roles"),
            ("JS M,Jo Smith,Maths,coach", "code"),
            ("JSMJSMJSMJSMJSMJSM,Jo Smith,Maths,coach", "code"),
            ("JSM£,Jo Smith,Maths,coach", "code"),
            (",Jo Smith,Maths,coach", "code"),
        ])
    func oneBadField(row: String, column: String) throws {
        let error = try refusal("code,name,subject,roles\n\(row)\n")
        #expect(spots(error) == [Spot(2, column)])
    }

    @Test("a duplicate code names the line it first appeared on, whatever its case")
    func duplicateCodeNamesTheEarlierLine() throws {
        let text =
            "code,name,subject,roles\r\njsm,Jo Smith,Maths,\r\n\r\nTW,Tabitha Wren,Art,\r\n"
            + "JSM,Jo Smyth,Maths,\r\n"
        let error = try refusal(text)
        #expect(spots(error) == [Spot(5, "code")])
        #expect(error.problems.first?.reason.contains("line 2") == true)
    }

    @Test("an unclosed quote is reported on the line where the quote opens")
    func unclosedQuote() throws {
        let text = "code,name,subject,roles\nAAA,Ann,Maths,\nBBB,\"Bea,Maths,\nCCC,Cee,Maths,\n"
        let error = try refusal(text)
        #expect(spots(error) == [Spot(3)])
        #expect(error.problems.first?.reason.contains("never closed") == true)
    }

    @Test("an unclosed quote does not hide the bad rows before it")
    func unclosedQuoteKeepsEarlierProblems() throws {
        let text = """
            code,name,subject,roles
            AAA,Ann,Maths,wizard
            BBB,,Maths,
            CCC,"Cee,Maths,
            DDD,Dee,Maths,
            """
        let error = try refusal(text)
        let found = Set(spots(error))
        #expect(found.contains(Spot(2, "roles")))
        #expect(found.contains(Spot(3, "name")))
        #expect(found.contains(Spot(4)))
        #expect(found.allSatisfy { $0.line >= 2 && $0.line <= 4 }, "\(found)")
    }

    @Test("a file that is not UTF-8 is refused on the line of the first bad byte")
    func notUTF8() throws {
        var data = Data("code,name,subject,roles\r\nJSM,Jo Smith,Maths,\r\nSIN,Sin".utf8)
        data.append(0xE9)  // é in Latin-1
        data.append(contentsOf: Array("ad Byrne,Irish,\r\nZOE,Zoë Ellis,Science,\r\n".utf8))
        let error = try refusal(data)
        #expect(spots(error) == [Spot(3)])
        #expect(error.problems.first?.reason.contains("UTF-8") == true)
    }

    @Test(
        "an empty file is refused",
        arguments: ["", "\u{FEFF}", "\n\n", "\r\n  \r\n", ",,,\n"])
    func emptyFile(text: String) throws {
        let error = try refusal(text)
        #expect(spots(error) == [Spot(1)])
        #expect(error.problems.first?.reason.contains("empty") == true)
    }

    @Test("a header with no staff rows is refused")
    func headerOnly() throws {
        let error = try refusal("code,name,subject,roles\r\n\r\n")
        #expect(spots(error) == [Spot(1)])
        #expect(error.problems.first?.reason.contains("no staff rows") == true)
    }

    @Test("roles are read however the MIS writes them")
    func rolesAsTyped() {
        #expect(Role(typed: "Lead Coach") == .leadCoach)
        #expect(Role(typed: "impact_lead") == .impactLead)
        #expect(Role(typed: " Headteacher ") == .head)
        #expect(Role(typed: "head-teacher") == .head)
        #expect(Role(typed: "OFFICE") == .office)
        #expect(Role(typed: "governor") == nil)
    }
}
