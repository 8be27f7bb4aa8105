import Foundation

/// Text with `{{placeholders}}`, read from a layout file.
public struct Template: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    public var parts: [Part]

    /// The names the template uses, in order.
    public var names: [String] {
        parts.compactMap {
            if case let .placeholder(name) = $0 { name } else { nil }
        }
    }

    public var isEmpty: Bool { parts.isEmpty }

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Parses `text`; an unclosed `{{` or an empty name is a problem, said
    /// as the reason to show the technician.
    public static func parse(_ text: String) -> Result<Template, TemplateProblem> {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(TemplateProblem(reason: "\"{{\" is not closed by \"}}\""))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                return .failure(
                    TemplateProblem(reason: "\"{{\(name)}}\" is not a placeholder name (letters, digits, _ and .)"))
            }
            parts.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return .success(Template(parts: parts))
    }

    /// The text with each placeholder replaced by `lookup(name)`.
    public func fill(_ lookup: (String) -> String?) -> String {
        parts.map {
            switch $0 {
            case let .text(text): text
            case let .placeholder(name): lookup(name) ?? ""
            }
        }.joined()
    }
}

/// Why a template cannot be read.
public struct TemplateProblem: Error, Sendable, Equatable {
    public var reason: String
}
