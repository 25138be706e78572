import Foundation
import MinutesModel
import PageLayout

/// Reads the flow of lines into the minutes: meeting fields, attendees and apologies,
/// the agenda, numbered items with decisions, inline actions, and the next meeting.
public struct ClassifySections: Stage {
    public let name = "classify-sections"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        var c = SectionClassifier(lines: PeopleColumns.reorder(doc.lines), runningText: doc.runningText, stage: name)
        c.order = Self.dateOrder(doc)
        doc.dateOrder = c.order
        c.classify()
        doc.minutes.meeting = c.meeting
        doc.minutes.attendees = c.attendees
        doc.minutes.apologies = c.apologies
        doc.minutes.agenda = c.agenda
        doc.minutes.items = c.items
        doc.minutes.nextMeeting = c.nextMeeting
        doc.minutes.actions = ActionMerge.merge(table: Self.placed(doc.tableActions, in: c.items),
                                                inline: Self.placed(c.actions, in: c.items))
            .map(Self.withoutNumbering)
        doc.diagnostics += c.diagnostics
    }

    /// Each action belongs to the last top-level item that starts above it on the page: the
    /// item list is settled by now, the number a table or paragraph happened to show is not.
    static func placed(_ actions: [Action], in items: [Item]) -> [Action] {
        let starts = items.compactMap { it -> (page: Int, y: Double, number: String)? in
            guard let p = it.page, let n = it.number else { return nil }
            return (p, it.box?[1] ?? 0, n)
        }
        guard !starts.isEmpty else { return actions }
        return actions.map { a in
            var a = a
            guard let p = a.page else { return a }
            let y = a.box?[1] ?? 0
            if let owner = starts.last(where: { $0.page < p || $0.page == p && $0.y <= y + 2 }) { a.item = owner.number }
            return a
        }
    }

    /// "1.2 DT requested…" → "DT requested…": the paragraph's number is not part of the action.
    static func withoutNumbering(_ action: Action) -> Action {
        var a = action
        a.description = a.description.replacing(regex: #"^(\d{1,3}(\.\d{1,2})+|\d{1,3}[.)]|[a-h][.)]|\([a-h]\)|[ivx]{1,4}[.)])\s+(?=[A-Z])"#, with: "")
        return a
    }

    /// Day-first unless the options or the document say otherwise: a numeric date whose
    /// second part is over 12, or "January 29, 2018" written more than "29 January 2018".
    static func dateOrder(_ doc: WorkingDocument) -> DateParsing.Order {
        switch doc.options.dateOrder {
        case .dayFirst: return .dayFirst
        case .monthFirst: return .monthFirst
        case .auto: break
        }
        // Only lines that could hold a date with a year are searched (a digit beside a
        // separator, or four digits; with the line before, for a date broken across two):
        // three patterns over a whole document's text were a tenth of reading a text PDF.
        let texts = doc.lines.map(\.text)
        let dated = texts.map(Self.mayHoldDate)
        var kept: [String] = []
        for (i, t) in texts.enumerated() where dated[i] || (i + 1 < texts.count && dated[i + 1]) {
            if !kept.isEmpty, i > 0, !(dated[i - 1] || dated[i]) { kept.append("\u{1}") }
            kept.append(t)
        }
        let text = kept.joined(separator: "\n")
        var dayFirst = 0, monthFirst = 0
        guard let numeric = RegexCache.shared.regex(#"(?<![\d/.])(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?![\d/])"#, caseInsensitive: false) else { return .dayFirst }
        for m in numeric.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let a = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                  let b = Range(m.range(at: 2), in: text).flatMap({ Int(text[$0]) }) else { continue }
            if a > 12 && b <= 12 { dayFirst += 3 }
            if b > 12 && a <= 12 { monthFirst += 3 }
        }
        let m = DateParsing.monthAlt
        monthFirst += text.matches(#"(?i)\b(\#(m))\.?\s+\d{1,2}(st|nd|rd|th)?,\s+\d{4}"#)
        dayFirst += text.matches(#"(?i)\b\d{1,2}(st|nd|rd|th)?\s+(\#(m))\.?,?\s+\d{4}"#)
        return monthFirst > dayFirst ? .monthFirst : .dayFirst
    }

    /// Four digits in a row ("2018"), or a digit beside one of . / - ("3/4/18").
    static func mayHoldDate(_ text: String) -> Bool {
        var run = 0
        var prev: UInt8 = 0
        for b in text.utf8 {
            let digit = b >= 48 && b <= 57
            if digit {
                run += 1
                if run >= 4 { return true }
                if prev == 46 || prev == 47 || prev == 45 { return true }
            } else {
                if run > 0, b == 46 || b == 47 || b == 45 { return true }
                run = 0
            }
            prev = b
        }
        return false
    }
}

struct SectionClassifier {
    let lines: [Line]
    let runningText: [Line]
    let stage: String
    var order: DateParsing.Order = .dayFirst

    var meeting = Meeting()
    var attendees: [Person] = []
    var apologies: [Person] = []
    var agenda: [Item] = []
    var items: [Item] = []
    var actions: [Action] = []
    var nextMeeting: NextMeeting?
    var diagnostics: [Diagnostic] = []
    /// The line the meeting date was taken from when no heading gave it: it may be the
    /// next meeting's line read first.
    var meetingDateFromBody: Int?
    /// Lines already read as a field or a people list, not item text.
    var consumed = Set<Int>()

    /// Each line's label, read once: several passes ask for it.
    let labels: [Label?]
    /// Each line's leading item number, read once.
    let leadingNumbers: [ItemNumber.Found?]
    /// How this document numbers its items, where it departs from 1, 2, 3.
    let scheme: NumberingScheme
    /// Each page's right margin, as far as its lines reach.
    let pageRight: [Int: Double]

    init(lines: [Line], runningText: [Line], stage: String) {
        self.lines = lines
        labels = lines.map(Self.computeLabel)
        leadingNumbers = lines.map(ItemNumber.leading)
        scheme = NumberingScheme(numbers: leadingNumbers.compactMap { $0?.number })
        var right: [Int: Double] = [:]
        for l in lines { right[l.page] = max(right[l.page] ?? 0, l.box.x1) }
        pageRight = right
        self.runningText = runningText
        self.stage = stage
    }

    mutating func note(_ severity: Severity, page: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(stage: stage, severity: severity, page: page, message: message))
    }

    mutating func classify() {
        readFields()
        readPeople()
        if apologies.isEmpty { readApologySentence() }
        readTitle()
        if meeting.startTime == nil || meeting.venue == nil { readOpeningSentence() }
        readItems()
        readNumberedParagraphs()
        readNextMeeting()
        readInlineActions()
        settlePeople()
        if meeting.date == nil { note(.warning, "meeting date not found") }
        if meeting.title == nil { note(.warning, "meeting title not found") }
        if items.isEmpty { note(.warning, "no numbered items found") }
    }

    // MARK: labelled fields

    enum FieldKind { case title, date, time, venue, chair, attendees, apologies, ignore }

    static let labelEdge: Set<Character> = [" ", ":", "-", "–"]

    /// At most `limit` runs of spaces in the first 80 bytes, and no more bytes: a label is a
    /// few words, and most lines asked are sentences.
    static func isShort(_ text: String, words limit: Int) -> Bool {
        var gaps = 0, count = 0
        var inGap = false
        for b in text.utf8 {
            count += 1
            if count > 80 { return false }
            if b == 32 {
                if !inGap { gaps += 1; inGap = true }
                if gaps > limit { return false }
            } else {
                inGap = false
            }
        }
        return true
    }

    static let collectiveLabels: Set<String> = ["panel", "board", "committee", "commission", "members", "councillors", "governors",
                                                "trustees", "directors", "commissioners", "panel members", "board members",
                                                "committee members"]

    static func fieldKind(_ label: String) -> FieldKind? {
        // Leading or trailing spaces count as a gap: one word of slack.
        guard isShort(label, words: 7) else { return nil }
        var l = label.lowercased().trimming(labelEdge)
        if l.includes("  ") { l = l.collapsingWhitespace }
        switch l {
        case "title", "meeting", "meeting title", "name of meeting", "committee", "board": return .title
        case "date", "date & time", "date and time", "date/time", "meeting date", "date & venue", "when", "held on": return .date
        case "time", "times", "start time": return .time
        case "venue", "location", "place", "where", "held at", "venue & time", "address": return .venue
        case "chair", "chaired by", "chairman", "chairperson", "chairwoman", "chair person", "presiding", "presiding officer": return .chair
        case "minutes", "minute taker", "minutes taken by", "clerk", "secretary", "note taker", "notes", "author", "recorder",
             "distribution", "circulation", "purpose", "attached", "papers", "ref", "reference", "status", "classification", "version":
            return .ignore
        default: break
        }
        if let people = PeopleLabel.kind(of: l) {
            return people == .apologies ? .apologies : .attendees
        }
        return nil
    }

    /// A label at the start of a line: "Venue:", "Date & time:", or a first segment that is a
    /// known label ("Venue   PCC Conference Room").
    typealias Label = (kind: FieldKind, label: String, value: String, valueX: Double?)

    func label(at i: Int) -> Label? { labels[i] }

    static func computeLabel(_ original: Line) -> Label? {
        var line = original
        // "o Commissioners Present: …" — a bullet before the label.
        if let w = line.words.first, w.text.count <= 2, Paragraphs.startsBullet(line) || w.text == "o", line.words.count > 1 {
            var segs = line.segments
            segs[0].words.removeFirst()
            if segs[0].words.isEmpty { segs.removeFirst() }
            line = Line(page: line.page, segments: segs)
        }
        guard let first = line.segments.first else { return nil }
        let text = first.text
        if let people = peopleLabelBeforeStop(line) { return people }
        if let colon = text.firstIndex(of: ":") {
            let label = String(text[..<colon])
            guard label.split(separator: " ").count <= 5 else { return nil }
            var value = String(text[text.index(after: colon)...]).trimmingCharacters(in: CharacterSet(charactersIn: " -–"))
            let others = line.segments.dropFirst().map(\.text)
            value = ([value] + others).filter { !$0.isEmpty }.joined(separator: "  ")
            // "Panel: Professor Sir Nigel Shadbolt (Chairman), Baroness Stowell (DCLG), …": the
            // body's name over a running list of people is who attended, not a title.
            let collective = Self.collectiveLabels.contains(label.trimmed.lowercased()) && value.filter { $0 == "," }.count >= 2
            guard let kind = collective ? .attendees : Self.fieldKind(label) else { return nil }
            let valueX = value.isEmpty ? nil : (line.segments.count > 1 && String(text[text.index(after: colon)...]).trimmed.isEmpty
                                                   ? line.segments[1].box.x0 : first.words.dropFirst(label.split(separator: " ").count).first?.box.x0)
            return (kind, label, value, valueX)
        }
        if let kind = Self.fieldKind(text), line.segments.count >= 2 || PeopleLabel.kind(of: text.lowercased()) != nil {
            let value = line.segments.dropFirst().map(\.text).joined(separator: "  ")
            return (kind, text, value, line.segments.count > 1 ? line.segments[1].box.x0 : nil)
        }
        return nil
    }

    /// "Present; David Thomas (DT), …", "Apologies – Tamsyn Imison": a semicolon or a dash
    /// typed where a people label takes its colon. Only people labels: elsewhere a dash
    /// after a first word is ordinary text.
    static func peopleLabelBeforeStop(_ line: Line) -> Label? {
        guard let first = line.segments.first else { return nil }
        let words = first.words
        guard let stop = words.prefix(5).firstIndex(where: { w in
            w.text == "-" || w.text == "–" || w.text.hasSuffix(";") || (w.text.hasSuffix(":") == false && w.text.hasSuffix("–"))
        }) else { return nil }
        var labelWords = words[...stop].map(\.text)
        let last = labelWords.removeLast()
        let tail = last.trimmingCharacters(in: CharacterSet(charactersIn: ";–-"))
        if !tail.isEmpty { labelWords.append(tail) }
        let label = labelWords.joined(separator: " ")
        guard !label.isEmpty, !label.contains(":"), let kind = fieldKind(label), kind == .attendees || kind == .apologies else { return nil }
        let rest = words[(stop + 1)...].map(\.text).joined(separator: " ")
        let value = ([rest] + line.segments.dropFirst().map(\.text)).filter { !$0.isEmpty }.joined(separator: "  ")
        let valueX = words.count > stop + 1 ? words[stop + 1].box.x0 : (line.segments.count > 1 ? line.segments[1].box.x0 : nil)
        return (kind, label, value, valueX)
    }

    /// The label's value with the lines that continue it: indented to the value's column and
    /// with no label of their own.
    func continuation(after i: Int, valueX: Double?) -> [Int] {
        guard let x = valueX else { return [] }
        var out: [Int] = []
        var k = i + 1
        while k < lines.count, lines[k].page == lines[i].page, out.count < 12 {
            let l = lines[k]
            let prev = lines[k - 1]
            if label(at: k) != nil { break }
            if abs(l.box.x0 - x) > 6 { break }
            if l.box.y0 - prev.box.y1 > max(prev.box.height, l.box.height) * 1.3 { break }
            out.append(k)
            k += 1
        }
        return out
    }

    mutating func readFields() {
        let firstPage = lines.first?.page ?? 1
        for i in lines.indices where lines[i].page <= firstPage + 1 {
            guard let f = label(at: i) else { continue }
            let cont = continuation(after: i, valueX: f.valueX)
            var value = ([f.value] + cont.map { lines[$0].text }).filter { !$0.isEmpty }.joined(separator: " ")
            value = TextJoin.clean(value)
            var used = false
            for (kind, part) in Self.fieldsWithin(kind: f.kind, value: value) {
                used = readField(kind, part, line: i) || used
            }
            guard used else { continue }
            consumed.insert(i)
            consumed.formUnion(cont)
        }
        if meeting.chair == nil { readLetterheadChair() }
    }

    /// "Manordeilo and Salem Community Council held their meeting at 7.00pm on the 9th May
    /// 2018 at the Reading Room, Cwmifor.": the time and place told in the opening sentence,
    /// before the first item, when no heading or label gave them.
    mutating func readOpeningSentence() {
        let firstPage = lines.first?.page ?? 1
        for i in lines.indices.prefix(30) where lines[i].page == firstPage && !consumed.contains(i) {
            if leadingNumbers[i] != nil { return }
            let text = lines[i].text
            guard text.includesFolded("held") || text.includesFolded("took place") || text.includesFolded("convened"),
                  text.range(ofRegex: #"(?i)\b(held|took place|convened)\b"#) != nil else { continue }
            let sentence = self.sentence(from: i, after: text.startIndex, extraLines: 2).text
            // Only the sentence about this meeting: it gives this meeting's date or a time.
            let dates = DateParsing.all(in: sentence, order: order)
            let rest = Self.removingDates(sentence, order: order)
            let times = DateParsing.times(in: rest)
            let ownMeeting = sentence.range(ofRegex: #"(?i)^(the\s+)?(draft\s+)?(minutes|notes|a meeting|meeting)\s+of\b"#) != nil
            guard times.start != nil || ownMeeting || dates.contains(where: { $0.iso == meeting.date }),
                  !dates.contains(where: { $0.iso.count == 10 && $0.iso != meeting.date }) else { continue }
            if meeting.startTime == nil, let start = times.start {
                meeting.startTime = start
                meeting.endTime = times.end
            }
            if meeting.venue == nil, let venue = Self.venue(inSentence: rest) { meeting.venue = venue }
            note(.info, page: firstPage, "time and place read from the opening sentence: \"\(ResolveOwners.short(sentence))\"")
            return
        }
    }

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

    /// The place after the last "at" or "in" that names one (capitalised, not a time).
    static func venue(inSentence text: String) -> String? {
        let noTimes = text.replacing(regex: #"(?i)\b\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?|hrs|hours)?(?=[\s,;.]|$)"#, with: " ")
        guard let m = noTimes.ranges(ofRegex: #"\b(at|in)\s+(the\s+)?[A-Z][^;()]{2,80}$"#).last else { return nil }
        var place = String(noTimes[m]).replacing(regex: #"^(at|in)\s+(the\s+)?"#, with: "")
        // "…, Maidstone on Thursday, ": what was left of the date.
        place = place.replacing(regex: #"(?i)\s+(on|from|commencing|starting)(\s+the)?(\s+(mon|tues|wednes|thurs|fri|satur|sun)day)?[\s,]*$"#, with: "")
        place = place.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;–—-"))
        guard place.count >= 3, place.split(separator: " ").count <= 12 else { return nil }
        return place
    }

    /// "12 October 2021  Time: 6.00pm  Venue: School Library" after "Date:": the labels
    /// set along one line, each with its own value.
    static func fieldsWithin(kind: FieldKind, value: String) -> [(FieldKind, String)] {
        guard value.contains(":") else { return [(kind, value)] }
        var out: [(FieldKind, String)] = []
        var current = kind
        var from = value.startIndex
        for r in value.ranges(ofRegex: #"(?i)(?<=^|\s)(date|time|times|venue|location|place|where|chair|chaired by)\s*:\s*"#) {
            let label = value[r].trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard let next = fieldKind(label) else { continue }
            out.append((current, String(value[from..<r.lowerBound]).trimmed))
            current = next
            from = r.upperBound
        }
        out.append((current, String(value[from...]).trimmed))
        return out.filter { !$0.1.isEmpty || $0.0 == kind }
    }

    /// One labelled field into the meeting; false when it told nothing new.
    mutating func readField(_ kind: FieldKind, _ value: String, line i: Int) -> Bool {
        switch kind {
        case .title where meeting.title == nil && !value.isEmpty:
            meeting.title = value
        case .date:
            if meeting.date == nil, let d = DateParsing.first(in: value, order: order), d.iso.count == 10 { meeting.date = d.iso }
            let t = DateParsing.times(in: Self.removingDates(value, order: order))
            if meeting.startTime == nil { meeting.startTime = t.start; meeting.endTime = t.end }
            if meeting.venue == nil, let v = Self.venueAfterDate(value, order: order) { meeting.venue = v }
        case .time where meeting.startTime == nil:
            let t = DateParsing.times(in: value)
            meeting.startTime = t.start
            meeting.endTime = t.end
        case .venue where meeting.venue == nil && !value.isEmpty:
            meeting.venue = value
        case .chair where meeting.chair == nil:
            // A letterhead sets the name over its office ("BETTY BRYANT-BROWN" over
            // "CHAIRPERSON"); what stands beside the office is then something else.
            if !Self.isBareName(value), let above = nameAbove(i) {
                meeting.chair = above
            } else if !value.isEmpty, value.range(ofRegex: #"(?i)^(minutes|agenda|notes)$"#) == nil {
                meeting.chair = PeopleParsing.parse(text: value)?.name ?? value
            } else {
                return false
            }
        default:
            return false
        }
        return true
    }

    /// A letterhead's sidebar sets the chair's name over the office alone: "CLARISA M.
    /// ALAYETO" over "CHAIRPERSON". Only near the top of the first page.
    mutating func readLetterheadChair() {
        let firstPage = lines.first?.page ?? 1
        for i in lines.indices.prefix(30) where lines[i].page == firstPage {
            guard Self.fieldKind(lines[i].text) == .chair, let name = nameAbove(i) else { continue }
            meeting.chair = name
            note(.info, page: firstPage, "chair taken from the letterhead: '\(name)' over '\(lines[i].text.trimmed)'")
            return
        }
    }

    /// The name set just above line `i`'s first segment, over it, in a letterhead's sidebar.
    func nameAbove(_ i: Int) -> String? {
        guard i > 0, lines[i - 1].page == lines[i].page, let label = lines[i].segments.first?.box,
              lines[i].box.y0 - lines[i - 1].box.y1 < lines[i].box.height * 1.5,
              let seg = lines[i - 1].segments.first(where: { $0.box.x0 < label.x1 && $0.box.x1 > label.x0 }) else { return nil }
        // Letterheads set names in capitals: "BETTY BRYANT-BROWN" → "Betty Bryant-Brown".
        var text = seg.text.trimmed
        if text == text.uppercased() { text = text.capitalized }
        return Self.isBareName(text) ? text : nil
    }

    static func removingDates(_ text: String, order: DateParsing.Order) -> String {
        var t = text
        for d in DateParsing.all(in: text, order: order).reversed() { t.replaceSubrange(d.range, with: " ") }
        return t
    }

    static let weekday = #"(?i)^(mon|tues|wednes|thurs|fri|satur|sun)day$"#

    /// "27th April 2017, 09:30 – 12:00, OPCC Conference Room, Hoffmanns Way": what follows the
    /// date and times is the venue.
    static func venueAfterDate(_ text: String, order: DateParsing.Order) -> String? {
        // What follows the last date, less the times and joining words, is the place.
        guard let last = DateParsing.all(in: text, order: order).last else { return nil }
        var tail = String(text[last.range.upperBound...])
        while true {
            let before = tail
            tail = tail.replacing(regex: #"^[\s,;:–—-]+"#, with: "")
            tail = tail.replacing(regex: #"^(?i)(at|in|from|starting at|commencing at|@)\s+"#, with: "")
            tail = tail.replacing(regex: #"^(?i)\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?|hrs|hours)?(?=[\s,;–—-]|$)"#, with: "")
            tail = tail.replacing(regex: #"^(?i)\d{3,4}\s*(hrs|hours|h)\b"#, with: "")
            tail = tail.replacing(regex: #"^(?i)(to|until|till|and)\s+"#, with: "")
            if tail == before { break }
        }
        tail = tail.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.–—-"))
        guard tail.count >= 3, tail.range(ofRegex: "[A-Za-z]{3}") != nil else { return nil }
        return tail
    }

    // MARK: people

    mutating func readPeople() {
        var groups: [(kind: PeopleLabel.Kind, label: String, people: [Person])] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            var heading: (kind: PeopleLabel.Kind, label: String, value: String, valueX: Double?)?
            if let f = label(at: i), f.kind == .attendees || f.kind == .apologies {
                heading = (f.kind == .apologies ? .apologies : .attendees, f.label, f.value, f.valueX)
            } else if let n = leadingNumbers[i], let k = PeopleLabel.kind(of: n.rest.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))) {
                // "1. Apologies" as an item: the item's lines list the people.
                heading = (k, n.rest.trimmingCharacters(in: CharacterSet(charactersIn: " :-–")), "", nil)
            }
            // "AYES: … / ABSENT: Hernandez" records a vote, not who sent apologies.
            if heading != nil, i > 0, lines[i - 1].text.range(ofRegex: #"^(?i)(ayes|noes|nays|second|seconded|motion by|result|abstain)\b"#) != nil {
                heading = nil
            }
            if heading == nil, let roll = readRollCall(at: i) {
                attendees += roll.present
                apologies += roll.absent
                consumed.formUnion(roll.lines)
                i = (roll.lines.max() ?? i) + 1
                continue
            }
            guard let h = heading else { i += 1; continue }
            let labelX = line.words.first(where: { !Paragraphs.bullets.contains($0.text.first ?? " ") && $0.text != "o" })?.box.x0 ?? line.box.x0
            var block: [Int] = []
            var k = i + 1
            while k < lines.count, block.count < 60 {
                let l = lines[k]
                let prev = lines[k - 1]
                if label(at: k) != nil || leadingNumbers[k] != nil && (Paragraphs.startsBullet(l) == false) && leadingNumbers[k]?.rest.isEmpty == false { break }
                // A list split from a neighbouring column keeps a row's gap where that
                // column's entry ran onto a second line: a person a row further down still counts.
                let gap = l.box.y0 - prev.box.y1, height = max(l.box.height, prev.box.height)
                if l.page == prev.page, gap > height * 2.2, !(gap < height * 3.2 && looksLikePersonLine(l)) { break }
                if l.bold && !Paragraphs.startsBullet(l) && PeopleParsing.parse(segments: l.segments.map(\.text)) == nil { break }
                // "HNP = Horsley Neighbourhood Plan": a key to abbreviations ends it.
                if l.text.contains(" = ") { break }
                // "Discussion Summary:": a heading of its own ends the list.
                if l.text.hasSuffix(":"), l.bold || l.words.count <= 4 { break }
                if StripRunningText.key(l.text).hasPrefix("agenda") || Self.isMarker(l.text) { break }
                // In an outline the heading is itself a bullet ("o Commissioners Absent: …"):
                // a bullet set further left is the outer list's next entry, not a name.
                if Self.opensOutlineEntry(line), Self.opensOutlineEntry(l), l.box.x0 < line.box.x0 - 10 { break }
                // Indented under a value column: stay with it; a prose paragraph ends the list.
                // A running list wraps back to the label's margin, as a paragraph does.
                let above = lines[block.last ?? i]
                let continues = continuesPerson(above, l) || wraps(above, into: l) && !above.text.hasSuffix(".")
                if let x = h.valueX, abs(l.box.x0 - x) > 8, !Paragraphs.startsBullet(l), !(abs(l.box.x0 - labelX) <= 6 && continues) { break }
                let apologiesSentence = l.text.range(ofRegex: #"(?i)apolog(ies|y)\b.{0,40}\bfrom\b"#) != nil
                if !looksLikePersonLine(l) && !continues && !apologiesSentence { break }
                // A bulleted list ends at the first line that is neither a bullet nor a wrap.
                // A line that starts left of the list's entries is body text again.
                if let first = block.first, l.box.x0 < lines[first].box.x0 - 10, !continues { break }
                // (OCR may drop a bullet, so an entry shaped like "Name, Role" still belongs.)
                if let first = block.first, Paragraphs.startsBullet(lines[first]), !Paragraphs.startsBullet(l), !continues,
                   !(l.text.contains(",") || l.text.contains("(")) || l.text.split(separator: " ").count > 14 { break }
                block.append(k)
                k += 1
            }
            let people = parsePeople(value: h.value, lines: block.map { lines[$0] }, group: h.label, page: line.page,
                                     valueLines: h.value.isEmpty ? [] : [line])
            groups.append((h.kind, h.label, people))
            consumed.insert(i)
            consumed.formUnion(block)
            i = max(i + 1, k)
        }
        // A list of offices only, beside lists of named people, is the agenda's circulation list.
        let namedAttendees = groups.contains { $0.kind == .attendees && $0.people.contains { $0.role != nil || !PeopleParsing.isRoleOnly($0.name) } }
        for g in groups {
            if g.kind == .attendees, namedAttendees, !g.people.isEmpty,
               g.people.allSatisfy({ $0.role == nil && PeopleParsing.isRoleOnly($0.name) }) {
                note(.info, page: g.people.first?.page, "list of offices under '\(g.label)' ignored: named attendees are listed elsewhere")
                continue
            }
            if g.kind == .apologies { apologies += g.people } else { attendees += g.people }
        }
    }

    /// A roll-call table: "Attendee Name | Title | Status | Arrived" with Present / Absent / Late
    /// per row. Present and late members attend; absent and excused ones are apologies.
    func readRollCall(at i: Int) -> (present: [Person], absent: [Person], lines: [Int])? {
        let header = lines[i]
        let cells = header.segments.map { $0.text.lowercased() }
        guard cells.count >= 2, let statusIndex = cells.firstIndex(where: { $0 == "status" || $0 == "attendance" || $0 == "present/absent" }),
              cells.contains(where: { $0.contains("name") || $0 == "member" || $0 == "councillor" || $0 == "commissioner" }) else { return nil }
        let statusX = header.segments[statusIndex].box.x0
        // Headers are often centred over their column: match cells by centre.
        let titleX = cells.firstIndex(where: { $0 == "title" || $0 == "role" || $0 == "position" || $0 == "capacity" }).map { header.segments[$0].box.midX }
        var present: [Person] = [], absent: [Person] = [], used = [i]
        var k = i + 1
        while k < lines.count, k < i + 80 {
            let row = lines[k]
            guard row.segments.count >= 2, let status = row.segments.first(where: { abs($0.box.x0 - statusX) < 25 })?.text.lowercased() else { break }
            let nameSeg = row.segments[0].text
            let role = titleX.flatMap { tx in
                row.segments.dropFirst().filter { abs($0.box.x0 - statusX) >= 25 }.min(by: { abs($0.box.midX - tx) < abs($1.box.midX - tx) })?.text
            }
            let person = Person(name: nameSeg, role: role, group: "Roll call: \(row.segments.first(where: { abs($0.box.x0 - statusX) < 25 })?.text ?? "")",
                                page: row.page, box: row.box.array)
            if status.hasPrefix("absent") || status.hasPrefix("excused") || status.hasPrefix("apolog") || status == "not present" {
                absent.append(person)
            } else if status.hasPrefix("present") || status.hasPrefix("late") || status.hasPrefix("arrived") || status.hasPrefix("remote") || status.hasPrefix("virtual") {
                present.append(person)
            } else { break }
            used.append(k)
            k += 1
        }
        return present.isEmpty && absent.isEmpty ? nil : (present, absent, used)
    }

    static func isMarker(_ text: String) -> Bool {
        let t = text.lowercased()
        return t.hasPrefix("draft minutes") || t.hasPrefix("minutes of") || t == "minutes"
    }

    /// A bullet, or the letter "o" that Word's second-level bullets turn into.
    static func opensOutlineEntry(_ l: Line) -> Bool {
        Paragraphs.startsBullet(l) || l.words.first?.text == "o"
    }

    func looksLikePersonLine(_ l: Line) -> Bool {
        let text = Paragraphs.stripBullet(l.text)
        guard !text.isEmpty else { return false }
        if text.lowercased().hasPrefix("none") || text.lowercased().hasPrefix("nil") { return true }
        // "HNP = Horsley Neighbourhood Plan": a key to abbreviations under the list.
        if text.contains(" = ") { return false }
        guard let first = text.first, first.isUppercase || first == "(" else { return false }
        let words = text.split(separator: " ")
        // Prose runs long and reads as a sentence.
        if words.count > 22 { return false }
        if text.range(ofRegex: #"\b(said|noted|asked|welcomed|agreed|explained|was|were|is|are|will)\b"#) != nil,
           !text.contains(",") && !text.contains("(") { return false }
        return true
    }

    /// A line broken because the next line's first word would not fit after it: the
    /// two are one paragraph, however short the first looks. Paragraph text only: a table
    /// row (a label and a value at most above, one run below) ends where its cells do.
    func wraps(_ above: Line, into l: Line) -> Bool {
        guard above.page == l.page, above.segments.count <= 2, l.segments.count == 1, l.bold == above.bold,
              l.box.y0 - above.box.y1 < max(above.box.height, l.box.height),
              let right = pageRight[above.page], let first = l.words.first else { return false }
        let space = first.box.height * 0.3
        return above.box.x1 + space + first.box.width > right - 5
    }

    func continuesPerson(_ prev: Line, _ l: Line) -> Bool {
        let t = prev.text.trimmed
        guard let first = l.text.trimmed.first else { return false }
        let lastWord = t.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return first.isLowercase || t.hasSuffix(",") || t.hasSuffix("(") || t.hasSuffix(" of") || t.hasSuffix(" and") || t.hasSuffix("&")
            || PeopleParsing.courtesy.contains(lastWord) || PeopleParsing.ranks.contains(lastWord)
            || (t.filter { $0 == "(" }.count > t.filter { $0 == ")" }.count)
    }

    /// `valueLines` are the lines `value` was read from (the label's own line, a sentence's
    /// lines): with `block`, where each person's box is looked for.
    func parsePeople(value: String, lines block: [Line], group: String, page: Int, valueLines: [Line] = []) -> [Person] {
        let valueText = value.trimmed
        let lower = (valueText + " " + block.map(\.text).joined(separator: " ")).lowercased().trimmed
        if lower.isEmpty || lower.hasPrefix("none") || lower.hasPrefix("nil") || lower.hasPrefix("there were no") || lower == "n/a" {
            return []
        }
        // Lines join with "; " where a new entry starts and a space where one wraps, so a
        // list of names on each line splits the same way as one running list.
        var joinedParts: [String] = valueText.isEmpty ? [] : [valueText]
        // A line that runs to the right edge of the list is a paragraph wrapping mid-entry.
        let rightEdge = (valueLines + block).map(\.box.x1).max() ?? 0
        func runsToEdge(_ l: Line, _ next: Line) -> Bool {
            (l.box.x1 > rightEdge - 25 || wraps(l, into: next)) && !l.text.hasSuffix(")") && !l.text.hasSuffix(";")
        }
        for (k, l) in block.enumerated() where l.text.range(ofRegex: #"^\(Item \d+\)$"#, caseInsensitive: true) == nil {
            let wraps = k > 0 ? continuesPerson(block[k - 1], l) || (block.count > 1 && runsToEdge(block[k - 1], l))
                : (!valueText.isEmpty && (valueText.hasSuffix(",") || valueText.hasSuffix(" and") || l.text.first?.isLowercase == true
                    || PeopleParsing.courtesy.contains(valueText.split(separator: " ").last.map { $0.lowercased() } ?? "")
                    || valueLines.count == 1 && valueLines.last.map { runsToEdge($0, l) } == true))
            if wraps, let last = joinedParts.popLast() { joinedParts.append(last + " " + l.text) } else { joinedParts.append(l.text) }
        }
        var joined = TextJoin.clean(joinedParts.joined(separator: "; "))
        if let r = joined.range(ofRegex: #"(?i)apolog(ies|y)\b[^.:;]{0,40}?\bfrom\s"#) {
            joined = "Apologies from " + joined[r.upperBound...]
            // The sentence ends the list: "… and Nancy Sayer who was substituted by Roxanne Hills. Sarah Hamilton…"
            if let stop = joined.range(ofRegex: #"\.[\s;]"#) { joined = String(joined[..<stop.lowerBound]) }
        }
        // "Office of the PCC: Matthew Scott (Police and Crime Commissioner), Adrian Harper (...)" — a
        // running list, not one person a line.
        // "A Smith, B Jones, C Brown and D White" on one line: several people, not "Name, Role".
        let commaListed = ([valueText] + block.map(\.text)).contains { text in
            var parts = text.components(separatedBy: ",").map(\.trimmed).filter { !$0.isEmpty }
            let commas = parts.count
            // Only the last part's "and" joins two names: "…, Owen Williams and Ann Jones".
            if let last = parts.popLast() { parts += Self.englishAnd(last).components(separatedBy: " and ").map(\.trimmed) }
            guard parts.count >= 3 else { return false }
            // "Councilmembers Present: Adams, Baker, Chen, Mayor Lee": surnames alone.
            if parts.allSatisfy(Self.isListedName), parts.filter(Self.isSurname).count * 2 >= parts.count { return true }
            let bare = parts.filter(Self.isBareName).count
            // With one comma, "Karin Takel, Strategic Planning and Performance Officer" is a name and a role.
            return commas >= 3 ? bare >= 2 : bare == parts.count
        }
        // "Apologies: Shelley Young, Pat Bader": beside the label, two bare names are two
        // people (a list under the label keeps "Name, Role" a line).
        let valueParts = valueText.components(separatedBy: ",").map(\.trimmed).filter { !$0.isEmpty }
        let namePair = valueParts.count == 2 && valueParts.allSatisfy(Self.isListedName)
        // "Richard Hunt (RH)(Observer) Ian Brookman (IB)": a person's name straight after a bracket.
        let nameAfterBracket = joined.contains(") ") && block.allSatisfy({ $0.segments.count == 1 }) && joined.ranges(ofRegex: #"(?<=\)\s)[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}\b"#).contains {
            Self.isBareName(String(joined[$0]))
        }
        let isList = commaListed || namePair || joined.contains("), ") || nameAfterBracket
            || joined.range(ofRegex: #"\) and [A-Z][a-z]+ [A-Z]"#) != nil || joined.range(ofRegex: #"^[A-Z][^:,()]{2,60}:\s"#) != nil
            || joined.range(ofRegex: #"(?i)^apologies (were )?(received|given|noted)?\s*from"#) != nil
        var people: [Person] = []
        if isList {
            for (groupName, entry) in Self.splitList(joined) {
                guard var p = PeopleParsing.parse(text: entry) else { continue }
                if p.name.split(separator: " ").count > 6 || PeopleLabel.kind(of: p.name) != nil || Self.isHeadcount(p.name) { continue }
                // "Kieron O'Hara, Southampton University": an office or body after a name is that person's role.
                if p.role == nil, PeopleParsing.isRoleOnly(p.name), let last = people.indices.last, people[last].role == nil,
                   PeopleParsing.isRoleOnly(people[last].name) == false {
                    people[last].role = p.name
                    continue
                }
                p.name = p.name.trimmed
                let at = Self.line(naming: p.name, in: valueLines + block)
                people.append(Person(name: p.name, role: p.role, initials: p.initials, group: groupName ?? group, page: at?.page ?? page,
                                     box: Self.box(of: at.map { [$0] } ?? valueLines + block)))
            }
            return people
        }
        // One person a line; a line that starts in lower case continues the one above.
        var entries: [(segments: [String], lines: [Line])] = []
        var wrappedValue = false
        if !valueText.isEmpty { entries.append((valueText.components(separatedBy: "  ").map(\.trimmed).filter { !$0.isEmpty }, [])) }
        for (l, segs) in Self.cellsWithWrappedInitials(block) {
            // The label's own line broken mid-entry: "ALSO PRESENT: Sue Chandler, Cabinet Member
            // for Integrated Children's" over "Services."
            let prevLine = entries.last?.lines.last ?? (entries.count == 1 ? valueLines.last : nil)
            let wrapsFromValue = entries.count == 1 && entries[0].lines.isEmpty && prevLine.map { wraps($0, into: l) } == true
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
            if e.segments.count >= 2, e.segments.allSatisfy({ Self.isBareName($0) || Self.isNameDashBody($0) }) {
                let source = e.lines.isEmpty ? valueLines : e.lines
                for seg in e.segments {
                    guard let p = PeopleParsing.parse(text: seg) else { continue }
                    people.append(Person(name: p.name, role: p.role, initials: p.initials, group: group,
                                         page: source.first?.page ?? page, box: Self.box(of: source)))
                }
                continue
            }
            guard let p = PeopleParsing.parse(segments: e.segments), PeopleLabel.kind(of: p.name) == nil,
                  p.name.range(ofRegex: #"^\(Item \d+\)$"#, caseInsensitive: true) == nil else { continue }
            let source = e.lines.isEmpty ? valueLines : (wrappedValue && e.segments == entries.first?.segments ? valueLines + e.lines : e.lines)
            people.append(Person(name: p.name, role: p.role, initials: p.initials, group: group,
                                 page: source.first?.page ?? page, box: Self.box(of: source)))
        }
        return people
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

    /// "…and apologies received from Councillors Arwel Davies, Gwenfil Evans and William
    /// Loynton." inside an item's text, when no list gave the apologies.
    mutating func readApologySentence() {
        let firstPage = lines.first?.page ?? 1
        for i in lines.indices where lines[i].page <= firstPage + 1 {
            // Welsh: "derbyniwyd ymddiheuriadau gan y Cynghorwyr …".
            guard let r = lines[i].text.range(ofRegex: #"(?i)\bapolog(ies|y)\b[^.:;]{0,40}?\bfrom\s|\bymddiheuriadau (am absenoldeb )?(gan|oddi wrth)\s(y\s)?"#) else { continue }
            // Titles lose their full stops first: the sentence's own ends the list.
            let (text, k) = sentence(from: i, after: r.upperBound, extraLines: 3) {
                $0.replacing(regex: #"\b(Cllrs?|Mrs?|Ms|Dr|Prof|Rev|Revd|St|Co|Cyng)\."#, with: "$1")
            }
            let people = parsePeople(value: "Apologies from " + text, lines: [], group: "Apologies", page: lines[i].page,
                                     valueLines: Array(lines[i..<k]))
            guard !people.isEmpty else { continue }
            apologies = people
            note(.info, page: lines[i].page, "apologies read from a sentence: \"\(ResolveOwners.short(text))\"")
            return
        }
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
                          abs(row.boxes[j].x0 - seg.box.x0) < 20 else { continue }
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
                return parts.allSatisfy(isBareName) ? parts : [cell]
            })
        }
    }

    /// "James Graham – KCC", "Harry Rayner – MEM (Chair)": a name, a dash, where they are from.
    static func isNameDashBody(_ s: String) -> Bool {
        guard let dash = s.range(ofRegex: #"\s[–—-]\s"#) else { return false }
        return isBareName(String(s[..<dash.lowerBound]))
    }

    /// An entry of a list of people: a name, a surname, or either after an office
    /// ("Mayor Lee", "City Manager Tom Hill").
    static func isListedName(_ s: String) -> Bool {
        if isBareName(s) || isSurname(s) { return true }
        if case let (rank?, rest) = PeopleParsing.splitRank(s), !rank.isEmpty, isSurname(rest) || isBareName(rest) { return true }
        guard let (_, name) = PeopleParsing.splitLeadingRole(s) else { return false }
        return isBareName(name)
    }

    /// One capitalised word that is no office: a surname in a list of surnames.
    static func isSurname(_ s: String) -> Bool {
        s.range(ofRegex: #"^[A-Z][a-z'’-]+$"#) != nil && !PeopleParsing.isRoleOnly(s)
    }

    /// "2 members of the public", "three residents": a count of people, not a person.
    static func isHeadcount(_ s: String) -> Bool {
        s.range(ofRegex: #"(?i)^(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some)\s+(other\s+)?(members?\s+of\s+(the\s+)?(public|press)|residents|parishioners|guests|visitors|observers|others|people)\b"#) != nil
    }

    /// A person's name alone, perhaps with initials: "Alan Caudwell (AC)", "Cllr J Smith".
    static func isBareName(_ s: String) -> Bool {
        var t = s.replacing(regex: #"\s*\([A-Z][A-Za-z]{1,4}\)$"#, with: "").trimmed
        t = t.replacing(regex: #"^(?i)and\s+"#, with: "")
        let untitled = PeopleParsing.splitRank(t).1
        // "Cllr Mrs Clarke": after a title, a surname alone is a name.
        let titled = untitled != t
        t = untitled
        let words = t.split(separator: " ")
        guard ((titled ? 1 : 2)...4).contains(words.count), !PeopleParsing.isRoleOnly(t) else { return false }
        // Initials run together ("EP WK") are not a name: a name has a word in mixed case.
        let mixed = words.contains { $0.count >= 2 && $0.contains(where: \.isLowercase) }
        return mixed && words.allSatisfy { $0.first?.isUppercase == true } && !t.contains(",")
    }

    /// Welsh lists join their last two names with "a" or "a'r" ("Owen Williams a'r
    /// Cynghorydd Sir Joseph Davies"): read as "and" between a name's end and a capital.
    static func englishAnd(_ text: String) -> String {
        guard text.contains(" a") else { return text }
        return text.replacing(regex: #"(?<=\p{Ll}) a(?:['’]r)? (?=\p{Lu})"#, with: " and ")
    }

    /// Splits "Group: A (Role), B (Role) Group2: C, D" into entries, keeping the group.
    static func splitList(_ text: String) -> [(String?, String)] {
        var t = text
        if let r = t.range(ofRegex: #"(?i)^apologies (were )?(received|given|noted)?\s*from\s*"#) { t.removeSubrange(r) }
        // "Cllrs Smith (Chair), Jones, Brown and Green": after a plural title, surnames alone.
        let surnames = t.range(ofRegex: #"(?i)^(cllrs\.?|clirs|councillors|county councillors)\s"#) != nil
        var out: [(String?, String)] = []
        var group: String?
        var current = ""
        var depth = 0
        func flush() {
            var e = current.trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
            // "… and Nancy Sayer who was substituted by …": the clause is not part of the name.
            if let r = e.range(ofRegex: #"\s(who|were|was|had|have|has)\s.*$"#) { e.removeSubrange(r) }
            // "Georgia Humphreys (Officer) and Ashlie Gash (Officer)", "Richard Hunt (RH)(Observer)
            // Ian Brookman (IB)": a name after a closing bracket starts another entry.
            let starts = e.ranges(ofRegex: #"(?<=\))\s+(?:and\s+)?(?=[A-Z][a-z])"#)
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
                let parts = names.contains("(") ? [names] : Self.englishAnd(names).components(separatedBy: " and ")
                let split = parts.count > 1 && parts.allSatisfy { part in
                    Self.isBareName(part.trimmed) || surnames && Self.isSurname(part.trimmed)
                }
                for part in (split ? parts.map { $0.trimmed + shared } : [piece]) where !part.trimmed.isEmpty {
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

    mutating func settlePeople() {
        // Listed as sending apologies: not an attendee, whatever other list names them.
        let away = Set(apologies.map { Self.personKey($0.name) })
        let before = attendees.count
        attendees.removeAll { away.contains(Self.personKey($0.name)) }
        if attendees.count < before {
            note(.info, "\(before - attendees.count) attendee(s) also listed under apologies were kept as apologies only")
        }
        var seen = Set<String>()
        attendees = attendees.filter { seen.insert(Self.personKey($0.name)).inserted }
        var seenAway = Set<String>()
        apologies = apologies.filter { seenAway.insert(Self.personKey($0.name)).inserted }
        // "Hernandez" beside "Uriel Hernandez" is the same person.
        apologies = apologies.filter { p in
            let key = Self.personKey(p.name)
            return key.contains(" ") || !apologies.contains { $0.name != p.name && Self.personKey($0.name).hasSuffix(" " + key) }
        }
        if meeting.chair == nil, let chair = attendees.first(where: { ($0.role ?? "").range(ofRegex: #"(?i)\bchair"#) != nil }) {
            meeting.chair = chair.name
        }
    }

    static func personKey(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: " ")
    }

    // MARK: title and organisation

    static let orgPattern = #"(?i)^(office of|the office of)\b|\b(council|constabulary|police service|nhs|trust|authority|commission|commissioner for|university|college|school|academy|library|society|association|partnership|foundation|department|ministry|agency|cabinet office|community board|governing body|corporation|panel|cyngor)\b"#
    static let genericTitle = #"(?i)^(draft\s+)?(minutes|meeting notes|notes|agenda|action notes|record of meeting|confirmed minutes|unconfirmed minutes|public minutes|part [a-z1-9]+)[.:]?$"#

    mutating func readTitle() {
        let firstPage = lines.first?.page ?? 1
        let top = lines.indices.filter { lines[$0].page == firstPage && !consumed.contains($0) }.prefix(14)
        // The header block ends at the first person list, item or table.
        var header: [Int] = []
        for i in top {
            if leadingNumbers[i] != nil { break }
            if StripRunningText.key(lines[i].text) == "agenda" { break }
            header.append(i)
        }
        if meeting.date == nil {
            for i in header + Array(lines.indices.prefix(40)) {
                if let d = DateParsing.first(in: lines[i].text, order: order), d.iso.count == 10 {
                    meeting.date = d.iso
                    meetingDateFromBody = i
                    if !header.contains(i) {
                        // Not in the heading: it may be another meeting's date quoted in the text.
                        note(.warning, page: lines[i].page, "meeting date \(d.iso) taken from body text: \"\(ResolveOwners.short(lines[i].text))\"")
                    }
                    let t = DateParsing.times(in: Self.removingDates(lines[i].text, order: order))
                    if meeting.startTime == nil { meeting.startTime = t.start; meeting.endTime = t.end }
                    if meeting.venue == nil { meeting.venue = Self.venueAfterDate(lines[i].text, order: order) }
                    break
                }
            }
        }
        var candidates: [(score: Double, text: String, index: Int)] = []
        var organisationLine: Int?
        let sizes = header.map { lines[$0].fontSize }
        let maxSize = sizes.max() ?? 0
        for (rank, i) in header.enumerated() {
            let l = lines[i]
            let raw = Self.leadingRun(l).trimmed
            let key = raw.lowercased()
            if raw.range(ofRegex: Self.genericTitle) != nil { continue }
            if key.count < 4 || raw.range(ofRegex: "[A-Za-z]") == nil || Paragraphs.startsBullet(l) || label(at: i) != nil
                || raw.hasPrefix("o ") { continue }
            if raw.range(ofRegex: Self.orgPattern) != nil, Self.isHeadingCase(raw), rank < 6,
               raw.split(separator: " ").count <= 10, raw.rangeOfCharacter(from: .decimalDigits) == nil, !raw.contains(")"),
               raw.range(ofRegex: #"(?i)^(minutes|notes|record)\b"#) == nil,
               raw.range(ofRegex: #"(?i)\b(meeting|board|committee|panel|group|forum)\b"#) == nil {
                if meeting.organisation == nil {
                    meeting.organisation = raw
                    organisationLine = i
                }
                continue
            }
            if !Self.isHeadingCase(raw) && !l.bold { continue }
            let cleaned = Self.cleanTitle(raw, order: order)
            // "Draft Minutes of the meeting held on" leaves only "meeting": no title; nor is a sentence one.
            guard cleaned.count >= 4, cleaned.split(separator: " ").count <= 12,
                  cleaned.range(ofRegex: #"(?i)\b(held their|was|were|is|are|has|had|will|said|welcomed|opened|noted)\b"#) == nil, cleaned.split(separator: " ").count >= 2 || cleaned.first?.isUppercase == true,
                  !["meeting", "the meeting", "a meeting", "cyfarfod", "y cyfarfod"].contains(cleaned.lowercased()) else { continue }
            var score = l.fontSize / max(1, maxSize) * 2 + (l.bold ? 1 : 0) - Double(rank) * 0.15
            if cleaned.range(ofRegex: #"(?i)\b(meeting|board|committee|panel|council|group|forum|commission|cabinet|assembly|trustees|governors)\b"#) != nil { score += 1 }
            if cleaned.split(separator: " ").count > 14 { score -= 2 }
            candidates.append((score, cleaned, i))
        }
        if meeting.title == nil, let best = candidates.max(by: { $0.score < $1.score }) {
            meeting.title = titleBlock(around: best.index, header: header, candidates: candidates.map(\.index)) ?? best.text
            // "REGULAR MEETING" under "PLANNING COMMISSION": a meeting's kind alone is not its
            // name; the body named just above it is.
            if let o = organisationLine, let org = meeting.organisation, let t = meeting.title,
               t.range(ofRegex: #"(?i)^((regular|ordinary|special|extraordinary|annual|general|monthly|full|public|open)\s+)*meeting$"#) != nil,
               lines[o].page == lines[best.index].page, lines[best.index].box.y0 > lines[o].box.y0,
               lines[best.index].box.y0 - lines[o].box.y1 < lines[o].box.height * 1.5 {
                meeting.title = org + " " + t
            }
        } else if meeting.title == nil, let header = runningText.first(where: { $0.page == firstPage && $0.box.y0 < 120 }) {
            let t = Self.cleanTitle(header.text, order: order)
            if t.count >= 4 {
                meeting.title = t
                note(.info, page: header.page, "title taken from the running header")
            }
        }
        // "MANORDEILO & SALEM COMMUNITY COUNCIL" over "MEETING 9th MAY 2018": the body is
        // the only name the heading gives.
        if meeting.title == nil, let org = meeting.organisation {
            meeting.title = org
            note(.info, page: firstPage, "no meeting title apart from the body's name: title is '\(org)'")
        }
        if let t = meeting.title { meeting.title = Self.cleanTitle(t, order: order) }
    }

    /// A header line's main run of text, where wide gaps split it: "BRONX COMMUNITY BOARD #1"
    /// without "The Bronx" printed far to its right beside a logo, "Transparency Board Action
    /// Log" without the paper's reference "TB (7)1.ii" to its left. The run naming a meeting
    /// body wins, then the longest.
    static func leadingRun(_ l: Line) -> String {
        var runs: [[Segment]] = []
        for seg in l.segments {
            if let last = runs.last?.last, seg.box.x0 - last.box.x1 <= max(l.fontSize, 8) * 3 {
                runs[runs.count - 1].append(seg)
            } else {
                runs.append([seg])
            }
        }
        let texts = runs.map { $0.map(\.text).joined(separator: " ") }
        guard texts.count > 1 else { return texts.first ?? "" }
        let named = texts.filter { $0.range(ofRegex: meetingWord) != nil }
        return (named.isEmpty ? texts : named).max { $0.count < $1.count } ?? ""
    }

    static let meetingWord = #"(?i)\b(meeting|board|committee|panel|council|group|forum|commission|cabinet|assembly|trustees|governors|authority)\b"#

    /// A title set over two lines ("PLANNING COMMISSION" over "REGULAR MEETING MINUTES") or
    /// broken into pieces along one ("COMMUNITY" beside "BOARD #1"): the pieces in the same
    /// type, joined. Nil when the best line stands alone.
    func titleBlock(around i: Int, header: [Int], candidates: [Int]) -> String? {
        let base = lines[i]
        func sameType(_ l: Line) -> Bool {
            l.page == base.page && l.bold == base.bold && abs(l.fontSize - base.fontSize) <= max(1, base.fontSize * 0.1)
        }
        // Pieces on the same row, left to right.
        func row(_ k: Int) -> [Int] {
            let l = lines[k]
            return header.filter { j in
                j == k || sameType(lines[j]) && lines[j].box.verticalOverlap(l.box) > 0.5
                    && min(abs(lines[j].box.x0 - l.box.x1), abs(l.box.x0 - lines[j].box.x1)) < l.fontSize * 4
            }.sorted { lines[$0].box.x0 < lines[$1].box.x0 }
        }
        func text(_ r: [Int]) -> String { r.map { lines[$0].text.trimmed }.joined(separator: " ") }
        var rows = [row(i)]
        // Rows above and below that also name the meeting, in the same type and close.
        let position = header.firstIndex(of: i) ?? 0
        for step in [-1, 1] {
            var p = position + step
            while p >= 0, p < header.count, rows.count < 3 {
                let k = header[p]
                guard !rows.contains(where: { $0.contains(k) }) else { p += step; continue }
                let near = step < 0 ? rows.first.flatMap { $0.first } : rows.last.flatMap { $0.first }
                guard let n = near, candidates.contains(k), sameType(lines[k]) else { break }
                let gap = step < 0 ? lines[n].box.y0 - lines[k].box.y1 : lines[k].box.y0 - lines[n].box.y1
                guard gap < lines[k].box.height * 0.9, text([k]).range(ofRegex: Self.meetingWord) != nil,
                      text(rows.flatMap { $0 }).range(ofRegex: Self.meetingWord) != nil else { break }
                if step < 0 { rows.insert(row(k), at: 0) } else { rows.append(row(k)) }
                p += step
            }
        }
        guard rows.count > 1 || rows[0].count > 1 else { return nil }
        let joined = Self.cleanTitle(rows.map(text).joined(separator: " "), order: order)
        return joined.count >= 4 && joined.split(separator: " ").count <= 14 ? joined : nil
    }

    /// A heading or name, not a sentence: short, most words capitalised, no full stop.
    static func isHeadingCase(_ text: String) -> Bool {
        let small: Set<String> = ["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "–", "-", "with", "by"]
        let words = text.split(separator: " ").map(String.init).filter { !small.contains($0.lowercased()) }
        guard !words.isEmpty, words.count <= 14, !text.trimmed.hasSuffix(".") else { return false }
        let caps = words.filter { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }.count
        return Double(caps) / Double(words.count) >= 0.6
    }

    /// "DRAFT Minutes of the Police and Crime Board, 5th June 2019" → "Police and Crime Board";
    /// "Monthly Assurance Meeting May 2016 – Meeting Notes" → "Monthly Assurance Meeting".
    static func cleanTitle(_ raw: String, order: DateParsing.Order) -> String {
        var t = raw
        for d in DateParsing.all(in: t, order: order).reversed() {
            // Cut at the date: what follows is time and place.
            t = String(t[..<d.range.lowerBound])
        }
        t = t.replacing(regex: #"(?i)^(draft|approved|confirmed|unconfirmed)\s+"#, with: "")
        t = t.replacing(regex: #"(?i)^(the\s+)?(minutes|notes|record|action notes)\s+(of|from)\s+(the\s+|a\s+)?"#, with: "")
        // "Meeting of the Finance Committee" names the Finance Committee.
        t = t.replacing(regex: #"(?i)^(a\s+|the\s+)?(ordinary\s+|extraordinary\s+|special\s+)?meeting\s+of\s+(the\s+)?(?=\S+\s+\S+)"#, with: "")
        // Trailing words come off one after another: "… Committee held on Tuesday", "… Meeting – Minutes".
        var previous = ""
        while previous != t {
            previous = t
            t = t.replacing(regex: #"(?i)[\s–—-]*(meeting notes|minutes|notes|agenda)\s*$"#, with: "")
            t = t.replacing(regex: #"(?i)\s+(held on|held at|held in|held|on|at|in|as of|as at|as|of|dated|from|for)\s*$"#, with: "")
            t = t.replacing(regex: #"(?i)\s*\b(mon|tues|wednes|thurs|fri|satur|sun)day\s*$"#, with: "")
            // "… meeting held in public", "(held in private)": how it was held, not its name.
            t = t.replacing(regex: #"(?i)\s*\(?\bheld\s+(in\s+)?(public|private|virtually|remotely|online|in person)\)?\s*$"#, with: "")
            t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–—-|"))
        }
        return t
    }

    // MARK: items

    /// Minutes written as numbered paragraphs with no headings ("1. KK presented a proposal…",
    /// "2. KK advised the group…"): when headed items are missing, or are a few of the run
    /// that happened to read like headings, a run of 1, 2, 3 at one indent is the item list.
    /// The titles are left empty, and said so: the page gives none.
    mutating func readNumberedParagraphs() {
        guard items.count <= 2 else { return }
        var starts: [(index: Int, number: Int)] = []
        for i in lines.indices where !consumed.contains(i) {
            guard let n = leadingNumbers[i], let v = Int(n.number), !n.rest.isEmpty,
                  let first = lines[i].words.first?.text, first.hasSuffix(".") || first.hasSuffix(")") else { continue }
            if let last = starts.last {
                guard v == last.number + 1, abs(lines[i].box.x0 - lines[last.index].box.x0) <= 6 else { continue }
            } else {
                guard v == 1 else { continue }
            }
            starts.append((i, v))
        }
        guard starts.count >= 2, starts.count >= 2 * items.count,
              starts.contains(where: { lines[$0.index].words.count >= 5 }) else { return }
        // Headed items found among the paragraphs give way to the whole run.
        let runNumbers = Set(starts.map { String($0.number) })
        guard items.allSatisfy({ $0.number.map(runNumbers.contains) ?? false }) else { return }
        var headed: [String: String] = [:]
        for it in items { if let n = it.number, let t = it.title { headed[n] = t } }
        items = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].index : lines.count
            let body = (start.index..<end).filter { !consumed.contains($0) }.map { lines[$0] }
            let text = TextJoin.clean(([leadingNumbers[start.index]?.rest ?? ""] + body.dropFirst().map(\.text)).joined(separator: " "))
            let l = lines[start.index]
            // A paragraph that opens like a heading keeps it ("2. Finance Update").
            let title = headed[String(start.number)].flatMap { t in text.hasPrefix(t) && t.split(separator: " ").count <= 6 ? t : nil }
            items.append(Item(number: String(start.number), title: title, text: text, decisions: Self.decisions(in: text),
                              page: l.page, box: l.box.array))
        }
        note(.warning, "no item headings: \(starts.count) numbered paragraphs taken as items, without titles")
    }

    mutating func readItems() {
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
            it.decisions = Self.decisions(in: it.text)
            if it.title == nil || it.title?.isEmpty == true, let firstChild = it.children.first {
                it.title = firstChild.title
            }
            if inAgenda { agenda.append(it) } else { items.append(it) }
            current = nil
            bodyLines = []
        }

        var i = 0
        while i < lines.count {
            let l = lines[i]
            // "AGENDA" as a heading, not "Agenda item 5" in the minutes.
            if l.text.utf8.count < 120, l.text.includesFolded("agenda"),
               StripRunningText.key(l.text).range(ofRegex: #"^(draft |the |meeting )?agenda( \(.*\)| for .*)?:?$"#) != nil,
               StripRunningText.key(l.text).count < 40 {
                finish()
                inAgenda = true
                sawAgendaHeading = true
                lastNumber = nil
                i += 1
                continue
            }
            if inAgenda && (Self.isMarker(l.text) || l.text.range(ofRegex: #"(?i)^(draft\s+)?minutes\b"#) != nil) {
                finish()
                inAgenda = false
                lastNumber = nil
            }
            var numbered = leadingNumbers[i]
            let expected = lastNumber.flatMap { Int($0) }.map { String($0 + 1) } ?? (lastNumber == nil ? "1" : nil)
            if let expected, numbered?.number != expected, let repaired = Self.ocrNumber(l, expected: expected) {
                note(.info, page: l.page, "item number read as '\(l.words.first?.text ?? "")' taken as \(expected) from the numbering")
                numbered = repaired
            }
            if let n = numbered, !consumed.contains(i) || PeopleLabel.kind(of: n.rest.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :-–"))) != nil {
                // Numbering starts again at 1 only where the minutes follow a printed agenda;
                // elsewhere a "1." under an item is a numbered paragraph or sub-item.
                let restart = lastNumber != nil && Self.numeric(n.number) == 1 && Roman.value(n.number) == nil && !(inAgenda || sawAgendaHeading && items.isEmpty)
                if scheme.isTopLevel(n.number), !restart, scheme.follows(n.number, lastNumber), Self.looksLikeTitle(n.rest, line: l),
                   lastNumber != nil || Self.plausibleFirst(n, line: l) {
                    if n.number == "1" || Self.numeric(n.number) == 1, lastNumber != nil, sawAgendaHeading, inAgenda {
                        finish()
                        inAgenda = false
                    }
                    finish()
                    // The heading is the run of text after the number; a later segment across a
                    // wide gap belongs to another column ("7. Date of Next Meeting    Thursday 30th…").
                    var title = Self.headingSegment(l, skipping: n.words)
                    let beside = l.segments.count > 1 ? l.segments.drop(while: { !$0.text.hasSuffix(title) && $0.text != title }).dropFirst().map(\.text) : []
                    var sub: String?
                    if let first = title.split(separator: " ").first, let s = ItemNumber.parse(String(first)), !scheme.isTopLevel(s) || String(first).hasSuffix(")") {
                        sub = s
                        title = String(title.dropFirst(first.count)).trimmed
                    }
                    // A heading that breaks onto a second line.
                    var consumedNext = 0
                    if title.isEmpty, i + 1 < lines.count, lines[i + 1].page == l.page, ItemNumber.leading(lines[i + 1]) == nil,
                       lines[i + 1].box.y0 - l.box.y1 < l.box.height * 1.5 {
                        title = lines[i + 1].segments.first?.text ?? ""
                        consumedNext = 1
                    }
                    if i + 1 < lines.count, Self.titleContinues(title, l, lines[i + 1]) {
                        title += " " + lines[i + 1].text
                        consumedNext = 1
                    }
                    title = Self.cleanItemTitle(title)
                    current = Item(number: n.number, title: title.isEmpty ? nil : title, page: l.page, box: l.box.array)
                    if let s = sub {
                        child = Item(number: s, title: title, page: l.page, box: l.box.array)
                    }
                    lastNumber = n.number
                    if !beside.isEmpty { bodyLines.append(Line(page: l.page, segments: l.segments.suffix(beside.count).map { $0 })) }
                    i += 1 + consumedNext
                    continue
                }
                if current != nil, !scheme.isTopLevel(n.number) || n.number.contains("."), Self.looksLikeTitle(n.rest, line: l) {
                    finishChild()
                    child = Item(number: n.number, title: Self.cleanItemTitle(n.rest), page: l.page, box: l.box.array)
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
                    current = Item(number: number, title: Self.cleanItemTitle(heading.text), page: heading.page, box: heading.box.union(l.box).array)
                    lastNumber = number
                    i += 1
                    continue
                }
            }
            if current != nil && !consumed.contains(i) {
                bodyLines.append(l)
                if child != nil { child?.text += " " + l.text }
            }
            i += 1
        }
        finish()
        // With an agenda heading but no second run of numbers, the numbered list was the minutes.
        if items.isEmpty, !agenda.isEmpty {
            items = agenda
            agenda = []
            note(.warning, "numbered list after 'Agenda' taken as the minutes' items: no second list followed")
        }
    }

    static func numeric(_ n: String) -> Int? { Int(n.filter(\.isNumber)) }

    /// A first item numbered above 3 ("84. Apologies" in council minutes) needs a marked number
    /// and a heading that is not a date ("28 August 2014").
    static func plausibleFirst(_ n: ItemNumber.Found, line: Line) -> Bool {
        // "1 March 2014 at 7.30pm" is a date, whatever the number.
        if n.rest.range(ofRegex: #"(?i)^(\#(DateParsing.monthAlt))\b"#) != nil { return false }
        guard let v = Int(n.number), v > 3 else { return true }
        guard let first = line.words.first?.text, first.hasSuffix(".") || first.hasSuffix(")") else { return false }
        return true
    }

    /// OCR misreads small item numbers ("1." as "ib", "2." as "2s", "4." as "A."). When the line
    /// is OCR text and its first token reads as the number the sequence expects, take it.
    static func ocrNumber(_ l: Line, expected: String) -> ItemNumber.Found? {
        guard let first = l.firstWord, first.confidence != nil, l.words.count >= 2 else { return nil }
        let token = first.text.trimmingCharacters(in: CharacterSet(charactersIn: ".:;,)"))
        guard (1...3).contains(token.count), token.count <= expected.count + 1 else { return nil }
        let lookalikes: [Character: Character] = ["l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "A": "4", "S": "5", "s": "5",
                                                  "O": "0", "o": "0", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6", "g": "9", "q": "9"]
        // Every character reads as a digit, but for one trailing full stop misread ("2s", "ib").
        let digits = token.count > expected.count && "sb,'".contains(token.last ?? " ") ? String(token.dropLast()) : token
        let mapped = String(digits.map { $0.isNumber ? $0 : (lookalikes[$0] ?? "?") })
        guard mapped == expected, token != expected else { return nil }
        // A lone capital letter is a real list marker ("A. Introduction") unless the numbering expects 4 or 5.
        let rest = l.words.dropFirst().map(\.text).joined(separator: " ")
        guard let c = rest.first, c.isUppercase else { return nil }
        return ItemNumber.Found(number: expected, rest: rest)
    }

    /// The item heading's own text: the words after the number up to the first wide gap.
    /// The heading after the item number's words: the rest of the number's segment, or the
    /// next segment when the number stands alone in its column.
    static func headingSegment(_ l: Line, skipping count: Int = 1) -> String {
        var segments = ArraySlice(l.segments)
        var remaining = count
        while remaining > 0, let first = segments.first {
            if first.words.count <= remaining {
                remaining -= first.words.count
                segments = segments.dropFirst()
            } else {
                return first.words.dropFirst(remaining).map(\.text).joined(separator: " ")
            }
        }
        return segments.first?.text ?? ""
    }

    static func isTopLevel(_ n: String) -> Bool {
        if n.range(ofRegex: #"^\d{1,3}$"#) != nil { return true }
        if n.range(ofRegex: #"^[A-Z]{0,4}\d{1,4}/\d{2,4}$"#) != nil { return true }
        // NHS and board references: "BD/20/45", "TB/2021/07".
        if n.range(ofRegex: #"^[A-Z]{1,5}/\d{2,4}/\d{1,4}$"#) != nil { return true }
        if n.range(ofRegex: #"^[IVXLC]+$"#) != nil { return true }
        return false
    }

    /// The next top-level number: one more than the last, or a first number of 1–3; parish
    /// references ("24/031") go up within their year.
    static func follows(_ n: String, _ last: String?) -> Bool {
        if let r = Roman.value(n) {
            guard let last, let lr = Roman.value(last) else { return r <= 3 }
            return r == lr + 1 || r == 1
        }
        if n.contains("/") {
            guard let last else { return true }
            guard last.contains("/") else { return false }
            let a = n.split(separator: "/"), b = last.split(separator: "/")
            // Year first ("14/037", "14/038"), number first ("45/23", "46/23") or a board's
            // prefix and year ("BD/20/45", "BD/20/46"): one part goes up, the rest stay. A
            // letter prefix ("FC23/045") stays with the year.
            guard a.count == b.count, a.count >= 2 else { return false }
            let differing = a.indices.filter { a[$0] != b[$0] }
            guard differing.count == 1, let i = differing.first, let x = Int(a[i]), let y = Int(b[i]) else { return false }
            return x > y && x - y <= 5
        }
        guard let v = Int(n) else { return false }
        // Council minutes number items through the year ("84. Apologies"): the first may be any number.
        guard let last, let lv = Int(last) else { return true }
        return v == lv + 1 || v == lv + 2 || v == 1
    }

    /// A heading, not a numbered paragraph: "4. HOLDING TO ACCOUNT:", "2. Mobile First",
    /// "2. Minutes of Performance Meeting held on" — but not "1. The Chair reminded the Panel of…".
    static func looksLikeTitle(_ rest: String, line: Line) -> Bool {
        var t = rest.trimmed
        guard let first = t.first else { return true }
        if !(first.isUppercase || first.isNumber || first == "(" || first == "'" || first == "‘" || first == "i" && t.hasPrefix("i")) { return false }
        // "i) Minutes of last Meeting": judge the sub-item's heading.
        if let sub = t.range(ofRegex: #"^([ivx]{1,4}|[a-z])[).]\s+"#) { t = String(t[sub.upperBound...]) }
        let words = t.split(separator: " ")
        if words.count > 16 && !line.bold { return false }
        if line.bold || isHeadingCase(t) { return true }
        // Short and unpunctuated reads as a heading even in sentence case ("Date of next meeting – 25th May 2017").
        let sentence = t.range(ofRegex: #"\b(was|were|is|are|has|had|will|would|said|noted|asked|reported|agreed|thanked|welcomed|provided|presented|explained|confirmed|shared|reminded|requested)\b"#) != nil
        return words.count <= 10 && !sentence && !(t.hasSuffix(".") && words.count > 4)
    }

    static func titleContinues(_ title: String, _ line: Line, _ next: Line) -> Bool {
        guard next.page == line.page, next.box.y0 - line.box.y1 < line.box.height * 0.8 else { return false }
        guard !Paragraphs.startsBullet(next) else { return false }
        let last = title.split(separator: " ").last.map { $0.lowercased() } ?? ""
        // "…Meeting held on" / "28 August 2014": a heading cut after a joining word goes on.
        if ["on", "of", "and", "the", "for", "to", "held", "with", "in", "&", "–", "-", "from", "by"].contains(last) { return true }
        guard ItemNumber.leading(next) == nil else { return false }
        return false
    }

    static func cleanItemTitle(_ t: String) -> String {
        TextJoin.clean(t).trimmingCharacters(in: CharacterSet(charactersIn: " :;–—-"))
    }

    /// One of these is in every sentence the decision pattern takes; most text has none.
    static let decisionStems = ["agreed", "approved", "resolved", "decided"]

    static func decisions(in text: String) -> [String] {
        let lower = text.lowercased()
        guard decisionStems.contains(where: { lower.includes($0) }) else { return [] }
        let sentences = text.components(separatedBy: ". ")
        return sentences.filter { s in
            let l = s.lowercased()
            return decisionStems.contains(where: { l.includes($0) }) && s.range(ofRegex: #"\bRESOLVED\b|\bAGREED\b|(?i)\b(was|were|board|committee|council|panel|members|it was) (agreed|approved|resolved|decided)\b|(?i)\bagreed (that|to)\b|(?i)^(agreed|approved|resolved)\b"#) != nil
        }.map { $0.trimmed.hasSuffix(".") ? $0.trimmed : $0.trimmed + "." }.prefix(12).map { $0 }
    }

    // MARK: next meeting

    static let nextPattern = #"(?i)(date of (the )?next|next (\w+\s+){0,4}(meeting|board|committee|council|session)|future (\w+\s+){0,2}meetings?|dates? of future)"#

    mutating func readNextMeeting() {
        var best: NextMeeting?
        var bestScore = -1
        for i in lines.indices {
            let text = lines[i].text
            guard text.includesFolded("next") || text.includesFolded("future"),
                  let r = text.range(ofRegex: Self.nextPattern) else { continue }
            var window = String(text[r.upperBound...])
            var boxes = [lines[i].box]
            var k = i + 1
            while k < lines.count, k <= i + 2, DateParsing.first(in: window, order: order) == nil {
                window += " " + lines[k].text
                boxes.append(lines[k].box)
                k += 1
            }
            guard let d = DateParsing.first(in: window, order: order, reference: meeting.date), d.iso.count == 10 else { continue }
            // The next meeting comes after this one: a date on or before it is the minutes
            // being approved, or a date the text looks back on.
            if let md = meeting.date, d.iso < md || d.iso == md && meetingDateFromBody != i { continue }
            var score = 1
            if let md = meeting.date, d.iso > md { score += 2 }
            if text.range(ofRegex: #"(?i)date of"#) != nil { score += 1 }
            if score >= bestScore {
                let rest = Self.removingDates(window, order: order)
                let t = DateParsing.times(in: rest)
                best = NextMeeting(date: d.iso, startTime: t.start, endTime: t.end, venue: Self.venueAfterDate(window, order: order),
                                   text: TextJoin.clean(text + (k > i + 1 ? " " + lines[(i + 1)..<k].map(\.text).joined(separator: " ") : "")))
                bestScore = score
                if d.yearInferred { note(.info, page: lines[i].page, "next meeting year taken from the meeting date") }
            }
        }
        nextMeeting = best
    }

    // MARK: inline actions

    static let actionLine = #"^(?i)(actions?|agreed actions?|action points?)\s*(\(([^)]*)\))?\s*[:–—-]\s*"#
    static let actionHeading = #"^(?i)(actions?( arising| agreed| points?)?|agreed actions?)\s*:?$"#
    static let refAction = try! NSRegularExpression(pattern: #"^\(?(\d{1,4}/\d{2,4})\)?\s*[:–—-]\s*(.+)$"#)

    private static let actionWords = [Array("action".utf8), Array("agreed".utf8)]

    /// Asked of every line: compares the first six bytes, ASCII case folded, in place.
    static func opensWithActionWord(_ text: String) -> Bool {
        let head = text.utf8.prefix(6)
        return actionWords.contains { word in head.elementsEqual(word) { $0 | 0x20 == $1 } }
    }

    mutating func readInlineActions() {
        var item: String?
        var i = 0
        while i < lines.count {
            let l = lines[i]
            if let n = leadingNumbers[i], scheme.isTopLevel(n.number), items.contains(where: { $0.number == n.number && $0.page == l.page }) {
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
                if PeopleParsing.isInitials(rest) || Self.isOwnerList(rest) {
                    // "ACTION: AB" after the paragraph that sets it.
                    let para = previousParagraph(before: i)
                    if !para.isEmpty {
                        actions.append(Action(item: item, description: TextJoin.clean(para.map(\.text).joined(separator: " ")),
                                              owners: [rest], page: l.page, box: Rect.enclosing(para.filter { $0.page == l.page }.map(\.box) + [l.box])?.array))
                    }
                } else if !rest.isEmpty {
                    actions.append(makeAction(rest, item: item, lines: used))
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
                    if t.isEmpty || t.lowercased().hasPrefix("there were none") || t.lowercased().hasPrefix("none") { continue }
                    actions.append(makeAction(t, item: item, lines: b))
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
                if Self.ownerSubject(desc) != nil {
                    var a = makeAction(TextJoin.clean(desc), item: item, lines: used)
                    a.ref = String(text[rr]).replacingOccurrences(of: " ", with: "")
                    actions.append(a)
                    i = k
                    continue
                }
            }
            i += 1
        }
    }

    func previousParagraph(before i: Int) -> [Line] {
        var out: [Line] = []
        var k = i - 1
        while k >= 0, out.count < 10 {
            let l = lines[k]
            if let next = out.first ?? Optional(lines[i]), l.page == next.page, next.box.y0 - l.box.y1 > max(l.box.height, next.box.height) * 0.9 { break }
            if l.bold || ItemNumber.leading(l) != nil && out.count > 0 { out.insert(l, at: 0); break }
            out.insert(l, at: 0)
            if Paragraphs.startsBullet(l) { break }
            k -= 1
        }
        return out.filter { !$0.bold || out.count == 1 }
    }

    static func continuesParagraph(_ a: Line, _ b: Line) -> Bool {
        guard !Paragraphs.startsBullet(b), ItemNumber.leading(b) == nil, !b.bold else { return false }
        if a.page != b.page { return true }
        return b.box.y0 - a.box.y1 < max(a.box.height, b.box.height) * 0.8 && b.text.range(ofRegex: actionLine) == nil
    }

    static func isOwnerList(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "&" }).map { String($0).trimmed }
        return !parts.isEmpty && parts.count <= 6 && parts.allSatisfy { p in
            PeopleParsing.isInitials(p) || (p.split(separator: " ").count <= 3 && p.first?.isUppercase == true && !p.contains(" to "))
        } && s.split(separator: " ").count <= 6
    }

    /// The owner a sentence opens with: "CC to send…", "Clerk to write…", "Force: update…".
    static func ownerSubject(_ s: String) -> String? {
        // Initials ("JN/AC"), or a named body of up to five words with a collective noun
        // after it: "Cabinet Office Transparency Team", "Home Office team".
        if let r = s.range(ofRegex: #"^([A-Z][A-Za-z]{0,3}(?:\s*(?:/|,|&|and)\s*[A-Z][A-Za-z]{0,3})*|(?:the\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z]+|of|for|and|&)){0,4}(?:\s+(?:team|group|office|staff|officers?|secretariat|panel|unit|leads?))?)\s+(?:to|will)\s+[a-z]"#) {
            let head = String(s[r])
            let subject = head.replacing(regex: #"\s+(to|will)\s+[a-z]$"#, with: "")
            let lower = subject.lowercased()
            if ["it", "this", "that", "there", "members", "we", "they", "he", "she", "all"].contains(lower) { return nil }
            return subject.replacing(regex: #"^(?i)the\s+"#, with: "")
        }
        if let r = s.range(ofRegex: #"^([A-Z][A-Za-z/&]+(?:\s+[A-Z][A-Za-z]+){0,2})\s*:\s+\S"#) {
            let head = String(s[r])
            return head.components(separatedBy: ":").first?.trimmed
        }
        return nil
    }

    func makeAction(_ text: String, item: String?, lines used: [Line]) -> Action {
        var desc = text
        var owners: [String] = []
        if let subject = Self.ownerSubject(text) {
            owners = [subject]
            // "Force: update at next meeting" — the owner label is not part of the action.
            if let colon = desc.range(ofRegex: #"^[^:]{1,40}:\s*"#), String(desc[colon]).trimmed.hasSuffix(":") {
                desc = String(desc[colon.upperBound...])
            }
        }
        var dueText: String?
        if let r = desc.range(ofRegex: #"(?i)\b(by|before|due)\s+(the\s+)?(end of\s+)?(\d{1,2}(st|nd|rd|th)?\s+[A-Za-z]+(\s+\d{4})?|[A-Za-z]+\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|next meeting)"#) {
            dueText = String(desc[r]).replacing(regex: #"(?i)^(by|before|due)\s+"#, with: "")
        }
        return Action(item: item, description: desc.trimmed, owners: owners, dueText: dueText,
                      page: used.first?.page, box: Rect.enclosing(used.filter { $0.page == used.first?.page }.map(\.box))?.array)
    }
}

/// Headings that introduce lists of people.
/// Lists of people set side by side under their own labels ("Board Members:" beside
/// "Officials:", "Apologies:" beside "Presenters:"): read as one column after the other,
/// where line by line each row would join two people from different lists.
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
                if l.page != prev.page || l.box.y0 - prev.box.y1 > max(l.box.height, prev.box.height) * 2.5 { break }
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

enum PeopleLabel {
    enum Kind { case attendees, apologies }

    static let peopleStems = ["apolog", "absen", "present", "excused", "attend", "member", "official", "officer",
                              "guest", "invite", "roll call", "public", "speaker",
                              // Welsh: (yn) bresennol / presennol, ymddiheuriadau, absennol.
                              "resennol", "ymddiheur", "absennol"]

    static func kind(of raw: String) -> Kind? {
        // A label is a few words; asked of every line, most are sentences.
        guard SectionClassifier.isShort(raw, words: 7) else { return nil }
        let l = raw.trimming(SectionClassifier.labelEdge).lowercased()
        guard !l.isEmpty, l.split(separator: " ").count <= 5 else { return nil }
        // Every people label holds one of these stems; most lines hold none, and the
        // check spares them the patterns below.
        guard peopleStems.contains(where: { l.includes($0) }) else { return nil }
        if l.range(ofRegex: #"^(apologies|apology|absent|absences|not present|excused|apologies for absence|apologies received|apologies were received from|absent with apologies|absent without apologies|apologies for absence received|ymddiheuriadau|ymddiheuriadau am absenoldeb|absennol)$"#) != nil
            || l.range(ofRegex: #"^apolog(ies|y) (and|&|for|received)\b"#) != nil {
            return .apologies
        }
        if l.range(ofRegex: #"\b(in attendance|attendance|attendees|attending)\b|(^|\s)present$|^present\b"#) != nil,
           !l.contains("not present"), !l.contains("sheet") {
            return .attendees
        }
        if l.range(ofRegex: #"^(present|attendees|attendance|in attendance|also present|also in attendance|attending|members present|officers present|others present|other attendees|core attendees|commissioners present|councillors present|governors present|trustees present|board members present|members|officials|officers|guests|invited|invitees|roll call|members of the public|attendance record|presenters|presenting|speakers|presennol|yn bresennol)$"#) != nil {
            return .attendees
        }
        if l.hasSuffix(" present") || l.hasSuffix(" attendees") || l.hasSuffix(" in attendance") || l.hasSuffix(" members") { return .attendees }
        if l.hasSuffix(" absent") || l.hasSuffix(" apologies") || l.hasSuffix(" excused") { return .apologies }
        return nil
    }
}

enum Roman {
    static func value(_ s: String) -> Int? {
        guard s.range(ofRegex: #"^[IVXLC]+$"#) != nil else { return nil }
        let map: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0, prev = 0
        for c in s.reversed() {
            let v = map[c] ?? 0
            total += v < prev ? -v : v
            prev = max(prev, v)
        }
        return total
    }
}

/// Table and inline actions together, without saying the same action twice: a closing
/// action table often repeats an "Actions" line written under the item.
enum ActionMerge {
    static func merge(table: [Action], inline: [Action]) -> [Action] {
        var out = table
        for a in inline {
            if let k = out.firstIndex(where: { similar($0.description, a.description) }) {
                if out[k].owners.isEmpty { out[k].owners = a.owners }
                // A closing action table sits after the last item; the inline copy sits in its item.
                if let item = a.item { out[k].item = item }
                continue
            }
            out.append(a)
        }
        return out.sorted { ($0.page ?? 0, $0.box?[1] ?? 0) < ($1.page ?? 0, $1.box?[1] ?? 0) }
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        var counts: [String: Int] = [:]
        for w in wa { counts[w, default: 0] += 1 }
        var common = 0
        for w in wb where (counts[w] ?? 0) > 0 { counts[w]! -= 1; common += 1 }
        let dice = 2.0 * Double(common) / Double(wa.count + wb.count)
        let contained = Double(common) / Double(min(wa.count, wb.count))
        return dice >= 0.7 || (contained >= 0.85 && min(wa.count, wb.count) >= 4)
    }
}

/// How a document numbers its items where plain 1, 2, 3 does not cover it: parish minute
/// references that carry the year and month ("16.03.2", "16.03.3"), or a decimal top level
/// ("1.0", "2.0") with sub-items ("2.1") beneath.
struct NumberingScheme {
    /// "16.03" when items are numbered 16.03.1, 16.03.2 …
    var referencePrefix: String?
    /// Items numbered 1.0, 2.0 …
    var pointZero = false

    init(numbers: [String]) {
        var prefixes: [String: Int] = [:]
        var threePart = 0
        var pointZeros = Set<Int>()
        let all = Set(numbers)
        for n in numbers {
            let parts = n.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) {
                threePart += 1
                // "16.03" and "16.3" are one prefix, typed two ways.
                prefixes["\(a).\(b)", default: 0] += 1
            } else if parts.count == 2, parts[1].allSatisfy({ $0 == "0" }), let v = Int(parts[0]) {
                pointZeros.insert(v)
            }
        }
        // One prefix on (nearly) every three-part number, and never an item of its own: a
        // reference scheme, not sub-sub-items under "4.1" (which would have a "4.1" or "4").
        if let (p, c) = prefixes.max(by: { $0.value < $1.value }), c >= 2, Double(c) >= 0.8 * Double(threePart),
           !all.contains(where: { Self.sameNumber($0, p) }), let head = p.split(separator: ".").first,
           !all.contains(where: { Self.sameNumber($0, String(head)) }) {
            referencePrefix = p
        }
        pointZero = pointZeros.contains { pointZeros.contains($0 + 1) }
    }

    private func referenceSequence(_ n: String) -> Int? {
        guard let p = referencePrefix else { return nil }
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), "\(a).\(b)" == p else { return nil }
        return Int(parts[2])
    }

    /// "16.03" and "16.3", "4" and "04": the same number.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        let y = b.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        return !x.contains(nil) && x == y
    }

    private func pointZeroValue(_ n: String) -> Int? {
        guard pointZero else { return nil }
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        return Int(parts[0])
    }

    func isTopLevel(_ n: String) -> Bool {
        if referenceSequence(n) != nil || pointZeroValue(n) != nil { return true }
        // With 1.0, 2.0 as items, a bare "2." is a numbered paragraph.
        if pointZero, Int(n) != nil { return false }
        return SectionClassifier.isTopLevel(n)
    }

    func follows(_ n: String, _ last: String?) -> Bool {
        if let v = referenceSequence(n) {
            guard let last else { return true }
            guard let lv = referenceSequence(last) else { return false }
            return v > lv && v - lv <= 3
        }
        if let v = pointZeroValue(n) {
            guard let last else { return v <= 3 }
            guard let lv = pointZeroValue(last) else { return false }
            return v == lv + 1 || v == lv + 2
        }
        return SectionClassifier.follows(n, last)
    }
}
