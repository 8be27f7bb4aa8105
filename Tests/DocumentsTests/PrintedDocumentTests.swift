import Coaching
import CoachingStore
import DemoSchool
import Documents
import Foundation
import Sheets
import TestSupport
import Testing

@Suite("Printed documents")
final class PrintedDocumentTests {
    let folder: String
    let created = Date(timeIntervalSince1970: 1_795_000_000)

    init() throws {
        folder = NSTemporaryDirectory() + "printed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func catalog() throws -> LayoutCatalog {
        try LayoutCatalog.load(directory: Repository.layouts, vocabularies: DocumentKind.vocabularies)
    }

    /// Renders `request` and reads it back: the text in reading order, without line breaks.
    func printed(_ request: DocumentRequest, source: DocumentSource, name: String) throws -> (
        path: String, text: String
    ) {
        let data = try source.data(for: request)
        let layout = try #require(try catalog().layout(for: request.kind.rawValue))
        let path = folder + "/" + name + ".pdf"
        try PDFSheet(layout: layout, data: data, created: created).render(to: path)
        let text = try poppler("pdftotext", [path, "-"])
        return (path, text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    @Test("the shipped layouts load: one for every document, every placeholder known")
    func shippedLayoutsLoad() throws {
        let layouts = try catalog()
        #expect(Set(layouts.layouts.keys) == Set(DocumentKind.allCases.map(\.rawValue)))
    }

    @Test("layouts/README.md lists every placeholder each document offers")
    func readmeListsPlaceholders() throws {
        let readme = try String(contentsOfFile: Repository.layouts + "/README.md", encoding: .utf8)
        for kind in DocumentKind.allCases {
            let vocabulary = kind.vocabulary
            for name in vocabulary.values { #expect(readme.contains("{{\(name)}}"), "\(kind): {{\(name)}}") }
            for (list, fields) in vocabulary.lists {
                #expect(readme.contains("`\(list)`"), "\(kind): list \(list)")
                for field in fields { #expect(readme.contains("`\(field)`"), "\(kind): \(list).\(field)") }
            }
        }
    }

    @Test("each document reads back with its record's text, fonts embedded, titled and authored")
    func eachDocument() throws {
        let temporary = try TemporaryStore()
        let school = try SmallSchool(temporary.store)
        let source = DocumentSource(store: temporary.store, schoolName: "Ysgol Cae'r Onnen", today: SmallSchool.today)
        let expectations: [(DocumentRequest, [String])] = [
            (
                .agreement(cycle: school.cycle),
                [
                    "Coaching agreement", "Priya Raghunathan", "Siân Joseph", "Tomasz Wróbel",
                    "Pupils with ALN reach the same final problem.", "Plan with the five in mind.",
                    "Keep the Thursday slot.", "8 weeks", "10 September 2026", "Not yet confirmed",
                    "separate from performance management", "Signature", "Date", "Page 1 of",
                ]
            ),
            (
                .session(id: school.sharedSession),
                [
                    "Pre-lesson discussion", "21 September 2026", "Five pupils get a separate sheet.",
                    "Faded worked examples.", "Make the sheet", "28 September 2026", "Arrange cover",
                ]
            ),
            (
                .observation(id: school.observation),
                ["Observation notes", "7M4", "When the five start writing.", "09:05 All writing by 09:08."]
            ),
            (
                .impact(cycle: school.cycle),
                [
                    "Impact of coaching", "Pre-teach key vocabulary with the TA", "Two of five finished.",
                    "Five of five finished.", "Tomasz's notes helped.", "Share with the maths team.",
                ]
            ),
            (
                .cpd(staff: "PRA"),
                ["Record of professional learning", "Priya Raghunathan", "Maths hub course", "Bar models.", "4.75"]
            ),
        ]
        for (request, texts) in expectations {
            let (path, text) = try printed(request, source: source, name: request.kind.rawValue)
            for expected in texts { #expect(text.contains(expected), "\(request.kind): \(expected)") }
            #expect(!text.contains("{{"), "\(request.kind): no placeholder left unfilled")
            #expect(try everyFontEmbedded(path), "\(request.kind): fonts embedded")
            let info = try pdfInfo(path)
            #expect(info["Author"] == "Ysgol Cae'r Onnen")
            #expect(info["Title"]?.isEmpty == false)
        }
    }

    @Test("the demo school's trustee pack, as printed, names no member of staff and no code")
    func demoTrusteePack() throws {
        let today = SchoolDay(iso: "2027-03-18")!
        let temporary = try TemporaryStore()
        let content = DemoSchoolContent.make(today: today)
        _ = try DemoSchool.build(into: temporary.store, today: today, by: technician)
        let source = DocumentSource(store: temporary.store, schoolName: content.schoolName, today: today)
        let year = AcademicYear(containing: today)
        for (from, to) in [(year.firstDay, year.lastDay), (SchoolDay(iso: "2015-01-01")!, today)] {
            let (path, text) = try printed(.trusteePack(from: from, to: to), source: source, name: "pack")
            #expect(text.contains("Coaching and professional learning"))
            #expect(text.contains("Evidence of effect"))
            #expect(text.contains(content.schoolName))
            let checked = text.replacingOccurrences(of: content.schoolName, with: "")
            var found: [String] = []
            for member in content.staff {
                for term in searchTerms(member) where containsWholeWords(checked, term) { found.append(term) }
            }
            #expect(found == [], "the printed pack names \(found)")
            let info = try pdfInfo(path)
            #expect(Int(info["Pages"] ?? "") ?? 0 >= 2)
            #expect(try everyFontEmbedded(path))
        }
    }
}
