import Foundation
import MinutesModel

/// People lists settled together once every reader has run: one person once, apologies
/// over attendance, and the chair from an attendee's role when no field named one.
enum Attendance {
    /// A role holding the chair's office: "Chair", "Chairman", "Vice-Chair".
    static let chairRole = #"(?i)\b(\#(Vocabulary.alternation(Vocabulary.shared.chairOffices)))"#

    static func settle(_ found: inout SectionFindings) {
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
