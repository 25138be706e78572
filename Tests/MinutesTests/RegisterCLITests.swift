import Foundation
import MinutesModel
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `minutes register`, the queries, `convert --db` and `watch --db`, run as subprocesses.
final class RegisterCLITests: XCTestCase {
    typealias F = RegisterFixtures
    var root: URL!
    var json: URL { root.appendingPathComponent("json") }
    var db: URL { root.appendingPathComponent("minutes.sqlite") }

    override func setUpWithError() throws {
        try CLI.requireBinary()
        root = try CLI.tempDir(name)
        try FileManager.default.createDirectory(at: json, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// Writes the hand-made series as minutes/1 files, as `convert --out` would.
    func writeSeries(_ series: [Minutes] = F.milford, into dir: URL? = nil) throws {
        for m in series {
            let name = m.source.file.replacingOccurrences(of: ".pdf", with: ".json")
            try m.jsonData().write(to: (dir ?? json).appendingPathComponent(name))
        }
    }

    /// `minutes` with extra environment; output to files, bounded wait.
    func start(_ args: [String], env: [String: String] = [:]) throws -> (Process, URL) {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let err = root.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    func testRegisteringTheSameFolderAgainLeavesTheDatabaseUnchanged() throws {
        try writeSeries()
        let first = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("4 files: 4 added, 0 replaced, 0 unchanged"), first.stderr)
        let content = try F.snapshot(db)
        let bytes = try Data(contentsOf: db)
        let again = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("4 files: 0 added, 0 replaced, 4 unchanged"), again.stderr)
        XCTAssertEqual(try F.snapshot(db), content, "the same rows")
        XCTAssertEqual(try Data(contentsOf: db), bytes, "not even a page rewritten")
        XCTAssertEqual(content["action_threads"]?.count, 7)

        // A file that is not minutes/1: named, the others still load, exit 1.
        try Data("{\"schema\": \"other/1\"}".utf8).write(to: json.appendingPathComponent("zz-other.json"))
        let bad = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("zz-other.json: not minutes/1 JSON"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("4 unchanged, 1 not minutes/1"), bad.stderr)
    }

    /// The same PDF under two names, converted side by side: one meeting, and a second run
    /// changes nothing (neither copy keeps replacing the other).
    func testTwoConversionsOfOnePDFSideBySideAreOneMeeting() throws {
        try writeSeries()
        var copy = F.milford[0]
        copy.source.file = "milford-2024-01-10 (copy).pdf"
        try copy.jsonData().write(to: json.appendingPathComponent("zz-copy.json"))
        let first = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertTrue(first.stderr.contains("5 files: 4 added, 0 replaced, 0 unchanged, 1 duplicates"), first.stderr)
        XCTAssertTrue(first.stderr.contains("zz-copy.json: duplicate: the same document as"), first.stderr)
        let content = try F.snapshot(db)
        let again = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertTrue(again.stderr.contains("5 files: 0 added, 0 replaced, 4 unchanged, 1 duplicates"), again.stderr)
        XCTAssertEqual(try F.snapshot(db), content)
        // The first file gone, the copy takes its place.
        try FileManager.default.removeItem(at: json.appendingPathComponent("milford-2024-01-10.json"))
        let moved = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertTrue(moved.stderr.contains("4 files: 0 added, 1 replaced, 3 unchanged"), moved.stderr)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM meetings").first?[0], 4)
    }

    func testKilledMidwayLeavesThePreviousState() throws {
        try writeSeries(Array(F.milford.prefix(2)))
        XCTAssertEqual(try CLI.run(["register", json.path, "--db", db.path], in: root).status, 0)
        let before = try F.snapshot(db)
        try writeSeries(Array(F.milford.suffix(2)))

        // The test hook stops the run inside its transaction, after the third file's rows.
        let (p, err) = try start(["register", json.path, "--db", db.path], env: ["MINUTES_REGISTER_TEST_PAUSE_AFTER": "3"])
        let paused = CLI.waitUntil(timeout: 60) { ((try? String(contentsOf: err, encoding: .utf8)) ?? "").contains("paused after 3 files") }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertTrue(paused, (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try F.snapshot(db), before, "the killed run's rows are gone")
        XCTAssertEqual(try F.rows(db, "PRAGMA integrity_check").first?[0], "ok")

        let done = try CLI.run(["register", json.path, "--db", db.path], in: root)
        XCTAssertTrue(done.stderr.contains("4 files: 2 added, 0 replaced, 2 unchanged"), done.stderr)
    }

    func testQueriesInTableCSVAndJSON() throws {
        try writeSeries()
        XCTAssertEqual(try CLI.run(["register", json.path, "--db", db.path, "--quiet"], in: root).status, 0)

        let csv = try CLI.run(["actions", "--db", db.path, "--format", "csv"], in: root)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "thread,body,set,ref,description,owners,due,status,status_at,last_seen,updates")
        XCTAssertEqual(lines.count, 8)

        let open = try CLI.run(["actions", "--db", db.path, "--open", "--format", "json"], in: root)
        let rows = try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(rows?.count, 1)
        XCTAssertEqual(rows?.first?["description"] as? String, "Arrange the annual parish meeting")
        XCTAssertEqual(rows?.first?["status"] as? String, "open")

        let overdue = try CLI.run(["actions", "--db", db.path, "--overdue", "--as-of", "2024-05-01"], in: root)
        XCTAssertTrue(overdue.stdout.hasPrefix("thread"), overdue.stdout)
        XCTAssertTrue(overdue.stdout.contains("Arrange the annual parish meeting"), overdue.stdout)
        let owner = try CLI.run(["actions", "--db", db.path, "--owner", "Anne Parker", "--body", "Milford"], in: root)
        XCTAssertEqual(owner.stdout.components(separatedBy: "\n").filter { $0.contains("Milford") }.count, 2, owner.stdout)

        let search = try CLI.run(["search", "--db", db.path, "insurance", "--format", "json"], in: root)
        let hits = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(hits?.count, 3)
        XCTAssertTrue(hits?.allSatisfy { ($0["snippet"] as? String)?.contains("[insurance]") == true } == true, search.stdout)
        XCTAssertEqual(hits?.compactMap { $0["page"] as? Int }.count, 2, "the actions have pages; the item was given none")

        let person = try CLI.run(["person", "--db", db.path, "John Smith", "--format", "json"], in: root)
        let record = try JSONSerialization.jsonObject(with: Data(person.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((record?["Meetings attended"] as? [Any])?.count, 4, person.stdout)
        XCTAssertEqual((record?["Motions moved or seconded"] as? [Any])?.count, 1, person.stdout)
        let nobody = try CLI.run(["person", "--db", db.path, "Nobody Atall"], in: root)
        XCTAssertEqual(nobody.status, 1)
        XCTAssertTrue(nobody.stderr.contains("no one named 'Nobody Atall'"), nobody.stderr)

        let explain = try CLI.run(["register", "--db", db.path, "--explain"], in: root)
        XCTAssertTrue(explain.stdout.contains("the same owner (clerk) and a similar description"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("matters arising names its ref 'A1'"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("'AP' → Anne Parker: listed with the initials 'AP'"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("attendee 'Cllr Smith'") || explain.stdout.contains("mover 'Cllr Smith'"), explain.stdout)

        let missing = try CLI.run(["actions", "--db", root.appendingPathComponent("typo.sqlite").path], in: root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such register"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("typo.sqlite").path))
        XCTAssertEqual(try CLI.run(["actions", "--db", db.path, "--format", "xml"], in: root).status, 2)
    }

    func testConvertDbLoadsEachResultAsWritten() throws {
        let pdfs = ["essex-force-performance-scrutiny-2014-09", "west-mercia-monthly-assurance-2016-05"].map {
            Fixtures.sourceDirectory.appendingPathComponent($0 + ".pdf").path
        }
        let out = root.appendingPathComponent("out")
        let r = try CLI.run(["convert"] + pdfs + ["--out", out.path, "--db", db.path, "--jobs", "2"], in: root, timeout: 300)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM meetings").first?[0], 2)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM action_threads").first?[0], 12)
        // The register holds what the folder holds: loading the folder finds nothing new.
        let again = try CLI.run(["register", out.path, "--db", db.path], in: root)
        XCTAssertTrue(again.stderr.contains("2 files: 0 added, 0 replaced, 2 unchanged"), again.stderr)
        // Converted again with --force: the same bytes, so still unchanged.
        XCTAssertEqual(try CLI.run(["convert", pdfs[0], "--out", out.path, "--db", db.path, "--force"], in: root, timeout: 300).status, 0)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM meetings").first?[0], 2)
    }

    func testWatchDbKeepsTheRegisterCurrentAsFilesArrive() throws {
        let inbox = root.appendingPathComponent("inbox"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let w = try CLI.Running(["watch", inbox.path, "--out", out.path, "--db", db.path, "--poll", "0.1", "--settle", "0.3"], in: root)
        CLI.waitUntil(timeout: 10) { w.stderr.contains("watching") }
        func meetings() -> Int { ((try? F.rows(db, "SELECT COUNT(*) FROM meetings"))?.first?[0] as Int?) ?? 0 }
        for (i, name) in ["essex-force-performance-scrutiny-2014-09", "west-mercia-monthly-assurance-2016-05"].enumerated() {
            try FileManager.default.copyItem(at: Fixtures.sourceDirectory.appendingPathComponent(name + ".pdf"),
                                             to: inbox.appendingPathComponent(name + ".pdf"))
            XCTAssertTrue(CLI.waitUntil(timeout: 120) { meetings() == i + 1 }, "meeting \(i + 1) in the register: \(w.stderr)")
        }
        w.signal(SIGTERM)
        XCTAssertEqual(w.wait(timeout: 60).status, 0)
        let threads = try F.rows(db, """
            SELECT b.name, COUNT(*) FROM action_threads t JOIN bodies b ON b.id = t.body_id GROUP BY b.id ORDER BY b.name
            """).map { "\($0[0] as String): \($0[1] as Int)" }
        XCTAssertEqual(threads, ["Force Performance Scrutiny: 6", "Monthly Assurance: 6"])
        XCTAssertEqual(try F.rows(db, "SELECT path FROM source_files ORDER BY path").map { $0[0] as String },
                       [out.appendingPathComponent("essex-force-performance-scrutiny-2014-09.json").path,
                        out.appendingPathComponent("west-mercia-monthly-assurance-2016-05.json").path])
    }
}
