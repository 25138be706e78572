import Foundation
import XCTest
import MinutesApp

/// Every input the fuzzer (or a review) found to crash, hang or exhaust something gives
/// the outcome its `NAME.expect` names, and none crashes any more: through the batch (in
/// workers, where a crash would show as "crashed (SIG…)"), and through the fuzz entry in
/// one process, where a crash kills the replay.
final class FuzzRegressionTests: XCTestCase {
    var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz") }

    func inputs() throws -> [(URL, String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.filter { !$0.hasSuffix(".expect") && !$0.hasSuffix(".md") }.map { name in
            let expect = try String(contentsOf: folder.appendingPathComponent(name + ".expect"), encoding: .utf8)
            return (folder.appendingPathComponent(name), expect.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    func testEachFindingGivesItsOutcomeThroughTheBatch() throws {
        try CLI.requireBinary()
        let cases = try inputs()
        XCTAssertFalse(cases.isEmpty)
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let r = try CLI.run(["convert", folder.path, "--out", out.path, "--timeout", "120"], in: root, timeout: 300)
        XCTAssertTrue([0, 1].contains(r.status), r.stderr)
        let failures = try CLI.failures(in: out)
        for (url, expect) in cases {
            let name = url.lastPathComponent
            if expect == "converts" {
                XCTAssertNil(failures[name], "\(name): \(failures[name]?.reason ?? "")")
            } else {
                let reason = failures[name]?.reason ?? "converted"
                XCTAssertTrue(reason.hasPrefix(expect), "\(name): expected '\(expect)…', got '\(reason)'")
            }
            XCTAssertFalse(failures[name]?.reason.contains("crashed") ?? false, name)
        }
    }

    func testEachFindingRunsThroughTheFuzzEntryInOneProcess() throws {
        let replay = CLI.binary.deletingLastPathComponent().appendingPathComponent("minutes-fuzz")
        guard FileManager.default.isExecutableFile(atPath: replay.path) else {
            throw XCTSkip("minutes-fuzz not built at \(replay.path) (swift build --build-tests builds it)")
        }
        let p = Process()
        p.executableURL = replay
        p.arguments = try inputs().map(\.0.path)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "the replay crashed")
        XCTAssertEqual(p.terminationStatus, 0)
    }
}
