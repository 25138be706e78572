import Foundation
import MinutesModel
import PageLayout

/// The numbered items, their sub-items and decisions, and a printed agenda apart from them:
/// - a number and a heading: "4. HOLDING TO ACCOUNT", "Item 3 – Finance", "Minute 45/23 Planning";
/// - the number in its own column: "21.01.02 | Register of Interests";
/// - a heading broken onto a second line: "2. Minutes of the meeting held on" / "28 August 2014";
/// - sub-items: "4.1 Budget Monitoring", "a) Grants" under item 4;
/// - a heading above its number: "Chairman's Announcements" / "(Item 2)";
/// - an "AGENDA" list before the minutes, numbered again from 1;
/// - OCR's misread numbers ("ib", "2s", "A.") where the sequence expects 1, 2, 4;
/// - numbered paragraphs with no headings ("1. KK presented a proposal…"), see `NumberedParagraphs`.
struct ItemsReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    static let agenda = Vocabulary.alternation(vocabulary.agendaWords)
    /// "AGENDA", "Draft Agenda (Part A)", "Agenda for the meeting on …" as a heading.
    static let agendaHeading = #"^(draft |the |meeting )?(\#(agenda))( \(.*\)| for .*)?:?$"#
    /// "Minutes", "Draft minutes of …": the minutes proper after a printed agenda.
    static let minutesOpening = #"(?i)^((\#(Vocabulary.alternation(vocabulary.documentStates)))\s+)?(\#(Vocabulary.alternation(vocabulary.minutesHeadings)))\b"#

    /// A printed agenda's entries are a line or two; entries this long on average record a discussion.
    static let recordedWords = 25

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        Self.readHeadedItems(context, into: &out)
        NumberedParagraphs.read(context, into: &out)
        HeadedSections.read(context, into: &out)
        return out
    }

    static func readHeadedItems(_ context: SectionContext, into out: inout SectionFindings) {
        let lines = context.lines, scheme = context.scheme
        var inAgenda = false
        var sawAgendaHeading = false
        var current: Item?
        var lastNumber: String?
        var bodyLines: [Line] = []
        var child: Item?

        func finishChild() {
            if var c = child, current != nil {
                c.text = TextJoin.clean(c.text)
                current?.children.append(c)
            }
            child = nil
        }
        func finish() {
            finishChild()
            guard var it = current else { return }
            it.text = TextJoin.clean(bodyLines.map(\.text).joined(separator: " "))
            it.decisions = Decisions.sentences(in: it.text)
            if it.title == nil || it.title?.isEmpty == true, let firstChild = it.children.first {
                it.title = firstChild.title
            }
            if inAgenda { out.agenda.append(it) } else { out.items.append(it) }
            current = nil
            bodyLines = []
        }

        var i = 0
        while i < lines.count {
            let l = lines[i]
            // "AGENDA" as a heading, not "Agenda item 5" in the minutes.
            if l.text.utf8.count < 120, Self.vocabulary.agendaWords.contains(where: l.text.includesFolded),
               StripRunningText.key(l.text).range(ofRegex: Self.agendaHeading) != nil,
               StripRunningText.key(l.text).count < 40 {
                finish()
                inAgenda = true
                sawAgendaHeading = true
                lastNumber = nil
                i += 1
                continue
            }
            if inAgenda && (PeopleListsReader.isMarker(l.text) || l.text.range(ofRegex: Self.minutesOpening) != nil) {
                finish()
                inAgenda = false
                lastNumber = nil
            }
            var numbered = context.numbers[i]
            let expected = lastNumber.flatMap { Int($0) }.map { String($0 + 1) } ?? (lastNumber == nil ? "1" : nil)
            if let expected, numbered?.number != expected, let repaired = ItemHeadings.ocrNumber(l, expected: expected) {
                out.note(.info, page: l.page, "item number read as '\(l.words.first?.text ?? "")' taken as \(expected) from the numbering")
                numbered = repaired
            }
            // "1. Apologies for absence: J Robinson" was read as apologies and is still item 1.
            let peopleLabel = numbered.map { ItemHeadings.runIn($0.rest) ?? $0.rest }
            if let n = numbered, !context.consumed.contains(i) || PeopleLabel.kind(of: (peopleLabel ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))) != nil {
                // Numbering starts again at 1 only where the minutes follow a printed agenda;
                // elsewhere a "1." under an item is a numbered paragraph or sub-item.
                let restart = lastNumber != nil && Numbering.numeric(n.number) == 1 && Roman.value(n.number) == nil && !(inAgenda || sawAgendaHeading && out.items.isEmpty)
                if scheme.isTopLevel(n.number), !restart, scheme.follows(n.number, lastNumber), ItemHeadings.looksLikeTitle(n.rest, line: l),
                   lastNumber != nil || ItemHeadings.plausibleFirst(n, line: l) {
                    if n.number == "1" || Numbering.numeric(n.number) == 1, lastNumber != nil, sawAgendaHeading, inAgenda {
                        finish()
                        inAgenda = false
                    }
                    finish()
                    // The heading is the run of text after the number; a later segment across a
                    // wide gap belongs to another column ("7. Date of Next Meeting    Thursday 30th…").
                    var title = ItemHeadings.headingSegment(l, skipping: n.words)
                    let beside = l.segments.count > 1 ? l.segments.drop(while: { !$0.text.hasSuffix(title) && $0.text != title }).dropFirst().map(\.text) : []
                    var sub: String?
                    if let first = title.split(separator: " ").first, let s = ItemNumber.parse(String(first)), !scheme.isTopLevel(s) || String(first).hasSuffix(")") {
                        sub = s
                        title = String(title.dropFirst(first.count)).trimmed
                    }
                    // A heading that breaks onto a second line.
                    var consumedNext = 0
                    if title.isEmpty, i + 1 < lines.count, lines[i + 1].page == l.page, ItemNumber.leading(lines[i + 1]) == nil,
                       lines[i + 1].box.y0 - l.box.y1 < l.box.height * Layout.stackedGap {
                        title = lines[i + 1].segments.first?.text ?? ""
                        consumedNext = 1
                    }
                    if i + 1 < lines.count, ItemHeadings.titleContinues(title, l, lines[i + 1]) {
                        title += " " + lines[i + 1].text
                        consumedNext = 1
                    }
                    if let label = ItemHeadings.runIn(title) { title = label }
                    title = HeadingText.cleanItemTitle(title)
                    current = Item(number: n.number, title: title.isEmpty ? nil : title, page: l.page, box: l.box.array)
                    if let s = sub {
                        child = Item(number: s, title: title, page: l.page, box: l.box.array)
                    }
                    lastNumber = n.number
                    if !beside.isEmpty { bodyLines.append(Line(page: l.page, segments: l.segments.suffix(beside.count).map { $0 })) }
                    i += 1 + consumedNext
                    continue
                }
                if current != nil, !scheme.isTopLevel(n.number) || n.number.contains("."), ItemHeadings.looksLikeTitle(n.rest, line: l) {
                    finishChild()
                    child = Item(number: n.number, title: HeadingText.cleanItemTitle(n.rest), page: l.page, box: l.box.array)
                    bodyLines.append(l)
                    i += 1
                    continue
                }
            }
            // "Chairman's Announcements" then "(Item 2)": the heading is the line above its item number.
            if l.text.utf8.first == UInt8(ascii: "(") || l.text.utf8.first == UInt8(ascii: " "),
               let m = l.text.trimmed.range(ofRegex: #"^\(Item (\d{1,3})\)$"#, caseInsensitive: true), i > 0,
               current.map({ $0.page != l.page || ($0.box?[1] ?? 0) < lines[i - 1].box.y0 - 1 }) ?? true {
                let number = String(l.text.trimmed[m].filter(\.isNumber))
                if lastNumber == nil || scheme.follows(number, lastNumber) {
                    if current != nil, bodyLines.last == lines[i - 1] { bodyLines.removeLast() }
                    finish()
                    let heading = lines[i - 1]
                    current = Item(number: number, title: HeadingText.cleanItemTitle(heading.text), page: heading.page, box: heading.box.union(l.box).array)
                    lastNumber = number
                    i += 1
                    continue
                }
            }
            if current != nil && !context.consumed.contains(i) {
                bodyLines.append(l)
                if child != nil { child?.text += " " + l.text }
            }
            i += 1
        }
        finish()
        // Minutes titled "Agenda" (the agenda typed up as the record): entries that hold the
        // discussion are the minutes' items, and a later numbered list (an action list) is not.
        let agendaWords = out.agenda.map { $0.text.split(separator: " ").count }
        if !out.agenda.isEmpty, !out.items.isEmpty, agendaWords.reduce(0, +) >= Self.recordedWords * out.agenda.count,
           agendaWords.reduce(0, +) > out.items.map({ $0.text.split(separator: " ").count }).reduce(0, +) {
            out.items = out.agenda
            out.agenda = []
            out.note(.warning, "numbered list after 'Agenda' holds the discussion: taken as the minutes' items")
        }
        // With an agenda heading but no second run of numbers, the numbered list was the minutes.
        if out.items.isEmpty, !out.agenda.isEmpty {
            out.items = out.agenda
            out.agenda = []
            out.note(.warning, "numbered list after 'Agenda' taken as the minutes' items: no second list followed")
        }
    }
}
