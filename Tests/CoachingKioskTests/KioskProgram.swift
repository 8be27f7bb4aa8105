import Foundation
import TestSupport
import Testing

/// The built `coaching-kiosk` binary, run as a technician runs it.
struct KioskProgram {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// A working folder of its own, with the database in it.
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "coaching-kiosk-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    var database: String { folder + "/coaching.sqlite" }

    func file(_ name: String) -> String { folder + "/" + name }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Runs the program with `--database` pointing at this folder's file
    /// unless `arguments` name their own, and nothing on standard input
    /// unless `input` is given.
    @discardableResult
    func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        useDatabase: Bool = true
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.kioskBinary)
        var arguments = arguments
        if useDatabase && !arguments.contains("--database") && !arguments.contains("--help") {
            arguments += ["--database", database]
        }
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "COACHING_KIOSK_DB")
        env.merge(environment) { $1 }
        process.environment = env
        let outPath = file("stdout-\(UUID().uuidString)")
        let errPath = file("stderr-\(UUID().uuidString)")
        try Data().write(to: URL(fileURLWithPath: outPath))
        try Data().write(to: URL(fileURLWithPath: errPath))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return Result(
            status: process.terminationStatus,
            output: try String(contentsOfFile: outPath, encoding: .utf8),
            errors: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    /// Runs and requires success, returning standard output.
    func succeed(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let result = try run(arguments, input: input, environment: environment)
        #expect(
            result.status == 0, "\(arguments.joined(separator: " ")) failed: \(result.errors)",
            sourceLocation: sourceLocation)
        return result.output
    }

    /// Parses JSON output as an array of objects.
    func rows(_ arguments: [String]) throws -> [[String: Any]] {
        let output = try succeed(arguments + ["--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(parsed as? [[String: Any]])
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
