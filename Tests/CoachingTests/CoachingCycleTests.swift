import Coaching
import Foundation
import Testing

private func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> SchoolDay
{
    try #require(SchoolDay(iso: iso), "\(iso) is not a day", sourceLocation: sourceLocation)
}

private func trio() throws -> Trio {
    try Trio(coachee: "SJ", coach: "OBR", observer: "ZOE")
}

/// Every coaching error, one of each case.
private let everyCoachingError: [CoachingError] = {
    let days = (SchoolDay(iso: "2026-11-02"), SchoolDay(iso: "2026-11-24"))
    guard let early = days.0, let late = days.1 else { return [] }
    return [
        .trioNeedsThreePeople(coachee: "SJ", coach: "SJ", observer: "ZOE"),
        .cycleWithoutHistory,
        .cannotAdvanceClosedCycle,
        .cannotStepBackBeforeAgreement,
        .stageDateBeforePrevious(day: early, previous: late),
    ]
}()

@Suite("Trios and coaching cycles")
struct CoachingCycleTests {
    // MARK: Trios

    @Test("a trio is three different people")
    func trioOfThree() throws {
        let trio = try trio()
        #expect(trio.members == ["SJ", "OBR", "ZOE"])
        #expect(trio.position(of: "SJ") == .coachee)
        #expect(trio.position(of: "OBR") == .coach)
        #expect(trio.position(of: "ZOE") == .observer)
        #expect(trio.position(of: "DAP") == nil)
    }

    @Test(
        "a trio that names someone twice is refused",
        arguments: [
            ("SJ", "SJ", "ZOE"),  // coachee is also the coach
            ("SJ", "OBR", "SJ"),  // coachee is also the observer
            ("SJ", "OBR", "OBR"),  // coach is also the observer
            ("SJ", "SJ", "SJ"),  // one person in every place
        ])
    func trioRepeatingSomeone(coachee: String, coach: String, observer: String) throws {
        let codes = try (
            #require(StaffCode(coachee)), #require(StaffCode(coach)), #require(StaffCode(observer))
        )
        #expect(
            throws: CoachingError.trioNeedsThreePeople(
                coachee: codes.0, coach: codes.1, observer: codes.2)
        ) {
            try Trio(coachee: codes.0, coach: codes.1, observer: codes.2)
        }
    }

    @Test("the same code typed in small letters is the same person")
    func sameCodeInAnotherCase() throws {
        let typed = "sj"
        let lower = try #require(StaffCode(typed))
        #expect(lower == "SJ")
        #expect(throws: CoachingError.self) {
            try Trio(coachee: lower, coach: "SJ", observer: "ZOE")
        }
    }

    // MARK: Stages

    @Test(
        "stages go agreement, pre-lesson, observed lesson, post-lesson, impact, closed")
    func stageOrder() {
        #expect(
            Stage.allCases.map(\.rawValue) == [
                "agreement", "pre-lesson", "observed-lesson", "post-lesson", "impact", "closed",
            ])
        #expect(Stage.agreement.next == .preLesson)
        #expect(Stage.impact.next == .closed)
        #expect(Stage.closed.next == nil)
        #expect(Stage.agreement.previous == nil)
        #expect(Stage.closed.previous == .impact)
        #expect(Stage.allCases == Stage.allCases.sorted())
        #expect(Stage.observedLesson.title == "Observed lesson")
    }

    @Test("a new cycle starts at the coaching agreement on the day it starts")
    func newCycle() throws {
        let start = try day("2026-09-14")
        let cycle = CoachingCycle(
            trio: try trio(), priority: "P1", focus: "questioning in KS2 maths", startedOn: start,
            by: "DAP")
        #expect(cycle.stage == .agreement)
        #expect(cycle.startedOn == start)
        #expect(cycle.inStageSince == start)
        #expect(cycle.history == [StageMove(stage: .agreement, on: start, by: "DAP")])
        #expect(cycle.stageDates == [.agreement: start])
    }

    @Test("a cycle advances through every stage in order, each dated")
    func advanceThroughEveryStage() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        var reached: [Stage] = [cycle.stage]
        for week in 1...5 {
            try cycle.advance(on: start.adding(days: 7 * week), by: "OBR")
            reached.append(cycle.stage)
        }
        #expect(reached == Stage.allCases)
        #expect(cycle.history.map(\.stage) == Stage.allCases)
        #expect(cycle.history.map(\.on) == (0...5).map { start.adding(days: 7 * $0) })
        #expect(cycle.history.dropFirst().allSatisfy { $0.by == "OBR" })
        #expect(cycle.stageDates[.observedLesson] == start.adding(days: 14))
        #expect(cycle.stageDates[.closed] == start.adding(days: 35))
        #expect(cycle.inStageSince == start.adding(days: 35))
    }

    @Test("a closed cycle cannot advance")
    func closedCycleCannotAdvance() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        for _ in 1...5 { try cycle.advance(on: start) }
        let before = cycle
        #expect(throws: CoachingError.cannotAdvanceClosedCycle) {
            try cycle.advance(on: start.adding(days: 1))
        }
        #expect(cycle == before)
    }

    @Test("a cycle at its agreement cannot step back")
    func cannotStepBackBeforeAgreement() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        #expect(throws: CoachingError.cannotStepBackBeforeAgreement) {
            try cycle.stepBack(on: start.adding(days: 1))
        }
        #expect(cycle.stage == .agreement)
        #expect(cycle.history.count == 1)
    }

    @Test("a cycle may step back a stage, keeping its history and updating the stage's date")
    func stepBackKeepsHistory() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        try cycle.advance(on: try day("2026-09-21"))
        try cycle.advance(on: try day("2026-09-28"))
        #expect(cycle.stage == .observedLesson)

        // The lesson was cancelled: back to planning, and observe again later.
        try cycle.stepBack(on: try day("2026-10-05"), by: "OBR")
        #expect(cycle.stage == .preLesson)
        #expect(cycle.inStageSince == (try day("2026-10-05")))
        #expect(
            cycle.history.map(\.stage) == [.agreement, .preLesson, .observedLesson, .preLesson])
        let back = StageMove(stage: .preLesson, on: try day("2026-10-05"), by: "OBR")
        #expect(cycle.history.last == back)
        #expect(cycle.stageDates[.preLesson] == (try day("2026-10-05")))
        #expect(cycle.stageDates[.observedLesson] == (try day("2026-09-28")))
        #expect(cycle.stageDates[.agreement] == start)

        try cycle.advance(on: try day("2026-10-12"))
        #expect(cycle.stage == .observedLesson)
        #expect(cycle.stageDates[.observedLesson] == (try day("2026-10-12")))
        #expect(cycle.history.count == 5)
    }

    @Test("a closed cycle may step back to its impact statement")
    func closedCycleStepsBack() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        for _ in 1...5 { try cycle.advance(on: start) }
        try cycle.stepBack(on: start.adding(days: 1))
        #expect(cycle.stage == .impact)
        #expect(cycle.stageDates[.impact] == start.adding(days: 1))
    }

    @Test("a stage may start on the same day as the one before it")
    func sameDayIsAllowed() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        try cycle.advance(on: start)
        try cycle.stepBack(on: start)
        #expect(cycle.stage == .agreement)
        #expect(cycle.history.count == 3)
    }

    @Test("a stage date before the current stage began is refused, and nothing changes")
    func stageDateBeforeCurrentStage() throws {
        let start = try day("2026-09-14")
        var cycle = CoachingCycle(trio: try trio(), startedOn: start)
        try cycle.advance(on: try day("2026-09-21"))
        let before = cycle
        let early = try day("2026-09-20")
        let refusal = CoachingError.stageDateBeforePrevious(
            day: early, previous: try day("2026-09-21"))
        #expect(throws: refusal) { try cycle.advance(on: early) }
        #expect(throws: refusal) { try cycle.stepBack(on: early) }
        #expect(cycle == before)
    }

    @Test("a cycle is rebuilt from its stored history at the last stage it entered")
    func rebuildFromHistory() throws {
        let history = [
            StageMove(stage: .agreement, on: try day("2026-09-14")),
            StageMove(stage: .preLesson, on: try day("2026-09-21")),
            StageMove(stage: .agreement, on: try day("2026-09-22")),
        ]
        let cycle = try CoachingCycle(
            trio: try trio(), priority: nil, focus: "retrieval practice", history: history)
        #expect(cycle.stage == .agreement)
        #expect(cycle.startedOn == (try day("2026-09-14")))
        #expect(cycle.inStageSince == (try day("2026-09-22")))
        #expect(cycle.history == history)
    }

    @Test("a cycle with no stored history is refused")
    func rebuildWithoutHistory() throws {
        let trio = try trio()
        #expect(throws: CoachingError.cycleWithoutHistory) {
            try CoachingCycle(trio: trio, priority: nil, focus: "", history: [])
        }
    }

    // MARK: Messages

    @Test("every coaching error says what to do instead", arguments: everyCoachingError)
    func errorsSayWhatToDo(error: CoachingError) {
        // The last clause of the message is the advice, an instruction.
        let advice =
            error.description.split(whereSeparator: { ";:".contains($0) }).last
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let verbs = [
            "choose", "restore", "start", "give", "advance", "move", "use", "ask", "check",
            "correct", "close", "open", "leave", "keep", "try",
        ]
        let firstWord = advice.split(separator: " ").first.map(String.init) ?? ""
        #expect(verbs.contains(firstWord), "the advice is \"\(advice)\"")
    }

    @Test("the trio error names the three codes and asks for three different ones")
    func trioErrorMessage() {
        let text = CoachingError.trioNeedsThreePeople(coachee: "SJ", coach: "SJ", observer: "ZOE")
            .description
        #expect(text.contains("coachee SJ"))
        #expect(text.contains("coach SJ"))
        #expect(text.contains("observer ZOE"))
        #expect(text.contains("choose three different staff codes"))
    }

    @Test("the stage date error gives both dates as the school writes them")
    func stageDateErrorMessage() throws {
        let text = CoachingError.stageDateBeforePrevious(
            day: try day("2026-11-02"), previous: try day("2026-11-24")
        ).description
        #expect(text.contains("02/11/2026"))
        #expect(text.contains("24/11/2026"))
        #expect(text.contains("give a later date"))
    }

    @Test("the closed cycle error says to start a new cycle")
    func closedCycleErrorMessage() {
        #expect(CoachingError.cannotAdvanceClosedCycle.description.contains("start a new cycle"))
        #expect(everyCoachingError.count == 5)
    }
}
