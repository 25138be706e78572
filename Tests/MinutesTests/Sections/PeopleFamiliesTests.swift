import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The families of people lists real minutes write (issue 10) and the attendance status they
/// give (issue 11), on lines and names of our own invention.
final class PeopleFamiliesTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func read(_ lines: [Line]) -> SectionFindings { ClassifySections.read(lines).found }

    /// "Trustee Okafor", "Town Clerk O'Hare": an office before a surname is the role.
    func testOfficesBeforeSurnames() {
        let c = read([
            line(100, [(72, "Present: Mayor Quill, Trustee Okafor, Trustee Lind-Berry, Town Clerk O’Hare, Attorney Vance")]),
            line(130, [(72, "1) Call to Order")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Quill", "Okafor", "Lind-Berry", "O’Hare", "Vance"])
        XCTAssertEqual(c.attendees.map(\.role), ["Mayor", "Trustee", "Trustee", "Town Clerk", "Attorney"])
        XCTAssertEqual(PeopleParsing.parse(text: "Clerk T Ambrose").map { [$0.name, $0.role ?? "-"] }, ["T Ambrose", "Clerk"])
    }

    /// A role in brackets that wraps ("Tom Vale (Chief" over "Finance Officer)") is one role, not two entries.
    func testBracketLeftOpenRunsOntoTheNextLine() {
        let c = read([
            line(100, [(72, "Attendees:"), (180, "Harbour Trust: Ann Lee (Chair), Ben Ode (Head of")]),
            line(114, [(180, "Estates), Tom Vale (Chief")]),
            line(128, [(180, "Finance Officer)")]),
            line(150, [(72, "1. Welcome")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ann Lee", "Ben Ode", "Tom Vale"])
        XCTAssertEqual(c.attendees.last?.role, "Chief Finance Officer")
    }

    /// "1. Apologies for absence: …" and "2  Present: …" after an item's number; "Present Mr …"
    /// and "Apology Cllr …" with no colon.
    func testLabelsRunIntoTheirLists() {
        let c = read([
            line(100, [(72, "1"), (100, "Present: Cllr. Ivo Crane (Chairman), Cllrs P Dove, K Wren and L")]),
            line(115, [(100, "Finch, also M Rook (Clerk)")]),
            line(140, [(72, "2"), (100, "Apology Cllr. S Heron & Cllr. Teal")]),
            line(165, [(72, "3"), (100, "Notes of previous meeting - Agreed")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ivo Crane", "P Dove", "K Wren", "L Finch", "M Rook"])
        XCTAssertEqual(c.apologies.map(\.name), ["S Heron", "Teal"])
        let p = read([line(100, [(36, "Present Mr A Birch (AB), Mrs C Ash (CA), Mrs D Elm Honorary Clerk (DE)")])])
        XCTAssertEqual(p.attendees.map(\.name), ["A Birch", "C Ash", "D Elm"])
        XCTAssertEqual(p.attendees.last?.role, "Honorary Clerk")
        // A sentence that opens with the word is no label.
        XCTAssertNil(PeopleLabel.runIn("Present and approve the annual return"))
    }

    /// Roll calls as lines ("Name - Here") and as sentences; an absent member is an apology.
    func testRollCallsAsLinesAndSentences() {
        let c = read([
            line(100, [(72, "ROLL CALL OF COUNCIL:")]),
            line(115, [(72, "Abara - Here")]),
            line(130, [(72, "Bexley - Here")]),
            line(145, [(72, "Corran - Absent")]),
            line(175, [(72, "ROLL CALL VOTE:")]),
            line(190, [(72, "Abara - Yes")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Abara", "Bexley"])
        XCTAssertEqual(c.attendees.map(\.status), [.present, .present])
        XCTAssertEqual(c.apologies.map(\.name), ["Corran"])
        XCTAssertEqual(c.apologies.first?.status, .absent)
        let s = read([
            line(100, [(72, "Roll call was taken with the following Trustees in attendance: Marsh, Penn,")]),
            line(115, [(72, "Tully, and Vane. Supervisor Rusk and Clerk Holm were also present.")]),
            line(140, [(72, "Ada, Bram, Cleo and Dov were in attendance")]),
        ])
        let t = read([line(140, [(72, "Ada, Bram, Cleo and Dov were in attendance")])])
        XCTAssertEqual(t.attendees.map(\.name), ["Ada", "Bram", "Cleo", "Dov"])
        XCTAssertEqual(s.attendees.map(\.name), ["Marsh", "Penn", "Tully", "Vane", "Rusk", "Holm", "Ada", "Bram", "Cleo", "Dov"])
        XCTAssertEqual(s.attendees.first(where: { $0.name == "Rusk" })?.role, "Supervisor")
    }

    /// "&" joins two people; "the Clerk" is the office; "in the chair" the chair's role;
    /// honours are no people; a label before a dash is the role.
    func testJoinersHonoursAndNotes() {
        let c = read([
            line(100, [(72, "Present: Cllrs Hale (in the chair), Ives, Jarrow, Keel, County Cllr Lyle and the Clerk.")]),
            line(115, [(72, "Members of the public – Mr Noel Pratt.")]),
            line(140, [(72, "Apologies")]),
            line(155, [(72, "Councillors R Quay & M Stroud")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Hale", "Ives", "Jarrow", "Keel", "Lyle", "Clerk", "Noel Pratt"])
        XCTAssertEqual(c.attendees.first?.role, "in the chair")
        XCTAssertEqual(c.apologies.map(\.name), ["R Quay", "M Stroud"])
        let h = read([line(100, [(72, "PRESENT: Mr T Vole, OBE, Mrs U Wax MBE and Mr V Yew")])])
        XCTAssertEqual(h.attendees.map(\.name), ["T Vole", "U Wax", "V Yew"])
    }

    /// A name/affiliation table: the affiliation is the role, never a person; a grid of
    /// "Name, Role" cells is one person a cell.
    func testAffiliationTablesAndNameRoleGrids() {
        let c = read([
            line(100, [(72, "Attendees:")], bold: true),
            line(115, [(72, "Rosa Quint"), (280, "Borough Council")]),
            line(130, [(72, "Seb Thorne"), (280, "Walk Around Town")]),
            line(145, [(72, "Uma Voss"), (280, "Home Office")]),
            line(160, [(72, "Wes Yardley"), (280, "Health Agency")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Rosa Quint", "Seb Thorne", "Uma Voss", "Wes Yardley"])
        XCTAssertEqual(c.attendees[1].role, "Walk Around Town")
        let g = read([
            line(100, [(43, "Present:"), (151, "Nell Ames, Treasurer"), (297, "Otto Birk, Bookings Secretary")]),
            line(115, [(151, "Pia Cole, Secretary"), (297, "Remy Dunn (Chairperson)")]),
        ])
        XCTAssertEqual(g.attendees.map(\.name), ["Nell Ames", "Otto Birk", "Pia Cole", "Remy Dunn"])
        XCTAssertEqual(g.attendees.map(\.role), ["Treasurer", "Bookings Secretary", "Secretary", "Chairperson"])
    }

    /// Attendance status where the page says it: late and left early with times, remote,
    /// substitute for whom, excused.
    func testAttendanceStatus() {
        XCTAssertEqual(AttendanceNote.read("substitute for Cllr Moss"), AttendanceNote(status: .substitute, substituteFor: "Cllr Moss"))
        XCTAssertEqual(AttendanceNote.read("arrived at 7.40pm during item 6"), AttendanceNote(status: .late, arrived: "19:40"))
        XCTAssertEqual(AttendanceNote.read("left the meeting at 8.15pm")?.left, "20:15")
        XCTAssertEqual(AttendanceNote.read("attended remotely")?.status, .remote)
        XCTAssertNil(AttendanceNote.read("Chair"))
        let c = read([
            line(100, [(72, "Present: Cllr Ada Moss (Chair), Cllr Ben Nye (substitute for Cllr Cy Ord), Cllr Dee Pym (virtual)")]),
            line(115, [(72, "Absent: Cllr Eve Quay (excused)")]),
            line(145, [(72, "1."), (100, "Minutes")], bold: true),
            line(160, [(100, "Councillor Ada Moss left the meeting at 8.15pm.")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ada Moss", "Ben Nye", "Dee Pym"])
        XCTAssertEqual(c.attendees.map(\.status), [.leftEarly, .substitute, .remote])
        XCTAssertEqual(c.attendees.first?.left, "20:15")
        XCTAssertEqual(c.attendees[1].substituteFor, "Cllr Cy Ord")
        XCTAssertEqual(c.apologies.map(\.status), [.excused])
        // The label says it too: "In attendance" for officers, "Absent" for the absent.
        let l = read([
            line(100, [(72, "Present: Cllr Fay Rudd")]),
            line(115, [(72, "In attendance: Gil Shaw (Clerk)")]),
            line(130, [(72, "Absent: Cllr Hal Tate")]),
        ])
        XCTAssertEqual(l.attendees.map(\.status), [.present, .inAttendance])
        XCTAssertEqual(l.apologies.map(\.status), [.absent])
    }

    /// A paragraph of offices and names with no commas between them; people counted at its end.
    func testACommaLessListOfOfficesAndNames() {
        let c = read([
            line(100, [(72, "Present")]),
            line(115, [(72, "Councillors A Birch (Chair), C Dale and")]),
            line(130, [(72, "E Ford Clerk Mrs G Hart Kent County Councillor I Jay and")]),
            line(145, [(72, "Councillor K Lowe plus ten guests")]),
            line(170, [(72, "21.01.01"), (140, "Election of Chair")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["A Birch", "C Dale", "E Ford", "G Hart", "I Jay", "K Lowe"])
        XCTAssertEqual(c.attendees.map(\.role), ["Chair", nil, nil, "Clerk", "Kent County", nil])
    }

    /// Slips and affiliations inside a list: "Item 4 only - …", "Name-BODY", "Name, PC".
    func testSlipsAndAffiliationsInAList() {
        let c = read([
            line(100, [(72, "Attendees:"), (198, "Ann Ash (Chair), Bob Birch (Vice Chair)")]),
            line(115, [(198, "Item 4 only - Cara Cole (Finance Manager)")]),
            line(140, [(72, "1."), (100, "Apologies for absence: Dan Drew, Eva Elm, PC, Fay Fir.")]),
            line(165, [(72, "Attendees: Gus Gale-BOS, Hal Hope-Parks & Rec. Ida Ives-AARP Rep.")]),
            line(180, [(72, "Jon Judd, Kay Knox, Lou Lamb")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Ann Ash", "Bob Birch", "Cara Cole", "Gus Gale", "Hal Hope", "Ida Ives",
                                                 "Jon Judd", "Kay Knox", "Lou Lamb"])
        XCTAssertEqual(c.apologies.map(\.name), ["Dan Drew", "Eva Elm", "Fay Fir"])
        XCTAssertEqual(c.apologies[1].role, "PC")
        XCTAssertEqual(c.attendees[3].role, "BOS")
    }

    /// "Name, Role" a line stays one person a line, whatever words the role holds.
    func testNameAndRoleLinesStayOnePersonALine() {
        let c = read([
            line(100, [(54, "Attendees:")], bold: true),
            line(115, [(54, "Vera Mott, Deputy Director Transformation and Business Improvement")]),
            line(128, [(54, "Will Nash, Strategic Planning and Performance Officer")]),
            line(150, [(54, "1."), (80, "Apologies")], bold: true),
            line(165, [(54, "Xena Orr, Police and Crime Commissioner")]),
            line(178, [(54, "Yuri Pell, OCC CFO")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Vera Mott", "Will Nash"])
        XCTAssertEqual(c.apologies.map(\.name), ["Xena Orr", "Yuri Pell"])
    }
}
