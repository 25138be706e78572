import Foundation
import MinutesModel
import MinutesScoring
import XCTest

/// The scorer's parts against what Python's difflib and `score.py` give for the same input.
/// Every expected value below was printed by Python 3.11 (`difflib`, `score.py`'s own
/// functions), not by this code.
final class ScoringTests: XCTestCase {
    func ratio(_ a: String, _ b: String) -> Double {
        SequenceMatcher(Array(a.unicodeScalars), Array(b.unicodeScalars)).ratio()
    }

    func testSequenceMatcherRatioAndOpcodesAsDifflib() {
        XCTAssertEqual(ratio("abxcd", "abcd"), 0.8888888888888888)
        XCTAssertEqual(ratio("private Thread currentThread;", "private volatile Thread currentThread;"), 0.8656716417910447)
        XCTAssertEqual(ratio("aaaa", "aa"), 0.6666666666666666)
        XCTAssertEqual(ratio("abcabcabc", "cbacba"), 0.4)
        XCTAssertEqual(ratio("the chair", "chair the"), 0.5555555555555556)
        XCTAssertEqual(ratio("", "abc"), 0.0)
        XCTAssertEqual(ratio("", ""), 1.0)
        XCTAssertEqual(ratio("finance and resources committee", "resources and finance committee"), 0.6129032258064516)
        // Over 200 elements difflib's autojunk drops every popular character (ratio 0.0);
        // score.py turns it off.
        let a = String(repeating: "the quick brown fox jumps over the lazy dog ", count: 6)
        let b = String(repeating: "a quick brown dog jumps over the lazy fox ", count: 6)
        XCTAssertEqual(ratio(a, b), 0.8604651162790697)

        func ops(_ a: String, _ b: String) -> [String] {
            SequenceMatcher(Array(a), Array(b)).opcodes().map {
                "\($0.tag.rawValue) \($0.a.lowerBound) \($0.a.upperBound) \($0.b.lowerBound) \($0.b.upperBound)"
            }
        }
        XCTAssertEqual(ops("abcabcabc", "cbacba"),
                       ["insert 0 0 0 2", "equal 0 1 2 3", "insert 1 1 3 4", "equal 1 2 4 5", "delete 2 3 5 5",
                        "equal 3 4 5 6", "delete 4 9 6 6"])
        XCTAssertEqual(ops("qabxcd", "abycdf"),
                       ["delete 0 1 0 0", "equal 1 3 0 2", "replace 3 4 2 3", "equal 4 6 3 5", "insert 6 6 5 6"])
    }

    func testNormalisationAsPython() {
        func norm(_ s: String) -> String { Similarity.norm(s).description }
        XCTAssertEqual(norm("Ｆｕｌｌ ﬁnance – “Quoted” ’s"), "full finance quoted s")
        XCTAssertEqual(norm("ΟΔΟΣ ΣΑΣ Σ."), "οδος σας σ", "final sigma where a word ends, as Python's lower()")
        XCTAssertEqual(norm("snake_case / slash"), "snake_case / slash")
        XCTAssertEqual(norm("é e\u{301} Ångström"), "é é ångström")
        XCTAssertEqual(norm("1½ ² ٣"), "11 2 2 ٣", "NFKC's fraction slash is not a word character")
        XCTAssertEqual(norm("Straße İ"), "straße i", "the combining dot of İ's lower case is not \\w")
        XCTAssertEqual(norm("a\u{308}\u{323}b"), "ạ b")
        XCTAssertEqual(norm("  --  "), "")
        XCTAssertEqual(Similarity.norm(.int(3)).description, "3")
        XCTAssertEqual(Similarity.norm(JSONValue.null).description, "")
    }

    func testNamesWithoutHonorifics() {
        let cases: [(String, String, String)] = [
            ("Supt Dean Chapple", "dean chapple", "chapple"), ("Mayor", "mayor", "mayor"),
            ("Det Ch Insp Jo Bloggs", "jo bloggs", "bloggs"), ("Mr Mr", "mr", "mr"),
            ("Professor Sir Ian Smith", "ian smith", "smith"), ("Cllr. Mrs. J. Doe", "j doe", "doe"),
            ("the rt hon dame x y", "x y", "y"), ("Det Ch Insp", "ch insp", "insp"),
        ]
        for (name, bare, surname) in cases {
            XCTAssertEqual(Similarity.personName(.string(name)).description, bare, name)
            XCTAssertEqual(Similarity.surname(.string(name)).description, surname, name)
        }
    }

    func testMatchingAndWordMeasures() {
        // Equal scores: the pair with the higher truth index goes first, as Python's reverse sort.
        let m = Similarity.match(["a", "a"], ["a"], threshold: 0.5) { _, _ in 1.0 }
        XCTAssertEqual(m.map { [$0.i, $0.j] }, [[1, 0]])
        let m2 = Similarity.match(["a", "b"], ["a", "b"], threshold: 0.5) { _, _ in 0.9 }
        XCTAssertEqual(m2.map { [$0.i, $0.j] }, [[1, 1], [0, 0]])
        XCTAssertEqual(Similarity.actionSim(.string("AP to speak to Chelmsford regarding the CSH"),
                                            .string("Discussion held. AP to speak to Chelmsford regarding the CSH and report back to RH at the next meeting")), 1.0)
        XCTAssertEqual(Similarity.tokenSim(PyText("a b b c"), PyText("b c c d")), 0.5)
        XCTAssertEqual(Similarity.f1(2, 3, 4), 2 * (2.0 / 4) * (2.0 / 3) / (2.0 / 4 + 2.0 / 3))
    }

    static let truth = """
    {"meeting": {"title": "Finance and Resources Committee", "organisation": null, "date": "2024-05-14", "startTime": "19:00", "venue": "Village Hall"},
     "attendees": [{"name": "Cllr Jo Park", "role": "Chair", "initials": "JP"}, {"name": "Amir Patel", "role": null, "initials": "AP"}, {"name": "Rosa Lee", "role": "Clerk", "initials": null}],
     "apologies": [{"name": "Dr Sam Brooks", "role": null, "initials": null}],
     "items": [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Date of next meeting"}, {"number": "3", "title": "Finance"}, {"number": "4", "title": "Any other business"}],
     "actions": [{"ref": "12/24", "item": "3", "description": "AP to obtain three quotes for the hall roof", "owners": ["AP"], "due": "2024-06", "status": null},
                 {"ref": null, "item": "3", "description": "Clerk to write to the county council about the footpath", "owners": ["Clerk"], "due": null, "status": null},
                 {"ref": null, "item": "4", "description": "JP and RL to review the risk register", "owners": ["JP", "RL"], "due": "2024-07-01", "status": null}],
     "motions": [{"item": "3", "text": "to accept the quote from Smith Roofing", "mover": "Cllr Park", "seconder": "Patel", "result": "carried", "for": 5, "against": 0, "abstain": 1},
                 {"item": "4", "text": "to adopt the revised standing orders", "mover": null, "seconder": null, "result": "deferred", "for": null, "against": null, "abstain": null}],
     "nextMeeting": {"date": "2024-06-11"}}
    """

    static let output = """
    {"schema": "minutes/1",
     "meeting": {"title": "Finance & Resources Committee Minutes", "organisation": "Anytown Parish Council", "date": "2024-05-14", "startTime": "19:00", "endTime": "20:30", "venue": "the Village Hall, Anytown"},
     "attendees": [{"name": "Councillor Jo Park", "role": "Chairman", "initials": "JP"}, {"name": "Amir Patel", "role": null, "initials": "A.P."}, {"name": "Tom Hill", "role": null, "initials": null}],
     "apologies": [{"name": "Sam Brooks", "role": null, "initials": null}],
     "items": [{"number": "1", "title": "Apologies for absence"}, {"number": "2", "title": "Date of next meeting - 11 June"}, {"number": "3", "title": "Finance report"}, {"number": "5", "title": "Any other business"}],
     "actions": [{"ref": "12/24", "item": "3", "description": "Finance. AP to obtain three quotes for the hall roof before the next meeting", "owners": ["AP", "RL"], "due": "2024-06", "status": null},
                 {"ref": null, "item": "4", "description": "JP and RL to review the risk register", "owners": ["RL", "JP"], "due": "2024-07", "status": null},
                 {"ref": null, "item": null, "description": "Chair to thank the volunteers", "owners": ["Chair"], "due": null, "status": null}],
     "motions": [{"item": "3", "text": "To accept the quote from Smith Roofing Ltd", "mover": "Jo Park", "seconder": "Cllr A Patel", "result": "carried", "for": 5, "against": 0, "abstain": null}],
     "nextMeeting": {"date": "2024-06-11"}}
    """

    /// A document of invented minutes exercising every component, against score.py's report
    /// for the same two files (`score.py truth.json out.json --json`).
    func testDocumentScoreAsScorePy() throws {
        let truth = try JSONValue.decode(Data(Self.truth.utf8)), out = try JSONValue.decode(Data(Self.output.utf8))
        let r = TruthScorer.score(truth: truth, output: out)
        let s = r.score
        XCTAssertEqual(s.score, 0.6833333333333332)
        XCTAssertEqual(s.meeting, 0.4)
        XCTAssertEqual(s.meetingWrong, ["title", "organisation", "venue"])
        XCTAssertEqual(s.attendees.f1, 0.6666666666666666)
        XCTAssertEqual(s.attendees.roleAcc, 0.0)
        XCTAssertEqual(s.attendees.initialsAcc, 0.5)
        XCTAssertEqual(s.attendees.missing, ["Rosa Lee"])
        XCTAssertEqual(s.attendees.extra, ["Tom Hill"])
        XCTAssertEqual(s.apologies.f1, 1.0)
        XCTAssertNil(s.apologies.roleAcc)
        XCTAssertEqual(s.items.f1, 0.25)
        XCTAssertEqual(s.items.missing, ["1 Apologies", "3 Finance", "4 Any other business"])
        XCTAssertEqual(s.actions.f1, 0.6666666666666666)
        XCTAssertEqual(s.actions.fieldAcc, 0.6666666666666666)
        XCTAssertEqual(s.actions.missing, ["Clerk to write to the county council about the footpath"])
        XCTAssertEqual(s.nextMeeting, 1.0)
        XCTAssertEqual(s.motions?.f1, 0.6666666666666666)
        XCTAssertEqual(s.motions?.fieldAcc, 0.8333333333333334)
        XCTAssertEqual(TruthScorer.score(truth: truth, output: out, motions: false).score.score, 0.6642857142857143)
        XCTAssertNil(TruthScorer.score(truth: truth, output: out, motions: false).score.motions)

        // One line for each thing counted against the output.
        let d = r.differences
        XCTAssertTrue(d.contains("meeting title: 'Finance and Resources Committee' expected, 'Finance & Resources Committee Minutes' found"), "\(d)")
        XCTAssertTrue(d.contains("meeting organisation: none expected, 'Anytown Parish Council' found"), "\(d)")
        XCTAssertTrue(d.contains("attendee missing: Rosa Lee"), "\(d)")
        XCTAssertTrue(d.contains("attendee extra: Tom Hill"), "\(d)")
        XCTAssertTrue(d.contains("attendee Cllr Jo Park: role 'Chair' expected, 'Chairman' found"), "\(d)")
        XCTAssertTrue(d.contains("attendee Amir Patel: initials 'AP' expected, 'A.P.' found"),
                      "initials compare normalised, and 'A.P.' normalises to 'a p', not 'ap': \(d)")
        XCTAssertTrue(d.contains("action 1: owner 'AP' expected, 'AP, RL' found"), "\(d)")
        XCTAssertTrue(d.contains("action 3: due '2024-07-01' expected, '2024-07' found"), "\(d)")
        XCTAssertFalse(d.contains { $0.hasPrefix("action 3: owners") }, "owners compare as sets")
        XCTAssertTrue(d.contains("action missing: Clerk to write to the county council about the footpath"), "\(d)")
        XCTAssertTrue(d.contains("action extra: Chair to thank the volunteers"), "\(d)")
        XCTAssertTrue(d.contains("item missing: 3 Finance"), "\(d)")
        XCTAssertTrue(d.contains("motion 1: abstain 1 expected, none found"), "\(d)")
        XCTAssertTrue(d.contains("motion missing: to adopt the revised standing orders"), "\(d)")
    }

    /// Empty truth and empty output agree everywhere; a truth without a motions key is not
    /// scored on motions, one with an empty list is.
    func testEmptyComponentsAndMotionsKey() throws {
        let empty = try JSONValue.decode(Data(#"{"meeting": {}, "attendees": [], "apologies": [], "items": [], "actions": [], "nextMeeting": null}"#.utf8))
        let out = try JSONValue(Minutes(source: Source(file: "x.pdf", sha256: "", pages: 1, method: .text)))
        XCTAssertEqual(TruthScorer.score(truth: empty, output: out).score.score, 1.0)
        var withMotions = empty.object ?? [:]
        withMotions["motions"] = .array([])
        let r = TruthScorer.score(truth: .object(withMotions), output: out)
        XCTAssertEqual(r.score.motions?.f1, 1.0)
        XCTAssertEqual(r.score.score, 1.0)
        var motion = Motion(text: "to approve the accounts", result: .carried)
        motion.votesFor = 4
        var m = Minutes(source: Source(file: "x.pdf", sha256: "", pages: 1, method: .text))
        m.motions = [motion]
        // An output motion the truth does not list: F1 0, field accuracy 0; nine parts.
        XCTAssertEqual(try TruthScorer.score(truth: .object(withMotions), minutes: m).score.score, 7.0 / 9.0)
    }
}
