/// Where a print goes: the system's default queue, a named CUPS queue, an
/// IPP printer's URI, or a folder the PDF is saved in.
///
/// Written as text in `--printer` and the configuration's `printer:` key:
/// `default`, a queue name such as `staffroom`, `ipp://10.0.0.20/ipp/print`,
/// or `dir:/var/spool/coaching-kiosk`.
public enum PrintDestination: Sendable, Hashable {
    case systemDefault
    case queue(String)
    case uri(String)
    case folder(String)

    static let uriSchemes = ["ipp", "ipps", "http", "https"]
    static let folderPrefix = "dir:"
    static let longestQueueName = 127
    static let forbiddenInQueueNames: Set<Unicode.Scalar> = ["/", "\\", "#", "?", "'", "\""]

    /// Reads what the technician typed.
    public init(parsing text: String) throws(PrintError) {
        let text = text.trimmingWhitespace
        if text.isEmpty || text.lowercased() == "default" {
            self = .systemDefault
            return
        }
        if text.lowercased().hasPrefix(Self.folderPrefix) {
            let path = String(text.dropFirst(Self.folderPrefix.count))
            guard !path.isEmpty else {
                throw Self.refusal(text, "type a folder after dir:, like dir:/var/spool/coaching-kiosk")
            }
            self = .folder(path)
            return
        }
        if let schemeEnd = text.firstRange(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard Self.uriSchemes.contains(scheme) else {
                throw Self.refusal(
                    text, "a printer's address starts with ipp://, ipps:// or http://, like ipp://10.0.0.20/ipp/print")
            }
            let host = text[schemeEnd.upperBound...].prefix { $0 != "/" }
            guard !host.isEmpty, !text.contains(where: \.isWhitespace) else {
                throw Self.refusal(text, "type the printer's address in full, like ipp://10.0.0.20/ipp/print")
            }
            self = .uri(text)
            return
        }
        try Self.checkQueueName(text)
        self = .queue(text)
    }

    private static func checkQueueName(_ name: String) throws(PrintError) {
        let advice =
            "a CUPS queue name has no spaces, slashes, quotes, ? or # (see `lpstat -p`); "
            + "or type default, ipp://ADDRESS or dir:FOLDER"
        if name.utf8.count > longestQueueName {
            throw refusal(name, "a CUPS queue name is at most \(longestQueueName) characters")
        }
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
                || forbiddenInQueueNames.contains(scalar)
            {
                throw refusal(name, advice)
            }
        }
    }

    private static func refusal(_ text: String, _ advice: String) -> PrintError {
        PrintError("The printer \"\(text)\" cannot be used: \(advice).", isTemporary: false)
    }
}

extension PrintDestination: CustomStringConvertible {
    /// The text form that `init(parsing:)` reads back.
    public var description: String {
        switch self {
        case .systemDefault: "default"
        case .queue(let name): name
        case .uri(let uri): uri
        case .folder(let path): Self.folderPrefix + path
        }
    }
}

extension PrintDestination: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PrintDestination(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
