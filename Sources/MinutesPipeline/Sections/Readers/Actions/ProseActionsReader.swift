import Foundation
import MinutesModel
import PageLayout

/// Actions set in running prose, with no "ACTION:" label or table: each paragraph's
/// sentences are read by `ActionSentences` ("Clerk to write…", "The clerk was asked to…",
/// "…, action Mick."). Runs after the inline-actions reader and leaves the lines it read;
/// kept apart (`proseActions`) since a document with an action table records them there.
struct ProseActionsReader: SectionReader {
    /// Lines of the paragraph read together at most: a sentence runs over a few lines, and a
    /// page of text with no gap is no paragraph.
    static let maxParagraphLines = 14

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let lines = context.lines
        let people = ActionSentences.People(context.found.attendees + context.found.apologies)
        // Lines an action line already gave an action: the same sentence is not read twice.
        let taken = context.found.actions.compactMap { a -> (page: Int, box: Rect)? in
            guard let p = a.page, let b = a.box, b.count == 4 else { return nil }
            return (p, Rect(x0: b[0], y0: b[1], x1: b[2], y1: b[3]))
        }
        func isTaken(_ l: Line) -> Bool {
            taken.contains { $0.page == l.page && l.box.y0 >= $0.box.y0 - 1 && l.box.y1 <= $0.box.y1 + 1 }
        }
        var i = 0
        while i < lines.count {
            guard !context.consumed.contains(i), !isTaken(lines[i]) else { i += 1; continue }
            var para = [i]
            var k = i + 1
            while k < lines.count, para.count < Self.maxParagraphLines, !context.consumed.contains(k), !isTaken(lines[k]),
                  Paragraphs.continues(lines[k - 1], into: lines[k]), !Self.startsMarkedLine(lines[k]),
                  !Self.startsOwnLine(context, lines[k - 1], lines[k], people: people),
                  // "Play areas:" over its text is a heading, not the start of a sentence.
                  !lines[k - 1].text.trimmed.hasSuffix(":") {
                para.append(k)
                k += 1
            }
            out.proseActions += Self.actions(in: para.map { lines[$0] }, people: people)
            i = k
        }
        return out
    }

    static let markedLineOpeners: Set<Unicode.Scalar> = Set("oØ(ivxabcdefgh".unicodeScalars)

    /// A line opened by a bullet the font set as a letter ("o", "Ø") or a sub-item's mark:
    /// a new paragraph, as a bullet is.
    static func startsMarkedLine(_ l: Line) -> Bool {
        // Asked of every line: most open with none of the pattern's first characters.
        guard let c = l.text.unicodeScalars.first, markedLineOpeners.contains(c) else { return false }
        return l.text.range(ofRegex: #"^(?:[oØ]|\(?(?:[ivx]{1,4}|[a-h])\))\s+[A-Z]"#) != nil
    }

    /// "Clerk to write and confirm." on a line of its own under a line that stopped short:
    /// a new sentence, though the line above has no full stop.
    static func startsOwnLine(_ context: SectionContext, _ above: Line, _ l: Line, people: ActionSentences.People) -> Bool {
        !context.wraps(above, into: l) && ActionSentences.opensAction(l.text.trimmed, people: people)
    }

    /// The action sentences of one paragraph, each with the lines it stands on.
    static func actions(in para: [Line], people: ActionSentences.People) -> [Action] {
        var text = ""
        var starts: [Int] = []
        // UTF-16 length kept as the text grows: bridging the whole text so far for each line was quadratic.
        var length = 0
        for l in para {
            if !text.isEmpty { text += " "; length += 1 }
            starts.append(length)
            let t = l.text.trimmed
            text += t
            length += t.utf16.count
        }
        return ActionSentences.actions(in: text, people: people).map { f in
            let first = max(0, (starts.lastIndex(where: { $0 <= f.start }) ?? 0))
            let last = max(first, starts.lastIndex(where: { $0 < f.end }) ?? first)
            let used = Array(para[first...last])
            let page = used.first?.page
            return Action(description: TextJoin.clean(f.sentence), owners: [f.owner], page: page,
                          box: Rect.enclosing(used.filter { $0.page == page }.map(\.box))?.array)
        }
    }
}
