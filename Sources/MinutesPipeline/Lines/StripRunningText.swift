import Foundation
import MinutesModel
import PageLayout

/// Drops running headers and footers: text near the top or bottom edge that repeats on
/// other pages, page numbers ("Page 3 of 6", "- 3 -") and protective markings.
public struct StripRunningText: Stage {
    public let name = "strip-running-text"
    public init() {}

    static let markings: Set<String> = [
        "official", "official-sensitive", "official sensitive", "unclassified", "restricted", "protect",
        "not protectively marked", "confidential", "draft", "nppm",
    ]

    public func run(_ doc: inout WorkingDocument) throws {
        let heights = Dictionary(doc.pages.map { ($0.number, $0.height) }, uniquingKeysWith: { a, _ in a })
        let pageCount = Set(doc.lines.map(\.page)).count
        func zone(_ l: Line) -> Int? {
            guard let h = heights[l.page], h > 0 else { return nil }
            if l.box.y1 < h * 0.11 { return 0 }
            if l.box.y0 > h * 0.89 { return 1 }
            return nil
        }
        // Which pages each edge text appears on, digits ignored ("Page 2 of 6" ~ "Page 5 of 6").
        var pagesByKey: [String: Set<Int>] = [:]
        let keys = doc.lines.map { zone($0) == nil ? "" : Self.key($0.text) }
        for (l, key) in zip(doc.lines, keys) {
            guard let z = zone(l) else { continue }
            pagesByKey["\(z)|\(key)", default: []].insert(l.page)
        }
        let needed = pageCount >= 4 ? max(2, pageCount / 3) : 2
        var kept: [Line] = []
        var removed = 0
        var removedPages = Set<Int>()
        for (l, key) in zip(doc.lines, keys) {
            if let z = zone(l) {
                let repeated = (pagesByKey["\(z)|\(key)"]?.count ?? 0) >= needed
                if repeated || Self.isPageNumber(l.text) || Self.markings.contains(key) {
                    doc.runningText.append(l)
                    removed += 1
                    removedPages.insert(l.page)
                    continue
                }
            }
            kept.append(l)
        }
        if removed > 0 {
            doc.note(name, .info, "removed \(removed) running header/footer line(s) on \(removedPages.count) page(s)")
        }
        doc.lines = kept
    }

    static func key(_ text: String) -> String {
        // Digits to "#" (a run to one), white space folded: natively, as every line asks.
        var out = String.UnicodeScalarView()
        var inDigits = false
        for s in text.lowercased().collapsingWhitespace.unicodeScalars {
            if ("0"..."9").contains(s) {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                out.append(s)
                inDigits = false
            }
        }
        return String(out)
    }

    static func isPageNumber(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.range(ofRegex: #"^(?i)(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|/)\s*\d{1,4})?$"#) != nil
    }
}
