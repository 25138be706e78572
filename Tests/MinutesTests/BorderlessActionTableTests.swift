import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// Action tables with no ruled lines: a header row of column words ("Who", "What", "When"…)
/// in any order, then rows one line under another with no gap to mark where a row ends.
final class BorderlessActionTableTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false) -> Line {
        makeLine(page: 1, y: y, cells, bold: bold)
    }

    func run(_ lines: [Line]) throws -> WorkingDocument {
        var doc = WorkingDocument(input: try InputDocument(fileName: "t.pdf", data: Data("%PDF-1.4".utf8)), options: PipelineOptions())
        doc.pages = [Page(number: 1, width: 595, height: 842, words: [])]
        doc.lines = lines
        try RepairTables().run(&doc)
        return doc
    }

    func testOwnerFirstWhoWhatWhen() throws {
        let doc = try run([
            line(80, [(60, "Actions")], bold: true),
            line(100, [(70, "Who"), (150, "What"), (430, "When")], bold: true),
            line(114, [(70, "RK"), (150, "Submit the grant report to the lottery fund"), (430, "30 June 2024")]),
            line(128, [(70, "OP"), (150, "Circulate the draft reserves policy for comment"), (430, "June 2024")]),
            line(142, [(70, "NF / LA"), (150, "Review the contingency plan with the warden"), (430, "July 2024")]),
        ])
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(doc.tableActions.map(\.description), ["Submit the grant report to the lottery fund",
                                                             "Circulate the draft reserves policy for comment",
                                                             "Review the contingency plan with the warden"])
        XCTAssertEqual(doc.tableActions.map { $0.owners.first ?? "" }, ["RK", "OP", "NF / LA"])
        XCTAssertEqual(doc.tableActions.map { $0.dueText ?? "" }, ["30 June 2024", "June 2024", "July 2024"])
    }

    func testWrappedActionThenTheNextRowRightUnderIt() throws {
        let doc = try run([
            line(100, [(70, "Action"), (360, "By whom"), (450, "By when")], bold: true),
            line(114, [(70, "Submit the grant report to the lottery"), (360, "RK"), (450, "30 June")]),
            line(128, [(70, "fund before the deadline")]),
            line(142, [(70, "Circulate the draft reserves policy"), (360, "OP, NF and LA"), (450, "June")]),
            line(156, [(70, "Review the contingency plan"), (360, "NF"), (450, "1 July")]),
        ])
        XCTAssertEqual(doc.tableActions.map(\.description), ["Submit the grant report to the lottery fund before the deadline",
                                                             "Circulate the draft reserves policy", "Review the contingency plan"])
        XCTAssertEqual(doc.tableActions.map { $0.owners.first ?? "" }, ["RK", "OP, NF and LA", "NF"])
        XCTAssertEqual(doc.tableActions.map { $0.dueText ?? "" }, ["30 June", "June", "1 July"])
    }

    func testDueFirstAndOwnerLast() throws {
        let doc = try run([
            line(100, [(70, "Deadline"), (160, "Action"), (460, "Lead")], bold: true),
            line(114, [(70, "30 June"), (160, "Submit the grant report"), (460, "RK")]),
            line(128, [(70, "June"), (160, "Circulate the draft policy for comment"), (460, "OP and NF")]),
            line(142, [(160, "to all trustees")]),
        ])
        XCTAssertEqual(doc.tableActions.map(\.description), ["Submit the grant report", "Circulate the draft policy for comment to all trustees"])
        XCTAssertEqual(doc.tableActions.map { $0.owners.first ?? "" }, ["RK", "OP and NF"])
        XCTAssertEqual(doc.tableActions.map { $0.dueText ?? "" }, ["30 June", "June"])
    }

    /// An owner cell ending on "/" waits for its next line: the row goes on even when that
    /// line's action text opens with a capital.
    func testOwnerCellEndingOnAJoinerKeepsTheRowOpen() throws {
        let doc = try run([
            line(100, [(70, "Who"), (150, "What"), (430, "When")], bold: true),
            line(114, [(70, "RK /"), (150, "Write to the"), (430, "May")]),
            line(128, [(70, "OP"), (150, "Highways Agency about the verge")]),
        ])
        XCTAssertEqual(doc.tableActions.count, 1)
        XCTAssertEqual(doc.tableActions.first?.description, "Write to the Highways Agency about the verge")
    }

    /// "Who  When" heading only the right of the page: the minutes run on at the left, and
    /// each entry marks the text beside it, with its date.
    func testWhoWhenAtTheRightIsAMarginColumn() throws {
        let doc = try run([
            line(100, [(430, "Who"), (490, "When")], bold: true),
            line(120, [(60, "2. Finance")]),
            line(134, [(60, "The accounts were in order.")]),
            line(160, [(60, "The treasurer to submit the grant report."), (430, "RK"), (490, "30 June")]),
            line(190, [(60, "3. Building")]),
        ])
        XCTAssertEqual(doc.tables.first?.kind, .margin)
        XCTAssertEqual(doc.tableActions.count, 1)
        XCTAssertEqual(doc.tableActions.first?.owners, ["RK"])
        XCTAssertEqual(doc.tableActions.first?.dueText, "30 June")
        XCTAssertEqual(doc.tableActions.first?.item, "2")
        XCTAssertTrue(doc.lines.map(\.text).contains("3. Building"))
    }
}
