/// The working page model: what an extractor (text layer or OCR) produces and every later
/// stage reads. Coordinates are PDF points, origin at the page's top-left corner.
public struct Rect: Equatable, Hashable, Sendable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    public func union(_ o: Rect) -> Rect {
        Rect(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
    }

    /// Share of the shorter of the two vertical extents that the two rects have in common.
    public func verticalOverlap(_ o: Rect) -> Double {
        let overlap = min(y1, o.y1) - max(y0, o.y0)
        let shorter = min(height, o.height)
        guard shorter > 0 else { return 0 }
        return max(0, overlap) / shorter
    }

    public var array: [Double] { [x0, y0, x1, y1].map { ($0 * 10).rounded() / 10 } }

    public static func enclosing(_ rects: [Rect]) -> Rect? {
        guard var r = rects.first else { return nil }
        for o in rects.dropFirst() { r = r.union(o) }
        return r
    }
}

public struct Word: Equatable, Sendable {
    public var text: String
    public var box: Rect
    public var fontSize: Double
    public var bold: Bool
    public var italic: Bool
    /// OCR word confidence 0–1; nil for text-layer words.
    public var confidence: Double?

    public init(text: String, box: Rect, fontSize: Double, bold: Bool = false, italic: Bool = false,
                confidence: Double? = nil) {
        self.text = text
        self.box = box
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.confidence = confidence
    }
}

public enum PageSource: String, Sendable {
    case textLayer, ocr
}

/// One page as extracted: every word with its box, in the order the extractor gave them.
public struct Page: Sendable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var words: [Word]
    public var source: PageSource

    public init(number: Int, width: Double, height: Double, words: [Word], source: PageSource = .textLayer) {
        self.number = number
        self.width = width
        self.height = height
        self.words = words
        self.source = source
    }
}

/// Words on one baseline that sit close together: a run of text a column can hold.
/// A wide gap on a visual line starts a new segment.
public struct Segment: Equatable, Sendable {
    // Text and box are asked for many times per line by every stage; they are kept
    // up to date here rather than rebuilt on each call.
    public var words: [Word] { didSet { refresh() } }
    public private(set) var text: String = ""
    public private(set) var box = Rect(x0: 0, y0: 0, x1: 0, y1: 0)

    public init(words: [Word]) {
        self.words = words
        refresh()
    }

    private mutating func refresh() {
        text = words.map(\.text).joined(separator: " ")
        box = Rect.enclosing(words.map(\.box)) ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
    }

    public var bold: Bool { !words.isEmpty && words.allSatisfy(\.bold) }
}

/// One visual line of a page: its segments from left to right.
public struct Line: Equatable, Sendable {
    public var page: Int
    public var segments: [Segment] { didSet { refresh() } }
    public private(set) var text: String = ""
    public private(set) var box = Rect(x0: 0, y0: 0, x1: 0, y1: 0)

    public init(page: Int, segments: [Segment]) {
        self.page = page
        self.segments = segments
        refresh()
    }

    /// Median word size and all-bold, kept with the text and box: the classifier asks them
    /// of the same lines over and over.
    public private(set) var fontSize: Double = 0
    public private(set) var bold = false

    private mutating func refresh() {
        text = segments.map(\.text).joined(separator: " ")
        box = Rect.enclosing(segments.map(\.box)) ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
        var sizes: [Double] = []
        var allBold = true
        for seg in segments {
            for w in seg.words {
                sizes.append(w.fontSize)
                allBold = allBold && w.bold
            }
        }
        sizes.sort()
        fontSize = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        bold = !sizes.isEmpty && allBold
    }

    public var words: [Word] { segments.flatMap(\.words) }
    /// The first word, without gathering the rest.
    public var firstWord: Word? { segments.first(where: { !$0.words.isEmpty })?.words.first }
}
