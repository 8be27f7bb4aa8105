import Coaching
import CoachingStore

/// Why a document cannot be printed, and what to do about it.
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchCycle(Int64)
    case noSuchSession(Int64)
    case noSuchObservation(Int64)
    case noSuchStaff(StaffCode)
    case noAgreement(cycle: Int64)
    case noImpactStatement(cycle: Int64)
    /// A trustee pack's period that ends before it starts.
    case periodBackwards(from: SchoolDay, to: SchoolDay)
    /// `person` may not print `document`; `rule` says who may.
    case notAllowed(person: StaffCode, document: String, rule: String)
    /// A print outbox row that does not describe a document.
    case badPrintJob(String)
    case store(StoreError)

    init(_ error: StoreError) {
        switch error {
        case let .unknownCycle(id): self = .noSuchCycle(id)
        case let .unknownStaff(code): self = .noSuchStaff(code)
        default: self = .store(error)
        }
    }

    public var description: String {
        switch self {
        case let .noSuchCycle(id):
            "There is no coaching cycle \(id); `coaching-kiosk cycle list` shows the cycles and their numbers."
        case let .noSuchSession(id):
            "There is no session record \(id); the cycle's records at the kiosk show each record's number."
        case let .noSuchObservation(id):
            "There are no observation notes \(id); the cycle's records at the kiosk show each record's number."
        case let .noSuchStaff(code):
            "No member of staff has the code \(code); `coaching-kiosk staff list` shows the codes."
        case let .noAgreement(cycle):
            "Cycle \(cycle) has no coaching agreement yet; the coach saves one at the kiosk first."
        case let .noImpactStatement(cycle):
            "Cycle \(cycle) has no impact statement yet; the coachee or the coach writes it at the kiosk first."
        case let .periodBackwards(from, to):
            "The period starts on \(from.longForm), after it ends on \(to.longForm); give the earlier day first."
        case let .notAllowed(person, document, rule):
            "\(person) may not print \(document): \(rule)."
        case let .badPrintJob(reason):
            "This print job cannot be read: \(reason). Cancel it and ask for the document again."
        case let .store(error):
            error.description
        }
    }
}
