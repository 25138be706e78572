import Foundation
import MinutesModel
import PageLayout
import PopplerText
import TesseractOCR

/// Words with boxes and fonts from every page's text layer, or from OCR where a page has
/// no usable text layer (and for image inputs).
public struct ExtractText: Stage {
    public let name = "extract-text"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        switch doc.input.kind {
        case .pdf:
            try extractPDF(&doc)
        case .png, .jpeg, .tiff:
            try extractImage(&doc)
        }
        let ocrWords = doc.pages.filter { $0.source == .ocr }.flatMap(\.words).compactMap(\.confidence)
        doc.ocrConfidence = ocrWords.isEmpty ? nil : ocrWords.reduce(0, +) / Double(ocrWords.count)
        let ocrPages = doc.pages.contains { $0.source == .ocr && !$0.words.isEmpty }
        let textPages = doc.pages.contains { $0.source == .textLayer && !$0.words.isEmpty }
        doc.method = ocrPages && textPages ? .mixed : ocrPages ? .ocr : .text
    }

    // MARK: - PDF

    private func extractPDF(_ doc: inout WorkingDocument) throws {
        let file = doc.input.fileName
        let pdf: PDFDocument
        do {
            pdf = try PDFDocument(data: doc.input.data, fileName: file, password: doc.options.password)
        } catch let e as PDFError {
            throw ConversionError.unreadable(file: file, reason: e.reason)
        }
        if let why = doc.options.limits.pageRefusal(pdf.pageCount) {
            throw ConversionError.overLimit(file: file, reason: why)
        }
        doc.pageCount = pdf.pageCount
        doc.producer = pdf.producer ?? pdf.creator
        doc.documentTitle = pdf.title
        doc.created = pdf.creationDate
        let mode = doc.options.ocr
        var pages: [Page] = []
        pages.reserveCapacity(pdf.pageCount)
        var toOCR: [OCRJob] = []
        var unusable: [Int] = []
        let probe = PipelineProbe.pageStarted
        for n in 1...pdf.pageCount {
            probe?(n)
            let pdfPage: PDFPage
            do {
                pdfPage = try pdf.page(n)
            } catch {
                doc.note(name, .error, page: n, "page could not be read; skipped")
                continue
            }
            let page = pdfPage.layout()
            let (w, h) = pdfPage.size
            let usable = TextLayerQuality.isUsable(page)
                && !TextLayerQuality.isStampOnScan(page, imageCoverage: { pdfPage.largestImageCoverage })
            if mode == .always || (mode == .auto && !usable) {
                toOCR.append(OCRJob(index: pages.count, pageNumber: n, widthPoints: w, heightPoints: h,
                                    hadText: !page.words.isEmpty))
                pages.append(Page(number: n, width: w, height: h, words: [], source: .ocr))
            } else if usable {
                pages.append(page)
            } else {
                unusable.append(n)
                pages.append(Page(number: n, width: page.width, height: page.height, words: [], source: .textLayer))
            }
        }
        for n in unusable {
            doc.note(name, .warning, page: n, "page has no usable text layer (no text, or unreadable glyphs) and OCR is off")
        }

        if !toOCR.isEmpty {
            let dpi = doc.options.dpi
            let maxPixels = doc.options.limits.maxPixels
            // Every page thread draws from this one document, one drawing at a time (see
            // `renderLock`), rather than each opening the file again: a document of its own
            // per thread held another copy of the file and poppler's caches for it.
            let shared = SharedDocument(pdf)
            let results = Self.recognize(toOCR, options: doc.options) { job, engine in
                let image = try Self.rendered(shared, page: job.pageNumber, dpi: dpi, maxPixels: maxPixels)
                let drawnAt = image.dpi
                // The rendering goes straight in: recognize lets its pixels go early.
                var page = try engine.recognize(image, pageNumber: job.pageNumber,
                                                pageWidthPoints: job.widthPoints, pageHeightPoints: job.heightPoints)
                if drawnAt < dpi * 0.99 {
                    page.corrections.append(String(format: "drawn at %.0f dpi, not %.0f: the page is over the render limit (--max-megapixels)",
                                                   drawnAt, dpi))
                }
                return page
            }
            if mode == .auto {
                // One note for the pages with no text at all (a scan: every page), one per
                // page whose text layer was there but not fit to read.
                let bare = toOCR.filter { !$0.hadText }.map(\.pageNumber)
                if !bare.isEmpty {
                    doc.note(name, .info, bare.count == pdf.pageCount
                        ? "no text layer (a scan): every page OCR'd"
                        : "no text layer on page\(bare.count == 1 ? "" : "s") \(Self.ranges(bare)): OCR'd")
                }
                for job in toOCR where job.hadText {
                    doc.note(name, .info, page: job.pageNumber,
                             "text layer unusable (unreadable glyphs, or a scan with little text over it): page OCR'd")
                }
            }
            for (job, result) in zip(toOCR, results) {
                apply(result, job: job, to: &pages, doc: &doc)
            }
        }
        doc.pages = pages
        if pages.allSatisfy({ $0.words.isEmpty }) {
            throw ConversionError.noText(file: file, page: nil)
        }
    }

    // MARK: - Images

    private func extractImage(_ doc: inout WorkingDocument) throws {
        let file = doc.input.fileName
        guard doc.options.ocr != .never else { throw ConversionError.noText(file: file, page: nil) }
        let source: ImageSource
        do {
            source = try ImageSource(data: doc.input.data, limits: doc.options.limits.image)
        } catch ImageFileError.tooLarge(let why) {
            throw ConversionError.overLimit(file: file, reason: why)
        } catch {
            throw ConversionError.unreadable(file: file, reason: String(describing: error))
        }
        doc.pageCount = source.pageCount
        // Sizes from the headers at the assumed resolution; each page's OCR result brings
        // its own, from the resolution the file states.
        var pages = source.frames.enumerated().map { i, f in
            Page(number: i + 1, width: Double(f.width) * 72 / ImageFile.defaultDPI,
                 height: Double(f.height) * 72 / ImageFile.defaultDPI, words: [], source: .ocr)
        }
        let jobs = pages.enumerated().map { i, p in
            OCRJob(index: i, pageNumber: p.number, widthPoints: p.width, heightPoints: p.height, hadText: false)
        }
        // Pages are decoded as they are recognised, not all before: a long TIFF holds one
        // page image per worker at a time.
        let results = Self.recognize(jobs, options: doc.options) { job, engine in
            let image: GrayImage
            do {
                image = try source.page(job.index)
            } catch {
                throw OCRError.badImage(page: job.pageNumber, reason: String(describing: error))
            }
            return try engine.recognize(image, pageNumber: job.pageNumber)
        }
        if let failure = Self.engineFailure(results) {
            throw ConversionError.unreadable(file: file, reason: failure)
        }
        // No page decoded at all: the file is at fault, not OCR.
        if case .failure(OCRError.badImage(_, let why))? = results.first,
           results.allSatisfy({ if case .failure(OCRError.badImage) = $0 { return true } else { return false } }) {
            throw ConversionError.unreadable(file: file, reason: why)
        }
        for (job, result) in zip(jobs, results) {
            apply(result, job: job, to: &pages, doc: &doc)
        }
        doc.pages = pages
        if pages.allSatisfy({ $0.words.isEmpty }) {
            throw ConversionError.noText(file: file, page: nil)
        }
    }

    // MARK: - OCR runs

    struct OCRJob: Sendable {
        var index: Int
        var pageNumber: Int
        var widthPoints: Double
        var heightPoints: Double
        var hadText: Bool
    }

    /// Drawing a scanned page holds two full-size colour copies at once (poppler's decoded
    /// image and cairo's page surface: 35 MB each for an A4 page at 300 dpi) for a fraction
    /// of a second, against seconds of recognition; one drawing at a time across the
    /// process keeps that peak from doubling when workers happen to draw together.
    /// (Drawn in bands now, a drawing still holds poppler's 35 MB copy of the scan's image
    /// and the 9 MB grey page: `PipelineProbe.renderGate` extends the rule to the other
    /// worker processes of a batch, where two drawings at once were its highest peaks.)
    private static let renderLock = NSLock()

    static func rendered(_ shared: SharedDocument, page: Int, dpi: Double, maxPixels: Int) throws -> GrayImage {
        renderLock.lock()
        defer { renderLock.unlock() }
        let gate = PipelineProbe.renderGate
        gate?.lock()
        defer { gate?.unlock() }
        // The page is taken and let go under the lock too: the document is shared.
        let image: GrayImage
        do {
            let p = try shared.pdf.page(page)
            image = p.render(dpi: dpi, maxPixels: maxPixels)
        }
        return image
    }

    /// The document's poppler document, lent to the page threads: poppler documents are
    /// not safe to use from two threads at once, so every use goes through `renderLock`.
    final class SharedDocument: @unchecked Sendable {
        let pdf: PDFDocument
        init(_ pdf: PDFDocument) { self.pdf = pdf }
    }

    private func apply(_ result: Result<OCRPage, Error>, job: OCRJob, to pages: inout [Page], doc: inout WorkingDocument) {
        switch result {
        case .success(let ocr):
            pages[job.index] = ocr.page
            for c in ocr.corrections { doc.note(name, .info, page: job.pageNumber, c) }
            if ocr.page.words.isEmpty {
                doc.note(name, .warning, page: job.pageNumber, "OCR found no text on this page")
            } else if let c = ocr.meanConfidence, c < 0.6 {
                doc.note(name, .warning, page: job.pageNumber,
                         String(format: "low OCR confidence (%.2f): words may be misread", c))
            }
        case .failure(let e):
            doc.note(name, .error, page: job.pageNumber, "OCR failed: \(e)")
        }
    }

    private static func engineFailure(_ results: [Result<OCRPage, Error>]) -> String? {
        for r in results {
            if case .failure(let e as OCRError) = r, case .engineUnavailable = e { return String(describing: e) }
        }
        return nil
    }

    /// Runs `work` over the jobs on up to `options.jobs` threads, each page with an engine
    /// borrowed from the shared pool, which also caps the pages at work across the whole
    /// process: a batch's documents can each fan out without overloading the cores.
    static func recognize(_ jobs: [OCRJob], options: PipelineOptions,
                          _ work: @escaping @Sendable (OCRJob, OCREngine) throws -> OCRPage)
        -> [Result<OCRPage, Error>] {
        let queue = JobQueue(count: jobs.count)
        let workers = max(1, min(options.jobs ?? 1, jobs.count))
        let language = options.language
        let ocrSeconds = options.limits.maxOCRSecondsPerPage
        let slots = PipelineProbe.pageSlots
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = queue.next() {
                do {
                    let pageNumber = jobs[i].pageNumber
                    slots?.acquire(page: pageNumber)
                    defer { slots?.release(page: pageNumber) }
                    let page = try OCREnginePool.shared.withEngine(language: language) { engine in
                        engine.maxSecondsPerPage = ocrSeconds
                        return try work(jobs[i], engine)
                    }
                    queue.store(i, .success(page))
                } catch let e as OCRError {
                    queue.store(i, .failure(e))
                    // No engine for this language: no later page will fare better.
                    if case .engineUnavailable = e { queue.failRemaining(e) }
                } catch {
                    queue.store(i, .failure(error))
                }
            }
        }
        return queue.results()
    }

    final class JobQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var slots: [Result<OCRPage, Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < slots.count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func store(_ i: Int, _ r: Result<OCRPage, Error>) {
            lock.lock()
            slots[i] = r
            lock.unlock()
        }

        /// A worker whose engine could not start fails the pages no one else will take.
        func failRemaining(_ error: Error) {
            while let i = next() { store(i, .failure(error)) }
        }

        func results() -> [Result<OCRPage, Error>] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0 ?? .failure(OCRError.recognitionFailed(page: 0)) }
        }
    }

    /// "1-3, 5" for [1, 2, 3, 5].
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])-\(numbers[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}

/// The process-wide cap on pages rendered and recognised at once, whichever documents
/// they belong to: set it to the number of workers a command runs.
public enum OCRWork {
    public static var pagesAtOnce: Int {
        get { OCREnginePool.shared.capacity }
        set { OCREnginePool.shared.capacity = newValue }
    }

    /// Frees OCR engines no page is using, beyond `keeping` per language.
    public static func releaseIdleEngines(keeping: Int) {
        OCREnginePool.shared.releaseIdle(keeping: keeping)
    }
}

/// Decides whether a page's text layer can be trusted, or the page needs OCR.
public enum TextLayerQuality {
    public static func isUsable(_ page: Page) -> Bool {
        var letters = 0, digits = 0, total = 0, vowels = 0, oddGlyphs = 0, cleanWords = 0
        for w in page.words {
            for s in w.text.unicodeScalars {
                total += 1
                if s.isLetterFast {
                    letters += 1
                    if "aeiouAEIOU".unicodeScalars.contains(s) { vowels += 1 }
                } else if ("0"..."9").contains(s) {
                    digits += 1
                }
                // Private-use and control code points mean a font with no Unicode mapping.
                if (0xE000...0xF8FF).contains(s.value) || s.value < 0x20 || s.value == 0xFFFD { oddGlyphs += 1 }
            }
            if isCleanWord(w.text) { cleanWords += 1 }
        }
        guard letters + digits >= 20 else { return false }
        if Double(oddGlyphs) > 0.1 * Double(total) { return false }
        // A shifted glyph map reads as symbol soup ("6',8 /398+74,8.+2"): few of its words
        // are a plain word or a plain number, where real pages (tables of figures too)
        // have two in three or more.
        if Double(cleanWords) < 0.5 * Double(page.words.count) { return false }
        // ...or as consonant soup: English text is about 38% vowels.
        if letters >= 20, Double(vowels) / Double(letters) <= 0.2 { return false }
        return true
    }

    /// A word of letters (with inner apostrophes or hyphens) or a number (with inner
    /// separators), inside any punctuation.
    private static let joiners: Set<Unicode.Scalar> = ["'", "\u{2019}", "-", "\u{2013}", ",", ".", ":", "/"]

    static func isCleanWord(_ text: String) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? isCleanASCIIWord(bytes) : nil
        }), let answer = ascii {
            return answer
        }
        let scalars = Array(text.unicodeScalars)
        let isCore: (Unicode.Scalar) -> Bool = { $0.isLetterFast || ("0"..."9").contains($0) }
        guard let first = scalars.firstIndex(where: isCore), let last = scalars.lastIndex(where: isCore) else { return false }
        let core = scalars[first...last]
        let hasLetter = core.contains { $0.isLetterFast }
        let hasDigit = core.contains { ("0"..."9").contains($0) }
        guard !(hasLetter && hasDigit) || core.count <= 4 else { return false }  // "27th", "4a" are fine
        return core.allSatisfy { isCore($0) || joiners.contains($0) }
            && !zip(core, core.dropFirst()).contains { joiners.contains($0) && joiners.contains($1) }
    }

    /// `isCleanWord` over ASCII bytes, without making an array of scalars per word: every
    /// word of every text page passes here.
    static func isCleanASCIIWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        @inline(__always) func isJoiner(_ c: UInt8) -> Bool { c == 39 || c == 45 || c == 44 || c == 46 || c == 58 || c == 47 }
        guard let first = b.firstIndex(where: { isLetter($0) || isDigit($0) }),
              let last = b.lastIndex(where: { isLetter($0) || isDigit($0) }) else { return false }
        var hasLetter = false, hasDigit = false, previousJoiner = false
        for i in first...last {
            let c = b[i]
            if isLetter(c) {
                hasLetter = true
                previousJoiner = false
            } else if isDigit(c) {
                hasDigit = true
                previousJoiner = false
            } else if isJoiner(c) {
                if previousJoiner { return false }
                previousJoiner = true
            } else {
                return false
            }
        }
        return !(hasLetter && hasDigit) || last - first + 1 <= 4
    }

    /// A page that is one full-page image with a little text laid over it (a stamp, a
    /// file name, a scanner's header) is a scan: its text layer is not the page's text.
    /// `imageCoverage` is asked only for a sparse page: finding a page's images runs
    /// through its whole content stream again, which doubled the cost of reading text.
    public static func isStampOnScan(_ page: Page, imageCoverage: () -> Double) -> Bool {
        guard page.width > 0, page.height > 0 else { return false }
        if let extent = Rect.enclosing(page.words.map(\.box)) {
            let share = extent.width * extent.height / (page.width * page.height)
            guard share < 0.15 || page.words.count < 15 else { return false }
        }
        return imageCoverage() >= 0.85
    }
}
