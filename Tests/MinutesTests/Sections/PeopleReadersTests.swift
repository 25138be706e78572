import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The people readers (lists, roll calls, apology sentences) and the vocabulary they ask,
/// on lines built by hand.
final class PeopleReadersTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func read(_ lines: [Line]) -> SectionFindings { ClassifySections.read(lines).found }

    /// "Di" is a name, "DI" the rank: initialisms in the vocabulary match only capitals.
    func testAGivenNameThatSpellsARankIsAName() {
        XCTAssertEqual(PeopleParsing.parse(text: "Di Hammond")?.name, "Di Hammond")
        XCTAssertNil(PeopleParsing.parse(text: "Di Hammond")?.role)
        XCTAssertEqual(PeopleParsing.parse(text: "DI Hammond")?.name, "Hammond")
        XCTAssertEqual(PeopleParsing.parse(text: "DI Hammond")?.role, "DI")
        let c = read([line(100, [(72, "Present: Di Hammond, Ros Pike, Ed Wynn")])])
        XCTAssertEqual(c.attendees.map(\.name), ["Di Hammond", "Ros Pike", "Ed Wynn"])
    }

    /// "John Constable" is a man; "Chief Constable" an office; "Clerk Ann Ross" an office and
    /// a name.
    func testAnOfficeThatIsASurnameEndingAName() {
        XCTAssertFalse(PeopleParsing.isRoleOnly("John Constable"))
        XCTAssertTrue(PeopleParsing.isRoleOnly("Chief Constable"))
        XCTAssertTrue(PeopleParsing.isRoleOnly("Constable"))
        XCTAssertFalse(PeopleParsing.isRoleOnly("Mary Clerk"))
        XCTAssertTrue(PeopleParsing.isRoleOnly("Town Clerk"))
        XCTAssertEqual(PeopleParsing.parse(text: "Clerk Ann Ross").map { [$0.name, $0.role ?? "-"] }, ["Ann Ross", "Clerk"])
        let c = read([line(100, [(72, "Present: Ruth Ames, John Constable, Kit Marsh")])])
        XCTAssertEqual(c.attendees.map(\.name), ["Ruth Ames", "John Constable", "Kit Marsh"])
        XCTAssertEqual(c.attendees.map(\.role), [nil, nil, nil], "a name is no one's role")
    }

    /// One person a line under a label; a bulleted list; "None" lists no one.
    func testOnePersonALineAndBullets() {
        let c = read([
            line(100, [(72, "Attendees:")], bold: true),
            line(115, [(72, "Olu Adebayo, Treasurer")]),
            line(130, [(72, "Grace Kim (GK)")]),
            line(155, [(72, "Apologies:")], bold: true),
            line(170, [(72, "•"), (90, "Tom Reyes")]),
            line(185, [(72, "•"), (90, "Lena Fox")]),
            line(210, [(72, "Also present:"), (150, "None")]),
            line(240, [(72, "1."), (100, "Minutes")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Olu Adebayo", "Grace Kim"])
        XCTAssertEqual(c.attendees.map(\.role), ["Treasurer", nil])
        XCTAssertEqual(c.attendees.map(\.initials), [nil, "GK"])
        XCTAssertEqual(c.apologies.map(\.name), ["Tom Reyes", "Lena Fox"])
        XCTAssertEqual(c.items.map(\.number), ["1"])
    }

    /// "1. Apologies" as an item heading over its list: apologies, and still item 1.
    func testAnItemHeadingForTheList() {
        let c = read([
            line(100, [(72, "1."), (100, "Apologies for absence")], bold: true),
            line(115, [(100, "Cllr Meg Dunn")]),
            line(140, [(72, "2."), (100, "Declarations of interest")], bold: true),
        ])
        XCTAssertEqual(c.apologies.map(\.name), ["Meg Dunn"])
        XCTAssertEqual(c.items.map(\.number), ["1", "2"])
    }

    /// A vote's record ("AYES: …" over "ABSENT: …") lists no apologies; a roll-call table does.
    func testRollCallTableAndAVoteRecord() {
        let c = read([
            line(120, [(72, "Member Name"), (250, "Role"), (400, "Status")], bold: true),
            line(135, [(72, "Ines Varga"), (250, "Trustee"), (400, "Present")]),
            line(150, [(72, "Paul Odum"), (250, "Trustee"), (400, "Excused")]),
            line(165, [(72, "Rae Lund"), (250, "Treasurer"), (400, "Remote")]),
            line(200, [(72, "AYES:"), (150, "Varga, Lund")]),
            line(215, [(72, "ABSENT:"), (150, "Odum")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ines Varga", "Rae Lund"])
        XCTAssertEqual(c.attendees.map(\.role), ["Trustee", "Treasurer"])
        XCTAssertEqual(c.apologies.map(\.name), ["Paul Odum"])
    }

    /// Apologies in a sentence when no list gave them, titles' full stops kept in the names.
    func testApologiesInASentence() {
        let c = read([
            line(100, [(72, "1."), (100, "Welcome")], bold: true),
            line(115, [(100, "The chair opened the meeting. Apologies were received from Mrs. Ada Nolan and Dr. Sam Ito.")]),
        ])
        XCTAssertEqual(c.apologies.map(\.name), ["Ada Nolan", "Sam Ito"])
        XCTAssertTrue(c.diagnostics.contains { $0.message.contains("apologies read from a sentence") })
    }

    /// Counted people are no one's name; a list of offices only beside named people is a
    /// circulation list.
    func testHeadcountsAndOfficeLists() {
        XCTAssertTrue(Names.isHeadcount("3 members of the public"))
        XCTAssertTrue(Names.isHeadcount("several residents"))
        XCTAssertFalse(Names.isHeadcount("Three Rivers Trust"))
        let c = read([
            line(100, [(72, "Present: Ana Silva (Chair), Bo Lind, Cy Vance")]),
            line(115, [(72, "In attendance: Jo Park (Clerk), 4 members of the public")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ana Silva", "Bo Lind", "Cy Vance", "Jo Park"])
        XCTAssertEqual(c.meeting.chair, "Ana Silva", "the attendee whose role is the chair")
        XCTAssertEqual(c.meeting.provenance["chair"]?.box?[1], 100)
    }

    /// Listed as sending apologies, someone is no attendee; one person once.
    func testApologiesWinAndNobodyTwice() {
        let c = read([
            line(100, [(72, "Present: Ana Silva, Bo Lind, Bo Lind, Cy Vance")]),
            line(115, [(72, "Apologies: Cy Vance")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ana Silva", "Bo Lind"])
        XCTAssertEqual(c.apologies.map(\.name), ["Cy Vance"])
    }

    /// People labels, by the vocabulary's rules: words anywhere, endings, openers, exact labels.
    func testPeopleLabels() {
        let cases: [(String, PeopleLabel.Kind?)] = [
            ("Present", .attendees), ("Trustees present", .attendees), ("In attendance", .attendees), ("Other attendees", .attendees),
            ("Officials", .attendees), ("Yn bresennol", .attendees), ("Apologies", .apologies), ("Apologies for absence", .apologies),
            ("Members absent", .apologies), ("Ymddiheuriadau", .apologies), ("Not present", .apologies),
            ("Attendance sheet", nil), ("Present value of the fund was discussed at length", nil), ("Finance", nil),
        ]
        for (label, kind) in cases { XCTAssertEqual(PeopleLabel.kind(of: label), kind, label) }
    }
}
