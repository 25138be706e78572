import XCTest
import PageLayout
import MinutesModel
@testable import MinutesPipeline

/// Numbering schemes and people-list layouts seen across councils and boards, on lines built by hand.
final class TemplateVariantTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func items(_ lines: [Line]) -> [String] {
        let c = ClassifySections.read(lines).found
        return c.items.map { "\($0.number ?? "-") \($0.title ?? "-")" }
    }

    /// Parish minute references: year and month, then the item ("16.03.2").
    func testDottedMinuteReferencesWithAFixedPrefix() {
        let got = items([
            line(100, [(72, "Present")], bold: true),
            line(115, [(72, "Councillors D Richardson (Chair), S Linsley")]),
            line(140, [(72, "16.03.2 Register of Interests")]),
            line(155, [(72, "No interests declared")]),
            line(180, [(72, "16.03.3 Minutes")]),
            line(195, [(72, "The minutes of the meeting held on the 12th January 2016 had been circulated.")]),
            line(220, [(72, "16.03.05 Traffic Calming Update")]),
            line(235, [(72, "To date no box for recording speed has been put in place.")]),
            line(260, [(72, "16.03.6 Website")]),
            line(275, [(72, "The Transparency Code for Parish Councils states that all minutes are public.")]),
        ])
        XCTAssertEqual(got, ["16.03.2 Register of Interests", "16.03.3 Minutes", "16.03.05 Traffic Calming Update", "16.03.6 Website"])
    }

    /// The same scheme with a wide gap between reference and heading.
    func testDottedReferencesInTheirOwnColumn() {
        let got = items([
            line(100, [(72, "21.01.01"), (140, "Election of Chair")]),
            line(115, [(140, "None received")]),
            line(140, [(72, "21.01.02"), (140, "Register of Interests")]),
            line(155, [(140, "None")]),
            line(180, [(72, "21.01.03"), (140, "Minutes")]),
        ])
        XCTAssertEqual(got, ["21.01.01 Election of Chair", "21.01.02 Register of Interests", "21.01.03 Minutes"])
    }

    /// Sub-items numbered 4.1, 4.2 stay under their item.
    func testDecimalSubItemsAreNotTopLevel() {
        let got = items([
            line(100, [(72, "4."), (100, "Finance")], bold: true),
            line(115, [(72, "4.1"), (100, "Budget Monitoring")], bold: true),
            line(130, [(72, "4.2"), (100, "Grants")], bold: true),
            line(155, [(72, "5."), (100, "Any Other Business")], bold: true),
        ])
        XCTAssertEqual(got, ["4 Finance", "5 Any Other Business"])
    }

    /// "Item 1 – Apologies", "ITEM 2:" – the word before the number.
    func testItemWordBeforeTheNumber() {
        let got = items([
            line(100, [(72, "Item 1 – Welcome and Apologies")], bold: true),
            line(115, [(72, "The Chair welcomed everyone to the meeting.")]),
            line(140, [(72, "Item 2 – Minutes of the Last Meeting")], bold: true),
            line(155, [(72, "The minutes were agreed as a true record.")]),
            line(180, [(72, "ITEM 3: Finance Report")], bold: true),
        ])
        XCTAssertEqual(got, ["1 Welcome and Apologies", "2 Minutes of the Last Meeting", "3 Finance Report"])
    }

    /// "Minute 45/23 Apologies", "Min. 46/23".
    func testMinuteWordBeforeAReference() {
        let got = items([
            line(100, [(72, "Minute 45/23 Apologies for Absence")], bold: true),
            line(115, [(72, "Apologies were received from Cllr Smith.")]),
            line(140, [(72, "Minute 46/23 Declarations of Interest")], bold: true),
            line(155, [(72, "None.")]),
            line(180, [(72, "Minute 47/23 Planning")], bold: true),
        ])
        XCTAssertEqual(got, ["45/23 Apologies for Absence", "46/23 Declarations of Interest", "47/23 Planning"])
    }

    /// "1.0 Apologies", "2.0 Minutes": a decimal top level.
    func testPointZeroTopLevelNumbers() {
        let got = items([
            line(100, [(72, "1.0"), (110, "Apologies")], bold: true),
            line(115, [(110, "Apologies were received from Cllr Smith.")]),
            line(140, [(72, "2.0"), (110, "Minutes of the previous meeting")], bold: true),
            line(155, [(72, "2.1"), (110, "The minutes were approved.")]),
            line(180, [(72, "3.0"), (110, "Matters Arising")], bold: true),
        ])
        XCTAssertEqual(got, ["1.0 Apologies", "2.0 Minutes of the previous meeting", "3.0 Matters Arising"])
    }

    /// Parish references with a letter prefix: "FC23/045".
    func testLetterPrefixedReferences() {
        let got = items([
            line(100, [(72, "FC23/045"), (130, "Apologies for Absence")], bold: true),
            line(115, [(130, "Apologies were received from Cllr Smith.")]),
            line(140, [(72, "FC23/046"), (130, "Declarations of Interest")], bold: true),
            line(180, [(72, "FC23/047"), (130, "Planning Applications")], bold: true),
        ])
        XCTAssertEqual(got, ["FC23/045 Apologies for Absence", "FC23/046 Declarations of Interest", "FC23/047 Planning Applications"])
    }

    /// Two lists side by side: "Board Members:" beside "Officials:", "Apologies:" beside
    /// "Presenters:". Row by row they would pair people from different lists.
    func testPeopleListsInTwoColumns() {
        let lines = PeopleColumns.reorder([
            line(176, [(88, "Transparency Board Members:"), (315, "Officials (regular attendees):")]),
            line(194, [(88, "Francis Maude (Chair)"), (315, "Kitty von Bertele (Cabinet Office)")]),
            line(212, [(88, "Professor Nigel Shadbolt"), (315, "Will Cavendish (Cabinet Office)")]),
            line(229, [(88, "(joined in the second half)")]),
            line(247, [(88, "Tom Steinberg"), (315, "Cass Chideock (Cabinet Office)")]),
            line(265, [(315, "Tim Kelsey (Cabinet Office)")]),
            line(283, [(88, "Apologies:"), (315, "Jane Sigley (Ministry of Justice)")]),
            line(301, [(88, "Sir Tim Berners-Lee"), (315, "Presenters:")]),
            line(319, [(88, "Dr Rufus Pollock"), (315, "Charlie Ewen (Meteorological Office)")]),
            line(365, [(90, "Welcome and Introductions")], bold: true),
            line(383, [(90, "The Chair welcomed all attendees, and noted apologies.")]),
        ])
        let c = ClassifySections.read(lines).found
        XCTAssertEqual(c.attendees.map(\.name), ["Francis Maude", "Nigel Shadbolt", "Tom Steinberg", "Kitty von Bertele",
                                                 "Will Cavendish", "Cass Chideock", "Tim Kelsey", "Jane Sigley", "Charlie Ewen"])
        XCTAssertEqual(c.apologies.map(\.name), ["Tim Berners-Lee", "Rufus Pollock"])
    }

    /// "Jeni Tennison (JTe)" beside "Jacqui Taylor (JT)"; an action owner "HS" names Heather
    /// Savory though the list printed no initials for her.
    func testInitialsExtendedOrLeftUnprinted() {
        XCTAssertEqual(PeopleParsing.parse(text: "Jeni Tennison (JTe)")?.initials, "JTe")
        XCTAssertNil(PeopleParsing.parse(text: "Jeni Tennison (Abc)")?.initials)
        let people = [Person(name: "Heather Savory", role: "Chair"), Person(name: "Cllr Harry Smith"), Person(name: "Bob Barr", initials: "RB")]
        XCTAssertNil(ResolveOwners.resolve("HS", in: people), "two people have the initials HS: no guess")
        XCTAssertEqual(ResolveOwners.resolve("BB", in: people), nil, "printed initials win over derived ones")
        XCTAssertEqual(ResolveOwners.resolve("HS", in: Array(people.prefix(1))), "Heather Savory")
    }

    /// Minutes kept as numbered paragraphs with no headings: the paragraphs are the items,
    /// untitled, with a warning; one that happened to read like a heading does not stand alone.
    func testNumberedParagraphsWithoutHeadings() {
        let c = ClassifySections.read([
            line(100, [(72, "1."), (90, "KK presented a proposal for an outline schedule to deliver the plan")]),
            line(115, [(90, "in March 2015. General agreement that this was a good start.")]),
            line(130, [(72, "2."), (90, "KK advised the group that the December SDC Development")]),
            line(145, [(90, "Control Committee meeting will discuss the updated Local Plan.")]),
            line(160, [(72, "3."), (90, "AC advised the group that he has reviewed a number of plans.")]),
            line(175, [(90, "It was agreed that the plans would be sent to the group.")]),
        ]).found
        XCTAssertEqual(c.items.map { $0.number ?? "-" }, ["1", "2", "3"])
        XCTAssertEqual(c.items.map(\.title), [nil, nil, nil])
        XCTAssertTrue(c.items[2].text.hasPrefix("AC advised the group"))
        XCTAssertEqual(c.items[2].decisions, ["It was agreed that the plans would be sent to the group."])
        XCTAssertTrue(c.diagnostics.contains { $0.message.contains("numbered paragraphs taken as items") })
    }

    /// A "Who/When" cell holds owner and date; an owner cell may hold the action's sentence.
    func testOwnerCellsWithADateOrASentence() {
        XCTAssertEqual(ResolveOwners.ownerAndDue("JN/AC Nov (3/4?)").map { [$0.0, $0.1] }, ["JN/AC", "Nov (3/4?)"])
        XCTAssertEqual(ResolveOwners.ownerAndDue("Clerk 31 March 2015").map { [$0.0, $0.1] }, ["Clerk", "31 March 2015"])
        XCTAssertNil(ResolveOwners.ownerAndDue("Chief Executive"))
        XCTAssertNil(ResolveOwners.ownerAndDue("Theresa May"), "a surname that is a month stays a name")
        XCTAssertEqual(ResolveOwners.ownerBeforeTo("JN to send PDFs of each plan"), "JN")
        XCTAssertNil(ResolveOwners.ownerBeforeTo("Clerk"))
        XCTAssertEqual(DateParsing.monthOnly(in: "Nov (3/4?)", reference: "2014-10-19")?.iso, "2014-11")
    }

    func classified(_ lines: [Line]) -> SectionFindings {
        let c = ClassifySections.read(lines).found
        return c
    }

    /// Title blocks: a body's name over the meeting's kind, a title broken along its row, a
    /// letterhead with the chair's name over the office, a reference beside the title.
    func testTitleBlocksAndLetterheads() {
        var c = classified([
            line(60, [(296, "EAST PALO ALTO")], bold: true),
            line(82, [(269, "PLANNING COMMISSION")], bold: true),
            line(101, [(251, "REGULAR MEETING MINUTES")], bold: true),
            line(118, [(303, "January 27, 2020, 7:00 p.m.")]),
            line(160, [(72, "1."), (108, "CALL TO ORDER")], bold: true),
        ])
        XCTAssertEqual(c.meeting.title, "PLANNING COMMISSION REGULAR MEETING")
        XCTAssertEqual(c.meeting.organisation, "PLANNING COMMISSION")

        c = classified([
            line(60, [(150, "TB (7)1.ii"), (300, "Transparency Board Action Log")], bold: true),
            line(90, [(72, "Ref"), (120, "Action"), (400, "Owner")], bold: true),
        ])
        XCTAssertEqual(c.meeting.title, "Transparency Board Action Log")

        c = classified([
            line(150, [(15, "BETTY BRYANT-BROWN"), (505, "DISTRICT MANAGER")]),
            line(162, [(46, "CHAIRPERSON"), (281, "MINUTES")]),
            line(175, [(267, "October 30, 2019")]),
        ])
        XCTAssertEqual(c.meeting.chair, "Betty Bryant-Brown")
    }

    /// The next meeting comes after this one; "Future Board meetings:" lists them below.
    func testNextMeetingIsAfterThisOne() {
        let c = classified([
            line(60, [(72, "BOARD MEETING")], bold: true),
            line(80, [(72, "Date:"), (150, "11 September 2012")]),
            line(110, [(72, "1."), (108, "Minutes of the last meeting")], bold: true),
            line(125, [(108, "The minutes of the meeting of 11 September 2012 were held over to the next meeting on 11 September 2012.")]),
            line(150, [(108, "Future Board meetings:")], bold: true),
            line(165, [(130, "26th November")]),
            line(180, [(130, "19th December")]),
        ])
        XCTAssertEqual(c.meeting.date, "2012-09-11")
        XCTAssertEqual(c.nextMeeting?.date, "2012-11-26")
    }

    /// Action logs name the owner as the sentence's subject, often a team.
    func testOwnerIsTheSubjectOfTheAction() {
        XCTAssertEqual(ActionText.ownerSubject("Cabinet Office Transparency Team to work with the Home Office"), "Cabinet Office Transparency Team")
        XCTAssertEqual(ActionText.ownerSubject("Home Office team to share the site analytics"), "Home Office team")
        XCTAssertEqual(ActionText.ownerSubject("JN/AC to investigate feasibility"), "JN/AC")
        XCTAssertNil(ActionText.ownerSubject("It was agreed to defer the item"))
        XCTAssertEqual(DateParsing.first(in: "Mar-2011")?.iso, "2011-03")
    }

    /// An action log with no header row: statuses far right, leads named in group headings.
    func testHeaderlessActionLogWithStatuses() {
        let lines = [
            line(100, [(36, "ODUG Action Log – 14 May 2013")], bold: true),
            line(140, [(36, "Secretariat")], bold: true),
            line(152, [(36, "Circulate minutes and actions from thirteenth meeting"), (400, "New")]),
            line(164, [(36, "Publish note and actions from the meeting on the website"), (400, "New")]),
            line(190, [(36, "National Address Dataset – Lead HS/BB")], bold: true),
            line(202, [(36, "Survey of twenty small firms on use of National Address Data"), (400, "Carried")]),
            line(214, [(400, "forward")]),
            line(226, [(36, "Investigate through conversations with local authorities where they"), (400, "New")]),
            line(238, [(36, "are trying to use the data, but having difficulties")]),
            line(264, [(36, "Local Government data – Lead GS")], bold: true),
            line(276, [(36, "GS and JT to meet the Transparency Team about data requests"), (400, "Completed")]),
        ]
        let widths = [1: 595.0]
        guard let region = StatusLog.detect(lines, widths: widths) else { return XCTFail("no log found") }
        XCTAssertEqual(region.range, 1..<11, "the log starts at its first group heading, not the title")
        let actions = StatusLog.read(lines[region.range], statusX: region.statusX)
        XCTAssertEqual(actions.map(\.description), [
            "Circulate minutes and actions from thirteenth meeting",
            "Publish note and actions from the meeting on the website",
            "Survey of twenty small firms on use of National Address Data",
            "Investigate through conversations with local authorities where they are trying to use the data, but having difficulties",
            "GS and JT to meet the Transparency Team about data requests",
        ])
        XCTAssertEqual(actions.map(\.owners), [[], [], ["HS/BB"], ["HS/BB"], ["GS"]])
        XCTAssertEqual(actions.map(\.status), ["New", "New", "Carried forward", "New", "Completed"])
    }

    /// Apologies given in an item's sentence; a heading that names only the council.
    func testApologiesInASentenceAndTheCouncilAsTitle() {
        let c = classified([
            line(60, [(200, "MANORDEILO & SALEM COMMUNITY COUNCIL")], bold: true),
            line(75, [(230, "MEETING 9th MAY 2018")], bold: true),
            line(110, [(72, "PRESENT")], bold: true),
            line(125, [(72, "Councillors Alun Davies, Kim Davies, Peter Harries and Doris Jones.")]),
            line(150, [(72, "1. WELCOME AND APOLOGIES")], bold: true),
            line(165, [(72, "In Cllr. G. Evans' absence Vice Chairperson Alun Davies took the Chair. Everyone was")]),
            line(177, [(72, "welcomed to the meeting and apologies received from Councillors Arwel Davies, Gwenfil Evans, Dorian Jenkins")]),
            line(189, [(72, "and William Loynton. The Chair thanked everyone.")]),
        ])
        XCTAssertEqual(c.apologies.map(\.name), ["Arwel Davies", "Gwenfil Evans", "Dorian Jenkins", "William Loynton"])
        XCTAssertEqual(c.meeting.title, "MANORDEILO & SALEM COMMUNITY COUNCIL")
        XCTAssertEqual(c.meeting.date, "2018-05-09")
    }

    /// People lists as entries of a bulleted outline (Chicago SSA #21): the list under
    /// "o Commissioners Absent:" ends at the outer bullet below it, whose "9:08am" once read
    /// as a label; two names beside a label are two people; each person points at the line
    /// that prints the name.
    func testPeopleListsInABulletedOutline() {
        let c = classified([
            line(124, [(72, "Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board")]),
            line(135, [(90, "\u{F0B7}"), (108, "Perfunctory Business")]),
            line(150, [(126, "o"), (144, "Commissioners Present: Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,")]),
            line(165, [(144, "Ben Munro, Todd Feinberg")]),
            line(204, [(126, "o"), (144, "Commissioners Absent: Shelley Young, Pat Bader")]),
            line(216, [(90, "\u{F0B7}"), (108, "Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)")]),
            line(230, [(90, "\u{F0B7}"), (108, "Todd Feinberg welcomed to SSA Commission")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Anthony Qaiyum", "Zach Maiorca", "Melaina Prest", "Chris Dallas", "Ben Munro", "Todd Feinberg"])
        XCTAssertEqual(c.apologies.map(\.name), ["Shelley Young", "Pat Bader"])
        XCTAssertEqual(c.attendees.map { $0.box?[1] }, [150, 150, 150, 150, 165, 165])
        XCTAssertEqual(c.apologies.map { $0.box?[1] }, [204, 204])
    }

    /// A semicolon typed for the label's colon, and a running list wrapped back to the
    /// margin mid-name (Friends of Halesworth Library); initials lengthened to tell two
    /// colleagues apart ("AHol", "AHop").
    func testSemicolonLabelAndAListWrappedMidName() {
        let c = classified([
            line(57, [(105, "Minutes of Trustees of The Friends of Halesworth County Library")], bold: true),
            line(75, [(224, "Meeting of 5th May 2015")], bold: true),
            line(111, [(57, "Present; David Thomas (DT), Sheila Freeman (SF), Alan Holzer (AHol), Evelyn")]),
            line(127, [(57, "Lindqvist (EL), Alison Hopkins (AHop), Arlene Roberts (AR), Andy Payne, Alison")]),
            line(142, [(57, "Britton (AB), Mike Stephens (MS)")]),
            line(173, [(57, "Apologies; Tamsyn Imison")]),
            line(204, [(57, "1. Welcome and Chairmans opening remarks")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["David Thomas", "Sheila Freeman", "Alan Holzer", "Evelyn Lindqvist",
                                                 "Alison Hopkins", "Arlene Roberts", "Andy Payne", "Alison Britton", "Mike Stephens"])
        XCTAssertEqual(c.attendees.map(\.initials), ["DT", "SF", "AHol", "EL", "AHop", "AR", nil, "AB", "MS"])
        XCTAssertEqual(c.apologies.map(\.name), ["Tamsyn Imison"])
    }

    /// Welsh community council minutes: the body's name, a date with an ordinal ending,
    /// "PRESENNOL" over a list ending "a'r Cynghorydd Sir …", apologies in a sentence.
    func testWelshMinutes() {
        let c = classified([
            line(86, [(198, "CYNGOR CYMUNED MANORDEILO A SALEM")], bold: true),
            line(100, [(245, "CYFARFOD 9fed MAI 2018")], bold: true),
            line(169, [(57, "PRESENNOL")], bold: true),
            line(182, [(57, "Cynghorwyr Alun Davies, Kim Davies, Peter Harries, Owen Williams a’r")]),
            line(196, [(57, "Cynghorydd Sir Joseph Davies.")]),
            line(251, [(57, "1. CROESO AC YMDDIHEURIADAU")], bold: true),
            line(293, [(57, "Croesawyd pawb i’r cyfarfod a derbyniwyd ymddiheuriadau gan y Cynghorwyr Arwel Davies, Gwenfil Evans,")]),
            line(306, [(57, "Dorian Jenkins a William Loynton.")]),
        ])
        XCTAssertEqual(c.meeting.date, "2018-05-09")
        XCTAssertEqual(c.meeting.title, "CYNGOR CYMUNED MANORDEILO A SALEM")
        XCTAssertEqual(c.attendees.map(\.name), ["Alun Davies", "Kim Davies", "Peter Harries", "Owen Williams", "Joseph Davies"])
        XCTAssertEqual(c.apologies.map(\.name), ["Arwel Davies", "Gwenfil Evans", "Dorian Jenkins", "William Loynton"])
    }

    /// Grids of people: initials pushed onto a row of their own under narrow cells, two
    /// people in one overflowing cell (Horsley), "Name – Body" cells side by side ended by
    /// a heading with a colon (Kent treasury group).
    func testPeopleGridsWithWrappedCells() {
        let c = classified([
            line(215, [(90, "Present:")], bold: true),
            line(230, [(90, "Charlie Ralph (CR)"), (195, "Patricia Rowan (PR) Chris Sane (CS)")]),
            line(275, [(90, "Apologies:")], bold: true),
            line(306, [(90, "Alistair Thompson"), (195, "Karen Butt"), (301, "Bryn Howells (BH)"), (407, "Maxine Relton")]),
            line(320, [(90, "(AT)"), (195, "(KB)"), (407, "(MR)")]),
            line(336, [(90, "HNP = Horsley Neighbourhood Plan")]),
            line(360, [(90, "Attendance:")], bold: true),
            line(374, [(72, "Harry Rayner – MEM (Chair)"), (315, "James Graham – KCC")]),
            line(388, [(72, "Nick Buckland – KCC"), (315, "David Whelan – Link Group")]),
            line(416, [(72, "Discussion Summary:")], bold: true),
            line(444, [(90, "•"), (108, "Link Group presented the latest market expectations")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Charlie Ralph", "Patricia Rowan", "Chris Sane",
                                                 "Harry Rayner", "James Graham", "Nick Buckland", "David Whelan"])
        XCTAssertEqual(c.attendees.map(\.role), [nil, nil, nil, "MEM (Chair)", "KCC", "KCC", "Link Group"])
        XCTAssertEqual(c.apologies.map(\.name), ["Alistair Thompson", "Karen Butt", "Bryn Howells", "Maxine Relton"])
        XCTAssertEqual(c.apologies.map(\.initials), ["AT", "KB", "BH", "MR"])
    }

    /// A body's name as the label of a running list ("Panel: …"), wrapped where the next
    /// word would not fit, with "X and Y (Body)" and "(Officer) and" entries; a label's line
    /// broken mid-role ("ALSO PRESENT: …" over "Services.").
    func testRunningListsWrappedLikeParagraphs() {
        let c = classified([
            line(50, [(178, "Local Public Data Panel – Twenty-second Meeting")], bold: true),
            line(91, [(68, "Panel: Professor Sir Nigel Shadbolt (Chairman), Baroness Stowell (DCLG), Chris Taggart")]),
            line(102, [(68, "(Openlylocal.com), Roger Hampson (London Borough of Redbridge), Tim Allen (Visiting Professor)")]),
            line(114, [(68, "Other Attendees: Shehla Husain, Nick Bagshaw and Anthony Karabinas (DCLG)")]),
            line(126, [(68, "ALSO PRESENT: Sue Chandler, Cabinet Member for Integrated Children’s Education and Social")]),
            line(138, [(68, "Services.")]),
            line(150, [(68, "IN ATTENDANCE: Georgia Humphreys (Democratic Services Officer) and Ashlie Gash (Clerk)")]),
            line(190, [(68, "Welcome")], bold: true),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Nigel Shadbolt", "Baroness Stowell", "Chris Taggart", "Roger Hampson", "Tim Allen",
                                                 "Shehla Husain", "Nick Bagshaw", "Anthony Karabinas", "Sue Chandler",
                                                 "Georgia Humphreys", "Ashlie Gash"])
        XCTAssertEqual(c.attendees.first { $0.name == "Chris Taggart" }?.role, "Openlylocal.com")
        XCTAssertEqual(c.attendees.first { $0.name == "Anthony Karabinas" }?.role, "DCLG")
        XCTAssertEqual(c.attendees.first { $0.name == "Sue Chandler" }?.role, "Cabinet Member for Integrated Children’s Education and Social Services")
        XCTAssertNil(c.meeting.title.flatMap { $0.contains("Shadbolt") ? $0 : nil })
    }

    /// A scanned letterhead: the chair's name over the office alone in a sidebar, and the
    /// date's superscript "th" read by OCR as a quote mark.
    func testLetterheadChairAloneAndAnOCRdOrdinal() {
        let c = classified([
            line(40, [(153, "BRONX COMMUNITY BOARD #1")], bold: true),
            line(133, [(19, "VANESSA L. GIBSON"), (474, "ANTHONY R. JORDAN")]),
            line(148, [(26, "BOROUGH PRESIDENT"), (491, "DISTRICT MANAGER")]),
            line(164, [(13, "CLARISA M. ALAYETO")], bold: true),
            line(179, [(42, "CHAIRPERSON")]),
            line(188, [(224, "General Board Meeting Minutes")], bold: true),
            line(210, [(266, "April 25‘, 2024")]),
            line(256, [(68, "Disability services and education.")]),
        ])
        XCTAssertEqual(c.meeting.chair, "Clarisa M. Alayeto")
        XCTAssertEqual(c.meeting.date, "2024-04-25")
    }

    /// The time and place told in the opening sentence when no heading or label gives them.
    func testTimeAndPlaceFromTheOpeningSentence() {
        let c = classified([
            line(60, [(200, "MANORDEILO & SALEM COMMUNITY COUNCIL")], bold: true),
            line(75, [(230, "MEETING 9th MAY 2018")], bold: true),
            line(100, [(57, "Manordeilo and Salem Community Council held their meeting at 7.00pm on the 9th May 2018 at the Reading")]),
            line(112, [(57, "Room, Cwmifor.")]),
            line(150, [(57, "1. WELCOME AND APOLOGIES")], bold: true),
        ])
        XCTAssertEqual(c.meeting.startTime, "19:00")
        XCTAssertEqual(c.meeting.venue, "Reading Room, Cwmifor")
        let kent = classified([
            line(72, [(137, "CORPORATE PARENTING PANEL – 10th December 2024")], bold: true),
            line(95, [(83, "MINUTES of the meeting held in the Darent Room, Sessions House, County")], bold: true),
            line(110, [(252, "Hall, Maidstone.")], bold: true),
            line(156, [(72, "PRESENT: Shellina Prendergast (Chair), Paul Bartlett (Vice-Chair), David Brazier")]),
        ])
        XCTAssertEqual(kent.meeting.venue, "Darent Room, Sessions House, County Hall, Maidstone")
        XCTAssertEqual(Venues.inSentence("MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, Maidstone on Thursday, "),
                       "Council Chamber, Sessions House, Maidstone")
    }

    /// A parish council: surnames after a plural title, a headcount of the public that is
    /// no one's name, apologies "received and accepted from" in an item's sentence.
    func testParishListsWithSurnamesAndAHeadcount() {
        let c = classified([
            line(60, [(200, "BRAMPTON PARISH COUNCIL")], bold: true),
            line(75, [(150, "Minutes of the Parish Council Meeting held on Tuesday 3rd March 2020 at 7.30pm")], bold: true),
            line(100, [(72, "Present: Cllrs Smith (Chair), Jones, Brown and Green")]),
            line(115, [(72, "In attendance: Mrs A Walker (Clerk to the Council), 2 members of the public")]),
            line(160, [(72, "20/01 Apologies for absence")], bold: true),
            line(175, [(72, "Apologies were received and accepted from Cllr White and Cllr Black.")]),
            line(200, [(72, "20/02 Declarations of interest")], bold: true),
            line(215, [(72, "None.")]),
        ])
        XCTAssertEqual(c.attendees.map(\.name), ["Smith", "Jones", "Brown", "Green", "A Walker"])
        XCTAssertEqual(c.apologies.map(\.name), ["White", "Black"])
        XCTAssertEqual(c.meeting.startTime, "19:30")
    }

    /// An NHS board: people in a name | title table, items numbered "BD/20/45", a title
    /// that says how the meeting was held.
    func testBoardReferencesWithAPrefixAndYear() {
        let c = classified([
            line(50, [(150, "Northshire Healthcare NHS Foundation Trust")], bold: true),
            line(65, [(150, "Minutes of the Board of Directors meeting held in public")], bold: true),
            line(80, [(150, "Thursday 14 May 2020, 10:00 – 12:30, via Microsoft Teams")]),
            line(105, [(72, "Present:")], bold: true),
            line(120, [(72, "Prof Jane Doe"), (250, "Chair")]),
            line(135, [(72, "Dr Amy Lee"), (250, "Medical Director (virtual)")]),
            line(160, [(72, "Apologies:")], bold: true),
            line(175, [(72, "Mr Tom Ford"), (250, "Non-Executive Director")]),
            line(205, [(72, "BD/20/45"), (150, "Welcome and apologies")], bold: true),
            line(220, [(150, "The Chair welcomed everyone to the meeting.")]),
            line(245, [(72, "BD/20/46"), (150, "Declarations of interest")], bold: true),
            line(270, [(72, "BD/20/47"), (150, "Chief Executive's report")], bold: true),
        ])
        XCTAssertEqual(c.meeting.title, "Board of Directors meeting")
        XCTAssertEqual(c.attendees.map(\.name), ["Jane Doe", "Amy Lee"])
        XCTAssertEqual(c.apologies.map(\.name), ["Tom Ford"])
        XCTAssertEqual(c.items.map { "\($0.number ?? "-") \($0.title ?? "-")" },
                       ["BD/20/45 Welcome and apologies", "BD/20/46 Declarations of interest", "BD/20/47 Chief Executive's report"])
    }

    /// A governing body: date, time and venue labelled along one line; "(apologies
    /// accepted)" is a note, not a role; a deadline written into an inline action.
    func testLabelsAlongOneLineAndADeadlineInTheText() {
        let c = classified([
            line(50, [(150, "St Mary's Primary School")], bold: true),
            line(65, [(150, "Full Governing Body Meeting")], bold: true),
            line(80, [(150, "Date: 12 October 2021"), (300, "Time: 6.00pm"), (400, "Venue: School Library")]),
            line(105, [(72, "Governors present: Mrs J Brown (Chair), Mr P Green (Headteacher), Ms L White")]),
            line(120, [(72, "Absent: Mr T Grey (apologies accepted)")]),
            line(150, [(72, "1."), (100, "Headteacher's report")], bold: true),
            line(165, [(100, "ACTION: PG to circulate the SEF to all governors by 30 November 2021.")]),
        ])
        XCTAssertEqual(c.meeting.date, "2021-10-12")
        XCTAssertEqual(c.meeting.startTime, "18:00")
        XCTAssertEqual(c.meeting.venue, "School Library")
        XCTAssertEqual(c.attendees.map(\.name), ["J Brown", "P Green", "L White"])
        XCTAssertEqual(c.apologies.map(\.name), ["T Grey"])
        XCTAssertNil(c.apologies.first?.role)
        XCTAssertEqual(c.actions.map(\.owners), [["PG"]])
        XCTAssertEqual(ResolveOwners.deadline(in: "PG to circulate the SEF to all governors by 30 November 2021.", order: .dayFirst), "30 November 2021")
        XCTAssertEqual(ResolveOwners.deadline(in: "Clerk to report back by the next meeting", order: .dayFirst), "next meeting")
        XCTAssertNil(ResolveOwners.deadline(in: "Agreed by all members present", order: .dayFirst))
    }

    /// A US city council: surnames after "Councilmembers Present:", a civic title before a
    /// surname ("Mayor Lee"), offices before full names ("City Manager Tom Hill").
    func testCouncilmembersBySurnameAndStaffByOffice() {
        let c = ClassifySections.read([
            line(50, [(200, "CITY OF SPRINGFIELD")], bold: true),
            line(65, [(180, "CITY COUNCIL REGULAR MEETING MINUTES")], bold: true),
            line(80, [(200, "February 13, 2024 – 6:00 PM")]),
            line(120, [(72, "1."), (100, "CALL TO ORDER AND ROLL CALL")], bold: true),
            line(150, [(100, "Councilmembers Present: Adams, Baker, Chen, Mayor Lee")]),
            line(165, [(100, "Councilmembers Absent: Davis")]),
            line(180, [(100, "Staff Present: City Manager Tom Hill, City Clerk Ann Ross")]),
            line(205, [(72, "2."), (100, "CONSENT CALENDAR")], bold: true),
        ], order: .monthFirst).found
        XCTAssertEqual(c.attendees.map(\.name), ["Adams", "Baker", "Chen", "Lee", "Tom Hill", "Ann Ross"])
        XCTAssertEqual(c.attendees.map(\.role), [nil, nil, nil, "Mayor", "City Manager", "City Clerk"])
        XCTAssertEqual(c.apologies.map(\.name), ["Davis"])
        XCTAssertEqual(c.meeting.date, "2024-02-13")
    }

    /// The byte-level test of a clean word (every text-layer word passes it) agrees with
    /// the scalar one it short-cuts, and both with what a clean word is.
    func testCleanWordByBytesAgreesWithTheScalarTest() {
        let cases: [(String, Bool)] = [
            ("meeting", true), ("27th", true), ("4a", true), ("don't", true), ("e.g.", true), ("1,234.56", true),
            ("(Minutes)", true), ("12/2023", true), ("6',8", false), ("/398+74,8.+2", false), ("AB12CD", false),
            ("--", false), ("a--b", false), ("x+y", false), ("", false), ("café", true), ("naïve–ly", true),
        ]
        for (word, clean) in cases {
            XCTAssertEqual(TextLayerQuality.isCleanWord(word), clean, word)
            let bytes = Array(word.utf8)
            if bytes.allSatisfy({ $0 < 0x80 }) {
                XCTAssertEqual(bytes.withUnsafeBufferPointer(TextLayerQuality.isCleanASCIIWord), clean, word)
            }
        }
    }
}
