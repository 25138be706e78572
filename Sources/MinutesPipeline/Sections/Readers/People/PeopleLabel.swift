import Foundation

/// Headings that introduce lists of people.
enum PeopleLabel {
    enum Kind: Sendable { case attendees, apologies }

    static let vocabulary = Vocabulary.shared
    static let absences = Set(vocabulary.absenceLabels)
    static let attendances = Set(vocabulary.attendanceLabels)
    static let absenceOpeners = #"^(\#(Vocabulary.alternation(vocabulary.absenceLabelOpeners)))\b"#
    static let attendanceWords = #"\b(\#(Vocabulary.alternation(vocabulary.attendanceLabelWords)))\b|(^|\s)(\#(Vocabulary.alternation(vocabulary.presentWords)))$|^(\#(Vocabulary.alternation(vocabulary.presentWords)))\b"#

    static func kind(of raw: String) -> Kind? {
        // A label is a few words; asked of every line, most are sentences.
        guard FieldLabels.isShort(raw, words: 7) else { return nil }
        let l = raw.trimming(FieldLabels.labelEdge).lowercased()
        guard !l.isEmpty, l.split(separator: " ").count <= 5 else { return nil }
        // Every people label holds one of these stems; most lines hold none, and the
        // check spares them the patterns below.
        guard vocabulary.peopleLabelStems.contains(where: { l.includes($0) }) else { return nil }
        if absences.contains(l) || l.range(ofRegex: absenceOpeners) != nil { return .apologies }
        if l.range(ofRegex: attendanceWords) != nil, !vocabulary.notAttendanceLabels.contains(where: { l.contains($0) }) {
            return .attendees
        }
        if attendances.contains(l) { return .attendees }
        if vocabulary.attendanceLabelEndings.contains(where: { l.hasSuffix(" " + $0) }) { return .attendees }
        if vocabulary.absenceLabelEndings.contains(where: { l.hasSuffix(" " + $0) }) { return .apologies }
        return nil
    }
}
