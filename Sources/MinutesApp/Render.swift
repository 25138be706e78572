import Foundation
import MinutesModel

/// Output formats a batch can write.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// `NAME.json`, the minutes/1 document.
    case json
    /// `NAME.md`, the minutes for people to read.
    case md
    /// `actions.csv`, one action register for the whole batch.
    case csv
    /// `NAME.html`, the review page (the pages with every field's box), and `index.html`.
    case html
    /// `NAME.ocd.json`, the meeting as an Open Civic Data Event.
    case ocd
    /// `NAME.popolo.json`, people, memberships, motions and vote events as Popolo.
    case popolo

    /// What a document's file of this format ends with ("ocd.json"); csv is one per batch.
    public var fileExtension: String {
        switch self {
        case .ocd, .popolo: return rawValue + ".json"
        default: return rawValue
        }
    }

    public static func parseList(_ text: String) -> Set<OutputFormat>? {
        var set = Set<OutputFormat>()
        for part in text.split(separator: ",") {
            guard let f = OutputFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            set.insert(f)
        }
        return set.isEmpty ? nil : set
    }
}

/// Markdown for people: a title block, who was there, the items, and an action table.
public enum MarkdownRenderer {
    public static func render(_ m: Minutes) -> String {
        var out: [String] = []
        out.append("# \(inline(m.meeting.title ?? m.source.file))")
        out.append("")
        let fields: [(String, String?)] = [
            ("Organisation", m.meeting.organisation),
            ("Date", m.meeting.date),
            ("Time", [m.meeting.startTime, m.meeting.endTime].compactMap { $0 }.joined(separator: "–").nilIfEmpty),
            ("Venue", m.meeting.venue),
            ("Chair", m.meeting.chair),
            ("Source", "\(m.source.file) (\(m.source.pages) page\(m.source.pages == 1 ? "" : "s"), \(m.source.method.rawValue))"),
        ]
        for (label, value) in fields {
            if let value, !value.isEmpty { out.append("- **\(label):** \(inline(value))") }
        }
        out.append("")
        if !m.attendees.isEmpty {
            out.append("## Attendees")
            out.append("")
            out += m.attendees.map { "- " + person($0) }
            out.append("")
        }
        if !m.apologies.isEmpty {
            out.append("## Apologies")
            out.append("")
            out += m.apologies.map { "- " + person($0) }
            out.append("")
        }
        if !m.items.isEmpty {
            out.append("## Items")
            out.append("")
            for item in m.items { render(item, level: 3, into: &out) }
        }
        if !m.actions.isEmpty {
            out.append("## Actions")
            out.append("")
            out.append("| Ref | Item | Action | Owners | Due | Status | Page |")
            out.append("|---|---|---|---|---|---|---|")
            for a in m.actions {
                let cells = [a.ref ?? "", a.item ?? "", a.description, a.owners.joined(separator: ", "),
                             a.due ?? a.dueText ?? "", a.status ?? "", a.page.map(String.init) ?? ""]
                out.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            }
            out.append("")
        }
        if let next = m.nextMeeting {
            out.append("## Next meeting")
            out.append("")
            let text = [next.date, [next.startTime, next.endTime].compactMap { $0 }.joined(separator: "–").nilIfEmpty,
                        next.venue].compactMap { $0 }.joined(separator: ", ")
            out.append(inline(text.isEmpty ? (next.text ?? "") : text))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func render(_ item: Item, level: Int, into out: inout [String]) {
        let heading = [item.number, item.title].compactMap { $0 }.joined(separator: " ")
        out.append(String(repeating: "#", count: min(level, 6)) + " " + inline(heading.isEmpty ? "Item" : heading))
        out.append("")
        if !item.text.isEmpty {
            out.append(item.text)
            out.append("")
        }
        for d in item.decisions { out.append("> **Decision:** \(inline(d))") }
        if !item.decisions.isEmpty { out.append("") }
        for child in item.children { render(child, level: level + 1, into: &out) }
    }

    static func person(_ p: Person) -> String {
        var s = inline(p.name)
        if let role = p.role, !role.isEmpty { s += ", " + inline(role) }
        if let i = p.initials, !i.isEmpty { s += " (\(inline(i)))" }
        return s
    }

    static func inline(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ")
    }

    static func cell(_ s: String) -> String {
        inline(s).replacingOccurrences(of: "|", with: "\\|")
    }
}

/// The action register: one row per action across a whole batch.
public enum ActionRegister {
    public static let header = ["source_file", "meeting_title", "meeting_date", "ref", "item", "description",
                                "owners", "due", "status", "page"]

    public static func rows(_ m: Minutes, sourceFile: String) -> [[String]] {
        m.actions.map { a in
            [sourceFile, m.meeting.title ?? "", m.meeting.date ?? "", a.ref ?? "", a.item ?? "", a.description,
             a.owners.joined(separator: "; "), a.due ?? a.dueText ?? "", a.status ?? "", a.page.map(String.init) ?? ""]
        }
    }

    /// RFC 4180: fields quoted when they hold a comma, quote or line break; CRLF line ends.
    public static func csv(_ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
