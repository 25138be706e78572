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
            a.owners = a.owners.flatMap(Self.splitOwners)
            a.ownerNames = a.owners.map { Self.resolve($0, in: people) }
            for (o, n) in zip(a.owners, a.ownerNames) where n == nil && !people.isEmpty && PeopleParsing.isInitials(o) {
                doc.note(name, .info, page: a.page, "owner '\(o)' of action \"\(Self.short(a.description))\" matches no attendee's initials")
            }
            if a.owners.isEmpty {
                doc.note(name, .info, page: a.page, "action \"\(Self.short(a.description))\" has no owner on the page")
            }
            if let dueText = a.dueText?.trimmed, !dueText.isEmpty {
                a.dueText = dueText
                if let d = DateParsing.first(in: dueText, order: doc.dateOrder, reference: meetingDate)
                    ?? DateParsing.monthOnly(in: dueText, reference: meetingDate) {
                    a.due = d.iso
                    if d.yearInferred {
                        doc.note(name, .info, page: a.page, "due date '\(dueText)' has no year; \(d.iso.prefix(4)) taken from the meeting date")
                    }
                } else if dueText.range(ofRegex: #"(?i)next (meeting|board|committee)"#) != nil,
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

    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "revd"]

    /// The capitals of a name's words, honorifics left out: "Cllr Jane Anne Smith" → "JAS".
    static func derivedInitials(_ name: String) -> String {
        let words = name.split(separator: " ").filter { !honorifics.contains($0.lowercased().trimming(["."])) }
        return String(words.compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }

    static func short(_ s: String) -> String { s.count > 50 ? String(s.prefix(47)) + "…" : s }

    /// "SH / VH" → ["SH", "VH"]; "CC and DCC" → ["CC", "DCC"]; "Chief Constable" stays whole.
    public static func splitOwners(_ raw: String) -> [String] {
        raw.replacing(regex: #"\s+(and|&)\s+"#, with: "/")
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
