import Foundation
import XCTest
import MinutesApp
import MinutesModel

/// `convert --shard I/N` over one folder, as N machines would run it, then `minutes ledger
/// merge`: the same outputs, failures, actions register and ledger as one single run.
final class ShardTests: XCTestCase {
    override func setUpWithError() throws {
        try CLI.requireBinary()
    }

    /// Good and bad inputs, a sub-folder, and two names that clash when case is ignored.
    func makeArchive(_ root: URL) throws -> URL {
        let input = root.appendingPathComponent("archive")
        let sub = input.appendingPathComponent("2019")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try CLI.uniqueCopies(of: "good.pdf", count: 9, into: input)
        try CLI.uniqueCopies(of: "good.pdf", count: 3, into: sub, prefix: "board")
        for f in ["empty.pdf", "plain-text-named.pdf", "encrypted-user-password.pdf", "truncated.pdf"] {
            try FileManager.default.copyItem(at: CLI.fixture(f), to: input.appendingPathComponent(f))
        }
        var upper = try Data(contentsOf: CLI.fixture("good.pdf"))
        upper.append(Data("\n%upper\n".utf8))
        try upper.write(to: input.appendingPathComponent("Copy-000.pdf"))
        return input
    }

    /// Every visible file under `dir` (outputs and reports), by relative path, with its bytes.
    func contents(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        while let url = e?.nextObject() as? URL {
            let rel = String(url.path.dropFirst(dir.path.count + 1))
            if let d = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath { out[rel] = d }
        }
        return out
    }

    func converted(_ out: URL) throws -> [String] {
        try CLI.ledger(in: out).filter { $0.status == .converted }.map { "\($0.base ?? "") \($0.sha256)" }.sorted()
    }

    func testFourShardsAndAMergeEqualOneRun() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeArchive(root)
        let single = root.appendingPathComponent("single")
        let sharded = root.appendingPathComponent("sharded")
        let common = ["--format", "json,md,csv"]

        let one = try CLI.run(["convert", input.path, "--out", single.path, "--jobs", "2"] + common, in: root)
        XCTAssertEqual(one.status, 1, one.stderr)

        // Four machines at once, sharing the output folder.
        let shards = try (0..<4).map { i in
            try CLI.Running(["convert", input.path, "--out", sharded.path, "--jobs", "1", "--shard", "\(i)/4"] + common, in: root)
        }
        let results = shards.map { $0.wait(timeout: 180) }
        for (i, r) in results.enumerated() { XCTAssertTrue([0, 1].contains(r.status), "shard \(i): \(r.stderr)") }
        let taken = results.map { r in Int(r.stderr.firstMatch(of: /(\d+) files?:/)?.1 ?? "") ?? -1 }
        XCTAssertEqual(taken.reduce(0, +), 17, "each of the 17 inputs taken by one shard: \(taken)")
        XCTAssertGreaterThan(taken.filter { $0 > 0 }.count, 1, "the work is spread: \(taken)")

        let merge = try CLI.run(["ledger", "merge", sharded.path], in: root)
        XCTAssertEqual(merge.status, 1, "bad inputs failed for good:\n\(merge.stderr)")
        XCTAssertTrue(merge.stderr.contains("merged 4 shards, 17 inputs: 13 converted, 4 failed"), merge.stderr)

        let a = contents(single), b = contents(sharded).filter { !$0.key.hasPrefix("_shard-") && !$0.key.contains(".shard-") }
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, data) in a where b[name] != data {
            XCTFail("\(name) differs:\n\(String(decoding: data, as: UTF8.self).prefix(400))\n---\n\(String(decoding: b[name] ?? Data(), as: UTF8.self).prefix(400))")
        }
        XCTAssertEqual(try converted(single), try converted(sharded))
        XCTAssertEqual(Set(try converted(sharded)).count, 13, "none converted twice")

        // Merging again adds nothing; a shard run again finds its work done.
        let again = try CLI.run(["ledger", "merge", sharded.path], in: root)
        XCTAssertTrue(again.stderr.contains("0 ledger records added"), again.stderr)
        let rerun = try CLI.run(["convert", input.path, "--out", sharded.path, "--shard", "2/4"] + common, in: root)
        XCTAssertTrue(rerun.stderr.contains(" 0 converted"), rerun.stderr)
        XCTAssertEqual(try converted(single), try converted(sharded))
    }

    func testMergeRefusesAnIncompleteSetOfShards() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try CLI.uniqueCopies(of: "good.pdf", count: 4, into: input)
        let out = root.appendingPathComponent("out")
        for i in 0..<2 {
            XCTAssertEqual(try CLI.run(["convert", input.path, "--out", out.path, "--shard", "\(i)/3"], in: root).status, 0)
        }
        let merge = try CLI.run(["ledger", "merge", out.path], in: root)
        XCTAssertEqual(merge.status, 75, merge.stderr)
        XCTAssertTrue(merge.stderr.contains("shard 2/3 has not run"), merge.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("_failures.json").path))
        XCTAssertEqual(try CLI.run(["ledger", "merge", root.appendingPathComponent("nothing").path], in: root).status, 1)
        XCTAssertEqual(try CLI.run(["convert", input.path, "--out", out.path, "--shard", "3/3"], in: root).status, 2)
    }

    func testManifestListsInputsFromItsOwnFolder() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("volume")
        let input = data.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try CLI.uniqueCopies(of: "good.pdf", count: 3, into: input)
        let manifest = data.appendingPathComponent("manifest.txt")
        try "# minutes to convert\nin/copy-000.pdf\n\n  in/copy-002.pdf  \nin/missing.pdf\n".write(to: manifest, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let r = try CLI.run(["convert", "--manifest", manifest.path, "--out", out.path], in: root)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["copy-000.json", "copy-002.json"])
        XCTAssertTrue(r.stderr.contains("in/missing.pdf: no such file or folder"), r.stderr)
        XCTAssertEqual(try CLI.run(["convert", "--manifest", root.appendingPathComponent("none.txt").path, "--out", out.path],
                                   in: root).status, 2)
    }
}
