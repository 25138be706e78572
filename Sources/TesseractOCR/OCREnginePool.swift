import Foundation

/// Engines kept for reuse, and the process-wide limit on OCR work: a batch loads each
/// language model once per busy slot rather than once per document, and however many
/// documents fan their pages out at once, no more than `capacity` pages are rendered and
/// recognised together. (With one page worker per file, the last long scan of a batch ran
/// on one core while the others idled; with one per page and no shared limit, two files
/// of two workers each would run four engines on two cores and hold four page images.)
/// Thread-safe; an engine is lent to one caller at a time.
public final class OCREnginePool: @unchecked Sendable {
    public static let shared = OCREnginePool()

    private let condition = NSCondition()
    private var idle: [String: [OCREngine]] = [:]
    private var lent = 0
    private var limit: Int

    public init(capacity: Int = ProcessInfo.processInfo.activeProcessorCount) {
        limit = max(1, capacity)
    }

    /// Pages worked on at once across the process (at least 1). Raising it wakes waiters.
    public var capacity: Int {
        get { condition.lock(); defer { condition.unlock() }; return limit }
        set {
            condition.lock()
            limit = max(1, newValue)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Runs `body` with an engine for `language` that no one else is using, waiting while
    /// `capacity` engines are already at work.
    public func withEngine<R>(language: String, tessdata: String? = nil, _ body: (OCREngine) throws -> R) throws -> R {
        let key = language + "\u{0}" + (tessdata ?? "")
        condition.lock()
        while lent >= limit { condition.wait() }
        lent += 1
        let reused = idle[key]?.popLast()
        condition.unlock()

        var engine: OCREngine?
        defer {
            Self.trimHeap()
            condition.lock()
            lent -= 1
            if let engine { idle[key, default: []].append(engine) }
            condition.signal()
            condition.unlock()
        }
        let e = try reused ?? OCREngine(language: language, tessdata: tessdata)
        engine = e
        return try body(e)
    }

    /// Lets idle engines go, keeping `keeping` per language: a worker that fanned a long
    /// scan out over several engines need not hold them all while it reads text PDFs.
    public func releaseIdle(keeping: Int) {
        condition.lock()
        var released: [OCREngine] = []
        for key in idle.keys {
            while let list = idle[key], list.count > max(0, keeping), let e = idle[key]?.popLast() { released.append(e) }
        }
        condition.unlock()
        guard !released.isEmpty else { return }
        released.removeAll()
        Self.trimHeap()
    }

    /// A page leaves tens of megabytes of freed blocks in the allocator's heaps (tesseract's
    /// working images); glibc keeps them unless asked, and in a long batch the next page's
    /// peak lands on top of them. Handing them back costs a millisecond or two a page.
    /// Looked up at run time: only glibc has `malloc_trim`.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (Int) -> Int32).self)
    }()

    static func trimHeap() {
        _ = mallocTrim?(0)
    }
}
