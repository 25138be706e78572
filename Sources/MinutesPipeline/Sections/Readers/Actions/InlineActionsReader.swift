import Foundation
import MinutesModel
import PageLayout

/// Actions written in the text, outside any action table:
/// - an action line: "ACTION: PG to circulate the SEF by 30 November 2021", "Action (JS) – write";
/// - owners alone after the paragraph that sets the action: "…the report." / "ACTION: AB";
/// - bullets under an "Actions arising" heading;
/// - a reference and the action: "(12/23) Clerk to write to the county council".
struct InlineActionsReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    /// "ACTION:", "Agreed actions –", "Action (JS):" before the action.
    static let actionLine = #"^(?i)(\#(Vocabulary.alternation(vocabulary.actionLabels)))\s*(\(([^)]*)\))?\s*[:–—-]\s*"#
    /// "Actions arising", "Action points:" over a list of bullets.
    static let actionHeading = #"^(?i)(\#(Vocabulary.alternation(vocabulary.actionLabels + vocabulary.actionHeadings)))\s*:?$"#
    static let refAction = try! NSRegularExpression(pattern: #"^\(?(\d{1,4}/\d{2,4})\)?\s*[:–—-]\s*(.+)$"#)
    static let due = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.deadlineWords)))\s+(the\s+)?(end of\s+)?(\d{1,2}(st|nd|rd|th)?\s+[A-Za-z]+(\s+\d{4})?|[A-Za-z]+\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|next meeting)"#
    static let dueLead = #"(?i)^(\#(Vocabulary.alternation(vocabulary.deadlineWords)))\s+"#

    /// The first six bytes of every action label's first word, lower case: a line opening
    /// with none of them is no action line or heading.
    private static let actionWords = Set((vocabulary.actionLabels + vocabulary.actionHeadings).compactMap { label in
        label.split(separator: " ").first.map { Array($0.lowercased().utf8.prefix(6)) }
    })

    /// Asked of every line: compares the first bytes, ASCII case folded, in place.
    static func opensWithActionWord(_ text: String) -> Bool {
        actionWords.contains { word in text.utf8.prefix(word.count).elementsEqual(word) { $0 | 0x20 == $1 } }
    }

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let lines = context.lines, items = context.found.items
        var item: String?
        var i = 0
        while i < lines.count {
            let l = lines[i]
            if let n = context.numbers[i], context.scheme.isTopLevel(n.number), items.contains(where: { $0.number == n.number && $0.page == l.page }) {
                item = n.number
            }
            let text = l.text.trimmed
            // The patterns below open with "action", "agreed" or a reference ("(12/23)",
            // "12/23"); asked of every line, most open with none.
            guard Self.opensWithActionWord(text) || text.first == "(" || text.first?.isASCIIDigit == true else {
                i += 1
                continue
            }
            if let r = text.range(ofRegex: Self.actionLine) {
                var rest = String(text[r.upperBound...])
                var used = [l]
                var k = i + 1
                while k < lines.count, Self.continuesParagraph(lines[k - 1], lines[k]) {
                    rest += " " + lines[k].text
                    used.append(lines[k])
                    k += 1
                }
                rest = TextJoin.clean(rest)
                if PeopleParsing.isInitials(rest) || ActionText.isOwnerList(rest) {
                    // "ACTION: AB" after the paragraph that sets it.
                    let para = Self.previousParagraph(before: i, in: lines)
                    if !para.isEmpty {
                        out.actions.append(Action(item: item, description: TextJoin.clean(para.map(\.text).joined(separator: " ")),
                                                  owners: [rest], page: l.page, box: Rect.enclosing(para.filter { $0.page == l.page }.map(\.box) + [l.box])?.array))
                    }
                } else if !rest.isEmpty {
                    out.actions.append(Self.makeAction(rest, item: item, lines: used))
                }
                i = k
                continue
            }
            if text.range(ofRegex: Self.actionHeading) != nil {
                var k = i + 1
                var bullets: [[Line]] = []
                while k < lines.count {
                    let b = lines[k]
                    if Paragraphs.startsBullet(b) { bullets.append([b]); k += 1; continue }
                    if let last = bullets.last?.last, Self.continuesParagraph(last, b), !b.bold { bullets[bullets.count - 1].append(b); k += 1; continue }
                    break
                }
                for b in bullets {
                    let t = TextJoin.clean(Paragraphs.stripBullet(b.map(\.text).joined(separator: " ")))
                    if t.isEmpty || (Self.vocabulary.noneWords + Self.vocabulary.noOneSentences).contains(where: t.lowercased().hasPrefix) { continue }
                    out.actions.append(Self.makeAction(t, item: item, lines: b))
                }
                i = max(i + 1, k)
                continue
            }
            let ns = NSRange(text.startIndex..., in: text)
            if let m = Self.refAction.firstMatch(in: text, range: ns), let rr = Range(m.range(at: 1), in: text), let dr = Range(m.range(at: 2), in: text) {
                var desc = String(text[dr])
                var used = [l]
                var k = i + 1
                while k < lines.count, Self.continuesParagraph(lines[k - 1], lines[k]), Self.refAction.firstMatch(in: lines[k].text, range: NSRange(lines[k].text.startIndex..., in: lines[k].text)) == nil {
                    desc += " " + lines[k].text
                    used.append(lines[k])
                    k += 1
                }
                if ActionText.ownerSubject(desc) != nil {
                    var a = Self.makeAction(TextJoin.clean(desc), item: item, lines: used)
                    a.ref = String(text[rr]).replacingOccurrences(of: " ", with: "")
                    out.actions.append(a)
                    i = k
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The paragraph above line `i`, up to its heading, bullet or the gap before it.
    static func previousParagraph(before i: Int, in lines: [Line]) -> [Line] {
        var out: [Line] = []
        var k = i - 1
        while k >= 0, out.count < 10 {
            let l = lines[k]
            if let next = out.first ?? Optional(lines[i]), !Paragraphs.closeBelow(l, next) { break }
            if l.bold || ItemNumber.leading(l) != nil && out.count > 0 { out.insert(l, at: 0); break }
            out.insert(l, at: 0)
            if Paragraphs.startsBullet(l) { break }
            k -= 1
        }
        return out.filter { !$0.bold || out.count == 1 }
    }

    /// `b` goes on with the action above: the same paragraph, and not another action line
    /// (on this page or at the top of the next).
    static func continuesParagraph(_ a: Line, _ b: Line) -> Bool {
        Paragraphs.continues(a, into: b) && b.text.range(ofRegex: actionLine) == nil
    }

    static func makeAction(_ text: String, item: String?, lines used: [Line]) -> Action {
        var desc = text
        var owners: [String] = []
        if let subject = ActionText.ownerSubject(text) {
            owners = [subject]
            // "Force: update at next meeting" — the owner label is not part of the action.
            if let colon = desc.range(ofRegex: #"^[^:]{1,40}:\s*"#), String(desc[colon]).trimmed.hasSuffix(":") {
                desc = String(desc[colon.upperBound...])
            }
        }
        var dueText: String?
        if let r = desc.range(ofRegex: due) {
            dueText = String(desc[r]).replacing(regex: dueLead, with: "")
        }
        return Action(item: item, description: desc.trimmed, owners: owners, dueText: dueText,
                      page: used.first?.page, box: Rect.enclosing(used.filter { $0.page == used.first?.page }.map(\.box))?.array)
    }
}
