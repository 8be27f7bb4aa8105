import Foundation
import Printing
import Testing

@Suite("Printer destinations as the technician types them")
struct PrintDestinationTests {
    @Test(
        "each form reads as its destination",
        arguments: [
            ("default", PrintDestination.systemDefault),
            ("", .systemDefault),
            ("  Default \n", .systemDefault),
            ("staffroom", .queue("staffroom")),
            ("Office_Laser-2", .queue("Office_Laser-2")),
            ("Ystafell_Athrawon", .queue("Ystafell_Athrawon")),
            (" staffroom ", .queue("staffroom")),
            ("ipp://10.0.0.20/ipp/print", .uri("ipp://10.0.0.20/ipp/print")),
            ("ipps://printer.school.example:631/ipp/print", .uri("ipps://printer.school.example:631/ipp/print")),
            ("http://127.0.0.1:8631/ipp/print", .uri("http://127.0.0.1:8631/ipp/print")),
            ("IPP://10.0.0.20/ipp/print", .uri("IPP://10.0.0.20/ipp/print")),
            ("dir:/var/spool/coaching-kiosk", .folder("/var/spool/coaching-kiosk")),
            ("dir:prints", .folder("prints")),
        ])
    func reads(text: String, destination: PrintDestination) throws {
        #expect(try PrintDestination(parsing: text) == destination)
    }

    @Test(
        "what CUPS would refuse is refused for good, saying what to type instead",
        arguments: [
            ("staff room", "no spaces"),
            ("office/laser", "no spaces, slashes"),
            ("room#2", "#"),
            ("tab\there", "no spaces"),
            ("bell\u{7}", "no spaces"),
            ("it's", "quotes"),
            ("why?", "?"),
            (String(repeating: "q", count: 128), "at most 127 characters"),
            ("socket://10.0.0.9:9100", "starts with ipp://"),
            ("lpd://10.0.0.9/queue", "starts with ipp://"),
            ("ipp://", "in full"),
            ("ipp:///ipp/print", "in full"),
            ("dir:", "a folder after dir:"),
        ])
    func refuses(text: String, advice: String) {
        #expect {
            try PrintDestination(parsing: text)
        } throws: { error in
            guard let error = error as? PrintError else { return false }
            return !error.isTemporary && error.message.contains(advice) && error.message.contains("cannot be used")
        }
    }

    @Test(
        "the text form reads back as the same destination",
        arguments: [
            PrintDestination.systemDefault, .queue("staffroom"), .uri("ipp://10.0.0.20/ipp/print"),
            .folder("/var/spool/coaching-kiosk"),
        ])
    func roundTrip(destination: PrintDestination) throws {
        #expect(try PrintDestination(parsing: destination.description) == destination)
    }

    @Test("the text forms are what the technician types")
    func textForms() {
        #expect(PrintDestination.systemDefault.description == "default")
        #expect(PrintDestination.queue("staffroom").description == "staffroom")
        #expect(PrintDestination.folder("/srv/prints").description == "dir:/srv/prints")
    }

    @Test("it is stored as its text form, and a stored value CUPS would refuse does not load")
    func codable() throws {
        let destinations: [PrintDestination] = [.systemDefault, .queue("staffroom"), .folder("/srv/prints")]
        let json = try JSONEncoder().encode(destinations)
        #expect(String(decoding: json, as: UTF8.self) == #"["default","staffroom","dir:\/srv\/prints"]"#)
        #expect(try JSONDecoder().decode([PrintDestination].self, from: json) == destinations)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PrintDestination].self, from: Data(#"["staff room"]"#.utf8))
        }
    }
}
