import Foundation
import XCTest
import MinutesApp
import MinutesModel
import PopplerText
#if canImport(Glibc)
import Glibc
#endif

/// Workers that crash, are killed, hang or run out of memory mid-document: that file fails
/// alone with where it was, every other file converts, and the batch says whether a retry
/// could help. Faults come from the worker's test hook (MINUTES_WORKER_FAULTS).
final class IsolationTests: XCTestCase {
    override func setUpWithError() throws {
        try CLI.requireBinary()
    }

    func makeInbox(_ root: URL, count: Int = 6) throws -> URL {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try CLI.uniqueCopies(of: "good.pdf", count: count, into: input)
        return input
    }

    func testCrashesFailTheirFileAloneAndAreNotRetriedOnTheSameBytes() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeInbox(root)
        let out = root.appendingPathComponent("out")
        let faults = ["MINUTES_WORKER_FAULTS": "segv:copy-001.pdf@3,abort:copy-004.pdf@2"]
        let args = ["convert", input.path, "--out", out.path, "--jobs", "2"]

        let r = try CLI.run(args, in: root, environment: faults)
        XCTAssertEqual(r.status, 1, "a crash is a permanent failure:\n\(r.stderr)")
        let failures = try CLI.failures(in: out)
        XCTAssertEqual(failures["copy-001.pdf"]?.reason, "crashed (SIGSEGV) in page 3")
        XCTAssertEqual(failures["copy-004.pdf"]?.reason, "crashed (SIGABRT) in page 2")
        XCTAssertEqual(failures.count, 2)
        XCTAssertEqual(failures["copy-001.pdf"]?.retryable, false)
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["copy-000.json", "copy-002.json", "copy-003.json", "copy-005.json"])
        for name in ["copy-001.pdf", "copy-004.pdf"] {
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.contains(name) }.count, 1, "one line for \(name):\n\(r.stderr)")
        }
        for json in CLI.files(in: out, ext: "json") {
            XCTAssertNoThrow(try Minutes.decode(Data(contentsOf: out.appendingPathComponent(json))), json)
        }
        let crashes = try CLI.ledger(in: out).filter { $0.failure == .crash }
        XCTAssertEqual(Set(crashes.map { URL(fileURLWithPath: $0.input).lastPathComponent }), ["copy-001.pdf", "copy-004.pdf"])

        // Run again: the crashing bytes are not fed to a worker again.
        let again = try CLI.run(args, in: root, environment: faults)
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertTrue(again.stderr.contains("0 converted, 4 skipped"), again.stderr)
        XCTAssertTrue(try CLI.failures(in: out)["copy-001.pdf"]?.reason.contains("not tried again") ?? false)

        // --force tries them again (here without the fault: a fixed library).
        let forced = try CLI.run(args + ["--force"], in: root)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, 6)
    }

    func testKilledHungAndMemoryHungryWorkersFailTheirFileAsRetryable() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeInbox(root)
        let out = root.appendingPathComponent("out")
        let faults = ["MINUTES_WORKER_FAULTS": "kill:copy-001.pdf@2,sleep:copy-002.pdf,hog:copy-003.pdf@1"]
        let args = ["convert", input.path, "--out", out.path, "--jobs", "2"]

        let started = Date()
        let r = try CLI.run(args + ["--timeout", "4", "--max-memory", "300"], in: root, environment: faults)
        XCTAssertEqual(r.status, 75, "these may pass on a retry: EX_TEMPFAIL\n\(r.stderr)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the hung worker was stopped")
        let failures = try CLI.failures(in: out)
        XCTAssertEqual(failures["copy-001.pdf"]?.reason.hasPrefix("worker killed (SIGKILL) in page 2"), true, r.stderr)
        XCTAssertEqual(failures["copy-002.pdf"]?.reason, "timed out after 4 s (--timeout)")
        XCTAssertEqual(failures["copy-003.pdf"]?.reason, "out of memory (over the --max-memory limit of 300 MB) in page 1")
        XCTAssertEqual(failures.values.filter { $0.retryable == true }.count, 3)
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["copy-000.json", "copy-004.json", "copy-005.json"])
        XCTAssertEqual(CLI.temporaries(in: out), [])

        // Transient failures are tried again by the next run.
        let again = try CLI.run(args, in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("3 converted, 3 skipped"), again.stderr)
    }

    /// The worker is replaced after each death: a batch of many faults still converts the rest.
    func testEveryOtherFileCrashingStillConvertsTheRest() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeInbox(root, count: 10)
        let out = root.appendingPathComponent("out")
        let faults = (0..<10).filter { $0 % 2 == 1 }.map { String(format: "segv:copy-%03d.pdf@1", $0) }.joined(separator: ",")
        let r = try CLI.run(["convert", input.path, "--out", out.path, "--jobs", "2"], in: root,
                            environment: ["MINUTES_WORKER_FAULTS": faults])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, 5)
        XCTAssertEqual(try CLI.failures(in: out).count, 5)
    }

    func testPageLimitAndInputSizeAreCheckedBeforeTheWork() throws {
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try makeInbox(root, count: 1)
        let out = root.appendingPathComponent("out")
        let r = try CLI.run(["convert", input.path, "--out", out.path, "--max-pages", "3"], in: root)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try CLI.failures(in: out)["copy-000.pdf"]?.reason,
                       "refused: 6 pages, over the limit of 3 (--max-pages raises it)")
        let big = root.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
        var blob = try Data(contentsOf: CLI.fixture("good.pdf"))
        blob.append(Data(count: 2 << 20))
        try blob.write(to: big.appendingPathComponent("padded.pdf"))
        let s = try CLI.run(["convert", big.path, "--out", out.path, "--max-input-mb", "1"], in: root)
        XCTAssertEqual(s.status, 1)
        XCTAssertTrue(s.stderr.contains("padded.pdf: refused: 2 MB, over the input limit of 1 MB (--max-input-mb raises it)"), s.stderr)
        XCTAssertEqual(try CLI.run(["convert", big.path, "--out", out.path, "--max-pages", "0"], in: root).status, 2)
    }

    /// poppler opens a PDF whose page tree is empty; the document must be freed once. With
    /// GLib's criticals fatal, the old double unref killed the process.
    func testZeroPagePDFFailsCleanlyAndIsFreedOnce() throws {
        let url = try Fixtures.url("zero-pages", "pdf", subdirectory: "bad")
        let data = try Data(contentsOf: url)
        XCTAssertThrowsError(try PDFDocument(data: data, fileName: "zero-pages.pdf")) { error in
            XCTAssertEqual(error as? PDFError, .noPages(file: "zero-pages.pdf"))
        }
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let strict = ["G_DEBUG": "fatal-criticals"]
        let r = try CLI.run(["convert", url.path, "--stdout"], in: root, environment: strict)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "minutes: zero-pages.pdf: the PDF has no pages\n")
        let out = root.appendingPathComponent("out")
        let batch = try CLI.run(["convert", url.path, "--out", out.path], in: root, environment: strict)
        XCTAssertEqual(batch.status, 1, batch.stderr)
        XCTAssertEqual(try CLI.failures(in: out)["zero-pages.pdf"]?.reason, "the PDF has no pages")
    }
}
