import Foundation
import GRDB

public extension Register {
    /// Why the register joined what it joined, body by body: how the body was named and
    /// which other names it took in; its meetings in order (and where an undated one's date
    /// came from); every thread with each update, its status and the reason for the match;
    /// printed names linked other than by the same full name; and what was left ambiguous.
    func explain(body: String? = nil) throws -> String {
        try read { db in
            var out: [String] = []
            let ids = try body.map { try Self.bodies(db, matching: $0) }
                ?? Int64.fetchAll(db, sql: "SELECT id FROM bodies ORDER BY name, id")
            for id in ids {
                guard let b = try Row.fetchOne(db, sql: "SELECT name, key, basis, note FROM bodies WHERE id = ?", arguments: [id]) else { continue }
                out.append("Body \(id): \(b[0] as String)")
                out.append("  named from: \(b[2] as String) (key '\(b[1] as String)')")
                if let note: String = b[3] { out.append("  joined: \(note)") }
                out.append("  Meetings:")
                for m in try Row.fetchAll(db, sql: """
                    SELECT m.id, m.sort_date, m.date_basis, f.source_file, m.title, m.own_body_name, m.is_action_log
                    FROM meetings m JOIN source_files f ON f.id = m.source_file_id WHERE m.body_id = ?
                    ORDER BY m.sort_date IS NULL, m.sort_date, f.source_file, m.id
                    """, arguments: [id]) {
                    let date: String = m[1] ?? "undated"
                    let basis: String = m[2]
                    let kind = (m[6] as Bool) ? "action log" : "minutes"
                    out.append("    \(date)  \(m[3] as String)  (\(kind)\(basis == "meeting date" ? "" : "; date: \(basis)"))")
                }
                out.append("  Action threads:")
                var threadCount = 0
                for t in try Row.fetchAll(db, sql: """
                    SELECT t.id, t.status, sm.sort_date, t.description, t.owners, t.origin_date FROM action_threads t
                    JOIN meetings sm ON sm.id = t.status_meeting_id JOIN meetings fm ON fm.id = t.first_meeting_id
                    WHERE t.body_id = ? ORDER BY fm.sort_date IS NULL, fm.sort_date, t.id
                    """, arguments: [id]) {
                    threadCount += 1
                    let owners: String = t[4]
                    out.append("    Thread \(t[0] as Int64): \(t[1] as String) (since \(t[2] as String? ?? "undated"))"
                               + (owners.isEmpty ? "" : " — \(owners)"))
                    out.append("      \"\(Text.collapse(t[3] as String))\"")
                    for u in try Row.fetchAll(db, sql: """
                        SELECT m.sort_date, f.source_file, u.page, u.kind, u.status, u.status_changed, u.reason, u.status_text, u.note
                        FROM action_updates u JOIN meetings m ON m.id = u.meeting_id JOIN source_files f ON f.id = m.source_file_id
                        WHERE u.thread_id = ? ORDER BY u.seq
                        """, arguments: [t[0] as Int64]) {
                        let page = (u[2] as Int?).map { " p\($0)" } ?? ""
                        let status = (u[5] as Bool) ? "→ \(u[4] as String)" : "  \(u[4] as String)"
                        let printed = (u[7] as String?).map { " [\($0)]" } ?? ""
                        out.append("      \(u[0] as String? ?? "undated") \(u[1] as String)\(page): \(u[3] as String) \(status)\(printed) — \(u[6] as String)")
                        if let note: String = u[8] { out.append("        \"\(Text.collapse(note))\"") }
                    }
                }
                if threadCount == 0 { out.append("    (none)") }
                let links = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT x.printed, p.name, x.match FROM (
                      SELECT a.name AS printed, a.person_id AS pid, a.match AS match, a.meeting_id AS mid FROM attendance a
                      UNION ALL SELECT o.owner, o.person_id, o.match, ac.meeting_id FROM action_owners o JOIN actions ac ON ac.id = o.action_id
                    ) x JOIN people p ON p.id = x.pid JOIN meetings m ON m.id = x.mid
                    WHERE m.body_id = ? AND x.match IS NOT NULL AND x.match <> 'the same name'
                    ORDER BY x.printed, p.name
                    """, arguments: [id])
                if !links.isEmpty {
                    out.append("  People matched other than by the same full name:")
                    for l in links { out.append("    '\(l[0] as String)' → \(l[1] as String): \(l[2] as String)") }
                }
                let ambiguous = try Row.fetchAll(db, sql: """
                    SELECT x.kind, x.context, x.candidates, m.sort_date, f.source_file FROM ambiguities x
                    LEFT JOIN meetings m ON m.id = x.meeting_id LEFT JOIN source_files f ON f.id = m.source_file_id
                    WHERE x.body_id = ? ORDER BY m.sort_date, x.id
                    """, arguments: [id])
                if !ambiguous.isEmpty {
                    out.append("  Ambiguous, not merged:")
                    for a in ambiguous {
                        let at = (a[4] as String?).map { " in \($0)" } ?? ""
                        out.append("    \(a[1] as String)\(at): could be \(a[2] as String)")
                    }
                }
                out.append("")
            }
            if ids.isEmpty { out.append(body.map { "no body matches '\($0)'" } ?? "the register is empty") }
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// Counts for the line a run ends with.
    func counts() throws -> (bodies: Int, meetings: Int, people: Int, threads: Int, open: Int, ambiguous: Int) {
        try read { db in
            func n(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return (try n("SELECT COUNT(*) FROM bodies"), try n("SELECT COUNT(*) FROM meetings"),
                    try n("SELECT COUNT(*) FROM people"), try n("SELECT COUNT(*) FROM action_threads"),
                    try n("SELECT COUNT(*) FROM action_threads WHERE status IN ('open', 'carried forward')"),
                    try n("SELECT COUNT(*) FROM ambiguities"))
        }
    }
}
