/// Where a coaching cycle has got to.
///
/// A cycle runs agreement → pre-lesson discussion → observed lesson →
/// post-lesson analysis → impact statement → closed.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case agreement
    case preLesson = "pre-lesson"
    case observedLesson = "observed-lesson"
    case postLesson = "post-lesson"
    case impact
    case closed

    public var title: String {
        switch self {
        case .agreement: "Coaching agreement"
        case .preLesson: "Pre-lesson discussion"
        case .observedLesson: "Observed lesson"
        case .postLesson: "Post-lesson analysis"
        case .impact: "Impact statement"
        case .closed: "Closed"
        }
    }

    public var next: Stage? {
        let all = Stage.allCases
        guard let i = all.firstIndex(of: self), i + 1 < all.count else { return nil }
        return all[i + 1]
    }

    public var previous: Stage? {
        let all = Stage.allCases
        guard let i = all.firstIndex(of: self), i > 0 else { return nil }
        return all[i - 1]
    }

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// The three people of one coaching cycle, chosen by the headteacher.
public struct Trio: Hashable, Sendable, Codable {
    public let coachee: StaffCode
    public let coach: StaffCode
    public let observer: StaffCode

    /// A trio is three different people.
    public init(coachee: StaffCode, coach: StaffCode, observer: StaffCode) throws(CoachingError) {
        guard coachee != coach, coachee != observer, coach != observer else {
            throw .trioNeedsThreePeople(coachee: coachee, coach: coach, observer: observer)
        }
        self.coachee = coachee
        self.coach = coach
        self.observer = observer
    }

    /// The position `code` holds in this trio, if any.
    public func position(of code: StaffCode) -> TrioPosition? {
        if code == coachee { return .coachee }
        if code == coach { return .coach }
        if code == observer { return .observer }
        return nil
    }

    public var members: [StaffCode] { [coachee, coach, observer] }
}

/// A person's place in one cycle's trio.
public enum TrioPosition: String, CaseIterable, Sendable, Codable {
    case coachee, coach, observer
}

/// One move of a cycle from a stage to another, kept as its history.
public struct StageMove: Hashable, Sendable, Codable {
    public var stage: Stage
    public var on: SchoolDay
    public var by: StaffCode?

    public init(stage: Stage, on: SchoolDay, by: StaffCode? = nil) {
        self.stage = stage
        self.on = on
        self.by = by
    }
}

/// A coaching cycle: one trio working towards the coachee's goals.
public struct CoachingCycle: Hashable, Sendable, Codable {
    public var trio: Trio
    /// The school development priority the cycle is linked to, by code.
    public var priority: String?
    /// The focus in a few words ("questioning in KS2 maths").
    public var focus: String
    public private(set) var stage: Stage
    /// Every stage the cycle has entered, oldest first.
    public private(set) var history: [StageMove]

    public init(
        trio: Trio, priority: String? = nil, focus: String = "", startedOn: SchoolDay,
        by: StaffCode? = nil
    ) {
        self.trio = trio
        self.priority = priority
        self.focus = focus
        self.stage = .agreement
        self.history = [StageMove(stage: .agreement, on: startedOn, by: by)]
    }

    /// Rebuilds a cycle from its stored history.
    public init(trio: Trio, priority: String?, focus: String, history: [StageMove]) throws(CoachingError) {
        guard let last = history.last else { throw .cycleWithoutHistory }
        self.trio = trio
        self.priority = priority
        self.focus = focus
        self.stage = last.stage
        self.history = history
    }

    public var startedOn: SchoolDay { history.first?.on ?? SchoolDay(dayNumber: 0) }

    /// The day the cycle last entered each stage it has reached.
    public var stageDates: [Stage: SchoolDay] {
        var dates: [Stage: SchoolDay] = [:]
        for move in history { dates[move.stage] = move.on }
        return dates
    }

    /// The day the cycle entered its current stage.
    public var inStageSince: SchoolDay { history.last?.on ?? startedOn }

    /// Moves the cycle on to the next stage.
    public mutating func advance(on day: SchoolDay, by: StaffCode? = nil) throws(CoachingError) {
        guard let next = stage.next else { throw .cannotAdvanceClosedCycle }
        try move(to: next, on: day, by: by)
    }

    /// Steps the cycle back a stage (a lesson to observe again, say).
    public mutating func stepBack(on day: SchoolDay, by: StaffCode? = nil) throws(CoachingError) {
        guard let previous = stage.previous else { throw .cannotStepBackBeforeAgreement }
        try move(to: previous, on: day, by: by)
    }

    private mutating func move(to stage: Stage, on day: SchoolDay, by: StaffCode?) throws(CoachingError) {
        guard day >= inStageSince else {
            throw .stageDateBeforePrevious(day: day, previous: inStageSince)
        }
        self.stage = stage
        history.append(StageMove(stage: stage, on: day, by: by))
    }
}
