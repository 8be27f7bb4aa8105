import Coaching
import Foundation
import Yams

/// Where the kiosk sends printed sheets: the CUPS default queue, a named
/// queue, an IPP printer's address, or a folder the PDFs are saved in.
///
/// Written as text in `--printer` and the configuration's `printer:` key:
/// `default`, a queue name such as `staffroom`, `ipp://10.0.0.20/ipp/print`,
/// or `dir:/var/spool/coaching-kiosk`.
public enum PrinterTarget: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The CUPS system default queue.
    case systemDefault
    /// A named CUPS queue.
    case queue(String)
    /// An IPP printer reached directly, with no cupsd (`ipp://`, `ipps://`, `http://`, `https://`).
    case ipp(String)
    /// Save PDFs in this folder instead (a school with no printer yet).
    case directory(String)

    static let uriSchemes = ["ipp", "ipps", "http", "https"]
    static let folderPrefix = "dir:"
    static let longestQueueName = 127
    static let forbiddenInQueueNames: Set<Unicode.Scalar> = ["/", "\\", "#", "?", "'", "\""]

    /// Reads what the technician typed, or says what to type instead.
    public init(parsing typed: String) throws(PrinterTargetError) {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.lowercased() == "default" {
            self = .systemDefault
            return
        }
        if text.lowercased().hasPrefix(Self.folderPrefix) {
            let path = String(text.dropFirst(Self.folderPrefix.count))
            guard !path.isEmpty else {
                throw PrinterTargetError(
                    text: text, advice: "type a folder after dir:, like dir:/var/spool/coaching-kiosk")
            }
            self = .directory(path)
            return
        }
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard Self.uriSchemes.contains(scheme) else {
                throw PrinterTargetError(
                    text: text,
                    advice: "a printer's address starts with ipp://, ipps:// or http://, like ipp://10.0.0.20/ipp/print"
                )
            }
            let host = text[schemeEnd.upperBound...].prefix { $0 != "/" }
            guard !host.isEmpty, !text.contains(where: \.isWhitespace) else {
                throw PrinterTargetError(
                    text: text, advice: "type the printer's address in full, like ipp://10.0.0.20/ipp/print")
            }
            self = .ipp(text)
            return
        }
        if text.utf8.count > Self.longestQueueName {
            throw PrinterTargetError(
                text: text, advice: "a CUPS queue name is at most \(Self.longestQueueName) characters")
        }
        for scalar in text.unicodeScalars
        where scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            || Self.forbiddenInQueueNames.contains(scalar)
        {
            throw PrinterTargetError(
                text: text,
                advice: "a CUPS queue name has no spaces, slashes, quotes, ? or # (see `lpstat -p`); "
                    + "or type default, ipp://ADDRESS or dir:FOLDER")
        }
        self = .queue(text)
    }

    /// The target, or nil when `text` is not one.
    public init?(_ text: String) {
        guard let target = try? PrinterTarget(parsing: text) else { return nil }
        self = target
    }

    /// The text form that `init(parsing:)` reads back.
    public var description: String {
        switch self {
        case .systemDefault: "default"
        case let .queue(name): name
        case let .ipp(uri): uri
        case let .directory(path): Self.folderPrefix + path
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try PrinterTarget(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A printer the kiosk cannot use as typed, and what to type instead.
public struct PrinterTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var advice: String

    public var description: String { "The printer \"\(text)\" cannot be used: \(advice)." }
}

/// A serial line a terminal is wired to: `/dev/ttyUSB0:9600`.
public struct SerialLine: Sendable, Equatable, CustomStringConvertible {
    public var device: String
    public var baud: Int

    public static let baudRates = [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200]

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let device = parts.first, device.hasPrefix("/") else { return nil }
        self.device = device
        if parts.count == 2 {
            guard let baud = Int(parts[1]), Self.baudRates.contains(baud) else { return nil }
            self.baud = baud
        } else {
            baud = 9600
        }
    }

    public var description: String { "\(device):\(baud)" }
}

/// A telnet listener: `127.0.0.1:2323`, `[::1]:2323`, `0.0.0.0:23`.
public struct Listener: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Everything a school may set: from the configuration file, then flags.
public struct KioskSettings: Sendable, Equatable {
    public var schoolName = "Our School"
    public var database = "./coaching.sqlite"
    public var telnet: [Listener] = [Listener("127.0.0.1:2323")].compactMap { $0 }
    public var serial: [SerialLine] = []
    public var printer = PrinterTarget.systemDefault
    /// No table, chart or cell describes fewer people than this.
    public var suppressionThreshold = 3
    public var retention = RetentionRule()
    /// Seconds without a key before a session is logged out.
    public var idleTimeout = 300
    /// Seconds before a print that could not be sent is tried again; the
    /// wait doubles with each attempt, up to ten minutes.
    public var printRetry = 15
    /// Days expected between a cycle's coaching sessions: a cycle with none
    /// for this long is "due soon", for three times this long "overdue".
    public var sessionCadence = 7
    /// Folders of the proforma and sheet definitions.
    public var forms = "forms"
    public var layouts = "layouts"

    public init() {}

    /// The file read when no `--config` is given, if it exists.
    public static let systemFile = "/etc/coaching-kiosk/config.yaml"

    /// Every key the file may hold, with what it takes.
    public static let keys: [(key: String, takes: String)] = [
        ("school_name", "the school's name, printed on every sheet"),
        ("database", "path of the SQLite file"),
        ("telnet", "listeners, HOST:PORT, one or a list"),
        ("serial", "serial lines, /dev/ttyX[:BAUD], one or a list"),
        ("printer", "a CUPS queue name, an ipp:// URI, dir:PATH, or default"),
        ("suppression_threshold", "smallest group shown in a report (2 or more)"),
        ("retention.years_after_leaving", "years to keep a person's records after they leave"),
        ("retention.years_after_cycle_closed", "years to keep a closed cycle"),
        ("idle_timeout", "seconds, or 5m / 1h, before an idle session is logged out"),
        ("print_retry", "seconds, or 1m, before a print that could not be sent is tried again (doubling)"),
        ("session_cadence", "days expected between a cycle's coaching sessions (1 to 60)"),
        ("forms", "folder of proforma definitions"),
        ("layouts", "folder of printed sheet definitions"),
    ]

    /// Reads a configuration file over the defaults. An unknown key or a
    /// bad value is an error naming the file, line and key.
    public static func load(file path: String) throws(YAMLFileError) -> KioskSettings {
        let yaml = try YAMLFile(path: path)
        var settings = KioskSettings()
        try settings.apply(yaml)
        return settings
    }

    /// Reads settings from YAML text (for tests and `config check`).
    public static func parse(_ text: String, file: String) throws(YAMLFileError) -> KioskSettings {
        var settings = KioskSettings()
        try settings.apply(YAMLFile(text: text, file: file))
        return settings
    }

    mutating func apply(_ yaml: YAMLFile) throws(YAMLFileError) {
        for (key, value, keyLine) in try yaml.mapping() {
            func text() throws(YAMLFileError) -> String {
                guard value.scalar != nil, let string = value.string else {
                    throw yaml.error(at: value, key: key, "should be a single value")
                }
                return string
            }
            /// The items with their own nodes, so a bad one is named at its own line.
            func list() throws(YAMLFileError) -> [(text: String, node: Node)] {
                if value.scalar != nil { return [(try text(), value)] }
                guard let sequence = value.sequence else {
                    throw yaml.error(at: value, key: key, "should be a value or a list of values")
                }
                var items: [(text: String, node: Node)] = []
                for item in sequence {
                    guard item.scalar != nil, let string = item.string else {
                        throw yaml.error(at: item, key: key, "each item should be a single value")
                    }
                    items.append((string, item))
                }
                return items
            }
            func integer(_ range: ClosedRange<Int>, _ what: String) throws(YAMLFileError) -> Int {
                guard let number = Int(try text()), range.contains(number) else {
                    throw yaml.error(at: value, key: key, "should be \(what)")
                }
                return number
            }
            switch key {
            case "school_name":
                schoolName = try text()
                if schoolName.isEmpty { throw yaml.error(at: value, key: key, "should not be empty") }
            case "database":
                database = try text()
            case "telnet":
                telnet = []
                for (item, node) in try list() {
                    guard let listener = Listener(item) else {
                        throw yaml.error(at: node, key: key, "\"\(item)\" should be HOST:PORT, e.g. 127.0.0.1:2323")
                    }
                    telnet.append(listener)
                }
            case "serial":
                serial = []
                for (item, node) in try list() {
                    guard let line = SerialLine(item) else {
                        throw yaml.error(
                            at: node, key: key,
                            "\"\(item)\" should be /dev/ttyX or /dev/ttyX:BAUD with BAUD one of "
                                + SerialLine.baudRates.map(String.init).joined(separator: ", "))
                    }
                    serial.append(line)
                }
            case "printer":
                let typed = try text()
                do throws(PrinterTargetError) { printer = try PrinterTarget(parsing: typed) } catch {
                    throw yaml.error(at: value, key: key, error.advice)
                }
            case "suppression_threshold":
                suppressionThreshold = try integer(2...100, "a whole number from 2 to 100")
            case "retention":
                for (inner, innerValue, innerLine) in try yaml.mapping(value, key: key) {
                    let path = "retention.\(inner)"
                    guard ["years_after_leaving", "years_after_cycle_closed"].contains(inner) else {
                        throw YAMLFileError(
                            file: yaml.file, line: innerLine ?? innerValue.mark?.line, key: path,
                            reason: "unknown key; retention takes years_after_leaving and years_after_cycle_closed")
                    }
                    guard innerValue.scalar != nil, let years = Int(innerValue.string ?? ""), (1...100).contains(years)
                    else {
                        throw yaml.error(at: innerValue, key: path, "should be a number of years from 1 to 100")
                    }
                    if inner == "years_after_leaving" {
                        retention.yearsAfterLeaving = years
                    } else {
                        retention.yearsAfterCycleClosed = years
                    }
                }
            case "idle_timeout":
                guard let seconds = Self.seconds(try text()), (30...86_400).contains(seconds) else {
                    throw yaml.error(at: value, key: key, "should be seconds (30 to 86400) or like 5m or 1h")
                }
                idleTimeout = seconds
            case "print_retry":
                guard let seconds = Self.seconds(try text()), (1...3_600).contains(seconds) else {
                    throw yaml.error(at: value, key: key, "should be seconds (1 to 3600) or like 1m")
                }
                printRetry = seconds
            case "session_cadence":
                sessionCadence = try integer(1...60, "a number of days from 1 to 60")
            case "forms":
                forms = try text()
            case "layouts":
                layouts = try text()
            default:
                throw YAMLFileError(
                    file: yaml.file, line: keyLine ?? value.mark?.line, key: key,
                    reason:
                        "unknown key; the keys are "
                        + Self.keys.map { $0.key.split(separator: ".")[0] }
                        .reduce(into: [String]()) { if !$0.contains(String($1)) { $0.append(String($1)) } }
                        .joined(separator: ", "))
            }
        }
    }

    /// `300`, `300s`, `5m`, `1h` → seconds.
    public static func seconds(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last else { return nil }
        switch unit {
        case "s": return Int(text.dropLast())
        case "m": return Int(text.dropLast()).map { $0 * 60 }
        case "h": return Int(text.dropLast()).map { $0 * 3600 }
        default: return Int(text)
        }
    }

    /// The settings as YAML, in the file's own keys.
    public var yaml: String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
        return """
            school_name: \(quoted(schoolName))
            database: \(quoted(database))
            telnet: \(list(telnet.map(\.description)))
            serial: \(list(serial.map(\.description)))
            printer: \(quoted(printer.description))
            suppression_threshold: \(suppressionThreshold)
            retention:
              years_after_leaving: \(retention.yearsAfterLeaving)
              years_after_cycle_closed: \(retention.yearsAfterCycleClosed)
            idle_timeout: \(idleTimeout)
            print_retry: \(printRetry)
            session_cadence: \(sessionCadence)
            forms: \(quoted(forms))
            layouts: \(quoted(layouts))

            """
    }
}
