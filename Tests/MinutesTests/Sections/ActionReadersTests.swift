import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// Actions however minutes write them, on lines and sentences built by hand: prose owners,
/// closing markers, labelled forms with their fields, owners in brackets.
final class ActionReadersTests: XCTestCase {
    func line(_ y: Double, _ cells: [(Double, String)], bold: Bool = false, page: Int = 1) -> Line {
        makeLine(page: page, y: y, cells, bold: bold)
    }

    func read(_ lines: [Line]) -> SectionFindings { ClassifySections.read(lines).found }

    let nobody = ActionSentences.People()

    /// An owner, then "to": offices, initials, titles with names, an "Action" label without a colon.
    func testOwnerThenTo() {
        XCTAssertEqual(ActionSentences.action("Clerk to ask the county council for a timetable.", people: nobody)?.owner, "Clerk")
        XCTAssertEqual(ActionSentences.action("RB/TW to then obtain two quotes.", people: nobody)?.owner, "RB/TW")
        XCTAssertEqual(ActionSentences.action("Cllr. Okafor to draft the newsletter", people: nobody)?.owner, "Cllr. Okafor")
        XCTAssertEqual(ActionSentences.action("Garden Club members to water the tubs", people: nobody)?.owner, "Garden Club members")
        let labelled = ActionSentences.action("Action Treasurer to renew the insurance policy", people: nobody)
        XCTAssertEqual(labelled?.owner, "Treasurer")
        XCTAssertEqual(labelled?.sentence, "Treasurer to renew the insurance policy")
        // Not owners: a decision, a pronoun, a noun before "to".
        XCTAssertNil(ActionSentences.action("Agreed to move the funds into the reserve account.", people: nobody))
        XCTAssertNil(ActionSentences.action("It was decided to defer the grant until May.", people: nobody))
        XCTAssertNil(ActionSentences.action("Changes to the car park were discussed at length.", people: nobody))
        XCTAssertNil(ActionSentences.action("Members to note the report.", people: nobody))
    }

    /// Requests, agreements that name an owner, and an owner's closing clause.
    func testRequestsAgreementsAndClauses() {
        XCTAssertEqual(ActionSentences.action("The clerk was asked to write to the bus company.", people: nobody)?.owner, "clerk")
        XCTAssertEqual(ActionSentences.action("Staff was directed to bring back a revised fee schedule.", people: nobody)?.owner, "Staff")
        XCTAssertEqual(ActionSentences.action("The City Treasurer was directed to audit the culvert fund.", people: nobody)?.owner, "City Treasurer")
        XCTAssertEqual(ActionSentences.action("It was agreed that the Secretary would book the hall.", people: nobody)?.owner, "Secretary")
        XCTAssertEqual(ActionSentences.action("RESOLVED that the Clerk write to the landowner.", people: nobody)?.owner, "Clerk")
        XCTAssertEqual(ActionSentences.action("The members favoured resurfacing soon, Councillor Amis to order gravel.", people: nobody)?.owner,
                       "Councillor Amis")
        XCTAssertEqual(ActionSentences.action("Secretary inform the bowls club of this.", people: nobody)?.owner, "Secretary")
        // Consent in prose is no task; nor is a clause naming nobody.
        XCTAssertNil(ActionSentences.action("Cllr Amis agreed to sign the declaration at the first opportunity.", people: nobody))
        XCTAssertNil(ActionSentences.action("The grant was spent, from January to March.", people: nobody))
    }

    /// Closing markers name the owner; a first name counts as an owner when it is the meeting's.
    func testClosingMarkersAndPeopleNames() {
        let people = ActionSentences.People([Person(name: "Priya Lund"), Person(name: "Ewan Cole")])
        let found = ActionSentences.actions(in: "Is the oak ours? Check the deeds, action Ewan. The gutters were cleared.", people: people)
        XCTAssertEqual(found.map(\.sentence), ["Check the deeds, action Ewan."])
        XCTAssertEqual(found.map(\.owner), ["Ewan"])
        XCTAssertEqual(ActionSentences.action("Boiler service not booked yet, c/f action Priya.", people: people)?.owner, "Priya")
        XCTAssertEqual(ActionSentences.action("No date yet for the survey, Priya to keep chasing.", people: people)?.owner, "Priya")
        XCTAssertNil(ActionSentences.action("No date yet for the survey, Morgan to keep chasing.", people: people))
    }

    /// Sentences split at full stops, not after a title or an initial.
    func testSentences() {
        XCTAssertEqual(ActionSentences.sentences(in: "Cllr. Okafor spoke. J. Smith to reply. Done").map(\.text),
                       ["Cllr. Okafor spoke.", "J. Smith to reply.", "Done"])
    }

    /// A prose action wrapping over lines is one action, its whole sentence, and under its item.
    func testProseActionOverLines() {
        let c = read([
            line(100, [(72, "4."), (100, "Footpaths")], bold: true),
            line(115, [(100, "The stile on the bridleway is broken again. Clerk to ask the county council")]),
            line(127, [(100, "to repair it before the spring walks. The hedges were cut.")]),
        ])
        XCTAssertEqual(c.proseActions.map(\.description), ["Clerk to ask the county council to repair it before the spring walks."])
        XCTAssertEqual(c.proseActions.map(\.owners), [["Clerk"]])
        XCTAssertTrue(c.actions.isEmpty, "a prose action is kept apart from labelled ones")
    }

    /// "Action 3: … / Due: September": the field lines belong to the action above.
    func testLabelledActionWithFieldLines() {
        let c = read([
            line(100, [(72, "2."), (100, "Website")], bold: true),
            line(115, [(100, "Action 3: refresh the photographs on the home page")]),
            line(127, [(100, "Due: September")]),
            line(139, [(100, "Owner: Web team")]),
        ])
        XCTAssertEqual(c.actions.map(\.description), ["refresh the photographs on the home page"])
        XCTAssertEqual(c.actions.first?.dueText, "September")
        XCTAssertEqual(c.actions.first?.owners, ["Web team"])
    }

    /// An owner in brackets closing the action, before the sentence's own subject.
    func testBracketedOwner() {
        XCTAssertEqual(ActionText.bracketedOwner("Forum to publish the survey results (Hana Ruiz)."), "Hana Ruiz")
        XCTAssertEqual(ActionText.bracketedOwner("Book the room (Secretariat to send invitations: Ann, Bo)."), "Secretariat")
        XCTAssertEqual(ActionText.bracketedOwner("Share the paper (Board and Hana Ruiz)"), "Board and Hana Ruiz")
        XCTAssertNil(ActionText.bracketedOwner("Ask about the grant from the research council (ESRC)."))
        XCTAssertNil(ActionText.bracketedOwner("Circulate the plan (see annex)."))
        let c = read([line(115, [(100, "Action: Forum to publish the survey results (Hana Ruiz).")])])
        XCTAssertEqual(c.actions.first?.owners, ["Hana Ruiz"])
    }

    /// A deadline with no year takes the meeting's; the bare month too.
    func testDeadlineYearFromTheMeeting() {
        XCTAssertEqual(ResolveOwners.deadline(in: "Members to send comments by NOON 4th June for the report", order: .dayFirst,
                                              reference: "2020-05-01"), "NOON 4th June")
        XCTAssertEqual(DateParsing.first(in: "4th June", order: .dayFirst, reference: "2020-05-01")?.iso, "2020-06-04")
    }

    /// Numbered "Name - task" lines under an "Action List" heading: the owner, the task, the number as ref.
    func testActionListWithOwnerDashes() {
        let c = read([
            line(100, [(72, "Action List")], bold: true),
            line(120, [(80, "1."), (100, "Ravi - book the minibus for the trip")]),
            line(140, [(80, "2."), (100, "Lena + other - buy prizes for the quiz")]),
        ])
        XCTAssertEqual(c.actions.map(\.description), ["book the minibus for the trip", "buy prizes for the quiz"])
        XCTAssertEqual(c.actions.map(\.owners), [["Ravi"], ["Lena + other"]])
        XCTAssertEqual(c.actions.map(\.ref), ["1", "2"])
        XCTAssertEqual(ResolveOwners.splitOwners("Lena + other"), ["Lena", "other"])
    }

    /// "ACTION MW: Submit the form" after a bullet: the initials between label and colon own it.
    func testLabelWithOwnerInitials() {
        let c = read([
            line(100, [(72, "3."), (100, "Events")], bold: true),
            line(120, [(90, "○"), (105, "ACTION TQ: Send the risk form to the union")]),
        ])
        XCTAssertEqual(c.actions.map(\.description), ["Send the risk form to the union"])
        XCTAssertEqual(c.actions.map(\.owners), [["TQ"]])
    }

    /// A right-hand column whose entry wraps over lines and is itself the action; a name in
    /// the column points to the sentence that names them.
    func testMarginEntriesThatWrapOrName() throws {
        var doc = WorkingDocument(input: try InputDocument(fileName: "t.pdf", data: Data("%PDF-1.4".utf8)), options: PipelineOptions())
        doc.pages = [Page(number: 1, width: 595, height: 842, words: [])]
        doc.lines = [
            line(100, [(40, "Ref."), (80, "Detail"), (480, "Action")], bold: true),
            line(130, [(40, "5"), (80, "Boundaries – the deeds were found in the county archive.")]),
            line(160, [(480, "Clerk to")]),
            line(171, [(80, "The deeds may settle the title questions at the land registry"), (480, "add to PC")]),
            line(182, [(80, "and show any covenants on the site."), (480, "agenda")]),
            line(220, [(480, "Cllr. Moss")]),
            line(240, [(40, "6"), (80, "There was a long discussion of the survey and its timing.")]),
            line(251, [(80, "Cllr Moss and the clerk met. Cllr Moss agreed to draft it.")]),
        ]
        try RepairTables().run(&doc)
        XCTAssertEqual(doc.tableActions.map(\.description), ["Clerk to add to PC agenda",
                                                              "Cllr Moss agreed to draft it."])
        XCTAssertEqual(doc.tableActions.map(\.owners), [["Clerk"], ["Cllr. Moss"]])
    }
}

extension ActionReadersTests {
    /// A month with no year just before the meeting's is overdue this year, not due next year.
    func testOverdueMonthStaysInTheMeetingYear() {
        XCTAssertEqual(ResolveOwners.overdueInMeetingYear("2022-06", meeting: "2021-07-19"), "2021-06")
        XCTAssertEqual(ResolveOwners.overdueInMeetingYear("2022-01", meeting: "2021-11-02"), "2022-01")
        XCTAssertEqual(ResolveOwners.overdueInMeetingYear("2021-09", meeting: "2021-07-19"), "2021-09")
    }
}
