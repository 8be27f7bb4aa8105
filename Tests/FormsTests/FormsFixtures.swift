import Coaching
import Foundation

@testable import Forms

/// The shipped forms/ folder, found from this file's place in the package.
func shippedFormsFolder(_ file: String = #filePath) -> String {
    URL(fileURLWithPath: file)
        .deletingLastPathComponent()  // FormsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the package
        .appendingPathComponent("forms").path
}

/// The catalog of the shipped forms, loaded once per call.
func shippedCatalog() throws -> FormCatalog {
    try FormCatalog.load(directory: shippedFormsFolder())
}

/// A shipped form by key; fails the test when it is missing.
func shippedForm(_ key: String) throws -> FormDefinition {
    guard let form = try shippedCatalog().form(key) else {
        throw FixtureError("the shipped forms have no form \(key)")
    }
    return form
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary folder holding `files` (name → text), removed after `body`.
func withFormsFolder<T>(
    _ files: [String: String], _ body: (String) throws -> T
) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("forms-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, text) in files {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    return try body(folder)
}

/// Loads a folder that should be refused, and returns the error.
func refusal(_ folder: String) -> FormCatalogError? {
    do {
        _ = try FormCatalog.load(directory: folder)
        return nil
    } catch {
        return error
    }
}

let schoolDay = SchoolDay(year: 2026, month: 11, day: 24) ?? SchoolDay(dayNumber: 0)

let schoolLists: [NamedChoices: [Choice]] = [
    .priorities: [
        Choice(value: "P1", label: "Questioning"),
        Choice(value: "READ", label: "Reading for pleasure"),
    ],
    .staff: [
        Choice(value: "SJO", label: "Siân Jones"), Choice(value: "OBR", label: "Zoë O'Brien"),
        Choice(value: "GWY", label: "Ŵyn Griffiths"),
    ],
    .coaches: [Choice(value: "SJO", label: "Siân Jones")],
]
