import Coaching
import CoachingStore
import Foundation
import Testing

/// A store in a temporary folder, removed when the test is done with it.
final class TemporaryStore: Sendable {
    let folder: String
    let store: CoachingStore

    init() throws {
        folder = NSTemporaryDirectory() + "documents-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try CoachingStore(path: folder + "/coaching.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

let technician = Actor.commandLine(user: "tester")

func day(_ iso: String) -> SchoolDay {
    guard let day = SchoolDay(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return day
}

/// A small school with one cycle written up from agreement to impact, a second cycle with
/// nothing written yet, and CPD logs.
struct SmallSchool {
    static let today = day("2027-03-18")

    static let coachee = StaffMember(code: "PRA", name: "Priya Raghunathan", subject: "Maths", earlyCareerYear: 2)
    static let coach = StaffMember(code: "SJO", name: "Siân Joseph", subject: "Maths", roles: [.coach, .leadCoach])
    static let observer = StaffMember(code: "TWR", name: "Tomasz Wróbel", subject: "Maths", roles: [.coach])
    static let office = StaffMember(code: "BKE", name: "Bethan Kemble", subject: "Office", roles: [.office])
    static let head = StaffMember(code: "GMH", name: "Gwenllian Morgan-Hughes", subject: "Leadership", roles: [.head])
    static let impactLead = StaffMember(code: "WGR", name: "Ŵyn Gruffydd", subject: "Humanities", roles: [.impactLead])
    static let colleague = StaffMember(code: "CON", name: "Ciarán O'Neill", subject: "English", roles: [.coach])
    static let staff = [coachee, coach, observer, office, head, impactLead, colleague]

    let store: CoachingStore
    /// The cycle written up from agreement to impact statement.
    let cycle: Int64
    /// A cycle just started, with nothing written.
    let bareCycle: Int64
    let sharedSession: Int64
    let privateSession: Int64
    let observation: Int64

    init(_ store: CoachingStore) throws {
        self.store = store
        for member in Self.staff { try store.addStaff(member, by: technician) }
        try store.addPriority(Priority(code: "P1", title: "Adaptive teaching for pupils with SEND"), by: technician)
        try store.addPriority(Priority(code: "P2", title: "Oracy across the curriculum"), by: technician)
        cycle = try store.startCycle(
            CoachingCycle(
                trio: Trio(coachee: "PRA", coach: "SJO", observer: "TWR"), priority: "P1",
                focus: "Adaptive scaffolds in Year 7 maths", startedOn: day("2026-09-07")),
            by: technician)
        try store.saveAgreement(
            CoachingAgreement(
                goals: "Pupils with ALN reach the same final problem.", priority: "P1",
                coacheeCommitments: "Plan with the five in mind.", coachCommitments: "Keep the Thursday slot.",
                durationWeeks: 8, coacheeConfirmedOn: day("2026-09-10")),
            cycle: cycle, by: technician)
        try store.addGoal(
            Goal(
                owner: "PRA", text: "Pre-teach key vocabulary with the TA", priority: "P2", status: .achieved,
                setOn: day("2026-09-21")),
            cycle: cycle, by: technician)
        sharedSession = try store.addSession(
            SessionProforma(
                heldOn: day("2026-09-21"), kind: .preLesson, author: "PRA", goal: "Everyone reaches the last problem.",
                reality: "Five pupils get a separate sheet.", options: "Faded worked examples.",
                will: "A faded example sheet for everyone.", tactics: "Scaffolds on the back.",
                habits: "Ask what the five do at minute twenty.",
                actions: [
                    AgreedAction(action: "Make the sheet", who: "Priya", byWhen: day("2026-09-28")),
                    AgreedAction(action: "Arrange cover", who: "Siân"),
                ],
                sharedWithObserver: true),
            cycle: cycle, by: technician)
        privateSession = try store.addSession(
            SessionProforma(
                heldOn: day("2026-10-05"), kind: .checkIn, author: "SJO", goal: "Re-plan.", sharedWithObserver: false),
            cycle: cycle, by: technician)
        observation = try store.addObservation(
            ObservationNotes(
                heldOn: day("2026-10-12"), author: "TWR", lessonClass: "7M4", subject: "Maths",
                lookFors: "When the five start writing.", seenAndHeard: "09:05 All writing by 09:08.",
                questions: "What did the hint cards change?"),
            cycle: cycle, by: technician)
        // Pre-lesson, observed lesson, post-lesson, impact.
        for on in ["2026-09-21", "2026-10-12", "2026-10-14", "2026-11-30"] {
            try store.advanceCycle(cycle, on: day(on), by: technician)
        }
        try store.saveImpact(
            ImpactStatement(
                goal: "Pupils with ALN reach the same final problem.", practice: "Faded worked examples.",
                changeInTeaching: "One sheet for everyone.", pupilOutcomesBefore: "Two of five finished.",
                pupilOutcomesAfter: "Five of five finished.", wentWell: "Tomasz's notes helped.",
                couldHaveGoneBetter: "The lesson was lost to vaccinations.", nextSteps: "Share with the maths team.",
                author: "PRA", submittedOn: day("2026-12-02")),
            cycle: cycle, by: technician)
        bareCycle = try store.startCycle(
            CoachingCycle(
                trio: Trio(coachee: "CON", coach: "SJO", observer: "TWR"), priority: "P2", focus: "Talk routines",
                startedOn: day("2027-01-11")),
            by: technician)
        for activity in [
            CPDActivity(
                owner: "PRA", heldOn: day("2026-10-01"), title: "ALN training", kind: .inSchoolTraining, hours: 1.5,
                priority: "P1", reflection: "Read the IDP first."),
            CPDActivity(
                owner: "PRA", heldOn: day("2027-01-20"), title: "Reading: hinge questions", kind: .reading, hours: 1,
                reflection: ""),
            CPDActivity(
                owner: "PRA", heldOn: day("2027-02-03"), title: "Maths hub course", kind: .course, hours: 2.25,
                priority: "P1", reflection: "Bar models."),
            CPDActivity(
                owner: "SJO", heldOn: day("2026-11-04"), title: "Coaching ambassador training",
                kind: .coachingAmbassadorTraining, hours: 6),
        ] {
            try store.addCPD(activity, by: technician)
        }
    }
}
