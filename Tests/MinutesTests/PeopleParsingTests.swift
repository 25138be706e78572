import MinutesModel
import PageLayout
@testable import MinutesPipeline
import XCTest

final class PeopleParsingTests: XCTestCase {
    func p(_ s: String) -> PeopleParsing.Parsed? { PeopleParsing.parse(text: s) }

    func testNameRoleInitials() {
        XCTAssertEqual(p("• Roger Hirst, Police and Crime Commissioner (RH)"),
                       .init(name: "Roger Hirst", role: "Police and Crime Commissioner", initials: "RH"))
        XCTAssertEqual(p("Supt Dean Chapple, Head of PIU, (DC)"), .init(name: "Dean Chapple", role: "Head of PIU", initials: "DC"))
        // Capitals that are not the name's initials name the person's body.
        XCTAssertEqual(p("Dennis Skinner (LGA)"), .init(name: "Dennis Skinner", role: "LGA", initials: nil))
        XCTAssertEqual(p("Cllr Jane Smith (JAS)"), .init(name: "Jane Smith", role: nil, initials: "JAS"))
        XCTAssertEqual(p("Alan Holzer (AHol)"), .init(name: "Alan Holzer", role: nil, initials: "AHol"))
    }

    func testInitialsInTheirOwnColumn() {
        XCTAssertEqual(PeopleParsing.parse(segments: ["Susannah Hancock, Executive Director, OPCC", "SH"]),
                       .init(name: "Susannah Hancock", role: "Executive Director, OPCC", initials: "SH"))
        XCTAssertEqual(PeopleParsing.parse(segments: ["Chief Supt. Andy Prophet", "AP"]),
                       .init(name: "Andy Prophet", role: "Chief Supt.", initials: "AP"))
        XCTAssertEqual(PeopleParsing.parse(segments: ["John Campion", "Police and Crime Commissioner (PCC)"]),
                       .init(name: "John Campion", role: "Police and Crime Commissioner", initials: "PCC"))
    }

    func testRoleBeforeNameAndNotes() {
        XCTAssertEqual(p("Assistant Chief Constable Jo Shiner"), .init(name: "Jo Shiner", role: "Assistant Chief Constable", initials: nil))
        XCTAssertEqual(p("Matthew Scott (Police and Crime Commissioner)"), .init(name: "Matthew Scott", role: "Police and Crime Commissioner", initials: nil))
        XCTAssertEqual(p("Mark Simmonds, OPCC CFO (part of the meeting)"), .init(name: "Mark Simmonds", role: "OPCC CFO", initials: nil))
        XCTAssertEqual(p("Sue Mountstevens, Police and Crime Commissioner. As part of her National role the PCC was"),
                       .init(name: "Sue Mountstevens", role: "Police and Crime Commissioner", initials: nil))
    }

    func testRoleOnly() {
        XCTAssertTrue(PeopleParsing.isRoleOnly("OPCC Head of Commissioning and Partnerships"))
        XCTAssertFalse(PeopleParsing.isRoleOnly("Andy Marsh"))
    }

    func testOwnersSplitAndResolve() {
        XCTAssertEqual(ResolveOwners.splitOwners("SH / VH"), ["SH", "VH"])
        XCTAssertEqual(ResolveOwners.splitOwners("CC and DCC"), ["CC", "DCC"])
        XCTAssertEqual(ResolveOwners.splitOwners("Chief Constable"), ["Chief Constable"])
        let people = [Person(name: "David Shaw", role: "Chief Constable", initials: "CC"),
                      Person(name: "Jane Gardner", role: "Deputy PCC", initials: "JG")]
        XCTAssertEqual(ResolveOwners.resolve("CC", in: people), "David Shaw")
        XCTAssertEqual(ResolveOwners.resolve("Chief Constable", in: people), "David Shaw")
        XCTAssertEqual(ResolveOwners.resolve("Gardner", in: people), "Jane Gardner")
        XCTAssertNil(ResolveOwners.resolve("AP", in: people))
    }

    func testRunningListsOfPeople() {
        let entries = PeopleEntries.splitList("Office of the Kent Police and Crime Commissioner: Matthew Scott (Police and Crime Commissioner), Adrian Harper (Chief of Staff) Kent Police: Chief Constable Alan Pughsley, Assistant Chief Constable Jo Shiner")
        XCTAssertEqual(entries.map(\.1), ["Matthew Scott (Police and Crime Commissioner)", "Adrian Harper (Chief of Staff)",
                                         "Chief Constable Alan Pughsley", "Assistant Chief Constable Jo Shiner"])
        XCTAssertEqual(entries.last?.0, "Kent Police")
    }
}

/// Section classification on lines built by hand.
final class ClassifySectionsTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func classify(_ lines: [Line]) -> SectionFindings {
        let c = ClassifySections.read(lines).found
        return c
    }

    func testRollCallTableSplitsPresentFromAbsent() {
        let c = classify([
            line(100, [(72, "1."), (108, "CALL TO ORDER AND ROLL CALL")], bold: true),
            line(120, [(137, "Attendee Name"), (312, "Title"), (406, "Status"), (476, "Arrived")], bold: true),
            line(135, [(107, "Andrei Garcia"), (265, "Commissioner"), (395, "Late"), (465, "7:08 p.m.")]),
            line(150, [(107, "Uriel Hernandez"), (265, "Commissioner"), (395, "Absent")]),
            line(165, [(107, "Juan Mendez"), (265, "Alternate"), (395, "Present")]),
            line(190, [(72, "2."), (108, "APPROVAL OF THE AGENDA")], bold: true),
            line(205, [(108, "AYES:"), (200, "Garcia, Mendez")]),
            line(220, [(108, "ABSENT:"), (200, "Hernandez")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Andrei Garcia", "Juan Mendez"])
        XCTAssertEqual(c.attendees.map(\.role), ["Commissioner", "Alternate"])
        XCTAssertEqual(c.apologies.map(\.name), ["Uriel Hernandez"], "the vote block's ABSENT line is not a second apology")
        XCTAssertEqual(c.items.map(\.number), ["1", "2"])
    }

    func testCommaListOfNamesWithRolesBetween() {
        let c = classify([
            line(100, [(72, "Present:"), (150, "Mick Ratford, Treasurer, Karen Butt, Bookings Secretary, Jon Stride (Chairperson)")]),
            line(115, [(72, "Apologies:"), (150, "Cllr A Smith, Cllr B Jones and Mrs C Brown")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Mick Ratford", "Karen Butt", "Jon Stride"])
        XCTAssertEqual(c.attendees.map(\.role), ["Treasurer", "Bookings Secretary", "Chairperson"])
        XCTAssertEqual(c.apologies.map(\.name), ["A Smith", "B Jones", "C Brown"])
        XCTAssertEqual(c.meeting.chair, "Jon Stride")
    }

    func testNumberedParagraphsUnderAnItemAreNotItems() {
        let c = classify([
            line(100, [(72, "84."), (108, "Apologies")], bold: true),
            line(115, [(72, "Apologies were received from Mrs C Bell.")]),
            line(140, [(72, "85."), (108, "Cabinet Member Updates")], bold: true),
            line(155, [(90, "1."), (108, "Mr R Gough, Leader of the Council provided an update on the following:")]),
            line(170, [(90, "2."), (108, "Mr Watkins, Cabinet Member for Adult Social Care, provided an update.")]),
            line(195, [(72, "86."), (108, "Date of next meeting – 4th March 2025")], bold: true),
        ])
        XCTAssertEqual(c.items.map(\.number), ["84", "85", "86"])
        XCTAssertEqual(c.apologies.map(\.name), ["C Bell"])
        XCTAssertEqual(c.nextMeeting?.date, "2025-03-04")
    }

    func testOCRMisreadItemNumbersFollowTheSequence() {
        func ocrLine(_ y: Double, _ first: String, _ title: String) -> Line {
            let w0 = Word(text: first, box: Rect(x0: 52, y0: y, x1: 62, y1: y + 10), fontSize: 10, confidence: 0.5)
            var words = [w0]
            var cx = 82.0
            for t in title.split(separator: " ") {
                words.append(Word(text: String(t), box: Rect(x0: cx, y0: y, x1: cx + Double(t.count) * 5, y1: y + 10), fontSize: 10, confidence: 0.9))
                cx += Double(t.count) * 5 + 3
            }
            return Line(page: 1, segments: BuildLines.segments(words))
        }
        let c = classify([ocrLine(100, "ib", "Matters arising"), ocrLine(130, "2s", "Minutes of last meeting"),
                          ocrLine(160, "3:", "Performance Reports"), ocrLine(190, "A.", "Specials and PCSOs")])
        XCTAssertEqual(c.items.map(\.number), ["1", "2", "3", "4"])
        XCTAssertTrue(c.diagnostics.contains { $0.message.contains("'A.' taken as 4") })
    }

    func testMeetingTitlesLoseMinutesDatesAndPlaces() {
        func clean(_ s: String) -> String { HeadingText.cleanTitle(s, order: .dayFirst) }
        XCTAssertEqual(clean("DRAFT Minutes of the Police and Crime Board, 5th June 2019"), "Police and Crime Board")
        XCTAssertEqual(clean("Monthly Assurance Meeting May 2016 – Meeting Notes"), "Monthly Assurance Meeting")
        XCTAssertEqual(clean("Minutes of the Meeting of the Finance Committee held on Tuesday 4 March 2024 at 7pm"), "Finance Committee")
        XCTAssertEqual(clean("Board of Trustees Meeting Minutes – 12 May 2021"), "Board of Trustees Meeting")
        XCTAssertEqual(clean("Minutes of the Annual Parish Meeting"), "Annual Parish Meeting")
        XCTAssertEqual(clean("Force Performance Scrutiny Meeting"), "Force Performance Scrutiny Meeting")
    }

    func testVenueIsWhatFollowsTheDateAndTimes() {
        func venue(_ s: String) -> String? { Venues.afterDate(s, order: .dayFirst) }
        XCTAssertEqual(venue("27th April 2017, 09:30 – 12:00, OPCC Conference Room, Hoffmanns Way"), "OPCC Conference Room, Hoffmanns Way")
        XCTAssertEqual(venue("Thursday 29 September 2014 9:00am, PCC's Conference Room, Hoffmanns Way"), "PCC's Conference Room, Hoffmanns Way")
        XCTAssertEqual(venue("Tuesday 4 March 2024 at 7pm in the Village Hall"), "the Village Hall")
        XCTAssertNil(venue("Wednesday, 7 June 2017, 1000hrs"))
        XCTAssertNil(venue("Monday, October 30, 2019"))
        XCTAssertNil(venue("January 27, 2020, 7:00 p.m."))
    }
}
