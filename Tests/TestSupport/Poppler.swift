import Foundation

/// Runs a poppler tool (pdftotext, pdffonts, pdfinfo, pdfimages) and returns what it printed.
public func poppler(_ tool: String, _ arguments: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "poppler-" + UUID().uuidString
    defer { unlink(outputPath) }
    let tool = try ChildProcess(["/usr/bin/env", tool] + arguments, outputPath: outputPath)
    _ = tool.wait()
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
}

/// The fields `pdfinfo` prints, by name ("Pages", "Title", "Author", "Page size").
public func pdfInfo(_ path: String) throws -> [String: String] {
    var fields: [String: String] = [:]
    for line in try poppler("pdfinfo", [path]).split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
}

/// Whether every font `pdffonts` lists for the PDF is embedded (and there is at least one).
public func everyFontEmbedded(_ path: String) throws -> Bool {
    let lines = try poppler("pdffonts", [path]).split(separator: "\n").dropFirst(2)
    return !lines.isEmpty && lines.allSatisfy { $0.contains(" yes ") }
}
