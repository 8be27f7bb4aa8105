/// A rule of the coaching programme that an action would break.
///
/// Each message says what to do instead.
public enum CoachingError: Error, Hashable, Sendable, CustomStringConvertible {
    case trioNeedsThreePeople(coachee: StaffCode, coach: StaffCode, observer: StaffCode)
    case cycleWithoutHistory
    case cannotAdvanceClosedCycle
    case cannotStepBackBeforeAgreement
    case stageDateBeforePrevious(day: SchoolDay, previous: SchoolDay)

    public var description: String {
        switch self {
        case let .trioNeedsThreePeople(coachee, coach, observer):
            "A trio is three different people, but coachee \(coachee), coach \(coach) and "
                + "observer \(observer) repeat someone: choose three different staff codes."
        case .cycleWithoutHistory:
            "The cycle has no recorded stages; the database may be damaged: restore a backup."
        case .cannotAdvanceClosedCycle:
            "The cycle is closed and cannot move on; start a new cycle for the trio instead."
        case .cannotStepBackBeforeAgreement:
            "The cycle is at its coaching agreement, the first stage, and cannot step back further; "
                + "start a new cycle for the trio if it should begin again."
        case let .stageDateBeforePrevious(day, previous):
            "A stage cannot start on \(day.british), before the current stage began "
                + "(\(previous.british)); give a later date."
        }
    }
}
