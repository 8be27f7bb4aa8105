import Coaching
import CoachingStore
import Sheets

/// What each document says, read from the store: the values and lists its
/// layout places. Dates are written out ("24 November 2026"), hours with
/// one decimal place, empty text stays empty (the layout shows a dash).
public struct DocumentSource: Sendable {
    public let store: CoachingStore
    public let schoolName: String
    /// The smallest group the trustee pack may show a number for.
    public let suppressionThreshold: Int
    /// The day the document is printed on.
    public let today: SchoolDay

    public init(store: CoachingStore, schoolName: String, suppressionThreshold: Int = 3, today: SchoolDay) {
        self.store = store
        self.schoolName = schoolName
        self.suppressionThreshold = max(1, suppressionThreshold)
        self.today = today
    }

    /// The document `request` names, ready for its layout. Does not check
    /// who asks: call `authorise` first.
    public func data(for request: DocumentRequest) throws(DocumentError) -> SheetData {
        var data: SheetData
        switch request {
        case let .agreement(cycle): data = try agreement(cycle)
        case let .session(id): data = try session(id)
        case let .observation(id): data = try observation(id)
        case let .impact(cycle): data = try impact(cycle)
        case let .trusteePack(from, to): data = try trusteePack(from: from, to: to)
        case let .cpd(staff): data = try cpd(staff)
        }
        data.title = request.kind.title
        data.values["document.title"] = request.kind.title
        data.values["printed.on"] = today.longForm
        data.values["school.name"] = schoolName
        return data
    }

    // MARK: Cycle documents

    private func agreement(_ id: Int64) throws(DocumentError) -> SheetData {
        let stored = try Self.cycle(id, in: store)
        guard let agreement = try reading({ () throws(StoreError) in try store.agreement(cycle: id) }) else {
            throw .noAgreement(cycle: id)
        }
        var data = try cycleData(stored, priority: agreement.priority ?? stored.cycle.priority)
        data.values.merge([
            "agreement.goals": agreement.goals,
            "agreement.coachee_commitments": agreement.coacheeCommitments,
            "agreement.coach_commitments": agreement.coachCommitments,
            "agreement.meeting_pattern": agreement.meetingPattern,
            "agreement.duration_weeks": "\(agreement.durationWeeks)",
            "agreement.coachee_confirmed": agreement.coacheeConfirmedOn?.longForm ?? Self.notConfirmed,
            "agreement.coach_confirmed": agreement.coachConfirmedOn?.longForm ?? Self.notConfirmed,
        ]) { $1 }
        return data
    }

    static let notConfirmed = "Not yet confirmed"

    private func session(_ id: Int64) throws(DocumentError) -> SheetData {
        let stored = try Self.session(id, in: store)
        let cycle = try Self.cycle(stored.cycleID, in: store)
        let session = stored.record
        var data = try cycleData(cycle, priority: cycle.cycle.priority)
        data.values.merge([
            "session.id": "\(stored.id)",
            "session.kind": session.kind.title,
            "session.held_on": session.heldOn.longForm,
            "session.author": try name(session.author),
            "session.goal": session.goal,
            "session.reality": session.reality,
            "session.options": session.options,
            "session.will": session.will,
            "session.tactics": session.tactics,
            "session.habits": session.habits,
            "session.shared": session.sharedWithObserver
                ? "Shared with the observer" : "Kept between coachee and coach",
        ]) { $1 }
        data.lists["actions"] = session.actions.map {
            ["action": $0.action, "who": $0.who, "by_when": $0.byWhen?.longForm ?? ""]
        }
        return data
    }

    private func observation(_ id: Int64) throws(DocumentError) -> SheetData {
        let stored = try Self.observation(id, in: store)
        let cycle = try Self.cycle(stored.cycleID, in: store)
        let notes = stored.record
        var data = try cycleData(cycle, priority: cycle.cycle.priority)
        data.values.merge([
            "observation.id": "\(stored.id)",
            "observation.held_on": notes.heldOn.longForm,
            "observation.author": try name(notes.author),
            "observation.class": notes.lessonClass,
            "observation.subject": notes.subject,
            "observation.look_fors": notes.lookFors,
            "observation.seen_and_heard": notes.seenAndHeard,
            "observation.questions": notes.questions,
        ]) { $1 }
        return data
    }

    private func impact(_ id: Int64) throws(DocumentError) -> SheetData {
        let cycle = try Self.cycle(id, in: store)
        guard let impact = try reading({ () throws(StoreError) in try store.impact(cycle: id) }) else {
            throw .noImpactStatement(cycle: id)
        }
        var data = try cycleData(cycle, priority: cycle.cycle.priority)
        data.values.merge([
            "impact.goal": impact.goal,
            "impact.practice": impact.practice,
            "impact.change_in_teaching": impact.changeInTeaching,
            "impact.pupil_outcomes_before": impact.pupilOutcomesBefore,
            "impact.pupil_outcomes_after": impact.pupilOutcomesAfter,
            "impact.went_well": impact.wentWell,
            "impact.could_have_gone_better": impact.couldHaveGoneBetter,
            "impact.next_steps": impact.nextSteps,
            "impact.author": try name(impact.author),
            "impact.submitted_on": impact.submittedOn.longForm,
        ]) { $1 }
        let goals = try reading { () throws(StoreError) in try store.goals(cycle: id) }
        data.lists["goals"] = goals.map {
            [
                "text": $0.record.text, "priority": $0.record.priority ?? "", "status": $0.record.status.title,
                "set_on": $0.record.setOn.longForm,
            ]
        }
        return data
    }

    /// The cycle, its trio and its priority, shared by the four cycle documents.
    private func cycleData(_ stored: StoredCycle, priority code: String?) throws(DocumentError) -> SheetData {
        let cycle = stored.cycle
        let trio = [
            ("Coachee", "coachee", try member(cycle.trio.coachee)),
            ("Coach", "coach", try member(cycle.trio.coach)),
            ("Observer", "observer", try member(cycle.trio.observer)),
        ]
        let priorities = try reading { () throws(StoreError) in try store.priorities() }
        var values = [
            "cycle.id": "\(stored.id)",
            "cycle.focus": cycle.focus,
            "cycle.started": cycle.startedOn.longForm,
            "cycle.stage": cycle.stage.title,
            "priority.code": code ?? "",
            "priority.title": priorities.first { $0.code == code }?.title ?? "",
        ]
        for (_, key, person) in trio {
            values["\(key).name"] = person.name
            values["\(key).subject"] = person.subject
        }
        return SheetData(
            title: "", values: values,
            lists: ["trio": trio.map { ["position": $0.0, "name": $0.2.name, "subject": $0.2.subject] }])
    }

    // MARK: CPD log

    private func cpd(_ code: StaffCode) throws(DocumentError) -> SheetData {
        guard let person = try reading({ () throws(StoreError) in try store.staffMember(code) }) else {
            throw .noSuchStaff(code)
        }
        let activities = try reading { () throws(StoreError) in try store.cpd(owner: code) }
            .map(\.record).sorted { $0.heldOn > $1.heldOn }
        let total = activities.reduce(0) { $0 + $1.hours }
        var byKind: [CPDKind: Double] = [:]
        for activity in activities { byKind[activity.kind, default: 0] += activity.hours }
        return SheetData(
            title: "",
            values: [
                "person.name": person.name, "person.code": person.code.rawValue, "person.subject": person.subject,
                "cpd.total_hours": Self.hours(total), "cpd.count": "\(activities.count)",
            ],
            lists: [
                "activities": activities.map {
                    [
                        "date": $0.heldOn.longForm, "title": $0.title, "kind": $0.kind.title,
                        "hours": Self.hours($0.hours), "priority": $0.priority ?? "", "reflection": $0.reflection,
                    ]
                },
                "hours_by_kind": CPDKind.allCases.compactMap { kind in
                    byKind[kind].map { ["kind": kind.title, "hours": Self.hours($0)] }
                },
            ])
    }

    // MARK: Reading the store

    /// Hours to the quarter hour the forms take, with no more decimals than
    /// needed, but at least one: `12.5`, `6.0`, `4.75`.
    static func hours(_ hours: Double) -> String {
        let hundredths = Int((max(0, hours) * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    func reading<T>(_ body: () throws(StoreError) -> T) throws(DocumentError) -> T {
        do { return try body() } catch { throw DocumentError(error) }
    }

    /// A trio member's name and subject; a code no longer on the staff list stands for the name.
    private func member(_ code: StaffCode) throws(DocumentError) -> StaffMember {
        try reading { () throws(StoreError) in try store.staffMember(code) }
            ?? StaffMember(code: code, name: code.rawValue, subject: "")
    }

    private func name(_ code: StaffCode) throws(DocumentError) -> String { try member(code).name }

    static func cycle(_ id: Int64?, in store: CoachingStore) throws(DocumentError) -> StoredCycle {
        guard let id else { throw .noSuchCycle(0) }
        do { return try store.cycle(id) } catch { throw DocumentError(error) }
    }

    static func session(_ id: Int64, in store: CoachingStore) throws(DocumentError) -> Stored<SessionProforma> {
        do { return try store.session(id) } catch {
            if case .unknownRecord = error { throw .noSuchSession(id) }
            throw DocumentError(error)
        }
    }

    /// The store finds observation notes by cycle, so each cycle is looked through.
    static func observation(_ id: Int64, in store: CoachingStore) throws(DocumentError) -> Stored<ObservationNotes> {
        do {
            for cycle in try store.cycles() {
                if let notes = try store.observations(cycle: cycle.id).first(where: { $0.id == id }) { return notes }
            }
        } catch { throw DocumentError(error) }
        throw .noSuchObservation(id)
    }
}

extension GoalStatus {
    var title: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .achieved: "Achieved"
        case .dropped: "Dropped"
        }
    }
}
