import Foundation
import PageLayout

/// Lists of people set side by side under their own labels ("Board Members:" beside
/// "Officials:", "Apologies:" beside "Presenters:"): read as one column after the other,
/// where line by line each row would join two people from different lists. Run on the
/// lines before any reader sees them.
enum PeopleColumns {
    static func reorder(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            guard let gutter = gutter(of: lines[i]), let (left, right, end) = split(lines, from: i, at: gutter) else {
                out.append(lines[i])
                i += 1
                continue
            }
            out += left + right
            i = end
        }
        return out
    }

    /// Where the second list starts: a label line whose first segment and a later one both
    /// name lists of people.
    static func gutter(of line: Line) -> Double? {
        guard line.segments.count >= 2, let first = line.segments.first,
              PeopleLabel.kind(of: first.text) != nil else { return nil }
        return line.segments.dropFirst().first { PeopleLabel.kind(of: $0.text) != nil }?.box.x0
    }

    /// The block's lines cut at the gutter, down to a wide gap, a new page or a line that
    /// runs across the gutter; nil for a block too short to be two lists.
    static func split(_ lines: [Line], from start: Int, at gutter: Double) -> ([Line], [Line], Int)? {
        var left: [Line] = [], right: [Line] = []
        var k = start
        while k < lines.count {
            let l = lines[k]
            if k > start {
                let prev = lines[k - 1]
                if l.page != prev.page || Layout.gap(prev, l) > Layout.sideBySideListGap { break }
            }
            var ls: [Segment] = [], rs: [Segment] = []
            var crosses = false
            for s in l.segments {
                if s.box.x1 <= gutter - 2 { ls.append(s) } else if s.box.x0 >= gutter - 6 { rs.append(s) } else { crosses = true }
            }
            if crosses { break }
            if !ls.isEmpty { left.append(Line(page: l.page, segments: ls)) }
            if !rs.isEmpty { right.append(Line(page: l.page, segments: rs)) }
            k += 1
        }
        guard k - start >= 3, !right.isEmpty else { return nil }
        return (left, right, k)
    }
}
