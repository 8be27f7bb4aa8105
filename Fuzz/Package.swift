// swift-tools-version:6.1
import PackageDescription

// Coverage-guided fuzzers (libFuzzer, which ships with the Swift toolchain
// on Linux) for the telnet codec and the key decoder. A package of its own,
// so that the main package's builds never see `-sanitize=fuzzer`. Build with
//
//     swift build -c release --package-path Fuzz --product FuzzTelnet -Xswiftc -sanitize=fuzzer
//
// (no `-parse-as-library`: SwiftPM gives an executable target an entry point
// of its own name, so each fuzzer's top-level code starts libFuzzer's driver
// with `LLVMFuzzerRunDriver` rather than using libFuzzer's `main`), or simply
// `make fuzz-ci` / `make fuzz` from the repository's root.

let package = Package(
    name: "CoachingKioskFuzz",
    dependencies: [
        .package(name: "CoachingKiosk", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libFuzzer's driver, declared for Swift.
        .target(name: "CLibFuzzer"),
        // What both fuzzers share: running libFuzzer, checking an invariant, a seeded generator.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // The telnet parser, the option negotiation and the handler.
        .executableTarget(
            name: "FuzzTelnet",
            dependencies: [
                "FuzzSupport",
                .product(name: "Telnet", package: "CoachingKiosk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        // The key decoder, the sanitiser and the text widgets the keys go into.
        .executableTarget(
            name: "FuzzKeys",
            dependencies: ["FuzzSupport", .product(name: "TextUI", package: "CoachingKiosk")]
        ),
    ]
)
