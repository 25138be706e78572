import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The meeting-field, title and opening-sentence readers, one family of layouts a case, on
/// lines built by hand.
final class MeetingReadersTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func fields(_ lines: [Line]) -> SectionFindings {
        MeetingFieldsReader().read(SectionContext(lines: lines))
    }

    /// "Date: …" and "Venue   …" (a label as its own segment), each field with the page and
    /// box of the line it was read from.
    func testLabelledFieldsWithWhereTheyWereRead() {
        let f = fields([
            line(80, [(72, "Date:"), (150, "Tuesday 4 March 2025")]),
            line(95, [(72, "Time"), (150, "7.30pm")]),
            line(110, [(72, "Venue"), (150, "The Old School Room")]),
            line(125, [(72, "Chair:"), (150, "Cllr Nia Howell")]),
        ])
        XCTAssertEqual(f.meeting.date, "2025-03-04")
        XCTAssertEqual(f.meeting.startTime, "19:30")
        XCTAssertEqual(f.meeting.venue, "The Old School Room")
        XCTAssertEqual(f.meeting.chair, "Nia Howell")
        XCTAssertEqual(f.meeting.provenance["date"]?.page, 1)
        XCTAssertEqual(f.meeting.provenance["date"]?.box?[1], 80)
        XCTAssertEqual(f.meeting.provenance["startTime"]?.box?[1], 95)
        XCTAssertEqual(f.meeting.provenance["venue"]?.box?[1], 110)
        XCTAssertEqual(f.meeting.provenance["chair"]?.box?[1], 125)
        XCTAssertNil(f.meeting.provenance["endTime"], "no end time, so no provenance for one")
        XCTAssertEqual(f.consumed, [0, 1, 2, 3])
    }

    /// A value run on below its label, indented to the value; labels set along one line.
    func testValueRunOnAndLabelsAlongOneLine() {
        var f = fields([
            line(80, [(72, "Venue:"), (150, "Committee Room 2,")]),
            line(93, [(150, "Riverside House, Lowtown")]),
            line(120, [(72, "Minute taker:"), (150, "Pat Gale")]),
        ])
        XCTAssertEqual(f.meeting.venue, "Committee Room 2, Riverside House, Lowtown")
        XCTAssertEqual(f.meeting.provenance["venue"]?.box?[3], 103, "the box takes in the line run on below")
        XCTAssertEqual(f.consumed, [0, 1], "an ignored label is no field, and its line stays")
        f = fields([line(80, [(72, "Date: 2 June 2024"), (220, "Time: 10:00 – 12:15"), (360, "Venue: Barn Hall")])])
        XCTAssertEqual([f.meeting.date, f.meeting.startTime, f.meeting.endTime, f.meeting.venue],
                       ["2024-06-02", "10:00", "12:15", "Barn Hall"])
    }

    /// The date label holds times and the place after them.
    func testDateLabelWithTimesAndPlace() {
        let f = fields([line(80, [(72, "Date:"), (150, "14th May 2023, 18:00 – 19:45, Upper Hall, Mill Lane")])])
        XCTAssertEqual([f.meeting.date, f.meeting.startTime, f.meeting.endTime, f.meeting.venue],
                       ["2023-05-14", "18:00", "19:45", "Upper Hall, Mill Lane"])
    }

    /// A letterhead's name over the office ("ROSA QUILL" over "CHAIRPERSON"); "Chair: Minutes"
    /// names no chair.
    func testLetterheadChairOverTheOffice() {
        var f = fields([
            line(150, [(20, "ROSA QUILL")]),
            line(162, [(30, "CHAIRPERSON"), (281, "MINUTES")]),
        ])
        XCTAssertEqual(f.meeting.chair, "Rosa Quill")
        XCTAssertEqual(f.meeting.provenance["chair"]?.box?[1], 150, "the chair's box is the name's")
        f = fields([line(80, [(72, "Chair:"), (150, "Minutes")])])
        XCTAssertNil(f.meeting.chair)
    }

    /// A meeting field is filled by the first reader to find it: the title reader's date never
    /// replaces a labelled one, and start and end times go together.
    func testFieldsFoundEarlierStand() {
        var found = SectionFindings()
        var first = SectionFindings()
        first.set(.date, "2024-01-10", at: Provenance(page: 1, box: [1, 2, 3, 4]))
        found.add(first)
        var second = SectionFindings(continuing: found)
        second.set(.date, "2023-12-01", at: Provenance(page: 2, box: [5, 6, 7, 8]))
        second.set(.startTime, "09:00", at: Provenance(page: 2, box: [5, 6, 7, 8]))
        second.set(.endTime, "10:00", at: Provenance(page: 2, box: [5, 6, 7, 8]))
        found.add(second)
        XCTAssertEqual(found.meeting.date, "2024-01-10")
        XCTAssertEqual(found.meeting.provenance["date"]?.page, 1)
        XCTAssertEqual([found.meeting.startTime, found.meeting.endTime], ["09:00", "10:00"])
        XCTAssertEqual(found.meeting.provenance["endTime"]?.page, 2)
    }

    /// The heading block: the largest bold heading naming a meeting is the title, a body's
    /// name is the organisation, a date in the heading the meeting's date.
    func testTitleOrganisationAndDateFromTheHeading() {
        let c = ClassifySections.read([
            line(40, [(200, "Westmoor District Council")], bold: true),
            line(60, [(180, "Minutes of the Licensing Committee")], bold: true),
            line(80, [(200, "Thursday 6 February 2025")]),
            line(120, [(72, "1."), (100, "Apologies")], bold: true),
        ]).found
        XCTAssertEqual(c.meeting.organisation, "Westmoor District Council")
        XCTAssertEqual(c.meeting.title, "Licensing Committee")
        XCTAssertEqual(c.meeting.date, "2025-02-06")
        XCTAssertEqual(c.meeting.provenance["title"]?.box?[1], 60)
        XCTAssertEqual(c.meeting.provenance["organisation"]?.box?[1], 40)
        XCTAssertEqual(c.meeting.provenance["date"]?.box?[1], 80)
    }

    /// With no heading naming the meeting, the running header gives the title.
    func testTitleFromTheRunningHeader() {
        let c = ClassifySections.read([
            line(120, [(72, "1."), (100, "Apologies")], bold: true),
            line(135, [(100, "None were received.")]),
        ], runningText: [line(30, [(72, "Harbour Users Forum – Minutes")])]).found
        XCTAssertEqual(c.meeting.title, "Harbour Users Forum")
        XCTAssertTrue(c.diagnostics.contains { $0.message.contains("running header") })
    }

    /// Title words: document kinds, states and tails come off; a sentence is no title.
    func testTitleTextLosesItsDocumentWords() {
        XCTAssertEqual(HeadingText.cleanTitle("Approved Minutes of the Grants Panel held in public", order: .dayFirst), "Grants Panel")
        XCTAssertEqual(HeadingText.cleanTitle("Extraordinary Meeting of the Town Council – 3 May 2022", order: .dayFirst), "Town Council")
        XCTAssertEqual(HeadingText.cleanTitle("Trustees Meeting Notes, Wednesday", order: .dayFirst), "Trustees")
        XCTAssertTrue(HeadingText.isHeadingCase("Report of the Head of Planning"))
        XCTAssertFalse(HeadingText.isHeadingCase("The chair thanked everyone for coming."))
    }

    /// The opening sentence gives the time and place when nothing else did.
    func testTimeAndPlaceInTheOpeningSentence() {
        let c = ClassifySections.read([
            line(40, [(200, "Eastbridge Allotment Society – 9 April 2024")], bold: true),
            line(70, [(72, "The annual meeting took place at 6.15pm in the Pavilion, Eastbridge Park.")]),
            line(100, [(72, "1."), (100, "Welcome")], bold: true),
        ]).found
        XCTAssertEqual(c.meeting.startTime, "18:15")
        XCTAssertEqual(c.meeting.venue, "Pavilion, Eastbridge Park")
        XCTAssertEqual(c.meeting.provenance["venue"]?.box?[1], 70)
        XCTAssertEqual(Venues.inSentence("held in the Council Chamber, Hightown on Monday, "), "Council Chamber, Hightown")
        XCTAssertEqual(Venues.afterDate("3 March 2021 commencing at 19:00 hrs, Village Hall", order: .dayFirst), "Village Hall")
    }
}
