import Foundation
import GRDB

/// What the register answers: action threads, full-text search, one person's record.
public extension Register {
    struct ActionFilter: Sendable {
        public var openOnly = false
        public var owner: String?
        public var body: String?
        /// Open threads whose due date is before this day (YYYY-MM-DD).
        public var overdueAsOf: String?
        public init(openOnly: Bool = false, owner: String? = nil, body: String? = nil, overdueAsOf: String? = nil) {
            self.openOnly = openOnly
            self.owner = owner
            self.body = body
            self.overdueAsOf = overdueAsOf
        }
    }

    /// One row per action thread, with its status now and where that was recorded.
    func actions(_ filter: ActionFilter = ActionFilter()) throws -> ResultTable {
        try read { db in
            var conditions: [String] = []
            var args: [SQLValue] = []
            if filter.openOnly || filter.overdueAsOf != nil { conditions.append("t.status IN ('open', 'carried forward')") }
            if let asOf = filter.overdueAsOf {
                conditions.append("t.due_end IS NOT NULL AND t.due_end < ?")
                args.append(asOf)
            }
            if let body = filter.body {
                let ids = try Self.bodies(db, matching: body)
                conditions.append("t.body_id IN (\(ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))")
            }
            if let owner = filter.owner {
                let people = try Self.people(db, matching: owner)
                // An uncorrelated IN: the owners' actions are found once, not once per thread.
                conditions.append("""
                    t.owner_action_id IN (SELECT o.action_id FROM action_owners o
                      WHERE o.person_id IN (\(people.isEmpty ? "NULL" : people.map(String.init).joined(separator: ",")))
                         OR o.owner = ? COLLATE NOCASE)
                    """)
                args.append(owner)
            }
            let sql = """
                SELECT t.id, b.name, fm.date, t.ref, t.description, t.owners, t.due, t.status, sm.date, lm.date, t.updates
                FROM action_threads t JOIN bodies b ON b.id = t.body_id
                JOIN meetings fm ON fm.id = t.first_meeting_id JOIN meetings sm ON sm.id = t.status_meeting_id
                JOIN meetings lm ON lm.id = t.last_meeting_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY b.name, fm.sort_date IS NULL, fm.sort_date, t.id
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
            return ResultTable(columns: ["thread", "body", "set", "ref", "description", "owners", "due", "status",
                                         "status_at", "last_seen", "updates"],
                               rows: rows.map(Self.values))
        }
    }

    /// Items, decisions and actions whose text matches, best first: the meeting, page and a
    /// snippet with the matched words in [brackets]. Plain words must all occur (any order,
    /// any form the stemmer joins: "circulate" finds "circulated"); text with FTS5 syntax
    /// (quotes, OR, NEAR, a trailing *) is passed to SQLite as it is.
    func search(_ text: String, body: String? = nil, limit: Int = 50) throws -> ResultTable {
        try read { db in
            let query = Self.ftsQuery(text)
            var bodyFilter = ""
            if let body {
                let ids = try Self.bodies(db, matching: body)
                bodyFilter = " AND m.body_id IN (\(ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))"
            }
            // The best hits first, then snippets for those alone: a snippet for every match
            // of a common word would cost more than the search.
            let sql = """
                WITH hits AS (
                  SELECT search.rowid AS id, bm25(search) AS rank, m.sort_date AS sort_date FROM search
                  JOIN search_docs d ON d.id = search.rowid JOIN meetings m ON m.id = d.meeting_id
                  WHERE search MATCH ?\(bodyFilter) ORDER BY rank, sort_date, id LIMIT ?)
                SELECT d.kind, b.name, m.date, m.title, d.page, snippet(search, 0, '[', ']', '…', 16), f.path
                FROM hits JOIN search ON search.rowid = hits.id JOIN search_docs d ON d.id = hits.id
                JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id
                JOIN source_files f ON f.id = m.source_file_id
                WHERE search MATCH ? ORDER BY hits.rank, hits.sort_date, hits.id
                """
            let args: [SQLValue] = [query, limit, query]
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
            return ResultTable(columns: ["kind", "body", "date", "meeting", "page", "snippet", "file"], rows: rows.map(Self.values))
        }
    }

    struct PersonRecord: Sendable {
        public var name: String
        public var key: String
        public var sections: [(String, ResultTable)]
    }

    /// Everyone the name fits: the same full name, or all the words given in a person's name
    /// ("Smith" fits every Smith). Each with meetings attended, apologies, actions owned now,
    /// motions moved or seconded, and printed mentions left ambiguous between them and others.
    func person(_ name: String) throws -> [PersonRecord] {
        try read { db in
            try Self.people(db, matching: name).map { id in
                let row = try Row.fetchOne(db, sql: "SELECT name, key FROM people WHERE id = ?", arguments: [id])
                let display: String = row?[0] ?? name
                func table(_ columns: [String], _ sql: String, _ extra: [SQLValue] = []) throws -> ResultTable {
                    let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments([id] + extra))
                    return ResultTable(columns: columns, rows: rows.map(Self.values))
                }
                let attended = try table(["date", "body", "meeting", "as printed", "role", "status", "page"], """
                    SELECT m.date, b.name, m.title, a.name, a.role, a.status, a.page FROM attendance a
                    JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id
                    WHERE a.person_id = ? AND a.list = 'attendees' AND COALESCE(a.status, '') NOT IN ('absent', 'excused')
                    ORDER BY m.sort_date, m.id
                    """)
                let apologies = try table(["date", "body", "meeting", "as printed", "status", "page"], """
                    SELECT m.date, b.name, m.title, a.name, COALESCE(a.status, a.list), a.page FROM attendance a
                    JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id
                    WHERE a.person_id = ? AND (a.list = 'apologies' OR a.status IN ('absent', 'excused'))
                    ORDER BY m.sort_date, m.id
                    """)
                let actions = try table(["thread", "body", "set", "description", "due", "status", "status_at"], """
                    SELECT t.id, b.name, fm.date, t.description, t.due, t.status, sm.date FROM action_threads t
                    JOIN bodies b ON b.id = t.body_id JOIN meetings fm ON fm.id = t.first_meeting_id
                    JOIN meetings sm ON sm.id = t.status_meeting_id
                    WHERE t.owner_action_id IN (SELECT o.action_id FROM action_owners o WHERE o.person_id = ?)
                    ORDER BY fm.sort_date, t.id
                    """)
                let motions = try table(["date", "body", "item", "motion", "as", "result", "page"], """
                    SELECT m.date, b.name, mo.item, mo.text, CASE WHEN mo.mover_id = ?1 THEN 'moved' ELSE 'seconded' END,
                      mo.result, mo.page
                    FROM motions mo JOIN meetings m ON m.id = mo.meeting_id JOIN bodies b ON b.id = m.body_id
                    WHERE mo.mover_id = ?1 OR mo.seconder_id = ?1 ORDER BY m.sort_date, mo.id
                    """)
                let ambiguous = try table(["date", "body", "mention", "could be"], """
                    SELECT m.date, b.name, x.context, x.candidates FROM ambiguities x
                    JOIN meetings m ON m.id = x.meeting_id JOIN bodies b ON b.id = x.body_id
                    WHERE x.kind = 'person' AND ('; ' || x.candidates || '; ') LIKE '%; ' || ?2 || '; %'
                    ORDER BY m.sort_date, x.id
                    """, [display])
                return PersonRecord(name: display, key: row?[1] ?? "", sections: [
                    ("Meetings attended", attended), ("Apologies and absences", apologies), ("Actions owned", actions),
                    ("Motions moved or seconded", motions), ("Mentions that could be this person or another", ambiguous),
                ])
            }
        }
    }

    // MARK: Matching names given on the command line

    /// Bodies whose name or key has every word given.
    internal static func bodies(_ db: Database, matching text: String) throws -> [Int64] {
        let wanted = Set(Text.words(text))
        return try Row.fetchAll(db, sql: "SELECT id, name, key FROM bodies ORDER BY id").compactMap { row in
            let words = Set(Text.words(row[1] as String) + Text.words(row[2] as String))
            return wanted.isSubset(of: words) ? row[0] : nil
        }
    }

    /// People with the same full name key, else whose name has every word given.
    internal static func people(_ db: Database, matching text: String) throws -> [Int64] {
        if let key = PersonName.parse(text).globalKey,
           let id = try Int64.fetchOne(db, sql: "SELECT id FROM people WHERE key = ?", arguments: [key]) {
            return [id]
        }
        let wanted = Set(Text.words(text).filter { !Vocabulary.honorifics.contains($0) })
        guard !wanted.isEmpty else { return [] }
        let byName: [Int64] = try Row.fetchAll(db, sql: "SELECT id, name FROM people ORDER BY name, id").compactMap { row in
            wanted.isSubset(of: Set(Text.words(row[1] as String))) ? row[0] : nil
        }
        if !byName.isEmpty { return byName }
        // Initials or a role as printed ("AP", "Chair"): whoever they were linked to.
        return try Int64.fetchAll(db, sql: """
            SELECT DISTINCT p.id FROM people p WHERE p.id IN (
              SELECT person_id FROM action_owners WHERE owner = ?1 COLLATE NOCASE
              UNION SELECT person_id FROM attendance WHERE name = ?1 COLLATE NOCASE
              UNION SELECT mover_id FROM motions WHERE mover = ?1 COLLATE NOCASE
              UNION SELECT seconder_id FROM motions WHERE seconder = ?1 COLLATE NOCASE)
            ORDER BY p.name, p.id
            """, arguments: [text.trimmingCharacters(in: .whitespaces)])
    }

    internal static func ftsQuery(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.contains("\"") || t.hasSuffix("*") || t.contains(" OR ") || t.contains(" NEAR") || t.contains(" AND ") || t.contains(" NOT ") {
            return t
        }
        return Text.words(t).map { "\"\($0)\"" }.joined(separator: " ")
    }

    internal static func values(_ row: Row) -> [ResultTable.Value] {
        (0..<row.count).map { i in
            switch row[i] as DatabaseValue {
            case let v where v.isNull: return .null
            default:
                let v: DatabaseValue = row[i]
                if case .int64(let n) = v.storage { return .int(n) }
                if case .double(let d) = v.storage { return .text(String(format: "%.2f", d)) }
                return .text(String.fromDatabaseValue(v) ?? "")
            }
        }
    }
}
