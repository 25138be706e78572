// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "minutes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .library(name: "MinutesModel", targets: ["MinutesModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries, reached through their module maps (poppler-glib also through pkg-config).
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        // Linked by its module map alone: tesseract.pc adds -lcurl -larchive, which this code never
        // calls, and would tie the binary to the build machine's libcurl flavour (OpenSSL, NSS or
        // GnuTLS, whichever -dev is installed), a library the runtime image may not have.
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),

        // The canonical minutes/1 model: Foundation only, no other project import.
        .target(name: "MinutesModel"),
        // The working page model every extractor fills and every stage reads.
        .target(name: "PageLayout"),
        // The only importer of CPoppler.
        .target(name: "PopplerText", dependencies: ["CPoppler", "PageLayout"]),
        // The only importer of CTesseract: OCR and image files (leptonica).
        .target(name: "TesseractOCR", dependencies: ["CTesseract", "PageLayout"]),
        // Checking outputs against fixtures: score.py's truth scoring ported, and whole-file
        // comparison of expected minutes/1 files.
        .target(name: "MinutesScoring", dependencies: ["MinutesModel"]),
        .target(name: "MinutesPipeline", dependencies: ["MinutesModel", "PageLayout", "PopplerText", "TesseractOCR",
                                                        .product(name: "Yams", package: "Yams")]),
        // Async-signal-safe crash notes and worker spawning (pipe2, closefrom), which
        // Swift's Glibc module does not offer; used only by MinutesApp's worker processes.
        .target(name: "CWorkerSupport"),
        .target(name: "MinutesApp", dependencies: ["MinutesModel", "MinutesPipeline", "MinutesScoring", "CWorkerSupport",
                                                   "PageLayout", "PopplerText", "TesseractOCR",
                                                   .product(name: "Logging", package: "swift-log")]),
        // The register: converted minutes of many meetings in one SQLite database (GRDB).
        .target(name: "MinutesRegister", dependencies: ["MinutesModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "minutes", dependencies: [
            "MinutesApp", "MinutesModel", "MinutesPipeline", "MinutesScoring", "MinutesRegister",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The fuzz target (scripts/fuzz.sh builds it with libFuzzer and address sanitizer);
        // built plainly, it replays the files it is given through the same entry.
        .executableTarget(name: "minutes-fuzz", dependencies: ["MinutesApp", "MinutesPipeline", "PopplerText", "TesseractOCR"],
                          path: "Sources/MinutesFuzz"),
        .testTarget(name: "MinutesTests",
                    dependencies: ["MinutesModel", "PageLayout", "PopplerText", "TesseractOCR", "MinutesPipeline", "MinutesApp",
                                   "MinutesScoring", "MinutesRegister", .product(name: "GRDB", package: "GRDB.swift")],
                    resources: [.copy("Fixtures")]),
    ]
)
