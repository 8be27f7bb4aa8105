/// Why a value typed into a field cannot be saved yet, and what to type instead.
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's key, so the form can jump to it.
    public var key: String
    public var label: String
    /// A sentence or two that says what to type instead.
    public var message: String
    /// For a field of several lines (agreed actions), the line at fault, from 1.
    public var line: Int?

    public init(key: String, label: String, message: String, line: Int? = nil) {
        self.key = key
        self.label = label
        self.message = message
        self.line = line
    }

    public var description: String { "\(label): \(message)" }
}

/// The problems of a whole form, in the order of its fields: a collection
/// of `FieldProblem` that can be thrown or returned as a `Result`'s failure.
public struct FieldProblems: Error, Hashable, Sendable, RandomAccessCollection,
    CustomStringConvertible
{
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }

    public var startIndex: Int { problems.startIndex }
    public var endIndex: Int { problems.endIndex }
    public subscript(position: Int) -> FieldProblem { problems[position] }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// Why a set of values cannot be made into a record.
public enum FormProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value the record cannot be made without is missing or empty.
    case missing(key: String, meaning: String)
    /// A value is there but is not usable.
    case invalid(FieldProblem)

    public var description: String {
        switch self {
        case let .missing(key, meaning):
            "The record needs \(meaning) (\(key)), which is empty: "
                + "fill it in on the form before saving."
        case let .invalid(problem):
            problem.description
        }
    }

    /// The key of the field to go back to.
    public var key: String {
        switch self {
        case let .missing(key, _): key
        case let .invalid(problem): problem.key
        }
    }
}
