import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline
import MinutesRegister
import XCTest

/// The Transparency Board's two action logs from the shared corpus, converted by the
/// pipeline: the log "as 19 July 2011" continues the one for March to June (read from the
/// PDFs: every row still open in the first is in the second, two of them now complete,
/// one re-owned from Katie Davis to Tim Kelsey; the rows dated 08/06/2011 are new).
final class RegisterRealTests: XCTestCase {
    static var corpus: URL {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/real/datagovuk-panels")
    }

    override func tearDown() { TempFolders.shared.removeAll() }

    static let march = "transparency-board-tb7-action-log-2011"
    static let july = "transparency-board-tb8-action-log-2011-07-19"

    func convert(_ name: String) throws -> Minutes {
        let url = Self.corpus.appendingPathComponent(name + ".pdf")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("skipped: \(url.path) not there (the shared corpus is beside the repo in CI only)")
        }
        return try DocumentConverter(pipeline: .standard()).convert(fileAt: url)
    }

    func testJulyLogContinuesTheMarchToJuneLog() throws {
        let logs = [try convert(Self.march), try convert(Self.july)]
        XCTAssertEqual(logs.map(\.actions.count), [29, 21], "the pipeline reads every row of both logs")
        // Either order of loading gives the same threads.
        for order in [logs, logs.reversed()] {
            let db = try RegisterFixtures.tempDB()
            let register = try Register(path: db.path)
            for m in order { try register.load(m, path: m.source.file) }
            try check(db, register: register)
        }
    }

    func check(_ db: URL, register: Register, file: StaticString = #filePath, line: UInt = #line) throws {
        typealias F = RegisterFixtures
        XCTAssertEqual(try F.rows(db, "SELECT name FROM bodies").map { $0[0] as String }, ["Transparency Board"], file: file, line: line)
        // The undated log sorts by the latest meeting its open rows cite, before the July log.
        let meetings = try F.rows(db, """
            SELECT f.source_file, m.sort_date FROM meetings m JOIN source_files f ON f.id = m.source_file_id ORDER BY m.sort_date
            """).map { "\($0[0] as String) \($0[1] as String)" }
        XCTAssertEqual(meetings, ["\(Self.march).pdf 2011-05-19", "\(Self.july).pdf 2011-07-19"], file: file, line: line)

        let rows = try F.rows(db, """
            SELECT a.ref, a.description, a.role, u.rule, u.status, t.id = a.id FROM actions a
            JOIN meetings m ON m.id = a.meeting_id JOIN source_files f ON f.id = m.source_file_id
            JOIN action_updates u ON u.action_id = a.id JOIN action_threads t ON t.id = a.thread_id
            WHERE f.source_file = ? ORDER BY a.ord
            """, ["\(Self.july).pdf"])
        XCTAssertEqual(rows.count, 21, file: file, line: line)
        let new = rows.filter { ($0[2] as String) == "new" }
        let continued = rows.filter { ($0[2] as String) == "update" }
        // The five rows dated 8 June 2011 (the meeting after the first log) are new threads.
        XCTAssertEqual(new.count, 5, file: file, line: line)
        XCTAssertTrue(new.allSatisfy { ($0[0] as String) == "08/06/2011" && ($0[5] as Bool) }, "\(new)", file: file, line: line)
        XCTAssertEqual(new.map { $0[4] as String }.sorted(), ["done", "open", "open", "open", "open"], file: file, line: line)
        // The sixteen older rows continue the first log's open rows, each by its log date.
        XCTAssertEqual(continued.count, 16, file: file, line: line)
        XCTAssertTrue(continued.allSatisfy { ($0[3] as String) == "log-row" && !($0[5] as Bool) }, "\(continued)", file: file, line: line)
        XCTAssertEqual(continued.filter { ($0[4] as String) == "done" }.map { $0[1] as String }.sorted(), [
            "Home Office team to share the Police.uk site analytics with the Transparency Board.",
            "Officials to discuss URI project with BIS",
        ], file: file, line: line)
        XCTAssertEqual(continued.filter { ($0[4] as String) == "carried forward" }.count, 14, file: file, line: line)

        // Re-owned: Tim Kelsey's row continues Katie Davis's.
        let kelsey = try F.rows(db, """
            SELECT a.description FROM actions a WHERE a.thread_id = (SELECT thread_id FROM actions WHERE description LIKE 'Tim Kelsey%')
            ORDER BY a.id
            """).map { $0[0] as String }
        XCTAssertEqual(kelsey.count, 2, file: file, line: line)
        XCTAssertTrue(kelsey.contains { $0.hasPrefix("Katie Davis to present a proposal") }, "\(kelsey)", file: file, line: line)

        // Threads: 29 from the first log (16 open, 13 already complete) and 5 new ones.
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM action_threads").first?[0], 34, file: file, line: line)
        let open = try register.actions(.init(openOnly: true))
        XCTAssertEqual(open.rows.count, 14 + 4, file: file, line: line)
        // Every continuing thread's status change is recorded at the July log.
        XCTAssertEqual(Set(open.column("status_at").map(\.description)), ["2011-07-19"], file: file, line: line)
    }
}
