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
    /// "Action 3:" numbers the action; the number is no part of it.
    static let actionLine = #"^(?i)(\#(Vocabulary.alternation(vocabulary.actionLabels)))(\s*\d{1,3}[a-z]?)?\s*(\(([^)]*)\))?\s*[:–—-]\s*"#
    /// "Due: September", "Owner: Clerk" on the line under an action line: its fields.
    static let dueField = #"^(?i)(\#(Vocabulary.alternation(vocabulary.actionPhrases.dueLabels)))\s*[:–—-]\s*"#
    static let ownerField = #"^(?i)(\#(Vocabulary.alternation(vocabulary.actionPhrases.ownerLabels)))\s*[:–—-]\s*"#
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
        let people = ActionSentences.People(context.found.attendees + context.found.apologies)
        var item: String?
        var i = 0
        while i < lines.count {
            let l = lines[i]
            if let n = context.numbers[i], context.scheme.isTopLevel(n.number), items.contains(where: { $0.number == n.number && $0.page == l.page }) {
                item = n.number
            }
            // "○ ACTION MW: …": a bullet before the label is no part of it.
            let text = Paragraphs.startsBullet(l) ? Paragraphs.stripBullet(l.text.trimmed) : l.text.trimmed
            // The patterns below open with "action", "agreed" or a reference ("(12/23)",
            // "12/23"); asked of every line, most open with none.
            guard Self.opensWithActionWord(text) || text.first == "(" || text.first?.isASCIIDigit == true else {
                i += 1
                continue
            }
            if let r = text.range(ofRegex: Self.actionLine) ?? text.range(ofRegex: Self.ownerLabelLine) {
                let label = String(text[r])
                var rest = String(text[r.upperBound...])
                var used = [l]
                var k = i + 1
                // "ACTION MW: Submit the form": the owner between the label and the colon.
                var fields: (due: String?, owner: String?) = (nil, Self.labelOwner(label))
                while k < lines.count, Self.continuesParagraph(lines[k - 1], lines[k]) || Self.wrapsOn(context, lines[k - 1], lines[k])
                        || Self.fieldLine(lines[k].text) != nil {
                    // "Due: September" under the action is its deadline, not more of its text.
                    if let (isDue, value) = Self.fieldLine(lines[k].text) {
                        if isDue { fields.due = value } else { fields.owner = value }
                        used.append(lines[k])
                        k += 1
                        continue
                    }
                    if fields.due != nil { break }
                    rest += " " + lines[k].text
                    used.append(lines[k])
                    k += 1
                }
                // "Action 3: … Due: September" on one line.
                for (pattern, isDue) in [(Self.dueFieldInline, true), (Self.ownerFieldInline, false)] {
                    if let m = rest.range(ofRegex: pattern) {
                        let value = String(rest[m]).replacing(regex: #"^\s*(?i)(\#(Self.vocabulary.actionPhrases.dueLabels.joined(separator: "|"))|\#(Self.vocabulary.actionPhrases.ownerLabels.joined(separator: "|")))\s*:\s*"#, with: "").trimmed
                        if isDue { fields.due = fields.due ?? value } else { fields.owner = fields.owner ?? value }
                        rest = String(rest[..<m.lowerBound])
                    }
                }
                rest = TextJoin.clean(rest)
                // (Not after "ACTION MW:": the label named the owner, so the text is the task.)
                if fields.owner == nil, PeopleParsing.isInitials(rest) || ActionText.isOwnerList(rest) {
                    // "ACTION: AB" after the paragraph that sets it.
                    let para = Self.previousParagraph(before: i, in: lines)
                    if !para.isEmpty {
                        out.actions.append(Action(item: item, description: TextJoin.clean(para.map(\.text).joined(separator: " ")),
                                                  owners: [rest], page: l.page, box: Rect.enclosing(para.filter { $0.page == l.page }.map(\.box) + [l.box])?.array))
                    }
                } else if !rest.isEmpty {
                    var a = Self.makeAction(rest, item: item, lines: used, people: people)
                    if let d = fields.due { a.dueText = d }
                    if let o = fields.owner { a.owners = [o] }
                    // "Action 3:": the number the minutes give the action is its reference.
                    if let n = label.range(ofRegex: #"\d{1,3}[a-z]?(?=\s*[:–—-])"#) { a.ref = String(label[n]) }
                    out.actions.append(a)
                }
                i = k
                continue
            }
            if text.range(ofRegex: Self.actionHeading) != nil {
                var k = i + 1
                var bullets: [[Line]] = []
                while k < lines.count {
                    let b = lines[k]
                    // Bullets, or numbered entries ("1. Daniel - organise posters") under the heading.
                    // (A numbered list is numbered throughout and not bold: a bold "4. Finance"
                    // after the bullets is the next item.)
                    if Paragraphs.startsBullet(b) || Self.listNumber(b) != nil && !b.bold && bullets.allSatisfy({ $0.first.flatMap(Self.listNumber) != nil }) {
                        bullets.append([b]); k += 1; continue
                    }
                    if let last = bullets.last?.last, Self.continuesParagraph(last, b), !b.bold { bullets[bullets.count - 1].append(b); k += 1; continue }
                    break
                }
                for b in bullets {
                    let number = b.first.flatMap(Self.listNumber)
                    var t = TextJoin.clean(Paragraphs.stripBullet(b.map(\.text).joined(separator: " ")))
                    if number != nil { t = t.replacing(regex: #"^\d{1,3}[.)]\s*"#, with: "") }
                    if t.isEmpty || (Self.vocabulary.noneWords + Self.vocabulary.noOneSentences).contains(where: t.lowercased().hasPrefix) { continue }
                    var a: Action
                    if let (owner, task) = ActionText.ownerDash(t) {
                        // "Daniel - organise posters": the owner, a dash, the task.
                        a = Self.makeAction(task, item: item, lines: b, people: people)
                        a.owners = [owner]
                    } else {
                        a = Self.makeAction(t, item: item, lines: b, people: people)
                    }
                    a.ref = number
                    out.actions.append(a)
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
                    var a = Self.makeAction(TextJoin.clean(desc), item: item, lines: used, people: people)
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

    /// "ACTION MW:", "Action SB/TR –": the label, an owner's initials, then the colon.
    /// (Initials as `PeopleParsing.isInitials` reads them: "MW", "AHop"; not "Actions List:".)
    static let ownerLabelLine = #"^(?i:\#(Vocabulary.alternation(vocabulary.actionLabels)))\s+[A-Z][A-Za-z]?[A-Z]{1,3}(?:\s*[/&+,]\s*[A-Z][A-Za-z]?[A-Z]{1,3})*\s*[:–—-]\s*"#

    /// An action label before its owner, built once.
    static let actionLabelLead = #"^(?i:\#(Vocabulary.alternation(vocabulary.actionLabels)))\s+"#

    static func labelOwner(_ label: String) -> String? {
        guard label.range(ofRegex: ownerLabelLine) != nil else { return nil }
        let owner = label.replacing(regex: actionLabelLead, with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: " :–—-"))
        return owner.isEmpty ? nil : owner
    }

    /// "1.", "12)" opening an entry of a numbered list.
    static func listNumber(_ l: Line) -> String? {
        guard let r = l.text.trimmed.range(ofRegex: #"^\d{1,2}[.)](?=\s+[A-Za-z])"#) else { return nil }
        return String(l.text.trimmed[r].dropLast())
    }

    /// An action line broken because the next word would not fit: the next line goes on
    /// with it, bold (a bold line is otherwise a heading of its own) or set wide apart.
    static func wrapsOn(_ context: SectionContext, _ a: Line, _ b: Line) -> Bool {
        context.wraps(a, into: b) && !Paragraphs.startsBullet(b) && ItemNumber.leading(b) == nil
            && fieldLine(b.text) == nil
            && b.text.range(ofRegex: actionLine) == nil
    }

    /// A field line under an action: whether it gives the due date (else the owner), and its value.
    static func fieldLine(_ text: String) -> (Bool, String)? {
        let t = text.trimmed
        for (pattern, isDue) in [(dueField, true), (ownerField, false)] {
            if let r = t.range(ofRegex: pattern) {
                let value = String(t[r.upperBound...]).trimmed
                return value.isEmpty ? nil : (isDue, value)
            }
        }
        return nil
    }

    /// "… Due: September" at the end of the action's own line.
    static let dueFieldInline = #"\s(?i:\#(Vocabulary.alternation(vocabulary.actionPhrases.dueLabels)))\s*:\s*\S[^:]{0,40}$"#
    static let ownerFieldInline = #"\s(?i:\#(Vocabulary.alternation(vocabulary.actionPhrases.ownerLabels)))\s*:\s*\S[^:]{0,40}$"#

    static func makeAction(_ text: String, item: String?, lines used: [Line],
                           people: ActionSentences.People = ActionSentences.People()) -> Action {
        var desc = text
        var owners: [String] = []
        if let owner = ActionText.bracketedOwner(text) {
            // "Confirm whether the plan is public (Olivia Burman).": the owner closes the line.
            owners = [owner]
        } else if ActionText.ownerSubject(text) == nil, let lead = ActionSentences.leadingOwner(text, people: people, loose: false) {
            // "Panel members/ KO to write…": owners joined by a slash the subject pattern misses.
            owners = [lead]
        } else if let subject = ActionText.ownerSubject(text) {
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
