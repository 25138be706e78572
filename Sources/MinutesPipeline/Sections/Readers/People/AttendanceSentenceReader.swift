import Foundation
import MinutesModel
import PageLayout

/// Who attended, and how, told in sentences rather than lists:
/// - "Roll call was taken with the following Trustees in attendance: Elton, Grady, and Hodge.";
/// - "Present were Mayor Ortiz, Councilmember Patel and Councilmember Wu.";
/// - "Daniel, Braden and Sri were in attendance.", "Supervisor Lane and Clerk Hope were also present.";
/// - "Councillor X arrived at 7.40pm during item 6", "Cllr Y attended remotely", "Cllr Z left
///   the meeting at 8.15pm": the status of someone listed, or, where no list named them, an
///   attendee with that status.
struct AttendanceSentenceReader: SectionReader {
    static let words = Vocabulary.shared.people
    static let opener = #"(?i)(?:^|[\s,;])(\#(Vocabulary.alternation(words.presentSentenceOpeners)))\s*"#
    static let end = #"(?i)\s+(\#(Vocabulary.alternation(words.presentSentenceEnds)))\b"#
    /// "Councillor X arrived at 7.40pm", "Cllr Y attended remotely": a name (titled, or two
    /// to four capitalised words), then a verb of attendance.
    /// The phrases as `WordGate`s: most lines hold none.
    static let openerGate = WordGate(words.presentSentenceOpeners)
    static let endGate = WordGate(words.presentSentenceEnds)
    static let statusVerbList = words.arrivalVerbs + words.departureVerbs + ["attended", "participated", "joined"]
    static let statusVerbs = Vocabulary.alternation(statusVerbList)
    /// Every line is asked; most hold no verb of attendance (`WordGate`).
    static let statusGate = WordGate(statusVerbList)
    static let statusSentence = #"((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}?\p{Lu}[\p{L}'’-]+)\s+(?:had\s+|was\s+)?(\#(statusVerbs))\b"#
    /// The verb closing a status sentence, built once.
    static let statusTail = #"\s+(?:had\s+|was\s+)?(\#(statusVerbs))$"#
    /// Sentences that list people are read on the first pages only: later, "were present"
    /// is said of other things.
    static let pagesRead = 1

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let lines = context.lines
        var listed: [Person] = []
        for i in lines.indices where !context.consumed.contains(i) && lines[i].page < context.firstPage + Self.pagesRead {
            let text = lines[i].text
            if Self.openerGate.mayMatch(text), let r = text.range(ofRegex: Self.opener) {
                let (names, k) = context.sentence(from: i, after: r.upperBound, extraLines: 3)
                listed += people(names, lines: Array(lines[i..<k]), context)
            } else if Self.endGate.mayMatch(text), let r = text.range(ofRegex: Self.end) {
                // The subject runs back to the sentence's start, on this line or the one above.
                var before = String(text[..<r.lowerBound])
                if i > 0, !context.consumed.contains(i - 1), lines[i - 1].page == lines[i].page,
                   !lines[i - 1].text.hasSuffix("."), before.range(ofRegex: #"\.\s"#) == nil {
                    before = lines[i - 1].text + " " + before
                }
                if let stop = before.ranges(ofRegex: #"[.:]\s"#).last { before = String(before[stop.upperBound...]) }
                listed += people(before, lines: [lines[i]], context)
            }
        }
        out.attendees = listed
        if !listed.isEmpty { out.note(.info, "\(listed.count) attendee(s) read from sentences") }
        return out
    }

    /// The people a sentence names, if every entry reads as a person.
    func people(_ text: String, lines: [Line], _ context: SectionContext) -> [Person] {
        let list = PeopleEntries.listText(text).trimmed
        guard !list.isEmpty, list.first?.isUppercase == true else { return [] }
        let found = PeopleEntries.people(value: list, lines: [], group: "Present", page: lines.first?.page ?? 1, valueLines: lines, in: context)
        // "All members were present": no one named.
        guard found.contains(where: { !PeopleParsing.isRoleOnly($0.name) }),
              found.allSatisfy({ Names.isListedName($0.name) || Names.isSurname($0.name) || PeopleParsing.isRoleOnly($0.name) }) else { return [] }
        return found.map { $0.status == nil ? $0.noting(AttendanceNote(status: .present)) : $0 }
    }

    /// Status sentences anywhere in the minutes, matched to the people already read:
    /// "District Councillor L Haysey joined at 8.10 pm" marks Haysey late at 20:10.
    static func statuses(in context: SectionContext, for found: inout SectionFindings) {
        // Every line: item readers take the lines of their items' text.
        for l in context.lines where statusGate.mayMatch(l.text) {
            for m in l.text.ranges(ofRegex: statusSentence) {
                let clause = String(l.text[m.lowerBound...])
                guard let note = AttendanceNote.read(clause),
                      let p = PeopleParsing.parse(text: String(l.text[m]).replacing(regex: statusTail, with: "")) else { continue }
                let key = Names.key(p.name)
                guard let surname = key.split(separator: " ").last.map(String.init), !surname.isEmpty else { continue }
                if let j = found.attendees.firstIndex(where: { Names.key($0.name) == key || Names.key($0.name).hasSuffix(" " + surname) }),
                   found.attendees[j].status == nil || found.attendees[j].status == .present {
                    found.attendees[j] = found.attendees[j].noting(note)
                }
            }
        }
    }
}
