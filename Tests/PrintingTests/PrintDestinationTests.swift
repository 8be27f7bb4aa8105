import Printing
import Testing

@Test func destinationsCompare() {
    #expect(PrintDestination.queue("office") != PrintDestination.systemDefault)
}
