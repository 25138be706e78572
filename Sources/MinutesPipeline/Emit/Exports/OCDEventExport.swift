import Foundation
import MinutesModel

/// The minutes as an Open Civic Data Event (`NAME.ocd.json`): the meeting, its participants,
/// its agenda with each item's notes and vote events, and the source document. OCD has no
/// place for minutes' actions, decisions or motions' movers; they go under `extras`, OCD's
/// place for data outside the schema, in the minutes' own shape.
public enum OCDEventExport {
    public static func data(_ m: Minutes) throws -> Data { try ExportJSON.data(event(m)) }

    public static func event(_ m: Minutes) -> [String: Any] {
        var e: [String: Any] = [
            "name": (m.meeting.title ?? "").isEmpty ? ExportJSON.bodyName(m) : (m.meeting.title ?? ""),
            "all_day": false,
            // The minutes record a meeting that was held.
            "status": "passed",
            "classification": "meeting",
            "description": "",
            "media": [Any](),
            "links": [Any](),
            "participants": participants(m),
            "agenda": agenda(m),
            "documents": [["note": "minutes", "url": m.source.file, "media_type": mediaType(m.source.file)]],
            "sources": [["url": ExportJSON.sourceURL(m), "note": "minutes converted by minutes (minutes/1)"]],
            "extras": extras(m),
        ]
        // OCD's dates carry a time only with its zone, which minutes never print: the date
        // goes here, the local times under extras.
        if let d = m.meeting.date { e["start_date"] = d }
        if let d = m.meeting.date, m.meeting.endTime != nil { e["end_date"] = d }
        e["location"] = m.meeting.venue.map { ["name": $0, "note": "", "coordinates": NSNull()] as [String: Any] } ?? NSNull()
        return e
    }

    static func mediaType(_ file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "tif", "tiff": return "image/tiff"
        case "jpg", "jpeg": return "image/jpeg"
        default: return "application/pdf"
        }
    }

    /// The body that met, then everyone listed as there, each with their role or status.
    static func participants(_ m: Minutes) -> [[String: Any]] {
        var out: [[String: Any]] = [["name": ExportJSON.bodyName(m), "type": "organization", "note": "host"]]
        for p in m.attendees where !p.name.isEmpty {
            let note = [p.role, p.status?.rawValue].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
            out.append(["name": p.name, "type": "person", "note": note.isEmpty ? "present" : note])
        }
        return out
    }

    /// Each item in order: its title, its decisions as notes, and the vote events held under it.
    static func agenda(_ m: Minutes) -> [[String: Any]] {
        m.items.enumerated().map { (i, item) in
            let title = (item.title ?? "").isEmpty ? (item.number.map { "Item \($0)" } ?? "Item \(i + 1)") : (item.title ?? "")
            let votes = m.motions.enumerated().filter { $0.element.item != nil && $0.element.item == item.number }.map { (k, mo) in
                ["entity_type": "vote_event", "name": mo.text, "note": ExportJSON.voteResult(mo.result) ?? NSNull(),
                 "id": "vote-event-\(k + 1)"] as [String: Any]
            }
            return [
                "order": item.number ?? String(i + 1),
                "description": title,
                "classification": [String](),
                "subjects": [String](),
                "media": [Any](),
                "notes": item.decisions.filter { !$0.isEmpty },
                "related_entities": votes,
            ] as [String: Any]
        }
    }

    /// What OCD has no field for.
    static func extras(_ m: Minutes) -> [String: Any] {
        [
            "minutes_schema": m.schema,
            "source_sha256": m.source.sha256,
            "organisation": ExportJSON.orNull(m.meeting.organisation),
            "start_time": ExportJSON.orNull(m.meeting.startTime),
            "end_time": ExportJSON.orNull(m.meeting.endTime),
            "chair": ExportJSON.orNull(m.meeting.chair),
            "apologies": m.apologies.map { ["name": $0.name, "role": ExportJSON.orNull($0.role)] as [String: Any] },
            "actions": m.actions.map(ExportJSON.action),
            "decisions": m.decisions.map(ExportJSON.decision),
            "motions": m.motions.map(ExportJSON.motion),
            "next_meeting": ExportJSON.orNull(m.nextMeeting?.date),
        ]
    }
}
