import Testing

@testable import KioskConfiguration

@Suite("Printers, telnet listeners and serial lines as the file writes them")
struct ValueParsingTests {
    // MARK: PrinterTarget

    @Test(
        "a printer is read as the system default, an IPP URI, a folder or a queue",
        arguments: [
            ("", PrinterTarget.systemDefault),
            ("   ", .systemDefault),
            ("default", .systemDefault),
            ("ipp://printer.local/ipp/print", .ipp("ipp://printer.local/ipp/print")),
            ("ipps://10.0.0.9:631/ipp/print", .ipp("ipps://10.0.0.9:631/ipp/print")),
            ("dir:/var/spool/coaching", .directory("/var/spool/coaching")),
            ("dir:sheets", .directory("sheets")),
            ("Staffroom_Laser", .queue("Staffroom_Laser")),
            (" HP-LaserJet-4 ", .queue("HP-LaserJet-4")),
        ])
    func printerTargets(text: String, target: PrinterTarget) {
        #expect(PrinterTarget(text) == target)
    }

    @Test(
        "a printer that is no queue, URI or folder is refused",
        arguments: ["dir:", "my printer", "office/laser", "/dev/usb/lp0", "laser#2"])
    func printerRefused(text: String) {
        #expect(PrinterTarget(text) == nil)
    }

    @Test(
        "a printer's description reads back as the same printer",
        arguments: [
            PrinterTarget.systemDefault, .queue("Staffroom_Laser"), .ipp("ipp://p/ipp/print"),
            .directory("/srv/sheets"),
        ])
    func printerDescription(target: PrinterTarget) {
        #expect(PrinterTarget(target.description) == target)
    }

    @Test("a printer is described as the file writes it")
    func printerDescriptions() {
        #expect(PrinterTarget.systemDefault.description == "default")
        #expect(PrinterTarget.queue("Laser").description == "Laser")
        #expect(PrinterTarget.ipp("ipps://p/ipp").description == "ipps://p/ipp")
        #expect(PrinterTarget.directory("/srv").description == "dir:/srv")
    }

    // MARK: Listener

    @Test(
        "a listener is read as HOST:PORT, with IPv6 hosts in brackets",
        arguments: [
            ("127.0.0.1:2323", "127.0.0.1", 2323, "127.0.0.1:2323"),
            ("0.0.0.0:23", "0.0.0.0", 23, "0.0.0.0:23"),
            ("kiosk.school.local:2323", "kiosk.school.local", 2323, "kiosk.school.local:2323"),
            ("[::1]:2323", "::1", 2323, "[::1]:2323"),
            ("[fe80::1]:65535", "fe80::1", 65_535, "[fe80::1]:65535"),
        ])
    func listeners(text: String, host: String, port: Int, description: String) throws {
        let listener = try #require(Listener(text))
        #expect(listener.host == host)
        #expect(listener.port == port)
        #expect(listener.description == description)
        #expect(Listener(listener.description) == listener)
    }

    @Test(
        "a listener without a host or a usable port is refused",
        arguments: [
            "localhost", "127.0.0.1:70000", "127.0.0.1:65536", "127.0.0.1:abc", "127.0.0.1:",
            "127.0.0.1:-1", ":2323", "[]:2323", "",
        ])
    func listenerRefused(text: String) {
        #expect(Listener(text) == nil)
    }

    // MARK: SerialLine

    @Test("a serial line without a baud rate runs at 9600")
    func serialDefaultBaud() throws {
        let line = try #require(SerialLine("/dev/ttyUSB0"))
        #expect(line.device == "/dev/ttyUSB0")
        #expect(line.baud == 9600)
        #expect(line.description == "/dev/ttyUSB0:9600")
    }

    @Test(
        "a serial line takes each of the usual baud rates",
        arguments: [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200])
    func serialBauds(baud: Int) throws {
        let line = try #require(SerialLine("/dev/ttyS0:\(baud)"))
        #expect(line.device == "/dev/ttyS0")
        #expect(line.baud == baud)
        #expect(line.description == "/dev/ttyS0:\(baud)")
        #expect(SerialLine.baudRates.contains(baud))
    }

    @Test("the usual baud rates are the ones offered")
    func baudRates() {
        #expect(SerialLine.baudRates == [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200])
    }

    @Test(
        "a serial line that is not a /dev path with a usual baud rate is refused",
        arguments: ["ttyUSB0", "/dev/ttyUSB0:1234", "/dev/ttyUSB0:fast", "COM1", "", ":9600"])
    func serialRefused(text: String) {
        #expect(SerialLine(text) == nil)
    }
}
