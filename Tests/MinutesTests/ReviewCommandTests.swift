import Foundation
import MinutesApp
import MinutesModel
import XCTest

/// `minutes convert --format html`, `minutes review` and corrections files, through the binary.
final class ReviewCommandTests: XCTestCase {
    static let name = "essex-pcc-performance-resources-2017-04"

    /// A folder `in/` holding a copy of a dev fixture, and `out/`.
    func workspace() throws -> (root: URL, input: URL, out: URL) {
        try CLI.requireBinary()
        let root = try CLI.tempDir()
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try Fixtures.url(Self.name, "pdf"), to: input.appendingPathComponent(Self.name + ".pdf"))
        return (root, input, root.appendingPathComponent("out"))
    }

    func testCorrectionsBesideTheInputApplyOnEveryConversion() throws {
        let (root, input, out) = try workspace()
        let args = ["convert", input.path, "--out", out.path, "--format", "json,html", "--jobs", "1"]
        let first = try CLI.run(args, in: root)
        XCTAssertEqual(first.status, 0, first.stderr)
        let json = out.appendingPathComponent(Self.name + ".json")
        let before = try Minutes.decode(Data(contentsOf: json))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(Self.name + ".html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        let ap = try XCTUnwrap(before.actions.firstIndex { $0.owners == ["AP"] })
        XCTAssertEqual(before.actions[ap].ownerNames, [nil])
        XCTAssertLessThan(before.actions[ap].confidence ?? 1, 1)

        // What the review page exports: ids, anchors, old and new values.
        let last = before.attendees.count - 1
        let file = CorrectionsFile(file: Self.name + ".pdf", corrections: [
            Correction(field: "actions[\(ap)].owners", anchor: Anchor.of(before.actions[ap]), was: .list(["AP"]), value: .list(["RH"])),
            Correction(field: "meeting.chair", was: FieldValue.none, value: .text("Roger Hirst")),
            Correction(field: "attendees[\(last)]", anchor: Anchor.of(before.attendees[last]), delete: true),
        ])
        try file.jsonData().write(to: input.appendingPathComponent(Self.name + ".corrections.json"))

        let second = try CLI.run(args, in: root)
        XCTAssertTrue(second.stderr.contains("1 converted"), "a new corrections file converts the input again: \(second.stderr)")
        let after = try Minutes.decode(Data(contentsOf: json))
        XCTAssertEqual(after.actions[ap].owners, ["RH"])
        XCTAssertEqual(after.actions[ap].ownerNames, ["Roger Hirst"], "corrected owners resolved to attendees")
        XCTAssertEqual(after.actions[ap].confidence, 1)
        XCTAssertEqual(after.meeting.chair, "Roger Hirst")
        XCTAssertEqual(after.attendees.count, before.attendees.count - 1)
        XCTAssertTrue(after.diagnostics.contains { $0.stage == "corrections" && $0.message == "applied 3 of 3 correction(s) from \(Self.name).corrections.json" },
                      "\(after.diagnostics)")
        let html = try String(contentsOf: out.appendingPathComponent(Self.name + ".html"), encoding: .utf8)
        XCTAssertTrue(html.contains("✓ corrected"))
        XCTAssertTrue(html.contains("\"previous\":[{"), "the page carries the corrections already made, for its next export")

        let third = try CLI.run(args, in: root)
        XCTAssertTrue(third.stderr.contains("0 converted, 1 skipped"), third.stderr)

        // --stdout applies them too.
        let stdout = try CLI.run(["convert", input.appendingPathComponent(Self.name + ".pdf").path, "--stdout"], in: root)
        XCTAssertEqual(try Minutes.decode(Data(stdout.stdout.utf8)).meeting.chair, "Roger Hirst")

        // A broken corrections file is a warning, not a failed conversion.
        try Data("{not json".utf8).write(to: input.appendingPathComponent(Self.name + ".corrections.json"))
        XCTAssertEqual(try CLI.run(args, in: root).status, 0)
        let broken = try Minutes.decode(Data(contentsOf: json))
        XCTAssertTrue(broken.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("\(Self.name).corrections.json not applied") })
        XCTAssertNil(broken.meeting.chair)
    }

    func testReviewOfPDFsAndOfSavedJSON() throws {
        let (root, input, out) = try workspace()
        let pages = root.appendingPathComponent("review")
        let r = try CLI.run(["review", input.appendingPathComponent(Self.name + ".pdf").path, "--out", pages.path, "--verbose"], in: root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = pages.appendingPathComponent(Self.name + ".html")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1, 6, "six pages embedded")
        XCTAssertTrue(r.stderr.contains("6 pages"), r.stderr)

        // From the JSON: the source is found in --source, checked by its hash.
        XCTAssertEqual(try CLI.run(["convert", input.path, "--out", out.path], in: root).status, 0)
        let json = out.appendingPathComponent(Self.name + ".json").path
        let fromJSON = try CLI.run(["review", json, "--source", input.path, "--out", pages.path, "--image-format", "webp"], in: root)
        XCTAssertEqual(fromJSON.status, 0, fromJSON.stderr)
        let webp = try String(contentsOf: page, encoding: .utf8)
        XCTAssertEqual(webp.components(separatedBy: "src=\"data:image/webp;base64,").count - 1, 6)
        XCTAssertFalse(webp.contains("class=\"note\""), "source found: no note")

        // Without its source the page is still written, with the data and a note saying why there are no images.
        let alone = try CLI.run(["review", json, "--out", pages.path], in: root)
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertTrue(alone.stderr.contains("not found"), alone.stderr)
        let bare = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(bare.contains("data:image/"))
        XCTAssertTrue(bare.contains("Andy Prophet"))

        // A file that is not minutes: one line naming it, exit 1.
        let junk = root.appendingPathComponent("junk.json")
        try Data("[]".utf8).write(to: junk)
        let bad = try CLI.run(["review", junk.path, "--out", pages.path], in: root)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr.split(separator: "\n").filter { $0.contains("junk.json") }.count, 1, bad.stderr)
    }

    func testIndexListsEveryReviewPageAndSortsInABrowser() throws {
        let (root, input, _) = try workspace()
        try FileManager.default.copyItem(at: try Fixtures.url("kent-performance-delivery-board-2017-06", "pdf"),
                                         to: input.appendingPathComponent("kent.pdf"))
        let pages = root.appendingPathComponent("review")
        XCTAssertEqual(try CLI.run(["review", input.path, "--out", pages.path], in: root).status, 0)
        let index = pages.appendingPathComponent("index.html")

        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        try tab.open(index)
        let order = "[...document.querySelectorAll('#docs tbody tr')].map(r => r.cells[0].dataset.v + ':' + r.cells[7].dataset.v).join(' ')"
        XCTAssertEqual(try tab.evaluate(order) as? String, "\(Self.name).pdf:10 kent.pdf:1")
        // A real click on the Actions heading sorts by it, a second click the other way.
        let th = try XCTUnwrap(try tab.evaluate("(() => { const r = document.querySelectorAll('#docs th')[7].getBoundingClientRect(); return [r.left + 5, r.top + 5]; })()") as? [Double])
        for (clicks, expected) in [(1, "kent.pdf:1 \(Self.name).pdf:10"), (2, "\(Self.name).pdf:10 kent.pdf:1")] {
            for type in ["mousePressed", "mouseReleased"] {
                try tab.call("Input.dispatchMouseEvent", ["type": type, "x": th[0], "y": th[1], "button": "left", "clickCount": clicks])
            }
            XCTAssertEqual(try tab.evaluate(order) as? String, expected)
        }
        XCTAssertEqual(try tab.evaluate("document.querySelector('#docs tbody a').getAttribute('href')") as? String, "\(Self.name).html")
    }
}
