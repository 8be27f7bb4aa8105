import Foundation
import KioskConfiguration
import TestSupport
import Testing

@testable import Sheets

/// A small document kind for the tests: a note with rows and figures.
let testVocabulary = SheetVocabulary(
    values: ["school.name", "title", "notes", "person"],
    lists: ["rows": ["name", "figure"]])

/// Reads a layout from YAML text through the catalogue, as the daemon does.
func testLayout(_ yaml: String, vocabulary: SheetVocabulary = testVocabulary) throws -> SheetLayout {
    let folder = NSTemporaryDirectory() + "layouts-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try yaml.write(toFile: folder + "/note.yaml", atomically: true, encoding: .utf8)
    let catalog = try LayoutCatalog.load(directory: folder, vocabularies: ["note": vocabulary])
    return try #require(catalog.layout(for: "note"))
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

    static let noteLayout = """
        document: note
        header:
          left: "{{school.name}}"
          right: "{{title}}"
        footer:
          left: "Confidential to the coaching trio"
          right: "Page {{page}} of {{pages}}"
        blocks:
          - heading: "{{title}}"
          - notes:
              label: "Reality"
              text: "{{notes}}"
        """

    @Test("long notes flow onto further pages with the header and footer on every page")
    func longNotesFlow() throws {
        let paragraphs = (1...480).map {
            "Paragraph \($0): Siân asked the class to explain their reasoning to a partner before writing; "
                + "Zoë and Ŵyn Ó Súilleabháin compared methods aloud, and every pair used the sentence stems."
        }
        let sheet = PDFSheet(
            layout: try testLayout(Self.noteLayout),
            data: SheetData(
                title: "GROWTH session record",
                values: [
                    "school.name": "Ysgol Cae'r Onnen", "title": "GROWTH session record",
                    "notes": paragraphs.joined(separator: "\n"),
                ]),
            created: Self.created)
        let path = folder + "/long.pdf"
        let pages = try sheet.render(to: path)
        #expect(pages >= 30)
        let fields = try pdfInfo(path)
        #expect(fields["Pages"] == "\(pages)")
        #expect(fields["Title"] == "GROWTH session record")
        #expect(fields["Author"] == "Ysgol Cae'r Onnen")
        #expect(fields["Page size"]?.hasPrefix("595.28 x 841.89") == true, "A4 by default")
        for page in [1, pages / 2, pages] {
            let text = try poppler("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", path, "-"])
            #expect(text.contains("Page \(page) of \(pages)"), "page \(page) has its number")
            #expect(text.contains("Ysgol Cae'r Onnen"), "page \(page) has the header")
            #expect(text.contains("Confidential to the coaching trio"), "page \(page) has the footer")
        }
        let all = try poppler("pdftotext", [path, "-"])
        #expect(all.contains("Zoë and Ŵyn Ó Súilleabháin"))
        var last = all.startIndex
        for number in [1, 2, 100, 240, 479, 480] {
            let found = try #require(all.range(of: "Paragraph \(number):"), "paragraph \(number) is there")
            #expect(found.lowerBound > last || number == 1, "paragraph \(number) reads back in order")
            last = found.lowerBound
        }
        let fonts = try poppler("pdffonts", [path])
        #expect(fonts.contains("DejaVuSans"))
        let fontLines = fonts.split(separator: "\n").dropFirst(2)
        #expect(
            !fontLines.isEmpty && fontLines.allSatisfy { $0.contains(" yes ") }, "every font is embedded:\n\(fonts)")
    }

    @Test("the same sheet renders to the same bytes, so golden PDFs are possible")
    func deterministic() throws {
        let sheet = PDFSheet(
            layout: try testLayout(Self.noteLayout),
            data: SheetData(title: "Coaching agreement", values: ["notes": "Weekly, about 45 minutes."]),
            created: Self.created)
        try sheet.render(to: folder + "/a.pdf")
        try sheet.render(to: folder + "/b.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(a == b)
        #expect(a.starts(with: Data("%PDF-".utf8)))
    }

    @Test("a folder that does not exist is a clear error")
    func unwritable() throws {
        let sheet = PDFSheet(
            layout: try testLayout(Self.noteLayout), data: SheetData(title: "x"), created: Self.created)
        #expect(throws: SheetError.self) { try sheet.render(to: "/nonexistent-folder/x.pdf") }
    }

    @Test("Letter pages when the layout asks for them")
    func letter() throws {
        let layout = try testLayout(
            Self.noteLayout.replacingOccurrences(of: "header:", with: "page:\n  size: Letter\nheader:"))
        let path = folder + "/letter.pdf"
        try PDFSheet(layout: layout, data: SheetData(title: "x"), created: Self.created).render(to: path)
        #expect(try pdfInfo(path)["Page size"]?.hasPrefix("612 x 792") == true)
    }

    @Test("a long table splits between pages with its header repeated on each")
    func tableSplits() throws {
        let layout = try testLayout(
            """
            document: note
            footer:
              right: "Page {{page}} of {{pages}}"
            blocks:
              - heading: "Figures"
              - table:
                  list: rows
                  columns:
                    - title: "Column of names"
                      value: "{{item.name}}"
                      width: 3
                    - title: "Figure"
                      value: "{{item.figure}}"
                      align: right
            """)
        let rows = (1...150).map { ["name": "Row \($0) for Siân", "figure": "\($0 * 3)"] }
        let path = folder + "/table.pdf"
        let pages = try PDFSheet(
            layout: layout, data: SheetData(title: "t", lists: ["rows": rows]), created: Self.created
        )
        .render(to: path)
        #expect(pages >= 3)
        for page in 1...pages {
            let text = try poppler("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", path, "-"])
            #expect(text.contains("Column of names"), "page \(page) repeats the header")
        }
        let all = try poppler("pdftotext", [path, "-"])
        for number in [1, 75, 150] { #expect(all.contains("Row \(number) for Siân")) }
        #expect(all.components(separatedBy: "Row ").count - 1 == 150, "no row is lost or printed twice")
    }

    @Test("a bar chart is vector shapes with its figures as text, and a suppressed cell shows its words")
    func chart() throws {
        let layout = try testLayout(
            """
            document: note
            blocks:
              - chart:
                  list: rows
                  title: "Hours by kind"
                  label: "{{item.name}}"
                  value: "{{item.figure}}"
                  unit: "hours"
            """)
        let rows = [
            ["name": "Course", "figure": "12.5"], ["name": "Lesson study", "figure": "30"],
            ["name": "Reading", "figure": "fewer than 3"],
        ]
        let path = folder + "/chart.pdf"
        try PDFSheet(layout: layout, data: SheetData(title: "c", lists: ["rows": rows]), created: Self.created)
            .render(to: path)
        let text = try poppler("pdftotext", [path, "-"])
        for expected in ["Hours by kind", "Course", "12.5 hours", "30 hours", "fewer than 3"] {
            #expect(text.contains(expected), "\(expected) is in the chart")
        }
        #expect(!text.contains("fewer than 3 hours"))
        // Vector: no images on the page.
        let images = try poppler("pdfimages", ["-list", path])
        #expect(images.split(separator: "\n").count == 2, "no raster images:\n\(images)")
    }

    @Test("the chart's scale is 1, 2 or 5 times a power of ten and covers the largest bar")
    func scale() {
        for largest in [0.5, 1, 3, 7, 12.5, 30, 99, 101, 2_345] {
            let (step, top) = SheetComposer.scale(largest)
            #expect(top >= largest)
            #expect(top / step <= 10 && top / step >= 1)
        }
    }
}
