import ArgumentParser
import Foundation

/// How a list command prints: a table for people, JSON or CSV for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// One value of a listed row.
enum Cell: Equatable {
    case text(String)
    case number(Double)
    case none

    var shown: String {
        switch self {
        case let .text(text): text
        case let .number(number):
            number == number.rounded() ? String(Int(number)) : String(format: "%g", number)
        case .none: ""
        }
    }

    var json: String {
        switch self {
        case let .text(text): Listing.jsonString(text)
        case let .number(number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .none: "null"
        }
    }
}

/// Rows with named columns, printed in any `OutputFormat`.
struct Listing {
    /// Column keys (used in JSON and CSV headers) and their table headings.
    var columns: [(key: String, heading: String)]
    var rows: [[Cell]] = []
    /// Said when there are no rows, in table format.
    var whenEmpty = "Nothing to list."

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table
        case .json: json
        case .csv: csv
        }
    }

    var table: String {
        guard !rows.isEmpty else { return whenEmpty + "\n" }
        let shown = rows.map { $0.map { Self.oneLine($0.shown) } }
        var widths = columns.map { $0.heading.count }
        for row in shown {
            for (i, value) in row.enumerated() { widths[i] = max(widths[i], value.count) }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = line(columns.map(\.heading))
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in shown { out += line(row) }
        return out
    }

    /// An array of objects whose keys keep the column order.
    var json: String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { row in
            "  {\n"
                + zip(columns, row).map { "    \(Self.jsonString($0.key)) : \($1.json)" }
                .joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    var csv: String {
        var out = columns.map { Self.csvField($0.key) }.joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { Self.csvField($0.shown) }.joined(separator: ",") + "\r\n" }
        return out
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Control characters (a newline in a focus, an escape) never reach the terminal.
    static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? " " : $0
                }))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
