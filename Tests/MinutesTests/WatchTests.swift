import Foundation
import XCTest
import MinutesApp
import MinutesModel
#if canImport(Glibc)
import Glibc
#endif

/// `minutes watch`, run as a subprocess on a temporary inbox. Every wait is bounded.
final class WatchTests: XCTestCase {
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

    func startWatcher(_ extra: [String] = ["--poll", "0.1", "--settle", "0.3"]) throws -> CLI.Running {
        let w = try CLI.Running(["watch", inbox.path, "--out", out.path] + extra, in: root)
        // The watcher logs once it is looking; files dropped before that are found by its first scan anyway.
        CLI.waitUntil(timeout: 10) { w.stderr.contains("watching") }
        return w
    }

    /// SIGTERM, then it must exit 0 on its own.
    func stopCleanly(_ w: CLI.Running, file: StaticString = #filePath, line: UInt = #line) {
        w.signal(SIGTERM)
        let r = w.wait(timeout: 30, file: file, line: line)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("stopped:"), r.stderr, file: file, line: line)
    }

    func inboxIsEmpty() -> Bool { CLI.files(in: inbox).isEmpty }

    func testGoodFileConvertsAndEachBadOneGoesToFailedWithItsReason() throws {
        // Bad files just copied in are fresh: they wait out --grace (a second here) first.
        let w = try startWatcher(["--poll", "0.1", "--settle", "0.3", "--grace", "1"])
        for f in ["good.pdf", "encrypted-user-password.pdf", "truncated.pdf", "plain-text-named.pdf", "empty.pdf"] {
            try FileManager.default.copyItem(at: CLI.fixture(f), to: inbox.appendingPathComponent(f))
        }
        XCTAssertTrue(CLI.waitUntil(timeout: 60) { self.inboxIsEmpty() }, "inbox drained")
        stopCleanly(w)

        XCTAssertNoThrow(try Minutes.decode(Data(contentsOf: out.appendingPathComponent("good.json"))))
        XCTAssertTrue(CLI.files(in: done).contains("good.pdf"))
        for (bad, why) in [("encrypted-user-password.pdf", "password"), ("plain-text-named.pdf", "not a PDF"),
                           ("empty.pdf", "empty")] {
            XCTAssertTrue(CLI.files(in: failed).contains(bad), bad)
            let note = try String(contentsOf: failed.appendingPathComponent(bad + ".error.txt"), encoding: .utf8)
            XCTAssertTrue(note.contains(bad) && note.contains(why), note)
        }
        // The truncated PDF ends in exactly one of the two places.
        XCTAssertNotEqual(CLI.files(in: done).contains("truncated.pdf"), CLI.files(in: failed).contains("truncated.pdf"))
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, CLI.files(in: done).count, "one output per done input")
    }

    /// A file written in pieces, with pauses shorter than the settle time, is taken once, whole.
    func testFileStillBeingWrittenIsTakenOnlyWhenComplete() throws {
        // Pauses of 0.4 s against a 2 s settle time: a margin for a loaded machine.
        let w = try startWatcher(["--settle", "2.0"])  // inotify
        let data = try Data(contentsOf: CLI.fixture("good.pdf"))
        let target = inbox.appendingPathComponent("slow.pdf")
        _ = FileManager.default.createFile(atPath: target.path, contents: nil)
        let h = try FileHandle(forWritingTo: target)
        let chunk = data.count / 4 + 1
        for start in stride(from: 0, to: data.count, by: chunk) {
            h.write(data[start..<min(start + chunk, data.count)])
            usleep(400_000)
            XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "not taken while still growing")
        }
        try h.close()
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { self.inboxIsEmpty() }, "taken once complete")
        stopCleanly(w)
        XCTAssertEqual(CLI.files(in: done), ["slow.pdf"])
        XCTAssertEqual(try Data(contentsOf: done.appendingPathComponent("slow.pdf")), data)
        XCTAssertEqual(CLI.files(in: failed), [])
        let ledger = try CLI.ledger(in: out)
        XCTAssertEqual(ledger.count, 1, "no attempt on the partial file")
        XCTAssertEqual(ledger.first?.status, .converted)
    }

    func testSameFileDroppedTwiceIsConvertedOnce() throws {
        let w = try startWatcher()
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: inbox.appendingPathComponent("good.pdf"))
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { self.inboxIsEmpty() })
        // The same bytes again, under the same name and under another.
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: inbox.appendingPathComponent("good.pdf"))
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: inbox.appendingPathComponent("resent.pdf"))
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { self.inboxIsEmpty() })
        stopCleanly(w)
        // And once more across a restart.
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: inbox.appendingPathComponent("third.pdf"))
        let w2 = try startWatcher()
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { self.inboxIsEmpty() })
        stopCleanly(w2)

        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["good.json"])
        XCTAssertEqual(try CLI.ledger(in: out).filter { $0.status == .converted }.count, 1)
        XCTAssertEqual(CLI.files(in: done).count, 4, "every drop is kept: \(CLI.files(in: done))")
        XCTAssertTrue(w2.stderr.contains("already converted"))
    }

    func testBurstOf100FilesEachConvertedOnce() throws {
        // The watcher is under test here, not the stages: a short pipeline keeps 100 files quick.
        let quick = root.appendingPathComponent("quick.yml")
        try "stages: [extract-text, build-lines, emit-minutes]\noptions:\n  ocr: never\n"
            .write(to: quick, atomically: true, encoding: .utf8)
        let w = try startWatcher(["--settle", "0.2", "--pipeline", quick.path])  // inotify
        let staging = root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let copies = try CLI.uniqueCopies(of: "good.pdf", count: 100, into: staging)
        for c in copies { try FileManager.default.moveItem(at: c, to: inbox.appendingPathComponent(c.lastPathComponent)) }
        XCTAssertTrue(CLI.waitUntil(timeout: 120) { CLI.files(in: self.done).count == 100 }, "all 100 done")
        stopCleanly(w)
        XCTAssertEqual(CLI.files(in: out, ext: "json").count, 100)
        XCTAssertEqual(CLI.files(in: failed), [])
        let converted = try CLI.ledger(in: out).filter { $0.status == .converted }
        XCTAssertEqual(converted.count, 100)
        XCTAssertEqual(Set(converted.map(\.sha256)).count, 100)
    }

    /// Stopped with SIGTERM, then killed with SIGKILL, mid-stream: the restarted watcher
    /// picks up what is pending and converts each file exactly once.
    func testWatcherRestartedMidStreamConvertsEachFileOnce() throws {
        let count = 30
        try CLI.uniqueCopies(of: "good.pdf", count: count, into: inbox)
        let w1 = try startWatcher(["--poll", "0.1", "--settle", "0.2"])
        XCTAssertTrue(CLI.waitUntil(timeout: 60) { CLI.files(in: self.done).count >= 3 })
        stopCleanly(w1)
        XCTAssertEqual(CLI.temporaries(in: out), [])
        // Finishing the file in hand means every input that left the inbox has its output.
        XCTAssertEqual(CLI.files(in: done).count, CLI.files(in: out, ext: "json").count)

        let w2 = try startWatcher(["--poll", "0.1", "--settle", "0.2"])
        let before = CLI.files(in: done).count
        XCTAssertTrue(CLI.waitUntil(timeout: 60) { CLI.files(in: self.done).count >= before + 5 })
        w2.signal(SIGKILL)
        w2.wait(timeout: 10)

        let w3 = try startWatcher(["--poll", "0.1", "--settle", "0.2"])
        XCTAssertTrue(CLI.waitUntil(timeout: 90) { CLI.files(in: self.done).count == count }, "all \(count) done")
        stopCleanly(w3)

        XCTAssertEqual(CLI.files(in: out, ext: "json").count, count)
        XCTAssertEqual(CLI.files(in: failed), [])
        let converted = try CLI.ledger(in: out).filter { $0.status == .converted }
        let perHash = Dictionary(grouping: converted, by: \.sha256).mapValues(\.count)
        XCTAssertEqual(perHash.count, count)
        XCTAssertEqual(perHash.values.max(), 1, "no file converted twice")
    }

    func testOwnOutputInsideTheInboxIsNeverTaken() throws {
        // Output folder inside the inbox: a folder, so never an input, and its files never re-fed.
        let w = try CLI.Running(["watch", inbox.path, "--out", inbox.appendingPathComponent("results").path,
                                 "--poll", "0.1", "--settle", "0.2", "--format", "json,md,csv"], in: root)
        CLI.waitUntil(timeout: 10) { w.stderr.contains("watching") }
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: inbox.appendingPathComponent("good.pdf"))
        XCTAssertTrue(CLI.waitUntil(timeout: 30) { self.inboxIsEmpty() || CLI.files(in: self.inbox) == ["results"] })
        usleep(600_000)
        stopCleanly(w)
        let results = inbox.appendingPathComponent("results")
        XCTAssertEqual(CLI.files(in: results), ["actions.csv", "good.json", "good.md"])
        XCTAssertEqual(CLI.files(in: inbox), ["results"])
        XCTAssertEqual(CLI.files(in: failed), [])
    }
}
