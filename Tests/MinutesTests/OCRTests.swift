import Foundation
import MinutesModel
import MinutesPipeline
import PageLayout
import PopplerText
import TesseractOCR
import XCTest

/// The OCR path on small crops of the dev scans (see Fixtures/ocr/SOURCES.md).
final class OCRTests: XCTestCase {
    static let engine: OCREngine? = try? OCREngine()

    func engine() throws -> OCREngine {
        guard let e = Self.engine else { return try OCREngine() }
        return e
    }

    func fixture(_ name: String, _ ext: String) throws -> Data {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/ocr"),
                                "fixture Fixtures/ocr/\(name).\(ext) missing")
        return try Data(contentsOf: url)
    }

    func pngPage() throws -> GrayImage {
        let pages = try ImageFile.pages(from: fixture("essex-pcc-scan-p1-top-150dpi", "png"))
        XCTAssertEqual(pages.count, 1)
        return try XCTUnwrap(pages.first)
    }

    func texts(_ page: Page) -> [String] { page.words.map(\.text) }

    func word(_ text: String, in page: Page) -> Word? { page.words.first { $0.text == text } }

    // MARK: - Image files

    func testPNGPageReadsAsGreyWithItsResolution() throws {
        let image = try pngPage()
        XCTAssertEqual(image.dpi, 150)
        // pdftoppm's 150 dpi A4 page, cropped to its top 720 rows.
        XCTAssertEqual(image.width, 1241)
        XCTAssertEqual(image.height, 720)
        XCTAssertEqual(image.pixels.count, image.width * image.height)
        // A scanned page is mostly paper: the median pixel is light, and there is ink.
        let sorted = image.pixels.sorted()
        XCTAssertGreaterThan(sorted[sorted.count / 2], 200)
        XCTAssertLessThan(sorted[sorted.count / 100], 80)
    }

    func testPNGPageConvertsToWordsInPoints() throws {
        let image = try pngPage()
        let ocr = try engine().recognize(image, pageNumber: 1)
        let page = ocr.page
        XCTAssertEqual(page.source, .ocr)
        XCTAssertEqual(page.width, Double(image.width) * 72 / 150, accuracy: 0.01)
        XCTAssertEqual(page.height, Double(image.height) * 72 / 150, accuracy: 0.01)
        for w in ["MINUTES", "PERFORMANCE", "Hoffmanns", "Roger", "Hirst,", "Commissioner", "Hancock,", "Treasurer"] {
            XCTAssertTrue(texts(page).contains(w), "\(w) not read; got \(texts(page).prefix(60))")
        }
        XCTAssertGreaterThan(try XCTUnwrap(ocr.meanConfidence), 0.85)
        for w in page.words {
            XCTAssertTrue(w.box.x0 >= 0 && w.box.x1 <= page.width + 0.5 && w.box.y0 >= 0 && w.box.y1 <= page.height + 0.5,
                          "\(w.text) box \(w.box.array) outside the page")
            XCTAssertLessThan(w.box.x0, w.box.x1)
            let c = try XCTUnwrap(w.confidence)
            XCTAssertTrue((0...1).contains(c))
        }
        // Same place as the text-layer twin's words (page 1 of essex-pcc-performance-resources-2017-04.pdf:
        // "MINUTES" at x 266.3, y 56.6, 14 pt bold; "Roger" at x 71.8, body text 11 pt), within the
        // scanner's shift and the difference between ink and font boxes.
        let minutes = try XCTUnwrap(word("MINUTES", in: page))
        XCTAssertEqual(minutes.box.x0, 266.3, accuracy: 4)
        XCTAssertEqual(minutes.box.y0, 56.6, accuracy: 5)
        XCTAssertEqual(minutes.fontSize, 14, accuracy: 2)
        XCTAssertTrue(minutes.bold, "the heading is bold")
        let roger = try XCTUnwrap(word("Roger", in: page))
        XCTAssertEqual(roger.box.x0, 71.8, accuracy: 4)
        XCTAssertEqual(roger.fontSize, 11, accuracy: 1.5)
        XCTAssertFalse(roger.bold, "body text is not bold")
        // Words of one line share a line: "Roger Hirst, Police" sit on one baseline.
        let hirst = try XCTUnwrap(word("Hirst,", in: page))
        XCTAssertGreaterThan(roger.box.verticalOverlap(hirst.box), 0.5)
        XCTAssertGreaterThan(hirst.box.x0, roger.box.x1)
    }

    func testMultiPageTIFFConvertsEveryPage() throws {
        let data = try fixture("west-mercia-scan-p2-p3-200dpi", "tif")
        let images = try ImageFile.pages(from: data)
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(images.map(\.dpi), [200, 200])

        var doc = WorkingDocument(input: try InputDocument(fileName: "wm.tif", data: data), options: PipelineOptions())
        try ExtractText().run(&doc)
        XCTAssertEqual(doc.pageCount, 2)
        XCTAssertEqual(doc.pages.map(\.number), [1, 2])
        XCTAssertEqual(doc.method, .ocr)
        XCTAssertGreaterThan(try XCTUnwrap(doc.ocrConfidence), 0.8)
        let first = texts(doc.pages[0]), second = texts(doc.pages[1])
        for w in ["Track", "victims", "satisfaction.", "Athena"] {
            XCTAssertTrue(first.contains(w), "page 1: \(w) not read; got \(first.prefix(60))")
        }
        for w in ["predictive", "resources"] {
            XCTAssertTrue(second.contains(w), "page 2: \(w) not read; got \(second.prefix(60))")
        }
        XCTAssertEqual(doc.pages[0].width, Double(images[0].width) * 72 / 200, accuracy: 0.01)
    }

    func testPagesOCRdInParallelComeOutAsInOrder() throws {
        let data = try fixture("west-mercia-scan-p2-p3-200dpi", "tif")
        var serial = PipelineOptions()
        serial.jobs = 1
        var parallel = PipelineOptions()
        parallel.jobs = 2
        var one = WorkingDocument(input: try InputDocument(fileName: "wm.tif", data: data), options: serial)
        var two = WorkingDocument(input: try InputDocument(fileName: "wm.tif", data: data), options: parallel)
        try ExtractText().run(&one)
        try ExtractText().run(&two)
        XCTAssertEqual(two.pages.map(\.number), [1, 2])
        XCTAssertEqual(two.pages.map { $0.words.map(\.text) }, one.pages.map { $0.words.map(\.text) })
        XCTAssertEqual(two.pages.map { $0.words.map(\.box) }, one.pages.map { $0.words.map(\.box) })
        XCTAssertEqual(two.diagnostics, one.diagnostics)
    }

    func testItemNumbersAloneInTableCellsAreRead() throws {
        // Tesseract's page layout skips these lone "5." ... "8." cells (the CLI prints none);
        // the pass over uncovered ink reads them.
        let image = try XCTUnwrap(ImageFile.pages(from: fixture("essex-pcc-scan-p6-200dpi", "tif")).first)
        let page = try engine().recognize(image, pageNumber: 6).page
        for (number, heading) in [("5.", "Transformation"), ("6.", "Monthly"), ("7.", "AOB"), ("8.", "Date")] {
            let n = try XCTUnwrap(word(number, in: page), "\(number) not read")
            let h = try XCTUnwrap(page.words.first { $0.text == heading && $0.box.verticalOverlap(n.box) > 0.3 },
                                  "\(heading) not beside \(number)")
            // Text-layer twin: numbers at x 54, headings at x 82 (a box may take in a
            // speck of the cell's rule at x 45).
            XCTAssertEqual(n.box.x0, 54, accuracy: 7, number)
            XCTAssertLessThan(n.box.x1, h.box.x0)
        }
        // Nothing else is read twice.
        let texts = page.words.map { "\($0.text)@\(Int($0.box.x0 / 5)),\(Int($0.box.y0 / 5))" }
        XCTAssertEqual(Set(texts).count, texts.count)
    }

    func testUpsideDownPageIsTurnedAndReadable() throws {
        let upright = try pngPage()
        var turned = upright
        // Reversing the pixel array turns the page by 180°.
        turned.pixels.reverse()
        let ocr = try engine().recognize(turned, pageNumber: 1)
        XCTAssertTrue(ocr.corrections.contains { $0.hasPrefix("rotated 180°") }, "corrections: \(ocr.corrections)")
        for w in ["MINUTES", "Hoffmanns", "Commissioner", "Treasurer"] {
            XCTAssertTrue(texts(ocr.page).contains(w), "\(w) not read on the turned page")
        }
        XCTAssertGreaterThan(try XCTUnwrap(ocr.meanConfidence), 0.85)
        // After turning, words sit where they sit on the upright page.
        let minutes = try XCTUnwrap(word("MINUTES", in: ocr.page))
        XCTAssertEqual(minutes.box.x0, 266.3, accuracy: 5)
        XCTAssertEqual(minutes.box.y0, 56.6, accuracy: 6)

        // Through the stage the turn becomes a diagnostic on that page.
        let png = try ImageFile.png(turned)
        var doc = WorkingDocument(input: try InputDocument(fileName: "turned.png", data: png), options: PipelineOptions())
        try ExtractText().run(&doc)
        XCTAssertTrue(doc.diagnostics.contains { $0.page == 1 && $0.severity == .info && $0.message.hasPrefix("rotated 180°") },
                      "diagnostics: \(doc.diagnostics.map(\.message))")
        XCTAssertTrue(texts(doc.pages[0]).contains("Commissioner"))
    }

    func testSidewaysPageIsTurnedUpright() throws {
        let upright = try pngPage()
        // Turn the page a quarter counter-clockwise: the top edge becomes the left edge.
        var pixels = [UInt8](repeating: 255, count: upright.pixels.count)
        let w = upright.width, h = upright.height
        for y in 0..<h {
            for x in 0..<w {
                pixels[(w - 1 - x) * h + y] = upright.pixels[y * w + x]
            }
        }
        let sideways = GrayImage(width: h, height: w, pixels: pixels, dpi: upright.dpi)
        let ocr = try engine().recognize(sideways, pageNumber: 2)
        XCTAssertTrue(ocr.corrections.contains { $0.hasPrefix("rotated 90° clockwise") }, "corrections: \(ocr.corrections)")
        for word in ["MINUTES", "Hoffmanns", "Commissioner", "Treasurer"] {
            XCTAssertTrue(texts(ocr.page).contains(word), "\(word) not read on the turned page")
        }
        // The page is landscape-shaped no longer: it is as wide as the upright page.
        XCTAssertEqual(ocr.page.width, Double(w) * 72 / upright.dpi, accuracy: 0.01)
        XCTAssertEqual(ocr.page.number, 2)
    }

    func testUprightPageIsNotTurned() throws {
        let ocr = try engine().recognize(pngPage(), pageNumber: 1)
        XCTAssertFalse(ocr.corrections.contains { $0.hasPrefix("rotated") }, "corrections: \(ocr.corrections)")
    }

    func testBlankImageHasNoWordsAndImageWithoutTextThrows() throws {
        let blank = GrayImage(width: 800, height: 600, pixels: [UInt8](repeating: 255, count: 800 * 600), dpi: 150)
        let ocr = try engine().recognize(blank, pageNumber: 3)
        XCTAssertTrue(ocr.page.words.isEmpty)
        XCTAssertNil(ocr.meanConfidence)

        var options = PipelineOptions()
        options.ocr = .never
        var doc = WorkingDocument(input: try InputDocument(fileName: "page.png", data: fixture("essex-pcc-scan-p1-top-150dpi", "png")),
                                  options: options)
        XCTAssertThrowsError(try ExtractText().run(&doc)) { error in
            XCTAssertEqual(error as? ConversionError, .noText(file: "page.png", page: nil))
        }
    }

    func testBrokenImageIsATypedErrorNamingTheFile() throws {
        var png = try fixture("essex-pcc-scan-p1-top-150dpi", "png")
        png = png.prefix(200)
        var doc = WorkingDocument(input: try InputDocument(fileName: "cut.png", data: png), options: PipelineOptions())
        XCTAssertThrowsError(try ExtractText().run(&doc)) { error in
            guard case .unreadable(let file, _)? = error as? ConversionError else {
                return XCTFail("expected unreadable, got \(error)")
            }
            XCTAssertEqual(file, "cut.png")
        }
    }

    // MARK: - PDF pages

    func testRenderedPDFPageHasThePageSizeAtTheResolutionAsked() throws {
        let pdf = try PDFDocument(data: fixture("kent-performance-delivery-board-2017-06-p1", "pdf"), fileName: "kent-p1.pdf")
        let page = try pdf.page(1)
        let (w, h) = page.size
        let image = page.render(dpi: 100)
        XCTAssertEqual(image.width, Int((w * 100 / 72).rounded()))
        XCTAssertEqual(image.height, Int((h * 100 / 72).rounded()))
        XCTAssertEqual(image.dpi, 100)
        XCTAssertEqual(image.pixels.count, image.width * image.height)
        // White paper (not cairo's black start), with text drawn on it.
        XCTAssertEqual(image.pixels[0], 255)
        XCTAssertGreaterThan(image.pixels.filter { $0 < 100 }.count, 2000)
        // A text-layer page holds no page-sized scan.
        XCTAssertLessThan(page.largestImageCoverage, 0.5)
    }

    /// Drawing a page a band at a time (to keep a page-sized colour surface out of memory)
    /// gives the same pixels as drawing it whole, seams included.
    func testPageDrawnInBandsMatchesThePageDrawnWhole() throws {
        let pdf = try PDFDocument(data: fixture("kent-performance-delivery-board-2017-06-p1", "pdf"), fileName: "kent-p1.pdf")
        let page = try pdf.page(1)
        let whole = page.render(dpi: 150, bandBytes: Int.max / 2)
        // 64-row bands (the smallest): the 1754-row page in 28 bands, one of them short.
        let banded = page.render(dpi: 150, bandBytes: 1)
        XCTAssertEqual(banded.width, whole.width)
        XCTAssertEqual(banded.height, whole.height)
        XCTAssertNotEqual(whole.height % 64, 0)
        let differing = zip(banded.pixels, whole.pixels).filter { abs(Int($0) - Int($1)) > 2 }.count
        XCTAssertEqual(differing, 0, "\(differing) pixels differ between banded and whole drawing")
        XCTAssertGreaterThan(banded.pixels.filter { $0 < 100 }.count, 2000)
    }

    /// The pool is the process-wide cap on OCR work: however many callers ask at once, no
    /// more than `capacity` engines are lent, and engines are reused rather than reloaded.
    func testEnginePoolLendsNoMoreThanItsCapacityAtOnce() throws {
        let pool = OCREnginePool(capacity: 2)
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var busy = 0, most = 0, engines = Set<ObjectIdentifier>(), failures = 0
        }
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do {
                try pool.withEngine(language: "eng") { engine in
                    tally.lock.lock()
                    tally.busy += 1
                    tally.most = max(tally.most, tally.busy)
                    tally.engines.insert(ObjectIdentifier(engine))
                    tally.lock.unlock()
                    Thread.sleep(forTimeInterval: 0.05)
                    tally.lock.lock()
                    tally.busy -= 1
                    tally.lock.unlock()
                }
            } catch {
                tally.lock.lock(); tally.failures += 1; tally.lock.unlock()
            }
        }
        XCTAssertEqual(tally.failures, 0)
        XCTAssertLessThanOrEqual(tally.most, 2)
        XCTAssertLessThanOrEqual(tally.engines.count, 2, "engines were loaded again rather than reused")
        XCTAssertEqual(pool.capacity, 2)
    }

    func testForcedOCROfATextPDFLandsOnTheTextLayerWords() throws {
        let data = try fixture("kent-performance-delivery-board-2017-06-p1", "pdf")
        var textDoc = WorkingDocument(input: try InputDocument(fileName: "kent-p1.pdf", data: data), options: PipelineOptions())
        try ExtractText().run(&textDoc)
        XCTAssertEqual(textDoc.method, .text)
        XCTAssertNil(textDoc.ocrConfidence)

        var options = PipelineOptions()
        options.ocr = .always
        options.dpi = 200
        var ocrDoc = WorkingDocument(input: try InputDocument(fileName: "kent-p1.pdf", data: data), options: options)
        try ExtractText().run(&ocrDoc)
        XCTAssertEqual(ocrDoc.method, .ocr)
        let text = try XCTUnwrap(textDoc.pages.first), ocr = try XCTUnwrap(ocrDoc.pages.first)
        XCTAssertEqual(ocr.source, .ocr)
        XCTAssertEqual(ocr.width, text.width, accuracy: 0.01)
        XCTAssertEqual(ocr.height, text.height, accuracy: 0.01)
        // Most words read the same and sit in the same place: the nearest OCR word of the
        // same text is within a few points.
        var matched = 0
        let long = text.words.filter { $0.text.count >= 4 }
        for w in long {
            let distance = ocr.words.filter { $0.text == w.text }
                .map { max(abs($0.box.x0 - w.box.x0), abs($0.box.midY - w.box.midY)) }.min()
            if let d = distance, d < 4 { matched += 1 }
        }
        XCTAssertGreaterThan(Double(matched), 0.85 * Double(long.count), "\(matched) of \(long.count) words matched")
    }

    // MARK: - When to OCR

    func page(_ text: String) -> Page {
        let words = text.split(separator: " ").enumerated().map { i, w in
            Word(text: String(w), box: Rect(x0: Double(i % 10) * 50, y0: Double(i / 10) * 14,
                                            x1: Double(i % 10) * 50 + 40, y1: Double(i / 10) * 14 + 10), fontSize: 10)
        }
        return Page(number: 1, width: 595, height: 842, words: words)
    }

    func testGarbledGlyphMapNeedsOCRButATableOfFiguresDoesNot() {
        // The text layer of horsley-pc-draft-minutes-2014-03-18-garbled-text.pdf, page 1.
        let garbled = page("\"#& \"#$ 6',8 /398+74,8.+2++8/3-.+1*43 8. '6). '8 52/38.+%/11'-+'11 6+7+38116')0+88 .'/62'3 116'9*;+11 %/)+.'/62'3 1167 4;+117 67'='3*7)43'-. 388+3*'3)+ +564+%6..4.#%-9'..")
        XCTAssertFalse(TextLayerQuality.isUsable(garbled))
        // A statistics table (icdar2013 us-018): mostly numbers, real words between them.
        let figures = page("Table 14. Actual and projected numbers for public high school graduates, by region and state: United States 2,753,438 2,799,250 2,815,544 2,893,045 3,001,337 Northeast 485,670 503,528 521,015 536,697 Connecticut 34,573 35,515 36,222 37,541 Maine 13,278 13,077 12,950")
        XCTAssertTrue(TextLayerQuality.isUsable(figures))
        XCTAssertTrue(TextLayerQuality.isUsable(page("The Commissioner welcomed everyone to the meeting and thanked the members for attending on 27th April 2017.")))
    }

    func testStampOnAScanIsNotATextLayer() {
        let stamp = Page(number: 1, width: 595, height: 842, words: [
            Word(text: "Scanned", box: Rect(x0: 20, y0: 10, x1: 60, y1: 20), fontSize: 8),
            Word(text: "by", box: Rect(x0: 62, y0: 10, x1: 72, y1: 20), fontSize: 8),
            Word(text: "OfficeScanner", box: Rect(x0: 74, y0: 10, x1: 140, y1: 20), fontSize: 8),
        ])
        XCTAssertTrue(TextLayerQuality.isStampOnScan(stamp, imageCoverage: { 0.98 }))
        XCTAssertFalse(TextLayerQuality.isStampOnScan(stamp, imageCoverage: { 0.2 }))
    }
}
