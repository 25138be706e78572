import Foundation
import PageLayout

/// Several meetings in one file: an annual meeting followed by the ordinary one, a special
/// meeting appended. Each opens with its own sentence, "Minutes of the Annual General Meeting
/// of … held on 20th May 2019 at 6.30pm", "Minutes of a meeting of the above Council held on …";
/// the main meeting (the longer) is the document's, and the readers see its lines alone, so
/// that the other meeting's people, items and times are never mixed in.
enum MeetingBoundaries {
    static let vocabulary = Vocabulary.shared
    static let opening = #"(?i)^((\#(Vocabulary.alternation(vocabulary.documentStates)))\s+)?(\#(Vocabulary.alternation(vocabulary.recordNouns)))\s+of\s+(the|a|an)\b"#
    /// Every line is asked whether it opens a meeting; most hold no record noun (`WordGate`).
    static let openingGate = WordGate(vocabulary.recordNouns)
    static let held = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.heldVerbs)))\b"#
    /// A meeting shorter than this many lines is a stray sentence, not a meeting of its own.
    static let minimumLines = 8

    struct Split {
        /// The main meeting's lines, with the heading block printed above its opening.
        var main: [Line]
        /// The openings of the meetings left out, for the diagnostic.
        var others: [Line]
    }

    /// The main meeting of the lines, or nil when they hold one meeting.
    static func split(_ lines: [Line], order: DateParsing.Order) -> Split? {
        var starts: [Int] = []
        var firstDate: String?
        for i in lines.indices where isOpening(i, lines) {
            let next = i + 1 < lines.count && lines[i + 1].page == lines[i].page ? " " + lines[i + 1].text : ""
            let sentence = lines[i].text + next
            guard sentence.range(ofRegex: held) != nil,
                  let d = DateParsing.first(in: sentence, order: order), d.iso.count == 10 else { continue }
            // Minutes of an earlier meeting, quoted, are no meeting of this file.
            if let f = firstDate, d.iso < f { continue }
            firstDate = firstDate ?? d.iso
            starts.append(headingStart(above: i, lines))
        }
        guard starts.count >= 2 else { return nil }
        // The first meeting takes the title block above its opening too.
        var bounds = starts
        bounds[0] = 0
        bounds.append(lines.count)
        let parts = (0..<starts.count).map { bounds[$0]..<bounds[$0 + 1] }
        guard parts.allSatisfy({ $0.count >= minimumLines }),
              let main = parts.indices.max(by: { parts[$0].count < parts[$1].count }) else { return nil }
        let others = parts.indices.filter { $0 != main }.map { k in lines[starts[k]...].first { isOpeningLine($0) } ?? lines[starts[k]] }
        return Split(main: Array(lines[parts[main]]), others: others)
    }

    static func isOpeningLine(_ l: Line) -> Bool {
        openingGate.mayMatch(l.text) && l.text.range(ofRegex: opening) != nil && ItemNumber.leading(l) == nil
    }

    /// A line that opens a meeting's minutes: "Minutes of the …", not numbered (an item
    /// approving earlier minutes is), and starting its paragraph.
    static func isOpening(_ i: Int, _ lines: [Line]) -> Bool {
        guard isOpeningLine(lines[i]) else { return false }
        guard i > 0, lines[i - 1].page == lines[i].page else { return true }
        return Layout.gap(lines[i - 1], lines[i]) >= Layout.paragraphGap || lines[i - 1].text.trimmed.hasSuffix(".")
    }

    /// The heading lines printed just above an opening ("TINTERN COMMUNITY COUNCIL") belong to
    /// its meeting.
    static func headingStart(above i: Int, _ lines: [Line]) -> Int {
        var k = i
        while k > 0, i - k < 3, lines[k - 1].page == lines[i].page, HeadingText.isHeadingCase(lines[k - 1].text.trimmed),
              ItemNumber.leading(lines[k - 1]) == nil {
            k -= 1
        }
        return k
    }
}
