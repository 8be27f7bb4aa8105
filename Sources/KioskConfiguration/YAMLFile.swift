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
            throw Self.locate(error, file: file)
        } catch {
            throw YAMLFileError(file: file, line: nil, key: nil, reason: "\(error)")
        }
    }

    /// Reads and parses the file at `path`.
    public init(path: String) throws(YAMLFileError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw YAMLFileError(file: path, line: nil, key: nil,
                reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLFileError(file: path, line: nil, key: nil, reason: "is not UTF-8 text")
        }
        try self.init(text: text, file: path)
    }

    /// The root as a mapping of key → (value, line of the key).
    public func mapping(_ node: Node? = nil, key: String? = nil) throws(YAMLFileError) -> [(key: String, value: Node, line: Int?)] {
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

    static func locate(_ error: YamlError, file: String) -> YAMLFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return YAMLFileError(file: file, line: mark.line, key: nil, reason: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLFileError(file: file, line: context.mark.line, key: duplicates.first,
                reason: "appears twice")
        default:
            return YAMLFileError(file: file, line: nil, key: nil, reason: "not valid YAML: \(error)")
        }
    }
}
