import Documents
import Testing

@Test func everyDocumentHasAName() {
    #expect(Set(DocumentKind.allCases.map(\.rawValue)).count == DocumentKind.allCases.count)
}
