import Foundation
import XCTest
import MinutesPipeline

/// `pipelines/*.yml` and the loader that maps them onto the stage list and `PipelineOptions`.
final class PipelineFileTests: XCTestCase {
    static let repoPipelines = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("pipelines")

    func testDefaultYAMLSpellsOutTheDefaultStageList() throws {
        let file = try PipelineFile.load(contentsOf: Self.repoPipelines.appendingPathComponent("default.yml"))
        XCTAssertEqual(file.stageNames, StageRegistry.defaultStageNames)
        XCTAssertEqual(file.options, PipelineOptions())
        XCTAssertEqual(Pipeline.standard().stages.map(\.name), file.pipeline().stages.map(\.name))
    }

    func testBuiltInTextsAreTheRepositoryFilesAndNoProfileIsMissing() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.repoPipelines.path)
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
        XCTAssertEqual(onDisk, PipelineFile.builtinNames.sorted())
        for name in PipelineFile.builtinNames {
            let text = try String(contentsOf: Self.repoPipelines.appendingPathComponent(name + ".yml"), encoding: .utf8)
            XCTAssertEqual(text, PipelineFile.builtinTexts[name], "pipelines/\(name).yml differs from the embedded text")
            XCTAssertNoThrow(try PipelineFile.parse(text, name: name, origin: name + ".yml"))
        }
    }

    func testBuiltInProfilesWorkWithNoFilesAround() throws {
        let none: [URL] = []
        let standard = try PipelineFile.resolve(nil, searchDirectories: none)
        XCTAssertEqual(standard.name, "default")
        XCTAssertEqual(standard.stageNames, StageRegistry.defaultStageNames)
        XCTAssertEqual(try PipelineFile.resolve("scanned", searchDirectories: none).options.ocr, .always)
        XCTAssertEqual(try PipelineFile.resolve("text-only", searchDirectories: none).options.ocr, .never)
        let parish = try PipelineFile.resolve("example-parish-council", searchDirectories: none)
        XCTAssertEqual(parish.options.dateOrder, .dayFirst)
        XCTAssertEqual(parish.options.columnHeaders["By when"], .due)
        XCTAssertEqual(parish.options.columnHeaders["Minute No."], .ref)
        XCTAssertThrowsError(try PipelineFile.resolve("nope", searchDirectories: none))
    }

    func testAFileBesideTheBinaryOrAPathWins() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipelines-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "stages: [extract-text, build-lines, emit-minutes]\noptions:\n  ocr: never\n  jobs: 2\n"
        try text.write(to: dir.appendingPathComponent("quick.yml"), atomically: true, encoding: .utf8)
        let named = try PipelineFile.resolve("quick", searchDirectories: [dir])
        XCTAssertEqual(named.stageNames, ["extract-text", "build-lines", "emit-minutes"])
        XCTAssertEqual(named.options.jobs, 2)
        let byPath = try PipelineFile.resolve(dir.appendingPathComponent("quick.yml").path, searchDirectories: [])
        XCTAssertEqual(byPath.version, named.version)
        XCTAssertNotEqual(byPath.version, try PipelineFile.resolve(nil, searchDirectories: []).version)
        XCTAssertTrue(PipelineFile.available(searchDirectories: [dir]).contains { (try? $0.get().name) == "quick" })
    }

    func testErrorsNameTheFileAndLine() {
        func error(_ text: String) -> String {
            do {
                _ = try PipelineFile.parse(text, name: "x", origin: "pipelines/x.yml")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(error("stages:\n  - extract-text\n  - frobnicate\n").prefix(48),
                       "pipelines/x.yml:3: unknown stage 'frobnicate'; s")
        XCTAssertTrue(error("stages: [extract-text]\noptions:\n  ocr: auto\n  colour: blue\n")
            .hasPrefix("pipelines/x.yml:4: unknown option 'colour'"))
        XCTAssertTrue(error("stages: [extract-text]\noptions:\n  dpi: lots\n").hasPrefix("pipelines/x.yml:3: option 'dpi'"))
        XCTAssertTrue(error("stages: [extract-text]\noptions:\n  ocr: sometimes\n").hasPrefix("pipelines/x.yml:3: option 'ocr'"))
        XCTAssertTrue(error("stages: [extract-text]\noptions:\n  columnHeaders:\n    Who: somebody\n")
            .hasPrefix("pipelines/x.yml:4: column role for 'Who'"))
        XCTAssertTrue(error("stages: [extract-text]\nstagse: []\n").hasPrefix("pipelines/x.yml:2: unknown key 'stagse'"))
        XCTAssertTrue(error("options:\n  ocr: auto\n").hasPrefix("pipelines/x.yml:1: no 'stages:'"))
        XCTAssertTrue(error("stages: [extract-text\n").hasPrefix("pipelines/x.yml:"), error("stages: [extract-text\n"))
        XCTAssertTrue(error("stages: [extract-text, extract-text]\n").contains("listed twice"))
    }
}
