import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The items, decisions, next-meeting and inline-actions readers, on lines built by hand.
final class ItemsAndActionsReadersTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func read(_ lines: [Line]) -> SectionFindings { ClassifySections.read(lines).found }

    /// A printed agenda, then the minutes numbered again from 1.
    func testAgendaThenMinutes() {
        let c = read([
            line(60, [(72, "AGENDA")], bold: true),
            line(80, [(72, "1."), (100, "Apologies")]),
            line(95, [(72, "2."), (100, "Finance")]),
            line(130, [(72, "MINUTES")], bold: true),
            line(150, [(72, "1."), (100, "Apologies")], bold: true),
            line(165, [(100, "None received.")]),
            line(190, [(72, "2."), (100, "Finance")], bold: true),
            line(205, [(100, "The budget was approved.")]),
        ])
        XCTAssertEqual(c.agenda.map(\.title), ["Apologies", "Finance"])
        XCTAssertEqual(c.items.map(\.title), ["Apologies", "Finance"])
        XCTAssertEqual(c.items[1].decisions, ["The budget was approved."])
    }

    /// A heading broken after a joining word goes on; a heading above "(Item 2)".
    func testHeadingsOverTwoLines() {
        let c = read([
            line(100, [(72, "1."), (100, "Minutes of the meeting held on")], bold: true),
            line(112, [(100, "12 March 2024")], bold: true),
            line(140, [(72, "Chair's Update")], bold: true),
            line(152, [(72, "(Item 2)")]),
            line(167, [(72, "The chair reported on the works.")]),
        ])
        XCTAssertEqual(c.items.map { "\($0.number ?? "-") \($0.title ?? "-")" },
                       ["1 Minutes of the meeting held on 12 March 2024", "2 Chair's Update"])
    }

    /// Decisions: a verb after "it was" or a body, a verb opening the sentence or before
    /// "that"/"to", or one in capitals.
    func testDecisionSentences() {
        XCTAssertEqual(Decisions.sentences(in: "The report was noted. It was agreed to defer the grant. RESOLVED that the fees rise."),
                       ["It was agreed to defer the grant.", "RESOLVED that the fees rise."])
        XCTAssertEqual(Decisions.sentences(in: "Members resolved to write to the school. The clerk agreed with the figures."),
                       ["Members resolved to write to the school."])
        XCTAssertEqual(Decisions.sentences(in: "Approved: the revised terms of reference"), ["Approved: the revised terms of reference."])
        XCTAssertEqual(Decisions.sentences(in: "The plan was discussed at length."), [])
    }

    /// The next meeting comes after this one; its time and place follow the date.
    func testNextMeeting() {
        let c = read([
            line(60, [(72, "Date:"), (150, "3 October 2024")]),
            line(100, [(72, "1."), (100, "Date of next meeting")], bold: true),
            line(115, [(100, "Thursday 7 November 2024 at 7pm, Church Rooms")]),
        ])
        XCTAssertEqual(c.nextMeeting?.date, "2024-11-07")
        XCTAssertEqual(c.nextMeeting?.startTime, "19:00")
        XCTAssertEqual(c.nextMeeting?.venue, "Church Rooms")
    }

    /// "ACTION:" lines with the owner opening the sentence and a deadline; owners alone after
    /// the paragraph that sets the action; bullets under "Actions arising".
    func testInlineActions() {
        let c = read([
            line(100, [(72, "1."), (100, "Grounds")], bold: true),
            line(115, [(100, "ACTION: Clerk to order two benches by 30 June 2024.")]),
            line(140, [(100, "The hedge on the north side needs cutting back before spring.")]),
            line(152, [(100, "ACTION: KM")]),
            line(180, [(100, "Actions arising")], bold: true),
            line(195, [(100, "•"), (115, "Treasurer to send the accounts to the auditor")]),
            line(210, [(100, "•"), (115, "None")]),
        ])
        XCTAssertEqual(c.actions.map(\.description), ["Clerk to order two benches by 30 June 2024.",
                                                      "The hedge on the north side needs cutting back before spring.",
                                                      "Treasurer to send the accounts to the auditor"])
        XCTAssertEqual(c.actions.map(\.owners), [["Clerk"], ["KM"], ["Treasurer"]])
        XCTAssertEqual(c.actions.first?.dueText, "30 June 2024")
        XCTAssertEqual(c.actions.map(\.item), ["1", "1", "1"])
    }

    /// An action's text runs on to the next page, but an "Action:" line at the top of the
    /// next page is an action of its own.
    func testAnActionLineOverleafStartsANewAction() {
        let c = read([
            line(100, [(72, "1."), (100, "Website")], bold: true),
            line(760, [(100, "Action: Web team to publish the agendas and the minutes of every")]),
            line(772, [(100, "committee within five working days")]),
            line(60, [(100, "Action: Clerk to archive the old site")], page: 2),
        ])
        XCTAssertEqual(c.actions.map(\.description), ["Web team to publish the agendas and the minutes of every committee within five working days",
                                                      "Clerk to archive the old site"])
        XCTAssertEqual(c.actions.map(\.owners), [["Web team"], ["Clerk"]])
    }

    /// The owner a sentence opens with: initials, an office, a body with a collective noun.
    func testOwnerSubjects() {
        XCTAssertEqual(ActionText.ownerSubject("SB and RT to draft the letter"), "SB and RT")
        XCTAssertEqual(ActionText.ownerSubject("Parks and Open Spaces team will check the gates"), "Parks and Open Spaces team")
        XCTAssertEqual(ActionText.ownerSubject("Treasurer: circulate the budget"), "Treasurer")
        XCTAssertNil(ActionText.ownerSubject("They will report back"))
    }

    /// OCR's misread item numbers are taken as the numbers the sequence expects.
    func testOCRLookalikesFromTheVocabulary() {
        func ocrLine(_ y: Double, _ first: String, _ rest: String) -> Line {
            var words = [Word(text: first, box: Rect(x0: 52, y0: y, x1: 62, y1: y + 10), fontSize: 10, confidence: 0.6)]
            var x = 80.0
            for t in rest.split(separator: " ") {
                words.append(Word(text: String(t), box: Rect(x0: x, y0: y, x1: x + Double(t.count) * 5, y1: y + 10), fontSize: 10, confidence: 0.9))
                x += Double(t.count) * 5 + 3
            }
            return Line(page: 1, segments: BuildLines.segments(words))
        }
        let c = read([ocrLine(100, "l.", "Welcome"), ocrLine(130, "Z.", "Minutes"), ocrLine(160, "3.", "Finance"),
                      ocrLine(190, "A.", "Any Other Business")])
        XCTAssertEqual(c.items.map(\.number), ["1", "2", "3", "4"])
    }
}
