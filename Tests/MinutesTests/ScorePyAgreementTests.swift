import Foundation
import XCTest

/// `minutes test` against the reference scorer, `../shared/eval/score.py`, on the shared
/// truth sets: every document's score within 0.001 of score.py's, with and without motions.
/// Runs when `../shared` and python3 are there (always in CI); skipped otherwise.
final class ScorePyAgreementTests: XCTestCase {
    static let tolerance = 0.001

    struct PyReport: Decodable {
        struct Doc: Decodable { var score: Double }
        var documents: [String: Doc]
    }

    func requireShared() throws -> URL {
        let shared = try TruthRuns.requireShared()
        guard (try? python(["-c", "pass"]))?.status == 0 else { throw XCTSkip("skipped: no python3 to run score.py") }
        return shared
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

    /// One report of `minutes test` against score.py on the same outputs; returns the
    /// largest difference.
    func agree(_ label: String, _ mine: TruthRuns.Report, run: TruthRuns.Run, motions: Bool) throws -> Double {
        let py = try python([TruthRuns.shared.appendingPathComponent("eval/score.py").path, "--truth", run.truth.path,
                             "--out", run.outputs.path, "--json"] + (motions ? [] : ["--ignore-motions"]))
        XCTAssertEqual(py.status, 0, py.stderr)
        let ref = try JSONDecoder().decode(PyReport.self, from: Data(py.stdout.utf8))
        let scored = mine.documents.filter { $0.kind == "truth" }
        XCTAssertEqual(scored.count, run.truthCount, "\(label): documents scored")
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

    func testDevCorpusScoresAgreeWithScorePy() throws {
        _ = try requireShared()
        let run = try TruthRuns.run(.dev)
        _ = try agree("dev, motions", run.withMotions, run: run, motions: true)
        _ = try agree("dev, no motions", run.withoutMotions, run: run, motions: false)
    }

    func testRealTruthScoresAgreeWithScorePy() throws {
        _ = try requireShared()
        let run = try TruthRuns.run(.real)
        _ = try agree("real-truth, motions", run.withMotions, run: run, motions: true)
        _ = try agree("real-truth, no motions", run.withoutMotions, run: run, motions: false)
    }
}
