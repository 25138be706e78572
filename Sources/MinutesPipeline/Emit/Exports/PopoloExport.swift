import Foundation
import MinutesModel

/// The minutes as Popolo (`NAME.popolo.json`): the people listed, the body that met, their
/// memberships (role from the attendance lists), the meeting as an event, and each motion
/// with its vote event, counts and named votes. Popolo has no seconder, item or unanimity:
/// each motion keeps them under `extras`, the convention Open Civic Data uses.
public enum PopoloExport {
    public static func data(_ m: Minutes) throws -> Data { try ExportJSON.data(document(m)) }

    public static func document(_ m: Minutes) -> [String: Any] {
        let org = "organization/" + ExportJSON.slug(ExportJSON.bodyName(m))
        let event = "event/" + ExportJSON.slug((m.meeting.date ?? "") + " " + ExportJSON.bodyName(m))
        let sources: [[String: Any]] = [["url": ExportJSON.sourceURL(m), "note": "minutes"]]
        var persons: [[String: Any]] = []
        var memberships: [[String: Any]] = []
        var ids: [String: String] = [:]
        for (p, present) in m.attendees.map({ ($0, true) }) + m.apologies.map({ ($0, false) }) where !p.name.isEmpty {
            guard ids[p.name] == nil else { continue }
            // Two names with one slug ("O'Neil", "O Neil") stay two people.
            let base = "person/" + ExportJSON.slug(p.name)
            var id = base
            var n = 2
            while ids.values.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids[p.name] = id
            persons.append(["id": id, "name": p.name, "sources": sources])
            memberships.append([
                "id": "membership/" + id.dropFirst("person/".count),
                "person_id": id, "organization_id": org,
                "role": p.role ?? (present ? "attendee" : "apologies"),
                "label": present ? (p.status?.rawValue ?? "present") : "apologies",
                "sources": sources,
            ])
        }
        var motions: [[String: Any]] = []
        var voteEvents: [[String: Any]] = []
        for (k, mo) in m.motions.enumerated() {
            let motionID = "motion/\(k + 1)"
            let mover = mo.moverName ?? mo.mover
            motions.append([
                "id": motionID,
                "organization_id": org,
                "legislative_session_id": event,
                "creator_id": ExportJSON.orNull(mover.flatMap { personID($0, ids) }),
                "text": mo.text,
                "date": ExportJSON.orNull(m.meeting.date),
                "result": ExportJSON.orNull(ExportJSON.voteResult(mo.result)),
                "sources": sources,
                "extras": ["mover": ExportJSON.orNull(mo.mover), "seconder": ExportJSON.orNull(mo.seconder),
                           "item": ExportJSON.orNull(mo.item), "unanimous": ExportJSON.orNull(mo.unanimous),
                           "page": ExportJSON.orNull(mo.page)] as [String: Any],
            ])
            // A vote event wherever the page says how the vote went.
            guard mo.result != nil || !mo.votes.isEmpty || mo.votesFor != nil else { continue }
            voteEvents.append([
                "id": "vote-event/\(k + 1)",
                "organization_id": org,
                "legislative_session_id": event,
                "motion_id": motionID,
                "start_date": ExportJSON.orNull(m.meeting.date),
                "result": ExportJSON.orNull(ExportJSON.voteResult(mo.result)),
                "counts": ExportJSON.counts(mo),
                "votes": mo.votes.map { v in
                    ["voter_id": ExportJSON.orNull(personID(v.name, ids)), "voter": ["name": v.name], "option": v.vote.rawValue] as [String: Any]
                },
                "sources": sources,
            ])
        }
        var meeting: [String: Any] = [
            "id": event, "name": (m.meeting.title ?? "").isEmpty ? ExportJSON.bodyName(m) : (m.meeting.title ?? ""),
            "classification": "meeting", "organization_id": org, "sources": sources,
        ]
        if let d = m.meeting.date { meeting["start_date"] = d }
        if let v = m.meeting.venue { meeting["location"] = v }
        return [
            "persons": persons,
            "organizations": [["id": org, "name": ExportJSON.bodyName(m), "sources": sources]],
            "memberships": memberships,
            "events": [meeting],
            "motions": motions,
            "vote_events": voteEvents,
        ]
    }

    /// The id of the person a printed name stands for: the same name, else the one person
    /// with that surname ("Mayor Rossi" is Rossi).
    static func personID(_ printed: String, _ ids: [String: String]) -> String? {
        if let id = ids[printed] { return id }
        guard let surname = printed.split(separator: " ").last?.lowercased() else { return nil }
        let same = ids.filter { $0.key.split(separator: " ").last?.lowercased() == surname }
        return same.count == 1 ? same.first?.value : nil
    }
}
