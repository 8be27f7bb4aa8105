import Coaching
import CoachingStore

/// A fictional trust to measure the reports on: staff with names made of
/// syllables, subjects, development priorities, cycles at every stage with
/// their history (some stalled, some stepped back), agreements, sessions,
/// observations, goals, impact statements and CPD logs. The same seed and day
/// make the same trust.
public struct SyntheticTrust: Sendable {
    public var staff: Int
    public var cycles: Int
    public var sessions: Int
    public var seed: UInt64
    /// Nothing is dated after this day.
    public var today: SchoolDay

    /// The fewest staff a trust can have: enough for trios and the roles that run coaching.
    public static let fewestStaff = 10

    public init(staff: Int = 2000, cycles: Int = 5000, sessions: Int = 20_000, seed: UInt64 = 1, today: SchoolDay) {
        self.staff = staff
        self.cycles = cycles
        self.sessions = sessions
        self.seed = seed
        self.today = today
    }

    static let subjects = [
        "Maths", "English", "Science", "History", "Geography", "Welsh", "French", "Art", "Music", "Drama", "PE",
        "Computing", "Design and Technology", "RE", "SEND", "Year 2",
    ]

    static let priorities = [
        Priority(code: "P1", title: "Questioning and classroom dialogue"),
        Priority(code: "P2", title: "Reading across the curriculum"),
        Priority(code: "P3", title: "Feedback that moves learning on"),
        Priority(code: "P4", title: "Behaviour for learning"),
        Priority(code: "P5", title: "Adaptive teaching and SEND"),
        Priority(code: "P6", title: "Retrieval practice"),
        Priority(code: "P7", title: "Oracy"),
        // No coaching goal works towards this one, so the goals report has one to flag.
        Priority(code: "P8", title: "Attendance and belonging"),
    ]

    static let firstSyllables = [
        "Ca", "Ry", "Si", "Lo", "Ma", "Ed", "Fi", "Gwe", "Ha", "Io", "Jo", "Ke", "Li", "Mo", "Ne", "Ol", "Pa", "Rhi",
        "Sa", "Ta", "Wy", "Zo", "Be", "Da",
    ]
    static let secondSyllables = [
        "ra", "an", "en", "wyn", "ys", "la", "to", "ri", "na", "bel", "dan", "mi", "nia", "ff",
    ]
    static let surnameStarts = [
        "Ab", "Bry", "Cad", "Dar", "Ell", "Fen", "Gar", "Hol", "Ith", "Jen", "Kel", "Lan", "Mor", "Nor", "Pen",
        "Quil", "Ros", "Sten", "Tre", "Ul", "Val", "Wen",
    ]
    static let surnameEnds = [
        "wick", "ton", "ley", "by", "more", "field", "ham", "ridge", "wood", "stone", "ford", "gate",
    ]

    /// The trust's records, ready for `CoachingStore.bulkLoad`.
    public func make() throws(SyntheticTrustError) -> BulkLoad {
        guard staff >= Self.fewestStaff else { throw .tooFewStaff(staff) }
        guard cycles >= 0, sessions >= 0 else { throw .negative }
        guard cycles > 0 || sessions == 0 else { throw .sessionsWithoutCycles(sessions) }
        var random = SplitMix64(seed: seed)
        var load = BulkLoad()
        load.priorities = Self.priorities
        load.staff = (0..<staff).map { member(index: $0, random: &random) }
        let coaches = load.staff.filter { !$0.roles.isDisjoint(with: [.coach, .leadCoach]) }.map(\.code)
        let everyone = load.staff.map(\.code)
        let used = Self.priorities.dropLast().map(\.code)
        for index in 0..<cycles {
            let share = sessions / cycles + (index < sessions % cycles ? 1 : 0)
            load.cycles.append(cycle(sessions: share, coaches: coaches, everyone: everyone, priorities: used, &random))
        }
        for member in load.staff where random.chance(0.15) {
            load.goals.append(
                Goal(
                    owner: member.code, text: "Personal goal: " + Self.practice(&random),
                    priority: used.randomElement(using: &random), status: .inProgress,
                    setOn: today.adding(days: -Int.random(in: 0...300, using: &random))))
        }
        for member in load.staff {
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                load.cpd.append(
                    CPDActivity(
                        owner: member.code, heldOn: today.adding(days: -Int.random(in: 0...420, using: &random)),
                        title: "Synthetic CPD", kind: CPDKind.allCases.randomElement(using: &random) ?? .reading,
                        hours: Double(Int.random(in: 1...12, using: &random)) / 2,
                        priority: random.chance(0.8) ? used.randomElement(using: &random) : nil))
            }
        }
        return load
    }

    private func member(index: Int, random: inout SplitMix64) -> StaffMember {
        let roles: Set<Role> =
            switch index {
            case 0: [.head]
            case 1: [.impactLead]
            case 2, 3: [.admin]
            case 4: [.office]
            case _ where index % 50 == 5: [.coach, .leadCoach]
            case _ where index % 8 == 6: [.coach]
            default: []
            }
        let first =
            (Self.firstSyllables.randomElement(using: &random) ?? "Ca")
            + (Self.secondSyllables.randomElement(using: &random) ?? "ra")
        let last =
            (Self.surnameStarts.randomElement(using: &random) ?? "Ab")
            + (Self.surnameEnds.randomElement(using: &random) ?? "ton")
        let digits = staff > 9999 ? 5 : 4
        let number = String(index + 1)
        let code = StaffCode("T" + String(repeating: "0", count: max(0, digits - number.count)) + number) ?? "T0"
        return StaffMember(
            code: code, name: "\(first) \(last)", subject: Self.subjects[index % Self.subjects.count], roles: roles,
            earlyCareerYear: index % 20 == 7 ? 1 : index % 20 == 8 ? 2 : nil)
    }

    static func practice(_ random: inout SplitMix64) -> String {
        [
            "wait time after questions", "cold calling with no hands up", "modelling worked examples",
            "live feedback in books", "retrieval starters", "structured talk partners", "reading aloud with pauses",
            "checking for understanding with mini whiteboards",
        ].randomElement(using: &random) ?? "questioning"
    }

    /// One cycle walked through its stages from a start in the last two years: each stage
    /// lasts one to four weeks, a few stall for months, a few step back from the observed lesson.
    private func cycle(
        sessions count: Int, coaches: [StaffCode], everyone: [StaffCode], priorities: [String],
        _ random: inout SplitMix64
    ) -> BulkLoad.Cycle {
        let coach = coaches.randomElement(using: &random) ?? everyone[0]
        var coachee = everyone.randomElement(using: &random) ?? everyone[1]
        while coachee == coach { coachee = everyone.randomElement(using: &random) ?? everyone[1] }
        var observer = everyone.randomElement(using: &random) ?? everyone[2]
        while observer == coach || observer == coachee {
            observer = everyone.randomElement(using: &random) ?? everyone[2]
        }
        guard let trio = try? Trio(coachee: coachee, coach: coach, observer: observer) else {
            preconditionFailure("a trio of three different people was chosen")
        }
        let priority = random.chance(0.9) ? priorities.randomElement(using: &random) : nil
        let started = today.adding(days: -Int.random(in: 0...700, using: &random))
        var cycle = CoachingCycle(
            trio: trio, priority: priority, focus: Self.practice(&random), startedOn: started, by: coach)
        let stalls = random.chance(0.08)
        var steppedBack = false
        var day = started
        while cycle.stage != .closed {
            let length =
                stalls && cycle.stage >= .preLesson
                ? Int.random(in: 30...90, using: &random) : Int.random(in: 5...28, using: &random)
            let next = day.adding(days: length)
            guard next <= today else { break }
            day = next
            if cycle.stage == .observedLesson, !steppedBack, random.chance(0.05) {
                steppedBack = true
                try? cycle.stepBack(on: day, by: coach)
            } else {
                try? cycle.advance(on: day, by: coach)
            }
        }
        let end = cycle.stage == .closed ? cycle.inStageSince : today
        let confirmedByCoach = random.chance(0.9)
        let agreement: CoachingAgreement? =
            cycle.stage > .agreement || random.chance(0.6)
            ? CoachingAgreement(
                goals: "To use " + Self.practice(&random) + " in every lesson", priority: priority,
                coacheeConfirmedOn: started.adding(days: 2),
                coachConfirmedOn: confirmedByCoach ? started.adding(days: 3) : nil)
            : nil
        var goals: [Goal] = []
        if let agreement {
            let status: GoalStatus =
                cycle.stage == .closed
                ? (random.chance(0.7) ? .achieved : random.chance(0.5) ? .dropped : .inProgress)
                : cycle.stage == .agreement ? .open : .inProgress
            goals.append(
                Goal(owner: coachee, text: agreement.goals, priority: priority, status: status, setOn: started))
        }
        // Sessions stop a little after the last stage move, so a stalled cycle goes quiet.
        let lastSession = min(end, cycle.inStageSince.adding(days: Int.random(in: 0...14, using: &random)))
        let span = max(0, lastSession.dayNumber - started.dayNumber)
        let sessions = (0..<count).map { number -> SessionProforma in
            let offset = count <= 1 ? span : span * number / (count - 1)
            return SessionProforma(
                heldOn: started.adding(days: offset), kind: SessionKind.allCases[number % SessionKind.allCases.count],
                author: random.chance(0.5) ? coachee : coach, goal: "Work on " + Self.practice(&random),
                reality: "Some lessons so far", options: "Try it with one class first", will: "Next week",
                sharedWithObserver: random.chance(0.5))
        }
        let observations =
            cycle.stage > .observedLesson
            ? [
                ObservationNotes(
                    heldOn: cycle.stageDates[.observedLesson] ?? started, author: observer, lessonClass: "Year 8",
                    subject: "Observed lesson", lookFors: Self.practice(&random),
                    seenAndHeard: "Pupils answered in pairs")
            ] : []
        var impact: ImpactStatement?
        if let since = cycle.stageDates[.impact], random.chance(cycle.stage == .closed ? 0.9 : 0.4) {
            let submitted = min(since.adding(days: Int.random(in: 0...7, using: &random)), end)
            impact = ImpactStatement(
                goal: agreement?.goals ?? "", practice: Self.practice(&random),
                changeInTeaching: "Used it in most lessons", pupilOutcomesBefore: "Few pupils explained their thinking",
                pupilOutcomesAfter: "Most pupils explained their thinking", wentWell: "Pupils responded well",
                couldHaveGoneBetter: "More time to plan", nextSteps: "Share it in a department meeting",
                author: coachee, submittedOn: submitted)
        }
        return BulkLoad.Cycle(
            cycle: cycle, agreement: agreement, sessions: sessions, observations: observations, impact: impact,
            goals: goals)
    }
}

/// A synthetic trust that cannot be made as asked, and what to ask instead.
public enum SyntheticTrustError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewStaff(Int)
    case negative
    case sessionsWithoutCycles(Int)

    public var description: String {
        switch self {
        case let .tooFewStaff(count):
            "A trust of \(count) staff is too small; give --staff \(SyntheticTrust.fewestStaff) or more."
        case .negative:
            "Counts of cycles and sessions cannot be negative; give 0 or more."
        case let .sessionsWithoutCycles(count):
            "\(count) sessions need at least one cycle to belong to; give --cycles 1 or more, or --sessions 0."
        }
    }
}

/// A small, fast generator whose sequence a seed fixes (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
