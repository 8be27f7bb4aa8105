/// The coaching agreement of one cycle: goals framed by the coachee, what
/// each side commits to, and the meeting pattern.
public struct CoachingAgreement: Hashable, Sendable, Codable {
    /// The coachee's goals, in their own words.
    public var goals: String
    /// The school priority the goals link to, by code.
    public var priority: String?
    public var coacheeCommitments: String
    public var coachCommitments: String
    /// "Weekly, about 45 minutes, in protected time" unless the trio agree otherwise.
    public var meetingPattern: String
    public var durationWeeks: Int
    public var coacheeConfirmedOn: SchoolDay?
    public var coachConfirmedOn: SchoolDay?

    public static let usualMeetingPattern =
        "Weekly, about 45 minutes, in protected time (not non-contact time, lunchtime or after school)"

    public init(
        goals: String, priority: String? = nil, coacheeCommitments: String = "",
        coachCommitments: String = "", meetingPattern: String = CoachingAgreement.usualMeetingPattern,
        durationWeeks: Int = 6, coacheeConfirmedOn: SchoolDay? = nil, coachConfirmedOn: SchoolDay? = nil
    ) {
        self.goals = goals
        self.priority = priority
        self.coacheeCommitments = coacheeCommitments
        self.coachCommitments = coachCommitments
        self.meetingPattern = meetingPattern
        self.durationWeeks = durationWeeks
        self.coacheeConfirmedOn = coacheeConfirmedOn
        self.coachConfirmedOn = coachConfirmedOn
    }

    /// Both coachee and coach have confirmed it.
    public var isConfirmed: Bool { coacheeConfirmedOn != nil && coachConfirmedOn != nil }
}

/// What a coaching session was for.
public enum SessionKind: String, CaseIterable, Sendable, Codable {
    case preLesson = "pre-lesson"
    case postLesson = "post-lesson"
    case coaching
    case checkIn = "check-in"

    public var title: String {
        switch self {
        case .preLesson: "Pre-lesson discussion"
        case .postLesson: "Post-lesson analysis"
        case .coaching: "Coaching session"
        case .checkIn: "Check-in"
        }
    }
}

/// An action agreed at a session: what, who, and by when.
public struct AgreedAction: Hashable, Sendable, Codable {
    public var action: String
    public var who: String
    public var byWhen: SchoolDay?

    public init(action: String, who: String, byWhen: SchoolDay? = nil) {
        self.action = action
        self.who = who
        self.byWhen = byWhen
    }
}

/// One coaching session, recorded on the GROWTH model.
public struct SessionProforma: Hashable, Sendable, Codable {
    public var heldOn: SchoolDay
    public var kind: SessionKind
    public var author: StaffCode
    public var goal: String
    public var reality: String
    public var options: String
    public var will: String
    public var tactics: String
    public var habits: String
    public var actions: [AgreedAction]
    /// The coachee's choice: the observer may read this record too.
    public var sharedWithObserver: Bool

    public init(
        heldOn: SchoolDay, kind: SessionKind, author: StaffCode, goal: String = "",
        reality: String = "", options: String = "", will: String = "", tactics: String = "",
        habits: String = "", actions: [AgreedAction] = [], sharedWithObserver: Bool = false
    ) {
        self.heldOn = heldOn
        self.kind = kind
        self.author = author
        self.goal = goal
        self.reality = reality
        self.options = options
        self.will = will
        self.tactics = tactics
        self.habits = habits
        self.actions = actions
        self.sharedWithObserver = sharedWithObserver
    }
}

/// Non-judgemental notes of an observed lesson: what was seen and heard, no grades.
public struct ObservationNotes: Hashable, Sendable, Codable {
    public var heldOn: SchoolDay
    public var author: StaffCode
    public var lessonClass: String
    public var subject: String
    /// The look-fors agreed at the pre-lesson discussion.
    public var lookFors: String
    /// Observable behaviour only.
    public var seenAndHeard: String
    public var questions: String

    public init(
        heldOn: SchoolDay, author: StaffCode, lessonClass: String, subject: String,
        lookFors: String = "", seenAndHeard: String = "", questions: String = ""
    ) {
        self.heldOn = heldOn
        self.author = author
        self.lessonClass = lessonClass
        self.subject = subject
        self.lookFors = lookFors
        self.seenAndHeard = seenAndHeard
        self.questions = questions
    }
}

/// The end-of-cycle impact statement, read by the impact lead and, anonymised, by trustees.
public struct ImpactStatement: Hashable, Sendable, Codable {
    public var goal: String
    public var practice: String
    public var changeInTeaching: String
    public var pupilOutcomesBefore: String
    public var pupilOutcomesAfter: String
    public var wentWell: String
    public var couldHaveGoneBetter: String
    public var nextSteps: String
    public var author: StaffCode
    public var submittedOn: SchoolDay

    public init(
        goal: String, practice: String, changeInTeaching: String, pupilOutcomesBefore: String,
        pupilOutcomesAfter: String, wentWell: String, couldHaveGoneBetter: String,
        nextSteps: String, author: StaffCode, submittedOn: SchoolDay
    ) {
        self.goal = goal
        self.practice = practice
        self.changeInTeaching = changeInTeaching
        self.pupilOutcomesBefore = pupilOutcomesBefore
        self.pupilOutcomesAfter = pupilOutcomesAfter
        self.wentWell = wentWell
        self.couldHaveGoneBetter = couldHaveGoneBetter
        self.nextSteps = nextSteps
        self.author = author
        self.submittedOn = submittedOn
    }
}

/// Where a coaching goal has got to.
public enum GoalStatus: String, CaseIterable, Sendable, Codable {
    case open
    case inProgress = "in-progress"
    case achieved
    case dropped
}

/// A coaching goal of one person, linked to a school priority.
public struct Goal: Hashable, Sendable, Codable {
    public var owner: StaffCode
    public var text: String
    public var priority: String?
    public var status: GoalStatus
    public var setOn: SchoolDay

    public init(
        owner: StaffCode, text: String, priority: String? = nil, status: GoalStatus = .open,
        setOn: SchoolDay
    ) {
        self.owner = owner
        self.text = text
        self.priority = priority
        self.status = status
        self.setOn = setOn
    }
}

/// The kinds of CPD activity a person may log.
public enum CPDKind: String, CaseIterable, Sendable, Codable {
    case course
    case inSchoolTraining = "in-school-training"
    case lessonStudy = "lesson-study"
    case reading
    case coachingAmbassadorTraining = "coaching-ambassador-training"
    case other

    public var title: String {
        switch self {
        case .course: "Course"
        case .inSchoolTraining: "In-school training"
        case .lessonStudy: "Lesson study"
        case .reading: "Reading"
        case .coachingAmbassadorTraining: "Coaching ambassador training"
        case .other: "Other"
        }
    }
}

/// One CPD activity in a person's log.
public struct CPDActivity: Hashable, Sendable, Codable {
    public var owner: StaffCode
    public var heldOn: SchoolDay
    public var title: String
    public var kind: CPDKind
    public var hours: Double
    public var priority: String?
    public var reflection: String

    public init(
        owner: StaffCode, heldOn: SchoolDay, title: String, kind: CPDKind, hours: Double,
        priority: String? = nil, reflection: String = ""
    ) {
        self.owner = owner
        self.heldOn = heldOn
        self.title = title
        self.kind = kind
        self.hours = hours
        self.priority = priority
        self.reflection = reflection
    }
}

extension CoachingAgreement {
    /// This agreement as saved by the coachee or the coach on `day`: the
    /// one who saves it confirms it; the other's earlier confirmation stands
    /// only if the content they confirmed is unchanged.
    public func confirmed(by position: TrioPosition, on day: SchoolDay, replacing previous: CoachingAgreement?)
        -> CoachingAgreement
    {
        var agreement = self
        let unchanged = previous.map { $0.sameContent(as: self) } ?? false
        agreement.coacheeConfirmedOn = unchanged ? previous?.coacheeConfirmedOn : nil
        agreement.coachConfirmedOn = unchanged ? previous?.coachConfirmedOn : nil
        switch position {
        case .coachee: agreement.coacheeConfirmedOn = day
        case .coach: agreement.coachConfirmedOn = day
        case .observer: break
        }
        return agreement
    }

    /// The same goals, commitments and pattern, whoever confirmed them.
    public func sameContent(as other: CoachingAgreement) -> Bool {
        goals == other.goals && priority == other.priority && coacheeCommitments == other.coacheeCommitments
            && coachCommitments == other.coachCommitments && meetingPattern == other.meetingPattern
            && durationWeeks == other.durationWeeks
    }
}
