import Foundation
import MinutesApp
import MinutesModel
import XCTest

/// The review page as a person uses it: loaded in headless Chromium, pointed at with real
/// pointer events, and watched for network requests over the DevTools protocol.
final class ReviewBrowserTests: XCTestCase {
    static let fixture = "essex-pcc-performance-resources-2017-04"

    /// A review page of a dev document, written the way `minutes review` writes it.
    func makeReview(in dir: URL) throws -> (page: URL, minutes: Minutes) {
        let pdf = try Fixtures.url(Self.fixture, "pdf")
        let minutes = try Fixtures.convert(Self.fixture)
        let page = try ReviewWriter.write(minutes, source: try Data(contentsOf: pdf), base: Self.fixture, outDir: dir)
        return (page, minutes)
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Every `box` in the JSON, wherever it is (people, items and their children, actions,
    /// motions, decisions, meeting-field provenance), as "page:x0,y0,x1,y1".
    static func jsonBoxes(_ value: Any) -> [String] {
        if let a = value as? [Any] { return a.flatMap(jsonBoxes) }
        guard let o = value as? [String: Any] else { return [] }
        var out = o.values.flatMap(jsonBoxes)
        if let b = o["box"] as? [Double], b.count == 4, let p = o["page"] as? Int {
            out.append("\(p):" + b.map { String(format: "%.1f", $0) }.joined(separator: ","))
        }
        return out
    }

    func rect(_ tab: Chromium.Tab, _ selector: String) throws -> (x: Double, y: Double) {
        let js = "(() => { const r = document.querySelector('\(selector)').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        let v = try XCTUnwrap(try tab.evaluate(js) as? [Double])
        return (v[0], v[1])
    }

    func testBoxesPointingKeysAndScreenshot() throws {
        let dir = try tempDir()
        let (page, minutes) = try makeReview(in: dir)
        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        try tab.open(page)

        // One SVG box per box in the JSON, on the right page, at the right place.
        let json = try JSONSerialization.jsonObject(with: try minutes.jsonData())
        let expected = Self.jsonBoxes(json).sorted()
        XCTAssertGreaterThan(expected.count, 20, "the fixture has people, items and actions with boxes")
        let drawn = try XCTUnwrap(try tab.evaluate("""
            [...document.querySelectorAll('svg rect.box')].map(r => r.closest('section.page').dataset.page + ':' +
              [r.x.baseVal.value, r.y.baseVal.value, r.x.baseVal.value + r.width.baseVal.value, r.y.baseVal.value + r.height.baseVal.value]
              .map(v => v.toFixed(1)).join(','))
            """) as? [String]).sorted()
        XCTAssertEqual(drawn.count, expected.count, "SVG boxes against boxes in the JSON")
        XCTAssertEqual(drawn, expected)
        let images = try XCTUnwrap(try tab.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth > 500).length") as? Int)
        XCTAssertEqual(images, minutes.source.pages, "every page drawn")

        // Point at an action in the panel: its box lights up, alone, and the pages scroll to it.
        let action = "actions[4]"
        XCTAssertNotNil(minutes.actions[4].box)
        _ = try tab.evaluate("document.querySelector('#panel .f[data-f=\"\(action)\"]').scrollIntoView({block: 'center'})")
        let row = try rect(tab, "#panel .f[data-f=\"\(action)\"]")
        try tab.movePointer(x: row.x, y: row.y)
        try tab.waitUntil("document.querySelector('rect[data-f=\"\(action)\"]').classList.contains('hl')")
        XCTAssertEqual(try tab.evaluate("[...document.querySelectorAll('rect.hl')].map(r => r.dataset.f).join(' ')") as? String, action)
        try tab.waitUntil("""
            (() => { const b = document.querySelector('rect[data-f="\(action)"]').getBoundingClientRect(),
                     v = document.getElementById('pages').getBoundingClientRect();
                     return b.top >= v.top && b.bottom <= v.bottom; })()
            """)

        // Point at the first field to check (at the panel's top): its box on page 1 lights up
        // and the pages scroll back up to it.
        let doubtful = try XCTUnwrap(try tab.evaluate("document.querySelector('#check .cf').dataset.f") as? String)
        XCTAssertTrue(doubtful.hasPrefix("actions["), "the fixture's first doubt is an action whose owner matches no attendee")
        _ = try tab.evaluate("document.getElementById('panel').scrollTop = 0")
        let entry = try rect(tab, "#check .cf")
        try tab.movePointer(x: entry.x, y: entry.y)
        try tab.waitUntil("document.querySelector('rect[data-f=\"\(doubtful)\"]').classList.contains('hl')")
        try tab.waitUntil("document.getElementById('pages').scrollTop < 600")
        XCTAssertEqual(try tab.evaluate("[...document.querySelectorAll('rect.hl')].map(r => r.dataset.f).join(' ')") as? String, doubtful)
        let shot = try tab.screenshot()
        XCTAssertEqual(Array(shot.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let shotURL = ProcessInfo.processInfo.environment["MINUTES_REVIEW_SCREENSHOT"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("minutes-review-\(Self.fixture).png")
        try shot.write(to: shotURL)
        print("review page screenshot: \(shotURL.path) (\(shot.count / 1024) KB)")

        // Point at a box on the page: its field lights up in the panel and the tip names it.
        try tab.movePointer(x: 5, y: 5)
        _ = try tab.evaluate("document.querySelector('rect[data-f=\"attendees[0]\"]').scrollIntoView({block: 'center'})")
        let box = try rect(tab, "rect[data-f=\"attendees[0]\"]")
        try tab.movePointer(x: box.x, y: box.y)
        try tab.waitUntil("document.querySelector('#panel .f[data-f=\"attendees[0]\"]').classList.contains('hl')")
        let tip = try XCTUnwrap(try tab.evaluate("getComputedStyle(tip).display + '|' + tip.textContent") as? String)
        XCTAssertTrue(tip.hasPrefix("block|") && tip.contains(minutes.attendees[0].name), tip)

        // Keys: n goes to the first field to check, j to the field after it.
        try tab.press("n")
        let first = try tab.evaluate("document.querySelector('#check .cf').dataset.f") as? String
        XCTAssertEqual(try tab.evaluate("document.querySelector('.f.sel').dataset.f") as? String, first)
        try tab.press("j")
        XCTAssertEqual(try tab.evaluate("""
            (() => { const all = [...document.querySelectorAll('#panel .f')], i = all.findIndex(f => f.dataset.f === '\(first ?? "")');
                     return all[i + 1] === document.querySelector('.f.sel'); })()
            """) as? Bool, true)
    }

    /// A fix made on the page, exported, kept beside the PDF and applied by the next conversion.
    func testCorrectionMadeOnThePageSurvivesReconversion() throws {
        let dir = try tempDir()
        let (page, minutes) = try makeReview(in: dir)
        let ap = try XCTUnwrap(minutes.actions.firstIndex { $0.owners == ["AP"] })
        let downloads = dir.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)

        let browser = try Chromium()
        defer { browser.close() }
        try browser.send("Browser.setDownloadBehavior", ["behavior": "allow", "downloadPath": downloads.path])
        let tab = try browser.newTab()
        try tab.open(page)
        // n: the first field to check is the action whose owner matches no attendee; e: correct it.
        try tab.press("n")
        XCTAssertEqual(try tab.evaluate("document.querySelector('.f.sel').dataset.f") as? String, "actions[\(ap)]")
        try tab.press("e")
        _ = try tab.evaluate("(() => { const i = document.getElementById('ed-owners'); i.focus(); i.select(); })()")
        try tab.call("Input.insertText", ["text": "RH"])
        try tab.press("Enter")
        XCTAssertEqual(try tab.evaluate("document.getElementById('ncorr').textContent") as? String, "1")
        XCTAssertEqual(try tab.evaluate("document.querySelector('.f[data-f=\"actions[\(ap)]\"] [data-field=owners]').textContent") as? String, "RH")

        let button = try rect(tab, "#export")
        for type in ["mousePressed", "mouseReleased"] {
            try tab.call("Input.dispatchMouseEvent", ["type": type, "x": button.x, "y": button.y, "button": "left", "clickCount": 1])
        }
        let exported = downloads.appendingPathComponent(Self.fixture + ".corrections.json")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: exported.path) && Date() < deadline { usleep(100_000) }
        let file = try CorrectionsFile.decode(try Data(contentsOf: exported))
        XCTAssertEqual(file.file, minutes.source.file)
        XCTAssertEqual(file.corrections, [Correction(field: "actions[\(ap)].owners", anchor: Anchor.of(minutes.actions[ap]),
                                                     was: .list(["AP"]), value: .list(["RH"]))])

        // Beside a copy of the PDF, the next conversion applies it.
        let source = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let pdf = source.appendingPathComponent(Self.fixture + ".pdf")
        try FileManager.default.copyItem(at: try Fixtures.url(Self.fixture, "pdf"), to: pdf)
        try FileManager.default.copyItem(at: exported, to: CorrectionsBeside.url(for: pdf))
        let again = try DocumentConverter().convert(fileAt: pdf)
        XCTAssertEqual(again.actions[ap].owners, ["RH"])
        XCTAssertEqual(again.actions[ap].ownerNames, ["Roger Hirst"])
    }

    func testReviewPageMakesNoNetworkRequest() throws {
        let dir = try tempDir()
        let (page, _) = try makeReview(in: dir)
        // The harness must see a request when there is one: a page that asks loopback for an image.
        let control = dir.appendingPathComponent("control.html")
        try Data("<!DOCTYPE html><img src=\"http://127.0.0.1:9/x.png\">".utf8).write(to: control)

        let browser = try Chromium()
        defer { browser.close() }
        let probe = try browser.newTab()
        try probe.open(control)
        browser.drain(0.3)
        XCTAssertTrue(probe.requestedURLs.contains("http://127.0.0.1:9/x.png"), "the harness records requests: \(probe.requestedURLs)")

        let tab = try browser.newTab()
        try tab.open(page)
        // Use it: point at boxes and rows, move with the keys, open and close a correction form.
        for sel in ["rect[data-f=\"actions[0]\"]", "#panel .f[data-f=\"attendees[1]\"]"] {
            _ = try tab.evaluate("document.querySelector('\(sel)').scrollIntoView({block: 'center'})")
            let p = try rect(tab, sel)
            try tab.movePointer(x: p.x, y: p.y)
        }
        for key in ["n", "j", "e", "Escape", "k"] { try tab.press(key) }
        browser.drain(1)
        let urls = tab.requestedURLs
        XCTAssertEqual(urls.filter { !$0.hasPrefix("data:") && $0 != page.absoluteString }, [], "requests other than the page itself")
        XCTAssertEqual(urls.filter { $0 == page.absoluteString }.count, 1)
        let resources = try tab.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'))") as? [String]
        XCTAssertEqual(resources, [])
    }
}
