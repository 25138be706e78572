import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// Items in minutes that number nothing, the meeting's own times, and several meetings in one
/// file, on lines built by hand.
final class HeadedSectionsTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func read(_ lines: [Line]) -> SectionFindings { ClassifySections.read(lines).found }

    /// Bold headings over plain paragraphs are the items, numbered null; a bold line inside a
    /// paragraph's sentence is not one, nor is the title.
    func testBoldHeadingsWithoutNumbers() {
        let c = read([
            line(40, [(72, "Riverside Allotment Society")], bold: true),
            line(60, [(72, "Committee Meeting 4 June 2024")], bold: true),
            line(100, [(72, "Opening Business")], bold: true),
            line(115, [(72, "The chair welcomed members and the previous minutes were approved as a true record.")]),
            line(145, [(72, "Plot Inspections")], bold: true),
            line(160, [(72, "Inspections of the lower field will take place in July and letters will follow.")]),
            line(190, [(72, "Any Other Business")], bold: true),
            line(205, [(72, "No further matters were raised and the meeting closed at 9.15pm.")]),
        ])
        XCTAssertEqual(c.items.map { "\($0.number ?? "-") \($0.title ?? "-")" },
                       ["- Opening Business", "- Plot Inspections", "- Any Other Business"])
        XCTAssertTrue(c.items[1].text.hasPrefix("Inspections of the lower field"))
        XCTAssertEqual(c.meeting.endTime, "21:15")
    }

    /// Headings in capitals, standing alone or run in ("PUBLIC COMMENT: …", "NEW BUSINESS Two …");
    /// an office-holder's report and a vote's label stay inside their item.
    func testCapitalHeadingsRunInAndReports() {
        let c = read([
            line(30, [(72, "Elm Township Board")], bold: true),
            line(60, [(72, "PUBLIC COMMENT: Two residents spoke about the drainage on Mill Lane.")]),
            line(90, [(72, "REPORTS")]),
            line(105, [(72, "SUPERVISOR — Nothing new to report this month from the office.")]),
            line(120, [(72, "HIGHWAY COMMISSIONER See attached report on the culvert.")]),
            line(150, [(72, "ROLL CALL VOTE:")]),
            line(165, [(72, "Ashby - Yes")]),
            line(195, [(72, "NEW BUSINESS Two bids for the snow removal contract were opened.")]),
        ])
        XCTAssertEqual(c.items.map { $0.title ?? "-" }, ["PUBLIC COMMENT", "REPORTS", "NEW BUSINESS"])
        guard c.items.count == 3 else { return }
        XCTAssertTrue(c.items[1].text.contains("HIGHWAY COMMISSIONER"))
        XCTAssertTrue(c.items[2].text.hasPrefix("Two bids"))
        XCTAssertTrue(c.items.allSatisfy { $0.number == nil })
    }

    /// A label opening each paragraph is the heading where nothing else sets headings apart.
    func testParagraphLabelsAsHeadings() {
        let c = read([
            line(100, [(72, "Minutes: The minutes of the February meeting were approved as read.")]),
            line(130, [(72, "Treasurers Report: The balance on hand is $1,204 after the hall rental.")]),
            line(145, [(72, "Membership: Two new members were appointed from the north district.")]),
        ])
        XCTAssertEqual(c.items.map { $0.title ?? "-" }, ["Minutes", "Treasurers Report"])
    }

    /// A heading date broken over two lines; an online meeting's service is its place.
    func testHeadingDateOverTwoLinesAndOnlineVenue() {
        let c = read([
            line(40, [(72, "REGULAR MEETING OF THE BOARD OF THE TOWN OF ELMSFORD, held March")], bold: true),
            line(52, [(72, "3, 2025. The Board held its meeting via Zoom.")], bold: true),
            line(90, [(72, "1)"), (100, "Call to Order")]),
            line(120, [(72, "2)"), (100, "Minutes of the 2/17/25 meeting")]),
        ])
        XCTAssertEqual(c.meeting.date, "2025-03-03")
        XCTAssertEqual(c.meeting.organisation, "TOWN OF ELMSFORD")
        XCTAssertEqual(c.meeting.venue, "Zoom")
    }

    /// Numbered minutes keep their numbers: headings are not read apart from them.
    func testNumberedMinutesUntouched() {
        let c = read([
            line(100, [(72, "1."), (100, "APOLOGIES")], bold: true),
            line(115, [(100, "None were received at the meeting.")]),
            line(140, [(72, "2."), (100, "FINANCE")], bold: true),
            line(155, [(100, "The accounts were agreed.")]),
        ])
        XCTAssertEqual(c.items.map { $0.number ?? "-" }, ["1", "2"])
    }

    /// The call to order is the start, not the advertised time; the close is the end, in the
    /// evening when the start was.
    func testCallToOrderAndClose() {
        let c = read([
            line(40, [(72, "Westbrook Township Board")], bold: true),
            line(60, [(72, "Regular Meeting 9 October 2024 at 7:00 p.m.")], bold: true),
            line(100, [(72, "The meeting was called to order at 7:04 p.m. by the supervisor.")]),
            line(130, [(72, "1."), (100, "Minutes")], bold: true),
            line(145, [(100, "The minutes were approved.")]),
            line(170, [(72, "2."), (100, "Adjournment")], bold: true),
            line(185, [(100, "There being no further business the meeting closed at 8.22.")]),
        ])
        XCTAssertEqual(c.meeting.startTime, "19:04")
        XCTAssertEqual(c.meeting.endTime, "20:22")
    }

    /// Four-digit times after "at"; the close read from the line under its phrase.
    func testFourDigitTimesAndCloseOnTheNextLine() {
        let c = read([
            line(60, [(72, "Date:"), (150, "12 March 2024")]),
            line(100, [(72, "Call to order at 1830 by the chair.")]),
            line(130, [(72, "1."), (100, "Reports")], bold: true),
            line(145, [(100, "Reports were received from the treasurer.")]),
            line(170, [(72, "2."), (100, "Meeting close")], bold: true),
            line(185, [(100, "2015hrs")]),
        ])
        XCTAssertEqual(c.meeting.startTime, "18:30")
        XCTAssertEqual(c.meeting.endTime, "20:15")
    }

    /// An annual meeting, then the ordinary meeting: the longer is the document's, and the
    /// other's items and people are left out, with a diagnostic.
    func testSeveralMeetingsInOneFile() {
        var lines = [
            line(40, [(72, "HILLCREST COMMUNITY COUNCIL")], bold: true),
            line(80, [(72, "Minutes of the Annual Meeting of the above Council held on Monday 6th May 2024 at 6.30pm.")]),
            line(110, [(72, "Present: Ann Amberley, Bob Foxton.")]),
            line(140, [(72, "401."), (110, "Election of Chair: Cllr Amberley.")]),
            line(160, [(72, "402."), (110, "Election of Vice-Chair: Cllr Foxton.")]),
            line(180, [(72, "403."), (110, "Annual Return: approved.")]),
            line(200, [(72, "404."), (110, "Representatives: as last year.")]),
            line(230, [(72, "Meeting closed at 18.50.")]),
            line(280, [(72, "HILLCREST COMMUNITY COUNCIL")], bold: true),
            line(320, [(72, "Minutes of a meeting of the above Council held on Monday 6th May 2024 at 7.00pm in the Hall.")]),
            line(350, [(72, "Present: Ann Amberley, Bob Foxton, Cara Grange.")]),
        ]
        var y = 380.0
        for (n, t) in [("1201.", "Police Report: none."), ("1202.", "Apologies: none."), ("1203.", "Finance: agreed."),
                       ("1204.", "Planning: no comment."), ("1205.", "Highways: potholes reported."), ("1206.", "Any Other Business: none.")] {
            lines.append(line(y, [(72, n), (110, t)]))
            lines.append(line(y + 15, [(110, "The matter was discussed by members at some length.")]))
            y += 40
        }
        lines.append(line(y + 20, [(72, "There being no further business the meeting closed at 8.08.")]))
        let c = read(lines)
        XCTAssertEqual(c.items.first?.number, "1201")
        XCTAssertFalse(c.items.contains { $0.number == "401" })
        XCTAssertEqual(c.meeting.startTime, "19:00")
        XCTAssertEqual(c.meeting.endTime, "20:08")
        XCTAssertTrue(c.attendees.contains { $0.name.contains("Grange") })
        XCTAssertTrue(c.diagnostics.contains { $0.message.contains("another meeting") })
    }
}
