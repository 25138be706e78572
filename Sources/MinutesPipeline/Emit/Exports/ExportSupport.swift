import Foundation
import MinutesModel

/// What the civic exports share: JSON written from plain values, ids made from names, and
/// the minutes' own records in the shape `extras` keeps them.
enum ExportJSON {
    /// Pretty, sorted JSON with a closing newline, like the minutes' own files.
    static func data(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data([0x0A])
    }

    /// A value or JSON null.
    static func orNull(_ v: Any?) -> Any { v ?? NSNull() }

    /// "Cllr O’Leary" → "cllr-o-leary": a stable local id part.
    static func slug(_ s: String) -> String {
        let parts = s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII })
        let joined = parts.joined(separator: "-")
        return joined.isEmpty ? "unnamed" : String(joined.prefix(60))
    }

    /// The source file as a URI: OCD and Popolo name sources by URL.
    static func sourceURL(_ m: Minutes) -> String {
        let name = m.source.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "document"
        return "file:" + name
    }

    /// The body that met: the organisation, else the meeting's title, else the file's name.
    static func bodyName(_ m: Minutes) -> String {
        for s in [m.meeting.organisation, m.meeting.title] { if let s, !s.trimmed.isEmpty { return s } }
        return m.source.file
    }

    /// "carried" → "pass" and "failed" → "fail", the words OCD and Popolo vote events use.
    static func voteResult(_ r: MotionResult?) -> String? {
        switch r {
        case .carried: return "pass"
        case .failed: return "fail"
        case .withdrawn: return "withdrawn"
        case .deferred: return "deferred"
        case nil: return nil
        }
    }

    static func counts(_ m: Motion) -> [[String: Any]] {
        var out: [[String: Any]] = []
        if let n = m.votesFor { out.append(["option": "yes", "value": n]) }
        if let n = m.votesAgainst { out.append(["option": "no", "value": n]) }
        if let n = m.abstentions { out.append(["option": "abstain", "value": n]) }
        return out
    }

    static func action(_ a: Action) -> [String: Any] {
        ["ref": orNull(a.ref), "item": orNull(a.item), "description": a.description, "owners": a.owners,
         "due": orNull(a.due), "status": orNull(a.status)]
    }

    static func decision(_ d: Decision) -> [String: Any] {
        ["item": orNull(d.item), "text": d.text, "motion": orNull(d.motion)]
    }

    static func motion(_ m: Motion) -> [String: Any] {
        ["item": orNull(m.item), "text": m.text, "mover": orNull(m.mover), "seconder": orNull(m.seconder),
         "result": orNull(m.result?.rawValue), "for": orNull(m.votesFor), "against": orNull(m.votesAgainst),
         "abstain": orNull(m.abstentions), "unanimous": orNull(m.unanimous),
         "votes": m.votes.map { ["name": $0.name, "vote": $0.vote.rawValue] }]
    }
}
