import CTesseract
import Foundation
import PageLayout
#if canImport(Glibc)
import Glibc
#endif

/// Why OCR could not run on a page.
public enum OCRError: Error, Equatable, CustomStringConvertible {
    case engineUnavailable(language: String, reason: String)
    case badImage(page: Int, reason: String)
    case recognitionFailed(page: Int)

    public var description: String {
        switch self {
        case .engineUnavailable(let l, let r): return "OCR engine for '\(l)' could not start: \(r)"
        case .badImage(let p, let r): return "page \(p): image not usable for OCR: \(r)"
        case .recognitionFailed(let p): return "page \(p): tesseract could not recognise the page"
        }
    }
}

/// What OCR made of one page image.
public struct OCRPage: Sendable {
    /// Words in PDF points, origin top-left, `source == .ocr`.
    public var page: Page
    /// Mean word confidence 0–1; nil when no word was found.
    public var meanConfidence: Double?
    /// What was done to the image before recognition, for diagnostics.
    public var corrections: [String]
}

/// One tesseract `TessBaseAPI` for recognition (plus one for orientation detection),
/// freed in `deinit`. Loading a language model is slow, so create one per worker thread
/// and reuse it; an engine must be used by one thread at a time.
public final class OCREngine: @unchecked Sendable {
    private let api: OpaquePointer
    private let tessdata: String?
    public let language: String
    /// Seconds recognition may spend on one page before tesseract stops with what it has
    /// read (nil: no limit).
    public var maxSecondsPerPage: Double?
    /// When the page in hand must be done by, from `maxSecondsPerPage`.
    private var pageDeadline: Date?
    /// The page in hand ran out of time.
    private var pageTimedOut = false

    /// The lowest OSD margin that turns a page; below it a wrong turn costs more than
    /// leaving a sideways page alone.
    static let minOrientationConfidence: Float = 4

    public init(language: String = "eng", tessdata: String? = nil) throws {
        Self.limitThreads()
        Leptonica.quiet()
        self.language = language
        guard let api = TessBaseAPICreate() else {
            throw OCRError.engineUnavailable(language: language, reason: "TessBaseAPICreate failed")
        }
        // Tesseract's progress chatter ("Estimating resolution…") would interleave with
        // our own diagnostics on stderr.
        let rc = Self.withCStrings(["debug_file"], ["/dev/null"]) { names, values in
            TessBaseAPIInit4(api, tessdata, language, OEM_LSTM_ONLY, nil, 0, names, values, 1, 0)
        }
        if rc != 0 {
            TessBaseAPIDelete(api)
            let where_ = tessdata ?? ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] ?? "tesseract's default tessdata"
            throw OCRError.engineUnavailable(language: language,
                                             reason: "no usable \(language).traineddata in \(where_)")
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        self.api = api

        self.tessdata = tessdata
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    public var canDetectOrientation: Bool { OrientationDetector.shared(tessdata: tessdata) != nil }

    // MARK: - Threads

    /// Tesseract's OpenMP threads fight each other (and our page workers) on small
    /// machines: one page took 12 s instead of 2 s. OMP_THREAD_LIMIT only counts if it is
    /// in the environment when libgomp loads, at process start (worker processes are
    /// started with it; a `setenv` here would do nothing, and raced other threads'
    /// `getenv`), and tesseract asks for explicit thread counts that ignore
    /// omp_set_num_threads. What does work at run time is allowing no active parallel
    /// level on the calling thread: every parallel region then runs on that thread alone.
    /// The OpenMP calls are looked up at run time: libgomp comes in with tesseract, not as
    /// our dependency.
    static func limitThreads() {
        setMaxActiveLevels?(0)
    }

    private static let setMaxActiveLevels: (@convention(c) (Int32) -> Void)? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_max_active_levels") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (Int32) -> Void).self)
    }()

    // MARK: - Recognition

    /// Recognises one page image. The page is deskewed first; when the upright reading is
    /// poor, OSD says whether the page is upside down or sideways, and a turned reading
    /// replaces it if it reads better. (OSD on every page cost 0.3 s a page; upright pages
    /// read with a mean confidence above 0.9.) Word boxes are in points of the corrected
    /// page, origin top-left. `pageWidthPoints`/`pageHeightPoints` give the PDF page size
    /// the image was drawn from; without them the size is pixels * 72 / dpi.
    ///
    /// The image is consumed: its pixels are copied into leptonica's and let go before
    /// recognition, as is the crooked copy once deskewed, so that a worker holds one page
    /// image (plus tesseract's own) rather than three.
    public func recognize(_ image: consuming GrayImage, pageNumber: Int,
                          pageWidthPoints: Double? = nil, pageHeightPoints: Double? = nil) throws -> OCRPage {
        Self.limitThreads()
        pageDeadline = maxSecondsPerPage.map { Date().addingTimeInterval($0) }
        pageTimedOut = false
        defer { pageDeadline = nil }
        let dpi = image.dpi
        let (prepared, skew) = try prepare(consume image, pageNumber: pageNumber)
        // Let go as tesseract takes its own copy, and handed back (tesseract's) only when
        // the reading is poor enough for OSD: a 300 dpi page is 9 MB a copy, held for the
        // seconds recognition takes.
        var upright: PixImage? = consume prepared
        var best = try read(releasing: &upright, dpi: dpi, page: pageNumber)
        var corrections = skew.map { [$0] } ?? []
        var quarterTurns = 0

        if !pageTimedOut, best.needsOrientationCheck, let upright, let (degrees, confidence) = orientation(of: upright),
           degrees % 360 != 0, confidence >= Self.minOrientationConfidence {
            // OSD gives the text's counter-clockwise turn; pixRotateOrth turns clockwise.
            let turns = (4 - (degrees / 90) % 4) % 4
            let turned = turns == 2 ? pixRotate180(nil, upright.pix) : pixRotateOrth(upright.pix, Int32(turns))
            if let turned {
                // A quarter turn brings in lines that were vertical: their skew is new.
                var pix = PixImage(taking: turned)
                var turnedSkew: String?
                if turns != 2 {
                    (pix, turnedSkew) = deskew(pix)
                }
                if let reading = try? read(pix, dpi: dpi, page: pageNumber), reading.score > best.score {
                    best = reading
                    quarterTurns = turns
                    corrections = [turns == 2
                        ? String(format: "rotated 180° (OSD, confidence %.1f)", confidence)
                        : String(format: "rotated %d° clockwise (OSD, confidence %.1f)", turns * 90, confidence)]
                    if turns == 2 { corrections += skew.map { [$0] } ?? [] }
                    corrections += turnedSkew.map { [$0] } ?? []
                }
            }
        }

        let sideways = quarterTurns % 2 == 1
        let pageW = (sideways ? pageHeightPoints : pageWidthPoints) ?? Double(best.width) * 72 / dpi
        let pageH = (sideways ? pageWidthPoints : pageHeightPoints) ?? Double(best.height) * 72 / dpi
        let sx = pageW / Double(best.width)
        let sy = pageH / Double(best.height)
        let words = best.words.map { w in
            Word(text: w.text,
                 box: Rect(x0: Double(w.left) * sx, y0: Double(w.top) * sy,
                           x1: Double(w.right) * sx, y1: Double(w.bottom) * sy),
                 fontSize: w.emPixels * sy, bold: w.bold, italic: w.italic, confidence: w.confidence)
        }
        if pageTimedOut, let limit = maxSecondsPerPage {
            corrections.append(String(format: "OCR stopped after %.0f s (--max-ocr-seconds): text past that point is missing", limit))
        }
        return OCRPage(page: Page(number: pageNumber, width: pageW, height: pageH, words: words, source: .ocr),
                       meanConfidence: best.meanConfidence, corrections: corrections)
    }

    /// The page as a whitened, deskewed leptonica image; `image` and the crooked copy are
    /// gone when this returns.
    private func prepare(_ image: consuming GrayImage, pageNumber: Int) throws -> (PixImage, String?) {
        guard image.dpi > 0, let original = PixImage(gray: copy image) else {
            throw OCRError.badImage(page: pageNumber, reason: "\(image.width)x\(image.height) px, \(image.pixels.count) bytes")
        }
        Self.whitenBackground(original, histogramOf: image)
        _ = consume image
        return deskew(original)
    }

    /// Leptonica's skew search and rotation; it hands back a plain copy when the skew is
    /// too small or too uncertain to correct, and then there is nothing to report.
    private func deskew(_ pix: PixImage) -> (PixImage, String?) {
        var angle: Float = 0
        var confidence: Float = 0
        guard let straight = pixDeskewGeneral(pix.pix, 0, 0, 0, 0, 0, &angle, &confidence) else { return (pix, nil) }
        let applied = abs(angle) >= 0.1 && confidence >= 3
        return (PixImage(taking: straight), applied ? String(format: "deskewed by %.2f°", angle) : nil)
    }

    /// Paper made pure white and ink pure black, keeping the grey of glyph edges. The LSTM
    /// reads the grey image, not tesseract's binary one, and a scan's grey, speckled paper
    /// makes it misread short words on their own: "LF" as "ee", "1." as "ib", "CC" as "CE".
    /// Paper is the commonest light grey; everything within 50 levels of it becomes white,
    /// everything below a third of that threshold black, and the rest is stretched between.
    static func whitenBackground(_ pix: PixImage, histogramOf image: GrayImage) {
        var histogram = [Int](repeating: 0, count: 256)
        image.pixels.withUnsafeBufferPointer { px in
            var i = 0
            while i < px.count {
                histogram[Int(px[i])] += 1
                i += 7
            }
        }
        guard let paper = (128...255).max(by: { histogram[$0] < histogram[$1] }), histogram[paper] > 0 else { return }
        let white = max(100, paper - 50)
        let black = white / 3
        pixGammaTRC(pix.pix, pix.pix, 1.0, Int32(black), Int32(white))
    }

    struct Reading {
        var words: [RawWord]
        var width: Int
        var height: Int

        var meanConfidence: Double? {
            words.isEmpty ? nil : words.map(\.confidence).reduce(0, +) / Double(words.count)
        }

        /// Well-read words: an upside-down reading finds as many words, but poor ones.
        var score: Double {
            words.filter { $0.text.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }
                .map(\.confidence).reduce(0, +)
        }

        var needsOrientationCheck: Bool { words.count < 10 || (meanConfidence ?? 0) < 0.75 }
    }

    /// `read` that lets `pix` go once tesseract has copied it (the caller must hold no other
    /// reference), and leaves in it tesseract's own copy, the same pixels, when the
    /// reading calls for an orientation check.
    private func read(releasing pix: inout PixImage?, dpi: Double, page: Int) throws -> Reading {
        guard let image = pix else { throw OCRError.recognitionFailed(page: page) }
        let (width, height) = (image.width, image.height)
        TessBaseAPISetImage2(api, image.pix)
        pix = nil
        _ = consume image
        TessBaseAPISetSourceResolution(api, Int32(max(70, dpi.rounded())))
        defer { TessBaseAPIClear(api) }
        let reading = try recognizeSetImage(width: width, height: height, page: page)
        if !pageTimedOut, reading.needsOrientationCheck, let input = TessBaseAPIGetInputImage(api) {
            pix = pixClone(input).map(PixImage.init(taking:))
        }
        return reading
    }

    private func read(_ pix: PixImage, dpi: Double, page: Int) throws -> Reading {
        TessBaseAPISetImage2(api, pix.pix)
        // Tesseract rejects resolutions under 70 (a thumbnail without a stated one).
        TessBaseAPISetSourceResolution(api, Int32(max(70, dpi.rounded())))
        defer { TessBaseAPIClear(api) }
        return try recognizeSetImage(width: pix.width, height: pix.height, page: page)
    }

    /// Recognition of the image already set, and the words read.
    private func recognizeSetImage(width: Int, height: Int, page: Int) throws -> Reading {
        // Stopped by the deadline, tesseract reports failure but keeps the words it read.
        guard recognizeWithinDeadline() || pageTimedOut else { throw OCRError.recognitionFailed(page: page) }
        let thresholded = TessBaseAPIGetThresholdedImage(api).map(PixImage.init(taking:))
        let binary = thresholded.flatMap(BinaryRows.init)
        var raw = readWords(binary: binary)
        if let thresholded, !pageTimedOut {
            raw += missedText(thresholded, binary: binary, found: raw)
        }
        StrokeBold.mark(&raw)
        return Reading(words: raw, width: width, height: height)
    }

    /// Text the page layout passed over. Tesseract's layout analysis drops a short
    /// lone line in a column of its own: an item number in a ruled table ("5." in the
    /// cell left of "Transformation Savings") never reaches the recogniser. Ink of glyph
    /// size that no word covers is grouped into runs on a line and each run read as a
    /// single line; only confident readings are kept.
    private func missedText(_ thresholded: PixImage, binary: BinaryRows?, found: [RawWord]) -> [RawWord] {
        guard found.count >= 10 else { return [] }
        let ems = found.map(\.emPixels).filter { $0 > 0 }.sorted()
        guard !ems.isEmpty else { return [] }
        let em = ems[ems.count / 2]
        guard em >= 8, let copy = pixCopy(nil, thresholded.pix).map(PixImage.init(taking:)) else { return [] }
        let pad = Int32(em * 0.2)
        for w in found {
            guard let box = boxCreate(w.left - pad, w.top - pad, w.right - w.left + 2 * pad, w.bottom - w.top + 2 * pad) else { continue }
            pixClearInRect(copy.pix, box)
            var b: UnsafeMutablePointer<BOX>? = box
            boxDestroy(&b)
        }
        guard let boxa = pixConnComp(copy.pix, nil, 8) else { return [] }
        var boxaRef: UnsafeMutablePointer<BOXA>? = boxa
        defer { boxaDestroy(&boxaRef) }
        let count = Int(boxaGetCount(boxa))
        guard count > 0, count < 5000 else { return [] }

        struct Glyph { var x0: Int32, y0: Int32, x1: Int32, y1: Int32 }
        var glyphs: [Glyph] = []
        for i in 0..<count {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            guard boxaGetBoxGeometry(boxa, Int32(i), &x, &y, &w, &h) == 0 else { continue }
            let hh = Double(h), ww = Double(w)
            // Letter-sized, not a speck, not a sliver of a rule, not a solid block.
            guard hh >= 0.4 * em, hh <= 1.3 * em, ww >= 0.12 * em, ww <= 1.5 * em, hh / ww <= 8 else { continue }
            if let fill = binary?.fill(x0: Int(x), y0: Int(y), x1: Int(x + w), y1: Int(y + h)), fill > 0.85 { continue }
            glyphs.append(Glyph(x0: x, y0: y, x1: x + w, y1: y + h))
        }
        guard !glyphs.isEmpty, glyphs.count <= 400 else { return [] }

        // Runs: glyphs on one line with less than an em between them.
        glyphs.sort { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
        var runs: [Glyph] = []
        for g in glyphs {
            if let i = runs.firstIndex(where: { r in
                let overlap = min(r.y1, g.y1) - max(r.y0, g.y0)
                let gap = max(g.x0 - r.x1, r.x0 - g.x1)
                return Double(overlap) > 0.5 * Double(min(r.y1 - r.y0, g.y1 - g.y0)) && Double(gap) < em
            }) {
                runs[i] = Glyph(x0: min(runs[i].x0, g.x0), y0: min(runs[i].y0, g.y0),
                                x1: max(runs[i].x1, g.x1), y1: max(runs[i].y1, g.y1))
            } else {
                runs.append(g)
            }
        }

        TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE)
        defer { TessBaseAPISetPageSegMode(api, PSM_AUTO) }
        let width = Int32(thresholded.width), height = Int32(thresholded.height)
        let margin = Int32(em * 0.4)
        var words: [RawWord] = []
        for r in runs.prefix(40) {
            let x0 = max(0, r.x0 - margin), y0 = max(0, r.y0 - margin)
            let x1 = min(width, r.x1 + margin), y1 = min(height, r.y1 + margin)
            guard x1 > x0, y1 > y0 else { continue }
            TessBaseAPISetRectangle(api, x0, y0, x1 - x0, y1 - y0)
            if pageTimedOut { break }
            guard recognizeWithinDeadline() else { continue }
            words += readWords(binary: binary).filter { w in
                w.confidence >= 0.7 && w.text.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
            }
        }
        return words
    }

    /// `TessBaseAPIRecognize` with what is left of the page's time: tesseract checks its
    /// monitor's deadline between words and stops there, keeping what it has read.
    private func recognizeWithinDeadline() -> Bool {
        guard let deadline = pageDeadline else { return TessBaseAPIRecognize(api, nil) == 0 }
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else {
            pageTimedOut = true
            return false
        }
        guard let monitor = TessMonitorCreate() else { return TessBaseAPIRecognize(api, nil) == 0 }
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(left * 1000, Double(Int32.max))))
        let rc = TessBaseAPIRecognize(api, monitor)
        if Date() >= deadline { pageTimedOut = true }
        return rc == 0
    }

    /// Orientation of the text in degrees counter-clockwise (0, 90, 180, 270) with OSD's
    /// confidence margin; nil when OSD is unavailable or finds too little text.
    func orientation(of pix: PixImage) -> (Int, Float)? {
        OrientationDetector.shared(tessdata: tessdata)?.detect(pix)
    }

    struct RawWord {
        var text: String
        var left: Int32, top: Int32, right: Int32, bottom: Int32
        var confidence: Double
        var line: Int
        var emPixels = 0.0
        var bold: Bool
        var italic: Bool
        var fontKnown: Bool
        var stem: Double?

        var height: Double { Double(bottom - top) }
        var width: Double { Double(right - left) }
    }

    struct LineMetrics {
        var top: Int32, bottom: Int32
        var baseline: Double?
    }

    /// Walks the recognised words with their boxes, then gives each word its line's font
    /// size and a stroke-width measure for bold.
    private func readWords(binary: BinaryRows?) -> [RawWord] {
        guard let ri = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(ri) }
        guard let pi = TessResultIteratorGetPageIterator(ri) else { return [] }
        var words: [RawWord] = []
        var lines: [LineMetrics] = []
        repeat {
            if TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) != 0 || lines.isEmpty {
                lines.append(Self.lineMetrics(pi))
            }
            guard let cText = TessResultIteratorGetUTF8Text(ri, RIL_WORD) else { continue }
            let text = String(cString: cText).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(cText)
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard !text.isEmpty, TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &t, &r, &b) != 0, r > l, b > t else {
                continue
            }
            let confidence = Double(max(0, min(100, TessResultIteratorConfidence(ri, RIL_WORD)))) / 100

            // Only the legacy engine knows fonts; with LSTM models this returns nothing.
            var bold: Int32 = 0, italic: Int32 = 0, underlined: Int32 = 0, mono: Int32 = 0
            var serif: Int32 = 0, smallcaps: Int32 = 0, pointSize: Int32 = 0, fontID: Int32 = 0
            let fontName = TessResultIteratorWordFontAttributes(ri, &bold, &italic, &underlined, &mono,
                                                                &serif, &smallcaps, &pointSize, &fontID)
            let known = fontName != nil
            words.append(RawWord(text: text, left: l, top: t, right: r, bottom: b, confidence: confidence,
                                 line: lines.count - 1, bold: known && bold != 0, italic: known && italic != 0,
                                 fontKnown: known))
        } while TessResultIteratorNext(ri, RIL_WORD) != 0

        let ems = Self.lineEms(words, lines)
        for i in words.indices {
            let em = ems[words[i].line]
            words[i].emPixels = em
            if let binary {
                if Self.isBullet(words[i], em: em, binary: binary) {
                    words[i].text = "\u{2022}"
                    words[i].confidence = max(words[i].confidence, 0.9)
                }
                if !words[i].fontKnown,
                   let stem = binary.stemWidth(x0: Int(words[i].left), y0: Int(words[i].top), x1: Int(words[i].right),
                                               y1: Int(words[i].bottom), maxRun: max(2, Int(em * 0.3))) {
                    words[i].stem = stem / em
                }
            }
        }
        // Bullets first: tesseract often reads them as low-confidence punctuation.
        return words.filter { $0.text == "\u{2022}" || !Self.isNoise($0.text, confidence: $0.confidence) }
    }

    /// Cap/ascender height is about 0.72 of the em in common text faces (Arial 0.72,
    /// Calibri 0.69, Times 0.68), and nearly every line has a capital or an ascender.
    static let ascenderShare = 0.72

    private static func lineMetrics(_ pi: OpaquePointer) -> LineMetrics {
        var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
        TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b)
        var bx1: Int32 = 0, by1: Int32 = 0, bx2: Int32 = 0, by2: Int32 = 0
        let hasBase = TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx1, &by1, &bx2, &by2) != 0
        return LineMetrics(top: t, bottom: b, baseline: hasBase ? Double(by1 + by2) / 2 : nil)
    }

    /// A line's em in pixels from its ascender height (word top to baseline). The top is
    /// taken from the upper quarter of the line's words, not the very highest, so a
    /// superscript ("27th") or a stray mark does not inflate it.
    private static func lineEms(_ words: [RawWord], _ lines: [LineMetrics]) -> [Double] {
        var tops = Array(repeating: [Int32](), count: lines.count)
        for w in words where w.text.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) {
            tops[w.line].append(w.top)
        }
        return lines.indices.map { i in
            let line = lines[i]
            let lineHeight = Double(max(1, line.bottom - line.top))
            let sorted = tops[i].sorted()
            if let base = line.baseline, !sorted.isEmpty {
                let ascender = base - Double(sorted[sorted.count / 4])
                if ascender > 2, ascender <= lineHeight + 1 { return ascender / ascenderShare }
            }
            return lineHeight / 0.95
        }
    }

    /// A filled round bullet reads as "e", "¢" or "©": a small, nearly square, mostly black
    /// blob is a bullet whatever letter tesseract saw in it.
    private static func isBullet(_ w: RawWord, em: Double, binary: BinaryRows) -> Bool {
        guard w.text.count <= 2, w.height <= 0.6 * em, w.height >= 0.15 * em else { return false }
        let aspect = w.width / w.height
        guard aspect >= 0.6, aspect <= 1.6 else { return false }
        guard let fill = binary.fill(x0: Int(w.left), y0: Int(w.top), x1: Int(w.right), y1: Int(w.bottom)) else {
            return false
        }
        return fill >= 0.55
    }

    /// Specks, rule fragments and table borders read as punctuation with low confidence.
    static func isNoise(_ text: String, confidence: Double) -> Bool {
        // Table rules read as bars and brackets; minutes never hold a bare one.
        if text.allSatisfy({ "|[]{}¦".contains($0) }) { return true }
        let hasAlnum = text.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        if !hasAlnum && confidence < 0.5 { return true }
        if !hasAlnum && text.allSatisfy({ "|!_—–-~=:;.,'\"`".contains($0) }) && text.count <= 2 && confidence < 0.8 {
            return true
        }
        return false
    }

    static func withCStrings<R>(_ names: [String], _ values: [String],
                                        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                                 UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var n: [UnsafeMutablePointer<CChar>?] = names.map { strdup($0) }
        var v: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) }
        defer {
            n.forEach { free($0) }
            v.forEach { free($0) }
        }
        return n.withUnsafeMutableBufferPointer { np in
            v.withUnsafeMutableBufferPointer { vp in
                guard let nb = np.baseAddress, let vb = vp.baseAddress else { fatalError("empty C string array") }
                return body(nb, vb)
            }
        }
    }
}

/// Bold from stroke width: the LSTM engine reports no font attributes, but a bold face's
/// stems are about 1.4× as thick as the regular face's at the same size.
enum StrokeBold {
    static let ratio = 1.3

    static func mark(_ words: inout [OCREngine.RawWord]) {
        let stems = words.compactMap { w -> Double? in
            guard let s = w.stem, w.text.count >= 3 else { return nil }
            return s
        }.sorted()
        guard stems.count >= 10 else { return }
        // Most of a page is body text, so the median stem is the regular weight.
        let regular = stems[stems.count / 2]
        for i in words.indices {
            guard let s = words[i].stem else { continue }
            words[i].bold = s > regular * ratio
        }
    }
}
