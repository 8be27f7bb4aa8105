import Foundation
import KioskConfiguration

/// Every printed sheet's layout, read from the YAML files in one folder.
public struct LayoutCatalog: Sendable {
    public var layouts: [String: SheetLayout]

    public init(layouts: [String: SheetLayout]) {
        self.layouts = layouts
    }

    /// Reads every `*.yaml` file in `directory`, checks each against the
    /// placeholders its document offers, and makes sure every document in
    /// `vocabularies` has exactly one layout. Every problem in every file
    /// is reported together, with file and line.
    public static func load(directory: String, vocabularies: [String: SheetVocabulary])
        throws(LayoutCatalogError) -> LayoutCatalog
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw LayoutCatalogError(problems: [
                YAMLFileError(
                    file: directory, line: nil, key: nil,
                    reason: "is not a folder; set `layouts:` in the configuration file to the folder that holds "
                        + "the layout files (the kiosk ships them in its layouts/ folder)")
            ])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var problems: [YAMLFileError] = []
        var layouts: [String: SheetLayout] = [:]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let yaml: YAMLFile
            do throws(YAMLFileError) { yaml = try YAMLFile(path: path) } catch {
                problems.append(error)
                continue
            }
            var reader = LayoutFileReader(yaml: yaml, vocabularies: vocabularies)
            let layout = reader.read()
            problems += reader.problems.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }.map(\.element)
            guard let layout else { continue }
            if let earlier = layouts[layout.document] {
                problems.append(
                    YAMLFileError(
                        file: path, line: nil, key: "document",
                        reason: "\(earlier.file) is already the layout of \"\(layout.document)\"; keep one"))
            } else {
                layouts[layout.document] = layout
            }
        }
        for document in vocabularies.keys.sorted() where layouts[document] == nil && problems.isEmpty {
            problems.append(
                YAMLFileError(
                    file: directory, line: nil, key: nil,
                    reason: "no layout for the \(document) document; add a file with `document: \(document)`"))
        }
        guard problems.isEmpty else { throw LayoutCatalogError(problems: problems) }
        return LayoutCatalog(layouts: layouts)
    }

    public func layout(for document: String) -> SheetLayout? {
        layouts[document]
    }
}

/// Everything wrong with the layout files, each problem with its file and line.
public struct LayoutCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [YAMLFileError]

    public init(problems: [YAMLFileError]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
