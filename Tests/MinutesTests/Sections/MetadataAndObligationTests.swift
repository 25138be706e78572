import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// A yearless meeting date dated by the file's metadata, and actions laid on a list of named
/// people by "need to", on lines and people built by hand.
final class MetadataAndObligationTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)]) -> Line { makeLine(page: 1, y: y, cells) }

    func read(_ lines: [Line], metadata: [String]) -> SectionFindings {
        var context = SectionContext(lines: lines, metadataDates: metadata)
        context.add(MeetingFieldsReader().read(context))
        return MetadataYearReader().read(context)
    }

    /// "Date: Friday 3rd January" with a file made in early January: the weekday and nearness
    /// pick the year; with no metadata, or a year on the page, the rule adds nothing.
    func testYearlessDateTakesTheMetadataYear() {
        let lines = [line(80, [(72, "Date:"), (150, "Friday 3rd January")]), line(100, [(72, "Time:"), (150, "18:00")])]
        var f = read(lines, metadata: ["2025-01-10"])
        XCTAssertEqual(f.meeting.date, "2025-01-03")
        XCTAssertTrue(f.diagnostics.contains { $0.message.contains("metadata") }, "the borrowed year is reported")
        // Made early in the year for a December meeting: the year before is nearer.
        f = read([line(80, [(72, "Date:"), (150, "Thursday 12th December")])], metadata: ["2020-01-06"])
        XCTAssertEqual(f.meeting.date, "2019-12-12")
        // A weekday that does not fit the nearest year rules it out.
        f = read([line(80, [(72, "Date:"), (150, "Saturday 12th December")])], metadata: ["2020-01-06"])
        XCTAssertEqual(f.meeting.date, "2020-12-12", "12 Dec 2019 was a Thursday; 2020's was a Saturday")
        f = read([line(80, [(72, "Date:"), (150, "Monday 12th December")])], metadata: ["2020-01-06"])
        XCTAssertNil(f.meeting.date, "no year near the metadata's fits the weekday")
        XCTAssertNil(read(lines, metadata: []).meeting.date, "no metadata, no year")
        XCTAssertEqual(read([line(80, [(72, "Date:"), (150, "4 March 2023")])], metadata: ["2025-01-10"]).meeting.date,
                       "2023-03-04", "the page's own year stands")
    }

    func testReferenceDatesPreferTheTitleOverTheCreationDate() {
        let made = MetadataYearReader.day("2019-05-02")
        XCTAssertEqual(MetadataYearReader.referenceDates(title: "Board minutes - 2018-11-20", created: made), ["2018-11-20", "2019-05-02"])
        XCTAssertEqual(MetadataYearReader.referenceDates(title: "Minutes", created: nil), [])
    }

    /// "Start: 19:40" / "End: 19:57" / "Duration: 17 minutes" under the last item: the times
    /// the meeting ran, over the heading's "Time: 19:30"; without the duration they are not.
    func testRecordedDurationGivesTheTimesTheMeetingRan() {
        var lines = [line(80, [(72, "Date:"), (150, "3 June 2024")]), line(95, [(72, "Time:"), (150, "19:30")]),
                     line(130, [(72, "1"), (110, "Date of Next Meeting")]), line(145, [(110, "● Start: 19:40")]),
                     line(160, [(110, "● End: 19:57")]), line(175, [(110, "● Duration: 17 minutes")])]
        var m = ClassifySections.read(lines).found.meeting
        XCTAssertEqual([m.startTime, m.endTime], ["19:40", "19:57"])
        lines.removeLast()
        m = ClassifySections.read(lines).found.meeting
        XCTAssertEqual(m.startTime, "19:30", "a start and an end alone may be another meeting's")
    }

    /// A title opened by a body's initials and its committee names the body; a committee's
    /// own name does not, nor does a kind of meeting.
    func testInitialsBeforeACommitteeNameTheBody() {
        XCTAssertEqual(Organisation.fromTitle("RSPB Committee Meeting"), "RSPB")
        XCTAssertNil(Organisation.fromTitle("Finance Committee"))
        XCTAssertNil(Organisation.fromTitle("AGM Meeting"))
    }

    /// "A. Byrne, K. Oduya, and L. Pratt need to return their forms": the people named as
    /// initial and surname own it; "need to be" and unknown subjects set nothing.
    func testNamedPeopleWhoNeedToDoSomething() {
        let people = ActionSentences.People([Person(name: "Alma Byrne"), Person(name: "Kofi Oduya"), Person(name: "Lena Pratt")])
        let a = ActionSentences.action("o A. Byrne, K. Oduya, and L. Pratt need to return their forms", people: people)
        XCTAssertEqual(a?.owner, "A. Byrne, K. Oduya, and L. Pratt")
        XCTAssertEqual(ResolveOwners.splitOwners(a?.owner ?? ""), ["A. Byrne", "K. Oduya", "L. Pratt"])
        XCTAssertEqual(ActionSentences.action("Lena Pratt needs to book the hall.", people: people)?.owner, "Lena Pratt")
        XCTAssertNil(ActionSentences.action("A. Byrne and L. Pratt need to be aware of the change", people: people))
        XCTAssertNil(ActionSentences.action("Residents need to register for the event", people: people))
        XCTAssertNil(ActionSentences.action("Government needs to promote the guidance", people: people), "a need, not a task")
        XCTAssertNil(ActionSentences.action("Q. Byrne needs to return the form", people: people), "the initial must fit the person")
    }
}
