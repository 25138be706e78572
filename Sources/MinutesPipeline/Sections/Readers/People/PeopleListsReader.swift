import Foundation
import MinutesModel
import PageLayout

/// Attendees and apologies from a people label and the list beside or below it:
/// - "Present: Alan Caudwell (AC), Jane Archer (JA)" and a running list wrapped like a paragraph;
/// - "Present;" / "Apologies –": a semicolon or dash for the label's colon;
/// - one person a line under the label ("Mick Ratford, Treasurer"), or a bulleted list;
/// - a grid, one person a cell, initials wrapped onto their own row ("(AT) | (KB)");
/// - a body's name over its members: "Panel: Professor Sir Nigel Shadbolt (Chairman), …";
/// - an item for the list: "1. Apologies" over "Cllr Smith";
/// - an entry of an outline: "o Commissioners Absent: Shelley Young, Pat Bader".
struct PeopleListsReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    static let voteLine = #"^(?i)(\#(Vocabulary.alternation(vocabulary.voteLabels)))\b"#
    static let sentenceVerb = #"\b(\#(Vocabulary.alternation(vocabulary.sentenceVerbs)))\b"#
    /// "Apologies were received from …", "ymddiheuriadau gan …" within a line.
    static let apologySentence = #"(?i)(\#(Vocabulary.alternation(vocabulary.apologyNouns)))\b.{0,40}\b(\#(Vocabulary.alternation(vocabulary.apologyFrom)))\b"#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let lines = context.lines
        var groups: [(kind: PeopleLabel.Kind, label: String, people: [Person])] = []
        var i = 0
        while i < lines.count {
            // A roll-call table's lines are its reader's.
            if context.consumed.contains(i) { i += 1; continue }
            let line = lines[i]
            var heading: (kind: PeopleLabel.Kind, label: String, value: String, valueX: Double?)?
            if let f = context.labels[i], f.kind == .attendees || f.kind == .apologies {
                heading = (f.kind == .apologies ? .apologies : .attendees, f.label, f.value, f.valueX)
            } else if let n = context.numbers[i], let r = PeopleLabel.runIn(n.rest) {
                // "1. Apologies for absence: Jess Robinson, …", "1  Present: Cllr Jeff Bell, …".
                heading = (r.kind, r.label, r.value, nil)
            } else if context.numbers[i] == nil, let r = PeopleLabel.runIn(line.text) {
                // "Present Mr P Evans (PE), Mr R Slater (RS), …": no colon after the label.
                heading = (r.kind, r.label, r.value, nil)
            } else if let n = context.numbers[i], let k = PeopleLabel.kind(of: n.rest.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))) {
                // "1. Apologies" as an item: the item's lines list the people.
                heading = (k, n.rest.trimmingCharacters(in: CharacterSet(charactersIn: " :-–")), "", nil)
            }
            // "AYES: … / ABSENT: Hernandez" records a vote, not who sent apologies.
            if heading != nil, i > 0, lines[i - 1].text.range(ofRegex: Self.voteLine) != nil {
                heading = nil
            }
            guard let h = heading else { i += 1; continue }
            let labelX = line.words.first(where: { !Paragraphs.bullets.contains($0.text.first ?? " ") && $0.text != "o" })?.box.x0 ?? line.box.x0
            var block: [Int] = []
            var k = i + 1
            while k < lines.count, block.count < 60 {
                let l = lines[k]
                let prev = lines[k - 1]
                if context.consumed.contains(k) { break }
                // ("Item 11 only - Mike Ellwood" is a slip in the list, not item 11.)
                let slip = l.text.range(ofRegex: PeopleParsing.itemsOnlySlip) != nil
                if context.labels[k] != nil || !slip && context.numbers[k] != nil && (Paragraphs.startsBullet(l) == false)
                    && context.numbers[k]?.rest.isEmpty == false { break }
                // A list split from a neighbouring column keeps a row's gap where that
                // column's entry ran onto a second line: a person a row further down still counts.
                let gap = Layout.gap(prev, l)
                if l.page == prev.page, gap > Layout.listBreakGap, !(gap < Layout.listRowGap && Self.looksLikePersonLine(l)) { break }
                if l.bold && !Paragraphs.startsBullet(l) && PeopleParsing.parse(segments: l.segments.map(\.text)) == nil { break }
                // "HNP = Horsley Neighbourhood Plan": a key to abbreviations ends it.
                if l.text.contains(" = ") { break }
                // "Discussion Summary:": a heading of its own ends the list.
                if l.text.hasSuffix(":"), l.bold || l.words.count <= 4 { break }
                if Self.vocabulary.agendaWords.contains(where: StripRunningText.key(l.text).hasPrefix) || Self.isMarker(l.text) { break }
                // In an outline the heading is itself a bullet ("o Commissioners Absent: …"):
                // a bullet set further left is the outer list's next entry, not a name.
                let em = Layout.em(l)
                if Self.opensOutlineEntry(line), Self.opensOutlineEntry(l), l.box.x0 < line.box.x0 - Layout.outdent * em { break }
                // Indented under a value column: stay with it; a prose paragraph ends the list.
                // A running list wraps back to the label's margin, as a paragraph does.
                let above = lines[block.last ?? i]
                // "… Alex MacCormack-AARP Rep." over "Jonathan Tustin, Barbara Hollins, …": a line of
                // names goes on with the list whatever ended the line above.
                let continues = PeopleEntries.continuesPerson(above, l) || context.wraps(above, into: l) && !above.text.hasSuffix(".")
                    || PeopleEntries.isNameList(l.text)
                if let x = h.valueX, abs(l.box.x0 - x) > Layout.valueColumn * em, !Paragraphs.startsBullet(l),
                   !(abs(l.box.x0 - labelX) <= Layout.sameColumn * em && continues) { break }
                let apologiesSentence = l.text.range(ofRegex: Self.apologySentence) != nil
                if !Self.looksLikePersonLine(l) && !continues && !apologiesSentence { break }
                // A bulleted list ends at the first line that is neither a bullet nor a wrap.
                // A line that starts left of the list's entries is body text again.
                if let first = block.first, l.box.x0 < lines[first].box.x0 - Layout.outdent * em, !continues { break }
                // (OCR may drop a bullet, so an entry shaped like "Name, Role" still belongs.)
                if let first = block.first, Paragraphs.startsBullet(lines[first]), !Paragraphs.startsBullet(l), !continues,
                   !(l.text.contains(",") || l.text.contains("(")) || l.text.split(separator: " ").count > 14 { break }
                block.append(k)
                k += 1
            }
            let people = PeopleEntries.people(value: h.value, lines: block.map { lines[$0] }, group: h.label, page: line.page,
                                              valueLines: h.value.isEmpty ? [] : [line], in: context)
            groups.append((h.kind, h.label, people.map { $0.status == nil ? $0.noting(Self.status(under: h.label, h.kind)) : $0 }))
            out.consumed.insert(i)
            out.consumed.formUnion(block)
            i = max(i + 1, k)
        }
        // A list of offices only, beside lists of named people, is the agenda's circulation list.
        let namedAttendees = groups.contains { $0.kind == .attendees && $0.people.contains { $0.role != nil || !PeopleParsing.isRoleOnly($0.name) } }
        for g in groups {
            if g.kind == .attendees, namedAttendees, !g.people.isEmpty,
               g.people.allSatisfy({ $0.role == nil && PeopleParsing.isRoleOnly($0.name) }) {
                out.note(.info, page: g.people.first?.page, "list of offices under '\(g.label)' ignored: named attendees are listed elsewhere")
                continue
            }
            if g.kind == .apologies { out.apologies += g.people } else { out.attendees += g.people }
        }
        return out
    }

    /// What a list's label says of its people: "Present" present, "In attendance" and
    /// "Officers" in attendance, "Absent" absent; apologies say nothing more than that.
    static func status(under label: String, _ kind: PeopleLabel.Kind) -> AttendanceNote? {
        let l = label.lowercased()
        let words = vocabulary.people
        // The word as written first: the pattern (built per word) matches only where it is.
        func has(_ list: [String]) -> Bool {
            list.contains { l.includes($0) && l.range(ofRegex: #"\b\#(NSRegularExpression.escapedPattern(for: $0))\b"#) != nil }
        }
        switch kind {
        case .apologies:
            if has(words.excusedLabelWords) { return AttendanceNote(status: .excused) }
            return has(words.absentLabelWords) ? AttendanceNote(status: .absent) : nil
        case .attendees:
            return AttendanceNote(status: has(words.inAttendanceLabelWords) ? .inAttendance : .present)
        }
    }

    /// "Draft minutes", "Minutes of …": the minutes proper begin.
    static func isMarker(_ text: String) -> Bool {
        let t = text.lowercased()
        return vocabulary.minutesOpeners.contains(where: t.hasPrefix) || vocabulary.minutesHeadings.contains(t)
    }

    /// A bullet, or the letter "o" that Word's second-level bullets turn into.
    static func opensOutlineEntry(_ l: Line) -> Bool {
        Paragraphs.startsBullet(l) || l.words.first?.text == "o"
    }

    static func looksLikePersonLine(_ l: Line) -> Bool {
        let text = Paragraphs.stripBullet(l.text)
        guard !text.isEmpty else { return false }
        if vocabulary.noneWords.contains(where: text.lowercased().hasPrefix) { return true }
        // "HNP = Horsley Neighbourhood Plan": a key to abbreviations under the list.
        if text.contains(" = ") { return false }
        guard let first = text.first, first.isUppercase || first == "(" else { return false }
        let words = text.split(separator: " ")
        // Prose runs long and reads as a sentence.
        if words.count > 22 { return false }
        if text.range(ofRegex: sentenceVerb) != nil,
           !text.contains(",") && !text.contains("(") { return false }
        return true
    }
}
