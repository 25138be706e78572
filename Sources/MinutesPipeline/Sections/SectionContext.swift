import Foundation
import MinutesModel
import PageLayout

/// What the readers of `classify-sections` share: the lines as they are read, what each line
/// is (a field label, an item number), how the document numbers its items and writes its
/// dates, and what the readers before have found. Built once by the stage, before the first
/// reader; carried in `WorkingDocument.sections` for whatever comes after.
public struct SectionContext: Sendable {
    /// Lines in reading order, with people lists set side by side taken one after the other.
    let lines: [Line]
    /// Running headers and footers taken out of the flow: a header often names the meeting.
    let runningText: [Line]
    /// Each line's field label ("Venue:", "Present;"), read once: several readers ask.
    let labels: [FieldLabel?]
    /// Each line's leading item number, read once.
    let numbers: [ItemNumber.Found?]
    /// How this document numbers its items, where it departs from 1, 2, 3.
    let scheme: NumberingScheme
    /// Each page's right margin, as far as its lines reach.
    let pageRight: [Int: Double]
    /// The first page's number: the meeting's own fields are printed near its top.
    let firstPage: Int
    /// Each page's height, where the pages were known.
    let pageHeights: [Int: Double]
    /// How the document writes numeric dates ("03/04/2024").
    public let dateOrder: DateParsing.Order
    /// Full dates the file's own metadata gives (its title's, then its creation date), for a
    /// page that writes the meeting's date with no year.
    let metadataDates: [String]
    /// What the readers so far have found, and which lines they took.
    public internal(set) var found = SectionFindings()

    init(lines: [Line], runningText: [Line] = [], dateOrder: DateParsing.Order = .dayFirst, pageHeights: [Int: Double] = [:],
         metadataDates: [String] = []) {
        self.lines = lines
        self.metadataDates = metadataDates
        self.pageHeights = pageHeights
        self.runningText = runningText
        self.dateOrder = dateOrder
        labels = lines.map(FieldLabels.label)
        numbers = lines.map(ItemNumber.leading)
        scheme = NumberingScheme(numbers: numbers.compactMap { $0?.number })
        var right: [Int: Double] = [:]
        for l in lines { right[l.page] = max(right[l.page] ?? 0, l.box.x1) }
        pageRight = right
        firstPage = lines.first?.page ?? 1
    }

    /// A page's height; an A4 page's where the page was not known.
    func pageHeight(_ page: Int) -> Double { pageHeights[page] ?? 842 }

    /// Lines a reader has already taken as a field or a people list: no item's text.
    var consumed: Set<Int> { found.consumed }

    /// A reader's findings, added by the rules of `SectionFindings.add`.
    mutating func add(_ findings: SectionFindings) { found.add(findings) }

    /// The sentence that starts on line `i` at `start`, run on over up to `extraLines` more
    /// lines of the page to its full stop (left off); `k` is the line after the last read.
    func sentence(from i: Int, after start: String.Index, extraLines: Int,
                  _ prepare: (String) -> String = { $0 }) -> (text: String, k: Int) {
        var text = prepare(String(lines[i].text[start...]))
        var k = i + 1
        while text.range(ofRegex: #"\.(\s|$)"#) == nil, k < lines.count, k <= i + extraLines, lines[k].page == lines[i].page {
            text += " " + prepare(lines[k].text)
            k += 1
        }
        if let stop = text.range(ofRegex: #"\.(\s|$)"#) { text = String(text[..<stop.lowerBound]) }
        return (text, k)
    }

    /// A line broken because the next line's first word would not fit after it: the
    /// two are one paragraph, however short the first looks. Paragraph text only: a table
    /// row (a label and a value at most above, one run below) ends where its cells do.
    func wraps(_ above: Line, into l: Line) -> Bool {
        guard above.page == l.page, above.segments.count <= 2, l.segments.count == 1, l.bold == above.bold,
              Layout.gap(above, l) < Layout.wrapGap,
              let right = pageRight[above.page], let first = l.words.first else { return false }
        let space = first.box.height * Layout.spaceWidth
        return above.box.x1 + space + first.box.width > right - Layout.marginSlack * Layout.em(above)
    }
}

/// One reader of `classify-sections`: one family of layouts, one job. It reads the shared
/// context (and what the readers before it found) and returns what it found, with the lines
/// it took; it never edits another reader's result (`SectionFindings.add` keeps to that).
protocol SectionReader: Sendable {
    func read(_ context: SectionContext) -> SectionFindings
}
