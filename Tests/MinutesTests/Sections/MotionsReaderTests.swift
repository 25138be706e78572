import MinutesModel
@testable import MinutesPipeline
import PageLayout
import XCTest

/// The motions reader on text of our own invention, one test per family of wording.
final class MotionsReaderTests: XCTestCase {
    /// Each text a line 14 pt below the last, at the left margin (an item number's own cell).
    func read(_ texts: [String]) -> SectionFindings {
        var lines: [Line] = []
        var y = 100.0
        for t in texts {
            if let r = t.range(of: #"^\d+\.\s"#, options: .regularExpression) {
                lines.append(makeLine(y: y, [(72, String(t[r]).trimmingCharacters(in: .whitespaces)), (100, String(t[r.upperBound...]))], bold: true))
            } else {
                lines.append(makeLine(y: y, [(72, t)]))
            }
            y += 14
        }
        return ClassifySections.read(lines).found
    }

    func testMotionBySecondedByCarriedWithTally() {
        let f = read([
            "1. Consent agenda",
            "Motion by Councilmember Adeyemi, seconded by Councilmember Park, to approve the consent",
            "agenda as amended. Motion carried 5-0.",
        ])
        XCTAssertEqual(f.motions.count, 1)
        let m = f.motions[0]
        XCTAssertEqual(m.text, "to approve the consent agenda as amended")
        XCTAssertEqual(m.mover, "Councilmember Adeyemi")
        XCTAssertEqual(m.seconder, "Councilmember Park")
        XCTAssertEqual(m.result, .carried)
        XCTAssertEqual(m.votesFor, 5)
        XCTAssertEqual(m.votesAgainst, 0)
        XCTAssertEqual(m.item, "1")
    }

    /// "Proposed: A, Seconded: B." with the vote in the same line, counts written word first.
    func testLabelledProposerSeconderWithWordFirstCounts() {
        let f = read([
            "3. Kit budget",
            "Motion: to spend £120 on new boards. Proposed: Hana, Seconded: Cllr. Omar Reed. For 5, against 2,",
            "abstentions 0. Carried.",
        ])
        XCTAssertEqual(f.motions.count, 1)
        let m = f.motions[0]
        XCTAssertEqual(m.mover, "Hana")
        XCTAssertEqual(m.seconder, "Cllr. Omar Reed")
        XCTAssertEqual(m.result, .carried)
        XCTAssertEqual([m.votesFor, m.votesAgainst, m.abstentions], [5, 2, 0], "\(m.text) | \(f.motions.count)")
        XCTAssertNil(MotionOutcome.read("The grant was approved for 2 years.").votesFor, "a lone 'for 2' is no count")
        let o = MotionOutcome.read("For 5, against 2, abstentions 0. Carried.")
        XCTAssertEqual([o.votesFor, o.votesAgainst, o.abstentions], [5, 2, 0])
    }

    func testItWasMovedAndSecondedThatCarried() {
        let f = read([
            "4. Allotments",
            "It was moved by Cllr Harding and seconded by Cllr Moss that the allotment rents remain",
            "unchanged for 2026. CARRIED",
        ])
        XCTAssertEqual(f.motions.map(\.text), ["that the allotment rents remain unchanged for 2026"])
        XCTAssertEqual(f.motions.first?.mover, "Cllr Harding")
        XCTAssertEqual(f.motions.first?.seconder, "Cllr Moss")
        XCTAssertEqual(f.motions.first?.result, .carried)
    }

    func testProposedSecondedLabelsUnderTheResolution() {
        let f = read([
            "6. Grass cutting contract",
            "That the grass cutting contract be awarded to Greenway Ltd for three years.",
            "Proposed: Cllr Bright, Seconded: Cllr Okafor",
            "Carried unanimously",
        ])
        XCTAssertEqual(f.motions.count, 1)
        XCTAssertEqual(f.motions.first?.text, "That the grass cutting contract be awarded to Greenway Ltd for three years")
        XCTAssertEqual(f.motions.first?.mover, "Cllr Bright")
        XCTAssertEqual(f.motions.first?.seconder, "Cllr Okafor")
        XCTAssertEqual(f.motions.first?.result, .carried)
        XCTAssertEqual(f.motions.first?.unanimous, true)
        XCTAssertNil(f.motions.first?.votesFor)
    }

    func testGranicusBlock() {
        let f = read([
            "7. Resolution authorizing a lease of the depot",
            "RESULT: APPROVED [4 TO 1]",
            "MOVER: Dana Whitfield, Vice Mayor",
            "SECONDER: Omar Castillo, Councilmember",
            "AYES: Whitfield, Castillo, Lindqvist, Moreno",
            "NAYS: Baptiste",
        ])
        XCTAssertEqual(f.motions.count, 1)
        let m = f.motions[0]
        XCTAssertEqual(m.text, "Resolution authorizing a lease of the depot")
        XCTAssertEqual(m.mover, "Dana Whitfield, Vice Mayor")
        XCTAssertEqual(m.result, .carried)
        XCTAssertEqual(m.votesFor, 4)
        XCTAssertEqual(m.votesAgainst, 1)
        XCTAssertEqual(m.votes.filter { $0.vote == .no }.map(\.name), ["Baptiste"])
    }

    func testRollCallVote() {
        let f = read([
            "3. Budget",
            "Motion made by Trustee Alvarez, seconded by Trustee Brennan that the 2026 budget be adopted.",
            "Trustee Alvarez-yes   Trustee Brennan-yes   Trustee Cho-no   Mayor Dunmore-abstain",
            "Motion Passed",
        ])
        let m = f.motions.first
        XCTAssertEqual(m?.text, "that the 2026 budget be adopted")
        XCTAssertEqual(m?.result, .carried)
        XCTAssertEqual(m?.votesFor, 2)
        XCTAssertEqual(m?.votesAgainst, 1)
        XCTAssertEqual(m?.abstentions, 1)
        XCTAssertEqual(m?.votes.map(\.vote), [.yes, .yes, .no, .abstain])
    }

    func testCountsInBrackets() {
        let f = read([
            "8. Parking charges",
            "It was proposed by Cllr Jenner and seconded by Cllr Abbott to introduce evening charges.",
            "The motion was carried (6 for, 2 against, 1 abstention).",
        ])
        XCTAssertEqual(f.motions.first?.votesFor, 6)
        XCTAssertEqual(f.motions.first?.votesAgainst, 2)
        XCTAssertEqual(f.motions.first?.abstentions, 1)
        XCTAssertEqual(f.motions.first?.result, .carried)
    }

    func testFailedWithdrawnAndLost() {
        let f = read([
            "9. Signage",
            "Motion by Commissioner Reyes, seconded by Commissioner Hale, to remove the signs.",
            "The motion failed 2-3.",
            "Moved by Cllr Grant, seconded by Cllr Yusuf, to close the car park. Motion withdrawn.",
            "Proposed by Cllr Lowe, seconded by Cllr Perry, that the hedge be removed. On being put to",
            "the vote the motion was lost.",
        ])
        XCTAssertEqual(f.motions.map(\.result), [.failed, .withdrawn, .failed])
        XCTAssertEqual(f.motions.first?.votesFor, 2)
        XCTAssertEqual(f.motions.first?.votesAgainst, 3)
    }

    func testAMemberProposesAndAnotherSeconds() {
        let f = read([
            "12. Donations",
            "Cllr Whitby proposed a grant of £500 to the youth club; Cllr Marsh seconded the motion.",
            "Cllr Whitby withdrew his motion.",
        ])
        XCTAssertEqual(f.motions.count, 1)
        XCTAssertEqual(f.motions.first?.text, "a grant of £500 to the youth club")
        XCTAssertEqual(f.motions.first?.seconder, "Cllr Marsh")
        XCTAssertEqual(f.motions.first?.result, .withdrawn)
    }

    func testNamesInBracketsAfterTheOutcome() {
        let f = read([
            "Budget approved – K. Osei (motion), L. Varga (second)",
        ])
        XCTAssertEqual(f.motions.first?.text, "Budget approved")
        XCTAssertEqual(f.motions.first?.mover, "K. Osei")
        XCTAssertEqual(f.motions.first?.seconder, "L. Varga")
    }

    /// A decision the motion made is linked to it; prose with no motion gives none.
    func testDecisionLinkedToItsMotion() {
        let f = read([
            "2. Play area",
            "Proposed by Cllr Dean, seconded by Cllr Fox, RESOLVED that the play area be resurfaced.",
            "3. Correspondence",
            "The clerk read a letter from the library. Members noted it.",
        ])
        XCTAssertEqual(f.motions.count, 1)
        XCTAssertEqual(f.motions.first?.result, .carried)
        XCTAssertEqual(f.decisions.first?.item, "2")
        XCTAssertEqual(f.decisions.first?.motion, 0)
    }

    func testProseWithoutAMotion() {
        let f = read([
            "5. Highways",
            "The clerk reported that the road would be resurfaced in May. Members moved on to item 6.",
            "A resident proposed a new bench at the green, which will be considered in March.",
        ])
        XCTAssertEqual(f.motions, [])
    }

    /// "A moved, seconded by B, to …" with the result after a debate; "Motion to … was made by
    /// A, seconded by B" with a roll call; "Motion made to adjourn. Motion duly seconded."
    func testUSCouncilWordings() {
        let f = read([
            "15. New business",
            "Councilmember Ortega moved, seconded by Councilmember Nash, to approve first reading.",
            "Councilmember Pike asked about the funding of the sidewalk programme and the timing of the",
            "second reading. Staff explained the schedule of the works and the grants still expected.",
            "The Mayor thanked staff. After discussion, the motion carried unanimously.",
            "Motion to approve the bills as presented was made by Trustee Lund, seconded by Trustee Fry.",
            "The vote was taken: Trustee Lund — yes, Trustee Fry — yes, Trustee Kerr — no.",
            "Motion made to adjourn. Motion duly seconded. Motion called and passed.",
        ])
        XCTAssertEqual(f.motions.map(\.text), ["to approve first reading", "to approve the bills as presented", "to adjourn"])
        XCTAssertEqual(f.motions.map(\.mover), ["Councilmember Ortega", "Trustee Lund", nil])
        XCTAssertEqual(f.motions.map(\.result), [.carried, nil, .carried])
        XCTAssertEqual(f.motions[1].votes.count, 3)
        XCTAssertEqual(f.motions[1].votesFor, 2)
        XCTAssertEqual(f.motions[1].votesAgainst, 1)
    }

    /// An annual meeting's minutes before an ordinary meeting's: only the ordinary meeting's
    /// motions are read.
    func testAnnualMeetingBesideAnOrdinaryMeeting() {
        let f = read([
            "Minutes of the Annual General Meeting of the above Council held on 4 May 2026.",
            "401. Election of Chairman: Cllr Amos, proposed by Cllr Bell, seconded by Cllr Cole.",
            "Minutes of a meeting of the above Council held on 4 May 2026 at 7pm.",
            "1201. Grants",
            "It was proposed by Cllr Bell and seconded by Cllr Cole to award £200 to the scouts. Carried.",
        ])
        XCTAssertEqual(f.motions.map(\.text), ["to award £200 to the scouts"])
    }

    /// "Roll call vote: Ayes: …; Noes: …; Abstentions: …" names each vote.
    func testRollCallVoteWithLabelledLists() {
        let f = read([
            "5. Zoning",
            "It was moved by Cllr Ives and seconded by Cllr Ng that the application be refused.",
            "Roll call vote: Ayes: Ives, Ng and Oduya; Noes: Price; Abstentions: Quinn. Motion carried.",
        ])
        XCTAssertEqual(f.motions.first?.votes.map(\.name), ["Ives", "Ng", "Oduya", "Price", "Quinn"], "\(f.attendees.map(\.name))")
        XCTAssertEqual(f.motions.first?.votesFor, 3)
        XCTAssertEqual(f.motions.first?.votesAgainst, 1)
        XCTAssertEqual(f.motions.first?.abstentions, 1)
        XCTAssertEqual(f.motions.first?.result, .carried)
    }

    /// A quoted amendment with no full stop before the result: the result still ends the text.
    func testQuotedAmendmentThenTheMotionCarried() {
        let f = read([
            "4. Development code",
            "Councilmember Ruiz moved, seconded by Councilmember Tate, to amend Section 2 to now read “deliveries",
            "are allowed between 7:00 a.m. and 10:00 p.m.” The motion to amend carried unanimously.",
        ])
        XCTAssertEqual(f.motions.first?.text, "to amend Section 2 to now read “deliveries are allowed between 7:00 a.m. and 10:00 p.m.”")
        XCTAssertEqual(f.motions.first?.result, .carried)
        XCTAssertEqual(f.motions.first?.unanimous, true)
    }

    /// "Dana made a motion and asked for discussion … The motion was seconded by Raj and
    /// the motion passed.": the motion moves the sentence before it, and its seconder and
    /// result come after a debate. OCR's "•" for a lone "a" reads the same.
    func testBareMadeAMotionMovesTheSentenceBefore() {
        let f = read([
            "5. Garden committee",
            "Members discussed the spring planting. The committee will buy two new benches for the",
            "courtyard before April. Dana made • motion and asked if there was any discussion. Lee said",
            "the benches should be weatherproof and that the supplier used last year had been slow to",
            "deliver, so three quotes would be better than one, and asked the treasurer to check what",
            "the budget line had left after the winter repairs to the fence and the shed roof. The",
            "motion was seconded by Raj and the motion passed. He made a motion.",
        ])
        XCTAssertEqual(f.motions.count, 1, "\(f.motions.map(\.text))")
        let m = f.motions.first
        XCTAssertEqual(m?.text, "The committee will buy two new benches for the courtyard before April")
        XCTAssertEqual(m?.mover, "Dana")
        XCTAssertEqual(m?.seconder, "Raj")
        XCTAssertEqual(m?.result, .carried)
    }

    /// "Then Cllr Ames made the motion." names Cllr Ames, not "Then"; "made a motion to …" is
    /// another family, its text after the words.
    func testBareMotionSubjectAfterAnOpeningAdverb() {
        let f = read([
            "2. Parking",
            "The parish will ask the county for a 20 mph limit on Mill Lane. Then Cllr Ames made the",
            "motion. Carried unanimously.",
        ])
        XCTAssertEqual(f.motions.map(\.text), ["The parish will ask the county for a 20 mph limit on Mill Lane"])
        XCTAssertEqual(f.motions.first?.mover, "Cllr Ames")
        XCTAssertEqual(f.motions.first?.result, .carried)
    }

    /// "Commissioner A made a motion, seconded by Commissioner B, to …": the text follows the
    /// names, so the sentence before is not what was moved.
    func testMadeAMotionSecondedByThenTheText() {
        let f = read([
            "4. Election of officers",
            "Staff asked the commission to select a new chair. Commissioner Rosa Lind made a motion,",
            "seconded by Commissioner Oduya, to postpone the election to the next meeting. Motion carried 4-1.",
        ])
        XCTAssertEqual(f.motions.map(\.text), ["to postpone the election to the next meeting"])
        XCTAssertEqual(f.motions.first?.mover, "Commissioner Rosa Lind")
        XCTAssertEqual(f.motions.first?.seconder, "Commissioner Oduya")
        XCTAssertEqual(f.motions.first?.votesFor, 4)
    }
}
