import Foundation
import MinutesModel
import PageLayout

/// An action log with no header row: each action a line or two of text with its status
/// ("New", "Ongoing", "Carried forward") far right, under group headings that may name the
/// lead ("National Address Dataset – Lead HS/BB").
enum StatusLog {
    static let statuses = Vocabulary.shared.statusWords
    /// "– Lead HS/BB", "- Leads: GS": the lead a group heading names.
    static let leadNamed = #"(?i)[–—-]\s*(\#(Vocabulary.alternation(Vocabulary.shared.leadWords)))\s*:?\s*"#

    struct Region {
        var range: Range<Int>
        var statusX: Double
    }

    /// A status word or two at the right of the line: "New", "Carried", "In progress".
    static let statusColumn = MarginColumn(
        startsPast: Layout.statusColumnStart, alignment: Layout.statusAlignment, minimumEntries: 4, proseWords: 3,
        isEntry: { last in
            let t = last.text.lowercased()
            return statuses.contains(where: { t == $0 || t.hasPrefix($0 + " ") })
        })

    /// The log's lines: from the group heading above the first status to the last status's
    /// wrapped lines. Four statuses at one edge, two in three of all found, are needed.
    static func detect(_ lines: [Line], widths: [Int: Double]) -> Region? {
        guard let column = statusColumn.find(lines, widths: widths), column.entries.count * 3 >= column.candidates * 2,
              let first = column.entries.first, let last = column.entries.last else { return nil }
        let median = column.x
        var start = first.index
        // Group headings just above the first action.
        while start > 0, start > first.index - 2, lines[start - 1].page == lines[start].page,
              lines[start - 1].segments.allSatisfy({ $0.box.x1 < median - 2 }), lines[start - 1].words.count <= 12,
              lines[start].box.y0 - lines[start - 1].box.y1 < lines[start].box.height {
            start -= 1
        }
        var end = last.index + 1
        while end < lines.count, continues(lines[end], after: lines[end - 1], statusX: median) { end += 1 }
        return Region(range: start..<end, statusX: median)
    }

    /// A wrapped line of the action or its status just above: close below, and starting in
    /// lower case ("are trying to use the PAF", "forward").
    static func continues(_ l: Line, after prev: Line, statusX: Double) -> Bool {
        guard Paragraphs.continues(prev, into: l), let first = l.words.first?.text.first else { return false }
        return first.isLowercase
    }

    static func read(_ lines: ArraySlice<Line>, statusX: Double) -> [Action] {
        var actions: [Action] = []
        var lead: String?
        var current: (text: [String], status: [String], page: Int, boxes: [Rect], owner: String?)?
        var previous: Line?

        func close() {
            guard let c = current else { return }
            let description = TextJoin.clean(c.text.joined(separator: " "))
            if !description.isEmpty {
                let owners = c.owner.map { [$0] } ?? ActionText.ownerSubject(description).map { [$0] } ?? []
                actions.append(Action(description: description, owners: owners,
                                      status: TextJoin.clean(c.status.joined(separator: " ")),
                                      page: c.page, box: Rect.enclosing(c.boxes)?.array))
            }
            current = nil
        }

        for l in lines {
            // A heading may run across the status column's edge: it stays on the left.
            let left = l.segments.filter { $0.box.x0 < statusX - 6 }
            let right = l.segments.filter { $0.box.x0 >= statusX - 6 }
            let leftText = left.map(\.text).joined(separator: " ")
            let rightText = right.map(\.text).joined(separator: " ")
            if let r = right.first, r.text.first?.isUppercase == true {
                close()
                current = ([leftText], [rightText], l.page, [l.box], lead)
            } else if !right.isEmpty || (previous.map { continues(l, after: $0, statusX: statusX) } ?? false) {
                // The status's second word ("forward"), or the action's wrapped line.
                current?.text.append(leftText)
                if !rightText.isEmpty { current?.status.append(rightText) }
                if l.page == current?.page { current?.boxes.append(l.box) }
            } else {
                // A group heading: the lead it names owns the actions under it.
                close()
                if let m = leftText.range(ofRegex: Self.leadNamed) {
                    lead = String(leftText[m.upperBound...]).trimmed
                    if lead?.isEmpty == true { lead = nil }
                } else {
                    lead = nil
                }
            }
            previous = l
        }
        close()
        return actions
    }
}
