import Foundation
import KioskConfiguration
import Testing

@testable import Sheets

@Suite("Layout files")
struct LayoutCatalogTests {
    /// Loads `files` (name → YAML) as a layouts folder; returns the problems, one a line.
    func problems(_ files: [String: String], vocabularies: [String: SheetVocabulary] = ["note": testVocabulary])
        throws -> [String]
    {
        let folder = NSTemporaryDirectory() + "layouts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        do {
            _ = try LayoutCatalog.load(directory: folder, vocabularies: vocabularies)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        }
    }

    @Test("a good layout loads with every kind of block")
    func everyBlock() throws {
        let layout = try testLayout(
            """
            document: note
            page:
              size: letter
              margin: 20mm
              accent: "#336699"
            header:
              left: "{{school.name}}"
              centre: "{{title}}"
              right: "Page {{page}} of {{pages}}"
            blocks:
              - heading: "{{title}}"
              - subheading: "About"
              - paragraph: "For {{person}}."
              - small_print: "Printed."
              - fields:
                  - label: "Person"
                    value: "{{person}}"
              - notes:
                  label: "Notes"
                  text: "{{notes}}"
              - signatures:
                  - role: "Coachee"
                    name: "{{person}}"
              - table:
                  list: rows
                  columns:
                    - title: "Name"
                      value: "{{item.name}}"
              - chart:
                  list: rows
                  label: "{{item.name}}"
                  value: "{{item.figure}}"
              - repeat:
                  list: rows
                  blocks:
                    - paragraph: "{{item.name}}: {{item.figure}}"
              - keep_together:
                  - paragraph: "One"
                  - paragraph: "Two"
              - page_break
            """)
        #expect(layout.pageSize == .letter)
        #expect(abs(layout.margin - 20 * 72 / 25.4) < 0.01)
        #expect(layout.accent == RGB(hex: "#336699"))
        #expect(layout.blocks.count == 12)
        #expect(layout.blocks.last == .pageBreak)
    }

    @Test(
        "each mistake is named by file, line and what to do",
        arguments: [
            ("blocks:\n  - paragraph: \"{{nobody}}\"", "note.yaml:3: blocks[1].paragraph: {{nobody}} names nothing"),
            ("blocks:\n  - paragraph: \"{{person.nam}}\"", "did you mean {{person}}"),
            ("blocks:\n  - paragraph: \"{{page}}\"", "note.yaml:3: blocks[1].paragraph: {{page}} names nothing"),
            ("blocks:\n  - paragraph: \"{{item.name}}\"", "is only known inside a table, chart or repeat"),
            ("blocks:\n  - paragraph: \"{{title\"", "note.yaml:3: blocks[1].paragraph: \"{{\" is not closed"),
            ("blocks:\n  - picture: x", "note.yaml:3: blocks[1].picture: unknown block; use one of heading"),
            (
                "blocks:\n  - table:\n      list: people\n      columns: []",
                "note.yaml:4: blocks[1].table.list: unknown list \"people\"; this document has rows"
            ),
            (
                "blocks:\n  - table:\n      list: rows\n      columns:\n        - title: A\n          value: \"{{item.age}}\"",
                "note.yaml:7: blocks[1].table.value: {{item.age}} names nothing: rows of \"rows\" have "
                    + "{{item.figure}}, {{item.name}}"
            ),
            ("page:\n  size: A5\nblocks: []", "note.yaml:3: page.size: should be A4 or Letter, not \"A5\""),
            ("page:\n  margin: 2mm\nblocks: []", "note.yaml:3: page.margin: should be a length between 5mm and 50mm"),
            ("page:\n  accent: teal\nblocks: []", "note.yaml:3: page.accent: should be a colour like"),
            (
                "footer:\n  middle: x\nblocks: []",
                "note.yaml:3: footer.middle: unknown key; footer has left, centre, right"
            ),
            ("colour: red\nblocks: []", "note.yaml:2: colour: unknown key; a layout has document, page"),
            ("blocks:\n  - heading: A\n    paragraph: B", "note.yaml:3: blocks[1]: each block has one kind"),
            ("blocks:\n  - notes:\n      label: A", "note.yaml:4: blocks[1].notes: missing `text:`"),
        ])
    func mistakes(body: String, expected: String) throws {
        let found = try problems(["note.yaml": "document: note\n" + body + "\n"])
        #expect(found.contains { $0.contains(expected) }, "expected \(expected) in \(found)")
    }

    @Test("a file without its document, an unknown document, and a document without a layout")
    func documents() throws {
        #expect(try problems(["a.yaml": "blocks: []\n"]).first?.contains("a.yaml:1: missing `document:`") == true)
        #expect(
            try problems(["a.yaml": "document: memo\nblocks: []\n"]).first?.contains(
                "a.yaml:1: document: unknown document \"memo\"; use one of note") == true)
        let missing = try problems(
            ["a.yaml": "document: note\nblocks: []\n"],
            vocabularies: ["note": testVocabulary, "letter": SheetVocabulary(values: [])])
        #expect(missing.count == 1)
        #expect(missing.first?.contains("no layout for the letter document") == true)
        let twice = try problems([
            "a.yaml": "document: note\nblocks: []\n", "b.yaml": "document: note\nblocks: []\n",
        ])
        #expect(twice.first?.contains("b.yaml: document:") == true && twice.first?.contains("a.yaml") == true)
    }

    @Test("every problem in every file is reported together, in line order")
    func allTogether() throws {
        let found = try problems([
            "note.yaml": "document: note\nblocks:\n  - paragraph: \"{{x}}\"\n  - paragraph: \"{{y}}\"\n"
        ])
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("note.yaml:3:") && found[1].hasPrefix("note.yaml:4:"))
    }

    @Test("a folder that is not there says which setting to change")
    func noFolder() throws {
        #expect(throws: LayoutCatalogError.self) {
            try LayoutCatalog.load(directory: "/nonexistent-layouts", vocabularies: [:])
        }
        do {
            _ = try LayoutCatalog.load(directory: "/nonexistent-layouts", vocabularies: [:])
        } catch {
            #expect(error.description.contains("set `layouts:` in the configuration file"))
        }
    }

    @Test("templates fill placeholders and keep the rest")
    func templates() throws {
        let template = try Template.parse("{{a}} and {{ b }}!").get()
        #expect(template.names == ["a", "b"])
        #expect(template.fill { ["a": "Siân", "b": "Zoë"][$0] } == "Siân and Zoë!")
        #expect(template.fill { _ in nil } == " and !")
        #expect((try? Template.parse("{{}}").get()) == nil)
        #expect((try? Template.parse("{{a b}}").get()) == nil)
    }
}
