import Foundation
import MinutesModel
import PageLayout

/// The people under one label: a running list ("A Smith, B Jones and C Brown"), one person a
/// line ("Alan Caudwell, Treasurer"), one a cell of a grid ("Jane Archer (JA) | Alan Caudwell
/// (AC)"), each with the line that prints the name. Shared by the readers of people lists.
enum PeopleEntries {
    static let vocabulary = Vocabulary.shared
    static let nouns = Vocabulary.alternation(vocabulary.apologyNouns)
    static let from = Vocabulary.alternation(vocabulary.apologyFrom)
    /// "apologies were received and accepted from …": up to the word before the names.
    static let apologiesFrom = #"(?i)(\#(nouns))\b[^.:;]{0,40}?\b(\#(from))\s"#
    /// "Apologies from …", "Apologies were received from …" opening a list.
    static let apologiesOpening = #"(?i)^(\#(nouns)) (were )?(\#(Vocabulary.alternation(vocabulary.apologyVerbs)))?\s*(\#(from))"#
    static let pluralTitle = #"(?i)^(\#(Vocabulary.alternation(vocabulary.pluralTitles)))\s"#
    static let clause = #"\s(\#(Vocabulary.alternation(vocabulary.clauseWords)))\s.*$"#

    /// `valueLines` are the lines `value` was read from (the label's own line, a sentence's
    /// lines): with `block`, where each person's box is looked for.
    static func people(value: String, lines block: [Line], group: String, page: Int, valueLines: [Line] = [],
                       in context: SectionContext) -> [Person] {
        let valueText = value.trimmed
        let lower = (valueText + " " + block.map(\.text).joined(separator: " ")).lowercased().trimmed
        if lower.isEmpty || (vocabulary.noneWords + vocabulary.noOneSentences).contains(where: lower.hasPrefix) {
            return []
        }
        // Lines join with "; " where a new entry starts and a space where one wraps, so a
        // list of names on each line splits the same way as one running list.
        var joinedParts: [String] = valueText.isEmpty ? [] : [valueText]
        // A line that runs to the right edge of the list is a paragraph wrapping mid-entry.
        let rightEdge = (valueLines + block).map(\.box.x1).max() ?? 0
        func runsToEdge(_ l: Line, _ next: Line) -> Bool {
            (l.box.x1 > rightEdge - Layout.listEdgeSlack * Layout.em(l) || context.wraps(l, into: next)) && !l.text.hasSuffix(")") && !l.text.hasSuffix(";")
                && (!opensEntry(next) || endsWithJoiner(l))
        }
        for (k, l) in block.enumerated() where l.text.range(ofRegex: #"^\(Item \d+\)$"#, caseInsensitive: true) == nil {
            // A bracket left open ("Rob Phillips (Chief" over "Finance Officer)") always runs on.
            let wraps = k > 0 ? continuesPerson(block[k - 1], l) || leavesBracketOpen(joinedParts.last ?? "")
                || (block.count > 1 && runsToEdge(block[k - 1], l))
                : (!valueText.isEmpty && (valueText.hasSuffix(",") || valueText.hasSuffix(" and") || l.text.first?.isLowercase == true
                    || leavesBracketOpen(valueText)
                    || vocabulary.isHonorific(valueText.split(separator: " ").last.map(String.init) ?? "")
                    || valueLines.count == 1 && valueLines.last.map { runsToEdge($0, l) } == true))
            if wraps, let last = joinedParts.popLast() { joinedParts.append(last + " " + l.text) } else { joinedParts.append(l.text) }
        }
        var joined = listText(TextJoin.clean(joinedParts.joined(separator: "; ")))
        if let r = joined.range(ofRegex: apologiesFrom) {
            joined = "Apologies from " + joined[r.upperBound...]
            // The sentence ends the list: "… and Nancy Sayer who was substituted by Roxanne Hills. Sarah Hamilton…"
            if let stop = joined.range(ofRegex: #"\.[\s;]"#) { joined = String(joined[..<stop.lowerBound]) }
        }
        // "Office of the PCC: Matthew Scott (Police and Crime Commissioner), Adrian Harper (...)" — a
        // running list, not one person a line.
        // "A Smith, B Jones, C Brown and D White" on one line: several people, not "Name, Role".
        let commaListed = ([valueText] + block.map(\.text)).map(listText).contains { text in
            var parts = text.components(separatedBy: ",").map(\.trimmed).filter { !$0.isEmpty }
            let commas = parts.count
            // Only the last part's "and" joins two names: "…, Owen Williams and Ann Jones".
            if let last = parts.popLast() { parts += Names.englishAnd(last).components(separatedBy: " and ").map(\.trimmed) }
            guard parts.count >= 3 else { return false }
            // "Councilmembers Present: Adams, Baker, Chen, Mayor Lee": surnames alone.
            if parts.allSatisfy(Names.isListedName), parts.filter(Names.isSurname).count * 2 >= parts.count { return true }
            // "Mayor Quill, Trustee Okafor, Town Clerk O'Hare": offices before surnames (at least
            // two commas: "Veronica Marsh, Deputy Director Transformation and Business" is a name and a role).
            if commas >= 3, parts.allSatisfy(Names.isListedName) { return true }
            // "Cllrs Hayward (in the chair), Hoskins, Richards, Cobb, Evans, County Cllr Webb": mostly surnames.
            if commas >= 3, parts.filter(Names.isSurname).count * 2 >= parts.count { return true }
            let bare = parts.filter(Names.isBareName).count
            // With one comma, "Karin Takel, Strategic Planning and Performance Officer" is a name and a role.
            return commas >= 3 ? bare >= 2 : bare == parts.count
        }
        // "Apologies: Shelley Young, Pat Bader": beside the label, two bare names are two
        // people (a list under the label keeps "Name, Role" a line).
        let valueParts = valueText.components(separatedBy: ",").map(\.trimmed).filter { !$0.isEmpty }
        let namePair = valueParts.count == 2 && valueParts.allSatisfy(Names.isListedName)
        // "Richard Hunt (RH)(Observer) Ian Brookman (IB)": a person's name straight after a bracket.
        let nameAfterBracket = joined.contains(") ") && block.allSatisfy({ $0.segments.count == 1 }) && joined.ranges(ofRegex: #"(?<=\)\s)[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}\b"#).contains {
            Names.isBareName(String(joined[$0]))
        }
        // "Councillors R Healey & M Armstrong": names joined by "and" or "&", each a name.
        let andListed = ([valueText] + block.map(\.text)).contains { text in
            let parts = Names.englishAnd(PeopleParsing.splitRank(text.trimmed).1).components(separatedBy: " and ").map(\.trimmed)
            return parts.count >= 2 && parts.allSatisfy { Names.isBareName($0) || Names.isListedName($0) && $0.contains(" ") }
        }
        // Lines that wrapped into one another with commas in them: a running list, however
        // few commas ("Councillors A Birch (Chair), C Dale and" over "E Ford Clerk Mrs G Hart …").
        let all = valueLines + block
        let runningParagraph = joinedParts.count < (valueText.isEmpty ? 0 : 1) + block.count && joined.contains(",")
            && zip(all, all.dropFirst()).contains { endsWithJoiner($0.0) }
            && block.allSatisfy { $0.segments.count == 1 } && !valueText.contains("  ")
            // ("Andy Marsh, Chief Constable" a line, one of them wrapped, is one person a line.)
            && !joined.components(separatedBy: "; ").contains { entry in
                let parts = entry.components(separatedBy: ",")
                return parts.count == 2 && Names.isBareName(parts[0].trimmed) && PeopleParsing.isRoleOnly(parts[1].trimmed)
            }
        let isList = commaListed || namePair || andListed || runningParagraph || joined.contains("), ") || nameAfterBracket
            || joined.range(ofRegex: #"\) and [A-Z][a-z]+ [A-Z]"#) != nil || joined.range(ofRegex: #"^[A-Z0-9][^:,()]{2,60}:\s"#) != nil
            || joined.range(ofRegex: apologiesOpening) != nil
        var people: [Person] = []
        if isList {
            for (groupName, entry) in splitList(joined) {
                guard var p = PeopleParsing.parse(text: entry) else { continue }
                if p.name.split(separator: " ").count > 6 || PeopleLabel.kind(of: p.name) != nil || Names.isHeadcount(p.name) { continue }
                // "Kieron O'Hara, Southampton University": an office or body after a name is that person's role.
                // ("and the Clerk" is the Clerk, a person of the list.)
                if p.role == nil, entry.first?.isLowercase != true,
                   PeopleParsing.isRoleOnly(p.name) || isAffiliation(p.name, after: people.last?.name ?? ""),
                   let last = people.indices.last, people[last].role == nil,
                   PeopleParsing.isRoleOnly(people[last].name) == false {
                    people[last].role = p.name
                    continue
                }
                p.name = p.name.trimmed
                let at = line(naming: p.name, in: valueLines + block)
                people.append(Person(name: p.name, role: p.role, initials: p.initials, group: groupName ?? group, page: at?.page ?? page,
                                     box: box(of: at.map { [$0] } ?? valueLines + block)).noting(p.note))
            }
            return people
        }
        // A name/affiliation table ("Will Perrin | Talk About Local" among "Ed Howlin | Home
        // Office"): where most rows' second cell is a body, each row is one person.
        let pairs = block.filter { $0.segments.count == 2 }
        let affiliationColumn = pairs.count >= minimumTableRows
            && pairs.filter({ !Names.isBareName($0.segments[1].text) }).count * 2 >= pairs.count
        // "Mick Ratford, Treasurer | Karen Butt, Bookings Secretary": a grid whose cells are "Name, Role".
        func isNameRoleCell(_ s: String) -> Bool {
            guard let comma = s.firstIndex(of: ",") else { return Names.isBareName(PeopleParsing.parse(text: s)?.name ?? s) && s.contains("(") }
            return Names.isBareName(String(s[..<comma])) && !s[s.index(after: comma)...].contains(",")
        }
        // One person a line; a line that starts in lower case continues the one above.
        var entries: [(segments: [String], lines: [Line])] = []
        var wrappedValue = false
        if !valueText.isEmpty { entries.append((valueText.components(separatedBy: "  ").map(\.trimmed).filter { !$0.isEmpty }, [])) }
        for (l, segs) in cellsWithWrappedInitials(block) {
            // The label's own line broken mid-entry: "ALSO PRESENT: Sue Chandler, Cabinet Member
            // for Integrated Children's" over "Services."
            let prevLine = entries.last?.lines.last ?? (entries.count == 1 ? valueLines.last : nil)
            let wrapsFromValue = entries.count == 1 && entries[0].lines.isEmpty && prevLine.map { context.wraps($0, into: l) } == true
            if let last = entries.last, let prevLine, continuesPerson(prevLine, l) || wrapsFromValue, !Paragraphs.startsBullet(l) {
                if wrapsFromValue { wrappedValue = true }
                var e = last
                e.segments[e.segments.count - 1] += " " + l.text
                e.lines.append(l)
                entries[entries.count - 1] = e
            } else {
                entries.append((segs, [l]))
            }
        }
        for e in entries {
            // "Jane Archer (JA)    Alan Caudwell (AC)    Robert Gegg (RG)", "Harry Rayner – MEM
            // (Chair)    James Graham – KCC": one person a cell.
            // Or "Ann Lee, Chair    Tom Vale, Treasurer": a "Name, Role" in each cell.
            let personPerCell = e.segments.allSatisfy({ Names.isBareName($0) || Names.isNameDashBody($0) })
                || e.segments.allSatisfy(isNameRoleCell) && e.segments.contains(where: { $0.contains(",") })
            if e.segments.count >= 2, !affiliationColumn, personPerCell {
                let source = e.lines.isEmpty ? valueLines : e.lines
                for seg in e.segments {
                    guard let p = PeopleParsing.parse(text: seg) else { continue }
                    people.append(Person(name: p.name, role: p.role, initials: p.initials, group: group,
                                         page: source.first?.page ?? page, box: box(of: source)).noting(p.note))
                }
                continue
            }
            guard let p = PeopleParsing.parse(segments: e.segments), PeopleLabel.kind(of: p.name) == nil,
                  p.name.range(ofRegex: #"^\(Item \d+\)$"#, caseInsensitive: true) == nil else { continue }
            let source = e.lines.isEmpty ? valueLines : (wrappedValue && e.segments == entries.first?.segments ? valueLines + e.lines : e.lines)
            people.append(Person(name: p.name, role: p.role, initials: p.initials, group: group,
                                 page: source.first?.page ?? page, box: box(of: source)).noting(p.note))
        }
        return people
    }

    /// The line below continues the person on the line above: it starts in lower case, or
    /// the line above stops mid-entry (a comma, an open bracket, "of", "and", a title).
    static let presentEndGate = WordGate(vocabulary.people.presentSentenceEnds)
    static let presentEnd = #"(?i)\s+(\#(Vocabulary.alternation(vocabulary.people.presentSentenceEnds)))\s*\.?\s*$"#

    /// A list as a sentence writes it, as a list: "Daniel, Braden and Sri were in attendance"
    /// loses its verb, "Elton, Grady, and Piacentini" its serial comma.
    /// More brackets opened than closed: the entry goes on over the line's end.
    static func leavesBracketOpen(_ text: String) -> Bool {
        text.filter { $0 == "(" }.count > text.filter { $0 == ")" }.count
    }

    static func listText(_ text: String) -> String {
        // Both only where their words are: asked of every entry, most have neither.
        let t = presentEndGate.mayMatch(text) ? text.replacing(regex: presentEnd, with: "") : text
        return t.includes(", and ") ? t.replacingOccurrences(of: ", and ", with: ", ") : t
    }

    /// "Christina McDonagh, PC": capitals after a named person that are not their initials
    /// are the body they come from.
    static func isAffiliation(_ s: String, after name: String) -> Bool {
        guard (2...5).contains(s.count), s.allSatisfy(\.isUppercase), Names.isBareName(name) else { return false }
        let initials = String(PeopleParsing.splitRank(name).1.split(separator: " ").compactMap(\.first))
        return s != initials
    }

    /// Words of an office listed alone among names: "the Clerk", "the Parish Clerk".
    static let maxOfficeAloneWords = 3

    /// An office with no one's name in it, listed as if a person.
    static func isOfficeAlone(_ s: String) -> Bool {
        s.split(separator: " ").count <= maxOfficeAloneWords && PeopleParsing.isRoleOnly(s) && runOn(s) == nil
    }

    static let countedTail: String = {
        let v = vocabulary
        return #"(?i)\s+(\#(Vocabulary.alternation(v.people.countJoiners)))\s+(\d+|\#(Vocabulary.alternation(v.countWords)))\s+(other\s+)?(\#(Vocabulary.alternation(v.countedPeople)))\b.*$"#
    }()

    /// "P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong" → "P Moran", "Clerk Mrs J
    /// Todd", "Eden District Councillor A Armstrong": each name written as initials and a
    /// surname ends at the surname; the words before it are its office. Nil unless the text
    /// is two or more such names and nothing else.
    static func runOn(_ text: String) -> [String]? {
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = [], current: [String] = []
        var i = 0
        while i < words.count {
            current.append(words[i])
            if words[i].range(ofRegex: #"^\p{Lu}\.?$"#) != nil, i + 1 < words.count, Names.isSurname(words[i + 1]) {
                current.append(words[i + 1])
                out.append(current.joined(separator: " "))
                current = []
                i += 2
                continue
            }
            i += 1
        }
        return out.count >= 2 && current.isEmpty ? out : nil
    }

    /// Names in a line of names, at the least: "Jonathan Tustin, Barbara Hollins, Lillian Morris".
    static let minimumNamesInALine = 3

    /// A line that is a list of names and nothing else.
    static func isNameList(_ text: String) -> Bool {
        let parts = Names.englishAnd(listText(text)).components(separatedBy: ",").flatMap { $0.components(separatedBy: " and ") }
            .map(\.trimmed).filter { !$0.isEmpty }
        return parts.count >= minimumNamesInALine && parts.allSatisfy(Names.isBareName)
    }

    /// Single names in a list, beyond which "A and B" are two single names.
    static let minimumSingleNames = 2

    /// Where a full stop ends a word of an entry and a capitalised name (or a label such as
    /// "Members of the public") follows.
    static func sentenceBreaks(in text: String) -> [Range<String.Index>] {
        text.ranges(ofRegex: #"(?<=\p{Ll}{2})\.\s+(?=\p{Lu}[\p{Ll}'’-]+\s+(?:\p{Lu}|of\s))"#).filter { r in
            let word = text[..<r.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            return !vocabulary.isTitle(word) && !vocabulary.abbreviations.contains(word)
        }
    }

    /// "… Owen Williams a'r" over "Cynghorydd Sir Joseph Davies": a line ending in a word that
    /// joins names runs on into the next, title or not.
    static func endsWithJoiner(_ l: Line) -> Bool {
        let last = l.text.split(separator: " ").last.map { String($0).lowercased() } ?? ""
        return l.text.hasSuffix(",") || (["and"] + vocabulary.people.listJoiners + vocabulary.nameJoiners).contains(last)
    }

    /// Rows of two cells that make a name/affiliation table rather than a grid of names.
    static let minimumTableRows = 3

    /// A line opening with a title or an office ("Clerk J Connelly", "Member of the Public Mr
    /// M Joyce") starts an entry of its own, however far the line above ran.
    static func opensEntry(_ l: Line) -> Bool {
        let words = Paragraphs.stripBullet(l.text).split(separator: " ").map(String.init)
        guard let first = words.first, first.first?.isUppercase == true else { return false }
        return vocabulary.isTitle(first) || vocabulary.isOffice(words, at: 0)
    }

    static func continuesPerson(_ prev: Line, _ l: Line) -> Bool {
        let t = prev.text.trimmed
        guard let first = l.text.trimmed.first else { return false }
        let lastWord = t.split(separator: " ").last.map(String.init) ?? ""
        return first.isLowercase || t.hasSuffix(",") || t.hasSuffix("(") || t.hasSuffix(" of") || t.hasSuffix(" and") || t.hasSuffix("&")
            || vocabulary.isTitle(lastWord)
            || (t.filter { $0 == "(" }.count > t.filter { $0 == ")" }.count)
    }

    /// The box around lines, those on the first one's page: a list run over a page break
    /// would otherwise span two pages' coordinates.
    static func box(of lines: [Line]) -> [Double]? {
        guard let page = lines.first?.page else { return nil }
        return Rect.enclosing(lines.filter { $0.page == page }.map(\.box))?.array
    }

    /// The line a listed person's name is printed on (or, for a name cut by a wrap, the
    /// line with its last word), so that each entry of a running list points at its own line.
    static func line(naming name: String, in lines: [Line]) -> Line? {
        if let l = lines.first(where: { $0.text.contains(name) }) { return l }
        guard let last = name.split(separator: " ").last, last.count >= 3 else { return nil }
        return lines.first { $0.text.contains(last) }
    }

    /// A grid of names whose narrow cells push the initials onto a row of their own:
    /// "Alistair Thompson | Karen Bartlett-Butt | Maxine Relton" over "(AT) | (KB) | (MR)".
    /// Each initials cell goes back to the name above it.
    static func cellsWithWrappedInitials(_ block: [Line]) -> [(Line, [String])] {
        var rows: [(line: Line, texts: [String], boxes: [Rect])] = []
        for l in block {
            let cells = l.segments.map(\.text)
            if let last = rows.last, last.texts.count >= 2,
               cells.allSatisfy({ $0.range(ofRegex: #"^\(?[A-Z][A-Za-z]{0,3}\)?$"#) != nil }) {
                var row = last
                for seg in l.segments {
                    guard let j = row.boxes.indices.min(by: { abs(row.boxes[$0].x0 - seg.box.x0) < abs(row.boxes[$1].x0 - seg.box.x0) }),
                          abs(row.boxes[j].x0 - seg.box.x0) < Layout.cellAlignment * Layout.em(l) else { continue }
                    row.texts[j] += " " + seg.text
                    // "(CM" cut at the page's edge.
                    if row.texts[j].filter({ $0 == "(" }).count > row.texts[j].filter({ $0 == ")" }).count { row.texts[j] += ")" }
                }
                rows[rows.count - 1] = row
                continue
            }
            rows.append((l, cells, l.segments.map(\.box)))
        }
        // "Patricia Rowan (PR) Chris Sane (CS)": two people in one cell.
        return rows.map { row in
            (row.line, row.texts.flatMap { cell -> [String] in
                let cuts = cell.ranges(ofRegex: #"(?<=\))\s+(?=[A-Z][a-z]+ [A-Z])"#)
                guard !cuts.isEmpty else { return [cell] }
                var parts: [String] = [], from = cell.startIndex
                for c in cuts { parts.append(String(cell[from..<c.lowerBound])); from = c.upperBound }
                parts.append(String(cell[from...]))
                return parts.allSatisfy(Names.isBareName) ? parts : [cell]
            })
        }
    }

    /// Splits "Group: A (Role), B (Role) Group2: C, D" into entries, keeping the group.
    static func splitList(_ text: String) -> [(String?, String)] {
        var t = text
        if let r = t.range(ofRegex: apologiesOpening + #"\s*"#) { t.removeSubrange(r) }
        // "Cllrs Smith (Chair), Jones, Brown and Green": after a plural title, surnames alone.
        let surnames = t.range(ofRegex: pluralTitle) != nil
        var out: [(String?, String)] = []
        var group: String?
        var current = ""
        var depth = 0
        func flush() {
            var e = current.trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
            // "… and Nancy Sayer who was substituted by …": the clause is not part of the name.
            if let r = e.range(ofRegex: clause) { e.removeSubrange(r) }
            // "… and Councillor A Connell plus ten guests": people counted, not named.
            if let r = e.range(ofRegex: countedTail) { e.removeSubrange(r) }
            // "Georgia Humphreys (Officer) and Ashlie Gash (Officer)", "Richard Hunt (RH)(Observer)
            // Ian Brookman (IB)": a name after a closing bracket starts another entry.
            // "James Smith-Parks & Rec. Alex MacCormack-AARP Rep": a full stop after a word (not
            // an initial or a title) and a capital start another entry.
            let starts = (e.ranges(ofRegex: #"(?<=\))\s+(?:and\s+)?(?=[A-Z][a-z])"#) + sentenceBreaks(in: e))
                .sorted { $0.lowerBound < $1.lowerBound }
            var pieces: [String] = []
            var from = e.startIndex
            for r in starts { pieces.append(String(e[from..<r.lowerBound])); from = r.upperBound }
            pieces.append(String(e[from...]))
            for piece in pieces.map(\.trimmed) where !piece.isEmpty {
                // "Cllr A Smith and Cllr B Jones" names two people; "Police and Crime Commissioner" one office.
                // "Nick Bagshaw and Anthony Karabinas (DCLG)": both are from the body in brackets.
                var names = piece, shared = ""
                if let open = piece.lastIndex(of: "("), piece.hasSuffix(")"), !piece[..<open].contains("(") {
                    names = String(piece[..<open]).trimmed
                    shared = " " + piece[open...]
                }
                let parts = names.contains("(") ? [names] : Names.englishAnd(names).components(separatedBy: " and ")
                // "Tristan and Sri" in a list of first names; "County Cllr Webb and the Clerk": an office beside names.
                let singles = surnames || t.components(separatedBy: ",").filter({ Names.isSurname($0.trimmed) }).count >= minimumSingleNames
                let isName = { (part: String) in
                    (Names.isBareName(part) || singles && Names.isSurname(part) || Names.isListedName(part) && part.contains(" "))
                        && runOn(part) == nil
                }
                let split = parts.count > 1 && parts.contains { isName($0.trimmed) } && parts.allSatisfy { part in
                    isName(part.trimmed) || isOfficeAlone(part.trimmed.replacing(regex: PeopleParsing.entryOpener, with: ""))
                }
                var entries = split ? parts.map { $0.trimmed + shared } : [piece]
                if !split, !piece.contains("(") {
                    // "N Cresswell and P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong":
                    // names run on with their offices and no commas.
                    let expanded = parts.map { isName($0.trimmed) ? [$0.trimmed] : runOn($0.trimmed) }
                    if expanded.allSatisfy({ $0 != nil }), expanded.contains(where: { ($0?.count ?? 0) > 1 }) || parts.count > 1 && expanded.count > 1 {
                        entries = expanded.flatMap { $0 ?? [] }
                    }
                }
                for part in entries where !part.trimmed.isEmpty {
                    out.append((group, part.trimmed))
                }
            }
            current = ""
        }
        for ch in t {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth = max(0, depth - 1) }
            if depth == 0 && (ch == "," || ch == ";") { flush(); continue }
            if depth == 0 && ch == ":" {
                let g = current.trimmed
                if g.split(separator: " ").count <= 10 {
                    // "…Officer) Kent Police:" — the group name follows the last entry.
                    if let close = g.lastIndex(of: ")") {
                        current = String(g[...close])
                        flush()
                        group = String(g[g.index(after: close)...]).trimmed
                    } else {
                        group = g
                    }
                    current = ""
                    continue
                }
            }
            current.append(ch)
        }
        flush()
        return out
    }
}
