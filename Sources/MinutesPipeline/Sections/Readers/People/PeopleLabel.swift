import Foundation

/// Headings that introduce lists of people.
enum PeopleLabel {
    enum Kind: Sendable { case attendees, apologies }

    static let vocabulary = Vocabulary.shared
    static let absences = Set(vocabulary.absenceLabels)
    static let attendances = Set(vocabulary.attendanceLabels)
    static let absenceOpeners = #"^(\#(Vocabulary.alternation(vocabulary.absenceLabelOpeners)))\b"#
    static let attendanceWords = #"\b(\#(Vocabulary.alternation(vocabulary.attendanceLabelWords)))\b|(^|\s)(\#(Vocabulary.alternation(vocabulary.presentWords)))$|^(\#(Vocabulary.alternation(vocabulary.presentWords)))\b"#

    /// The stems below as a `WordGate`: a label is asked of every line and of the first
    /// words of many, and the byte scan turns most away before any string is built.
    static let stemGate = WordGate(vocabulary.peopleLabelStems)

    static func kind(of whole: String) -> Kind? {
        guard stemGate.mayMatch(whole) else { return nil }
        // "Apologies for absence: Jess Robinson, …": the label is what stands before the colon.
        let raw = whole.firstIndex(of: ":").map { String(whole[..<$0]) } ?? whole
        // A label is a few words; asked of every line, most are sentences.
        guard FieldLabels.isShort(raw, words: 7) else { return nil }
        // "Corran - Absent": a roll call's line, not a label.
        if let dash = raw.range(ofRegex: #"\s[-–—]\s"#), AttendanceNote.answer(String(raw[dash.upperBound...])) != nil { return nil }
        let l = raw.trimming(FieldLabels.labelEdge).lowercased()
        guard !l.isEmpty, l.split(separator: " ").count <= 5 else { return nil }
        // Every people label holds one of these stems; most lines hold none, and the
        // check spares them the patterns below.
        guard vocabulary.peopleLabelStems.contains(where: { l.includes($0) }) else { return nil }
        if absences.contains(l) || l.range(ofRegex: absenceOpeners) != nil { return .apologies }
        // "Roll call of council": its lines answer "Here" or "Absent"; "Roll call vote" records a vote.
        if vocabulary.people.rollCallOpeners.contains(where: { l == $0 || l.hasPrefix($0 + " of ") || l.hasPrefix($0 + " for ") }),
           !vocabulary.people.rollCallVoteWords.contains(where: { l.includes($0) }) { return .attendees }
        if l.range(ofRegex: attendanceWords) != nil, !vocabulary.notAttendanceLabels.contains(where: { l.contains($0) }) {
            return .attendees
        }
        if attendances.contains(l) { return .attendees }
        if vocabulary.attendanceLabelEndings.contains(where: { l.hasSuffix(" " + $0) }) { return .attendees }
        if vocabulary.absenceLabelEndings.contains(where: { l.hasSuffix(" " + $0) }) { return .apologies }
        return nil
    }

    /// A people label run into its list on one line: "Present: Cllr Jeff Bell, …" after an
    /// item's number, "Present Mr P Evans (PE), Mr R Slater (RS)" and "Apology Cllr J Holdich
    /// & Cllr Lane" with no colon. Without a colon the list must open with a title or be a
    /// list of names, so that "Present and approve the accounts" is no label.
    static func runIn(_ text: String) -> (kind: Kind, label: String, value: String)? {
        // Every label is part of the text, and `kind` finds none without a stem.
        guard stemGate.mayMatch(text) else { return nil }
        let t = Paragraphs.stripBullet(text).trimmed
        if let colon = t.firstIndex(of: ":") {
            let label = String(t[..<colon]).trimmed
            let value = String(t[t.index(after: colon)...]).trimmed
            guard !value.isEmpty, let k = kind(of: label.lowercased()) else { return nil }
            return (k, label, value)
        }
        let words = t.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        for n in 1...min(maxRunInLabelWords, words.count - 1) {
            let label = words[..<n].joined(separator: " ")
            guard let k = kind(of: label.lowercased()) else { continue }
            let value = words[n...].joined(separator: " ")
            let first = words[n]
            let titled = vocabulary.isTitle(first) || vocabulary.isTitle(first.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
                || vocabulary.pluralTitles.contains(first.lowercased()) || vocabulary.title(opening: value) != nil
            let parts = value.components(separatedBy: ",").map(\.trimmed).filter { !$0.isEmpty }
            let named = parts.count >= 2 && parts.prefix(3).allSatisfy { Names.isListedName(PeopleParsing.parse(text: $0)?.name ?? $0) }
            if titled || named { return (k, label, value) }
        }
        return nil
    }

    /// "Apologies for absence" is the longest label run into a list without a colon.
    static let maxRunInLabelWords = 3
}
