import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline
import PageLayout
import XCTest

/// Field ids, anchors and corrections files on minutes built by hand; confidence and the
/// doubts behind it on documents run through the real stages.
final class CorrectionsTests: XCTestCase {
    func sample() -> Minutes {
        var m = Minutes(source: Source(file: "x.pdf", sha256: "00", pages: 2, method: .text))
        m.meeting.date = "2024-05-01"
        m.attendees = [Person(name: "Ann Lee", initials: "AL", page: 1, box: [10, 10, 90, 20]),
                       Person(name: "Bo Chan", initials: "BC", page: 1, box: [10, 22, 90, 32])]
        m.items = [Item(number: "1", title: "Welcome", children: [Item(number: "1.1", title: "Apologies")]), Item(number: "2", title: "Budget")]
        m.actions = [Action(description: "Send the report", owners: ["AL"], ownerNames: ["Ann Lee"], page: 2, box: [10, 100, 500, 120]),
                     Action(description: "Book the hall", owners: ["BC"], ownerNames: ["Bo Chan"], status: "open", page: 2),
                     Action(description: "Write to the council", owners: ["ZZ"], ownerNames: [nil], page: 2)]
        return m
    }

    func testRecordIDsParseAndPrint() {
        for id in ["meeting", "nextMeeting", "actions[3]", "attendees[0]", "items[2].children[0]", "agenda[1].children[4].children[0]"] {
            XCTAssertEqual(RecordPath(parsing: id)?.description, id)
        }
        for bad in ["actions", "actions[x]", "people[1]", "actions[1].children[0]", "items[1]children[2]", "items[-1]", "items[1]."] {
            XCTAssertNil(RecordPath(parsing: bad), bad)
        }
        XCTAssertEqual(sample().records.map(\.path.description),
                       ["meeting", "attendees[0]", "attendees[1]", "items[0]", "items[0].children[0]", "items[1]", "actions[0]", "actions[1]", "actions[2]"])
        XCTAssertEqual(Correction(field: "items[0].children[0].title").target.record, "items[0].children[0]")
        XCTAssertEqual(Correction(field: "items[0].children[0]").target.field, nil)
        XCTAssertEqual(Correction(field: "meeting.date").target.field, "date")
    }

    func testAnchorsIgnoreSpacingAndCaseButNotWords() {
        XCTAssertEqual(Anchor.hash("action", "Send the  report –\nto PCC"), Anchor.hash("action", "send the report to pcc"))
        XCTAssertNotEqual(Anchor.hash("action", "Send the report"), Anchor.hash("action", "Send the reports"))
        XCTAssertNotEqual(Anchor.hash("action", "x"), Anchor.hash("person", "x"))
        XCTAssertEqual(Anchor.hash("person", "Ann Lee").count, 16)
    }

    func testCorrectionFollowsItsRecordByAnchorWhenTheIndexMoved() throws {
        var m = sample()
        let hall = Anchor.of(m.actions[1])
        // Made when "Book the hall" was the first action; a new conversion found one before it.
        let file = CorrectionsFile(corrections: [Correction(field: "actions[0].status", anchor: hall, was: FieldValue.none, value: .text("done"))])
        let outcome = m.apply(file, from: "x.corrections.json")
        XCTAssertEqual(outcome.problems, [])
        XCTAssertEqual(m.actions[1].status, "done")
        XCTAssertNil(m.actions[0].status)
        XCTAssertEqual(m.actions[1].confidence, 1)
        XCTAssertTrue(m.diagnostics.contains { $0.stage == "corrections" && $0.message == "corrected actions[1].status by hand" })
        XCTAssertTrue(m.diagnostics.contains { $0.message == "applied 1 of 1 correction(s) from x.corrections.json" })
    }

    func testWithoutItsAnchorACorrectionNeedsTheOldValueInPlace() {
        var m = sample()
        let same = CorrectionsFile(corrections: [Correction(field: "actions[2].owners", anchor: "0000000000000000",
                                                            was: .list(["ZZ"]), value: .list(["AL", "BC"]))])
        XCTAssertEqual(m.apply(same, from: "c").problems, [])
        XCTAssertEqual(m.actions[2].owners, ["AL", "BC"])
        XCTAssertEqual(m.actions[2].ownerNames.count, 2, "owner names stay one per owner")

        var n = sample()
        let stale = CorrectionsFile(corrections: [Correction(field: "actions[2].owners", anchor: "0000000000000000",
                                                             was: .list(["QQ"]), value: .list(["AL"]))])
        let outcome = n.apply(stale, from: "c")
        XCTAssertEqual(n.actions[2].owners, ["ZZ"])
        XCTAssertEqual(outcome.problems, ["correction of 'actions[2].owners' not applied: no action matches it any more"])
        XCTAssertTrue(n.diagnostics.contains { $0.severity == .warning && $0.message == outcome.problems[0] })
    }

    func testDeletionsComeLastAndLaterIdsShift() {
        var m = sample()
        let file = CorrectionsFile(corrections: [
            Correction(field: "actions[0]", anchor: Anchor.of(m.actions[0]), delete: true),
            Correction(field: "actions[2].description", anchor: Anchor.of(m.actions[2]), value: .text("Write to the county council")),
            Correction(field: "items[0].children[0].title", anchor: Anchor.of(m.items[0].children[0]), value: .text("Apologies for absence")),
            Correction(field: "meeting.date", value: .text("2024-05-02")),
        ])
        let outcome = m.apply(file, from: "c")
        XCTAssertEqual(outcome.problems, [])
        XCTAssertEqual(m.actions.map(\.description), ["Book the hall", "Write to the county council"])
        XCTAssertEqual(m.items[0].children[0].title, "Apologies for absence")
        XCTAssertEqual(m.meeting.date, "2024-05-02")
        XCTAssertEqual(m.meeting.provenance["date"]?.confidence, 1)
        XCTAssertEqual(outcome.applied.map { $0.record + "." + ($0.field ?? "-") },
                       ["actions[1].description", "items[0].children[0].title", "meeting.date", "actions[0].-"])
    }

    func testValuesAreCheckedAgainstTheFieldsType() {
        var m = sample()
        let file = CorrectionsFile(corrections: [
            Correction(field: "meeting.date", value: .text("1/5/2024")),
            Correction(field: "meeting.startTime", value: .text("25:00")),
            Correction(field: "attendees[0].name", anchor: Anchor.of(m.attendees[0]), value: .text("  ")),
            Correction(field: "actions[0].colour", anchor: Anchor.of(m.actions[0]), value: .text("red")),
            Correction(field: "meeting", delete: true),
            Correction(field: "actions[1].due", anchor: Anchor.of(m.actions[1]), value: .text("2024-06")),
        ])
        let outcome = m.apply(file, from: "c")
        XCTAssertEqual(outcome.problems, [
            "correction of 'meeting.date' not applied: '1/5/2024' is not a date (YYYY-MM-DD)",
            "correction of 'meeting.startTime' not applied: '25:00' is not a time (HH:MM)",
            "correction of 'attendees[0].name' not applied: the field may not be empty",
            "correction of 'actions[0].colour' not applied: the field cannot be corrected",
            "correction of 'meeting' not applied: only a listed record can be deleted",
        ])
        XCTAssertEqual(m.meeting.date, "2024-05-01")
        XCTAssertEqual(m.actions[1].due, "2024-06")
    }

    func testCorrectionsFileRoundTripsAndChecksItsSchema() throws {
        let file = CorrectionsFile(file: "x.pdf", sha256: "ab", corrections: [
            Correction(field: "actions[0].owners", anchor: "12", was: .list(["A"]), value: .list(["B"])),
            Correction(field: "meeting.chair", was: .text("X"), value: FieldValue.none),
            Correction(field: "attendees[1]", anchor: "34", delete: true)])
        XCTAssertEqual(try CorrectionsFile.decode(try file.jsonData()), file)
        XCTAssertThrowsError(try CorrectionsFile.decode(Data(#"{"schema": "minutes/1", "corrections": []}"#.utf8)))
    }

    // MARK: - Confidence

    func run(_ m: Minutes, pages: [Page] = [], stages: [any Stage]) throws -> Minutes {
        var doc = WorkingDocument(input: try InputDocument(fileName: "x.pdf", data: Data("%PDF-1.4\n".utf8)), options: PipelineOptions())
        doc.minutes = m
        doc.pages = pages
        doc.pageCount = max(1, pages.count)
        for s in stages { try s.run(&doc) }
        return doc.minutes
    }

    func testConfidenceFromHowAValueWasFound() throws {
        var m = sample()
        m.actions = [Action(description: "Review the budget", owners: ["XY"], dueText: "12 March", page: 1, box: [10, 50, 400, 60]),
                     Action(description: "Book the hall", owners: ["AL"], dueText: "3 June 2024", page: 1, box: [10, 70, 400, 80])]
        let out = try run(m, stages: [ResolveOwners(), EmitMinutes()])
        // Text layer (reading 1) × owner matching no attendee 0.8 × year from the meeting 0.85.
        XCTAssertEqual(out.actions[0].confidence, 0.68)
        XCTAssertEqual(out.actions[1].confidence, 1)
        XCTAssertEqual(out.attendees.map(\.confidence), [1, 1])
        XCTAssertEqual(out.meeting.provenance["date"]?.confidence, 1)
        XCTAssertNil(out.meeting.provenance["venue"], "a field not found has no provenance")
        let reasons = FieldDoubts.find(in: out).filter { $0.record == "actions[0]" }.map(\.reason)
        XCTAssertEqual(Set(reasons), ["owner 'XY' matches no attendee", "due year 2024 taken from the meeting date"])
    }

    func testOCRConfidenceIsTheWeakestQuarterOfTheWordsUnderTheBox() throws {
        var m = sample()
        m.actions = []
        let words = [("Ann", 0.96), ("Lee", 0.9), ("(AL)", 0.3), ("Chair", 0.94)].enumerated().map { i, w in
            Word(text: w.0, box: Rect(x0: 12 + Double(i) * 18, y0: 11, x1: 28 + Double(i) * 18, y1: 19), fontSize: 9, confidence: w.1)
        } + [Word(text: "Bo", box: Rect(x0: 12, y0: 23, x1: 20, y1: 31), fontSize: 9, confidence: 0.8),
             Word(text: "Chan", box: Rect(x0: 24, y0: 23, x1: 40, y1: 31), fontSize: 9, confidence: 0.9)]
        let page = Page(number: 1, width: 595, height: 842, words: words, source: .ocr)
        let out = try run(m, pages: [page], stages: [EmitMinutes()])
        XCTAssertEqual(out.attendees[0].confidence, 0.3, "one misread word of four")
        XCTAssertEqual(out.attendees[1].confidence, 0.8)
        let warning = try XCTUnwrap(out.diagnostics.first { $0.stage == "emit-minutes" })
        XCTAssertEqual(warning.message, "low-confidence OCR in attendees[0] \"Ann Lee\": '(AL)' 30%")
        XCTAssertEqual(FieldDoubts.find(in: out).map(\.record), ["attendees[0]"])
    }

    /// Where a reader gives a meeting field's page and box, the confidence reads the OCR words
    /// there, and the review page draws the box.
    func testMeetingFieldProvenanceGetsConfidenceAndABox() throws {
        var m = sample()
        m.meeting.provenance["date"] = Provenance(page: 1, box: [100, 200, 200, 212])
        let words = [Word(text: "1", box: Rect(x0: 102, y0: 201, x1: 110, y1: 211), fontSize: 10, confidence: 0.5),
                     Word(text: "May", box: Rect(x0: 114, y0: 201, x1: 140, y1: 211), fontSize: 10, confidence: 0.95)]
        let out = try run(m, pages: [Page(number: 1, width: 595, height: 842, words: words, source: .ocr)], stages: [EmitMinutes()])
        XCTAssertEqual(out.meeting.provenance["date"], Provenance(page: 1, box: [100, 200, 200, 212], confidence: 0.5))
        let html = ReviewPage.html(out, images: [ReviewPageImage(number: 1, widthPoints: 595, heightPoints: 842, data: Data([1]), mimeType: "image/png")],
                                   pageName: "x")
        XCTAssertTrue(html.contains(#"data-f="meeting.date" x="100" y="200" width="100" height="12""#))
        XCTAssertTrue(html.contains(##"<a class="cf" href="#" data-f="meeting.date">"##), "under 0.8: listed first")
    }

    func testCorrectedFieldsAreNotDoubted() throws {
        var m = try run(sample(), stages: [EmitMinutes()])
        XCTAssertEqual(FieldDoubts.find(in: m).map(\.reason), ["owner 'ZZ' matches no attendee"])
        m.apply(CorrectionsFile(corrections: [Correction(field: "actions[2].owners", anchor: Anchor.of(m.actions[2]), value: .list(["BC"]))]), from: "c")
        let doubts = FieldDoubts.find(in: m)
        XCTAssertEqual(doubts.filter(\.corrected).map(\.record), ["actions[2]"])
    }
}
