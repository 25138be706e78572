import Foundation
import XCTest

/// The shared truth sets (`../shared/corpus/dev`, `../shared/corpus/real-truth`) converted once
/// per test run and scored by `minutes test`, with and without motions; the tests that check
/// those scores (against score.py, against the floors) share the one conversion.
enum TruthRuns {
    static var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    struct Report: Decodable {
        struct Doc: Decodable { var name: String; var kind: String; var score: Double; var status: String; var error: String? }
        var documents: [Doc]

        /// Truth documents by name.
        var scores: [String: Double] {
            Dictionary(documents.filter { $0.kind == "truth" }.map { ($0.name, $0.score) }, uniquingKeysWith: { a, _ in a })
        }
    }

    struct Run {
        var truth: URL
        var outputs: URL
        var truthCount: Int
        var withMotions: Report
        var withoutMotions: Report
    }

    enum Set: String { case dev, real }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var runs: [Set: Run] = [:]
    nonisolated(unsafe) private static var folder: URL?

    /// Skips (with the reason) where the shared corpus is not beside the repo.
    static func requireShared() throws -> URL {
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("eval/score.py").path) else {
            throw XCTSkip("skipped: \(shared.path) is not there (the shared corpus sits beside the repo in CI)")
        }
        try CLI.requireBinary()
        return shared
    }

    /// Converts the set (once per run: `--save`) scored with motions, then scores the same
    /// outputs again without motions (`--converted`), so both paths of `minutes test` are used.
    static func run(_ set: Set) throws -> Run {
        let shared = try requireShared()
        lock.lock(); defer { lock.unlock() }
        if let done = runs[set] { return done }
        if folder == nil { folder = try CLI.tempDir("truth-runs") }
        guard let dir = folder else { throw XCTSkip("no temporary folder") }
        let out = dir.appendingPathComponent(set.rawValue)
        let truth: URL, first: [String]
        switch set {
        case .dev:
            truth = shared.appendingPathComponent("corpus/dev")
            first = [truth.path, "--save", out.path, "--jobs", "2"]
        case .real:
            // The PDFs sit in ../real/<group>/ and may not be copied: the truth is paired by name.
            truth = shared.appendingPathComponent("corpus/real-truth")
            first = [shared.appendingPathComponent("corpus/real").path, "--truth", truth.path, "--save", out.path, "--jobs", "2"]
        }
        let count = try FileManager.default.contentsOfDirectory(atPath: truth.path).filter { $0.hasSuffix(".truth.json") }.count
        func report(_ args: [String], motions: Bool) throws -> Report {
            let r = try CLI.run(["test"] + args + ["--format", "json", "--min", "0"] + (motions ? [] : ["--ignore-motions"]),
                                in: dir, timeout: 1800)
            XCTAssertNotEqual(r.status, 2, r.stderr)
            return try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        }
        let with = try report(first, motions: true)
        let secondArgs = set == .dev ? [truth.path, "--converted", out.path] : ["--truth", truth.path, "--converted", out.path]
        let without = try report(secondArgs, motions: false)
        let run = Run(truth: truth, outputs: out, truthCount: count, withMotions: with, withoutMotions: without)
        runs[set] = run
        return run
    }
}
