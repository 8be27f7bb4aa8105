import Coaching
import Foundation
import Testing

@testable import KioskConfiguration

/// A configuration file that sets every key.
private let fullFile = """
    # Coaching kiosk, Ysgol Cae'r Onnen
    school_name: Ysgol Cae'r Onnen
    database: /var/lib/coaching-kiosk/coaching.sqlite
    telnet:
      - 0.0.0.0:23
      - "[::1]:2323"
    serial:
      - /dev/ttyUSB0
      - /dev/ttyS1:19200
    printer: ipp://printer.local/ipp/print
    suppression_threshold: 5
    retention:
      years_after_leaving: 7
      years_after_cycle_closed: 2
    idle_timeout: 5m
    print_retry: 1m
    session_cadence: 14
    forms: /etc/coaching-kiosk/forms
    layouts: /etc/coaching-kiosk/layouts

    """

/// Settings unlike the defaults in every field.
private func unusualSettings() throws -> KioskSettings {
    var settings = KioskSettings()
    settings.schoolName = "Ysgol Cae'r Onnen"
    settings.database = "/srv/kiosk/db.sqlite"
    settings.telnet = [
        try #require(Listener("0.0.0.0:23")), try #require(Listener("[::1]:2323")),
    ]
    settings.serial = [
        try #require(SerialLine("/dev/ttyUSB0")), try #require(SerialLine("/dev/ttyS1:115200")),
    ]
    settings.printer = .queue("Staffroom_Laser")
    settings.suppressionThreshold = 10
    settings.retention = RetentionRule(yearsAfterLeaving: 3, yearsAfterCycleClosed: 9)
    settings.idleTimeout = 900
    settings.printRetry = 45
    settings.sessionCadence = 10
    settings.forms = "/srv/kiosk/forms"
    settings.layouts = "/srv/kiosk/layouts"
    return settings
}

@Suite("Reading the configuration file")
struct KioskSettingsTests {
    // MARK: Valid files

    @Test("a file that sets every key gives exactly those settings")
    func fullFileParses() throws {
        let read = try settings(fullFile)
        #expect(read.schoolName == "Ysgol Cae'r Onnen")
        #expect(read.database == "/var/lib/coaching-kiosk/coaching.sqlite")
        #expect(read.telnet.map(\.host) == ["0.0.0.0", "::1"])
        #expect(read.telnet.map(\.port) == [23, 2323])
        #expect(read.serial.map(\.device) == ["/dev/ttyUSB0", "/dev/ttyS1"])
        #expect(read.printRetry == 60)
        #expect(read.sessionCadence == 14)
        #expect(read.serial.map(\.baud) == [9600, 19_200])
        #expect(read.printer == .ipp("ipp://printer.local/ipp/print"))
        #expect(read.suppressionThreshold == 5)
        #expect(read.retention.yearsAfterLeaving == 7)
        #expect(read.retention.yearsAfterCycleClosed == 2)
        #expect(read.idleTimeout == 300)
        #expect(read.forms == "/etc/coaching-kiosk/forms")
        #expect(read.layouts == "/etc/coaching-kiosk/layouts")

        var expected = KioskSettings()
        expected.schoolName = "Ysgol Cae'r Onnen"
        expected.database = "/var/lib/coaching-kiosk/coaching.sqlite"
        expected.telnet = [
            try #require(Listener("0.0.0.0:23")), try #require(Listener("[::1]:2323")),
        ]
        expected.serial = [
            try #require(SerialLine("/dev/ttyUSB0:9600")),
            try #require(SerialLine("/dev/ttyS1:19200")),
        ]
        expected.printer = .ipp("ipp://printer.local/ipp/print")
        expected.suppressionThreshold = 5
        expected.retention = RetentionRule(yearsAfterLeaving: 7, yearsAfterCycleClosed: 2)
        expected.idleTimeout = 300
        expected.printRetry = 60
        expected.sessionCadence = 14
        expected.forms = "/etc/coaching-kiosk/forms"
        expected.layouts = "/etc/coaching-kiosk/layouts"
        #expect(read == expected)
    }

    @Test("telnet and serial may each be a single value instead of a list")
    func singleValues() throws {
        let read = try settings(
            """
            telnet: 10.0.0.5:2323
            serial: /dev/ttyS0:4800
            """)
        #expect(read.telnet == [try #require(Listener("10.0.0.5:2323"))])
        #expect(read.telnet.first?.host == "10.0.0.5")
        #expect(read.telnet.first?.port == 2323)
        #expect(read.serial == [try #require(SerialLine("/dev/ttyS0:4800"))])
        #expect(read.serial.first?.baud == 4800)
    }

    @Test("a serial line without a baud rate runs at 9600")
    func serialDefaultBaud() throws {
        let read = try settings("serial: /dev/ttyUSB1\n")
        #expect(read.serial.map(\.device) == ["/dev/ttyUSB1"])
        #expect(read.serial.map(\.baud) == [9600])
    }

    @Test("an empty list turns telnet or serial off")
    func emptyLists() throws {
        let read = try settings("telnet: []\nserial: []\n")
        #expect(read.telnet.isEmpty)
        #expect(read.serial.isEmpty)
    }

    @Test(
        "idle_timeout is seconds, or minutes and hours written 5m and 1h",
        arguments: [
            ("300", 300), ("\"300\"", 300), ("300s", 300), ("5m", 300), ("1h", 3600),
            ("30", 30), ("24h", 86_400),
        ])
    func idleTimeout(written: String, seconds: Int) throws {
        let read = try settings("idle_timeout: \(written)\n")
        #expect(read.idleTimeout == seconds)
    }

    @Test("suppression_threshold takes any whole number from 2 to 100", arguments: [2, 3, 100])
    func thresholdRange(threshold: Int) throws {
        let read = try settings("suppression_threshold: \(threshold)")
        #expect(read.suppressionThreshold == threshold)
    }

    @Test("session_cadence is a number of days from 1 to 60", arguments: [1, 7, 60])
    func cadenceRange(days: Int) throws {
        #expect(try settings("session_cadence: \(days)\n").sessionCadence == days)
    }

    @Test(
        "session_cadence outside 1 to 60 days, or not a number, is refused at its line",
        arguments: ["0", "61", "weekly"])
    func badCadence(written: String) throws {
        let error = try #require(refusal("session_cadence: \(written)\n"))
        #expect(error.key == "session_cadence")
        #expect(error.line == 1)
        #expect(error.reason.contains("1 to 60"))
    }

    @Test("retention may set one rule and leave the other at its default")
    func partialRetention() throws {
        let read = try settings("retention:\n  years_after_cycle_closed: 1\n")
        #expect(read.retention == RetentionRule(yearsAfterLeaving: 6, yearsAfterCycleClosed: 1))
    }

    @Test("a printer may be a queue, a folder or the system default")
    func printers() throws {
        #expect(try settings("printer: Staffroom_Laser").printer == .queue("Staffroom_Laser"))
        #expect(try settings("printer: dir:/srv/sheets").printer == .directory("/srv/sheets"))
        #expect(try settings("printer: default").printer == .systemDefault)
        #expect(try settings("printer: ipps://p.local/ipp").printer == .ipp("ipps://p.local/ipp"))
    }

    // MARK: Defaults

    @Test("an empty file, or one of only comments, gives the defaults")
    func emptyFileGivesDefaults() throws {
        for text in ["", "\n\n", "# nothing set yet\n# school_name: Ours\n"] {
            let read = try settings(text)
            #expect(read == KioskSettings(), "\(text.debugDescription)")
        }
    }

    @Test("the defaults are the ones the documentation promises")
    func defaults() {
        let defaults = KioskSettings()
        #expect(defaults.schoolName == "Our School")
        #expect(defaults.database == "./coaching.sqlite")
        #expect(defaults.telnet.count == 1)
        #expect(defaults.telnet.first?.host == "127.0.0.1")
        #expect(defaults.telnet.first?.port == 2323)
        #expect(defaults.serial.isEmpty)
        #expect(defaults.printer == .systemDefault)
        #expect(defaults.suppressionThreshold == 3)
        #expect(defaults.retention.yearsAfterLeaving == 6)
        #expect(defaults.retention.yearsAfterCycleClosed == 6)
        #expect(defaults.idleTimeout == 300)
        #expect(defaults.printRetry == 15)
        #expect(defaults.sessionCadence == 7)
        #expect(defaults.forms == "forms")
        #expect(defaults.layouts == "layouts")
    }

    @Test("the list of keys names every key the file takes, once")
    func keyList() {
        let keys = KioskSettings.keys.map(\.key)
        #expect(
            keys == [
                "school_name", "database", "telnet", "serial", "printer",
                "suppression_threshold", "retention.years_after_leaving",
                "retention.years_after_cycle_closed", "idle_timeout", "print_retry", "session_cadence",
                "forms", "layouts",
            ])
        #expect(KioskSettings.keys.allSatisfy { !$0.takes.isEmpty })
    }

    // MARK: Reading a real file

    @Test("load(file:) reads a configuration file from disk")
    func loadsFile() throws {
        let read = try withTemporaryFile(Data(fullFile.utf8)) { path in
            try KioskSettings.load(file: path)
        }
        #expect(read == (try settings(fullFile)))
        #expect(read.schoolName == "Ysgol Cae'r Onnen")
        #expect(read.retention.yearsAfterLeaving == 7)
    }

    @Test("load(file:) of an empty file gives the defaults")
    func loadsEmptyFile() throws {
        let read = try withTemporaryFile(Data()) { path in try KioskSettings.load(file: path) }
        #expect(read == KioskSettings())
    }

    @Test("load(file:) names the file it read in an error")
    func loadErrorNamesFile() throws {
        let text = "school_name: Ysgol\nprinter: my printer\n"
        let (path, error) = try withTemporaryFile(Data(text.utf8)) { path in
            (path, refusal(file: path))
        }
        let refused = try #require(error)
        #expect(refused.file == path)
        #expect(refused.line == 2)
        #expect(refused.key == "printer")
        #expect(refused.description.hasPrefix("\(path):2: printer: "))
    }

    // MARK: Writing the settings back out

    @Test("the defaults written as YAML read back the same")
    func defaultsRoundTrip() throws {
        let defaults = KioskSettings()
        #expect(try settings(defaults.yaml) == defaults)
    }

    @Test("settings written as YAML read back the same")
    func roundTrip() throws {
        let original = try unusualSettings()
        let text = original.yaml
        #expect(try settings(text) == original)
        #expect(text.contains("school_name: "))
        #expect(text.contains("  years_after_leaving: 3"))
    }

    @Test(
        "school names with quotes, apostrophes and other marks survive a round trip",
        arguments: [
            "Ysgol Cae'r Onnen",
            "\"St Mary's\"",
            "Ysgol Cae'r Onnen \"St Mary's\"",
            "St Mary's: #1 for coaching",
            "Back\\slash & 'single' \"double\"",
            "Ysgol Gymraeg Llanbedr — Pont Steffan",
            "- not a list item",
            "true",
            "42",
        ])
    func schoolNameRoundTrip(name: String) throws {
        var original = try unusualSettings()
        original.schoolName = name
        let read = try settings(original.yaml)
        #expect(read.schoolName == name)
        #expect(read == original)
    }

    @Test(
        "every kind of printer survives a round trip",
        arguments: [
            PrinterTarget.systemDefault, .queue("Staffroom_Laser"),
            .ipp("ipps://p.local/ipp/print"),
            .directory("/srv/kiosk/sheets"), .directory("sheets with spaces"),
        ])
    func printerRoundTrip(printer: PrinterTarget) throws {
        var original = KioskSettings()
        original.printer = printer
        #expect(try settings(original.yaml).printer == printer)
    }

    @Test("paths with backslashes and quotes survive a round trip")
    func pathRoundTrip() throws {
        var original = KioskSettings()
        original.database = "C:\\Kiosk\\\"coaching\".sqlite"
        original.forms = "forms: 'proformas'"
        #expect(try settings(original.yaml) == original)
    }

    // MARK: Durations

    @Test(
        "seconds reads plain seconds, 300s, 5m and 1h",
        arguments: [
            ("300", 300), ("300s", 300), ("5m", 300), ("1h", 3600), ("90S", 90), (" 2M ", 120),
            ("0", 0),
        ])
    func secondsReadsDurations(text: String, seconds: Int) {
        #expect(KioskSettings.seconds(text) == seconds)
    }

    @Test("seconds refuses what is not a duration", arguments: ["", "x", "s", "5x", "m5", "five"])
    func secondsRefuses(text: String) {
        #expect(KioskSettings.seconds(text) == nil)
    }
}
