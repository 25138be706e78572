import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MinutesScoring
import XCTest

/// `minutes test` as a user's CI runs it, on fixtures made for the purpose.
final class FixtureCommandTests: XCTestCase {
    static let pdf = "essex-pcc-performance-resources-2017-04"

    func fixtureFile(_ ext: String) -> URL {
        Fixtures.sourceDirectory.appendingPathComponent("\(Self.pdf).\(ext)")
    }

    /// Rows of the text report: name → (kind, score, result).
    func rows(_ text: String) -> [String: (kind: String, score: String, result: String)] {
        var out: [String: (String, String, String)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix(" ") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if f.count == 4, ["ok", "FAIL", "ERROR"].contains(f[3]) { out[f[0]] = (f[1], f[2], f[3]) }
        }
        return out
    }

    /// One passing document, one whose truth names another owner, one fixture whose PDF is
    /// missing: rows, differences, exit status, the JSON report and the JUnit file.
    func testPassingChangedOwnerAndMissingFile() throws {
        try CLI.requireBinary()
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.copyItem(at: fixtureFile("pdf"), to: dir.appendingPathComponent("passing.pdf"))
        try fm.copyItem(at: fixtureFile("pdf"), to: dir.appendingPathComponent("owner.pdf"))

        // The passing document's expected file, made the way a user makes one.
        let accepted = try CLI.run(["test", dir.path, "--accept", "passing"], in: dir)
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertTrue(accepted.stdout.contains("passing: no expected file before"), accepted.stdout)
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("passing.expected.json").path))

        // The changed owner: the hand-checked truth with one action given to AP and RL.
        var truth = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: fixtureFile("truth.json"))) as? [String: Any])
        var actions = try XCTUnwrap(truth["actions"] as? [[String: Any]])
        XCTAssertEqual(actions[0]["owners"] as? [String], ["AP"])
        actions[0]["owners"] = ["AP", "RL"]
        truth["actions"] = actions
        try JSONSerialization.data(withJSONObject: truth).write(to: dir.appendingPathComponent("owner.truth.json"))
        // The missing file: truth for a PDF that is not there.
        try fm.copyItem(at: fixtureFile("truth.json"), to: dir.appendingPathComponent("missing.truth.json"))

        let run = try CLI.run(["test", dir.path, "--output", dir.appendingPathComponent("report.xml").path,
                               "--format", "junit"], in: dir)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let r = rows(run.stdout)
        XCTAssertEqual(r.count, 3, run.stdout)
        XCTAssertEqual(r["passing"]?.kind, "expected")
        XCTAssertEqual(r["passing"]?.score, "1.000")
        XCTAssertEqual(r["passing"]?.result, "ok")
        XCTAssertEqual(r["owner"]?.kind, "truth")
        XCTAssertEqual(r["owner"]?.result, "FAIL")
        // One of 30 action fields wrong: the action-field share is 29/30 of one of 7 parts.
        XCTAssertEqual(r["owner"]?.score, String(format: "%.3f", (6 + 29.0 / 30) / 7))
        XCTAssertEqual(r["missing"]?.result, "ERROR")
        XCTAssertEqual(r["missing"]?.score, "0.000")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let ownerAt = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("owner ") })
        XCTAssertEqual(lines[ownerAt + 1], "    action 1: owners 'AP, RL' expected, 'AP' found")
        XCTAssertFalse(lines[ownerAt + 2].hasPrefix("    "), "one difference only: \(run.stdout)")
        XCTAssertTrue(run.stdout.contains("    document missing: no missing.pdf (or image) for missing.truth.json"), run.stdout)
        XCTAssertTrue(run.stdout.contains("3 fixtures: 1 passed, 1 failed, 1 error"), run.stdout)

        // The JUnit file: valid XML, one test case per fixture, the right counts.
        let xml = try XMLDocument(contentsOf: dir.appendingPathComponent("report.xml"), options: [])
        let root = try XCTUnwrap(xml.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "3")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(root.attribute(forName: "errors")?.stringValue, "1")
        let cases = try xml.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        XCTAssertEqual(cases.map { $0.attribute(forName: "name")?.stringValue ?? "" }.sorted(), ["missing", "owner", "passing"])
        func child(_ name: String, of testcase: String) -> XMLElement? {
            cases.first { $0.attribute(forName: "name")?.stringValue == testcase }?.elements(forName: name).first
        }
        XCTAssertEqual(child("failure", of: "owner")?.stringValue, "action 1: owners 'AP, RL' expected, 'AP' found")
        XCTAssertNotNil(child("error", of: "missing"))
        XCTAssertNil(child("failure", of: "passing"))
        XCTAssertNil(child("error", of: "passing"))

        // The full report as JSON: statuses, differences and score.py's components.
        let json = try CLI.run(["test", dir.path, "--format", "json", "--converted", dir.appendingPathComponent("none").path], in: dir)
        XCTAssertEqual(json.status, 1)
        let report = try JSONDecoder().decode(ReportShape.self, from: Data(json.stdout.utf8))
        XCTAssertEqual(report.documents.map(\.status), ["error", "error", "error"], "no converted outputs in DIR/none")
        let converted = try CLI.run(["test", dir.path, "--format", "json", "--save", dir.appendingPathComponent("out").path], in: dir)
        let full = try JSONDecoder().decode(ReportShape.self, from: Data(converted.stdout.utf8))
        XCTAssertEqual(full.documents.map(\.name), ["missing", "owner", "passing"])
        XCTAssertEqual(full.documents.map(\.status), ["error", "failed", "passed"])
        XCTAssertEqual(full.documents[1].differences, ["action 1: owners 'AP, RL' expected, 'AP' found"])
        XCTAssertEqual(full.documents[1].truth?.actions.fieldAcc ?? 0, 29.0 / 30, accuracy: 1e-12)
        XCTAssertEqual(full.failed, 1)
        XCTAssertEqual(full.errors, 1)
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("out/owner.json").path), "--save writes outputs")

        // An expected file with another owner: one line naming the action, then --accept
        // shows the same line and puts the output back.
        let expectedURL = dir.appendingPathComponent("passing.expected.json")
        var expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
        var expActions = try XCTUnwrap(expected["actions"] as? [[String: Any]])
        let third = try XCTUnwrap(expActions[2]["owners"] as? [String])
        expActions[2]["owners"] = ["AP"]
        expected["actions"] = expActions
        try JSONSerialization.data(withJSONObject: expected).write(to: expectedURL)
        try fm.removeItem(at: dir.appendingPathComponent("missing.truth.json"))
        try fm.removeItem(at: dir.appendingPathComponent("owner.truth.json"))
        let changed = try CLI.run(["test", dir.appendingPathComponent("passing.pdf").path], in: dir)
        XCTAssertEqual(changed.status, 1)
        let difference = "action 3: owner 'AP' expected, '\(third.joined(separator: ", "))' found"
        XCTAssertEqual(rows(changed.stdout)["passing"]?.result, "FAIL", changed.stdout)
        XCTAssertEqual(changed.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") }, ["    " + difference[...]], changed.stdout)
        let reaccept = try CLI.run(["test", dir.path, "--accept", "passing"], in: dir)
        XCTAssertEqual(reaccept.status, 0, reaccept.stderr)
        XCTAssertTrue(reaccept.stdout.contains("passing: 1 difference from \(expectedURL.path)\n    \(difference)"), reaccept.stdout)
        let again = try CLI.run(["test", dir.path], in: dir)
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertTrue(again.stdout.contains("1 fixture: 1 passed, 0 failed"), again.stdout)
    }

    /// Truth kept apart from the documents (`--truth DIR`), outputs converted earlier
    /// (`--converted DIR`), a threshold below 1, and bad usage.
    func testTruthFolderConvertedOutputsAndThreshold() throws {
        try CLI.requireBinary()
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let truthDir = dir.appendingPathComponent("truth"), docs = dir.appendingPathComponent("docs/council-a")
        let out = dir.appendingPathComponent("out")
        for d in [truthDir, docs, out] { try fm.createDirectory(at: d, withIntermediateDirectories: true) }
        try fm.copyItem(at: fixtureFile("pdf"), to: docs.appendingPathComponent("board.pdf"))
        try fm.copyItem(at: fixtureFile("truth.json"), to: truthDir.appendingPathComponent("board.truth.json"))
        try fm.copyItem(at: fixtureFile("expected.json"), to: out.appendingPathComponent("board.json"))

        let paired = try CLI.run(["test", dir.appendingPathComponent("docs").path, "--truth", truthDir.path], in: dir)
        XCTAssertEqual(paired.status, 0, paired.stdout + paired.stderr)
        XCTAssertEqual(rows(paired.stdout)["board"]?.result, "ok", paired.stdout)

        // The output with one attendee fewer, checked without converting.
        var output = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("board.json"))) as? [String: Any])
        var attendees = try XCTUnwrap(output["attendees"] as? [[String: Any]])
        let dropped = try XCTUnwrap(attendees.removeFirst()["name"] as? String)
        output["attendees"] = attendees
        try JSONSerialization.data(withJSONObject: output).write(to: out.appendingPathComponent("board.json"))
        let strict = try CLI.run(["test", "--truth", truthDir.path, "--converted", out.path], in: dir)
        XCTAssertEqual(strict.status, 1, strict.stdout)
        XCTAssertTrue(strict.stdout.contains("    attendee missing: \(dropped)"), strict.stdout)
        let lenient = try CLI.run(["test", "--truth", truthDir.path, "--converted", out.path, "--min", "0.95"], in: dir)
        XCTAssertEqual(lenient.status, 0, lenient.stdout)
        XCTAssertEqual(rows(lenient.stdout)["board"]?.result, "ok", lenient.stdout)

        XCTAssertEqual(try CLI.run(["test"], in: dir).status, 2)
        XCTAssertEqual(try CLI.run(["test", dir.path, "--min", "2"], in: dir).status, 2)
        XCTAssertEqual(try CLI.run(["test", dir.path, "--format", "xml"], in: dir).status, 2)
        let empty = dir.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        let nothing = try CLI.run(["test", empty.path], in: dir)
        XCTAssertEqual(nothing.status, 1)
        XCTAssertTrue(nothing.stderr.contains("no NAME.truth.json or NAME.expected.json found"), nothing.stderr)
    }

    struct ReportShape: Decodable {
        struct Doc: Decodable {
            var name: String
            var status: String
            var score: Double
            var differences: [String]
            var truth: TruthScore?
        }
        var documents: [Doc]
        var failed: Int
        var errors: Int
    }
}
