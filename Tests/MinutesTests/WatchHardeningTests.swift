import Foundation
import XCTest
import MinutesApp
import MinutesModel
#if canImport(Glibc)
import Glibc
#endif

/// `minutes watch` against crashing workers, files that arrive in two parts, and two
/// conversions finishing at once. Every wait is bounded.
final class WatchHardeningTests: XCTestCase {
    var root: URL!
    var inbox: URL { root.appendingPathComponent("inbox") }
    var out: URL { root.appendingPathComponent("out") }
    var done: URL { inbox.appendingPathComponent(".done") }
    var failed: URL { inbox.appendingPathComponent(".failed") }

    override func setUpWithError() throws {
        try CLI.requireBinary()
        root = try CLI.tempDir(name)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func startWatcher(_ extra: [String], environment: [String: String] = [:]) throws -> CLI.Running {
        let w = try CLI.Running(["watch", inbox.path, "--out", out.path] + extra, in: root, environment: environment)
        CLI.waitUntil(timeout: 10) { w.stderr.contains("watching") }
        return w
    }

    func stopCleanly(_ w: CLI.Running, file: StaticString = #filePath, line: UInt = #line) -> CLI.Result {
        w.signal(SIGTERM)
        let r = w.wait(timeout: 30, file: file, line: line)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("stopped:"), r.stderr, file: file, line: line)
        return r
    }

    func errorNote(_ name: String) -> String {
        (try? String(contentsOf: failed.appendingPathComponent(name + ".error.txt"), encoding: .utf8)) ?? ""
    }

    func testCrashedKilledAndHungWorkersQuarantineTheirFileAndTheWatcherGoesOn() throws {
        let faults = "segv:crash.pdf@3,kill:killed.pdf@2,sleep:hangs.pdf"
        let w = try startWatcher(["--poll", "0.1", "--settle", "0.3", "--grace", "0", "--timeout", "3", "--jobs", "2"],
                                 environment: ["MINUTES_WORKER_FAULTS": faults])
        let staging = root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let copies = try CLI.uniqueCopies(of: "good.pdf", count: 7, into: staging)
        let names = ["crash.pdf", "killed.pdf", "hangs.pdf", "good-1.pdf", "good-2.pdf", "good-3.pdf"]
        for (c, n) in zip(copies, names) { try FileManager.default.moveItem(at: c, to: inbox.appendingPathComponent(n)) }
        XCTAssertTrue(CLI.waitUntil(timeout: 90) { CLI.files(in: self.inbox).isEmpty }, "inbox drained: \(w.stderr)")
        // The watcher is still at work: one more file converts.
        try FileManager.default.moveItem(at: copies[6], to: inbox.appendingPathComponent("later.pdf"))
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { CLI.files(in: self.done).contains("later.pdf") }, w.stderr)
        let r = stopCleanly(w)

        XCTAssertEqual(CLI.files(in: done), ["good-1.pdf", "good-2.pdf", "good-3.pdf", "later.pdf"])
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["good-1.json", "good-2.json", "good-3.json", "later.json"])
        XCTAssertEqual(Set(CLI.files(in: failed).filter { $0.hasSuffix(".pdf") }), ["crash.pdf", "killed.pdf", "hangs.pdf"])
        XCTAssertEqual(errorNote("crash.pdf"), "crash.pdf: crashed (SIGSEGV) in page 3\n")
        XCTAssertTrue(errorNote("killed.pdf").hasPrefix("killed.pdf: worker killed (SIGKILL) in page 2"), errorNote("killed.pdf"))
        XCTAssertEqual(errorNote("hangs.pdf"), "hangs.pdf: timed out after 3 s (--timeout)\n")
        // A time or memory failure gets one more try before it is quarantined; a crash does not.
        XCTAssertEqual(r.stderr.components(separatedBy: "hangs.pdf: timed out").count - 1, 2, r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "crash.pdf: crashed").count - 1, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("stopped: 4 converted, 3 failed"), r.stderr)
    }

    /// A PDF written half, then (after a pause longer than the settle time) the rest: the
    /// half fails to parse but is fresh, so it stays in the inbox; the whole converts once.
    func checkTwoPartWrite(_ extra: [String]) throws {
        let w = try startWatcher(extra + ["--settle", "0.5"])
        let data = try Data(contentsOf: CLI.fixture("good.pdf"))
        let target = inbox.appendingPathComponent("slow.pdf")
        _ = FileManager.default.createFile(atPath: target.path, contents: nil)
        let h = try FileHandle(forWritingTo: target)
        h.write(data[0..<(data.count / 2)])
        // Long enough to settle and be tried: four times the settle time.
        XCTAssertTrue(CLI.waitUntil(timeout: 10) { w.stderr.contains("may still be arriving") }, w.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "the half is left where it is")
        h.write(data[(data.count / 2)...])
        try h.close()
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { CLI.files(in: self.done) == ["slow.pdf"] }, w.stderr)
        let r = stopCleanly(w)
        XCTAssertEqual(try Data(contentsOf: done.appendingPathComponent("slow.pdf")), data, "moved whole")
        XCTAssertEqual(CLI.files(in: failed), [])
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["slow.json"])
        let ledger = try CLI.ledger(in: out)
        XCTAssertEqual(ledger.count, 1, "the half-file attempt is not recorded as a result")
        XCTAssertEqual(ledger.first?.status, .converted)
        XCTAssertTrue(r.stderr.contains("stopped: 1 converted, 0 failed"), r.stderr)
    }

    func testFileWrittenInTwoPartsWithALongPauseConvertsOnceWhole() throws {
        try checkTwoPartWrite([])  // inotify
    }

    func testFileWrittenInTwoPartsConvertsOnceWholeWhenPolling() throws {
        try checkTwoPartWrite(["--poll", "0.2"])
    }

    /// A bad file that stays bad is quarantined once its grace period is over.
    func testStaleBadFileIsQuarantinedAfterTheGracePeriod() throws {
        let w = try startWatcher(["--poll", "0.1", "--settle", "0.2", "--grace", "2"])
        try Data("%PDF-1.4\nnot really\n".utf8).write(to: inbox.appendingPathComponent("broken.pdf"))
        XCTAssertTrue(CLI.waitUntil(timeout: 10) { w.stderr.contains("may still be arriving") }, w.stderr)
        XCTAssertTrue(CLI.files(in: failed).isEmpty, "not before the grace period")
        XCTAssertTrue(CLI.waitUntil(timeout: 20) { CLI.files(in: self.failed).contains("broken.pdf") }, w.stderr)
        _ = stopCleanly(w)
        XCTAssertTrue(errorNote("broken.pdf").hasPrefix("broken.pdf: damaged PDF"), errorNote("broken.pdf"))
    }

    /// Two workers finishing together: `actions.csv` gets one header, and `a.pdf` and `a.png`
    /// (here a PDF under an image's name: content decides) never share an output name.
    func testConcurrentConversionsShareNeitherTheCSVHeaderNorAnOutputName() throws {
        let w = try startWatcher(["--poll", "0.1", "--settle", "0.2", "--jobs", "2", "--format", "json,csv"])
        let staging = root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let copies = try CLI.uniqueCopies(of: "good.pdf", count: 16, into: staging)
        for (i, c) in copies.enumerated() {
            let name = "m\(i / 2)." + (i % 2 == 0 ? "pdf" : "png")
            try FileManager.default.moveItem(at: c, to: inbox.appendingPathComponent(name))
        }
        XCTAssertTrue(CLI.waitUntil(timeout: 120) { CLI.files(in: self.done).count == 16 }, w.stderr)
        _ = stopCleanly(w)
        let outputs = CLI.files(in: out, ext: "json")
        XCTAssertEqual(outputs.count, 16, "\(outputs)")
        let ledger = try CLI.ledger(in: out).filter { $0.status == .converted }
        XCTAssertEqual(Set(ledger.compactMap(\.base)).count, 16, "every document has its own output name")
        let csv = try String(contentsOf: out.appendingPathComponent("actions.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.filter { $0.hasPrefix("source_file,") }.count, 1, "one header")
        let perDocument = try Minutes.decode(Data(contentsOf: out.appendingPathComponent(outputs[0]))).actions.count
        XCTAssertEqual(lines.count, 1 + 16 * perDocument)
    }
}
