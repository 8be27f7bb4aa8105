import Foundation
import KioskConfiguration
import Testing

@Suite("Printer destinations as the technician types them")
struct PrinterTargetTests {
    @Test(
        "each form reads as its destination",
        arguments: [
            ("default", PrinterTarget.systemDefault),
            ("", .systemDefault),
            ("  Default \n", .systemDefault),
            ("staffroom", .queue("staffroom")),
            ("Office_Laser-2", .queue("Office_Laser-2")),
            ("Ystafell_Athrawon", .queue("Ystafell_Athrawon")),
            (" staffroom ", .queue("staffroom")),
            ("ipp://10.0.0.20/ipp/print", .ipp("ipp://10.0.0.20/ipp/print")),
            ("ipps://printer.school.example:631/ipp/print", .ipp("ipps://printer.school.example:631/ipp/print")),
            ("http://127.0.0.1:8631/ipp/print", .ipp("http://127.0.0.1:8631/ipp/print")),
            ("IPP://10.0.0.20/ipp/print", .ipp("IPP://10.0.0.20/ipp/print")),
            ("dir:/var/spool/coaching-kiosk", .directory("/var/spool/coaching-kiosk")),
            ("dir:prints", .directory("prints")),
        ])
    func reads(text: String, destination: PrinterTarget) throws {
        #expect(try PrinterTarget(parsing: text) == destination)
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
            try PrinterTarget(parsing: text)
        } throws: { error in
            guard let error = error as? PrinterTargetError else { return false }
            return error.description.contains(advice) && error.description.contains("cannot be used")
        }
    }

    @Test(
        "the text form reads back as the same destination",
        arguments: [
            PrinterTarget.systemDefault, .queue("staffroom"), .ipp("ipp://10.0.0.20/ipp/print"),
            .directory("/var/spool/coaching-kiosk"),
        ])
    func roundTrip(destination: PrinterTarget) throws {
        #expect(try PrinterTarget(parsing: destination.description) == destination)
    }

    @Test("the text forms are what the technician types")
    func textForms() {
        #expect(PrinterTarget.systemDefault.description == "default")
        #expect(PrinterTarget.queue("staffroom").description == "staffroom")
        #expect(PrinterTarget.directory("/srv/prints").description == "dir:/srv/prints")
    }

    @Test("it is stored as its text form, and a stored value CUPS would refuse does not load")
    func codable() throws {
        let destinations: [PrinterTarget] = [.systemDefault, .queue("staffroom"), .directory("/srv/prints")]
        let json = try JSONEncoder().encode(destinations)
        #expect(String(decoding: json, as: UTF8.self) == #"["default","staffroom","dir:\/srv\/prints"]"#)
        #expect(try JSONDecoder().decode([PrinterTarget].self, from: json) == destinations)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PrinterTarget].self, from: Data(#"["staff room"]"#.utf8))
        }
    }
}
