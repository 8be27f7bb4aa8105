import KioskConfiguration

/// Everything wrong with the form files, across every file, each with its
/// file, line and what to do about it.
public struct FormCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [YAMLFileError]

    public init(problems: [YAMLFileError]) {
        self.problems = problems
    }

    /// One problem a line: `forms/session.yaml:12: fields[3].kind: unknown kind "note"; …`.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
