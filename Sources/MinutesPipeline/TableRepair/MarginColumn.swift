import Foundation
import PageLayout

/// A column of short entries down the right of the page beside prose, with no header: owners'
/// initials ("AW", "SG/NS") beside the paragraphs that set actions, or statuses ("New",
/// "Carried forward") beside an action log's lines. The one detector for both; what an
/// entry is, where the column may start and how many entries make one are the caller's.
struct MarginColumn: Sendable {
    /// Where an entry may start, as a share of the page width.
    var startsPast: Double
    /// Entries within this many ems of the column's median left edge stand in it.
    var alignment: Double
    /// Fewest entries that make a column.
    var minimumEntries: Int
    /// Fewest words of prose beside an entry.
    var proseWords: Int
    /// Whether a line's last segment is an entry.
    var isEntry: @Sendable (Segment) -> Bool

    struct Found {
        /// The lines holding an entry in the column, with the entry's left edge.
        var entries: [(index: Int, x: Double)]
        /// Every line holding an entry, in the column or not.
        var candidates: Int
        /// The column's left edge: the entries' median.
        var x: Double
    }

    func find(_ lines: [Line], widths: [Int: Double]) -> Found? {
        var hits: [(index: Int, x: Double, em: Double)] = []
        for (i, l) in lines.enumerated() {
            guard l.segments.count >= 2, let last = l.segments.last, last.box.x0 > (widths[l.page] ?? 595) * startsPast,
                  last.words.count <= 3, isEntry(last) else { continue }
            // Beside prose: the rest of the line reads as words, not figures or codes.
            let prose = l.segments.dropLast().flatMap(\.words).filter { Self.isProseWord($0.text) }
            guard prose.count >= proseWords else { continue }
            hits.append((i, last.box.x0, Layout.em(l)))
        }
        guard hits.count >= minimumEntries else { return nil }
        let xs = hits.map(\.x).sorted()
        let median = xs[xs.count / 2]
        let near = hits.filter { abs($0.x - median) < alignment * $0.em }
        guard near.count >= minimumEntries else { return nil }
        return Found(entries: near.map { ($0.index, $0.x) }, candidates: hits.count, x: median)
    }

    /// A word of running text: three letters or more, some in lower case, perhaps with the
    /// punctuation that ends it.
    static func isProseWord(_ text: String) -> Bool {
        let t = text.trimming([",", ".", ";", ":", ")", "(", "’", "'"])
        return t.count > 2 && t.allSatisfy(\.isLetter) && t.contains(where: \.isLowercase)
    }
}
