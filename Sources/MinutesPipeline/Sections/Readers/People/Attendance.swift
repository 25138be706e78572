import Foundation
import MinutesModel

/// People lists settled together once every reader has run: one person once, apologies
/// over attendance, and the chair from an attendee's role when no field named one.
enum Attendance {
    /// A role holding the chair's office: "Chair", "Chairman", "Vice-Chair".
    static let chairRole = #"(?i)\b(\#(Vocabulary.alternation(Vocabulary.shared.chairOffices)))"#

    static func settle(_ found: inout SectionFindings) {
        // "Hall - Absent", "Jo Reed (excused)" under a list of those present: away, so apologies.
        let absent = found.attendees.filter { $0.status == .absent || $0.status == .excused }
        if !absent.isEmpty {
            found.attendees.removeAll { $0.status == .absent || $0.status == .excused }
            found.apologies += absent
        }
        // Listed as sending apologies: not an attendee, whatever other list names them.
        let away = Set(found.apologies.map { Names.key($0.name) })
        let before = found.attendees.count
        found.attendees.removeAll { away.contains(Names.key($0.name)) }
        if found.attendees.count < before {
            found.note(.info, "\(before - found.attendees.count) attendee(s) also listed under apologies were kept as apologies only")
        }
        var seen = Set<String>()
        found.attendees = found.attendees.filter { seen.insert(Names.key($0.name)).inserted }
        var seenAway = Set<String>()
        found.apologies = found.apologies.filter { seenAway.insert(Names.key($0.name)).inserted }
        // "Hernandez" beside "Uriel Hernandez" is the same person.
        let apologies = found.apologies
        found.apologies = apologies.filter { p in
            let key = Names.key(p.name)
            return key.contains(" ") || !apologies.contains { $0.name != p.name && Names.key($0.name).hasSuffix(" " + key) }
        }
        if found.meeting.chair == nil, let chair = found.attendees.first(where: { ($0.role ?? "").range(ofRegex: chairRole) != nil }) {
            found.set(.chair, chair.name, at: chair.page.map { Provenance(page: $0, box: chair.box) })
        }
    }
}

/// What a page says of one person's attendance beside their name: "(excused)", "- Here",
/// "(arrived 7.40pm)", "(substitute for Cllr Z)", "attended remotely".
struct AttendanceNote: Equatable, Sendable {
    var status: AttendanceStatus
    var arrived: String?
    var left: String?
    var substituteFor: String?

    static let words = Vocabulary.shared.people
    static let substitute = #"(?i)\b(\#(Vocabulary.alternation(words.substituteWords)))\s+(.+)$"#
    static let arrival = #"(?i)\b(\#(Vocabulary.alternation(words.arrivalVerbs)))\b"#
    static let departure = #"(?i)\b(\#(Vocabulary.alternation(words.departureVerbs)))\b"#
    static let remote = #"(?i)\b(\#(Vocabulary.alternation(words.remoteWords)))\b"#
    static let excused = #"(?i)\b(\#(Vocabulary.alternation(words.excusedWords)))\b"#

    /// The words before whom a substitute sat for, built once.
    static let substituteLead = #"(?i)^(\#(Vocabulary.alternation(words.substituteWords)))\s+"#

    /// A note in a bracket or a sentence about someone; nil where it says nothing of attendance.
    static func read(_ text: String) -> AttendanceNote? {
        if let r = text.range(ofRegex: substitute) {
            let whom = String(text[r]).replacing(regex: substituteLead, with: "")
            return AttendanceNote(status: .substitute, substituteFor: whom.trimmingCharacters(in: CharacterSet(charactersIn: " .,;)")))
        }
        let time = DateParsing.times(in: text).start
        if text.range(ofRegex: arrival) != nil { return AttendanceNote(status: .late, arrived: time) }
        if text.range(ofRegex: departure) != nil { return AttendanceNote(status: .leftEarly, left: time) }
        if text.range(ofRegex: remote) != nil { return AttendanceNote(status: .remote) }
        if text.range(ofRegex: excused) != nil { return AttendanceNote(status: .excused) }
        return answer(text)
    }

    /// A roll call's answer alone: "Here", "Present", "Absent".
    static func answer(_ text: String) -> AttendanceNote? {
        let key = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .,;()"))
        guard let word = words.rollAnswers[key] else { return nil }
        switch word {
        case .present: return AttendanceNote(status: .present)
        case .absent: return AttendanceNote(status: .absent)
        case .excused: return AttendanceNote(status: .excused)
        case .remote: return AttendanceNote(status: .remote)
        case .late: return AttendanceNote(status: .late)
        }
    }
}

extension Person {
    /// The person with what the page said of their attendance.
    func noting(_ note: AttendanceNote?) -> Person {
        guard let note else { return self }
        var p = self
        p.status = note.status
        p.arrived = note.arrived ?? p.arrived
        p.left = note.left ?? p.left
        p.substituteFor = note.substituteFor ?? p.substituteFor
        return p
    }
}
