import Foundation
import MinutesModel
import PageLayout

/// Splits owners as written ("SH / VH", "CC and DCC"), resolves each to an attendee's name
/// through initials, role or name, and turns due dates into ISO dates.
public struct ResolveOwners: Stage {
    public let name = "resolve-owners"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        let people = doc.minutes.attendees + doc.minutes.apologies
        let meetingDate = doc.minutes.meeting.date
        for k in doc.minutes.actions.indices {
            var a = doc.minutes.actions[k]
            a.owners = a.owners.flatMap { raw -> [String] in
                var owner = raw
                // A "Who/When" cell: "JN/AC Nov (3/4?)" holds both.
                if a.dueText == nil, let (o, due) = Self.ownerAndDue(owner) {
                    doc.note(name, .info, page: a.page, "owner cell '\(raw)' read as owner '\(o)' and due '\(due)'")
                    owner = o
                    a.dueText = due
                }
                // "JN to send PDFs of each plan" in the owner column: the owner is who comes first.
                if let lead = Self.ownerBeforeTo(owner) { owner = lead }
                return Self.splitOwners(owner)
            }
            a.ownerNames = a.owners.map { Self.resolve($0, in: people) }
            for (o, n) in zip(a.owners, a.ownerNames) where n == nil && !people.isEmpty && PeopleParsing.isInitials(o) {
                doc.note(name, .info, page: a.page, "owner '\(o)' of action \"\(Self.short(a.description))\" matches no attendee's initials")
            }
            if a.owners.isEmpty {
                doc.note(name, .info, page: a.page, "action \"\(Self.short(a.description))\" has no owner on the page")
            }
            // "PG to circulate the SEF by 30 November 2021": a deadline written into the action.
            if a.dueText == nil, let due = Self.deadline(in: a.description, order: doc.dateOrder, reference: meetingDate) {
                a.dueText = due
                doc.note(name, .info, page: a.page, "due '\(due)' read from the action's text")
            }
            if let dueText = a.dueText?.trimmed, !dueText.isEmpty {
                a.dueText = dueText
                if let d = DateParsing.first(in: dueText, order: doc.dateOrder, reference: meetingDate)
                    ?? DateParsing.monthOnly(in: dueText, reference: meetingDate) {
                    a.due = d.yearInferred ? Self.overdueInMeetingYear(d.iso, meeting: meetingDate) : d.iso
                    if d.yearInferred {
                        doc.note(name, .info, page: a.page, "due date '\(dueText)' has no year; \(d.iso.prefix(4)) taken from the meeting date")
                    }
                } else if dueText.range(ofRegex: Self.nextSittingAnywhere) != nil,
                          let next = doc.minutes.nextMeeting?.date {
                    a.due = next
                    doc.note(name, .info, page: a.page, "due '\(dueText)' read as the next meeting's date \(next)")
                } else {
                    doc.note(name, .warning, page: a.page, "due date '\(dueText)' is not a date; due left empty")
                }
            }
            doc.minutes.actions[k] = a
        }
    }

    /// The date after "by", "before" or "no later than" in an action's text, or "the next
    /// meeting": only where the date follows the word at once.
    static let vocabulary = Vocabulary.shared
    static let deadlineLead = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.deadlineWords)))\s+(the\s+)?(end\s+of\s+(the\s+)?)?"#
    /// "next meeting", "next Board": the next sitting, as a due date.
    static let nextSittingAnywhere = #"(?i)(\#(Vocabulary.alternation(vocabulary.nextWords))) (\#(Vocabulary.alternation(vocabulary.sittings)))"#
    static let nextSitting = #"(?i)^"# + nextSittingAnywhere.dropFirst(4)

    /// A date with no year ("by NOON 21st October") takes its year from the meeting's.
    static func deadline(in text: String, order: DateParsing.Order, reference: String? = nil) -> String? {
        guard vocabulary.deadlineWords.contains(where: text.includesFolded) else { return nil }
        for r in text.ranges(ofRegex: deadlineLead) {
            let rest = String(text[r.upperBound...])
            if let d = DateParsing.first(in: rest, order: order, reference: reference), rest.distance(from: rest.startIndex, to: d.range.lowerBound) <= 12 {
                return String(rest[..<d.range.upperBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
            }
            if let m = rest.range(ofRegex: nextSitting) { return String(rest[m]) }
            if let m = rest.range(ofRegex: ItemHeadings.monthFirst) {
                return String(rest[m])
            }
        }
        return nil
    }

    /// How many months before the meeting a deadline with no year may fall and still be this
    /// year's: an action log lists overdue actions ("Due: June" at a July meeting is this June,
    /// not next); further back ("January" at a November meeting) it is next year's.
    static let overdueMonths = 2

    static func overdueInMeetingYear(_ iso: String, meeting: String?) -> String {
        guard let m = meeting, let my = Int(m.prefix(4)), let mm = Int(m.dropFirst(5).prefix(2)),
              let y = Int(iso.prefix(4)), let mon = Int(iso.dropFirst(5).prefix(2)), y == my + 1,
              mon < mm, mm - mon <= overdueMonths else { return iso }
        return String(format: "%04d", my) + iso.dropFirst(4)
    }

    /// The capitals of a name's words, honorifics and titles left out: "Cllr Jane Anne Smith" → "JAS".
    static func derivedInitials(_ name: String) -> String {
        let words = name.split(separator: " ").filter { w in
            !vocabulary.isHonorific(String(w)) && !vocabulary.peerageTitles.contains(w.lowercased())
        }
        return String(words.compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }

    /// Owners written as initials or one word, then a date: "JN/AC Nov (3/4?)", "KK 31 March", "Clerk ASAP".
    static func ownerAndDue(_ text: String) -> (String, String)? {
        let pattern = #"^([A-Z][A-Za-z]{0,3}(?:\s*[/,&]\s*[A-Z][A-Za-z]{0,3})*|[A-Z][a-z]+)\s+((?i:(?:\#(DateParsing.monthAlt))\b|\d{1,2}(?:st|nd|rd|th)?[\s/.-]|(?:\#(Vocabulary.alternation(vocabulary.dueWords)))\b).*)$"#
        guard let r = RegexCache.shared.regex(pattern, caseInsensitive: false),
              let m = r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let o = Range(m.range(at: 1), in: text), let d = Range(m.range(at: 2), in: text) else { return nil }
        let owner = String(text[o]), due = String(text[d]).trimmed
        // "Theresa May", "April": a month is a name too. A word, not initials, before a bare
        // month is a name; so is a month standing as the owner.
        guard !DateParsing.isMonthName(owner) else { return nil }
        if owner.count > 4 || owner.dropFirst().contains(where: \.isLowercase), DateParsing.isMonthName(due) { return nil }
        return (owner, due)
    }

    /// "JN to send…", "JN/AC to review…": the initials before "to".
    static func ownerBeforeTo(_ text: String) -> String? {
        guard let r = text.range(ofRegex: #"^[A-Z]{2,4}(\s*[/&,]\s*[A-Z]{2,4})*(?=\s+to\s+[a-z])"#) else { return nil }
        return String(text[r])
    }

    static func short(_ s: String) -> String { s.shortened }

    /// "SH / VH" → ["SH", "VH"]; "CC and DCC" → ["CC", "DCC"]; "Chief Constable" stays whole.
    public static func splitOwners(_ raw: String) -> [String] {
        raw.replacing(regex: #"\s+(and|&|\+)\s+"#, with: "/")
            .split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" || $0 == "&" || $0 == "\n" })
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: " .:-–()")) }
            .filter { !$0.isEmpty }
    }

    /// The attendee an owner names: by initials, then role, then name or surname.
    public static func resolve(_ owner: String, in people: [Person]) -> String? {
        let o = owner.trimmed
        if let p = people.first(where: { $0.initials == o }) { return p.name }
        let lower = o.lowercased()
        let byRole = people.filter { ($0.role ?? "").lowercased() == lower || PeopleParsing.isRoleOnly($0.name) && $0.name.lowercased() == lower }
        if byRole.count == 1 { return byRole[0].name }
        if let p = people.first(where: { $0.name.lowercased() == lower }) { return p.name }
        // Initials the list did not print: "HS" for Heather Savory, when only one fits.
        if PeopleParsing.isInitials(o) {
            let byDerived = people.filter { $0.initials == nil && derivedInitials($0.name) == o }
            if byDerived.count == 1 { return byDerived[0].name }
        }
        let bySurname = people.filter { $0.name.lowercased().split(separator: " ").last.map(String.init) == lower }
        if bySurname.count == 1 { return bySurname[0].name }
        let byParts = people.filter { p in
            let n = p.name.lowercased().split(separator: " ").map(String.init)
            let ow = lower.split(separator: " ").map(String.init)
            return ow.count >= 2 && n.count >= 2 && n.first == ow.first && n.last == ow.last
        }
        return byParts.count == 1 ? byParts[0].name : nil
    }
}
