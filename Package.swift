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
    ],
    targets: [
        // C libraries, reached only through their pkg-config names.
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),

        // The canonical minutes/1 model: Foundation only, no other project import.
        .target(name: "MinutesModel"),
        // The working page model every extractor fills and every stage reads.
        .target(name: "PageLayout"),
        // The only importer of CPoppler.
        .target(name: "PopplerText", dependencies: ["CPoppler", "PageLayout"]),
        // The only importer of CTesseract: OCR and image files (leptonica).
        .target(name: "TesseractOCR", dependencies: ["CTesseract", "PageLayout"]),
        .target(name: "MinutesPipeline", dependencies: ["MinutesModel", "PageLayout", "PopplerText", "TesseractOCR",
                                                        .product(name: "Yams", package: "Yams")]),
        // Async-signal-safe crash notes and worker spawning (pipe2, closefrom), which
        // Swift's Glibc module does not offer; used only by MinutesApp's worker processes.
        .target(name: "CWorkerSupport"),
        .target(name: "MinutesApp", dependencies: ["MinutesModel", "MinutesPipeline", "CWorkerSupport",
                                                   .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "minutes", dependencies: [
            "MinutesApp", "MinutesModel", "MinutesPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The fuzz target (scripts/fuzz.sh builds it with libFuzzer and address sanitizer);
        // built plainly, it replays the files it is given through the same entry.
        .executableTarget(name: "minutes-fuzz", dependencies: ["MinutesApp", "MinutesPipeline", "PopplerText", "TesseractOCR"],
                          path: "Sources/MinutesFuzz"),
        .testTarget(name: "MinutesTests",
                    dependencies: ["MinutesModel", "PageLayout", "PopplerText", "TesseractOCR", "MinutesPipeline", "MinutesApp"],
                    resources: [.copy("Fixtures")]),
    ]
)
