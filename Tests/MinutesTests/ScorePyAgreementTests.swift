import Foundation
import XCTest

/// `minutes test` against the reference scorer, `../shared/eval/score.py`, on the shared
/// truth sets: every document's score within 0.001 of score.py's, with and without motions.
/// Runs when `../shared` and python3 are there (always in CI); skipped otherwise.
final class ScorePyAgreementTests: XCTestCase {
    static let tolerance = 0.001

    static var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    struct Report: Decodable {
        struct Doc: Decodable { var name: String; var kind: String; var score: Double; var status: String; var error: String? }
        var documents: [Doc]
    }

    struct PyReport: Decodable {
        struct Doc: Decodable { var score: Double }
        var documents: [String: Doc]
    }

    func requireShared() throws -> URL {
        let scorer = Self.shared.appendingPathComponent("eval/score.py")
        guard FileManager.default.fileExists(atPath: scorer.path) else {
            throw XCTSkip("skipped: \(scorer.path) is not there (the shared corpus sits beside the repo in CI)")
        }
        guard (try? python(["-c", "pass"]))?.status == 0 else { throw XCTSkip("skipped: no python3 to run score.py") }
        try CLI.requireBinary()
        return Self.shared
    }

    func python(_ args: [String]) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Scores of one `minutes test --format json` run against score.py on the same outputs;
    /// returns the largest difference.
    func agree(_ label: String, minutes args: [String], truth: URL, outputs: URL, motions: Bool,
               in dir: URL, expecting count: Int) throws -> Double {
        let run = try CLI.run(["test"] + args + ["--format", "json"] + (motions ? [] : ["--ignore-motions"]),
                              in: dir, timeout: 1200)
        XCTAssertNotEqual(run.status, 2, run.stderr)
        let mine = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        let py = try python([Self.shared.appendingPathComponent("eval/score.py").path, "--truth", truth.path,
                             "--out", outputs.path, "--json"] + (motions ? [] : ["--ignore-motions"]))
        XCTAssertEqual(py.status, 0, py.stderr)
        let ref = try JSONDecoder().decode(PyReport.self, from: Data(py.stdout.utf8))
        let scored = mine.documents.filter { $0.kind == "truth" }
        XCTAssertEqual(scored.count, count, "\(label): documents scored")
        XCTAssertEqual(Set(scored.map(\.name)), Set(ref.documents.keys), "\(label): the same documents")
        var worst = 0.0
        for d in scored {
            // A document not found or not converted scores 0 on both sides: agreement that
            // says nothing.
            XCTAssertNotEqual(d.status, "error", "\(label) \(d.name): \(d.error ?? "")")
            guard let r = ref.documents[d.name] else { continue }
            let gap = abs(d.score - r.score)
            worst = max(worst, gap)
            XCTAssertLessThanOrEqual(gap, Self.tolerance, "\(label) \(d.name): minutes test \(d.score), score.py \(r.score)")
        }
        print("score.py agreement, \(label): \(scored.count) documents, max abs difference \(worst)")
        return worst
    }

    /// Converts each set once (`--save`), scored with motions; the same outputs are then
    /// scored again without motions (`--converted`), so both paths meet score.py.
    func testDevCorpusScoresAgreeWithScorePy() throws {
        let shared = try requireShared()
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dev = shared.appendingPathComponent("corpus/dev"), out = dir.appendingPathComponent("dev")
        let count = try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { $0.hasSuffix(".truth.json") }.count
        _ = try agree("dev, motions", minutes: [dev.path, "--save", out.path, "--jobs", "2"], truth: dev, outputs: out,
                      motions: true, in: dir, expecting: count)
        _ = try agree("dev, no motions", minutes: [dev.path, "--converted", out.path], truth: dev, outputs: out,
                      motions: false, in: dir, expecting: count)
    }

    func testRealTruthScoresAgreeWithScorePy() throws {
        let shared = try requireShared()
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let truth = shared.appendingPathComponent("corpus/real-truth"), out = dir.appendingPathComponent("real")
        let count = try FileManager.default.contentsOfDirectory(atPath: truth.path).filter { $0.hasSuffix(".truth.json") }.count
        // The PDFs sit in ../real/<group>/ and may not be copied: the truth is paired by name.
        _ = try agree("real-truth, motions",
                      minutes: [shared.appendingPathComponent("corpus/real").path, "--truth", truth.path,
                                "--save", out.path, "--jobs", "2"],
                      truth: truth, outputs: out, motions: true, in: dir, expecting: count)
        _ = try agree("real-truth, no motions", minutes: ["--truth", truth.path, "--converted", out.path],
                      truth: truth, outputs: out, motions: false, in: dir, expecting: count)
    }
}
