import Coaching
import Foundation
import KioskConfiguration

/// Every proforma the kiosk offers, read from the YAML files in one folder.
public struct FormCatalog: Sendable {
    /// The forms, in the order of their files' names.
    public var forms: [FormDefinition]

    public init(forms: [FormDefinition]) {
        self.forms = forms
    }

    /// Reads every `*.yaml` (and `*.yml`) file in `directory` and checks
    /// each against the schema and the records' table (`RecordFields`).
    /// Every problem in every file is reported together, with its file
    /// and line.
    public static func load(directory: String) throws(FormCatalogError) -> FormCatalog {
        let files = try formFiles(in: directory)
        var problems: [YAMLFileError] = []
        var forms: [FormDefinition] = []
        var owners: [String: String] = [:]
        for name in files {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let yaml: YAMLFile
            do throws(YAMLFileError) { yaml = try YAMLFile(path: path) } catch {
                problems.append(error)
                continue
            }
            var reader = FormFileReader(yaml: yaml)
            let form = reader.read()
            var found = reader.problems
            if let key = reader.formKey {
                if let owner = owners[key] {
                    found.append(
                        YAMLFileError(
                            file: path, line: reader.formKeyLine, key: "form",
                            reason: "\"\(key)\" is already the key of the form in \(owner); "
                                + "give each form its own key"))
                } else {
                    owners[key] = path
                }
            }
            // In the order of the file, so they can be mended from the top down.
            problems += found.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }.map(\.element)
            if let form, found.isEmpty { forms.append(form) }
        }
        guard problems.isEmpty else { throw FormCatalogError(problems: problems) }
        return FormCatalog(forms: forms)
    }

    /// The form with `key`.
    public func form(_ key: String) -> FormDefinition? {
        forms.first { $0.key == key }
    }

    /// The forms that make a record of `record`'s kind.
    public func forms(making record: FormRecord) -> [FormDefinition] {
        forms.filter { $0.record == record }
    }

    /// The forms offered to a person with `position` in the cycle at hand
    /// (nil for none) and `roles`.
    public func forms(offeredTo position: TrioPosition?, roles: Set<Role>) -> [FormDefinition] {
        forms.filter { $0.audience.admits(position: position, roles: roles) }
    }

    private static func formFiles(in directory: String) throws(FormCatalogError) -> [String] {
        func fail(_ reason: String) -> FormCatalogError {
            FormCatalogError(problems: [
                YAMLFileError(file: directory, line: nil, key: nil, reason: reason)
            ])
        }
        let setting =
            "set `forms:` in the configuration file to the folder that holds "
            + "the form files (the kiosk ships them in its forms/ folder)"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw fail("there is no such folder of forms; \(setting), or copy that folder here")
        }
        guard isFolder.boolValue else {
            throw fail("is a file, not a folder of forms; \(setting)")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw fail(
                "the folder of forms cannot be read "
                    + "(\((error as NSError).localizedDescription)); "
                    + "let the kiosk's user read it, or \(setting)")
        }
        let files = names.filter {
            !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
        }.sorted()
        guard !files.isEmpty else {
            throw fail(
                "the folder holds no form files (NAME.yaml); copy the shipped forms "
                    + "into it, or \(setting)")
        }
        return files
    }
}

extension FormDefinition {
    /// Reads one form from YAML text, checked as `FormCatalog.load` checks
    /// a file (except that its key is not compared with other forms').
    public static func parse(yaml text: String, file: String) throws(FormCatalogError)
        -> FormDefinition
    {
        let yaml: YAMLFile
        do throws(YAMLFileError) { yaml = try YAMLFile(text: text, file: file) } catch {
            throw FormCatalogError(problems: [error])
        }
        var reader = FormFileReader(yaml: yaml)
        let form = reader.read()
        guard let form, reader.problems.isEmpty else {
            throw FormCatalogError(problems: reader.problems)
        }
        return form
    }
}
