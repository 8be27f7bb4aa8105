import Foundation

/// Folders of this repository, as checked out, and what the build made.
public enum Repository {
    /// The repository's top folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shipped proformas, `forms/`.
    public static var forms: String { root + "/forms" }

    /// The shipped sheet layouts, `layouts/`.
    public static var layouts: String { root + "/layouts" }

    /// The built `coaching-kiosk` executable: `COACHING_KIOSK_BIN` when set,
    /// else the one SwiftPM built beside the test bundle or one folder up.
    public static var kioskBinary: String {
        if let path = ProcessInfo.processInfo.environment["COACHING_KIOSK_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("coaching-kiosk").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return beside.appendingPathComponent("coaching-kiosk").path
    }
}
