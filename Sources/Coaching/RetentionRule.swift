/// How long the school keeps coaching records (its data retention policy).
///
/// A common school rule, and the default: a person's records are kept six
/// years after they leave; a closed cycle six years after it closed.
public struct RetentionRule: Hashable, Sendable, Codable {
    public var yearsAfterLeaving: Int
    public var yearsAfterCycleClosed: Int

    public init(yearsAfterLeaving: Int = 6, yearsAfterCycleClosed: Int = 6) {
        self.yearsAfterLeaving = yearsAfterLeaving
        self.yearsAfterCycleClosed = yearsAfterCycleClosed
    }

    /// A person who left on `leftOn` is past retention on `today`.
    public func isPastRetention(leftOn: SchoolDay, today: SchoolDay) -> Bool {
        leftOn <= leftOnOrBefore(today: today)
    }

    /// A cycle closed on `closedOn` is past retention on `today`.
    public func isPastRetention(cycleClosedOn closedOn: SchoolDay, today: SchoolDay) -> Bool {
        closedOn <= cycleClosedOnOrBefore(today: today)
    }

    /// Anyone who left on or before this day is past retention.
    public func leftOnOrBefore(today: SchoolDay) -> SchoolDay { today.adding(years: -yearsAfterLeaving) }

    /// Any cycle closed on or before this day is past retention.
    public func cycleClosedOnOrBefore(today: SchoolDay) -> SchoolDay {
        today.adding(years: -yearsAfterCycleClosed)
    }
}
