import Coaching
import CoachingStore
import Documents
import Testing

@Suite("Who may print what")
struct DocumentAccessTests {
    let temporary: TemporaryStore
    let school: SmallSchool

    init() throws {
        temporary = try TemporaryStore()
        school = try SmallSchool(temporary.store)
    }

    func allowed(_ request: DocumentRequest, _ person: StaffMember) throws -> Bool {
        do {
            try authorise(request, for: person, store: temporary.store)
            return true
        } catch {
            guard case .notAllowed = error else { throw error }
            return false
        }
    }

    @Test("the coach prints the agreement; the coachee, the observer, the head and the office do not")
    func agreement() throws {
        let request = DocumentRequest.agreement(cycle: school.cycle)
        #expect(try allowed(request, SmallSchool.coach))
        #expect(try !allowed(request, SmallSchool.coachee))
        #expect(try !allowed(request, SmallSchool.observer))
        #expect(try !allowed(request, SmallSchool.head))
        #expect(try !allowed(request, SmallSchool.office))
        #expect(try !allowed(request, SmallSchool.colleague), "a coach outside the trio")
    }

    @Test("session records: the coach prints them; the observer never, shared or not; no one outside the trio")
    func sessions() throws {
        for id in [school.sharedSession, school.privateSession] {
            #expect(try allowed(.session(id: id), SmallSchool.coach))
            #expect(try !allowed(.session(id: id), SmallSchool.observer))
            #expect(try !allowed(.session(id: id), SmallSchool.coachee))
            #expect(try !allowed(.session(id: id), SmallSchool.head))
            #expect(try !allowed(.session(id: id), SmallSchool.impactLead))
        }
    }

    @Test("observation notes: the observer and the coach print them; the coachee and the head do not")
    func observations() throws {
        let request = DocumentRequest.observation(id: school.observation)
        #expect(try allowed(request, SmallSchool.observer))
        #expect(try allowed(request, SmallSchool.coach))
        #expect(try !allowed(request, SmallSchool.coachee))
        #expect(try !allowed(request, SmallSchool.head))
        #expect(try !allowed(request, SmallSchool.office))
    }

    @Test("the impact sheet is the coach's to print; the impact lead reads it but does not print it")
    func impact() throws {
        let request = DocumentRequest.impact(cycle: school.cycle)
        #expect(try allowed(request, SmallSchool.coach))
        #expect(try !allowed(request, SmallSchool.impactLead))
        #expect(try !allowed(request, SmallSchool.office))
    }

    @Test("the office prints the trustee pack; the head and the coaches do not")
    func trusteePack() throws {
        let request = DocumentRequest.trusteePack(from: day("2026-09-01"), to: day("2027-08-31"))
        #expect(try allowed(request, SmallSchool.office))
        #expect(try !allowed(request, SmallSchool.head))
        #expect(try !allowed(request, SmallSchool.coach))
        #expect(try !allowed(request, SmallSchool.impactLead))
    }

    @Test("a person prints their own CPD log and no one else's")
    func cpd() throws {
        #expect(try allowed(.cpd(staff: "PRA"), SmallSchool.coachee))
        #expect(try !allowed(.cpd(staff: "SJO"), SmallSchool.coachee))
        #expect(try !allowed(.cpd(staff: "PRA"), SmallSchool.head))
        #expect(try !allowed(.cpd(staff: "PRA"), SmallSchool.coach))
    }

    @Test("a refusal names the person, the document and who may print it")
    func messages() {
        #expect(
            throws: DocumentError.notAllowed(
                person: "TWR", document: "session record \(school.privateSession)",
                rule: "only the cycle's coach prints it; ask them to print it")
        ) {
            try authorise(.session(id: school.privateSession), for: SmallSchool.observer, store: temporary.store)
        }
        #expect(
            throws: DocumentError.notAllowed(
                person: "GMH", document: "the trustee pack", rule: "only the office prints it; ask them to print it")
        ) {
            try authorise(
                .trusteePack(from: day("2026-09-01"), to: day("2027-08-31")), for: SmallSchool.head,
                store: temporary.store)
        }
        #expect(
            DocumentError.notAllowed(
                person: "PRA", document: "the CPD log of SJO", rule: "only the person it belongs to"
            )
            .description == "PRA may not print the CPD log of SJO: only the person it belongs to.")
        let source = DocumentSource(store: temporary.store, schoolName: "School", today: SmallSchool.today)
        #expect(throws: DocumentError.self) {
            try source.authorise(.observation(id: school.observation), for: SmallSchool.coachee)
        }
    }

    @Test("a record that does not exist is reported missing, whoever asks")
    func missing() {
        #expect(throws: DocumentError.noSuchSession(99)) {
            try authorise(.session(id: 99), for: SmallSchool.coach, store: temporary.store)
        }
        #expect(throws: DocumentError.noSuchObservation(99)) {
            try authorise(.observation(id: 99), for: SmallSchool.coach, store: temporary.store)
        }
        #expect(throws: DocumentError.noSuchCycle(99)) {
            try authorise(.agreement(cycle: 99), for: SmallSchool.coach, store: temporary.store)
        }
    }
}
