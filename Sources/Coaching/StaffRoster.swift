import Foundation

/// One reason a staff CSV was refused: where, and what is wrong.
public struct RosterProblem: Hashable, Sendable, CustomStringConvertible {
    /// The line of the file the row starts on (the header is line 1).
    public var line: Int
    /// The column's header name, or nil for a problem with the whole row.
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        if let column { "line \(line), column \(column): \(reason)" } else { "line \(line): \(reason)" }
    }
}

/// A staff CSV that was refused whole: every bad row is listed.
public struct StaffRosterError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [RosterProblem]

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(file): \(count); nothing was imported. Correct the file and import it again.\n"
            + problems.map { "  \(file): \($0)" }.joined(separator: "\n")
    }
}

/// The staff list a school exports from its MIS, read from CSV.
///
/// Columns (any order, any case): `code`, `name`, `subject`, `roles`
/// (separated by `;`), and optionally `email` and `ect_year` (1 or 2 for
/// an early-career teacher). UTF-8 with or without a byte-order mark, LF or
/// CRLF line ends, RFC 4180 quoting; blank lines are skipped.
public struct StaffRoster: Sendable {
    public var members: [StaffMember]

    static let requiredColumns = ["code", "name", "subject", "roles"]
    static let optionalColumns = ["email", "ect_year"]

    /// Reads a roster, or throws every problem in the file at once.
    public init(csv data: Data, file: String) throws(StaffRosterError) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw StaffRosterError(
                file: file,
                problems: [
                    RosterProblem(
                        line: Self.firstInvalidUTF8Line(data), column: nil,
                        reason: "not UTF-8 text; save the file as \"CSV UTF-8\" and try again")
                ])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let (rows, csvProblems) = CSVRows.parse(text)
        var problems = csvProblems
        guard let header = rows.first(where: { !$0.isBlank }) else {
            throw StaffRosterError(
                file: file, problems: [RosterProblem(line: 1, column: nil, reason: "the file is empty")])
        }
        let names = header.fields.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
        }
        for required in Self.requiredColumns where !names.contains(required) {
            problems.append(
                RosterProblem(
                    line: header.line, column: required,
                    reason:
                        "the header has no \"\(required)\" column; the header must name code, name, subject and roles"))
        }
        for (i, name) in names.enumerated() where !(Self.requiredColumns + Self.optionalColumns).contains(name) {
            problems.append(
                RosterProblem(
                    line: header.line, column: header.fields[i],
                    reason: "unknown column; the columns are code, name, subject, roles, email, ect_year"))
        }
        if names.contains(where: { !(Self.requiredColumns + Self.optionalColumns).contains($0) })
            || Self.requiredColumns.contains(where: { !names.contains($0) })
        {
            throw StaffRosterError(file: file, problems: problems.sorted { $0.line < $1.line })
        }

        var members: [StaffMember] = []
        var firstLineOfCode: [StaffCode: Int] = [:]
        let linesWithBrokenQuotes = Set(csvProblems.map(\.line))
        for row in rows where row.line > header.line && !row.isBlank && !linesWithBrokenQuotes.contains(row.line) {
            guard row.fields.count == names.count else {
                problems.append(
                    RosterProblem(
                        line: row.line, column: nil,
                        reason:
                            "\(row.fields.count) fields where the header has \(names.count); check for a stray comma or an unclosed quote"
                    ))
                continue
            }
            var field: [String: String] = [:]
            for (name, value) in zip(names, row.fields) {
                field[name] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let before = problems.count
            func problem(_ column: String, _ reason: String) {
                problems.append(RosterProblem(line: row.line, column: column, reason: reason))
            }
            let code = StaffCode(field["code"] ?? "")
            if field["code", default: ""].isEmpty {
                problem("code", "the staff code is missing")
            } else if code == nil {
                problem("code", "\"\(field["code"] ?? "")\" is not a staff code: use up to 16 letters, digits, - or _")
            } else if let code, let earlier = firstLineOfCode[code] {
                problem("code", "\(code) is already on line \(earlier); each code may appear once")
            }
            let name = field["name", default: ""]
            if name.isEmpty { problem("name", "the name is missing") }
            if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problem("name", "the name holds a control character")
            }
            var roles: Set<Role> = []
            for part in field["roles", default: ""].split(separator: ";") {
                let typed = part.trimmingCharacters(in: .whitespaces)
                if typed.isEmpty { continue }
                if let role = Role(typed: typed) {
                    roles.insert(role)
                } else {
                    problem(
                        "roles",
                        "unknown role \"\(typed)\"; roles are "
                            + Role.allCases.map(\.rawValue).joined(separator: ", ") + ", separated by ;")
                }
            }
            var ectYear: Int?
            if let typed = field["ect_year"], !typed.isEmpty {
                if let year = Int(typed), (1...2).contains(year) {
                    ectYear = year
                } else {
                    problem("ect_year", "\"\(typed)\" is not an early-career year; write 1, 2 or leave it empty")
                }
            }
            let email = field["email"].flatMap { $0.isEmpty ? nil : $0 }
            if let email, !email.contains("@") {
                problem("email", "\"\(email)\" is not an email address")
            }
            if let code, firstLineOfCode[code] == nil { firstLineOfCode[code] = row.line }
            if problems.count == before, let code {
                members.append(
                    StaffMember(
                        code: code, name: name, subject: field["subject", default: ""],
                        roles: roles, email: email, earlyCareerYear: ectYear))
            }
        }
        if members.isEmpty && problems.isEmpty {
            problems.append(
                RosterProblem(line: header.line, column: nil, reason: "the file has a header but no staff rows"))
        }
        guard problems.isEmpty else {
            throw StaffRosterError(file: file, problems: problems.sorted { $0.line < $1.line })
        }
        self.members = members
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for i in data.indices where data[i] == 0x0A {
            if String(data: data[start..<i], encoding: .utf8) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}

/// RFC 4180 rows with the line each starts on.
enum CSVRows {
    struct Row {
        var line: Int
        var fields: [String]
        var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    static func parse(_ text: String) -> ([Row], [RosterProblem]) {
        var rows: [Row] = []
        var problems: [RosterProblem] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quoteOpenedOn = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRow() {
            endField()
            rows.append(Row(line: rowLine, fields: fields))
            fields = []
        }
        while let c = pending {
            pending = scalars.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    if c == "\r" && pending == "\n" { continue }
                    field.append(c == "\r" ? "\n" : c)
                    if c == "\r" { line += 1 }
                }
                continue
            }
            switch c {
            case "\"":
                if field.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    field = String.UnicodeScalarView()
                    inQuotes = true
                    quoteOpenedOn = line
                } else {
                    field.append(c)
                }
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r" && pending == "\n" { pending = scalars.next() }
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            problems.append(
                RosterProblem(
                    line: quoteOpenedOn, column: nil,
                    reason: "a quoted field is never closed; add the closing \""))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return (rows, problems)
    }
}
