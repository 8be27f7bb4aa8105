import Foundation
import Testing

@testable import Sheets

/// Runs a poppler tool (pdftotext, pdffonts, pdfinfo) and returns what it printed.
func poppler(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite("PDF sheets")
final class PDFSheetTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "sheets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let created = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("long notes flow onto further pages with the header and footer on every page")
    func longNotesFlow() throws {
        let paragraphs = (1...480).map {
            "Paragraph \($0): Siân asked the class to explain their reasoning to a partner before writing; "
                + "Zoë and Ŵyn Ó Súilleabháin compared methods aloud, and every pair used the sentence stems."
        }
        let sheet = PDFSheet(
            title: "GROWTH session record", school: "Ysgol Cae'r Onnen", created: Self.created,
            blocks: [
                .heading("GROWTH session record"),
                .labelled(label: "Reality", text: paragraphs.joined(separator: "\n")),
            ])
        let path = folder + "/long.pdf"
        let pages = try sheet.render(to: path)
        #expect(pages >= 30)
        let info = try poppler("pdfinfo", [path])
        func field(_ name: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("Pages") == "\(pages)")
        #expect(field("Title") == "GROWTH session record")
        #expect(field("Author") == "Ysgol Cae'r Onnen")
        for page in [1, pages / 2, pages] {
            let text = try poppler("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", path, "-"])
            #expect(text.contains("Page \(page) of \(pages)"), "page \(page) has its number")
            #expect(text.contains("Ysgol Cae'r Onnen"), "page \(page) has the header")
            #expect(text.contains("Confidential to the coaching trio"), "page \(page) has the footer")
        }
        let all = try poppler("pdftotext", [path, "-"])
        #expect(all.contains("Zoë and Ŵyn Ó Súilleabháin"))
        let first = try #require(all.range(of: "Paragraph 1:"))
        let last = try #require(all.range(of: "Paragraph 480:"))
        #expect(first.lowerBound < last.lowerBound, "text reads back in order")
        let fonts = try poppler("pdffonts", [path])
        #expect(fonts.contains("DejaVuSans"))
        let fontLines = fonts.split(separator: "\n").dropFirst(2)
        #expect(
            !fontLines.isEmpty && fontLines.allSatisfy { $0.contains(" yes ") }, "every font is embedded:\n\(fonts)")
    }

    @Test("the same sheet renders to the same bytes, so golden PDFs are possible")
    func deterministic() throws {
        let sheet = PDFSheet(
            title: "Coaching agreement", school: "Ysgol Cae'r Onnen", created: Self.created,
            blocks: [.heading("Coaching agreement"), .paragraph("Weekly, about 45 minutes, in protected time.")])
        try sheet.render(to: folder + "/a.pdf")
        try sheet.render(to: folder + "/b.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(a == b)
        #expect(a.starts(with: Data("%PDF-".utf8)))
    }

    @Test("a folder that does not exist is a clear error")
    func unwritable() {
        let sheet = PDFSheet(title: "x", school: "y", created: Self.created, blocks: [])
        #expect(throws: SheetError.self) { try sheet.render(to: "/nonexistent-folder/x.pdf") }
    }
}
