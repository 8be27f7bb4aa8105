import Coaching
import CoachingStore
import Documents
import Testing

private let requests: [DocumentRequest] = [
    .agreement(cycle: 12), .session(id: 7), .observation(id: 3), .impact(cycle: 12),
    .trusteePack(from: day("2026-09-01"), to: day("2027-08-31")), .cpd(staff: "PRA"),
]

@Suite("Print requests in the outbox")
struct DocumentRequestTests {
    @Test("each request names its kind")
    func kinds() {
        #expect(Set(requests.map(\.kind)) == Set(DocumentKind.allCases))
    }

    @Test("each request is written to the outbox's columns and read back the same", arguments: requests)
    func roundTrip(request: DocumentRequest) throws {
        let row = request.outboxRow
        #expect(row.document == request.kind.rawValue)
        #expect(
            try DocumentRequest(document: row.document, recordID: row.recordID, parameters: row.parameters) == request)
    }

    @Test("the columns are what the outbox expects")
    func columns() {
        #expect(DocumentRequest.agreement(cycle: 12).outboxRow == .init(document: "agreement", recordID: "12"))
        #expect(DocumentRequest.cpd(staff: "PRA").outboxRow == .init(document: "cpd", recordID: "PRA"))
        #expect(
            DocumentRequest.trusteePack(from: day("2026-09-01"), to: day("2026-11-24")).outboxRow
                == .init(
                    document: "trustee-pack", recordID: nil, parameters: #"{"from":"2026-09-01","to":"2026-11-24"}"#))
    }

    @Test("a request queued in a real store comes back from its print job")
    func throughTheStore() throws {
        let temporary = try TemporaryStore()
        for request in requests {
            try temporary.store.enqueuePrint(request, printer: "staffroom", by: technician)
        }
        let jobs = try temporary.store.printJobs().sorted { $0.id < $1.id }
        #expect(try jobs.map { try DocumentRequest(job: $0) } == requests)
    }

    @Test(
        "a bad row is refused with a reason",
        arguments: [
            ("agenda", "1", "{}", "it asks for a \"agenda\" document"),
            ("agreement", nil, "{}", "a agreement job needs a record number, but has none"),
            ("session", "seven", "{}", "a session job needs a record number, but has \"seven\""),
            ("cpd", "no such code!", "{}", "a cpd job needs a staff code"),
            ("cpd", nil, "{}", "a cpd job needs a staff code, but has none"),
            ("trustee-pack", nil, "{}", "a trustee-pack job needs parameters"),
            ("trustee-pack", nil, "not json", "a trustee-pack job needs parameters"),
            ("trustee-pack", nil, #"{"from":"01/09/2026","to":"2027-08-31"}"#, "a trustee-pack job needs parameters"),
        ] as [(String, String?, String, String)])
    func badRows(document: String, recordID: String?, parameters: String, reason: String) {
        do {
            _ = try DocumentRequest(document: document, recordID: recordID, parameters: parameters)
            Issue.record("\(document) \(recordID ?? "nil") \(parameters) was read")
        } catch {
            guard case let .badPrintJob(message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.contains(reason), "\(message)")
            #expect(error.description.hasSuffix("Cancel it and ask for the document again."))
        }
    }

    @Test("a period that ends before it starts is refused")
    func backwards() {
        #expect(throws: DocumentError.periodBackwards(from: day("2027-08-31"), to: day("2026-09-01"))) {
            try DocumentRequest(
                document: "trustee-pack", recordID: nil, parameters: #"{"from":"2027-08-31","to":"2026-09-01"}"#)
        }
        #expect(
            DocumentError.periodBackwards(from: day("2027-08-31"), to: day("2026-09-01")).description
                == "The period starts on 31 August 2027, after it ends on 1 September 2026; give the earlier day first."
        )
    }
}
