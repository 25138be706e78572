import Foundation
import MinutesModel
import MinutesScoring
import XCTest

/// Whole minutes/1 files compared field by field, on minutes made up for the purpose.
final class ExpectedComparisonTests: XCTestCase {
    func sample() -> Minutes {
        var m = Minutes(source: Source(file: "board.pdf", sha256: "ab", pages: 2, method: .text),
                        meeting: Meeting(title: "Finance Board", date: "2024-05-14"))
        m.attendees = [Person(name: "Jo Park", role: "Chair", initials: "JP", page: 1, box: [50, 100, 120, 110]),
                       Person(name: "Rosa Lee", initials: "RL", page: 1, box: [50, 112, 120, 122])]
        m.items = [Item(number: "1", title: "Apologies"), Item(number: "2", title: "Finance", children: [Item(number: "2.1", title: "Budget")])]
        m.actions = (1...4).map { Action(ref: "\($0)/24", description: "Action number \($0) about topic \($0 * 7)", owners: ["AP"],
                                         page: 2, box: [40, Double($0) * 20, 500, Double($0) * 20 + 12]) }
        m.diagnostics = [Diagnostic(stage: "resolve-owners", severity: .warning, message: "owner 'AP' matches no attendee")]
        return m
    }

    func compare(_ e: Minutes, _ f: Minutes, _ options: ExpectedComparison.Options = .init()) throws -> ExpectedComparison.Result {
        ExpectedComparison.compare(expected: try JSONValue(e), found: try JSONValue(f), options: options)
    }

    func testIdenticalFilesAgree() throws {
        let r = try compare(sample(), sample())
        XCTAssertEqual(r.differences, [])
        XCTAssertEqual(r.score, 1.0)
        XCTAssertGreaterThan(r.checked, 40)
    }

    func testOneLinePerDifference() throws {
        let e = sample()
        var f = sample()
        f.actions[2].owners = ["AP", "RL"]
        f.attendees.remove(at: 0)
        f.meeting.title = "Finance Board Minutes"
        f.items[1].children[0].title = "Budget 2024/25"
        let r = try compare(e, f)
        XCTAssertEqual(r.differences, [
            "meeting title: 'Finance Board' expected, 'Finance Board Minutes' found",
            "attendee missing: Jo Park",
            "item 2, sub-item 1: title 'Budget' expected, 'Budget 2024/25' found",
            "action 3: owner 'AP' expected, 'AP, RL' found",
        ])
        XCTAssertLessThan(r.score, 1.0)
    }

    /// An action left out is one line, not every later action out of step.
    func testListsLineUpOnTheirRecords() throws {
        let e = sample()
        var f = sample()
        f.actions.remove(at: 1)
        f.actions.append(Action(description: "A new action", owners: ["JP"]))
        let r = try compare(e, f)
        XCTAssertEqual(r.differences, ["action missing: 2/24 Action number 2 about topic 14", "action extra: A new action"])
    }

    func testBoxesWithinToleranceAndDiagnosticsOnlyWhenAsked() throws {
        let e = sample()
        var f = sample()
        f.actions[0].box = [41.5, 20, 500, 32]
        f.diagnostics = []
        XCTAssertEqual(try compare(e, f).differences, [])
        f.actions[0].box = [45, 20, 500, 32]
        XCTAssertEqual(try compare(e, f).differences, ["action 1: box [40, 20, 500, 32] expected, [45, 20, 500, 32] found"])
        XCTAssertEqual(try compare(e, f, .init(boxTolerance: 6)).differences, [])
        XCTAssertEqual(try compare(e, f, .init(boxTolerance: 6, diagnostics: true)).differences,
                       ["diagnostic missing: owner 'AP' matches no attendee"])
    }

    /// An expected file written before a field existed is not held to it.
    func testKeysTheExpectedFileLacksAreNotCompared() throws {
        var old = try XCTUnwrap(JSONValue(sample()).object)
        old["motions"] = nil
        old["decisions"] = nil
        var f = sample()
        f.motions = [Motion(text: "to approve", result: .carried)]
        XCTAssertEqual(ExpectedComparison.compare(expected: .object(old), found: try JSONValue(f)).differences, [])
    }
}
