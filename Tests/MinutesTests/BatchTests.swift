import Foundation
import XCTest
import MinutesApp
import MinutesModel
#if canImport(Glibc)
import Glibc
#endif

/// `minutes convert` as a batch, run as a subprocess on real files.
final class BatchTests: XCTestCase {
    let badFiles = ["encrypted-user-password.pdf", "plain-text-named.pdf", "empty.pdf"]

    override func setUpWithError() throws {
        try CLI.requireBinary()
    }

    /// Lays out good and bad inputs in nested folders, as an archive would be.
    func makeArchive(_ root: URL) throws -> URL {
        let input = root.appendingPathComponent("archive")
        let sub = input.appendingPathComponent("2014/bad")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: input.appendingPathComponent("good.pdf"))
        for f in badFiles + ["truncated.pdf"] {
            try FileManager.default.copyItem(at: CLI.fixture(f), to: sub.appendingPathComponent(f))
        }
        return input
    }

    func testEachBadFileFailsAloneAndIsListedWithItsReason() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeArchive(root)
        let out = root.appendingPathComponent("out")
        let r = try CLI.run(["convert", input.path, "--out", out.path, "--jobs", "2", "--format", "json,md,csv"], in: root)
        XCTAssertEqual(r.status, 1, r.stderr)

        let json = out.appendingPathComponent("good.json")
        let minutes = try Minutes.decode(Data(contentsOf: json))
        XCTAssertEqual(minutes.source.file, "good.pdf")
        let md = try String(contentsOf: out.appendingPathComponent("good.md"), encoding: .utf8)
        XCTAssertTrue(md.hasPrefix("# "), "markdown starts with a title")
        let csv = try String(contentsOf: out.appendingPathComponent("actions.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix(ActionRegister.header.joined(separator: ",") + "\r\n"))
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, minutes.actions.count + 1)

        let failures = try JSONDecoder().decode([BatchFailure].self,
                                                from: Data(contentsOf: out.appendingPathComponent("_failures.json")))
        let failedNames = failures.map { URL(fileURLWithPath: $0.file).lastPathComponent }
        for bad in badFiles {
            XCTAssertEqual(failedNames.filter { $0 == bad }.count, 1, "\(bad) listed once in _failures.json")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("2014/bad/" + bad).path))
        }
        XCTAssertTrue(failures.first { $0.file.hasSuffix("encrypted-user-password.pdf") }?.reason.contains("password") ?? false)
        XCTAssertTrue(failures.first { $0.file.hasSuffix("plain-text-named.pdf") }?.reason.contains("not a PDF") ?? false)
        XCTAssertTrue(failures.first { $0.file.hasSuffix("empty.pdf") }?.reason.contains("empty") ?? false)
        // A truncated PDF may convert as far as it can be read, or fail; never both, never neither.
        let truncatedOut = FileManager.default.fileExists(atPath: out.appendingPathComponent("2014/bad/truncated.json").path)
        XCTAssertNotEqual(truncatedOut, failedNames.contains("truncated.pdf"))
        // Each failure is one stderr line naming the file.
        for f in failures {
            let lines = r.stderr.split(separator: "\n").filter { $0.contains(f.file) && $0.contains(f.reason) }
            XCTAssertEqual(lines.count, 1, "one line for \(f.file) in:\n\(r.stderr)")
        }
        XCTAssertTrue(r.stderr.contains("failed"), "summary line")
        XCTAssertEqual(CLI.temporaries(in: out), [])
    }

    func testRerunSkipsDoneFilesChangedContentAndForceConvertAgain() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let copies = try CLI.uniqueCopies(of: "good.pdf", count: 3, into: input)
        let out = root.appendingPathComponent("out")
        let args = ["convert", input.path, "--out", out.path, "--jobs", "2"]

        XCTAssertEqual(try CLI.run(args, in: root).status, 0)
        let first = out.appendingPathComponent("copy-000.json")
        let stamp = try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date

        let again = try CLI.run(args, in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("0 converted, 3 skipped"), again.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date, stamp)

        // New content under the same name is a new document.
        let h = try FileHandle(forWritingTo: copies[1])
        h.seekToEndOfFile()
        h.write(Data("%changed\n".utf8))
        try h.close()
        let changed = try CLI.run(args, in: root)
        XCTAssertTrue(changed.stderr.contains("1 converted, 2 skipped"), changed.stderr)

        // A missing output is made again even though the ledger knows the content.
        try FileManager.default.removeItem(at: out.appendingPathComponent("copy-002.json"))
        XCTAssertTrue(try CLI.run(args, in: root).stderr.contains("1 converted, 2 skipped"))

        let forced = try CLI.run(args + ["--force"], in: root)
        XCTAssertTrue(forced.stderr.contains("3 converted"), forced.stderr)
        XCTAssertEqual(try JSONDecoder().decode([BatchFailure].self,
                                                from: Data(contentsOf: out.appendingPathComponent("_failures.json"))), [])
    }

    func testGlobsFilesAndUsageErrors() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try CLI.uniqueCopies(of: "good.pdf", count: 2, into: root, prefix: "meeting")
        let out = root.appendingPathComponent("out")
        // The pattern reaches minutes unexpanded, as it would from a script or a quoted shell word.
        let globbed = try CLI.run(["convert", root.path + "/meeting-*.pdf", "--out", out.path, "-q"], in: root)
        XCTAssertEqual(globbed.status, 0, globbed.stderr)
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["meeting-000.json", "meeting-001.json"])
        XCTAssertEqual(globbed.stderr, "", "--quiet prints nothing when all is well")

        let missing = try CLI.run(["convert", root.path + "/nothing-*.pdf", "--out", out.path], in: root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nothing-*.pdf: no such file or folder"), missing.stderr)

        XCTAssertEqual(try CLI.run(["convert", root.path], in: root).status, 2, "neither --out nor --stdout")
        XCTAssertEqual(try CLI.run(["convert", root.path, "--out", out.path, "--format", "pdf"], in: root).status, 2)
        XCTAssertEqual(try CLI.run(["convert", root.path, "--out", out.path, "--no-such-flag"], in: root).status, 2)
        XCTAssertEqual(try CLI.run(["convert", root.path, "--out", out.path, "--pipeline", "no-such-profile"], in: root).status, 2)

        let bad = root.appendingPathComponent("bad.yml")
        try "stages:\n  - extract-text\n  - build-lines\n  - make-coffee\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", root.path, "--out", out.path, "--pipeline", bad.path], in: root)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.yml:4: unknown stage 'make-coffee'"), r.stderr)

        let stdout = try CLI.run(["convert", root.path + "/meeting-000.pdf", "--stdout"], in: root)
        XCTAssertEqual(stdout.status, 0)
        XCTAssertEqual(try Minutes.decode(Data(stdout.stdout.utf8)).source.file, "meeting-000.pdf")
    }

    /// Ctrl-C: the files in hand finish, the rest are not started, exit 130; a re-run completes.
    func testInterruptedBatchFinishesFilesInHandAndExits130() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try CLI.uniqueCopies(of: "good.pdf", count: 12, into: input)
        let out = root.appendingPathComponent("out")
        let args = ["convert", input.path, "--out", out.path, "--jobs", "1"]
        let running = try CLI.Running(args, in: root)
        XCTAssertTrue(CLI.waitUntil(timeout: 60) { CLI.files(in: out, ext: "json").count >= 2 })
        running.signal(SIGINT)
        let r = running.wait(timeout: 60)
        XCTAssertEqual(r.status, 130, r.stderr)
        XCTAssertTrue(r.stderr.contains("not started (interrupted)"), r.stderr)
        XCTAssertEqual(CLI.temporaries(in: out), [])
        // Every output written has its ledger record: nothing finished is forgotten.
        let recorded = Set(try CLI.ledger(in: out).compactMap(\.base))
        XCTAssertEqual(Set(CLI.files(in: out, ext: "json").map { String($0.dropLast(5)) }), recorded)
        XCTAssertEqual(try CLI.run(args + ["-q"], in: root).status, 0)
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, 12)
    }

    /// `kill -9` in the middle of a batch, then the same command again: the set completes,
    /// each input converted or failed exactly once, nothing lost, no half-written file.
    func testBatchKilledWithSIGKILLCompletesOnceWhenRunAgain() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let count = 40
        try CLI.uniqueCopies(of: "good.pdf", count: count, into: input)
        for f in badFiles { try FileManager.default.copyItem(at: CLI.fixture(f), to: input.appendingPathComponent(f)) }
        let out = root.appendingPathComponent("out")
        let args = ["convert", input.path, "--out", out.path, "--jobs", "2"]

        let running = try CLI.Running(args, in: root)
        XCTAssertTrue(CLI.waitUntil(timeout: 60) { CLI.files(in: out, ext: "json").count >= 5 }, "batch made progress")
        running.signal(SIGKILL)
        let killed = running.wait(timeout: 10)
        XCTAssertEqual(killed.status, SIGKILL)
        let doneBeforeKill = CLI.files(in: out, ext: "json").count
        XCTAssertLessThan(doneBeforeKill, count, "killed before the end (else the test proves nothing)")
        let recorded = try CLI.ledger(in: out).filter { $0.status == .converted }.count

        let rerun = try CLI.run(args, in: root)
        XCTAssertEqual(rerun.status, 1, rerun.stderr)  // the bad files fail again
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, count)
        XCTAssertEqual(CLI.temporaries(in: out), [])
        for i in 0..<count {
            let json = out.appendingPathComponent(String(format: "copy-%03d.json", i))
            XCTAssertNoThrow(try Minutes.decode(Data(contentsOf: json)), json.lastPathComponent)
        }
        let ledger = try CLI.ledger(in: out)
        for i in 0..<count {
            let base = String(format: "copy-%03d", i)
            XCTAssertEqual(ledger.filter { $0.base == base && $0.status == .converted }.count, 1, "\(base) converted once")
        }
        let failures = try JSONDecoder().decode([BatchFailure].self,
                                                from: Data(contentsOf: out.appendingPathComponent("_failures.json")))
        XCTAssertEqual(failures.map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted(), badFiles.sorted())
        // What the killed run finished is not converted again.
        let expected = recorded == 0 ? "\(count) converted" : "\(count - recorded) converted, \(recorded) skipped"
        XCTAssertTrue(rerun.stderr.contains(expected), "expected '\(expected)' in:\n\(rerun.stderr)")
    }
}
