import Foundation
import Testing

@testable import KioskConfiguration

/// The name the examples' configuration text is said to come from.
let configFile = "config.yaml"

/// Settings read from `text`, failing the test with the error if it is refused.
func settings(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> KioskSettings
{
    do {
        return try KioskSettings.parse(text, file: configFile)
    } catch {
        Issue.record("refused: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The error `text` is refused with, or nil if it was accepted.
func refusal(_ text: String) -> YAMLFileError? {
    do {
        _ = try KioskSettings.parse(text, file: configFile)
        return nil
    } catch {
        return error
    }
}

/// The error reading the file at `path` gives, or nil if it was read.
func refusal(file path: String) -> YAMLFileError? {
    do {
        _ = try KioskSettings.load(file: path)
        return nil
    } catch {
        return error
    }
}

/// A file in the temporary folder holding `data`, removed after `body`.
func withTemporaryFile<T>(
    _ data: Data, _ body: (String) throws -> T
) throws -> T {
    let path = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("kiosk-config-\(UUID().uuidString).yaml")
    try #require(FileManager.default.createFile(atPath: path, contents: data))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
