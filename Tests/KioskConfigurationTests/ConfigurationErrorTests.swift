import Foundation
import Testing

@testable import KioskConfiguration

/// Every top-level key, as the unknown-key message should list them.
private let topLevelKeys = [
    "school_name", "database", "telnet", "serial", "printer", "suppression_threshold",
    "retention", "idle_timeout", "forms", "layouts",
]

@Suite("Mistakes in the configuration file are named by file, line and key")
struct ConfigurationErrorTests {
    // MARK: Unknown keys

    @Test("a misspelt key is named with its line, and the message lists the valid keys")
    func unknownTopLevelKey() throws {
        let error = try #require(
            refusal(
                """
                # Staffroom kiosk
                database: ./coaching.sqlite
                suppression_threshold: 3
                schol_name: Ysgol Cae'r Onnen
                idle_timeout: 5m
                """))
        #expect(error.file == configFile)
        #expect(error.line == 4)
        #expect(error.key == "schol_name")
        #expect(error.reason.hasPrefix("unknown key"))
        for key in topLevelKeys {
            #expect(error.reason.contains(key), "the message should offer \(key)")
        }
        #expect(!error.reason.contains("years_after_leaving"))
        #expect(error.description == "config.yaml:4: schol_name: \(error.reason)")
    }

    @Test("a misspelt key with nothing after the colon is named with its own line")
    func unknownKeyWithoutValue() throws {
        let error = try #require(
            refusal("# Staffroom kiosk\ndatabase: ./coaching.sqlite\n\nschol_name:\n"))
        #expect(error.line == 4)
        #expect(error.key == "schol_name")
        #expect(error.description.hasPrefix("config.yaml:4: schol_name: unknown key"))
    }

    @Test("an unknown key whose value starts on the next line is named at the key's line")
    func unknownKeyWithNestedValue() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                printers:
                  main: Staffroom_Laser
                """))
        #expect(error.key == "printers")
        #expect(error.line == 2)
    }

    @Test("an unknown retention key is named retention.KEY with its line")
    func unknownRetentionKey() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                retention:
                  years_after_leaving: 6
                  years: 4
                """))
        #expect(error.file == configFile)
        #expect(error.line == 4)
        #expect(error.key == "retention.years")
        #expect(error.reason.contains("years_after_leaving"))
        #expect(error.reason.contains("years_after_cycle_closed"))
        #expect(error.description == "config.yaml:4: retention.years: \(error.reason)")
    }

    @Test("an unknown retention key is called unknown even when its value is not a number")
    func unknownRetentionKeyWithText() throws {
        let error = try #require(refusal("retention:\n  keep_for: forever\n"))
        #expect(error.key == "retention.keep_for")
        #expect(error.line == 2)
        #expect(error.reason.contains("unknown key"))
    }

    // MARK: Bad values

    @Test(
        "a value the key cannot take is named with its line and key",
        arguments: [
            ("suppression_threshold: 1", "suppression_threshold"),
            ("suppression_threshold: three", "suppression_threshold"),
            ("suppression_threshold: \"three\"", "suppression_threshold"),
            ("suppression_threshold: 101", "suppression_threshold"),
            ("suppression_threshold: 2.5", "suppression_threshold"),
            ("idle_timeout: 10", "idle_timeout"),
            ("idle_timeout: 25h", "idle_timeout"),
            ("idle_timeout: soon", "idle_timeout"),
            ("telnet: localhost", "telnet"),
            ("telnet: 127.0.0.1:70000", "telnet"),
            ("telnet: 127.0.0.1:abc", "telnet"),
            ("serial: ttyUSB0", "serial"),
            ("serial: /dev/ttyUSB0:1234", "serial"),
            ("printer: my printer", "printer"),
            ("printer: office/laser", "printer"),
            ("printer: \"dir:\"", "printer"),
            ("school_name: \"\"", "school_name"),
            ("school_name: [Ysgol, Cae'r Onnen]", "school_name"),
        ])
    func badValue(line: String, key: String) throws {
        let text = "# Staffroom kiosk\n\(line)\nforms: forms\n"
        let error = try #require(refusal(text), "\(line) was accepted")
        #expect(error.file == configFile)
        #expect(error.line == 2)
        #expect(error.key == key)
        #expect(!error.reason.isEmpty)
        #expect(error.description == "config.yaml:2: \(key): \(error.reason)")
    }

    @Test(
        "a retention period outside 1 to 100 years is named retention.KEY",
        arguments: [
            "years_after_leaving: 0", "years_after_cycle_closed: 101",
            "years_after_leaving: six",
        ])
    func badRetention(line: String) throws {
        let error = try #require(refusal("retention:\n  \(line)\n"))
        let key = "retention." + line.prefix { $0 != ":" }
        #expect(error.key == key)
        #expect(error.line == 2)
        #expect(error.reason.contains("1 to 100"))
    }

    @Test("the reasons say what the key takes")
    func reasonsExplain() throws {
        let telnet = try #require(refusal("telnet: localhost"))
        #expect(telnet.reason.contains("localhost"))
        #expect(telnet.reason.contains("HOST:PORT"))
        let serial = try #require(refusal("serial: /dev/ttyUSB0:1234"))
        #expect(serial.reason.contains("/dev/ttyUSB0:1234"))
        #expect(serial.reason.contains("115200"))
        let threshold = try #require(refusal("suppression_threshold: 1"))
        #expect(threshold.reason.contains("2 to 100"))
    }

    @Test("a bad item in a telnet list is named at the item's own line")
    func badListItemLine() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                telnet:
                  - 127.0.0.1:2323
                  - localhost
                """))
        #expect(error.key == "telnet")
        #expect(error.line == 4)
        #expect(error.reason.contains("localhost"))
    }

    @Test("a bad item in a serial list is named at the item's own line")
    func badSerialItemLine() throws {
        let error = try #require(
            refusal("serial:\n  - /dev/ttyUSB0\n  - /dev/ttyUSB1:1234\n"))
        #expect(error.key == "serial")
        #expect(error.line == 3)
    }

    // MARK: Wrong shapes

    @Test("a mapping where a value or list belongs is refused")
    func wrongShape() throws {
        let error = try #require(refusal("school_name: Ysgol\ntelnet: {a: b}\n"))
        #expect(error.line == 2)
        #expect(error.key == "telnet")
        #expect(error.reason.contains("list"))
        #expect(error.description == "config.yaml:2: telnet: \(error.reason)")
    }

    @Test("a list inside a telnet list is refused")
    func nestedList() throws {
        let error = try #require(refusal("telnet:\n  - [127.0.0.1:2323]\n"))
        #expect(error.key == "telnet")
        #expect(error.line == 2)
    }

    @Test("retention given as a single value rather than its two keys is refused")
    func retentionNotMapping() throws {
        let error = try #require(refusal("school_name: Ysgol\nretention: 6\n"))
        #expect(error.key == "retention")
        #expect(error.line == 2)
    }

    @Test("a top level that is a list rather than a mapping is refused at line 1")
    func topLevelList() throws {
        let error = try #require(refusal("- school_name: Ysgol\n- database: x\n"))
        #expect(error.file == configFile)
        #expect(error.line == 1)
        #expect(error.key == nil)
        #expect(error.reason.contains("key: value"))
        #expect(error.description == "config.yaml:1: \(error.reason)")
    }

    @Test("a top level that is a single value is refused")
    func topLevelScalar() throws {
        let error = try #require(refusal("Ysgol Cae'r Onnen\n"))
        #expect(error.line == 1)
        #expect(error.key == nil)
    }

    // MARK: Keys given twice

    @Test("a key given twice is named at its second line")
    func duplicateKey() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                database: ./coaching.sqlite
                school_name: St Mary's
                """))
        #expect(error.file == configFile)
        #expect(error.key == "school_name")
        #expect(error.line == 3)
        #expect(error.reason.contains("twice"))
        #expect(error.description == "config.yaml:3: school_name: \(error.reason)")
    }

    @Test("a retention key given twice is named retention.KEY")
    func duplicateRetentionKey() throws {
        let error = try #require(
            refusal(
                """
                retention:
                  years_after_leaving: 6
                  years_after_leaving: 7
                """))
        #expect(error.key == "retention.years_after_leaving")
        #expect(error.line == 3)
        #expect(error.reason.contains("twice"))
    }

    // MARK: Not YAML at all

    @Test("an unclosed quote is named at the line it opens on")
    func unclosedQuote() throws {
        let error = try #require(
            refusal(
                """
                database: ./coaching.sqlite
                school_name: "Ysgol Cae'r Onnen
                printer: default
                idle_timeout: 5m
                """))
        #expect(error.file == configFile)
        #expect(error.line == 2)
        #expect(error.key == nil)
        #expect(error.reason.hasPrefix("not valid YAML"))
    }

    @Test("a key indented too far is named at its line")
    func badIndentation() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                  database: ./coaching.sqlite
                printer: default
                """))
        #expect(error.line == 2)
        #expect(error.key == nil)
        #expect(error.reason.hasPrefix("not valid YAML"))
        #expect(error.description == "config.yaml:2: \(error.reason)")
    }

    @Test("a retention key out of line with its neighbour is named at its line")
    func badNestedIndentation() throws {
        let error = try #require(
            refusal(
                """
                school_name: Ysgol Cae'r Onnen
                retention:
                  years_after_leaving: 6
                    years_after_cycle_closed: 6
                """))
        #expect(error.line == 4)
        #expect(error.reason.hasPrefix("not valid YAML"))
    }

    // MARK: Files that cannot be read

    @Test("a file that does not exist is named, with no line")
    func missingFile() throws {
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("no-such-kiosk-config-\(UUID().uuidString).yaml")
        let error = try #require(refusal(file: path))
        #expect(error.file == path)
        #expect(error.line == nil)
        #expect(error.key == nil)
        #expect(error.reason.hasPrefix("cannot be read"))
        #expect(error.description == "\(path): \(error.reason)")
    }

    @Test("a file that is not UTF-8 is named, with no line")
    func notUTF8() throws {
        // "school_name: Ysgol Caf<e9>" in Latin-1.
        let bytes = Data("school_name: Ysgol Caf".utf8) + Data([0xE9, 0x0A])
        let (path, error) = try withTemporaryFile(bytes) { path in (path, refusal(file: path)) }
        let refused = try #require(error)
        #expect(refused.file == path)
        #expect(refused.line == nil)
        #expect(refused.key == nil)
        #expect(refused.reason == "is not UTF-8 text")
        #expect(refused.description == "\(path): is not UTF-8 text")
    }

    // MARK: The error's own text

    @Test("an error reads FILE:LINE: KEY: reason, leaving out what it does not know")
    func errorDescription() {
        let full = YAMLFileError(file: "c.yaml", line: 4, key: "schol_name", reason: "unknown")
        #expect(full.description == "c.yaml:4: schol_name: unknown")
        let noKey = YAMLFileError(file: "c.yaml", line: 7, key: nil, reason: "not valid YAML")
        #expect(noKey.description == "c.yaml:7: not valid YAML")
        let noLine = YAMLFileError(file: "c.yaml", line: nil, key: "telnet", reason: "bad")
        #expect(noLine.description == "c.yaml: telnet: bad")
        let neither = YAMLFileError(file: "c.yaml", line: nil, key: nil, reason: "missing")
        #expect(neither.description == "c.yaml: missing")
        #expect("\(full)" == full.description)
    }
}
