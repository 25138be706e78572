import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// Table repair on word boxes built by hand: what the stage does, independent of any PDF.
final class TableRepairTests: XCTestCase {
    func line(_ page: Int, _ y: Double, _ cells: [(Double, String)], bold: Bool = false) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func run(_ lines: [Line]) throws -> WorkingDocument {
        var doc = WorkingDocument(input: try InputDocument(fileName: "t.pdf", data: Data("%PDF-1.4".utf8)), options: PipelineOptions())
        doc.pages = [Page(number: 1, width: 595, height: 842, words: []), Page(number: 2, width: 595, height: 842, words: [])]
        doc.lines = lines
        try RepairTables().run(&doc)
        return doc
    }

    let header = [(60.0, "Item"), (300.0, "Action"), (420.0, "Owner"), (480.0, "Date")]

    func testWordsGoToTheColumnsTheHeaderNames() throws {
        let doc = try run([
            line(1, 100, header, bold: true),
            line(1, 120, [(40, "1."), (60, "Budget update"), (300, "Circulate the report"), (420, "AB"), (480, "May 2017")]),
        ])
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(doc.tables[0].columns.map(\.role), [.discussion, .action, .owner, .due])
        XCTAssertEqual(doc.tableActions.count, 1)
        let a = doc.tableActions[0]
        XCTAssertEqual(a.description, "Circulate the report")
        XCTAssertEqual(a.owners, ["AB"])
        XCTAssertEqual(a.dueText, "May 2017")
        XCTAssertEqual(a.item, "1")
        // The discussion column stays in the flow for section classification; the rest does not.
        XCTAssertEqual(doc.lines.map(\.text), ["1. Budget update"])
    }

    func testRowBrokenAcrossAPageIsMerged() throws {
        let doc = try run([
            line(1, 100, header, bold: true),
            line(1, 700, [(40, "2."), (60, "Estates"), (300, "2/17 – EP to complete"), (420, "VH"), (480, "June 2017")]),
            line(1, 712, [(60, "discussion goes on"), (300, "dip sample of")]),
            // Next page: no item number, the action text simply continues.
            line(2, 60, [(60, "and on"), (300, "cases to ensure")]),
            line(2, 72, [(300, "no missed opportunities.")]),
            line(2, 100, [(40, "3."), (60, "Finance"), (300, "3/17 – Report"), (420, "CG"), (480, "July 2017")]),
        ])
        XCTAssertEqual(doc.tableActions.count, 2)
        XCTAssertEqual(doc.tableActions[0].description, "EP to complete dip sample of cases to ensure no missed opportunities.")
        XCTAssertEqual(doc.tableActions[0].ref, "2/17")
        XCTAssertEqual(doc.tableActions[0].owners, ["VH"])
        XCTAssertEqual(doc.tableActions[0].page, 1)
        XCTAssertEqual(doc.tableActions[1].item, "3")
    }

    func testCellWithSeveralActionsIsSplitOnOwnerBands() throws {
        let doc = try run([
            line(1, 100, header, bold: true),
            line(1, 120, [(40, "1."), (60, "Action Log"), (300, "9/17 – Andy to speak"), (420, "AP"), (480, "May 2017")]),
            line(1, 132, [(60, "text"), (300, "to Chelmsford")]),
            line(1, 156, [(60, "more text"), (300, "1/17 – Long term study"), (420, "SH / VH"), (480, "October 2017")]),
            line(1, 168, [(60, "text"), (300, "to be commissioned")]),
            line(1, 192, [(60, "text"), (300, "2/17 – EP to complete"), (420, "VH"), (480, "June 2017")]),
        ])
        XCTAssertEqual(doc.tableActions.map(\.ref), ["9/17", "1/17", "2/17"])
        XCTAssertEqual(doc.tableActions.map(\.description), ["Andy to speak to Chelmsford", "Long term study to be commissioned", "EP to complete"])
        XCTAssertEqual(doc.tableActions.map { $0.owners.first ?? "" }, ["AP", "SH / VH", "VH"])
        XCTAssertEqual(doc.tableActions.map { $0.dueText ?? "" }, ["May 2017", "October 2017", "June 2017"])
    }

    /// A profile names an item column ("Agenda Ref": item): its words are the item's number
    /// and heading, kept in the flow and giving each action its item, as the built-in
    /// "Item" header does.
    func testAProfilesItemColumnKeepsItsWords() throws {
        var options = PipelineOptions()
        options.columnHeaders = ["Agenda Ref": .item]
        var doc = WorkingDocument(input: try InputDocument(fileName: "t.pdf", data: Data("%PDF-1.4".utf8)), options: options)
        doc.pages = [Page(number: 1, width: 595, height: 842, words: [])]
        doc.lines = [
            line(1, 100, [(40, "Agenda Ref"), (300, "Action"), (420, "Owner")], bold: true),
            line(1, 120, [(40, "3."), (60, "Budget"), (300, "Circulate the report"), (420, "AB")]),
            line(1, 140, [(40, "4."), (60, "Grants"), (300, "Write to the trust"), (420, "CD")]),
        ]
        try RepairTables().run(&doc)
        XCTAssertEqual(doc.tableActions.map(\.description), ["Circulate the report", "Write to the trust"])
        XCTAssertEqual(doc.tableActions.map(\.item), ["3", "4"])
        XCTAssertEqual(doc.lines.map(\.text), ["3. Budget", "4. Grants"])
    }

    /// Two header phrases for one role joined by "&" are one column ("Meeting date & action
    /// number"), also when the header breaks after the "&"; phrases for two roles stay two.
    func testHeaderPhrasesJoinedByAnAmpersand() throws {
        let matcher = HeaderMatcher()
        let one = [line(1, 100, [(40, "Meeting date & action number"), (250, "Action"), (420, "Owner")], bold: true)]
        XCTAssertEqual(matcher.match(one, at: 0, pageWidth: 595)?.columns.map(\.role), [.ref, .action, .owner])
        XCTAssertEqual(matcher.match(one, at: 0, pageWidth: 595)?.columns.first?.header, "Meeting date & action number")
        let broken = [line(1, 100, [(40, "Meeting date &"), (250, "Action"), (420, "Owner")], bold: true),
                      line(1, 111, [(40, "action number")], bold: true)]
        let m = matcher.match(broken, at: 0, pageWidth: 595)
        XCTAssertEqual(m?.lineCount, 2)
        XCTAssertEqual(m?.columns.first?.header, "Meeting date & action number")
        let two = [line(1, 100, [(40, "Ref"), (80, "Action"), (300, "Owner & Date"), (480, "Status")], bold: true)]
        XCTAssertEqual(matcher.match(two, at: 0, pageWidth: 595)?.columns.map(\.role), [.ref, .action, .owner, .due, .status])
    }

    func testRepeatedHeaderOnTheNextPageIsNotARow() throws {
        let doc = try run([
            line(1, 100, header, bold: true),
            line(1, 120, [(40, "1."), (60, "Item one"), (300, "Do a thing"), (420, "AB"), (480, "May 2017")]),
            line(2, 50, header, bold: true),
            line(2, 70, [(40, "2."), (60, "Item two"), (300, "Do another"), (420, "CD"), (480, "June 2017")]),
        ])
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(doc.tableActions.map(\.description), ["Do a thing", "Do another"])
    }

    func testFullWidthTextEndsTheTable() throws {
        let doc = try run([
            line(1, 100, [(300, "Status"), (360, "Owner"), (460, "Due date")], bold: true),
            line(1, 120, [(60, "Update on internal inspection"), (300, "Open"), (360, "Chief Constable"), (460, "27/09/2017")]),
            line(1, 132, [(60, "of rape investigations")]),
            line(1, 160, [(60, "Date of next Performance and Delivery Board: 27 September 2017 at the usual venue")]),
        ])
        XCTAssertEqual(doc.tables[0].columns.first?.role, .action, "an unlabelled first column holds the actions")
        XCTAssertEqual(doc.tableActions.count, 1)
        XCTAssertEqual(doc.tableActions[0].description, "Update on internal inspection of rape investigations")
        XCTAssertEqual(doc.tableActions[0].status, "Open")
        XCTAssertEqual(doc.lines.last?.text.hasPrefix("Date of next"), true)
    }

    func testMarginActionColumnOwnsTheBulletBesideIt() throws {
        let doc = try run([
            line(1, 100, [(40, "4."), (80, "HOLDING TO ACCOUNT"), (480, "ACTION")], bold: true),
            line(1, 120, [(80, "Actions arising")], bold: true),
            line(1, 135, [(80, "•"), (95, "The status of Track my Crime is"), (480, "CC")]),
            line(1, 147, [(95, "to be established.")]),
            line(1, 165, [(80, "•"), (95, "Soft skills training to be considered."), (480, "DCC")]),
        ])
        XCTAssertEqual(doc.tables.first?.kind, .margin)
        XCTAssertEqual(doc.tableActions.map(\.description), ["The status of Track my Crime is to be established.", "Soft skills training to be considered."])
        XCTAssertEqual(doc.tableActions.map(\.owners), [["CC"], ["DCC"]])
        XCTAssertEqual(doc.tableActions.map(\.item), ["4", "4"])
        XCTAssertEqual(doc.lines.first?.text, "4. HOLDING TO ACCOUNT", "the item heading stays in the flow without the column header")
    }

    func testProseIsNotAHeader() {
        let matcher = HeaderMatcher()
        let prose = line(1, 100, [(60, "ii) Action Log")])
        XCTAssertNil(matcher.match([prose], at: 0, pageWidth: 595))
        let field = line(1, 100, [(60, "Date:"), (150, "Tuesday 31 May 2016")])
        XCTAssertNil(matcher.match([field], at: 0, pageWidth: 595))
    }

    func testProfileAddsHeaderNames() {
        let l = line(1, 100, [(60, "Matter"), (300, "Follow-up"), (420, "Whose"), (480, "Target")])
        XCTAssertNil(HeaderMatcher().match([l], at: 0, pageWidth: 595))
        let matcher = HeaderMatcher(extra: ["Follow-up": .action, "Whose": .owner, "Matter": .discussion])
        XCTAssertEqual(matcher.match([l], at: 0, pageWidth: 595)?.columns.map(\.role), [.discussion, .action, .owner, .due])
    }
}

extension TableRepairTests {
    func testUnlabelledMarginColumnOfInitials() throws {
        let doc = try run([
            line(1, 100, [(40, "1."), (80, "Staff Advisory Group")], bold: true),
            line(1, 115, [(80, "The group will meet ten days before the Board.")]),
            line(1, 130, [(80, "The Clerk will circulate the terms of reference."), (520, "AW")]),
            line(1, 145, [(80, "Members asked about timing.")]),
            line(1, 175, [(40, "2."), (80, "Premises")], bold: true),
            line(1, 190, [(80, "A lease renewal is due and will be checked."), (520, "SG/NS")]),
            line(1, 205, [(80, "No other business was raised.")]),
            line(1, 235, [(40, "3."), (80, "Finance")], bold: true),
            line(1, 250, [(80, "The budget will be reviewed in May."), (522, "IB")]),
        ])
        XCTAssertEqual(doc.tables.first?.kind, .margin)
        XCTAssertEqual(doc.tableActions.map(\.owners), [["AW"], ["SG/NS"], ["IB"]])
        // The action is the paragraph beside the initials (here it runs on to the next line).
        XCTAssertEqual(doc.tableActions.first?.description.hasPrefix("The Clerk will circulate the terms of reference."), true)
        XCTAssertTrue(doc.diagnostics.contains { $0.message.contains("no heading") })
    }

    func testInitialsBesideAnAttendeeListAreNotActions() throws {
        let doc = try run([
            line(1, 100, [(60, "Present:-")]),
            line(1, 115, [(60, "Susannah Hancock, Executive Director, OPCC"), (500, "SH")]),
            line(1, 130, [(60, "Derek Benson, Deputy Chief Constable"), (500, "DB")]),
            line(1, 145, [(60, "Wil Kennedy, Head of Strategic Change"), (500, "WK")]),
            line(1, 160, [(60, "Carly Fry, Assistant Director"), (500, "CF")]),
        ])
        XCTAssertTrue(doc.tables.isEmpty)
        XCTAssertTrue(doc.tableActions.isEmpty)
    }
}
