import Foundation
import Yams

/// A problem in a YAML file the school edits (configuration, forms,
/// layouts), named by file, line and key so it can be found and mended.
public struct YAMLFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var reason: String

    public init(file: String, line: Int?, key: String?, reason: String) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let key { place += ": \(key)" }
        return "\(place): \(reason)"
    }
}

/// Reads a YAML file as a tree of nodes that remember their line.
public struct YAMLFile {
    public let file: String
    public let root: Node

    /// Parses `text`, reporting syntax errors with their line.
    public init(text: String, file: String) throws(YAMLFileError) {
        self.file = file
        do {
            guard let node = try Yams.compose(yaml: text) else {
                root = .mapping(Node.Mapping([]))
                return
            }
            root = node
        } catch let error as YamlError {
            throw Self.locate(error, file: file, text: text)
        } catch {
            throw YAMLFileError(file: file, line: nil, key: nil, reason: "\(error)")
        }
    }

    /// Reads and parses the file at `path`.
    public init(path: String) throws(YAMLFileError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw YAMLFileError(
                file: path, line: nil, key: nil,
                reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLFileError(file: path, line: nil, key: nil, reason: "is not UTF-8 text")
        }
        try self.init(text: text, file: path)
    }

    /// The root as a mapping of key → (value, line of the key).
    public func mapping(_ node: Node? = nil, key: String? = nil) throws(YAMLFileError) -> [(
        key: String, value: Node, line: Int?
    )] {
        let node = node ?? root
        guard let mapping = node.mapping else {
            throw error(at: node, key: key, "should be a set of `key: value` lines")
        }
        var seen: Set<String> = []
        var pairs: [(key: String, value: Node, line: Int?)] = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(at: keyNode, key: key, "a key must be text") }
            let full = key.map { "\($0).\(name)" } ?? name
            guard seen.insert(name).inserted else { throw error(at: keyNode, key: full, "appears twice") }
            pairs.append((name, value, keyNode.mark?.line))
        }
        return pairs
    }

    public func error(at node: Node?, key: String?, _ reason: String) -> YAMLFileError {
        YAMLFileError(file: file, line: node?.mark?.line, key: key, reason: reason)
    }

    static func locate(_ error: YamlError, file: String, text: String) -> YAMLFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            // An unclosed quote or bracket is found only at the end of the file; the
            // context says where it opened, which is where the mistake is.
            let line = problem.contains("end of stream") ? (context?.mark.line ?? mark.line) : mark.line
            return YAMLFileError(file: file, line: line, key: nil, reason: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let (line, path) = secondOccurrence(of: key, in: text) ?? (context.mark.line, key)
            return YAMLFileError(file: file, line: line, key: path, reason: "appears twice; keep one")
        default:
            return YAMLFileError(file: file, line: nil, key: nil, reason: "not valid YAML: \(error)")
        }
    }

    /// The line where `key` is given the second time, with its parent keys
    /// (`retention.years_after_leaving`), found by indentation.
    static func secondOccurrence(of key: String, in text: String) -> (Int, String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func keyOf(_ line: String) -> String? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { return nil }
            var name = String(trimmed[..<colon])
            if name.hasPrefix("- ") { name.removeFirst(2) }
            return name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        }
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated() where keyOf(line) == key {
            var path = [key]
            var level = indent(line)
            for earlier in lines[..<index].reversed() where indent(earlier) < level {
                guard let parent = keyOf(earlier), !earlier.trimmingCharacters(in: .whitespaces).isEmpty
                else { continue }
                path.insert(parent, at: 0)
                level = indent(earlier)
                if level == 0 { break }
            }
            let full = path.joined(separator: ".")
            if seen[full] != nil { return (index + 1, full) }
            seen[full] = index + 1
        }
        return nil
    }
}
