import MinutesModel
import PageLayout

/// Words into visual lines, and each line into segments at wide gaps, in reading order
/// (top to bottom, then left to right).
public struct BuildLines: Stage {
    public let name = "build-lines"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        doc.lines = doc.pages.flatMap { Self.lines(of: $0) }
        // A text layer's words live on in the lines, and nothing after this stage reads
        // them from the pages: a long document held every word twice (14 MB of 57 at the
        // peak for 360 pages). OCR pages keep theirs: field confidences are read from them.
        for i in doc.pages.indices where doc.pages[i].source == .textLayer {
            doc.pages[i].words = []
        }
    }

    public static func lines(of page: Page) -> [Line] {
        let words = page.words.filter { !$0.text.isEmpty && $0.box.height > 0 }
            .sorted { $0.box.midY < $1.box.midY }
        var rows: [[Word]] = []
        var rowBoxes: [Rect] = []
        for w in words {
            // A word joins the nearest recent row it overlaps vertically; superscripts
            // ("25th") overlap less, so the test is against the shorter of the two heights.
            var joined = false
            for i in stride(from: rows.count - 1, through: max(0, rows.count - 3), by: -1) {
                let r = rowBoxes[i]
                if r.verticalOverlap(w.box) > 0.45, !overlapsHorizontally(w, rows[i]) {
                    rows[i].append(w)
                    rowBoxes[i] = r.union(Rect(x0: w.box.x0, y0: max(r.y0, min(w.box.y0, r.y1)),
                                               x1: w.box.x1, y1: r.y1))
                    joined = true
                    break
                }
            }
            if !joined {
                rows.append([w])
                rowBoxes.append(w.box)
            }
        }
        let lines = rows.map { row -> Line in
            let sorted = row.sorted { $0.box.x0 < $1.box.x0 }
            return Line(page: page.number, segments: segments(sorted))
        }
        return inReadingOrder(lines)
    }

    /// Lines that share most of their height with each other stand side by side.
    static let sideBySideOverlap = 0.6

    /// Top to bottom, and left to right within a row: lines are taken down the page by
    /// their tops, and each joins the row above when it overlaps every line of it by
    /// `sideBySideOverlap`. Comparing pairs directly (overlap, then x; else y) is not a
    /// strict weak order — a overlaps b, b overlaps c, a is clear of c — and the sort's
    /// result then depends on the order the lines arrived in. Tops, not middles: a tall
    /// line (a scanned logo read as a word) starts the row it rises into.
    static func inReadingOrder(_ lines: [Line]) -> [Line] {
        let down = lines.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        var rows: [[Line]] = []
        for l in down {
            if let row = rows.last, row.allSatisfy({ $0.box.verticalOverlap(l.box) > sideBySideOverlap }) {
                rows[rows.count - 1].append(l)
            } else {
                rows.append([l])
            }
        }
        return rows.flatMap { row in row.sorted { ($0.box.x0, $0.box.midY) < ($1.box.x0, $1.box.midY) } }
    }

    /// Two words on one baseline never cover the same x; if they do, they belong to two
    /// lines drawn close together.
    private static func overlapsHorizontally(_ w: Word, _ row: [Word]) -> Bool {
        row.contains { o in min(o.box.x1, w.box.x1) - max(o.box.x0, w.box.x0) > 0.5 * min(o.box.width, w.box.width) }
    }

    /// A gap wider than about one em starts a new segment: wider than any justified space,
    /// narrower than a table gutter.
    public static func segments(_ words: [Word]) -> [Segment] {
        guard let first = words.first else { return [] }
        var segments: [Segment] = []
        var current = [first]
        for w in words.dropFirst() {
            guard let last = current.last else { continue }
            let gap = w.box.x0 - last.box.x1
            let em = max(4, min(w.fontSize, last.fontSize))
            if gap > em * 1.1 {
                segments.append(Segment(words: current))
                current = [w]
            } else {
                current.append(w)
            }
        }
        segments.append(Segment(words: current))
        return segments
    }
}
