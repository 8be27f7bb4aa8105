// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "CoachingKiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "coaching-kiosk", targets: ["CoachingKiosk"]),
        .executable(name: "coaching-kiosk-bench", targets: ["Benchmarks"]),
        // For the fuzzers in Fuzz/, a package of their own.
        .library(name: "Telnet", targets: ["Telnet"]),
        .library(name: "TextUI", targets: ["TextUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The coaching domain: value types and rules, no I/O.
        .target(name: "Coaching", swiftSettings: strict),
        // SQLite through GRDB: migrations, records, drafts, audit log, print outbox.
        .target(
            name: "CoachingStore",
            dependencies: [
                "Coaching",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The configuration file and its flags.
        .target(
            name: "KioskConfiguration",
            dependencies: ["Coaching", "Yams"],
            swiftSettings: strict
        ),
        // A fictional school to meet the product with.
        .target(
            name: "DemoSchool",
            dependencies: ["Coaching", "CoachingStore"],
            swiftSettings: strict
        ),
        // The telnet protocol: codec, option negotiation, and its SwiftNIO handler.
        .target(
            name: "Telnet",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict
        ),
        // Keys in, screens out: key decoding, display widths, the screen and its renderer, widgets.
        .target(name: "TextUI", swiftSettings: strict),
        // Proformas as data: definitions read from forms/, validation, the form engine.
        .target(
            name: "Forms",
            dependencies: ["Coaching", "TextUI", "KioskConfiguration"],
            swiftSettings: strict
        ),
        // pango and cairo, for PDF sheets (libpango1.0-dev, libcairo2-dev).
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // libcups (libcups2-dev ships no cups.pc, so the module map links `cups` itself).
        .systemLibrary(name: "CCUPS", providers: [.apt(["libcups2-dev"])]),
        // Printed sheets: layouts read from layouts/, PDF rendering with pango and cairo.
        .target(
            name: "Sheets",
            dependencies: ["CPangoCairo", "KioskConfiguration", "Yams"],
            swiftSettings: strict
        ),
        // What each printed document says, read from the store (the trustee pack anonymised).
        .target(
            name: "Documents",
            dependencies: ["Coaching", "CoachingStore", "Sheets"],
            swiftSettings: strict
        ),
        // Through CUPS: the client, and the worker that follows the print outbox.
        .target(
            name: "Printing",
            dependencies: [
                "Coaching", "CoachingStore", "KioskConfiguration", "Sheets", "Documents", "CCUPS",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Monitoring: goals, cycle progression, impact and CPD, under the access policy and the small-cell rule.
        .target(
            name: "Reports",
            dependencies: ["Coaching", "CoachingStore", "KioskConfiguration"],
            swiftSettings: strict
        ),
        // One terminal session (login, menu, forms) and the server that runs them.
        .target(
            name: "Kiosk",
            dependencies: [
                "Coaching", "CoachingStore", "KioskConfiguration", "Telnet", "TextUI", "Forms", "Documents",
                "Reports",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "CoachingKiosk",
            dependencies: [
                "Coaching", "CoachingStore", "KioskConfiguration", "DemoSchool", "Kiosk", "Sheets", "Documents",
                "Printing", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The benchmarks (make bench, make soak): runs the release daemon and measures it from outside.
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "Coaching", "CoachingStore", "KioskConfiguration", "DemoSchool", "Sheets", "Documents", "Printing",
                "Reports", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CoachingTests", dependencies: ["Coaching"], swiftSettings: strict),
        .testTarget(
            name: "CoachingStoreTests",
            dependencies: ["Coaching", "CoachingStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KioskConfigurationTests",
            dependencies: ["KioskConfiguration"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DemoSchoolTests",
            dependencies: ["DemoSchool", "Coaching", "CoachingStore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TelnetTests",
            dependencies: [
                "Telnet", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TextUITests", dependencies: ["TextUI"], swiftSettings: strict),
        // Shared by the test targets: child processes, the test printer (ippeveprinter, a private cupsd).
        .target(name: "TestSupport", dependencies: ["Telnet"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "SheetsTests",
            dependencies: ["Sheets", "KioskConfiguration", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "Sheets", "Coaching", "CoachingStore", "DemoSchool", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrintingTests",
            dependencies: ["Printing", "Sheets", "Documents", "Coaching", "CoachingStore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormsTests",
            dependencies: ["Forms", "TextUI", "Coaching", "KioskConfiguration"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Coaching", "CoachingStore", "KioskConfiguration"],
            swiftSettings: strict
        ),
        // Drives the real daemon with the real telnet client (tmux), a socat serial line, raw sockets.
        .testTarget(
            name: "KioskTests",
            dependencies: [
                "Kiosk", "Coaching", "CoachingStore", "Forms", "CoachingKiosk", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The bench's own clients: what they count is what its figures are made of.
        .testTarget(
            name: "BenchmarksTests",
            dependencies: [
                "Benchmarks",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Runs the built `coaching-kiosk` binary as a technician would.
        .testTarget(
            name: "CoachingKioskTests",
            dependencies: ["CoachingKiosk", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
