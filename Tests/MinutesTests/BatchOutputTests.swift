import Foundation
import XCTest
import MinutesApp
import MinutesModel

/// The pieces under the batch, in process: renderers, the ledger, input expansion.
final class BatchOutputTests: XCTestCase {
    func sample() -> Minutes {
        var m = Minutes(source: Source(file: "m.pdf", sha256: "x", pages: 2, method: .text),
                        meeting: Meeting(title: "Board, \"special\"", date: "2024-05-01", startTime: "10:00", venue: "Hall"))
        m.attendees = [Person(name: "Ann Lee", role: "Chair", initials: "AL")]
        m.items = [Item(number: "1", title: "Budget", text: "Agreed.", decisions: ["Approve the budget"])]
        m.actions = [Action(ref: "1/24", item: "1", description: "Send a | b,\nthen \"c\"", owners: ["AL", "BK"],
                            due: "2024-06-01", status: "open", page: 2)]
        return m
    }

    func testCSVRegisterQuotesCommasQuotesAndLineBreaks() {
        let rows = ActionRegister.rows(sample(), sourceFile: "in/m.pdf")
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].count, ActionRegister.header.count)
        let csv = ActionRegister.csv(rows)
        XCTAssertEqual(csv, "source_file,meeting_title,meeting_date,ref,item,description,owners,due,status,page\r\n"
            + "in/m.pdf,\"Board, \"\"special\"\"\",2024-05-01,1/24,1,\"Send a | b,\nthen \"\"c\"\"\",AL; BK,2024-06-01,open,2\r\n")
    }

    func testMarkdownHasTitleBlockAttendeesItemsAndActionTable() {
        let md = MarkdownRenderer.render(sample())
        XCTAssertTrue(md.hasPrefix("# Board, \"special\"\n"))
        XCTAssertTrue(md.contains("- **Date:** 2024-05-01"))
        XCTAssertTrue(md.contains("- Ann Lee, Chair (AL)"))
        XCTAssertTrue(md.contains("### 1 Budget"))
        XCTAssertTrue(md.contains("> **Decision:** Approve the budget"))
        XCTAssertTrue(md.contains("| 1/24 | 1 | Send a \\| b, then \"c\" | AL, BK | 2024-06-01 | open | 2 |"), md)
    }

    func testLedgerSkipsATornLastLineAndAppendsAfterIt() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(Ledger.fileName)
        let first = try Ledger(url: url)
        try first.append(LedgerRecord(sha256: "aa", pipeline: "p", input: "/a.pdf", status: .converted, base: "a"))
        // A run killed in the middle of a write.
        let h = try FileHandle(forWritingTo: url)
        h.seekToEndOfFile()
        h.write(Data("{\"sha256\":\"bb\",\"pipe".utf8))
        try h.close()
        let second = try Ledger(url: url)
        XCTAssertEqual(second.all.map(\.sha256), ["aa"])
        try second.append(LedgerRecord(sha256: "cc", pipeline: "p", input: "/c.pdf", status: .failed, reason: "bad"))
        let third = try Ledger(url: url)
        XCTAssertEqual(third.all.map(\.sha256), ["aa", "cc"])
        XCTAssertNotNil(third.converted(sha256: "aa", pipeline: "p", base: "a"))
        XCTAssertNil(third.converted(sha256: "aa", pipeline: "other"))
        XCTAssertNil(third.converted(sha256: "cc", pipeline: "p"))
    }

    func testInputsFromFoldersGlobsAndClashingNames() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("a/sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        for p in ["a/x.pdf", "a/sub/y.PDF", "a/notes.txt", "b/x.pdf"] {
            _ = fm.createFile(atPath: dir.appendingPathComponent(p).path, contents: Data("%PDF-1.4".utf8))
        }
        let (inputs, missing) = BatchInputs.expand([dir.appendingPathComponent("a").path,
                                                    dir.path + "/b/*.pdf", dir.path + "/none-*.pdf",
                                                    dir.appendingPathComponent("a/x.pdf").path])
        XCTAssertEqual(inputs.map(\.base), ["sub/y", "x", "x~2"])
        XCTAssertEqual(missing, [dir.path + "/none-*.pdf"])
    }
}
