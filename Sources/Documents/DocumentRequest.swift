import Coaching
import CoachingStore
import Foundation

/// One document someone asked to print: which kind, and of what.
public enum DocumentRequest: Hashable, Sendable {
    /// The coaching agreement of a cycle.
    case agreement(cycle: Int64)
    case session(id: Int64)
    case observation(id: Int64)
    /// The impact sheet of a cycle.
    case impact(cycle: Int64)
    /// The anonymised pack for trustees, for the days `from` to `to`, both included.
    case trusteePack(from: SchoolDay, to: SchoolDay)
    /// A person's CPD log.
    case cpd(staff: StaffCode)

    public var kind: DocumentKind {
        switch self {
        case .agreement: .agreement
        case .session: .session
        case .observation: .observation
        case .impact: .impact
        case .trusteePack: .trusteePack
        case .cpd: .cpd
        }
    }

    /// The document as the print outbox's columns hold it.
    public struct OutboxRow: Hashable, Sendable {
        public var document: String
        public var recordID: String?
        /// JSON: `{}`, or `{"from":"2026-09-01","to":"2027-08-31"}` for a trustee pack.
        public var parameters: String

        public init(document: String, recordID: String?, parameters: String = "{}") {
            self.document = document
            self.recordID = recordID
            self.parameters = parameters
        }
    }

    public var outboxRow: OutboxRow {
        switch self {
        case let .agreement(cycle), let .impact(cycle):
            OutboxRow(document: kind.rawValue, recordID: "\(cycle)")
        case let .session(id), let .observation(id):
            OutboxRow(document: kind.rawValue, recordID: "\(id)")
        case let .cpd(staff):
            OutboxRow(document: kind.rawValue, recordID: staff.rawValue)
        case let .trusteePack(from, to):
            OutboxRow(
                document: kind.rawValue, recordID: nil,
                parameters: #"{"from":"\#(from.iso)","to":"\#(to.iso)"}"#)
        }
    }

    /// Reads a request back from the print outbox's columns.
    public init(document: String, recordID: String?, parameters: String) throws(DocumentError) {
        guard let kind = DocumentKind(rawValue: document) else {
            throw .badPrintJob(
                "it asks for a \"\(document)\" document; the documents are "
                    + DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        func number() throws(DocumentError) -> Int64 {
            guard let recordID, let id = Int64(recordID.trimmingCharacters(in: .whitespaces)) else {
                throw .badPrintJob(
                    "a \(document) job needs a record number, but has \(recordID.map { "\"\($0)\"" } ?? "none")")
            }
            return id
        }
        switch kind {
        case .agreement: self = .agreement(cycle: try number())
        case .session: self = .session(id: try number())
        case .observation: self = .observation(id: try number())
        case .impact: self = .impact(cycle: try number())
        case .cpd:
            guard let code = recordID.flatMap(StaffCode.init) else {
                throw .badPrintJob("a cpd job needs a staff code, but has \(recordID.map { "\"\($0)\"" } ?? "none")")
            }
            self = .cpd(staff: code)
        case .trusteePack:
            let period = try Self.period(parameters)
            self = .trusteePack(from: period.from, to: period.to)
        }
    }

    /// Reads the request of a queued print job.
    public init(job: PrintJob) throws(DocumentError) {
        try self.init(document: job.document, recordID: job.recordID, parameters: job.parameters)
    }

    private struct Period: Decodable {
        var from: String
        var to: String
    }

    private static func period(_ parameters: String) throws(DocumentError) -> (from: SchoolDay, to: SchoolDay) {
        let wanted = #"a trustee-pack job needs parameters {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}"#
        guard let period = try? JSONDecoder().decode(Period.self, from: Data(parameters.utf8)) else {
            throw .badPrintJob("\(wanted), but has \(parameters)")
        }
        guard let from = SchoolDay(iso: period.from), let to = SchoolDay(iso: period.to) else {
            throw .badPrintJob("\(wanted), but has \(parameters)")
        }
        guard from <= to else { throw .periodBackwards(from: from, to: to) }
        return (from, to)
    }

    /// How the request reads in a sentence: "the coaching agreement of cycle 3".
    var phrase: String {
        switch self {
        case let .agreement(cycle): "the coaching agreement of cycle \(cycle)"
        case let .session(id): "session record \(id)"
        case let .observation(id): "observation notes \(id)"
        case let .impact(cycle): "the impact statement of cycle \(cycle)"
        case .trusteePack: "the trustee pack"
        case let .cpd(staff): "the CPD log of \(staff)"
        }
    }
}

extension CoachingStore {
    /// Writes a print request to the outbox (audited); returns the job's id.
    @discardableResult
    public func enqueuePrint(_ request: DocumentRequest, printer: String, by actor: Actor) throws(StoreError) -> Int64 {
        let row = request.outboxRow
        return try enqueuePrint(
            document: row.document, recordID: row.recordID, parameters: row.parameters, printer: printer, by: actor)
    }
}
