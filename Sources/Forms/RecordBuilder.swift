import Coaching
import Foundation

/// What the start-cycle form makes: the trio and the cycle's link and focus.
/// The kiosk turns it into a `CoachingCycle` on the day it is saved.
public struct CycleStart: Hashable, Sendable {
    public var trio: Trio
    /// The school priority the cycle is linked to, by code.
    public var priority: String?
    public var focus: String

    public init(trio: Trio, priority: String? = nil, focus: String = "") {
        self.trio = trio
        self.priority = priority
        self.focus = focus
    }
}

/// Makes records from a form's values (as `FormState.readyToSubmit` returns
/// them, keyed as in `RecordFields`) and gives a record's values back so it
/// can be shown again in its form.
///
/// Missing optional values take the record's defaults; a value the record
/// cannot be made without, or one that cannot be read, is a `FormProblem`.
public enum RecordBuilder {
    // MARK: Values to records

    public static func session(_ values: [String: String], author: StaffCode) throws(FormProblem)
        -> SessionProforma
    {
        let read = Reader(values: values, record: .session)
        let heldOn = try read.date("held_on")
        let kindValue = try read.required("kind")
        guard let kind = SessionKind(rawValue: kindValue) else {
            throw read.invalid(
                "kind",
                "\"\(kindValue)\" is not a kind of session; choose one of "
                    + SessionKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let actions: [AgreedAction]
        switch AgreedActions.parse(read.text("actions"), today: heldOn) {
        case let .success(parsed): actions = parsed
        case let .failure(problem): throw .invalid(problem)
        }
        return SessionProforma(
            heldOn: heldOn, kind: kind, author: author, goal: read.text("goal"),
            reality: read.text("reality"), options: read.text("options"), will: read.text("will"),
            tactics: read.text("tactics"), habits: read.text("habits"), actions: actions,
            sharedWithObserver: try read.yesNo("shared_with_observer") ?? false)
    }

    public static func observation(_ values: [String: String], author: StaffCode)
        throws(FormProblem) -> ObservationNotes
    {
        let read = Reader(values: values, record: .observation)
        return ObservationNotes(
            heldOn: try read.date("held_on"), author: author,
            lessonClass: try read.required("lesson_class"), subject: try read.required("subject"),
            lookFors: read.text("look_fors"), seenAndHeard: read.text("seen_and_heard"),
            questions: read.text("questions"))
    }

    /// The agreement, its priority by code. It cannot be made unless
    /// `confidentiality_understood` is yes.
    public static func agreement(_ values: [String: String]) throws(FormProblem)
        -> CoachingAgreement
    {
        let read = Reader(values: values, record: .agreement)
        let goals = try read.required("goals")
        guard try read.yesNo("confidentiality_understood") == true else {
            throw read.invalid(
                "confidentiality_understood",
                "The agreement can be saved only "
                    + "once you have read how confidentiality works and typed y to confirm it.")
        }
        var weeks = 6
        if let number = try read.number("duration_weeks") {
            guard number >= 1, number <= 52, number.rounded() == number else {
                throw read.invalid("duration_weeks", "Type a whole number of weeks from 1 to 52.")
            }
            weeks = Int(number)
        }
        let pattern = read.text("meeting_pattern")
        return CoachingAgreement(
            goals: goals, priority: read.optional("priority"),
            coacheeCommitments: read.text("coachee_commitments"),
            coachCommitments: read.text("coach_commitments"),
            meetingPattern: pattern.isEmpty ? CoachingAgreement.usualMeetingPattern : pattern,
            durationWeeks: weeks)
    }

    public static func impact(
        _ values: [String: String], author: StaffCode, submittedOn: SchoolDay
    ) throws(FormProblem) -> ImpactStatement {
        let read = Reader(values: values, record: .impact)
        return ImpactStatement(
            goal: try read.required("goal"), practice: read.text("practice"),
            changeInTeaching: read.text("change_in_teaching"),
            pupilOutcomesBefore: read.text("pupil_outcomes_before"),
            pupilOutcomesAfter: read.text("pupil_outcomes_after"),
            wentWell: read.text("went_well"),
            couldHaveGoneBetter: read.text("could_have_gone_better"),
            nextSteps: read.text("next_steps"), author: author, submittedOn: submittedOn)
    }

    public static func cpd(_ values: [String: String], owner: StaffCode) throws(FormProblem)
        -> CPDActivity
    {
        let read = Reader(values: values, record: .cpd)
        let heldOn = try read.date("held_on")
        let title = try read.required("title")
        let kindValue = try read.required("kind")
        guard let kind = CPDKind(rawValue: kindValue) else {
            throw read.invalid(
                "kind",
                "\"\(kindValue)\" is not a kind of CPD; choose one of "
                    + CPDKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard let hours = try read.number("hours") else {
            throw .missing(key: "hours", meaning: read.meaning("hours"))
        }
        guard hours >= 0 else { throw read.invalid("hours", "Type the hours as 0 or more.") }
        return CPDActivity(
            owner: owner, heldOn: heldOn, title: title, kind: kind, hours: hours,
            priority: read.optional("priority"), reflection: read.text("reflection"))
    }

    /// A development priority; its code is 1 to 16 characters with no spaces.
    public static func priority(_ values: [String: String]) throws(FormProblem) -> Priority {
        let read = Reader(values: values, record: .priority)
        let code = try read.required("code")
        guard code.count <= 16, !code.contains(where: \.isWhitespace) else {
            throw read.invalid(
                "code",
                "Type a short code of up to 16 characters with no "
                    + "spaces, such as P1 or READ.")
        }
        return Priority(code: code, title: try read.required("title"), detail: read.text("detail"))
    }

    /// A new cycle's trio: three different members of staff.
    public static func cycle(_ values: [String: String]) throws(FormProblem) -> CycleStart {
        let read = Reader(values: values, record: .cycle)
        let coachee = try read.staff("coachee")
        let coach = try read.staff("coach")
        let observer = try read.staff("observer")
        let trio: Trio
        do throws(CoachingError) {
            trio = try Trio(coachee: coachee, coach: coach, observer: observer)
        } catch {
            throw read.invalid("observer", error.description)
        }
        return CycleStart(
            trio: trio, priority: read.optional("priority"), focus: read.text("focus"))
    }

    // MARK: Records to values

    public static func values(from session: SessionProforma) -> [String: String] {
        [
            "held_on": session.heldOn.iso, "kind": session.kind.rawValue, "goal": session.goal,
            "reality": session.reality, "options": session.options, "will": session.will,
            "tactics": session.tactics, "habits": session.habits,
            "actions": AgreedActions.text(session.actions),
            "shared_with_observer": session.sharedWithObserver ? "yes" : "no",
        ]
    }

    public static func values(from notes: ObservationNotes) -> [String: String] {
        [
            "held_on": notes.heldOn.iso, "lesson_class": notes.lessonClass,
            "subject": notes.subject, "look_fors": notes.lookFors,
            "seen_and_heard": notes.seenAndHeard, "questions": notes.questions,
        ]
    }

    /// A saved agreement was understood, so `confidentiality_understood` is yes.
    public static func values(from agreement: CoachingAgreement) -> [String: String] {
        [
            "goals": agreement.goals, "priority": agreement.priority ?? "",
            "coachee_commitments": agreement.coacheeCommitments,
            "coach_commitments": agreement.coachCommitments,
            "meeting_pattern": agreement.meetingPattern,
            "duration_weeks": String(agreement.durationWeeks),
            "confidentiality_understood": "yes",
        ]
    }

    public static func values(from impact: ImpactStatement) -> [String: String] {
        [
            "goal": impact.goal, "practice": impact.practice,
            "change_in_teaching": impact.changeInTeaching,
            "pupil_outcomes_before": impact.pupilOutcomesBefore,
            "pupil_outcomes_after": impact.pupilOutcomesAfter, "went_well": impact.wentWell,
            "could_have_gone_better": impact.couldHaveGoneBetter, "next_steps": impact.nextSteps,
        ]
    }

    public static func values(from activity: CPDActivity) -> [String: String] {
        [
            "held_on": activity.heldOn.iso, "title": activity.title,
            "kind": activity.kind.rawValue, "hours": FieldDefinition.format(activity.hours),
            "priority": activity.priority ?? "", "reflection": activity.reflection,
        ]
    }

    public static func values(from priority: Priority) -> [String: String] {
        ["code": priority.code, "title": priority.title, "detail": priority.detail]
    }

    public static func values(from start: CycleStart) -> [String: String] {
        [
            "coachee": start.trio.coachee.rawValue, "coach": start.trio.coach.rawValue,
            "observer": start.trio.observer.rawValue, "priority": start.priority ?? "",
            "focus": start.focus,
        ]
    }
}

/// Reads the values of one record, naming each problem by its key.
private struct Reader {
    let values: [String: String]
    let record: FormRecord

    func meaning(_ key: String) -> String {
        RecordFields.entry(key, in: record)?.meaning ?? key
    }

    func invalid(_ key: String, _ message: String) -> FormProblem {
        let meaning = meaning(key)
        let label = (meaning.hasPrefix("the ") ? String(meaning.dropFirst(4)) : meaning)
        return .invalid(
            FieldProblem(
                key: key,
                label: label.prefix(1).uppercased()
                    + label.dropFirst(), message: message))
    }

    func text(_ key: String) -> String {
        FieldDefinition.trimmed(values[key] ?? "")
    }

    func optional(_ key: String) -> String? {
        let value = text(key)
        return value.isEmpty ? nil : value
    }

    func required(_ key: String) throws(FormProblem) -> String {
        guard let value = optional(key) else { throw .missing(key: key, meaning: meaning(key)) }
        return value
    }

    /// ISO 8601 as the form stores it, or DD/MM/YYYY; never `today`,
    /// which means nothing once the form has been left.
    func date(_ key: String) throws(FormProblem) -> SchoolDay {
        let value = try required(key)
        guard value.lowercased() != "today",
            let day = SchoolDay(iso: value)
                ?? SchoolDay(typed: value, today: SchoolDay(dayNumber: 0))
        else {
            throw invalid(
                key,
                "\"\(value)\" is not a date we can read. "
                    + "Type a date as DD/MM/YYYY.")
        }
        return day
    }

    func number(_ key: String) throws(FormProblem) -> Double? {
        guard let value = optional(key) else { return nil }
        guard let number = FieldDefinition.number(value) else {
            throw invalid(key, "\"\(value)\" is not a number. Type a number, such as 6.")
        }
        return number
    }

    func yesNo(_ key: String) throws(FormProblem) -> Bool? {
        guard let value = optional(key) else { return nil }
        guard let answer = FieldDefinition.yesNo(value) else {
            throw invalid(key, "Type y for yes or n for no.")
        }
        return answer
    }

    func staff(_ key: String) throws(FormProblem) -> StaffCode {
        let value = try required(key)
        guard let code = StaffCode(value) else {
            throw invalid(
                key,
                "\"\(value)\" is not a staff code. Type a code such as JSM, "
                    + "or choose a name from the list.")
        }
        return code
    }
}
